"""Routine files are data: loading one never runs code, imports a module by name, or
unpickles anything. Checked in the source and while loading hostile files."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.core.routines.library import load_library
from coach.core.routines.routine import RoutineError, load_routine
from coach.paths import shipped_dir

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_METHODS = {"import_module", "__import__", "load_module", "exec_module"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill", "cloudpickle", "yaml"}
WATCHED_EVENTS = {"exec", "import", "pickle.find_class", "marshal.loads", "os.system",
                  "subprocess.Popen", "ctypes.dlopen"}
HOSTILE = '''
id = "__import__('os').system('touch pwned')"
title = "{__import__('os')}"
summary = "!!python/object/apply:os.system ['touch pwned']"
when = ["any-time"]
cautions = ["eval('1+1')"]
sources = ["cos\\nsystem\\n(S'touch pwned'\\ntR."]

[[steps]]
name = "exec"
instruction = "${{7*7}}"
duration_s = 10
'''

_recording: list[str] | None = None


def _audit(event: str, _args: tuple[object, ...]) -> None:
    if _recording is not None and event in WATCHED_EVENTS:
        _recording.append(event)


sys.addaudithook(_audit)


@pytest.fixture
def events() -> Iterator[list[str]]:
    """Audit events raised while the test runs: code run, modules imported, unpickling."""
    global _recording
    _recording = []
    yield _recording
    _recording = None


def _calls_and_imports(tree: ast.AST) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                yield node.func.id, node.lineno
            if isinstance(node.func, ast.Attribute) and node.func.attr in FORBIDDEN_METHODS:
                yield node.func.attr, node.lineno
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [
                node.module or ""]
            for module in names:
                if module.split(".")[0] in FORBIDDEN_MODULES or module == "importlib":
                    yield module, node.lineno


def test_no_module_of_coach_evaluates_code_or_unpickles() -> None:
    found = [f"{path.relative_to(ROOT)}:{line} {name}"
             for path in sorted((ROOT / "coach").rglob("*.py"))
             for name, line in _calls_and_imports(ast.parse(path.read_text()))]
    assert found == []


def test_loading_routines_runs_no_code_and_imports_nothing(events: list[str],
                                                           tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(HOSTILE)
    with pytest.raises(RoutineError):
        load_routine(hostile)  # first use: the standard library may load modules of its own
    events.clear()
    load_library(shipped_dir("routines"), tmp_path)
    with pytest.raises(RoutineError, match="must be lowercase letters"):
        load_routine(hostile)
    assert events == []
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


def test_the_audit_hook_does_see_code_being_run(events: list[str]) -> None:
    exec("1 + 1")  # the hook works: a routine loader that ran code would be caught
    assert events == ["exec"]
