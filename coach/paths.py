"""Where Coach keeps the user's data and finds what it ships."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from coach.core.i18n import _
from coach.core.private_files import make_private_dir

DATA_DIR_VARIABLE = "COACH_DATA_DIR"
_PACKAGE = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """The shipped ``routines`` or ``assets`` folder: inside an installed wheel
    (``coach/_shipped/NAME``) or, in a checkout, beside the package.

    Raises FileNotFoundError when neither exists (a broken install).
    """
    for candidate in (_PACKAGE / "_shipped" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Coach's {name} folder is missing from this installation")


def asset(relative: str) -> Path:
    """A shipped asset, e.g. ``asset("sounds/step.wav")``."""
    return shipped_dir("assets") / relative


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""Pixel sizes of the app icon's PNGs, ``icons/coach-SIZE.png`` (tools/draw_icons.py)."""


def icon_files() -> list[Path]:
    """The app icon's PNG files, smallest first."""
    return [asset(f"icons/coach-{size}.png") for size in ICON_SIZES]


@dataclass(frozen=True)
class DataPaths:
    """The user's data folder and the files in it."""

    root: Path

    @property
    def history(self) -> Path:
        return self.root / "history.sqlite3"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def lock(self) -> Path:
        """Held by the one Coach that writes this folder's history."""
        return self.root / "coach.lock"

    @property
    def routines(self) -> Path:
        """Where the user drops routine files of their own."""
        return self.root / "routines"

    def owns(self, path: Path) -> bool:
        """Whether writing ``path`` would write over Coach's own data: a file inside this
        folder (named through it, even where a folder in it links elsewhere, as a routines
        folder may), or another name (a link) for one."""
        try:
            target, root = path.resolve(), self.root.resolve()
        except (OSError, RuntimeError):
            return False
        named = Path(os.path.normpath(path.absolute()))  # as written, links not followed
        roots = {root, Path(os.path.normpath(self.root.absolute()))}
        if any(r == p or r in p.parents for r in roots for p in (target, named)):
            return True
        try:
            return target.is_file() and any(own.is_file() and own.samefile(target)
                                            for own in root.rglob("*"))
        except OSError:
            return False

    def create(self) -> None:
        """Make the folder if missing, and private to the user (0700 on POSIX, an existing
        folder included, whatever the umask). Raises OSError."""
        make_private_dir(self.root)


def data_paths(override: str | None = None) -> DataPaths:
    """``--data-dir`` if given, else ``$COACH_DATA_DIR``, else the platform's user data folder.
    Raises ValueError, saying why, for a folder name that cannot be followed (an unknown
    ``~user``, links that loop)."""
    chosen = override or os.environ.get(DATA_DIR_VARIABLE)
    if not chosen:
        return DataPaths(Path(platformdirs.user_data_dir("coach", appauthor=False)))
    try:
        return DataPaths(Path(chosen).expanduser().resolve())
    except RuntimeError as error:  # what pathlib raises for both
        raise ValueError(_("the data folder {folder} cannot be used: {error}").format(
            folder=chosen, error=error)) from None
