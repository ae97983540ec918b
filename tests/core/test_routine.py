"""Loading routine files: a valid file loads; every kind of mistake is a RoutineError that
names the file, the routine id (when known) and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.routines.routine import (
    MAX_FILE_BYTES,
    SWITCH_SIDES_S,
    Routine,
    RoutineError,
    Step,
    load_routine,
)

ROUTINE_ID = "neck-and-shoulders"  # the id write_routine uses unless told otherwise


def load_error(path: Path) -> RoutineError:
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    return caught.value


def assert_names(error: RoutineError, path: Path, field: str | None,
                 routine_id: str | None = ROUTINE_ID) -> None:
    message = str(error)
    assert str(path) in message
    assert error.path == path
    assert error.field == field
    if field is not None:
        assert f"field '{field}'" in message
    if routine_id is None:
        assert error.routine_id is None
        assert "routine '" not in message
    else:
        assert error.routine_id == routine_id
        assert f"routine '{routine_id}'" in message


# -- a valid file ---------------------------------------------------------------------------

def test_valid_file_loads_every_field(tmp_path, write_routine):
    path = write_routine(tmp_path, steps=[
        {"name": "  Neck roll  ", "duration_s": 30, "rest_s": 10, "illustration": "neck.svg"},
        {"name": "Side bend", "duration_s": 20, "sides": ["right", "left"]},
        {"name": "Shrugs", "duration_s": None, "reps": 6, "seconds_per_rep": 5},
    ])

    routine = load_routine(path)

    assert routine.id == ROUTINE_ID
    assert routine.title == "Neck and shoulders"
    assert routine.summary == "A short, gentle routine for a stiff neck."
    assert routine.when == ("at-the-desk", "any-time")
    assert routine.when_labels == ("At the desk", "Any time")
    assert routine.cautions == ("Stop if anything hurts.",)
    assert routine.sources == ("001_example.txt",)
    assert routine.path == path
    assert routine.shipped is True
    instruction = "Roll your head slowly from side to side."
    assert routine.steps == (
        Step("Neck roll", instruction, 30, rest_s=10, illustration="neck.svg"),
        Step("Side bend", instruction, 20, sides=("right", "left")),
        Step("Shrugs", instruction, 30, reps=6, seconds_per_rep=5),
    )


def test_user_routine_is_marked_not_shipped(tmp_path, write_routine):
    assert load_routine(write_routine(tmp_path), shipped=False).shipped is False


@pytest.mark.parametrize("step", [
    {"duration_s": 1800},
    {"duration_s": None, "reps": 30, "seconds_per_rep": 60},
    {"duration_s": 1},
    {"rest_s": 600},
    {"rest_s": 0},
], ids=str)
def test_limits_themselves_are_allowed(tmp_path, write_routine, step):
    load_routine(write_routine(tmp_path, steps=[step]))


# -- errors in the routine's own fields ------------------------------------------------------

@pytest.mark.parametrize("overrides, field", [
    ({"colour": "red"}, "colour"),
    ({"title": 5}, "title"),
    ({"title": True}, "title"),
    ({"title": ["Neck"]}, "title"),
    ({"title": "   "}, "title"),
    ({"title": "x" * 61}, "title"),
    ({"summary": 1.5}, "summary"),
    ({"when": "at-the-desk"}, "when"),
    ({"when": []}, "when"),
    ({"when": ["any-time", "whenever"]}, "when[1]"),
    ({"when": ["any-time", 3]}, "when[1]"),
    ({"how_often": 2}, "how_often"),
    ({"how_often": " "}, "how_often"),
    ({"how_often": "x" * 301}, "how_often"),
    ({"cautions": "Be careful."}, "cautions"),
    ({"cautions": ["ok", ["nested"]]}, "cautions[1]"),
    ({"sources": [True]}, "sources[0]"),
    ({"title": None}, "title"),
    ({"summary": None}, "summary"),
    ({"when": None}, "when"),
    ({"cautions": None}, "cautions"),
    ({"sources": None}, "sources"),
], ids=repr)
def test_bad_routine_field_names_file_id_and_field(tmp_path, write_routine, overrides, field):
    path = write_routine(tmp_path, **overrides)
    assert_names(load_error(path), path, field)


@pytest.mark.parametrize("steps", [None, [], "stretch", [1, 2], {"name": "x"}], ids=repr)
def test_missing_empty_or_mistyped_steps_is_an_error(tmp_path, write_routine, steps):
    path = write_routine(tmp_path, steps=steps)
    assert_names(load_error(path), path, "steps")


def test_more_than_a_hundred_steps_is_an_error(tmp_path, write_routine):
    path = write_routine(tmp_path, steps=[{"duration_s": 1}] * 101)
    assert_names(load_error(path), path, "steps")


def test_missing_id_is_an_error_without_a_routine_id(tmp_path, write_routine):
    path = write_routine(tmp_path, filename="no-id.toml", id=None)
    assert_names(load_error(path), path, "id", routine_id=None)


@pytest.mark.parametrize("bad_id", [
    "Neck", "neck_roll", "neck roll", "-neck", "neck-", "neck--roll", "nëck", "", 42,
], ids=repr)
def test_bad_id_is_an_error_without_a_routine_id(tmp_path, write_routine, bad_id):
    path = write_routine(tmp_path, filename="bad-id.toml", id=bad_id)
    assert_names(load_error(path), path, "id", routine_id=None)


def test_bad_when_tag_is_named_in_the_message(tmp_path, write_routine):
    path = write_routine(tmp_path, when=["whenever"])
    error = load_error(path)
    assert_names(error, path, "when[0]")
    assert "'whenever'" in str(error)


# -- errors in a step --------------------------------------------------------------------------

@pytest.mark.parametrize("step, field", [
    # unknown field
    ({"colour": "red"}, "colour"),
    # wrong types
    ({"duration_s": "30"}, "duration_s"),
    ({"duration_s": True}, "duration_s"),
    ({"duration_s": 30.5}, "duration_s"),
    ({"duration_s": [30]}, "duration_s"),
    ({"name": 7}, "name"),
    ({"name": ["Neck roll"]}, "name"),
    ({"instruction": False}, "instruction"),
    ({"rest_s": "10"}, "rest_s"),
    ({"duration_s": None, "reps": "6", "seconds_per_rep": 5}, "reps"),
    ({"duration_s": None, "reps": 6, "seconds_per_rep": True}, "seconds_per_rep"),
    # missing fields
    ({"name": None}, "name"),
    ({"instruction": None}, "instruction"),
    ({"duration_s": None}, "duration_s"),
    # durations out of range
    ({"duration_s": 0}, "duration_s"),
    ({"duration_s": -5}, "duration_s"),
    ({"duration_s": 1801}, "duration_s"),
    ({"duration_s": 10**9}, "duration_s"),
    ({"rest_s": -1}, "rest_s"),
    ({"rest_s": 601}, "rest_s"),
    ({"duration_s": None, "reps": 0, "seconds_per_rep": 5}, "reps"),
    ({"duration_s": None, "reps": 101, "seconds_per_rep": 5}, "reps"),
    ({"duration_s": None, "reps": 5, "seconds_per_rep": 0}, "seconds_per_rep"),
    ({"duration_s": None, "reps": 5, "seconds_per_rep": 61}, "seconds_per_rep"),
    ({"duration_s": None, "reps": 31, "seconds_per_rep": 60}, "reps"),  # 1860 s > 1800 s
    # duration_s and reps together, reps alone
    ({"reps": 6, "seconds_per_rep": 5}, "duration_s"),
    ({"reps": 6}, "duration_s"),
    ({"duration_s": None, "reps": 6}, "seconds_per_rep"),
    ({"duration_s": None, "seconds_per_rep": 5}, "reps"),
    # sides
    ({"sides": ["left"]}, "sides"),
    ({"sides": ["left", "left"]}, "sides"),
    ({"sides": ["left", "middle"]}, "sides"),
    ({"sides": ["up", "down"]}, "sides"),
    ({"sides": ["left", "right", "left"]}, "sides"),
    ({"sides": "both"}, "sides"),
    ({"sides": []}, "sides"),
    ({"sides": ["left", 2]}, "sides[1]"),
    # illustration
    ({"illustration": "../secret.svg"}, "illustration"),
    ({"illustration": "/etc/passwd.png"}, "illustration"),
    ({"illustration": "neck.gif"}, "illustration"),
    ({"illustration": "neck roll.svg"}, "illustration"),
    ({"illustration": "neck"}, "illustration"),
    ({"illustration": 3}, "illustration"),
], ids=repr)
def test_bad_step_names_file_id_and_indexed_field(tmp_path, write_routine, step, field):
    path = write_routine(tmp_path, steps=[{}, step])  # the second step is the bad one
    assert_names(load_error(path), path, f"steps[1].{field}")


# -- files that cannot be read as TOML ------------------------------------------------------

def test_invalid_toml_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('id = "broken"\ntitle = \n', encoding="utf-8")
    error = load_error(path)
    assert_names(error, path, None, routine_id=None)
    assert "TOML" in str(error)


def test_non_utf8_file_names_the_file(tmp_path, write_routine):
    path = write_routine(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"gentle", b"gentl\xe9"))
    error = load_error(path)
    assert_names(error, path, None, routine_id=None)
    assert "UTF-8" in str(error)


def test_file_over_the_size_limit_is_refused(tmp_path, write_routine):
    path = write_routine(tmp_path)
    padding = ("# padding\n" * (MAX_FILE_BYTES // 10 + 1)).encode()
    path.write_bytes(path.read_bytes() + padding)
    error = load_error(path)
    assert_names(error, path, None, routine_id=None)
    assert str(MAX_FILE_BYTES) in str(error)


@pytest.mark.parametrize(("make", "problem"), [
    (lambda tmp: tmp / "missing.toml", "does not exist"),
    (lambda tmp: (tmp / "folder.toml").mkdir() or tmp / "folder.toml", "not a regular file"),
    (lambda tmp: Path("/dev/zero"), "not a regular file"),
], ids=["missing file", "a folder", "an endless device"])
def test_unreadable_path_names_the_file(tmp_path, make, problem):
    path = make(tmp_path)
    error = load_error(path)
    assert_names(error, path, None, routine_id=None)
    assert problem in str(error)


def test_a_file_saved_with_a_byte_order_mark_loads(tmp_path, write_routine):
    path = write_routine(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_routine(path).id


def test_routine_error_is_a_value_error(tmp_path):
    with pytest.raises(ValueError):
        load_routine(tmp_path / "missing.toml")


# -- durations --------------------------------------------------------------------------------

def test_one_sided_step_lasts_its_duration_plus_rest():
    assert Step("A", "Do A.", 30).total_s == 30
    assert Step("A", "Do A.", 30, rest_s=10).total_s == 40


def test_two_sided_step_plays_twice_with_a_switch_between():
    step = Step("B", "Do B.", 20, sides=("left", "right"), rest_s=15)
    assert step.total_s == 20 + SWITCH_SIDES_S + 20 + 15


def test_counted_step_lasts_reps_times_seconds_per_rep(tmp_path, write_routine):
    path = write_routine(tmp_path, steps=[
        {"duration_s": None, "reps": 6, "seconds_per_rep": 5, "sides": ["left", "right"]}])
    [step] = load_routine(path).steps
    assert step.duration_s == 30
    assert step.total_s == 30 + SWITCH_SIDES_S + 30


def test_routine_lasts_the_sum_of_its_steps(tmp_path, write_routine):
    path = write_routine(tmp_path, steps=[
        {"duration_s": 10},
        {"duration_s": 20, "sides": ["left", "right"], "rest_s": 15},
        {"duration_s": None, "reps": 4, "seconds_per_rep": 2, "rest_s": 5},
    ])
    routine = load_routine(path)
    assert isinstance(routine, Routine)
    assert routine.total_s == 10 + (20 + SWITCH_SIDES_S + 20 + 15) + (8 + 5)
