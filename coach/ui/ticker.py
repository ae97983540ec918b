"""One precise QTimer that runs only while something counts down."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 100
"""How often a running countdown refreshes. Time left always comes from a deadline, so a late
tick only delays the display; it never changes the time."""


class Ticker(QObject):
    """Calls ``on_tick`` every ``interval_ms`` between ``start()`` and ``stop()``."""

    def __init__(self, on_tick: Callable[[], None], parent: QObject | None = None,
                 interval_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(on_tick)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
