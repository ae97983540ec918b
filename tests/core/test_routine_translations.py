"""Routine files carry their own translations: a language table for the routine and one for
each step, checked as strictly as the English, with no caution left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.routines.routine import RoutineError, load_routine
from tests.conftest import write_routine_file

GERMAN = {"title": "Nacken und Schultern", "summary": "Eine kurze, sanfte Übung.",
          "cautions": ["Hören Sie auf, wenn etwas weh tut."]}


def test_a_language_table_gives_the_routine_in_that_language(tmp_path: Path) -> None:
    path = write_routine_file(tmp_path, de=GERMAN, steps=[{"de": {
        "name": "Kopf rollen", "instruction": "Rollen Sie den Kopf langsam hin und her."}}])
    routine = load_routine(path)
    german = routine.in_language("de")
    assert (german.title, german.cautions) == ("Nacken und Schultern", tuple(GERMAN["cautions"]))
    assert german.steps[0].name == "Kopf rollen"
    assert german.steps[0].duration_s == routine.steps[0].duration_s  # timing is shared
    assert routine.in_language("es") is routine  # no Spanish: English as written
    assert routine.title == "Neck and shoulders"


def test_a_text_left_untranslated_stays_in_english(tmp_path: Path) -> None:
    path = write_routine_file(tmp_path, de={"title": "Nacken"})
    german = load_routine(path).in_language("de")
    assert german.title == "Nacken" and german.summary.startswith("A short, gentle")
    assert german.steps[0].name == "Neck roll"


def test_a_caution_left_out_of_a_language_is_an_error(tmp_path: Path) -> None:
    path = write_routine_file(tmp_path, cautions=["Stop if it hurts.", "Not in a spasm."],
                              de={"cautions": ["Hören Sie auf, wenn es weh tut."]})
    with pytest.raises(RoutineError, match=r"de\.cautions.*has 1 cautions; the English has 2"):
        load_routine(path)


@pytest.mark.parametrize(("overrides", "steps", "field"), [
    ({"de": {"titel": "Nacken"}}, ({},), "de.titel"),
    ({"de": "Nacken"}, ({},), "de"),
    ({}, ({"de": {"name": ""}},), "steps[0].de.name"),
    ({}, ({"es": {"instruction": "x" * 521}},), "steps[0].es.instruction"),
    ({"fr": {"title": "Nuque"}}, ({},), "fr"),
])
def test_a_bad_language_table_names_its_field(tmp_path: Path, overrides, steps,  # type: ignore[no-untyped-def]
                                              field: str) -> None:
    path = write_routine_file(tmp_path, steps=steps, **overrides)
    with pytest.raises(RoutineError) as error:
        load_routine(path)
    assert field in str(error.value)


def test_a_right_side_step_stays_mirrored_in_another_language(tmp_path: Path) -> None:
    path = write_routine_file(tmp_path, steps=[{"name": "Right side: roll",
                                                "de": {"name": "Rechte Seite: rollen"}}])
    [step] = load_routine(path).in_language("de").steps
    assert step.name == "Rechte Seite: rollen" and step.right_side
