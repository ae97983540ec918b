"""Rules about the shape of the code that a tool checks, so they cannot quietly slip."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_neither_qt_nor_pyqtgraph_and_layers_import_only_downwards() -> None:
    """The import-linter contracts in pyproject.toml: coach.core stays free of Qt, and each
    layer (cli, app, ui, platform, core) imports only the ones below it."""
    code = ("import sys; from importlinter.cli import lint_imports;"
            " sys.exit(lint_imports(no_cache=True))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout, result.stdout


def test_importing_the_cli_loads_no_qt() -> None:
    """Sub-commands such as `coach routines` start without paying for Qt."""
    code = "import sys, coach.cli; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"
