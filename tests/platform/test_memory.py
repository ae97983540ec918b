"""Memory Coach would otherwise hold for nothing (coach.platform.memory)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from coach.platform.memory import forget_module_sources


def test_no_module_source_is_kept_after_pyside_has_looked_for_its_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feature = pytest.importorskip("shibokensupport.feature")
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain.py").write_text("ANSWER = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.getlines(str(tmp_path / "plain.py"))  # kept from earlier
    forget_module_sources()
    forget_module_sources()  # twice changes nothing
    assert not linecache.cache
    for name in ("uses_qt", "plain"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # through the import statement's hook, which PySide6 replaces
    assert str(tmp_path / "uses_qt.py") not in linecache.cache
    assert str(tmp_path / "plain.py") not in linecache.cache
    # PySide6 still tells the module that names it from the one that does not
    assert feature.pyside_feature_dict["uses_qt"] == 0
    assert feature.pyside_feature_dict["plain"] == -1
