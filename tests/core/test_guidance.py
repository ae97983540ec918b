"""The warning signs: one urgency scale, emergency signs sent to emergency care everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.guidance import RED_FLAGS, Urgency, pain_after_routine, red_flags
from coach.core.routines.library import load_library
from coach.core.routines.routine import Routine
from coach.core.sources import GENERAL_GUIDANCE, SOURCE_001, SOURCE_003

ROOT = Path(__file__).resolve().parents[2]


class _Shipped:
    routines = load_library(ROOT / "routines").routines

    def get(self, routine_id: str) -> Routine:
        [routine] = [r for r in self.routines if r.id == routine_id]
        return routine


SHIPPED = _Shipped()
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
                  "hard to pass urine", "genitals or bottom", "both legs feel weak",
                  "car accident", "fall from a height"):
        assert flag(words) is Urgency.EMERGENCY, words
    for words in ("fever", "nausea or vomiting", "tingle", "getting worse quickly"):
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


@pytest.mark.parametrize(("before", "after", "advised"), [
    (3, 5, True), (0, 2, True), (4, 5, False), (6, 3, False), (None, 7, False),
    (None, 8, True), (9, 8, True), (2, 10, True),
])
def test_a_score_that_rose_by_two_or_is_eight_or_more_means_no_more_today(
        before, after, advised):
    advice = pain_after_routine(before, after)
    assert (advice is not None) == advised
    if advice is not None:
        assert "Leave the exercises for today" in advice and "warning signs" in advice


def test_every_shipped_routine_says_how_often():
    for routine in SHIPPED.routines:
        assert routine.how_often, routine.id


def test_both_tennis_ball_routines_name_who_should_ask_first_and_keep_arms_crossed():
    for routine_id in ("tennis-ball-rhomboid-release", "tennis-ball-wall-release"):
        routine = SHIPPED.get(routine_id)
        cautions = " ".join(routine.cautions)
        for word in ("osteoporosis", "recent fall", "blood thinners", "broken or bruised skin"):
            assert word in cautions, (routine_id, word)
        assert any("cross your arms" in s.instruction.lower() for s in routine.steps)
    assert "standing version against a wall" in SHIPPED.get(
        "tennis-ball-rhomboid-release").summary


def test_breathing_through_a_spasm_ends_with_how_to_get_up_and_when_to_play_again():
    routine = SHIPPED.get("breathe-through-a-spasm")
    assert routine.steps[0].instruction.startswith("Stop whatever set the spasm off")
    assert "play this routine again" in routine.steps[-2].instruction
    assert "Cold and heat" in routine.steps[-2].instruction
    assert "roll onto your side" in routine.steps[-1].instruction
    assert "cannot move" in routine.summary and "bed rest" in routine.summary


def test_self_massage_names_when_to_leave_it_out_and_a_way_without_a_helper():
    routine = SHIPPED.get("upper-back-self-massage")
    cautions = " ".join(routine.cautions)
    assert all(w in cautions for w in ("bruise", "broken skin", "swelling", "fever",
                                       "blood thinners"))
    helper_steps = [s for s in routine.steps if s.name.startswith("Helper")]
    assert helper_steps and all("Alone:" in s.instruction for s in helper_steps)
    assert "pillow under your chest" in helper_steps[0].instruction


def test_strengthening_waits_until_the_pain_has_settled_and_cites_both_sources():
    routine = SHIPPED.get("upper-back-strengthening")
    assert routine.when == ("once-settled",)
    assert set(routine.sources) == {SOURCE_001, SOURCE_003, GENERAL_GUIDANCE}


def test_feeling_sick_with_the_pain_is_an_emergency_and_fever_the_same_day():
    [emergency] = [f for f in red_flags(Urgency.EMERGENCY) if "chest pain" in f.sign]
    assert "feeling sick" in emergency.sign and "light-headed" in emergency.sign
    [fever] = [f for f in RED_FLAGS if "fever" in f.sign]
    assert fever.urgency is Urgency.SAME_DAY and "with or without nausea" in fever.sign


def test_both_legs_weak_is_an_emergency_and_one_limb_the_same_day():
    [both] = [f for f in RED_FLAGS if "both legs" in f.sign]
    [one] = [f for f in RED_FLAGS if "One or both arms, or one leg" in f.sign]
    assert both.urgency is Urgency.EMERGENCY and one.urgency is Urgency.SAME_DAY


def test_the_emergency_heading_says_not_to_drive():
    assert "do not drive yourself" in Urgency.EMERGENCY.heading


def test_the_breathing_routine_names_a_tearing_pain_as_an_emergency_twice():
    routine = SHIPPED.get("breathe-through-a-spasm")
    [caution] = [c for c in routine.cautions if "tearing pain" in c]
    assert EMERGENCY in caution
    assert "tearing pain" in routine.steps[-2].instruction


def test_numbness_or_tingling_that_stays_gets_a_next_step_in_every_routine():
    for routine in SHIPPED.routines:
        assert any("tingling" in caution and "get seen by a doctor the same day" in caution
                   for caution in routine.cautions), routine.id


def test_every_shipped_routine_names_general_guidance_for_its_how_often():
    for routine in SHIPPED.routines:
        assert GENERAL_GUIDANCE in routine.sources, routine.id
