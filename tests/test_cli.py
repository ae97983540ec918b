"""The `coach` command, run in-process. Nothing here opens the GUI: no `main([])` and no
`start` with a routine that exists."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

from coach import __version__, cli
from coach.cli import main
from coach.core.format import minutes_text
from coach.core.history.store import HistoryStore
from coach.core.routines.library import load_library
from coach.paths import DATA_DIR_VARIABLE, DataPaths, shipped_dir


@pytest.fixture(autouse=True)
def no_data_dir_variable(monkeypatch):
    """The user's own COACH_DATA_DIR must not leak into the tests."""
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def run(capsys, *args):
    """Run ``coach ARGS`` and return (exit status, stdout, stderr)."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def run_usage_error(capsys, *args):
    """Run ``coach ARGS`` that argparse rejects; return (exit status, stderr)."""
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    out, err = capsys.readouterr()
    assert out == ""
    return caught.value.code, err


def assert_one_line_error(err):
    assert err.endswith("\n")
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err


def add_sessions(data_dir, *sessions):
    """Write sessions (title, minutes after 9:00, completed) into the data folder's history."""
    data_dir.mkdir(parents=True, exist_ok=True)
    store = HistoryStore(DataPaths(data_dir).history)
    for title, minutes, completed in sessions:
        started = datetime(2026, 1, 5, 9, minutes, tzinfo=UTC)
        session_id = store.begin_routine("desk-reset", title, started, steps_total=4)
        store.update_routine(session_id, 90.0, 4 if completed else 2, completed)
    store.close()


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"coach {__version__}\n"


# -- routines -----------------------------------------------------------------------------------

def test_routines_lists_every_shipped_routine(capsys, data_dir):
    shipped = load_library(shipped_dir("routines")).routines
    assert shipped, "no routine is shipped"

    status, out, _ = run(capsys, "--data-dir", str(data_dir), "routines")

    assert status == 0
    listed = [line.split()[0] for line in out.splitlines()]
    assert listed == [routine.id for routine in shipped]
    for line, routine in zip(out.splitlines(), shipped, strict=True):
        assert line.endswith(routine.title)
        assert f"  {minutes_text(routine.total_s)}  " in line  # as the library shows it


def test_routines_lists_user_routines_and_reports_bad_ones(capsys, data_dir, write_routine):
    write_routine(DataPaths(data_dir).routines, id="my-own-routine", title="My own")
    bad = write_routine(DataPaths(data_dir).routines, id="my-bad-routine",
                        steps=[{"rest_s": -1}])

    status, out, err = run(capsys, "--data-dir", str(data_dir), "routines")

    assert status == 0
    assert out.splitlines()[-1].startswith("my-own-routine")
    assert "my-bad-routine" not in out
    assert str(bad) in err and "steps[0].rest_s" in err


def test_check_of_a_good_file_exits_0(capsys, tmp_path, write_routine):
    good = write_routine(tmp_path, id="good-one")

    status, out, err = run(capsys, "--data-dir", str(tmp_path / "data"), "routines", "--check",
                           str(good))

    assert status == 0
    assert out.startswith(f"{good}: ok (good-one, 1 step")
    assert err == ""


def test_check_of_a_bad_file_exits_1_naming_file_and_field(capsys, tmp_path, write_routine):
    good = write_routine(tmp_path, id="good-one")
    bad = write_routine(tmp_path, id="bad-one", steps=[{}, {"duration_s": 9999}])

    status, out, err = run(capsys, "--data-dir", str(tmp_path / "data"), "routines", "--check",
                           str(good), str(bad))

    assert status == 1
    assert str(good) in out
    assert str(bad) in err
    assert "routine 'bad-one'" in err
    assert "steps[1].duration_s" in err


def test_check_refuses_an_id_a_shipped_routine_uses(capsys, data_dir, write_routine):
    mine = write_routine(data_dir.parent, id="desk-posture-reset")
    status, _, err = run(capsys, "--data-dir", str(data_dir), "routines", "--check", str(mine))
    assert status == 1
    assert "duplicate id" in err and "routine Coach ships" in err


