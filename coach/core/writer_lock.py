"""One writer on the history: an exclusive lock on a file in the data folder.

The operating system drops the lock when its holder ends, even by ``kill -9`` or a power cut,
so a stale lock never blocks the next start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from coach.core.private_files import PRIVATE_FILE_MODE

if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class WriterLock:
    """The lock file at ``path`` (``coach.lock`` in the data folder).

    ``acquire`` takes it without waiting; ``release`` (or the process ending) gives it back.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def acquire(self) -> bool:
        """True if this process now holds the lock, False if another process holds it.

        Raises OSError when the lock file cannot be created (no such folder, not writable).
        """
        if self._descriptor is not None:
            return True
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        if not _try_lock(descriptor):
            os.close(descriptor)
            return False
        self._descriptor = descriptor
        return True

    def release(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


def held_by_another(path: Path) -> bool:
    """Whether another process holds the lock at ``path`` (a missing or unreadable lock file:
    no)."""
    if not path.exists():
        return False
    lock = WriterLock(path)
    try:
        free = lock.acquire()
    except OSError:
        return False
    if free:
        lock.release()
    return not free
