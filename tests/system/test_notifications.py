"""Desktop notifications reach a real notification server (dunst on its own session bus)."""

from __future__ import annotations

import json
import subprocess
import time

from coach.platform.notifications import DesktopNotifier

WAIT_S = 10.0


def notifications(env: dict[str, str]) -> list[dict[str, str]]:
    """Summary and body of every notification dunst has, shown or closed."""
    subprocess.run(["dunstctl", "close-all"], env=env, check=True)
    history = json.loads(subprocess.run(["dunstctl", "history"], env=env, check=True,
                                        capture_output=True, text=True).stdout)
    return [{key: entry[key]["data"] for key in ("summary", "body")}
            for entry in history["data"][0]]


def test_a_notification_arrives_with_its_text_unmarked(notification_server):
    notifier = DesktopNotifier()
    deadline = time.monotonic() + WAIT_S
    while not notifier.notify("Take the ice pack off now", "Area: <b>neck</b>", urgent=True):
        assert time.monotonic() < deadline, "the notification server never answered"
        time.sleep(0.2)
    notifier.close()
    assert {"summary": "Take the ice pack off now",
            "body": "Area: &lt;b&gt;neck&lt;/b&gt;"} in notifications(notification_server)


def test_without_a_session_bus_notify_says_no(monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    assert DesktopNotifier().notify("Title", "Body") is False