def test_check_compares_ids_with_the_users_own_routines(capsys, data_dir, write_routine):
    installed = write_routine(data_dir / "routines", id="my-stretch")
    copy = write_routine(data_dir.parent, id="my-stretch")
    assert run(capsys, "--data-dir", str(data_dir), "routines", "--check",
               str(installed))[0] == 0
    status, _, err = run(capsys, "--data-dir", str(data_dir), "routines", "--check", str(copy))
    assert status == 1 and str(installed) in err


def test_check_of_the_same_file_twice_checks_it_once(capsys, data_dir, write_routine):
    good = write_routine(data_dir.parent, id="good-one")
    status, out, err = run(capsys, "--data-dir", str(data_dir), "routines", "--check",
                           str(good), str(good))
    assert (status, err, out.count("ok")) == (0, "", 1)


def test_check_of_a_missing_file_exits_1(capsys, tmp_path):
    status, _, err = run(capsys, "--data-dir", str(tmp_path / "data"), "routines", "--check",
                         str(tmp_path / "nope.toml"))
    assert status == 1
    assert "nope.toml" in err


# -- usage errors -------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--bogus"],
    ["frobnicate"],
    ["routines", "--bogus"],
    ["history", "--format", "xml"],
    ["history", "--since", "yesterday"],
    ["history", "--since", "2026-02-01", "--until", "2026-01-01"],
    ["history", "--output", "out.txt"],
    ["history", "--format", "csv", "--output", ""],
    ["start"],
    ["routines", "--check"],
], ids=" ".join)
def test_usage_error_is_one_line_with_exit_2(capsys, data_dir, args):
    code, err = run_usage_error(capsys, "--data-dir", str(data_dir), *args)
    assert code == 2
    assert_one_line_error(err)
    assert err.startswith("coach")


def test_unknown_sub_command_is_named(capsys):
    _, err = run_usage_error(capsys, "frobnicate")
    assert "frobnicate" in err


def test_start_with_an_unknown_routine_exits_2_in_one_line(capsys, data_dir):
    status, out, err = run(capsys, "--data-dir", str(data_dir), "start", "no-such-id")
    assert status == 2
    assert out == ""
    assert_one_line_error(err)
    assert "no-such-id" in err


# -- history ------------------------------------------------------------------------------------

def test_history_with_nothing_recorded_says_so(capsys, data_dir):
    status, out, _ = run(capsys, "--data-dir", str(data_dir), "history")
    assert status == 0
    assert out == "Nothing recorded.\n"


def test_history_table_lists_sessions_newest_first(capsys, data_dir):
    add_sessions(data_dir, ("Older", 0, True), ("Newer", 30, False))

    status, out, _ = run(capsys, "--data-dir", str(data_dir), "history")

    assert status == 0
    heading, newer, older = out.splitlines()
    assert heading == "Routines:"
    assert newer.endswith("Newer") and "partial" in newer
    assert older.endswith("Older") and "completed" in older


def test_history_as_csv(capsys, data_dir):
    add_sessions(data_dir, ("Desk, reset", 0, True), ("=cmd()", 30, False))

    status, out, _ = run(capsys, "--data-dir", str(data_dir), "history", "--format", "csv")

    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [(r["routine_title"], r["at"], r["completed"]) for r in rows] == [
        ("'=cmd()", "2026-01-05T09:30:00+00:00", "False"),
        ("Desk, reset", "2026-01-05T09:00:00+00:00", "True"),
    ]


def test_history_as_json(capsys, data_dir):
    add_sessions(data_dir, ("Desk reset", 0, True))

    status, out, _ = run(capsys, "--data-dir", str(data_dir), "history", "--format", "json")

    assert status == 0
    assert json.loads(out) == {
        "routine_sessions": [{
            "id": 1, "at": "2026-01-05T09:00:00+00:00", "routine_id": "desk-reset",
            "routine_title": "Desk reset", "duration_s": 90.0, "steps_completed": 4,
            "steps_total": 4, "completed": True}],
        "cold_and_heat": [], "breaks": [], "symptoms": []}


