"""Files only their owner can read: the data folder 0700, the history, settings and exports
0600 on POSIX, whatever the process's umask. Elsewhere (Windows) the user's profile folder
already keeps them private, and these helpers only create.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_POSIX = os.name == "posix"


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and its parents) if missing and make it 0700. Raises OSError."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if _POSIX:
        os.chmod(folder, PRIVATE_DIR_MODE)


def make_private(path: Path) -> None:
    """Make an existing file 0600; a missing one is left missing. Raises OSError."""
    if _POSIX and path.exists():
        os.chmod(path, PRIVATE_FILE_MODE)


def create_private(path: Path) -> None:
    """Create ``path`` empty and 0600 if it does not exist, else make it 0600.

    Raises OSError (no such folder, not writable).
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
    try:
        if _POSIX:
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
    finally:
        os.close(descriptor)


def open_private(path: Path, newline: str | None = None) -> TextIO:
    """Open ``path`` for writing UTF-8 text, truncated, as a 0600 file (made so if it
    already existed). For exports and anything else that holds health data. Raises OSError.
    """
    return os.fdopen(_private_descriptor(path), "w", encoding="utf-8", newline=newline)


def _private_descriptor(path: Path) -> int:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    if _POSIX:
        try:
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
        except OSError:
            os.close(descriptor)
            raise
    return descriptor
