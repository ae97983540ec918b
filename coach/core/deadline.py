"""A deadline held on both clocks, so sleep and clock changes are each handled the safe way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from coach.core.clock import Clock

AGREEMENT_S = 2.0
"""How far the two clocks may drift apart before one of them is taken to have jumped."""


@dataclass
class Deadline:
    """A moment to count down to, as a monotonic time and as an aware UTC instant.

    ``left_s`` reconciles the two clocks on every call. If the wall clock has moved on further
    than a monotonic clock that does not count sleep, the machine slept: the wall clock is
    right and the deadline may already have passed. Otherwise the wall clock was changed by
    hand (or for a time-zone or DST reason): the monotonic clock is right, so a clock change
    neither shortens nor lengthens the countdown. The UTC instant, which is what is stored,
    is moved to match.
    """

    monotonic_s: float
    at: datetime

    @classmethod
    def after(cls, clock: Clock, seconds: float) -> Deadline:
        """The deadline ``seconds`` from now."""
        return cls(clock.monotonic() + seconds, clock.now() + timedelta(seconds=seconds))

    @classmethod
    def restored(cls, clock: Clock, at: datetime) -> Deadline:
        """A deadline read back from storage, where only the UTC instant survives."""
        return cls(clock.monotonic() + (at - clock.now()).total_seconds(), at)

    def left_s(self, clock: Clock) -> float:
        """Seconds until the deadline; negative once it has passed."""
        by_monotonic = self.monotonic_s - clock.monotonic()
        by_wall = (self.at - clock.now()).total_seconds()
        if abs(by_wall - by_monotonic) <= AGREEMENT_S:
            return by_monotonic
        if by_wall < by_monotonic and not clock.counts_suspend:
            self.monotonic_s = clock.monotonic() + by_wall
            return by_wall
        self.at = clock.now() + timedelta(seconds=by_monotonic)
        return by_monotonic

    def moved(self, seconds: float) -> Deadline:
        """This deadline ``seconds`` later (earlier when negative)."""
        return Deadline(self.monotonic_s + seconds, self.at + timedelta(seconds=seconds))