def test_history_of_a_range_of_local_days(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:  # 9:00 UTC on 5 January is 4:00 in New York; 23:30 UTC is 18:30 the same day
        add_sessions(data_dir, ("Morning", 0, True))
        store = HistoryStore(DataPaths(data_dir).history)
        store.begin_routine("r", "Late", datetime(2026, 1, 6, 4, 30, tzinfo=UTC), 1)
        store.close()
        _, on_the_5th, _ = run(capsys, "--data-dir", str(data_dir), "history", "--since",
                               "2026-01-05", "--until", "2026-01-05")
        _, from_the_6th, _ = run(capsys, "--data-dir", str(data_dir), "history", "--since",
                                 "2026-01-06")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "Late" in on_the_5th and "Morning" in on_the_5th  # 23:30 New York on the 5th
    assert from_the_6th == "Nothing recorded.\n"


def test_history_written_to_a_file_only_the_user_can_read(capsys, data_dir, tmp_path):
    add_sessions(data_dir, ("Desk reset", 0, True))
    target = tmp_path / "export.json"
    status, out, _ = run(capsys, "--data-dir", str(data_dir), "history", "--format", "json",
                         "--output", str(target))
    assert status == 0 and out == ""
    assert json.loads(target.read_text())["routine_sessions"][0]["routine_title"] == "Desk reset"
    assert target.stat().st_mode & 0o777 == 0o600


def test_history_to_a_file_that_cannot_be_written_exits_1(capsys, data_dir, tmp_path):
    status, _, err = run(capsys, "--data-dir", str(data_dir), "history", "--format", "csv",
                         "--output", str(tmp_path / "missing" / "out.csv"))
    assert status == 1
    assert_one_line_error(err)


def test_history_from_a_damaged_file_exits_1_in_one_line(capsys, data_dir):
    data_dir.mkdir()
    DataPaths(data_dir).history.write_bytes(b"not a database" * 100)

    status, out, err = run(capsys, "--data-dir", str(data_dir), "history")

    assert status == 1
    assert out == ""
    assert_one_line_error(err)
    assert "history.sqlite3" in err


def test_data_dir_variable_is_used_when_no_option_is_given(capsys, data_dir, monkeypatch):
    add_sessions(data_dir, ("From the variable", 0, True))
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_dir))

    status, out, _ = run(capsys, "history")

    assert status == 0
    assert out.rstrip().endswith("From the variable")


def test_history_with_a_row_that_cannot_be_read_exits_1_in_one_line(capsys, data_dir):
    paths = DataPaths(data_dir)
    paths.create()
    store = HistoryStore(paths.history)
    store.begin_routine("r", "Routine", datetime(2026, 1, 5, tzinfo=UTC), 3)
    store.connection.execute("UPDATE routine_sessions SET started_at = 'not a date'")
    store.close()
    status, out, err = run(capsys, "--data-dir", str(data_dir), "history")
    assert status == 1 and out == ""
    assert len(err.splitlines()) == 1 and "bad value" in err


def test_an_empty_data_dir_is_a_usage_error(capsys):
    status, err = run_usage_error(capsys, "--data-dir", "", "history")
    assert status == 2 and "--data-dir" in err and len(err.splitlines()) == 1


def test_timer_with_a_method_of_the_other_kind_exits_2_before_opening(capsys, data_dir):
    status, out, err = run(capsys, "--data-dir", str(data_dir), "timer", "heat", "--method",
                           "ice pack")
    assert status == 2 and "not a heat method" in err and len(err.splitlines()) == 1


def test_history_output_dash_prints_it(capsys, data_dir):
    add_sessions(data_dir, ("Desk reset", 0, True))
    status, out, _ = run(capsys, "--data-dir", str(data_dir), "history", "--format", "json",
                         "--output", "-")
    assert status == 0 and json.loads(out)["routine_sessions"][0]["routine_title"] == "Desk reset"


def test_history_read_by_a_reader_that_stops_early_ends_quietly(data_dir):
    data_dir.mkdir()
    store = HistoryStore(DataPaths(data_dir).history)
    for n in range(3000):  # far more than a pipe holds
        store.begin_routine("r", f"Session {n}", datetime(2026, 1, 5, tzinfo=UTC), 4)
    store.close()
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL)
    coach = subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(data_dir),
                            "history", "--format", "csv"], stdout=reader.stdin,
                           stderr=subprocess.PIPE, text=True, timeout=60,
                           env={**os.environ, "PYTHONUNBUFFERED": ""})
    reader.stdin.close()
    reader.wait()
    assert coach.stderr == "" and coach.returncode == 0


