"""Lengths and times as the views write them."""

from __future__ import annotations

import pytest

from coach.ui.format import clock_text, minutes_text


@pytest.mark.parametrize(("seconds", "text"), [
    (45, "45 s"), (59.4, "59 s"), (60, "1 min"), (366, "6 min"), (59 * 60, "59 min"),
    (3600, "1 h"), (3900, "1 h 5 min"), (2 * 3600 + 10, "2 h")])
def test_minutes_text(seconds: float, text: str) -> None:
    assert minutes_text(seconds) == text


def test_clock_text_reaches_zero_only_at_the_end() -> None:
    assert [clock_text(s) for s in (0, 0.2, 59.1, 60)] == ["0:00", "0:01", "1:00", "1:00"]
