"""A guided session: a Player driven by a clock, its progress kept in the history as it goes."""

from __future__ import annotations

from coach.core.clock import Clock
from coach.core.history import HistoryStore, SaveGuard
from coach.core.player import (
    GET_READY_S,
    Event,
    Finished,
    Player,
    SegmentStarted,
    Stopped,
)
from coach.core.routine import Routine


class GuidedSession:
    """Plays ``routine`` with ``clock`` and records it in ``store``.

    The history row is written when the routine starts and updated at every segment change,
    pause, finish and stop, so a session cut short, even by a crash, is still in the history.
    A failed write is kept in ``save_problem`` and tried again at the next update.
    """

    def __init__(self, routine: Routine, store: HistoryStore, clock: Clock,
                 get_ready_s: int = GET_READY_S) -> None:
        self.routine = routine
        self.clock = clock
        self.player = Player(routine, get_ready_s)
        self._store = store
        self._session_id: int | None = None
        self._guard = SaveGuard()
        self._started_at = clock.now()

    def now(self) -> float:
        return self.clock.monotonic()

    def start(self) -> list[Event]:
        self._started_at = self.clock.now()
        events = self.player.start(self.now())
        self._begin()
        return events

    def _begin(self) -> None:
        self._session_id = self._guard.run(lambda: self._store.begin_routine(
            self.routine.id, self.routine.title, self._started_at, self.player.exercises_total))

    def tick(self) -> list[Event]:
        return self._recorded(self.player.tick(self.now()))

    def toggle_pause(self) -> list[Event]:
        events = self.player.toggle_pause(self.now())
        self._update()
        return events

    def skip(self) -> list[Event]:
        return self._recorded(self.player.skip(self.now()))

    def back(self) -> list[Event]:
        return self._recorded(self.player.back(self.now()))

    def stop(self) -> list[Event]:
        """End early (the session is kept as partial); does nothing once it has ended."""
        return self._recorded(self.player.stop(self.now()))

    def _recorded(self, events: list[Event]) -> list[Event]:
        if any(isinstance(e, SegmentStarted | Finished | Stopped) for e in events):
            self._update()
        return events

    def _update(self) -> None:
        if self._session_id is None:
            self._begin()
        if self._session_id is None:
            return
        session_id = self._session_id
        self._guard.run(lambda: self._store.update_routine(
            session_id, self.player.active_s(self.now()), self.player.exercises_completed,
            self.player.completed))

    @property
    def session_id(self) -> int | None:
        """The session's row in the history, once it has been written."""
        return self._session_id

    @property
    def saved(self) -> bool:
        """Whether the session is kept in a history file (not only in memory)."""
        return self._store.persistent and self._session_id is not None

    @property
    def save_problem(self) -> str | None:
        """Why the last history write failed, or None."""
        return self._guard.problem
