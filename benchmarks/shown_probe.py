"""Runs Coach (``coach``) or the bare window (``bare``) and prints ``shown <monotonic s>``
when its first window is exposed: start-up time where there is no display to watch
(``QT_QPA_PLATFORM=offscreen``). The QApplication is made here, as the app would make it.

    python benchmarks/shown_probe.py coach|bare
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication


class ShownWatch(QObject):
    """Prints the time of the first Expose event of a visible top-level window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
                and watched.isVisible() and watched.title()):
            print(f"shown {time.monotonic():.6f}", flush=True)
            QApplication.instance().removeEventFilter(self)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    watch = ShownWatch()
    app.installEventFilter(watch)
    if sys.argv[1:] == ["bare"]:
        sys.path.insert(0, str(Path(__file__).parent))
        from bare_window import main as bare

        return bare()
    from coach.cli import main as coach

    return coach([])


if __name__ == "__main__":
    sys.exit(main())
