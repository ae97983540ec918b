"""What a ``coach`` start asks the app to do, as data: built by the command line, carried to
a running Coach as a list of strings (``to_argv``) and read back there (``from_argv``), where
the receiver matches on the command's type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coach.core.breaks.calendar import PAUSE_CHOICES
from coach.core.therapy.timer import TherapyKind

MAX_MINUTES_DIGITS = 3
"""A handed-over timer length has at most this many digits (the app checks the range)."""


class CommandError(ValueError):
    """A handed-over list of strings that is no command Coach knows."""


@dataclass(frozen=True)
class ShowWindow:
    """Bring the main window forward."""

    def to_argv(self) -> list[str]:
        return []


@dataclass(frozen=True)
class StartRoutine:
    """Bring the window forward and play the routine ``routine_id``."""

    routine_id: str

    def to_argv(self) -> list[str]:
        return ["start", self.routine_id]


@dataclass(frozen=True)
class StartTimer:
    """Start a cold or heat timer of ``minutes`` on ``area`` with ``method``; the app checks
    the values as it does for its own form."""

    kind: TherapyKind
    minutes: int
    area: str
    method: str

    def to_argv(self) -> list[str]:
        return ["timer", self.kind.value, str(self.minutes), self.area, self.method]


@dataclass(frozen=True)
class TakeBreak:
    """Start a rest break now."""

    def to_argv(self) -> list[str]:
        return ["break"]


@dataclass(frozen=True)
class PauseBreaks:
    """Pause break reminders for ``length``, one of PAUSE_CHOICES."""

    length: str

    def to_argv(self) -> list[str]:
        return ["pause", self.length]


@dataclass(frozen=True)
class ResumeBreaks:
    """Resume break reminders."""

    def to_argv(self) -> list[str]:
        return ["resume"]


@dataclass(frozen=True)
class OpenSettings:
    """Bring the window forward with Settings open."""

    def to_argv(self) -> list[str]:
        return ["settings"]


@dataclass(frozen=True)
class AskStatus:
    """Answer with what the running Coach is doing (``coach status``)."""

    def to_argv(self) -> list[str]:
        return ["status"]


@dataclass(frozen=True)
class Quit:
    """Quit, asking first while a cold or heat timer runs (``coach quit``)."""

    def to_argv(self) -> list[str]:
        return ["quit"]


Command = (ShowWindow | StartRoutine | StartTimer | TakeBreak | PauseBreaks | ResumeBreaks
           | OpenSettings | AskStatus | Quit)
_KINDS = {kind.value: kind for kind in TherapyKind}


def from_argv(argv: Sequence[str]) -> Command:
    """The command ``argv`` (as ``to_argv`` made it) stands for. Raises CommandError for
    anything else."""
    match list(argv):
        case []:
            return ShowWindow()
        case ["start", str(routine_id)]:
            return StartRoutine(routine_id)
        case ["timer", str(kind), str(minutes), str(area), str(method)] if (
                kind in _KINDS and minutes.isascii() and minutes.isdigit()
                and len(minutes) <= MAX_MINUTES_DIGITS):
            return StartTimer(_KINDS[kind], int(minutes), area, method)
        case ["break"]:
            return TakeBreak()
        case ["pause", str(length)] if length in PAUSE_CHOICES:
            return PauseBreaks(length)
        case ["resume"]:
            return ResumeBreaks()
        case ["settings"]:
            return OpenSettings()
        case ["status"]:
            return AskStatus()
        case ["quit"]:
            return Quit()
    raise CommandError(" ".join(str(word) for word in argv))
