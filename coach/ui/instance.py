"""One Coach per user and data folder: a second start leaves its command line in the folder's
inbox (coach.core.inbox), and the running Coach takes it from there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from coach.core import inbox
from coach.core.private_files import make_private_dir

POLL_MS = 1000
"""How often the inbox is looked at where the system cannot watch it for changes."""


class CommandWatcher(QObject):
    """Watches ``folder`` (an inbox) and emits ``command(list[str])`` for each command line
    posted to it, oldest first; where the system cannot watch the folder (no inotify left,
    say), it looks every second instead. ``watching`` is False only where the folder cannot
    be made: later starts then cannot leave their commands and say so."""

    command = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        try:
            make_private_dir(folder)
        except OSError:
            self.watching = False
            return
        self.watching = True
        self._watcher = QFileSystemWatcher(self)
        if self._watcher.addPath(str(folder)):
            self._watcher.directoryChanged.connect(lambda _path: self.take())
        else:
            self._poll = QTimer(self)
            self._poll.timeout.connect(self.take)
            self._poll.start(POLL_MS)
        QTimer.singleShot(0, self.take)  # posted while this Coach was starting

    def take(self) -> None:
        """Emit ``command`` for everything waiting in the inbox."""
        for argv in inbox.take_all(self.folder):
            self.command.emit(argv)
