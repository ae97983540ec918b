"""Routines, exercises and steps, loaded from TOML files and validated strictly.

A routine file holds one routine (see the README's "Writing a routine"). Every error names the
file, the routine id (when known) and the field, and one bad file never hides the good ones.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from coach.core.i18n import N_, TRANSLATED, _

SIDES = ("left", "right")
RIGHT_SIDE_PREFIX = "right side:"
"""A step whose English name starts so is for the right side alone."""
SIDE_NAMES = {"left": N_("Left side"), "right": N_("Right side")}
"""How a side is shown (translated where shown: ``_(SIDE_NAMES[side])``)."""
SWITCH_TO = {"left": N_("Switch sides: left side next"),
             "right": N_("Switch sides: right side next")}
SWITCH_SIDES_S = 5
"""Seconds given to change sides between the two sides of a step."""

MAX_STEP_S = 30 * 60
MAX_REST_S = 10 * 60
MAX_REPS = 100
MAX_SECONDS_PER_REP = 60
MAX_STEPS = 100
MAX_FILE_BYTES = 256 * 1024

WHEN_LABELS = {
    "acute-spasm": N_("During a spasm"),
    "after-spasm-eases": N_("After a spasm eases"),
    "once-settled": N_("Once the pain has settled"),
    "at-the-desk": N_("At the desk"),
    "before-exercise": N_("Before exercise"),
    "after-exercise": N_("After exercise"),
    "any-time": N_("Any time"),
}
"""The allowed ``when`` tags and how they are shown."""

_ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ILLUSTRATION_PATTERN = re.compile(r"^[A-Za-z0-9_-]+\.(svg|png)$")
_ROUTINE_KEYS = {"id", "title", "summary", "when", "how_often", "cautions", "sources", "steps",
                 *TRANSLATED}
_TRANSLATED_KEYS = {"title", "summary", "how_often", "cautions"}
_TRANSLATED_STEP_KEYS = {"name", "instruction"}
_STEP_KEYS = {
    "name", "instruction", "duration_s", "reps", "seconds_per_rep", "sides", "rest_s",
    "illustration", *TRANSLATED,
}


class RoutineError(ValueError):
    """A routine file that cannot be used; the message names file, routine id and field."""

    def __init__(self, path: Path, problem: str, routine_id: str | None = None,
                 field: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.routine_id = routine_id
        self.field = field
        where = [str(path)]
        if routine_id:
            where.append(_("routine '{id}'").format(id=routine_id))
        if field:
            where.append(_("field '{field}'").format(field=field))
        super().__init__(f"{': '.join(where)}: {problem}")


@dataclass(frozen=True)
class Step:
    """One step of a routine.

    A step lasts ``duration_s`` seconds on each side in ``sides`` (once when ``sides`` is empty),
    then ``rest_s`` seconds of rest. For counted steps ``reps`` and ``seconds_per_rep`` are set
    and ``duration_s == reps * seconds_per_rep``.
    """

    name: str
    instruction: str
    duration_s: int
    reps: int | None = None
    seconds_per_rep: int | None = None
    sides: tuple[str, ...] = ()
    rest_s: int = 0
    illustration: str | None = None
    right_side: bool = False
    """Whether the step is for the right side alone (its English name starts "Right side:"),
    so its drawing shows mirrored, in any language."""

    @property
    def total_s(self) -> int:
        """Seconds the step takes with all its sides, switches and rest."""
        plays = max(1, len(self.sides))
        return plays * self.duration_s + (plays - 1) * SWITCH_SIDES_S + self.rest_s


@dataclass(frozen=True)
class Routine:
    """A guided routine: metadata plus an ordered, non-empty tuple of steps.

    ``sources`` names the source documents the routine rests on; ``path`` is the file it came
    from and ``shipped`` says whether Coach ships it or the user added it. ``how_often`` says
    how often to do it (empty when the file does not say).
    """

    id: str
    title: str
    summary: str
    when: tuple[str, ...]
    cautions: tuple[str, ...]
    sources: tuple[str, ...]
    steps: tuple[Step, ...]
    path: Path
    shipped: bool = True
    how_often: str = ""
    translations: dict[str, Translation] = field(default_factory=dict, compare=False)

    def in_language(self, code: str) -> Routine:
        """This routine with its texts in language ``code`` where its file has them (each
        text not translated stays in English)."""
        words = self.translations.get(code)
        if words is None:
            return self
        steps = tuple(replace(step, name=name or step.name,
                              instruction=instruction or step.instruction)
                      for step, (name, instruction) in zip(self.steps, words.steps,
                                                           strict=True))
        return replace(self, title=words.title or self.title,
                       summary=words.summary or self.summary,
                       how_often=words.how_often or self.how_often,
                       cautions=words.cautions or self.cautions, steps=steps)

    @property
    def total_s(self) -> int:
        """Seconds the routine takes played straight through (the get-ready countdown aside)."""
        return sum(step.total_s for step in self.steps)

    @property
    def when_labels(self) -> tuple[str, ...]:
        return tuple(WHEN_LABELS[tag] for tag in self.when)


@dataclass(frozen=True)
class Translation:
    """A routine's texts in one language, from its language table (``[de]``) and its steps'
    (``[steps.de]``): empty where the file gives none. ``steps`` holds (name, instruction)
    for each step, in order. Its cautions, when given, are as many as the English ones."""

    title: str = ""
    summary: str = ""
    how_often: str = ""
    cautions: tuple[str, ...] = ()
    steps: tuple[tuple[str, str], ...] = ()


class _Checker:
    """Reads typed fields out of parsed TOML, raising RoutineError that names the field."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.routine_id: str | None = None

    def fail(self, field: str | None, problem: str) -> RoutineError:
        return RoutineError(self.path, problem, self.routine_id, field)

    def keys(self, table: dict[str, Any], allowed: set[str], prefix: str = "") -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(f"{prefix}{key}", _("unknown field"))

    def text(self, table: dict[str, Any], key: str, field: str, max_len: int) -> str:
        if key not in table:
            raise self.fail(field, _("missing field"))
        value = table[key]
        if not isinstance(value, str):
            raise self.fail(field, _("must be text, not {kind}").format(kind=_type_name(value)))
        value = value.strip()
        if not value:
            raise self.fail(field, _("must not be empty"))
        if len(value) > max_len:
            raise self.fail(field, _("is {count} characters long; at most {most} allowed").format(
                count=len(value), most=max_len))
        return value

    def texts(self, table: dict[str, Any], key: str, max_len: int,
              field: str | None = None) -> tuple[str, ...]:
        field = field or key
        if key not in table:
            raise self.fail(field, _("missing field"))
        value = table[key]
        if not isinstance(value, list):
            raise self.fail(field, _("must be a list of text, not {kind}").format(
                kind=_type_name(value)))
        if not value:
            raise self.fail(field, _("must list at least one entry"))
        items = {str(i): item for i, item in enumerate(value)}
        return tuple(self.text(items, str(i), f"{field}[{i}]", max_len)
                     for i in range(len(value)))

    def integer(self, table: dict[str, Any], key: str, field: str, low: int, high: int) -> int:
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, _("must be a whole number, not {kind}").format(
                kind=_type_name(value)))
        if not low <= value <= high:
            raise self.fail(field, _("is {value}; must be between {low} and {high}").format(
                value=value, low=low, high=high))
        return value


