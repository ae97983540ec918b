"""All cold and heat timers of this user: start, act on, persist, and restore after restarts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from coach.core.clock import Clock
from coach.core.history.store import HistoryStore, SaveGuard
from coach.core.therapy.log import TherapyLog
from coach.core.therapy.timer import (
    TherapyError,
    TherapyKind,
    TherapyPlan,
    TherapyTimer,
    TimerEvent,
    TimerState,
    rest_gap_ends,
)


class RestGapNotOver(TherapyError):
    """The same kind ended less than an hour ago; ``until`` says when the gap ends."""

    def __init__(self, kind: TherapyKind, until: datetime) -> None:
        self.kind = kind
        self.until = until
        super().__init__(f"The last {kind.value} application ended less than an hour ago. "
                         f"The next one is advised from {until.astimezone():%H:%M}.")


class TherapyDesk:
    """The running timers (several at once are allowed, each with its area).

    Every change is saved at once, so quitting, a crash or ``kill -9`` loses nothing: a new
    desk on the same history carries on with the timers, or sounds the alarm of one that ran
    out meanwhile. Rows that cannot be restored are named in ``load_problem``. Changes that
    cannot be written yet wait in the store's writer (an ended timer's too), which says why
    in ``save_problem``; ``update`` tries them again.
    """

    def __init__(self, store: HistoryStore, clock: Clock) -> None:
        self.clock = clock
        self.log = TherapyLog(store)
        self._guard = SaveGuard()
        self._writer = store.writer
        self.timers: list[TherapyTimer] = []
        self.load_problem: str | None = None
        """What could not be restored when the desk opened, in words (None if all was)."""
        self.restore()

    def restore(self) -> list[TherapyTimer]:
        """Carry on with the timers that had not ended when Coach last stopped, besides those
        running now (a history opened late holds them); returns the ones added."""
        restored = self._guard.run(lambda: self.log.open_timers(self.clock))
        problems = restored[1] if restored else [self._guard.problem or ""]
        self.load_problem = "\n".join(problems) or None
        known = {self._writer.real_id(timer.id) for timer in self.timers}
        added = [t for t in (restored[0] if restored else []) if t.id not in known]
        self.timers += added
        return added

    @property
    def save_problem(self) -> str | None:
        return self._writer.problem or self._guard.problem

    def rest_gap_ends(self, kind: TherapyKind) -> datetime | None:
        """When the next ``kind`` application is advised, if that is still ahead."""
        ends = rest_gap_ends(self._guard.run(lambda: self.log.last_ended(kind)))
        return ends if ends is not None and ends > self.clock.now() else None

    def start(self, plan: TherapyPlan, despite_rest_gap: bool = False) -> TherapyTimer:
        """Start a timer. Raises RestGapNotOver inside the rest gap unless
        ``despite_rest_gap``, in which case the history notes the gap was not respected."""
        gap_ends = self.rest_gap_ends(plan.kind)
        if gap_ends is not None and not despite_rest_gap:
            raise RestGapNotOver(plan.kind, gap_ends)
        timer = TherapyTimer.start(plan, self.clock, rest_gap_respected=gap_ends is None)
        self.timers.append(timer)
        self.log.add(timer)
        return timer

    def update(self) -> list[tuple[TherapyTimer, TimerEvent]]:
        """Skin checks and alarms due now, for every timer; changes that could not be saved
        before are tried again."""
        self._writer.flush()
        events = []
        for timer in self.timers:
            before = (timer.state, timer.ends_at())
            events += [(timer, event) for event in timer.update(self.clock)]
            if (timer.state, timer.ends_at()) != before:  # due now, or the clock was changed
                self._save(timer)
        return events

    def pause(self, timer: TherapyTimer) -> None:
        self._act(timer, timer.pause)

    def resume(self, timer: TherapyTimer) -> None:
        self._act(timer, timer.resume)

    def extend(self, timer: TherapyTimer, minutes: int) -> None:
        """Raises TherapyError past the 20-minute limit."""
        self._act(timer, lambda clock: timer.extend(clock, minutes))

    def end_early(self, timer: TherapyTimer) -> None:
        self._act(timer, timer.end_early)

    def confirm_off(self, timer: TherapyTimer) -> None:
        """The pack is off: the timer ends and is recorded with its outcome."""
        self._act(timer, timer.confirm_off)

    def soonest(self) -> TherapyTimer | None:
        """The timer that ends first (a due one before any running one)."""
        active = [t for t in self.timers if t.state is not TimerState.PAUSED]
        return min(active, key=lambda t: t.left_s(self.clock), default=None)

    def _act(self, timer: TherapyTimer, action: Callable[[Clock], None]) -> None:
        action(self.clock)
        self._save(timer)

    def _save(self, timer: TherapyTimer) -> None:
        self.log.save(timer)
        if timer.state is TimerState.ENDED and timer in self.timers:
            self.timers.remove(timer)
