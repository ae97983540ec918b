"""The library: shipped and user routines together, each bad file reported and left out."""

from __future__ import annotations

import pytest

from coach.core.routines.library import check_files, load_library, routine_files
from coach.core.routines.routine import RoutineError
from coach.paths import shipped_dir


@pytest.fixture
def shipped(tmp_path):
    return tmp_path / "shipped"


@pytest.fixture
def user(tmp_path):
    return tmp_path / "user"


def ids(library):
    return [routine.id for routine in library.routines]


def test_loads_shipped_and_user_routines_marking_which_is_which(shipped, user, write_routine):
    write_routine(shipped, id="desk-reset", title="Desk reset")
    write_routine(user, id="my-own", title="My own")

    library = load_library(shipped, user)

    assert library.errors == ()
    assert library.get("desk-reset").shipped is True
    assert library.get("my-own").shipped is False
    assert library.get("no-such-id") is None


def test_sorted_shipped_first_then_by_title_ignoring_case(shipped, user, write_routine):
    write_routine(user, id="u-apple", title="apple (mine)")
    write_routine(user, id="u-zebra", title="Zebra (mine)")
    write_routine(shipped, id="s-zebra", title="Zebra")
    write_routine(shipped, id="s-banana", title="banana")
    write_routine(shipped, id="s-apple", title="Apple")

    assert ids(load_library(shipped, user)) == [
        "s-apple", "s-banana", "s-zebra", "u-apple", "u-zebra"]


def test_bad_user_file_is_skipped_with_its_error_and_good_ones_still_load(
        shipped, user, write_routine):
    write_routine(shipped, id="desk-reset")
    write_routine(user, id="good-one")
    bad = write_routine(user, id="bad-one", steps=[{"duration_s": 0}])
    write_routine(user, id="good-two")

    library = load_library(shipped, user)

    assert ids(library) == ["desk-reset", "good-one", "good-two"]
    [error] = library.errors
    assert isinstance(error, RoutineError)
    assert error.path == bad
    assert error.field == "steps[0].duration_s"
    assert str(bad) in str(error)


def test_unparsable_user_file_does_not_hide_the_others(shipped, user, write_routine):
    (user / "garbage.toml").parent.mkdir(parents=True)
    (user / "garbage.toml").write_bytes(b"\xff\xfe not toml")
    write_routine(user, id="good-one")

    library = load_library(shipped, user)

    assert ids(library) == ["good-one"]
    assert [e.path.name for e in library.errors] == ["garbage.toml"]


def test_duplicate_id_among_user_files_keeps_the_first_and_reports_the_second(
        shipped, user, write_routine):
    first = write_routine(user, filename="a.toml", id="same-id", title="First")
    second = write_routine(user, filename="b.toml", id="same-id", title="Second")

    library = load_library(shipped, user)

    assert [r.title for r in library.routines] == ["First"]
    [error] = library.errors
    assert error.path == second
    assert error.routine_id == "same-id"
    assert error.field == "id"
    assert "duplicate id" in str(error)
    assert str(first) in str(error)


def test_user_file_cannot_reuse_a_shipped_id(shipped, user, write_routine):
    write_routine(shipped, id="desk-reset", title="Shipped desk reset")
    mine = write_routine(user, id="desk-reset", title="My desk reset")

    library = load_library(shipped, user)

    assert [(r.title, r.shipped) for r in library.routines] == [("Shipped desk reset", True)]
    [error] = library.errors
    assert error.path == mine
    assert error.field == "id"
    assert "a routine Coach ships" in str(error)


def test_missing_folders_give_an_empty_library(tmp_path):
    library = load_library(tmp_path / "no-shipped", tmp_path / "no-user")
    assert library.routines == ()
    assert library.errors == ()


def test_user_folder_is_optional(shipped, write_routine):
    write_routine(shipped, id="desk-reset")
    assert ids(load_library(shipped)) == ["desk-reset"]
    assert ids(load_library(shipped, None)) == ["desk-reset"]


def test_only_toml_files_directly_in_the_folder_count(shipped, write_routine):
    write_routine(shipped, id="top-level")
    write_routine(shipped / "nested", id="nested")
    (shipped / "notes.txt").write_text("not a routine", encoding="utf-8")
    (shipped / "folder.toml").mkdir()

    assert routine_files(shipped) == [shipped / "top-level.toml"]
    assert ids(load_library(shipped)) == ["top-level"]


def test_check_files_validates_each_file_given(tmp_path, write_routine):
    good = write_routine(tmp_path, id="good-one")
    bad = write_routine(tmp_path, id="bad-one", when=["never"])
    missing = tmp_path / "missing.toml"

    routines, errors = check_files([good, bad, missing])

    assert [r.id for r in routines] == ["good-one"]
    assert [(e.path, e.field) for e in errors] == [(bad, "when[0]"), (missing, None)]


def test_check_files_wants_ids_unique_among_the_files(tmp_path, write_routine):
    first = write_routine(tmp_path, filename="one.toml", id="same-id")
    second = write_routine(tmp_path, filename="two.toml", id="same-id")

    routines, errors = check_files([first, second])

    assert [r.path for r in routines] == [first]
    [error] = errors
    assert error.path == second
    assert str(first) in str(error)


def test_every_shipped_routine_is_valid():
    library = load_library(shipped_dir("routines"))
    assert library.routines, "no routine is shipped"
    assert library.errors == (), "\n".join(map(str, library.errors))


def test_a_picture_that_is_nowhere_is_an_error_naming_the_step(tmp_path):
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "shipped.svg").write_text("<svg/>")
    user = tmp_path / "user"
    user.mkdir()
    (user / "beside.svg").write_text("<svg/>")
    body = ('id = "{id}"\ntitle = "T {id}"\nsummary = "S"\nwhen = ["any-time"]\n'
            'cautions = ["C"]\nsources = ["s"]\n[[steps]]\nname = "A"\ninstruction = "I"\n'
            'duration_s = 10\nillustration = "{picture}"\n')
    for routine_id, picture in (("found-beside", "beside.svg"), ("found-shipped", "shipped.svg"),
                                ("lost", "nope.svg")):
        (user / f"{routine_id}.toml").write_text(body.format(id=routine_id, picture=picture))
    library = load_library(tmp_path / "no-shipped", user, pictures)
    assert ids(library) == ["found-beside", "found-shipped"]
    [error] = library.errors
    assert error.field == "steps[0].illustration" and "'nope.svg'" in str(error)
    assert ids(load_library(tmp_path / "no-shipped", user)) == [
        "found-beside", "found-shipped", "lost"]  # without a pictures folder: not checked
