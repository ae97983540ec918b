"""Whatever is typed after `coach`, the command answers with a status, never a traceback."""

from __future__ import annotations

import argparse
import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coach.app
from coach.cli import build_parser, main
from coach.core.commands import Command
from coach.core.printable import printable

EDGES = ["0001-01-01", "0001-01-02", "9999-12-31", "9999-12-30", "2026-02-29", "2024-02-29",
         "2026-13-01", "0", "-1", "20", "21", "15", "99999999999999999999", "1e3", "nan",
         "", " ", "\x00", "\u202e", "é", "--", "=", "--help", "--version"]
PLAIN = st.text(max_size=12).filter(lambda text: not text.startswith("-"))
"""Free text, never an option: argparse would take "--out" as --output and write there."""
VALUES = st.one_of(st.sampled_from(EDGES), st.dates().map(str), st.integers().map(str), PLAIN)
COMMANDS = {
    # command: (first words it takes, options that take a value)
    "": ([], []),
    "start": (["desk-posture-reset", "no-such-routine"], []),
    "routines": ([], ["--check"]),
    "timer": (["cold", "heat", "warm"], ["--minutes", "--area", "--method"]),
    "break": (["now", "later"], []),
    "pause": (["30m", "1h", "tomorrow", "until-resumed", "forever"], []),
    "resume": ([], []),
    "history": ([], ["--format", "--since", "--until"]),
    "status": ([], []),
    "quit": ([], []),
    "open": ([], []),
    "settings": ([], []),
    "desktop": (["install", "remove", "upgrade"], []),
    "completion": (["bash", "zsh", "fish"], []),
}


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A command, mostly with the words and options it takes, with edge cases for values,
    and now and then a word too many."""
    head = draw(st.sampled_from(sorted(COMMANDS)))
    words, options = COMMANDS[head]
    argv = [head] if head else []
    if words:
        argv.append(draw(st.one_of(st.sampled_from(words), VALUES)))
    if options:
        for option in draw(st.lists(st.sampled_from(options), max_size=3)):
            argv += [option, draw(VALUES)]
    if head == "history" and draw(st.booleans()):
        argv += ["--format", draw(st.sampled_from(["csv", "json", "table"]))]
    argv += draw(st.lists(VALUES, max_size=1))
    return argv


@pytest.fixture
def no_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[list[str]]:
    """Commands that would open or reach the app are collected instead; no Coach runs to
    ask, and the menu entry goes to a folder of the test's."""
    asked: list[list[str]] = []
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    (tmp_path / "run").mkdir(mode=0o700, exist_ok=True)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))

    def run_app(_paths: object, command: Command) -> int:
        asked.append(command.to_argv())
        return 0

    monkeypatch.setattr(coach.app, "run_app", run_app)
    return asked


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=command_lines(), output=st.sampled_from([None, None, "-", "", "export.csv"]))
def test_no_command_line_gives_a_traceback(tmp_path: Path, no_app: list[list[str]],
                                           argv: list[str], output: str | None) -> None:
    argv = ["--data-dir", str(tmp_path / "data"), *argv]
    if output is not None:
        argv += ["--output", output if output in ("-", "") else str(tmp_path / output)]
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else 0
    assert status in (0, 1, 2, 3), (argv, status, err.getvalue())
    assert "Traceback" not in err.getvalue(), argv
    assert all(printable(line) == line for line in err.getvalue().split("\n")), argv


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_days_the_clock_cannot_hold_are_a_one_line_usage_error(capsys, tmp_path: Path,
                                                               option: str, day: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--data-dir", str(tmp_path), "history", option, day])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.count("\n") == 1
    assert f"{day} is too far from today" in err


def _value_options(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions if action.nargs != 0
            for option in action.option_strings}


def test_the_fuzz_knows_every_command_and_option_of_the_real_parser() -> None:
    parser = build_parser()
    [commands] = [action.choices for action in parser._actions
                  if isinstance(action.choices, dict)]
    assert set(commands) == set(COMMANDS) - {""}
    for name, command in commands.items():
        handled = {"--output"} if name == "history" else set()
        assert _value_options(command) == set(COMMANDS[name][1]) | handled, name
    assert _value_options(parser) == {"--data-dir"}
