"""What the running Coach is doing, as ``coach status`` shows it: for people in words, and for
scripts as JSON of a documented shape (STATUS_VERSION; a field is only ever added to a
version, never renamed or removed).

Version 1::

    {"version": 1, "pid": 4242, "data_dir": "/home/ana/.local/share/coach",
     "breaks": {"state": "on", "text": "Rest break in 12 min",
                "next": {"kind": "rest break", "in_active_s": 720}, "paused_until": null},
     "timers": [{"kind": "cold", "method": "ice pack", "area": "neck", "state": "running",
                 "left_s": 540, "ends_at": "2026-12-07T14:32:00+00:00"}],
     "routine": {"id": "desk-posture-reset", "title": "Desk posture reset",
                 "state": "running", "step": "Chin tucks", "side": null,
                 "step_left_s": 12, "left_s": 250}}

``breaks.state`` is "on", "paused" (``paused_until`` null: until resumed), "off" or "outside
working hours"; ``next`` counts seconds of activity, not of the clock, so it is null unless
breaks are on. A timer's ``state`` is "running", "paused" or "due" (``left_s`` negative: the
pack is overdue by that much); ``ends_at`` is null while paused. ``routine`` is null when
none plays; its ``state`` is "running" or "paused".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from coach.core.clock import Clock
from coach.core.history.wording import area_name, method_name
from coach.core.i18n import _, ngettext
from coach.core.player.playback import Player, PlayerState, SegmentKind
from coach.core.therapy.timer import TherapyTimer, TimerState

STATUS_VERSION = 1


@dataclass(frozen=True)
class NextBreak:
    kind: str
    in_active_s: int


@dataclass(frozen=True)
class BreakStatus:
    state: str
    text: str
    next: NextBreak | None = None
    paused_until: datetime | None = None


@dataclass(frozen=True)
class TimerStatus:
    kind: str
    method: str
    area: str
    state: str
    left_s: int
    ends_at: datetime | None

    @classmethod
    def of(cls, timer: TherapyTimer, clock: Clock) -> TimerStatus:
        left_s = round(timer.left_s(clock))
        state = ("paused" if timer.state is TimerState.PAUSED
                 else "due" if timer.state is TimerState.DUE or left_s <= 0 else "running")
        return cls(timer.plan.kind.value, timer.plan.method, timer.plan.area, state, left_s,
                   timer.ends_at())


@dataclass(frozen=True)
class RoutineStatus:
    id: str
    title: str
    state: str
    step: str
    side: str | None
    step_left_s: int
    left_s: int

    @classmethod
    def of(cls, player: Player, now: float) -> RoutineStatus:
        """``player`` (active) at ``now`` (monotonic seconds)."""
        segment = player.current
        if segment.kind is SegmentKind.READY:
            step = "Get ready"
        elif segment.kind is SegmentKind.SWITCH:
            step = "Switch sides"
        elif segment.kind is SegmentKind.REST or segment.step_index is None:
            step = "Rest"
        else:
            step = player.routine.steps[segment.step_index].name
        return cls(player.routine.id, player.routine.title,
                   "paused" if player.state is PlayerState.PAUSED else "running", step,
                   segment.side, round(player.remaining_s(now)), round(player.left_s(now)))


@dataclass(frozen=True)
class CoachStatus:
    pid: int
    data_dir: str
    breaks: BreakStatus
    timers: list[TimerStatus] = field(default_factory=list)
    routine: RoutineStatus | None = None

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape (times as ISO 8601 with their offset)."""
        return {"version": STATUS_VERSION, **asdict(self, dict_factory=_json_fields)}


def _json_fields(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, datetime) else value
            for key, value in pairs}


def describe(status: dict[str, Any]) -> list[str]:
    """``status`` (as ``to_json`` gives it, received from the running Coach) in words, a
    line a part; what a newer Coach adds is left out, what is missing or odd is skipped."""
    lines = [_("Coach is running (process {pid}, data in {folder}).").format(
        pid=status.get("pid", "?"), folder=status.get("data_dir", "?"))]
    breaks = status.get("breaks")
    if isinstance(breaks, dict):
        lines.append(f"{breaks.get('text', breaks.get('state', '?'))}.")
    timers = status.get("timers")
    for timer in timers if isinstance(timers, list) else []:
        if isinstance(timer, dict):
            lines.append(_timer_line(timer))
    routine = status.get("routine")
    if isinstance(routine, dict):
        step = _("“{title}”").format(title=routine.get("step", "?"))  # the quotes of the language
        if routine.get("side") == "left":
            step = _("{step}, left side").format(step=step)
        elif routine.get("side") == "right":
            step = _("{step}, right side").format(step=step)
        line = (_("Routine: {title} (paused), step {step}, {left} left in all.")
                if routine.get("state") == "paused" else
                _("Routine: {title}, step {step}, {left} left in all."))
        lines.append(line.format(title=routine.get("title", "?"), step=step,
                                 left=_clock_text(routine.get("left_s"))))
    else:
        lines.append(_("No routine is playing."))
    return lines


def _timer_line(timer: dict[str, Any]) -> str:
    what = _("{method} on the {area}").format(
        method=method_name(str(timer.get("method", "?"))),
        area=area_name(str(timer.get("area", "?"))))
    left = timer.get("left_s")
    if timer.get("state") == "due" or (isinstance(left, int) and left <= 0):
        over = -left if isinstance(left, int) else 0
        if over >= 60:
            return _("{what}: time is up, take it off now ({over} over).").format(
                what=what, over=_minutes_text(over))
        return _("{what}: time is up, take it off now.").format(what=what)
    if timer.get("state") == "paused":
        return _("{what}: paused with {left} left.").format(what=what, left=_minutes_text(left))
    ends = timer.get("ends_at")
    if isinstance(ends, str):
        try:
            return _("{what}: {left} left (off at {time}).").format(
                what=what, left=_minutes_text(left),
                time=f"{datetime.fromisoformat(ends).astimezone():%H:%M}")
        except ValueError:
            pass
    return _("{what}: {left} left.").format(what=what, left=_minutes_text(left))


def _minutes_text(seconds: object) -> str:
    if not isinstance(seconds, int):
        return "?"
    if seconds < 60:
        return _("under a minute")
    minutes = round(seconds / 60)
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)


def _clock_text(seconds: object) -> str:
    if not isinstance(seconds, int) or seconds < 0:
        return "?"
    return f"{seconds // 60}:{seconds % 60:02d}"
