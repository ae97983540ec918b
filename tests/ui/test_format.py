"""Lengths and times as the views write them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coach.core.format import clock_text, day_text, length_text, minutes_text, when_text
from coach.core.i18n import use_language
from coach.ui.numbers import decimal_text
from coach.ui.qt_language import use_qt_language


@pytest.mark.parametrize(("seconds", "text"), [
    (45, "45 s"), (59.4, "59 s"), (60, "1 min"), (366, "6 min"), (59 * 60, "59 min"),
    (3600, "1 h"), (3900, "1 h 5 min"), (2 * 3600 + 10, "2 h")])
def test_minutes_text(seconds: float, text: str) -> None:
    assert minutes_text(seconds) == text


def test_clock_text_reaches_zero_only_at_the_end() -> None:
    assert [clock_text(s) for s in (0, 0.2, 59.1, 60)] == ["0:00", "0:01", "1:00", "1:00"]


@pytest.mark.parametrize(("at", "text"), [
    (datetime(2026, 12, 7, 14, 44), "Today 14:44"),
    (datetime(2026, 12, 6, 8, 9), "Yesterday 08:09"),
    (datetime(2026, 12, 2, 8, 7), "Wed 2 Dec 08:07"),
    (datetime(2026, 11, 30, 23, 59), "30 Nov 23:59"),
    (datetime(2025, 12, 31, 7, 0), "31 Dec 2025 07:00")])
def test_when_text_says_moments_as_people_do(at: datetime, text: str) -> None:
    assert when_text(at.astimezone(), date(2026, 12, 7)) == text


@pytest.mark.parametrize(("seconds", "text"), [
    (45, "45 s"), (145, "2 min 25 s"), (960, "16 min"), (990, "16 min 30 s"),
    (3900, "1 h 5 min")])
def test_length_text_never_looks_like_a_time_of_day(seconds: float, text: str) -> None:
    assert length_text(seconds) == text


@pytest.mark.parametrize(("code", "texts"), [("en", ["4.5", "12", "0.3"]),
                                              ("de", ["4,5", "12", "0,3"]),
                                              ("es", ["4,5", "12", "0,3"])])
def test_figures_are_written_as_the_language_writes_them(code, texts):  # type: ignore[no-untyped-def]
    try:
        use_qt_language(code)
        assert [decimal_text(v) for v in (4.5, 12.0, 0.26)] == texts
    finally:
        use_qt_language("en")


@pytest.mark.parametrize(("code", "texts"), [
    ("en", ["2 Dec 2026", "Wed 2 Dec 08:07"]),
    ("de", ["2. Dez. 2026", "Mi., 2. Dez., 08:07"]),
    ("es", ["2 dic 2026", "mié 2 dic, 08:07"])])
def test_dates_are_written_as_the_language_writes_them(code, texts):  # type: ignore[no-untyped-def]
    at = datetime(2026, 12, 2, 8, 7).astimezone()
    try:
        use_language(code)
        assert [day_text(at.date(), year=True), when_text(at, date(2026, 12, 5))] == texts
    finally:
        use_language("en")
