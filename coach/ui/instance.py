"""One Coach per user and data folder: a second start leaves its command line in the folder's
inbox (coach.core.inbox), and the running Coach takes it from there."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from coach.core import inbox
from coach.core.private_files import make_private_dir

POLL_MS = 1000
"""How often the inbox is looked at while the system cannot watch it for changes."""


class CommandWatcher(QObject):
    """Watches ``folder`` (an inbox) and emits ``command(list[str])`` for each command line
    posted to it, oldest first.

    The folder is made again if it goes missing, and watched afresh if it is moved away and
    another made in its place (its parent is watched for that). While it cannot be made or
    watched (a file in its place, no inotify watches left), it is looked at every second
    instead, so commands get through again as soon as it can be.
    """

    command = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self.take())
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.take)
        self._watched: tuple[int, int] | None = None  # the folder's (device, inode)
        self._watch()
        if folder.parent.is_dir():  # tells when the inbox is moved, removed or made again
            self._watcher.addPath(str(folder.parent))
        QTimer.singleShot(0, self.take)  # posted while this Coach was starting

    @property
    def watching(self) -> bool:
        """Whether the system tells this Coach when the folder changes."""
        return str(self.folder) in self._watcher.directories()

    def take(self) -> None:
        """Emit ``command`` for everything waiting in the inbox."""
        self._watch()
        for argv in inbox.take_all(self.folder):
            self.command.emit(argv)

    def _watch(self) -> None:
        if self.watching and _identity(self.folder) == self._watched:
            return
        if self.watching:  # a folder that went away or was moved
            self._watcher.removePath(str(self.folder))
        try:
            make_private_dir(self.folder)
            watched = self._watcher.addPath(str(self.folder))
        except OSError:
            watched = False
        self._watched = _identity(self.folder) if watched else None
        if watched:
            self._poll.stop()
        elif not self._poll.isActive():
            self._poll.start(POLL_MS)


def _identity(folder: Path) -> tuple[int, int] | None:
    """The folder's (device, inode): a folder moved away and another made in its place
    differ. None if it is missing or not a folder."""
    try:
        status = folder.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISDIR(status.st_mode) else None
