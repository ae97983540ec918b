"""Clocks: the one place Coach reads time, so logic and tests can pass it in."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """A source of time.

    ``monotonic()`` is in seconds from an arbitrary origin and never goes back; use it for
    countdowns. ``now()`` is an aware UTC datetime; use it for what is stored or shown.
    ``counts_suspend`` says whether ``monotonic()`` keeps counting while the machine sleeps.
    """

    counts_suspend: bool

    def monotonic(self) -> float: ...

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock: the system's UTC wall clock, and a monotonic clock that counts time
    asleep where the system has one (``CLOCK_BOOTTIME`` on Linux), else ``time.monotonic``."""

    def __init__(self) -> None:
        boottime = getattr(time, "CLOCK_BOOTTIME", None)
        self.counts_suspend = boottime is not None
        self._clock_id = boottime if boottime is not None else time.CLOCK_MONOTONIC

    def monotonic(self) -> float:
        if self.counts_suspend:
            return time.clock_gettime(self._clock_id)
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that moves only when told to, for tests and simulations.

    ``advance(s)`` moves both clocks forward by ``s`` seconds; ``jump_wall(s)`` moves only the
    wall clock (a manual clock change, or a suspend that the monotonic clock did not count);
    ``suspend(s)`` sleeps the machine for ``s`` seconds as this clock's kind would see it.
    """

    def __init__(self, start: datetime | None = None, monotonic_s: float = 1000.0,
                 counts_suspend: bool = False) -> None:
        self.counts_suspend = counts_suspend
        self._now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock start must be an aware datetime")
        self._monotonic_s = monotonic_s

    def monotonic(self) -> float:
        return self._monotonic_s

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot advance by a negative amount")
        self._monotonic_s += seconds
        self._now += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)

    def suspend(self, seconds: float) -> None:
        if self.counts_suspend:
            self.advance(seconds)
        else:
            self.jump_wall(seconds)
