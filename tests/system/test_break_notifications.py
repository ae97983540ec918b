"""A break announced as a desktop notification: pressing its button starts the break."""

from __future__ import annotations

import subprocess
from pathlib import Path

from coach.app import build_shell
from coach.core.breaks.scheduler import WARNING_S, BreakKind
from coach.core.settings import Settings, save_settings
from coach.paths import DataPaths


class Typing:
    name = "always typing"

    def idle_s(self) -> float:
        return 0.5


def test_start_now_on_the_notification_opens_the_break(qtbot, notification_server, clock,
                                                        tmp_path: Path) -> None:
    data = DataPaths(tmp_path / "data")
    save_settings(data.settings, Settings(disclaimer_seen=True, muted=True))
    coach = build_shell(data, clock, Typing())
    breaks = coach.breaks
    qtbot.waitUntil(breaks.desktop.has_buttons, timeout=10_000)
    while breaks.scheduler.until_due_s(BreakKind.MICRO) > WARNING_S:
        clock.advance(breaks.scheduler.next_check_s(0.5))
        breaks.check()
    assert breaks.notice is None  # the desktop notification replaces the in-app notice
    qtbot.waitUntil(lambda: breaks.prepared is not None)  # its window is made meanwhile
    made = breaks.prepared
    subprocess.run(["dunstctl", "action", "0"], env=notification_server, check=True)
    qtbot.waitUntil(lambda: breaks.window is not None, timeout=10_000)
    assert breaks.window is made and breaks.window.kind is BreakKind.MICRO
    breaks.window.dismiss()
    coach.store.close()
