"""Runs Coach (``coach``), the bare window (``bare``) or the widgets window (``widgets``) and
prints ``shown <monotonic s>``
when its first window is exposed: start-up time where there is no display to watch
(``QT_QPA_PLATFORM=offscreen``). The QApplication is made here, as the app would make it,
and Coach's own modules load in the order ``python -m coach`` loads them (the command line
and the data before Qt).

    python benchmarks/shown_probe.py coach|bare|widgets
"""

from __future__ import annotations

import importlib
import sys
import time
from functools import partial
from pathlib import Path


def watch_first_expose() -> object:
    """An event filter on the QApplication that prints the time of the first Expose event of
    a visible, titled top-level window; keep the returned object alive."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication

    running = QApplication.instance()
    assert running is not None
    app = running  # of a type without None, for the class below

    class ShownWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's)
            if (event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
                    and watched.isVisible() and watched.title()):
                print(f"shown {time.monotonic():.6f}", flush=True)
                app.removeEventFilter(self)
            return False

    watch = ShownWatch()
    app.installEventFilter(watch)
    return watch


FLOORS = {"bare": "bare_window", "widgets": "widgets_window"}


def main() -> int:
    if sys.argv[1:2] == ["coach"]:
        from coach.cli import main as coach

        importlib.import_module("coach.app")  # with the data it opens, before Qt, as `coach` does
        run = partial(coach, [])
    else:
        sys.path.insert(0, str(Path(__file__).parent))
        floor = importlib.import_module(FLOORS[sys.argv[1]])
        run = floor.main
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    watch = watch_first_expose()
    status = run()
    del watch, app
    return status


if __name__ == "__main__":
    sys.exit(main())