def test_ctrl_c_ends_the_command_quietly_with_130(capsys, data_dir, monkeypatch):
    def interrupted(*_args):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_list_routines", interrupted)
    assert main(["routines"]) == 130
    assert capsys.readouterr().err == ""


SNEAKY = "Stretch \u202eevil\u202c \x1b[31mred\x1b[0m \x85 Schulter 肩 café"
SHOWN = "Stretch \\u202eevil\\u202c \\x1b[31mred\\x1b[0m \\x85 Schulter 肩 café"


def test_routines_show_control_characters_of_a_title_escaped(capsys, data_dir, write_routine):
    write_routine(DataPaths(data_dir).routines, id="sneaky", title=SNEAKY)
    status, out, _err = run(capsys, "--data-dir", str(data_dir), "routines")
    [line] = [line for line in out.splitlines() if line.startswith("sneaky")]
    assert status == 0 and line.endswith(SHOWN)
    assert "\x1b" not in out and "\u202e" not in out


def test_history_and_check_show_control_characters_escaped(capsys, data_dir, tmp_path,
                                                           write_routine):
    from coach.core.history.symptoms import SymptomLog

    add_sessions(data_dir, (SNEAKY, 0, True))
    store = HistoryStore(DataPaths(data_dir).history)
    SymptomLog(store).add(datetime(2026, 1, 5, 10, tzinfo=UTC), 3, "neck", False, SNEAKY)
    store.close()
    status, out, _err = run(capsys, "--data-dir", str(data_dir), "history")
    assert status == 0 and SHOWN in out and out.count("\\u202eevil\\u202c \\x1b[31m") == 2
    assert "\x1b" not in out and "\u202e" not in out

    bad = write_routine(tmp_path, id="bad", title=SNEAKY, when=["\x1b[2J"])
    status, out, err = run(capsys, "--data-dir", str(data_dir), "routines", "--check", str(bad))
    assert status == 1 and "\\x1b[2J" in err and "\x1b" not in err + out


@pytest.mark.parametrize("args", [
    ["routines", SNEAKY],
    ["history", "--since", SNEAKY],
    [SNEAKY],
], ids=["unrecognized", "not a date", "no such command"])
def test_usage_errors_show_the_words_they_quote_escaped(capsys, data_dir, args):
    code, err = run_usage_error(capsys, "--data-dir", str(data_dir), *args)
    assert code == 2
    assert_one_line_error(err)
    assert "\\u202eevil\\u202c \\x1b[31mred" in err
    assert "\x1b" not in err and "\u202e" not in err


@pytest.mark.parametrize("inside", ["history.sqlite3", "settings.json", "./x/../history.sqlite3",
                                    "new-file.csv"])
def test_history_output_never_writes_over_coachs_own_data(capsys, data_dir, inside):
    add_sessions(data_dir, ("Kept", 0, True))
    (data_dir / "settings.json").write_text("{}")
    before = (data_dir / "history.sqlite3").read_bytes()
    status, err = run_usage_error(capsys, "--data-dir", str(data_dir), "history", "--format",
                                  "csv", "--output", str(data_dir / inside))
    assert status == 2 and "would write over Coach's own data" in err
    assert_one_line_error(err)
    assert (data_dir / "history.sqlite3").read_bytes() == before
    assert (data_dir / "settings.json").read_text() == "{}"


def test_history_output_through_a_link_to_coachs_own_file_is_refused(capsys, data_dir,
                                                                     tmp_path):
    add_sessions(data_dir, ("Kept", 0, True))
    (data_dir / "settings.json").write_text("{}")
    hard = tmp_path / "hard.json"
    os.link(data_dir / "settings.json", hard)
    soft = tmp_path / "soft.csv"
    soft.symlink_to(data_dir / "history.sqlite3")
    for target in (hard, soft):
        status, err = run_usage_error(capsys, "--data-dir", str(data_dir), "history",
                                      "--format", "json", "--output", str(target))
        assert status == 2 and "would write over Coach's own data" in err
    assert (data_dir / "settings.json").read_text() == "{}"


