"""User settings: a small JSON file, validated on load and written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, time
from pathlib import Path
from typing import Any

from coach.core.breaks.calendar import PAUSED_INDEFINITELY, WorkingHours
from coach.core.breaks.scheduler import BreakKind, BreakRule
from coach.core.i18n import N_, _
from coach.core.private_files import make_private_dir

SOUND_THEMES = ("soft", "clear", "none")
"""The cue sound themes; "none" plays no cues (the cold/heat alarm still sounds)."""


BREAK_SCREENS = ("all", "in-use", "primary")
"""Where a break shows: every screen (the routine on the one in use), the screen in use (the
one under the pointer), or the primary screen."""


ZOOM_STEPS = (100, 110, 125, 150, 175, 200)
"""The text zooms Ctrl++ and Ctrl+- step through, in percent."""


@dataclass(frozen=True)
class Settings:
    """What the user chose. ``muted`` silences sound cues; ``disclaimer_seen`` records that the
    not-medical-advice notice with the red flags was shown before the first routine or timer.
    The break fields set the micro-break and rest break (see ``break_rules``), working hours
    and a pause that outlives a restart. ``sound_theme`` is one of SOUND_THEMES and the
    volumes are percentages; ``voice_on`` speaks the steps aloud at ``voice_rate`` (-10 slow to
    10 fast, 0 normal). ``ask_pain_around_routines`` asks for a pain score before and after
    each routine played from the library. ``break_screens`` is one of BREAK_SCREENS: where a
    break shows (its routine on the screen in use, a cover on every other; or only on the
    screen in use, or the primary one); ``break_full_screen`` covers the whole screen. In
    strict mode (``break_strict``) breaks cannot be skipped and are snoozed at most
    ``break_max_snoozes`` times (0-3). ``zoom_percent`` sizes all text (100-200, ZOOM_STEPS);
    ``language`` is one of i18n.LANGUAGES, or "" for the system's."""

    muted: bool = False
    disclaimer_seen: bool = False
    micro_break_on: bool = True
    micro_break_every_min: int = 20
    micro_break_s: int = 30
    rest_break_on: bool = True
    rest_break_every_min: int = 50
    rest_break_min: int = 5
    working_hours_on: bool = False
    work_days: list[int] = field(default_factory=lambda: [0, 1, 2, 3, 4])
    work_start: str = "09:00"
    work_end: str = "17:30"
    breaks_paused_until: str = ""
    hydration_nudge_on: bool = True
    rest_break_routine: str = "desk-posture-reset"
    sound_theme: str = "soft"
    sound_volume: int = 80
    voice_on: bool = False
    voice_volume: int = 80
    voice_rate: int = 0
    ask_pain_around_routines: bool = True
    break_screens: str = "all"
    break_full_screen: bool = False
    break_strict: bool = False
    break_max_snoozes: int = 1
    zoom_percent: int = 100
    language: str = ""

    def zoom(self) -> int:
        """The text zoom in percent, one of ZOOM_STEPS (the nearest for a hand-edited one)."""
        return min(ZOOM_STEPS, key=lambda step: abs(step - self.zoom_percent))

    def cue_theme(self) -> str:
        """The sound theme, "soft" when the saved one is unknown."""
        return self.sound_theme if self.sound_theme in SOUND_THEMES else "soft"

    def cue_volume(self) -> float:
        """The cue volume from 0.0 to 1.0."""
        return _within(self.sound_volume, 0, 100) / 100

    def speech_volume(self) -> float:
        """The voice volume from 0.0 to 1.0."""
        return _within(self.voice_volume, 0, 100) / 100

    def speech_rate(self) -> float:
        """The voice rate from -1.0 (slow) to 1.0 (fast), as Qt's speech takes it."""
        return _within(self.voice_rate, -10, 10) / 10

    def break_rules(self) -> tuple[BreakRule, ...]:
        """The break rules these settings give, each number kept within a sensible range
        (micro-break every 5-120 min for 10-300 s; rest break every 15-240 min for 1-30 min)."""
        return (
            BreakRule(BreakKind.MICRO, _within(self.micro_break_every_min, 5, 120) * 60,
                      _within(self.micro_break_s, 10, 300), self.micro_break_on),
            BreakRule(BreakKind.REST, _within(self.rest_break_every_min, 15, 240) * 60,
                      _within(self.rest_break_min, 1, 30) * 60, self.rest_break_on),
        )

    def working_hours(self) -> WorkingHours | None:
        """The days (0 is Monday) and local times breaks are prompted in, or None for any
        time."""
        if not self.working_hours_on:
            return None
        days = frozenset(d for d in self.work_days if isinstance(d, int) and 0 <= d <= 6)
        return WorkingHours(days, *self.work_times())

    def paused_until(self) -> datetime | None:
        """When the break pause chosen last ends (an aware datetime), or None."""
        try:
            moment = datetime.fromisoformat(self.breaks_paused_until)
        except ValueError:
            return None
        return moment if moment.tzinfo is not None else None

    def work_times(self) -> tuple[time, time]:
        """The start and end of the working day; a time that is not "HH:MM" falls back to
        the default (09:00, 17:30)."""
        return _clock_time(self.work_start, time(9)), _clock_time(self.work_end, time(17, 30))


def _clock_time(text: str, default: time) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        return default


def _within(value: int, low: int, high: int) -> int:
    return min(high, max(low, value))


