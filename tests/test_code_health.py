"""Lint and types are part of the test run, so CI (which runs the README's test command)
fails on either: ruff over the code, tests, benchmarks and tools, and mypy in strict mode as
configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=280)


def test_ruff_finds_nothing() -> None:
    pytest.importorskip("ruff", reason="ruff comes with the test extra")
    result = run("ruff", "check", "--no-cache", "coach", "tests", "benchmarks", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    pytest.importorskip("mypy", reason="mypy comes with the test extra")
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "strict = true" in (ROOT / "pyproject.toml").read_text()
