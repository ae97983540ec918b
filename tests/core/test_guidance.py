"""The warning signs: one urgency scale, emergency signs sent to emergency care everywhere."""

from __future__ import annotations

from pathlib import Path

from coach.core.guidance import RED_FLAGS, Urgency, red_flags
from coach.core.library import load_library

ROOT = Path(__file__).resolve().parents[2]
EMERGENCY = "call your local emergency number now; do not drive yourself"


def test_one_scale_of_three_urgencies_in_these_words() -> None:
    assert [u.value for u in Urgency] == [
        "Call your local emergency number now; do not drive yourself.",
        "Get seen by a doctor the same day.",
        "See a doctor or physiotherapist soon."]


def flag(words: str) -> Urgency:
    [found] = [f for f in RED_FLAGS if words in f.sign]
    return found.urgency


def test_each_sign_has_the_urgency_health_services_give_it() -> None:
    for words in ("chest pain or pressure", "tearing pain", "coughing up blood",
                  "cannot pass urine", "genitals or bottom", "legs feel weak",
                  "car accident", "fall from a height"):
        assert flag(words) is Urgency.EMERGENCY, words
    for words in ("fever", "nausea or vomiting", "tingles", "getting worse quickly"):
        assert flag(words) is Urgency.SAME_DAY, words
    for words in ("minor fall", "worse at night", "losing weight", "had cancer",
                  "over 50 or under 20", "lump", "does not settle within a few days",
                  "not eased after a few days"):
        assert flag(words) is Urgency.SOON, words


def test_signs_stand_from_the_most_urgent_down_and_none_says_it_weaker() -> None:
    order = list(Urgency)
    assert [f.urgency for f in RED_FLAGS] == sorted((f.urgency for f in RED_FLAGS),
                                                   key=order.index)
    assert sum(len(red_flags(u)) for u in Urgency) == len(RED_FLAGS)
    for sign in (f.sign.lower() for f in RED_FLAGS):
        assert "urgent medical help" not in sign and "at once" not in sign


def test_routines_send_chest_pain_and_breathlessness_to_emergency_care() -> None:
    for routine in load_library(ROOT / "routines").routines:
        texts = [*routine.cautions, *(step.instruction for step in routine.steps)]
        for text in texts:
            lowered = text.lower()
            if "chest pain" in lowered or "breathless" in lowered or "short of breath" in lowered:
                assert EMERGENCY in lowered, (routine.id, text)
            assert "urgent medical help" not in lowered and "medical check" not in lowered


def test_a_routine_that_warns_against_spasms_is_not_offered_during_one() -> None:
    for routine in load_library(ROOT / "routines").routines:
        if any("not during an acute spasm" in c.lower() for c in routine.cautions):
            assert not {"acute-spasm", "any-time"} & set(routine.when), routine.id


def test_massage_pressure_is_worded_one_way_everywhere() -> None:
    for routine in load_library(ROOT / "routines").routines:
        for text in (routine.summary, *routine.cautions,
                     *(step.instruction for step in routine.steps)):
            lowered = text.lower()
            assert "firm pressure" not in lowered and "light to moderate" not in lowered
            if "pressure" in lowered and "chest pain or pressure" not in lowered \
                    and "no pressure on the spine" not in lowered:
                assert "gentle" in lowered, (routine.id, text)


def test_the_notice_says_how_muscular_back_pain_usually_goes() -> None:
    from coach.core.guidance import NOT_MEDICAL_ADVICE

    assert "settles by itself within a few days to a few weeks" in NOT_MEDICAL_ADVICE
