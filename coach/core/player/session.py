"""A guided session: a Player driven by a clock, its progress kept in the history as it goes."""

from __future__ import annotations

from datetime import datetime

from coach.core.clock import Clock
from coach.core.history.store import HistoryStore
from coach.core.player.playback import (
    GET_READY_S,
    Event,
    Finished,
    Interrupted,
    Player,
    SegmentStarted,
    Stopped,
)
from coach.core.routines.routine import Routine

STALL_S = 10.0
"""No reading of the clock for this long while a routine runs means the machine slept or
stalled: nobody saw the countdown, so the routine pauses where it was."""


class GuidedSession:
    """Plays ``routine`` with ``clock`` and records it in ``store``.

    The history row is written when the routine starts and updated at every segment change,
    pause, finish and stop, so a session cut short, even by a crash, is still in the history.
    Writes that have to wait (a lock, a full disk) are kept by the store's writer; why is in
    ``save_problem``.

    Every call reads the clock; a gap of more than STALL_S since the last reading (a suspend,
    on either kind of monotonic clock, or a stalled machine) pauses the routine as it was at
    that reading (an ``Interrupted`` event), and the key or tick that noticed the gap does
    nothing else, so the user decides when to go on.
    """

    def __init__(self, routine: Routine, store: HistoryStore, clock: Clock,
                 get_ready_s: int = GET_READY_S) -> None:
        self.routine = routine
        self.clock = clock
        self.player = Player(routine, get_ready_s)
        self._store = store
        self._session_id: int | None = None
        self._started_at = clock.now()
        self._last_seen: tuple[float, datetime] | None = None

    def now(self) -> float:
        return self.clock.monotonic()

    def start(self) -> list[Event]:
        self._started_at = self.clock.now()
        events = self.player.start(self._seen())
        self._session_id = self._store.begin_routine(
            self.routine.id, self.routine.title, self._started_at, self.player.exercises_total)
        return events

    def _seen(self) -> float:
        """Read the clock and remember the reading; the monotonic time."""
        now = self.now()
        self._last_seen = (now, self.clock.now())
        return now

    def _gap(self) -> list[Event]:
        """Pause the player if the clock was last read more than STALL_S ago."""
        last = self._last_seen
        now = self._seen()
        if last is None:
            return []
        away_s = now - last[0]
        if not self.clock.counts_suspend:  # asleep, only the wall clock moved
            away_s = max(away_s, (self.clock.now() - last[1]).total_seconds())
        return self.player.interrupt(last[0], away_s) if away_s > STALL_S else []

    def tick(self) -> list[Event]:
        return self._recorded(self._gap() or self.player.tick(self.now()))

    def toggle_pause(self) -> list[Event]:
        events = self._gap() or self.player.toggle_pause(self.now())
        self._update()
        return events

    def skip(self) -> list[Event]:
        return self._recorded(self._gap() or self.player.skip(self.now()))

    def back(self) -> list[Event]:
        return self._recorded(self._gap() or self.player.back(self.now()))

    def stop(self) -> list[Event]:
        """End early (the session is kept as partial); does nothing once it has ended."""
        return self._recorded(self._gap() + self.player.stop(self.now()))

    def discard(self) -> None:
        """End, and take the session out of the history: it was never done (a break that
        was snoozed or skipped as it began)."""
        self.player.stop(self.now())
        if self._session_id is not None:
            self._store.write(("DELETE FROM routine_sessions WHERE id = ?",
                               (self._session_id,)))
            self._session_id = None

    def _recorded(self, events: list[Event]) -> list[Event]:
        if any(isinstance(e, SegmentStarted | Finished | Stopped | Interrupted)
               for e in events):
            self._update()
        return events

    def _update(self) -> None:
        if self._session_id is not None:
            self._store.update_routine(self._session_id, self.player.active_s(self.now()),
                                       self.player.exercises_completed, self.player.completed)

    @property
    def session_id(self) -> int | None:
        """The session's row in the history, once started (it may still wait to be written)."""
        return self._session_id

    @property
    def saved(self) -> bool:
        """Whether the session is written to a history file (not only in memory)."""
        return self._store.persistent and self._session_id is not None \
            and not self._store.writer.waiting

    @property
    def save_problem(self) -> str | None:
        """Why the history could not be written, or None."""
        return self._store.writer.problem