@pytest.mark.parametrize("folder", ["~no-such-user-here/coach", "loop"])
def test_a_data_folder_that_cannot_be_followed_is_a_usage_error(capsys, tmp_path, folder):
    if folder == "loop":
        (tmp_path / "a").symlink_to(tmp_path / "b")
        (tmp_path / "b").symlink_to(tmp_path / "a")
        folder = str(tmp_path / "a")
    status, err = run_usage_error(capsys, "--data-dir", folder, "history")
    assert status == 2 and "cannot be used" in err
    assert_one_line_error(err)


def test_a_folder_name_too_long_is_one_line_and_status_1(capsys, tmp_path):
    status, out, err = run(capsys, "--data-dir", str(tmp_path / ("a" * 300)), "history")
    assert status == 1 and "File name too long" in err
    assert_one_line_error(err)


def test_a_routine_file_behind_looping_links_is_reported(capsys, tmp_path):
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    status, out, err = run(capsys, "routines", "--check", str(tmp_path / "a.toml"))
    assert status == 1 and "a.toml" in err
    assert_one_line_error(err)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("redirect", [">/dev/full", ">&-"])
def test_output_that_cannot_be_written_is_one_line_never_a_traceback(tmp_path, redirect):
    data = tmp_path / "data"
    add_sessions(data, ("Kept", 0, True))
    result = subprocess.run(f"{sys.executable} -m coach --data-dir {data} history {redirect}",
                            shell=True, capture_output=False, stderr=subprocess.PIPE,
                            text=True, timeout=60)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    if redirect == ">/dev/full":
        assert result.returncode == 1 and "No space left on device" in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_a_terminal_without_unicode_gets_escapes_not_a_traceback(tmp_path):
    data = tmp_path / "data"
    add_sessions(data, ("Schulterblätter \u200b", 0, True))
    result = subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(data),
                             "history"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "Schulterbl\\xe4tter \\u200b" in result.stdout


def test_a_hand_edited_moment_beyond_the_calendar_is_one_line(capsys, data_dir):
    add_sessions(data_dir, ("Kept", 0, True))
    store = HistoryStore(DataPaths(data_dir).history)
    store.connection.execute("UPDATE routine_sessions SET started_at = ?",
                             ("0001-01-01T00:00:00+14:00",))
    store.close()
    status, out, err = run(capsys, "--data-dir", str(data_dir), "history")
    assert status == 1 and "outside the dates Coach can show" in err
    assert_one_line_error(err)


def test_history_output_into_a_linked_routines_folder_is_refused(capsys, data_dir, tmp_path):
    add_sessions(data_dir, ("Kept", 0, True))
    elsewhere = tmp_path / "my-routines"
    elsewhere.mkdir()
    (elsewhere / "mine.toml").write_text("id = 'mine'\n")
    (data_dir / "routines").symlink_to(elsewhere)
    status, err = run_usage_error(capsys, "--data-dir", str(data_dir), "history", "--format",
                                  "csv", "--output", str(data_dir / "routines" / "mine.toml"))
    assert status == 2 and (elsewhere / "mine.toml").read_text() == "id = 'mine'\n"


def test_csv_and_json_are_utf8_whatever_the_terminal_and_a_closed_pipe_is_no_error(tmp_path):
    data = tmp_path / "data"
    add_sessions(data, ("Schulterblätter \u200b 😀", 0, True))
    ascii_env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for file_format in ("json", "csv"):
        result = subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(data),
                                 "history", "--format", file_format], capture_output=True,
                                env=ascii_env, timeout=60)
        assert result.returncode == 0
        assert "Schulterblätter \u200b 😀" in result.stdout.decode("utf-8")
    piped = subprocess.run(f"{sys.executable} -m coach --data-dir {data} routines | head -c1",
                           shell=True, capture_output=True, text=True, timeout=60)
    assert piped.stderr == ""
