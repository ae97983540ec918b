"""Command lines handed from a second ``coach`` start to the Coach already running on the same
data folder: one small JSON file each in the folder's inbox (private, like the folder).

The sender posts a file and waits for it to go: the running Coach takes (reads and removes)
every file that appears. A file is written under a dot name and renamed into place, so it is
never read half-written; its name starts with the time it was posted, so files left from a
run that ended can be told apart and cleared when the next one starts.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from coach.core.private_files import make_private_dir, open_private

SUFFIX = ".json"
MAX_LETTER_BYTES = 64 * 1024
"""A command line is a few hundred bytes; anything much larger is not a letter."""


@dataclass(frozen=True)
class Letter:
    """One posted command line, waiting in the inbox until the running Coach takes it."""

    path: Path

    def taken(self) -> bool:
        """Whether the running Coach has taken it."""
        return not self.path.exists()

    def withdraw(self) -> bool:
        """Remove it unless already taken; True if it was still waiting. A letter that cannot
        be removed because it is being read (Windows) counts as taken."""
        try:
            self.path.unlink()
        except (FileNotFoundError, PermissionError):
            return False
        return True


def post(inbox: Path, argv: list[str]) -> Letter:
    """Put ``argv`` in ``inbox`` (made private if missing). Raises OSError."""
    make_private_dir(inbox)
    name = f"{time.time_ns():020d}-{os.getpid()}{SUFFIX}"
    draft = inbox / f".{name}"
    with open_private(draft) as file:
        json.dump(argv, file)
    final = inbox / name
    os.replace(draft, final)
    return Letter(final)


def take_all(inbox: Path) -> list[list[str]]:
    """Every command line waiting in ``inbox``, oldest first, each removed as it is read.

    A file that is not a JSON list of strings is removed and skipped; so is one the sender
    withdrew meanwhile. A missing or unreadable inbox gives ``[]``.
    """
    try:
        names = sorted(entry.name for entry in os.scandir(inbox)
                       if entry.name.endswith(SUFFIX) and not entry.name.startswith("."))
    except OSError:
        return []
    taken = []
    for name in names:
        path = inbox / name
        try:
            data = _read_letter(path)
            path.unlink()
        except OSError:  # withdrawn by its sender, or not ours to read
            continue
        argv = None if data is None else _command_line(data)
        if argv is not None:
            taken.append(argv)
    return taken


def _read_letter(path: Path) -> bytes | None:
    """The file's bytes; None for what is not a small regular file (a pipe, which would
    block, a link, a huge file). Raises OSError."""
    if path.is_symlink():
        return None
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_LETTER_BYTES:
            return None
        return file.read(MAX_LETTER_BYTES + 1)


def clear(inbox: Path, now_ns: int, waiting_s: float) -> None:
    """Remove what was not posted to ``inbox`` within ``waiting_s`` seconds of ``now_ns``
    (``time.time_ns()``): letters of starts that were killed while they waited, and letters
    stamped far in the future (a clock set wrong, or not a letter at all). Letters of starts
    still waiting stay to be taken."""
    try:
        entries = list(os.scandir(inbox))
    except OSError:
        return
    window_ns = round(waiting_s * 1e9)
    for entry in entries:
        posted_ns = _posted_ns(entry.name)
        if entry.name.endswith(SUFFIX) and abs(posted_ns - now_ns) > window_ns:
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()


def _posted_ns(name: str) -> int:
    """The time in a letter's name; 0 for a name that has none (cleared as stale)."""
    stamp = name.lstrip(".").split("-", 1)[0]
    try:
        return int(stamp)
    except ValueError:  # not a number ("²" passes str.isdigit but not int)
        return 0


def _command_line(data: bytes) -> list[str] | None:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return value
    return None
