"""Letting time pass while a player view plays, as its ticker would see it."""

from __future__ import annotations

from coach.core.clock import FakeClock
from coach.core.player.session import STALL_S
from coach.ui.player.player_view import PlayerView


def play(view: PlayerView, clock: FakeClock, seconds: float) -> None:
    """Let ``seconds`` pass while ``view`` plays, ticking it on the way: one silence longer
    than STALL_S would count as the computer asleep and pause the routine."""
    while seconds > 0:
        step = min(seconds, STALL_S / 2)
        clock.advance(step)
        seconds -= step
        view.tick()


def ready_s(view: PlayerView) -> int:
    """How long ``view``'s routine gives to get ready (and read its cautions) before step 1."""
    return view.session.player.segments[0].duration_s
