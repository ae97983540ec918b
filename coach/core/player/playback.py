"""The routine player: a pure state machine driven by monotonic timestamps.

The player never reads a clock. Each call takes ``now`` (seconds from ``Clock.monotonic()``) and
the time left is always ``deadline - now``, so a late tick, a blocked event loop or a two-hour
pause never makes the countdown drift. Calls return the events they caused, for sound and voice
cues.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from coach.core.routines.routine import SWITCH_SIDES_S, Routine

GET_READY_S = 5
MAX_READING_S = 45
READING_WORDS_PER_S = 3
"""A calm reading pace (180 words a minute) for the cautions shown while getting ready."""
COUNTDOWN_FROM = 3
"""The last seconds of a segment that get a countdown cue."""


class SegmentKind(Enum):
    READY = "get ready"
    EXERCISE = "exercise"
    SWITCH = "switch sides"
    REST = "rest"


@dataclass(frozen=True)
class Segment:
    """One timed stretch of a played routine: the get-ready countdown, a step on one side,
    a switch of sides, or a rest. ``step_index`` is None only for READY."""

    kind: SegmentKind
    duration_s: int
    step_index: int | None = None
    side: str | None = None


class PlayerState(Enum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True)
class SegmentStarted:
    index: int
    segment: Segment


@dataclass(frozen=True)
class Countdown:
    seconds_left: int


@dataclass(frozen=True)
class Finished:
    pass


@dataclass(frozen=True)
class Stopped:
    pass


@dataclass(frozen=True)
class Interrupted:
    """The player paused itself after ``away_s`` seconds in which nobody could follow it."""

    away_s: float


Event = SegmentStarted | Countdown | Finished | Stopped | Interrupted


def reading_s(routine: Routine) -> int:
    """Seconds to get ready for ``routine`` while its cautions show: time to read them at
    READING_WORDS_PER_S, at least GET_READY_S and at most MAX_READING_S."""
    words = sum(len(caution.split()) for caution in routine.cautions)
    return min(MAX_READING_S, max(GET_READY_S, math.ceil(words / READING_WORDS_PER_S)))


def build_segments(routine: Routine, get_ready_s: int = GET_READY_S) -> tuple[Segment, ...]:
    """The routine as a flat timeline: get ready, then each step once per side (a switch
    between sides), then the step's rest if it has one."""
    segments = [Segment(SegmentKind.READY, get_ready_s)] if get_ready_s > 0 else []
    for index, step in enumerate(routine.steps):
        for number, side in enumerate(step.sides or (None,)):
            if number:
                segments.append(Segment(SegmentKind.SWITCH, SWITCH_SIDES_S, index, side))
            segments.append(Segment(SegmentKind.EXERCISE, step.duration_s, index, side))
        if step.rest_s:
            segments.append(Segment(SegmentKind.REST, step.rest_s, index))
    return tuple(segments)


