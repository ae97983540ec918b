"""The installed Qt binding keeps Python's reference counts right over many calls.

PySide6 6.12.0 on Python 3.11 lost one reference to None per setter call, which crashed
Coach about a minute into a routine. A short test would never notice, so count directly.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QProgressBar

CALLS = 2000


def test_setters_do_not_leak_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    label, bar = QLabel(), QProgressBar()
    qtbot.addWidget(label)
    qtbot.addWidget(bar)
    before = sys.getrefcount(None)
    for number in range(CALLS):
        label.setText(str(number))
        bar.setValue(number % 100)
    assert sys.getrefcount(None) - before > -CALLS // 10
