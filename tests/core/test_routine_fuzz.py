"""Malformed routine files of every kind, generated: each is refused with a RoutineError that
names the file, and none crashes the library or ``coach routines --check``."""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli import main
from coach.core.routines.library import check_files, load_library
from coach.core.routines.routine import Routine, RoutineError, load_routine
from tests.conftest import VALID_ROUTINE, VALID_STEP, _toml_value, routine_toml

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = (st.integers(min_value=-(2**63), max_value=2**63 - 1) | st.booleans()
           | st.floats(allow_nan=True) | st.text(max_size=80))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), inner,
                                        max_size=3), max_leaves=12)
field_names = st.sampled_from(sorted(VALID_ROUTINE) + ["steps", "extra", "id "])
step_names = st.sampled_from(sorted(VALID_STEP) + ["reps", "seconds_per_rep", "sides",
                                                   "rest_s", "illustration", "other"])


def toml_of(value: Any) -> str:
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, list):
        return "[" + ", ".join(toml_of(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {toml_of(v)}" for k, v in value.items()) + "}"
    return _toml_value(value)


@st.composite
def mangled_routines(draw: st.DrawFn) -> str:
    """A routine file whose fields and step fields are changed, removed or added at random."""
    top: dict[str, Any] = dict(VALID_ROUTINE)
    for name in draw(st.lists(field_names, max_size=3)):
        if draw(st.booleans()):
            top.pop(name, None)
        else:
            top[name] = draw(values)
    steps = []
    for _ in range(draw(st.integers(0, 3))):
        step: dict[str, Any] = dict(VALID_STEP)
        for name in draw(st.lists(step_names, max_size=3)):
            if draw(st.booleans()):
                step.pop(name, None)
            else:
                step[name] = draw(values)
        steps.append(step)
    lines = [f'"{key}" = {toml_of(value)}' for key, value in top.items() if key != "steps"]
    if "steps" in top:
        lines.append(f"steps = {toml_of(top['steps'])}")
    else:
        for step in steps:
            lines += ["[[steps]]", *(f'"{k}" = {toml_of(v)}' for k, v in step.items())]
    return "\n".join(lines) + "\n"


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """A valid file cut short, with bytes overwritten, or with junk put in."""
    data = bytearray(routine_toml(({}, {"sides": ["left", "right"], "rest_s": 5})).encode())
    cut = draw(st.integers(0, len(data)))
    if draw(st.booleans()):
        data = data[:cut]
    for _ in range(draw(st.integers(0, 4))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    junk = draw(st.binary(max_size=40))
    return bytes(data[:cut] + junk + data[cut:])


def nested(depth: int) -> str:
    return f"id = {'[' * depth}{']' * depth}\n"


@contextlib.contextmanager
def routine_file(content: str | bytes) -> Iterator[Path]:
    """``content`` written to a routine file in a fresh folder (hypothesis runs each example
    many times, so pytest's per-test tmp_path will not do)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "routine.toml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        yield path


def assert_refused_or_valid(path: Path) -> None:
    try:
        routine = load_routine(path, shipped=False)
    except RoutineError as error:
        assert str(path) in str(error) and error.problem
        return
    assert isinstance(routine, Routine) and routine.steps and routine.total_s > 0


def check_command(path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--data-dir", str(path.parent / "data"), "routines", "--check",
                       str(path)])
    return status, out.getvalue() + err.getvalue()


@FUZZ
@given(text=mangled_routines())
def test_mangled_fields_give_a_routine_error_or_a_valid_routine(text: str) -> None:
    with routine_file(text) as path:
        assert_refused_or_valid(path)


@FUZZ
@given(data=damaged_bytes() | st.binary(max_size=300))
def test_damaged_or_random_bytes_give_a_routine_error_or_a_valid_routine(data: bytes) -> None:
    with routine_file(data) as path:
        assert_refused_or_valid(path)


@FUZZ
@given(text=mangled_routines() | st.text(max_size=200))
def test_the_check_command_answers_every_file_with_0_or_1(text: str) -> None:
    with routine_file(text) as path:
        status, said = check_command(path)
        assert status in (0, 1) and str(path) in said


@settings(max_examples=30, deadline=None)
@given(texts=st.lists(mangled_routines() | st.text(max_size=100), min_size=1, max_size=4))
def test_the_library_loads_the_shipped_routines_beside_any_user_files(
        texts: list[str]) -> None:
    from coach.paths import shipped_dir

    with tempfile.TemporaryDirectory() as folder:
        user = Path(folder)
        for number, text in enumerate(texts):
            (user / f"file-{number}.toml").write_text(text, encoding="utf-8")
        shipped = len(load_library(shipped_dir("routines")).routines)
        library = load_library(shipped_dir("routines"), user)
        assert sum(r.shipped for r in library.routines) == shipped
        assert len(library.routines) + len(library.errors) == shipped + len(texts)
        routines, errors = check_files(sorted(user.iterdir()), library)
        assert len(routines) + len(errors) == len(texts)


def test_deeply_nested_lists_are_refused_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(nested(20_000))
    assert_refused_or_valid(path)
    status, said = check_command(path)
    assert status == 1 and "too deeply" in said


def test_special_files_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    for path in (folder, Path("/dev/zero"), tmp_path / "missing.toml"):
        assert_refused_or_valid(path)
