"""The README stays true: its routine table and its test command."""

from __future__ import annotations

from pathlib import Path

from coach.core.routines.library import load_library

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_shipped_routine() -> None:
    for routine in load_library(ROOT / "routines").routines:
        assert f"| {routine.title} |" in README


def test_ci_runs_the_readme_test_command() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    test_command = ci_lines[-1]
    assert test_command in README
    assert "pytest" in test_command