@dataclass(frozen=True)
class LoadedSettings:
    """Settings as loaded, with ``problem`` describing anything that had to be set aside."""

    settings: Settings
    problem: str | None = None
    kept: Path | None = None
    """Where the file that could not be used as it was now lies."""


def chosen_language(path: Path) -> str:
    """The language chosen in the settings at ``path`` ("" for the system's, or when the file
    is missing or cannot be read); reads only, for the command line."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) else ""


def load_settings(path: Path, now: datetime) -> LoadedSettings:
    """Read settings from ``path``.

    A missing file gives the defaults; a file others could read is made private. A file that
    cannot be used as it is (not JSON, not an object, unknown or mistyped fields) is kept,
    renamed with the time ``now`` (``settings.json.damaged-20260105T090000``), so the next
    save cannot overwrite it; the fields that were sound are still used and the rest fall
    back to their defaults.
    ``problem`` then says what happened, naming each field set aside.
    """
    _keep_private(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, ValueError, RecursionError) as error:  # ValueError: bad JSON, text
        # or numbers too long to read; RecursionError: nesting too deep to read
        return _damaged(path, now, Settings(), _("could not be read ({error})").format(
            error=error), _("Default settings are used"))
    if not isinstance(data, dict):
        return _damaged(path, now, Settings(), _("does not hold a settings object"),
                        _("Default settings are used"))
    settings, problems = _from_dict(data)
    if problems:
        return _damaged(path, now, settings, "; ".join(problems),
                        _("Those take their defaults; every other setting is kept"))
    return LoadedSettings(settings)


def _keep_private(path: Path) -> None:
    """Make a settings file that others could read private again (0600), as Coach writes it;
    a file copied in, or made by hand, may not be."""
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)


def _from_dict(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    settings = Settings()
    problems = []
    known = {f.name for f in fields(Settings)}
    for key, value in data.items():
        if key not in known:
            problems.append(_("unknown field '{field}'").format(field=key))
        elif type(value) is not type(getattr(settings, key)):
            problems.append(_("field '{field}' has the wrong type").format(field=key))
        elif key in _FORMS and not _FORMS[key][0](value):
            problems.append(_("field '{field}' is not {form}").format(
                field=key, form=_(_FORMS[key][1])))
        else:
            settings = replace(settings, **{key: value})
    return settings, problems


def _pause_end(text: str) -> bool:
    """Whether ``text`` is no pause, or a moment with its zone that local time can show."""
    if not text:
        return True
    try:
        moment = datetime.fromisoformat(text)
        return moment == PAUSED_INDEFINITELY or (moment.tzinfo is not None
                                                 and bool(moment.astimezone()))
    except (ValueError, OverflowError):
        return False


def _clock_text(text: str) -> bool:
    """Whether ``text`` is a time of day such as "09:00", with no zone of its own."""
    try:
        return time.fromisoformat(text).tzinfo is None
    except ValueError:
        return False


_FORMS: dict[str, tuple[Callable[[str], bool], str]] = {
    "breaks_paused_until": (_pause_end, N_("a date and time with its zone")),
    "work_start": (_clock_text, N_("a time of day such as 09:00")),
    "work_end": (_clock_text, N_("a time of day such as 17:30")),
    "break_screens": (lambda text: text in BREAK_SCREENS, N_("one of: all, in-use, primary")),
}
"""Text fields that must have a form, beyond their type, and that form in words."""


def _damaged(path: Path, now: datetime, settings: Settings, why: str,
             outcome: str) -> LoadedSettings:
    kept = _set_aside(path, now)
    if kept is None:
        return LoadedSettings(settings, f"{path}: {why}. {outcome}.", kept)
    return LoadedSettings(settings, _("{file}: {problem}. {outcome}; the file as it was is "
                                      "kept as {kept}.").format(file=path, problem=why,
                                                                outcome=outcome, kept=kept),
                          kept)


def _set_aside(path: Path, now: datetime) -> Path | None:
    kept = path.with_name(f"{path.name}.damaged-{now.strftime('%Y%m%dT%H%M%S')}")
    try:
        path.replace(kept)
    except OSError:
        return None
    with contextlib.suppress(OSError):  # private, as every file Coach keeps
        kept.chmod(0o600)
    return kept


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically: a crash leaves the old file or the new one.
    The file is private (0600 on POSIX: ``mkstemp`` makes it so) and its folder is made if
    missing (0700).

    Raises OSError when the folder is not writable or the disk is full.
    """
    if not path.parent.is_dir():
        make_private_dir(path.parent)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(asdict(settings), file, indent=2, sort_keys=True)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


class SettingsStore:
    """The current settings and the file they live in.

    A file that had to be set aside on loading is written again at once with what could be
    kept from it, so a restart keeps those choices too. ``update`` changes and saves them; a
    failed save keeps the change in memory and returns the problem in words (the next
    successful save writes it too).
    """

    def __init__(self, path: Path, now: datetime) -> None:
        self.path = path
        loaded = load_settings(path, now)
        self.settings = loaded.settings
        self.load_problem = loaded.problem
        if loaded.kept is not None:
            unsaved = self.update()
            if unsaved:
                self.load_problem = f"{loaded.problem} {unsaved}"

    def update(self, **changes: Any) -> str | None:
        self.settings = replace(self.settings, **changes)
        try:
            save_settings(self.path, self.settings)
        except OSError as error:
            return _("Could not save settings to {file}: {error}").format(
                file=self.path, error=error.strerror or error)
        return None