def _type_name(value: object) -> str:
    names = {bool: N_("true/false"), int: N_("a number"), float: N_("a decimal number"),
             str: N_("text"), list: N_("a list"), dict: N_("a table")}
    kind = type(value)
    return _(names[kind]) if kind in names else kind.__name__


def load_routine(path: Path, shipped: bool = True) -> Routine:
    """Load and validate one routine file.

    Raises RoutineError (naming file, routine id and field) for unreadable files, bad TOML,
    unknown, missing or mistyped fields, out-of-range numbers and empty steps, and nothing
    else: the file is data (parsed by tomllib), never run.
    """
    check = _Checker(path)
    data = _read_toml(path, check)
    routine_id = check.text(data, "id", "id", 60)
    if not _ID_PATTERN.match(routine_id):
        raise check.fail("id", _("'{id}' must be lowercase letters, digits and hyphens").format(
            id=routine_id))
    check.routine_id = routine_id
    check.keys(data, _ROUTINE_KEYS)
    when = check.texts(data, "when", 40)
    for i, tag in enumerate(when):
        if tag not in WHEN_LABELS:
            raise check.fail(f"when[{i}]", _("'{tag}' is not one of {tags}").format(
                tag=tag, tags=", ".join(WHEN_LABELS)))
    cautions = check.texts(data, "cautions", 300)
    return Routine(
        id=routine_id,
        title=check.text(data, "title", "title", 60),
        summary=check.text(data, "summary", "summary", 600),
        when=when,
        how_often=(check.text(data, "how_often", "how_often", 300)
                   if "how_often" in data else ""),
        cautions=cautions,
        sources=check.texts(data, "sources", 120),
        steps=_read_steps(data, check),
        path=path,
        shipped=shipped,
        translations={code: _read_translation(data, code, len(cautions), check)
                      for code in TRANSLATED if code in data
                      or any(code in step for step in data["steps"])},
    )


