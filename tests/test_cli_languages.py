"""The `coach` command speaks the system's language, or the one chosen in Settings: its help,
its messages, its errors and what it prints, with no English left but names."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coach.cli import build_parser, main
from coach.core import i18n
from coach.core.clock import FakeClock
from coach.core.history.store import HistoryStore
from coach.core.routines.library import load_library
from coach.core.therapy.desk import TherapyDesk
from coach.core.therapy.timer import AREAS, TherapyKind, plan_application
from coach.paths import DATA_DIR_VARIABLE, DataPaths, asset, shipped_dir
from tests.ui.reading import WORD, english_in

COMMANDS = ("start", "routines", "timer", "break", "pause", "resume", "open", "settings",
            "status", "quit", "desktop", "completion", "history")


@pytest.fixture(autouse=True)
def english_again_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    yield
    i18n.use_language("en")


def names() -> set[str]:
    """Words that are names whatever the language: the commands, options and choices."""
    parser = build_parser()
    words = set(COMMANDS)
    for action in parser._actions + [a for command in parser._subparsers._group_actions  # type: ignore[union-attr]
                                     for p in command.choices.values() for a in p._actions]:
        for text in [*action.option_strings, *(action.choices or [])]:
            words |= set(WORD.findall(str(text)))
    for typed in [*AREAS, *(routine.id for routine in load_library(
            shipped_dir("routines"), None, asset("illustrations")).routines)]:
        words |= set(WORD.findall(typed))  # an area and a routine id are typed as they are
    return words | {"README", "XDG_DATA_HOME", "COACH_DATA_DIR", "fpath", "int"}


def everything_printed(capsys: pytest.CaptureFixture[str], data: str) -> list[str]:
    """What a user reads from the help of every command, a usage error, a refused timer, the
    routine list, the status of no Coach and a history table."""
    texts = []

    def run(*args: str) -> None:
        with contextlib.suppress(SystemExit):  # help and usage errors end with it
            main(["--data-dir", data, *args])
        out, err = capsys.readouterr()
        texts.extend((out + err).replace(data, "").splitlines())

    with contextlib.suppress(SystemExit):
        main(["--data-dir"])  # a folder name missing: said before any is read
    texts.extend(capsys.readouterr().err.splitlines())
    run("--help")
    for command in COMMANDS:
        run(command, "--help")
    run("timer")
    run("timer", "cold", "--minutes", "30")
    run("timer", "cold", "--minutes", "x")
    run("timer", "cold", "--method", "sauna")
    run("history", "--since", "yesterday")
    run("routines")
    run("status")
    run("history")
    return texts


def filled(data: str) -> None:
    """A history with a routine stopped early and an ice pack left on too long."""
    paths = DataPaths(Path(data))
    paths.root.mkdir(parents=True)
    store = HistoryStore(paths.history)
    clock = FakeClock(datetime(2026, 1, 5, 9, tzinfo=UTC))
    session = store.begin_routine("desk-posture-reset", "Haltung", clock.now(), steps_total=4)
    store.update_routine(session, 90.0, 2, False)
    desk = TherapyDesk(store, clock)
    timer = desk.start(plan_application(TherapyKind.COLD, 15, "neck"))
    clock.advance(17 * 60)
    desk.update()
    desk.confirm_off(timer)
    store.close()


@pytest.mark.parametrize("code", i18n.TRANSLATED)
def test_the_command_line_speaks_the_system_language(code, capsys, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANGUAGE", code)
    data = str(tmp_path / "d")
    filled(data)
    texts = everything_printed(capsys, data)
    left = english_in(texts, code, names())
    assert left == [], "\n".join(left)
    assert any(line.startswith({"de": "Aufruf: ", "es": "uso: "}[code]) for line in texts)


def test_settings_choose_the_language_over_the_system(capsys, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANGUAGE", "de")
    paths = DataPaths(tmp_path / "d")
    paths.root.mkdir()
    paths.settings.write_text(json.dumps({"language": "es"}), encoding="utf-8")
    main(["--data-dir", str(paths.root), "status"])
    assert capsys.readouterr().out.startswith("Coach no está en marcha")
