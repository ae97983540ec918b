"""The routine library: shipped routines plus the user's own, with every problem reported."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coach.core.i18n import _
from coach.core.routines.illustration import illustration_path
from coach.core.routines.routine import Routine, RoutineError, load_routine


@dataclass(frozen=True)
class Library:
    """Routines sorted by title, and the errors of the files that could not be used."""

    routines: tuple[Routine, ...]
    errors: tuple[RoutineError, ...]

    def get(self, routine_id: str) -> Routine | None:
        """The routine with ``routine_id``, or None."""
        return next((r for r in self.routines if r.id == routine_id), None)

    def in_language(self, code: str) -> Library:
        """The routines with their texts in language ``code`` where their files have them,
        sorted by their titles in it."""
        routines = sorted((r.in_language(code) for r in self.routines),
                          key=lambda r: (not r.shipped, r.title.casefold()))
        return Library(tuple(routines), self.errors)


def routine_files(folder: Path | None) -> list[Path]:
    """The ``*.toml`` files directly in ``folder``, sorted; empty if it does not exist."""
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def load_library(shipped_dir: Path, user_dir: Path | None = None,
                 pictures: Path | None = None) -> Library:
    """Load the shipped routines, then the user's.

    A file that fails validation, or whose id another file already took, is left out and its
    RoutineError kept in ``errors``; a user file may not reuse a shipped id. With
    ``pictures`` (Coach's illustrations folder), a step's illustration must be found beside
    its routine file or there.
    """
    routines: dict[str, Routine] = {}
    errors: list[RoutineError] = []
    for shipped, files in ((True, routine_files(shipped_dir)), (False, routine_files(user_dir))):
        _add_all(files, shipped, routines, errors, pictures)
    ordered = sorted(routines.values(), key=lambda r: (not r.shipped, r.title.casefold()))
    return Library(tuple(ordered), tuple(errors))


def check_files(paths: Iterable[Path], library: Library | None = None,
                pictures: Path | None = None) -> tuple[list[Routine], list[RoutineError]]:
    """Validate routine files as ``coach routines --check`` does: each file once, every id
    new among them and in ``library`` (a file already in the library may keep its own id),
    and every illustration found (see ``load_library``)."""
    unique = list(dict.fromkeys(_resolved(path) for path in paths))
    routines = {r.id: r for r in (library.routines if library else ())
                if _resolved(r.path) not in unique}
    errors: list[RoutineError] = []
    _add_all(unique, False, routines, errors, pictures)
    return [r for r in routines.values() if r.path in unique], errors


def _resolved(path: Path) -> Path:
    """``path`` with its links followed; as given where they loop (reading it then fails
    with a message)."""
    try:
        return path.resolve()
    except RuntimeError:
        return path.absolute()


def _add_all(paths: Iterable[Path], shipped: bool, routines: dict[str, Routine],
             errors: list[RoutineError], pictures: Path | None) -> None:
    for path in paths:
        try:
            routine = load_routine(path, shipped=shipped)
            if pictures is not None:
                _check_pictures(routine, pictures)
        except RoutineError as error:
            errors.append(error)
            continue
        taken = routines.get(routine.id)
        if taken is not None:
            whose = _("a routine Coach ships") if taken.shipped else str(taken.path)
            errors.append(RoutineError(path, _("duplicate id: {whose} already uses it").format(
                whose=whose), routine.id, "id"))
            continue
        routines[routine.id] = routine


def _check_pictures(routine: Routine, pictures: Path) -> None:
    for index, step in enumerate(routine.steps):
        if step.illustration and illustration_path(routine, step.illustration,
                                                   pictures) is None:
            raise RoutineError(routine.path, _("'{name}' is neither beside the routine file "
                                               "nor among Coach's pictures").format(
                name=step.illustration), routine.id, f"steps[{index}].illustration")
