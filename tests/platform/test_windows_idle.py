"""The Windows idle source's arithmetic, with stand-ins for user32 and kernel32."""

from __future__ import annotations

import ctypes
from types import SimpleNamespace

import pytest

from coach.platform.idle import WindowsIdle


def fake_windll(last_input_ms: int, now_ms: int, answers: bool = True) -> SimpleNamespace:
    def get_last_input_info(reference):  # type: ignore[no-untyped-def]
        reference._obj.dwTime = last_input_ms
        return int(answers)

    return SimpleNamespace(user32=SimpleNamespace(GetLastInputInfo=get_last_input_info),
                           kernel32=SimpleNamespace(GetTickCount=lambda: now_ms))


@pytest.mark.parametrize(("last", "now", "idle_s"), [
    (1_000, 43_500, 42.5),
    (4_294_967_000, 500, 0.796),  # the 32-bit tick count wrapped after 49.7 days
])
def test_idle_time_from_the_last_input_tick(monkeypatch, last, now, idle_s):
    monkeypatch.setattr(ctypes, "windll", fake_windll(last, now), raising=False)
    assert WindowsIdle().idle_s() == pytest.approx(idle_s)


def test_a_failed_call_gives_none(monkeypatch):
    monkeypatch.setattr(ctypes, "windll", fake_windll(0, 0, answers=False), raising=False)
    assert WindowsIdle().idle_s() is None
