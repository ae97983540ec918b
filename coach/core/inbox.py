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
import time
from dataclasses import dataclass
from pathlib import Path

from coach.core.private_files import make_private_dir, open_private

SUFFIX = ".json"


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
            data = path.read_bytes()
            path.unlink()
        except OSError:  # withdrawn by its sender, or not ours to read
            continue
        argv = _command_line(data)
        if argv is not None:
            taken.append(argv)
    return taken


def clear(inbox: Path, posted_before_ns: int) -> None:
    """Remove what was posted to ``inbox`` before ``posted_before_ns`` (``time.time_ns()``):
    left from a run that ended, for a Coach that is gone. Newer files stay to be taken."""
    try:
        entries = list(os.scandir(inbox))
    except OSError:
        return
    for entry in entries:
        if entry.name.endswith(SUFFIX) and _posted_ns(entry.name) < posted_before_ns:
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()


def _posted_ns(name: str) -> int:
    stamp = name.lstrip(".").split("-", 1)[0]
    return int(stamp) if stamp.isdigit() else 0


def _command_line(data: bytes) -> list[str] | None:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return value
    return None