TRANSLATION_ROOM = 1.3
"""A translation may be this much longer than the English limit: German and Spanish take
more words for the same thing."""


def _room(limit: int) -> int:
    return round(limit * TRANSLATION_ROOM)


def _read_translation(data: dict[str, Any], code: str, cautions: int,
                      check: _Checker) -> Translation:
    """The language table ``code`` of a routine file and its steps' tables: the same
    limits as the English texts, and as many cautions (none may be left out in a language)."""
    table = data.get(code, {})
    if not isinstance(table, dict):
        raise check.fail(code, _("must be a table of translated texts, not {kind}").format(
            kind=_type_name(table)))
    check.keys(table, _TRANSLATED_KEYS, f"{code}.")
    limits = {"title": 60, "summary": 600, "how_often": 300}
    texts = {key: check.text(table, key, f"{code}.{key}", _room(limit)) if key in table
             else "" for key, limit in limits.items()}
    translated_cautions: tuple[str, ...] = ()
    if "cautions" in table:
        translated_cautions = check.texts(table, "cautions", _room(300), f"{code}.cautions")
        if len(translated_cautions) != cautions:
            raise check.fail(f"{code}.cautions", _(
                "has {count} cautions; the English has {english}, and each must be translated"
                ).format(count=len(translated_cautions), english=cautions))
    steps = []
    for i, step in enumerate(data["steps"]):
        words = step.get(code, {})
        prefix = f"steps[{i}].{code}."
        if not isinstance(words, dict):
            raise check.fail(prefix[:-1], _("must be a table, not {kind}").format(
                kind=_type_name(words)))
        check.keys(words, _TRANSLATED_STEP_KEYS, prefix)
        steps.append((check.text(words, "name", f"{prefix}name", _room(40)) if "name" in words
                      else "",
                      check.text(words, "instruction", f"{prefix}instruction", _room(400))
                      if "instruction" in words else ""))
    return Translation(texts["title"], texts["summary"], texts["how_often"],
                       translated_cautions, tuple(steps))


def _read_toml(path: Path, check: _Checker) -> dict[str, Any]:
    try:
        if not path.exists():
            raise check.fail(None, _("does not exist"))
        if not path.is_file():
            raise check.fail(None, _("is not a regular file"))
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # never more: the path may be a device
    except OSError as error:
        raise check.fail(None, _("cannot be read ({error})").format(
            error=error.strerror or error)) from error
    if len(raw) > MAX_FILE_BYTES:
        raise check.fail(None, _("is over {most} bytes, too big for a routine file").format(
            most=MAX_FILE_BYTES))
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise check.fail(None, _("is not UTF-8 text")) from error
    except tomllib.TOMLDecodeError as error:
        raise check.fail(None, _("is not valid TOML ({error})").format(error=error)) from error
    except RecursionError as error:  # tomllib recurses once per nested list or table
        raise check.fail(None, _("nests lists or tables too deeply to be a routine")
                         ) from error


