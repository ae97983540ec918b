"""Helpers shared by all tests: valid routine files to start from, and a fake clock.

Qt runs offscreen in this process unless the caller chose a platform (e.g. xcb under Xvfb);
Coach speaks English unless a test chooses another language.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANGUAGE"] = "en"  # Coach speaks English in tests, whatever the machine's language

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coach.core.clock import FakeClock

VALID_ROUTINE: dict[str, Any] = {
    "id": "neck-and-shoulders",
    "title": "Neck and shoulders",
    "summary": "A short, gentle routine for a stiff neck.",
    "when": ["at-the-desk", "any-time"],
    "cautions": ["Stop if anything hurts."],
    "sources": ["001_example.txt"],
}
VALID_STEP: dict[str, Any] = {
    "name": "Neck roll",
    "instruction": "Roll your head slowly from side to side.",
    "duration_s": 30,
}


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {value!r} as TOML")


def _merged(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``overrides`` applied; an override of None removes the key."""
    merged = {**base, **overrides}
    return {key: value for key, value in merged.items() if value is not None}


def routine_toml(steps: Any = ({},), **overrides: Any) -> str:
    """The TOML text of a valid routine, changed by ``overrides`` (None removes a field).

    ``steps`` is a list whose dicts are overrides of a valid step (each becomes a ``[[steps]]``
    table); any other value (``[]``, ``[1, 2]``, ``"x"``) is written as ``steps = <value>``,
    and None leaves ``steps`` out.
    """
    data = _merged(VALID_ROUTINE, overrides)
    lines = [f"{key} = {_toml_value(value)}" for key, value in data.items()]
    if steps is None:
        pass
    elif isinstance(steps, list | tuple) and steps and all(isinstance(s, dict) for s in steps):
        for step in steps:
            lines.append("")
            lines.append("[[steps]]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in _merged(VALID_STEP, step).items()]
    else:
        lines.append(f"steps = {_toml_value(list(steps) if isinstance(steps, tuple) else steps)}")
    return "\n".join(lines) + "\n"


def write_routine_file(folder: Path, filename: str | None = None, steps: Any = ({},),
                       **overrides: Any) -> Path:
    """Write a routine file into ``folder`` (made if missing) and return its path.

    The file is named after the routine id unless ``filename`` is given; see ``routine_toml``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    name = filename or f"{overrides.get('id') or VALID_ROUTINE['id']}.toml"
    path = folder / name
    path.write_text(routine_toml(steps, **overrides), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def write_routine() -> Callable[..., Path]:
    """``write_routine(tmp_path, **overrides)``: a valid routine file, changed as asked."""
    return write_routine_file


@pytest.fixture
def clock() -> FakeClock:
    """A clock that moves only when a test moves it (monotonic time not counting sleep)."""
    return FakeClock()