class Player:
    """Plays one routine. All times are monotonic seconds.

    ``start`` begins; ``tick`` advances across as many segments as time has passed; ``pause``,
    ``resume``, ``skip``, ``back`` and ``stop`` act at once. Each returns a list of events.
    """

    def __init__(self, routine: Routine, get_ready_s: int = GET_READY_S) -> None:
        self.routine = routine
        self.segments = build_segments(routine, get_ready_s)
        self.state = PlayerState.NOT_STARTED
        self.index = 0
        self._deadline = 0.0
        self._paused_left_s = 0.0
        self._active_s = 0.0
        self._running_since = 0.0
        self._last_countdown = COUNTDOWN_FROM + 1
        self._completed: set[int] = set()

    # -- queries ---------------------------------------------------------------------------

    @property
    def current(self) -> Segment:
        return self.segments[min(self.index, len(self.segments) - 1)]

    @property
    def exercises_total(self) -> int:
        """How many exercise segments (a step on one side) the routine has."""
        return sum(1 for s in self.segments if s.kind is SegmentKind.EXERCISE)

    @property
    def exercises_completed(self) -> int:
        """How many exercise segments ran to their end (skipped ones do not count)."""
        return len(self._completed)

    @property
    def completed(self) -> bool:
        """Whether the routine reached its end with every exercise played in full."""
        return (self.state is PlayerState.FINISHED
                and self.exercises_completed == self.exercises_total)

    @property
    def is_active(self) -> bool:
        return self.state in (PlayerState.RUNNING, PlayerState.PAUSED)

    def remaining_s(self, now: float) -> float:
        """Seconds left in the current segment (0 once finished or stopped)."""
        duration = float(self.current.duration_s)
        if self.state is PlayerState.RUNNING:  # clamped: float rounding of deadline - now
            return min(duration, max(0.0, self._deadline - now))
        if self.state is PlayerState.PAUSED:
            return min(duration, self._paused_left_s)
        return duration if self.state is PlayerState.NOT_STARTED else 0.0

    def left_s(self, now: float) -> float:
        """Seconds left of the whole routine: of this segment and every one after it."""
        if not self.is_active and self.state is not PlayerState.NOT_STARTED:
            return 0.0
        later = sum(s.duration_s for s in self.segments[self.index + 1:])
        return self.remaining_s(now) + later

    def active_s(self, now: float) -> float:
        """Seconds spent on the routine so far, pauses and getting ready excluded."""
        if self.current.kind is SegmentKind.READY:
            return 0.0
        if self.state is PlayerState.RUNNING:
            return self._active_s + max(0.0, now - self._running_since)
        return self._active_s

    def progress(self, now: float) -> float:
        """Fraction of the planned timeline behind the player, 0.0 to 1.0."""
        if self.state is PlayerState.FINISHED:
            return 1.0
        total = sum(s.duration_s for s in self.segments)
        before = sum(s.duration_s for s in self.segments[: self.index])
        done = before + self.current.duration_s - self.remaining_s(now)
        return min(1.0, max(0.0, done / total))

    def next_exercise(self) -> Segment | None:
        """The next exercise segment after the current one, for a "Next:" preview."""
        return next((s for s in self.segments[self.index + 1:]
                     if s.kind is SegmentKind.EXERCISE), None)

    # -- actions ---------------------------------------------------------------------------

    def start(self, now: float) -> list[Event]:
        if self.state is not PlayerState.NOT_STARTED:
            raise RuntimeError("the player has already been started")
        self.state = PlayerState.RUNNING
        self._running_since = now
        return self._enter(0, now)

    def tick(self, now: float) -> list[Event]:
        """Advance to ``now``: every segment whose deadline passed ends, in order."""
        if self.state is not PlayerState.RUNNING:
            return []
        events: list[Event] = []
        while now >= self._deadline:
            ended_at = self._deadline
            self._mark_done(self.index)
            if self.index + 1 >= len(self.segments):
                return events + self._finish(ended_at)
            events += self._enter(self.index + 1, ended_at)
        seconds_left = math.ceil(self._deadline - now)
        if seconds_left < self._last_countdown and seconds_left <= COUNTDOWN_FROM \
                and self.current.kind is not SegmentKind.SWITCH:
            self._last_countdown = seconds_left
            events.append(Countdown(seconds_left))
        return events

    def pause(self, now: float) -> list[Event]:
        events = self.tick(now)
        if self.state is PlayerState.RUNNING:
            self._active_s += now - self._running_since
            self._paused_left_s = self._deadline - now
            self.state = PlayerState.PAUSED
        return events

    def resume(self, now: float) -> list[Event]:
        if self.state is PlayerState.PAUSED:
            self.state = PlayerState.RUNNING
            self._running_since = now
            self._deadline = now + self._paused_left_s
        return self.tick(now)

    def interrupt(self, last_seen: float, away_s: float) -> list[Event]:
        """Pause as at ``last_seen``, the last moment the player was followed, after a gap of
        ``away_s`` seconds (the machine slept or stalled): the time away is not played and
        does not count as spent. Does nothing unless running."""
        if self.state is not PlayerState.RUNNING:
            return []
        return self.pause(last_seen) + [Interrupted(away_s)]

    def toggle_pause(self, now: float) -> list[Event]:
        return self.resume(now) if self.state is PlayerState.PAUSED else self.pause(now)

    def skip(self, now: float) -> list[Event]:
        """Go to the next segment at once (the skipped one does not count as completed)."""
        events = self.tick(now)
        if not self.is_active:
            return events
        if self.index + 1 >= len(self.segments):
            return events + self._finish(now)
        return events + self._enter(self.index + 1, now)

    def back(self, now: float) -> list[Event]:
        """Replay the exercise before this point: from an exercise, the previous exercise;
        from a switch or rest, the exercise just played; at the first, restart it."""
        events = self.tick(now)
        if not self.is_active:
            return events
        earlier = [i for i in range(self.index) if self.segments[i].kind is SegmentKind.EXERCISE]
        target = earlier[-1] if earlier else self.index
        return events + self._enter(target, now)

    def stop(self, now: float) -> list[Event]:
        """End the routine early; the session counts as partial."""
        events = self.tick(now)
        if self.is_active:
            if self.state is PlayerState.RUNNING:
                self._active_s += now - self._running_since
            self.state = PlayerState.STOPPED
            events.append(Stopped())
        return events

    # -- internals -------------------------------------------------------------------------

    def _enter(self, index: int, at: float) -> list[Event]:
        if self.current.kind is SegmentKind.READY and index > self.index:
            self._active_s, self._running_since = 0.0, at  # time spent starts now
        self.index = index
        self._last_countdown = COUNTDOWN_FROM + 1
        duration = float(self.segments[index].duration_s)
        if self.state is PlayerState.PAUSED:
            self._paused_left_s = duration
        else:
            self._deadline = at + duration
        return [SegmentStarted(index, self.segments[index])]

    def _mark_done(self, index: int) -> None:
        if self.segments[index].kind is SegmentKind.EXERCISE:
            self._completed.add(index)

    def _finish(self, at: float) -> list[Event]:
        if self.state is PlayerState.RUNNING:
            self._active_s += max(0.0, at - self._running_since)
        self.index = len(self.segments) - 1
        self.state = PlayerState.FINISHED
        return [Finished()]
