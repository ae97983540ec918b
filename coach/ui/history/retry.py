"""Writes the history could not take yet, tried again until they are in; and a history file
locked at start, opened as soon as it is free."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from coach.core.history.store import HistoryStore

FIRST_RETRY_MS = 2000
LAST_RETRY_MS = 60_000
"""Retries come after 2 s, then twice as long each time, up to a minute: a lock held for a
moment is soon over, a read-only folder needs no retry every second."""
LAST_OPENING_RETRY_MS = 5_000
"""While the file itself waits to be opened, at most this long between tries: a cold or heat
timer left running may be waiting in it, and its alarm must not come a minute late."""


class HistoryRetry(QObject):
    """Flushes ``store`` while writes wait or its file waits to be opened; emits ``opened``
    when the file opens after all and ``written`` once everything is in. No timer runs while
    nothing waits."""

    opened = Signal()
    written = Signal()

    def __init__(self, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._file_waits = store.waiting_for_file is not None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._retry)
        store.writer.on_waiting = lambda: self._timer.start(FIRST_RETRY_MS)
        if self._file_waits or store.writer.waiting:
            self._timer.start(FIRST_RETRY_MS)

    @property
    def active(self) -> bool:
        """Whether writes wait and a retry is due."""
        return self._timer.isActive()

    def _retry(self) -> None:
        written = self._store.flush()
        if self._file_waits and self._store.waiting_for_file is None:
            self._file_waits = False
            self.opened.emit()
        if written:
            self.written.emit()
        elif not self._timer.isActive():  # still waiting: try again later
            longest = LAST_OPENING_RETRY_MS if self._file_waits else LAST_RETRY_MS
            self._timer.start(min(longest, self._timer.interval() * 2))
