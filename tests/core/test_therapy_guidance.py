"""Cold or heat from one question, with every point traced to where it comes from."""

from __future__ import annotations

import pytest

from coach.core.sources import GENERAL_GUIDANCE, SOURCE_000, SOURCE_001, SOURCE_003
from coach.core.therapy.guidance import ALWAYS, Onset, Point, advise
from coach.core.therapy.timer import TherapyKind

KNOWN_SOURCES = {SOURCE_000, SOURCE_001, SOURCE_003, GENERAL_GUIDANCE}


def all_points() -> list[Point]:
    points = list(ALWAYS)
    for onset in Onset:
        advice = advise(onset)
        points += advice.reasons
        if advice.other_view is not None:
            points.append(advice.other_view)
    return points


def test_acute_suggests_cold_and_shows_the_other_view():
    advice = advise(Onset.ACUTE)

    assert advice.suggested is TherapyKind.COLD
    assert any(p.source == SOURCE_001 for p in advice.reasons)
    [no_heat] = [p for p in advice.reasons if p.source == SOURCE_000]
    assert "no heat" in no_heat.text.lower()
    assert advice.other_view is not None
    assert advice.other_view.source == SOURCE_003
    assert "warm compress" in advice.other_view.text.lower()


@pytest.mark.parametrize("onset", [Onset.LATER, Onset.RECURRING])
def test_later_or_recurring_suggests_heat_from_source_003(onset):
    advice = advise(onset)

    assert advice.suggested is TherapyKind.HEAT
    assert any(p.source == SOURCE_003 and "heat" in p.text.lower() for p in advice.reasons)
    assert advice.other_view is not None and advice.other_view.source == SOURCE_000
    assert "spasm" in advice.other_view.text and "cold" in advice.other_view.text


def test_later_and_recurring_give_their_own_reason():
    later, recurring = advise(Onset.LATER), advise(Onset.RECURRING)
    assert "72 hours" in later.reasons[0].text
    assert later.reasons[0].text != recurring.reasons[0].text


@pytest.mark.parametrize("words", [
    "cloth", "every 5 minutes", "asleep", "no more than 20 minutes", "hour"])
def test_the_always_advice_covers_the_safety_basics(words):
    assert any(words in p.text.lower() for p in ALWAYS)


def test_the_time_limit_is_cited_from_source_003():
    [limit] = [p for p in ALWAYS if "No more than 20 minutes" in p.text]
    assert limit.source == SOURCE_003


@pytest.mark.parametrize("point", all_points(), ids=lambda p: p.text[:30])
def test_every_point_has_text_and_a_known_source(point):
    assert point.text.strip()
    assert point.source.strip()
    assert point.source in KNOWN_SOURCES


def test_the_sources_are_named_as_their_document_files():
    for source in (SOURCE_000, SOURCE_001, SOURCE_003):
        assert source.endswith(".txt")
    assert len({SOURCE_000, SOURCE_001, SOURCE_003}) == 3


def test_the_safe_use_points_name_who_should_take_care_and_how() -> None:
    from coach.core.therapy.guidance import ALWAYS

    text = " ".join(p.text for p in ALWAYS)
    for words in ("lying or sitting on it", "diabetes", "Raynaud's", "broken or irritated skin",
                  "No heat on a fresh injury that is swollen", "warm shower"):
        assert words in text, words
