"""Routines built in memory, for tests of the player and the guided session."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coach.core.clock import FakeClock
from coach.core.history.store import HistoryStore
from coach.core.player.playback import Event
from coach.core.player.session import GuidedSession
from coach.core.routines.routine import Routine, Step


@pytest.fixture
def store() -> Iterator[HistoryStore]:
    """A history kept in memory."""
    store = HistoryStore(":memory:")
    yield store
    store.close()


@pytest.fixture
def berlin_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process runs in Berlin time, as SQLite's localtime reads it (DST changes on the
    last Sunday of March and of October)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def build_routine(*steps: Step, routine_id: str = "test-routine",
                  title: str = "Test routine") -> Routine:
    return Routine(id=routine_id, title=title, summary="For tests.", when=("any-time",),
                   cautions=("None.",), sources=("none.txt",), steps=tuple(steps),
                   path=Path(f"{routine_id}.toml"))


def play_for(session: GuidedSession, clock: FakeClock, seconds: float,
             step: float = 0.5) -> list[Event]:
    """Advance the clock ``seconds`` in small steps, ticking as the app's timer would."""
    events = []
    for _ in range(round(seconds / step)):
        clock.advance(step)
        events += session.tick()
    return events


@pytest.fixture(scope="session")
def make_routine() -> Callable[..., Routine]:
    """``make_routine(Step(...), ...)``: a routine holding those steps."""
    return build_routine


@pytest.fixture(scope="session")
def three_steps(make_routine: Callable[..., Routine]) -> Routine:
    """A plain step, a two-sided step with a rest, then a plain step.

    With the 5 s get-ready the timeline is: ready 0-5, A 5-15, B left 15-35, switch 35-40,
    B right 40-60, rest 60-75, C 75-83 (83 s in all, 4 exercise segments).
    """
    return make_routine(
        Step("A", "Do A.", 10),
        Step("B", "Do B.", 20, sides=("left", "right"), rest_s=15),
        Step("C", "Do C.", 8),
    )
