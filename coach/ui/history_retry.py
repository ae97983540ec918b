"""Writes the history could not take yet, tried again until they are in."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from coach.core.history_writer import HistoryWriter

FIRST_RETRY_MS = 2000
LAST_RETRY_MS = 60_000
"""Retries come after 2 s, then twice as long each time, up to a minute: a lock held for a
moment is soon over, a read-only folder needs no retry every second."""


class HistoryRetry(QObject):
    """Flushes ``writer`` while writes wait, and emits ``written`` once they are all in; no
    timer runs while nothing waits."""

    written = Signal()

    def __init__(self, writer: HistoryWriter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._retry)
        writer.on_waiting = lambda: self._timer.start(FIRST_RETRY_MS)

    @property
    def active(self) -> bool:
        """Whether writes wait and a retry is due."""
        return self._timer.isActive()

    def _retry(self) -> None:
        if self._writer.flush():
            self.written.emit()
        elif not self._timer.isActive():  # still waiting: try again later
            self._timer.start(min(LAST_RETRY_MS, self._timer.interval() * 2))