def _read_steps(data: dict[str, Any], check: _Checker) -> tuple[Step, ...]:
    if "steps" not in data:
        raise check.fail("steps", _("missing field: a routine needs at least one [[steps]] "
                                    "table"))
    steps = data["steps"]
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise check.fail("steps", _("must be a list of [[steps]] tables"))
    if not steps:
        raise check.fail("steps", _("must hold at least one step"))
    if len(steps) > MAX_STEPS:
        raise check.fail("steps", _("has {count} steps; at most {most} allowed").format(
            count=len(steps), most=MAX_STEPS))
    return tuple(_read_step(step, f"steps[{i}].", check) for i, step in enumerate(steps))


def _read_step(table: dict[str, Any], prefix: str, check: _Checker) -> Step:
    check.keys(table, _STEP_KEYS, prefix)
    duration_s, reps, seconds_per_rep = _read_timing(table, prefix, check)
    rest_s = 0
    if "rest_s" in table:
        rest_s = check.integer(table, "rest_s", f"{prefix}rest_s", 0, MAX_REST_S)
    name = check.text(table, "name", f"{prefix}name", 40)
    return Step(
        name=name,
        right_side=name.lower().startswith(RIGHT_SIDE_PREFIX),
        instruction=check.text(table, "instruction", f"{prefix}instruction", 400),
        duration_s=duration_s,
        reps=reps,
        seconds_per_rep=seconds_per_rep,
        sides=_read_sides(table, prefix, check),
        rest_s=rest_s,
        illustration=_read_illustration(table, prefix, check),
    )


def _read_timing(table: dict[str, Any], prefix: str,
                 check: _Checker) -> tuple[int, int | None, int | None]:
    counted = "reps" in table or "seconds_per_rep" in table
    if "duration_s" in table and counted:
        raise check.fail(f"{prefix}duration_s", _("give duration_s or reps, not both"))
    if not counted:
        if "duration_s" not in table:
            raise check.fail(f"{prefix}duration_s", _("missing field (or give reps and "
                                                      "seconds_per_rep)"))
        return check.integer(table, "duration_s", f"{prefix}duration_s", 1, MAX_STEP_S), None, None
    for key in ("reps", "seconds_per_rep"):
        if key not in table:
            raise check.fail(f"{prefix}{key}", _("missing field: reps needs seconds_per_rep"))
    reps = check.integer(table, "reps", f"{prefix}reps", 1, MAX_REPS)
    per_rep = check.integer(table, "seconds_per_rep", f"{prefix}seconds_per_rep", 1,
                            MAX_SECONDS_PER_REP)
    if reps * per_rep > MAX_STEP_S:
        raise check.fail(f"{prefix}reps", _("{reps} reps of {seconds} s last over {minutes} "
                                            "minutes").format(reps=reps, seconds=per_rep,
                                                              minutes=MAX_STEP_S // 60))
    return reps * per_rep, reps, per_rep


def _read_sides(table: dict[str, Any], prefix: str, check: _Checker) -> tuple[str, ...]:
    if "sides" not in table:
        return ()
    if not isinstance(table["sides"], list):
        raise check.fail(f"{prefix}sides", _("must be a list, not {kind}").format(
            kind=_type_name(table["sides"])))
    sides = check.texts(table, "sides", 10, f"{prefix}sides")
    if len(set(sides)) != len(sides) or not set(sides) <= set(SIDES):
        raise check.fail(f"{prefix}sides", _('must be ["left", "right"] or ["right", "left"]'))
    if len(sides) == 1:
        raise check.fail(f"{prefix}sides", _("name both sides, or leave sides out"))
    return sides


def _read_illustration(table: dict[str, Any], prefix: str, check: _Checker) -> str | None:
    if "illustration" not in table:
        return None
    name = check.text(table, "illustration", f"{prefix}illustration", 80)
    if not _ILLUSTRATION_PATTERN.match(name):
        raise check.fail(f"{prefix}illustration", _("'{name}' must be a plain .svg or .png "
                                                    "file name").format(name=name))
    return name
