"""Writes to the history that never wait: what cannot be written now is kept, in order.

Another program can hold the history file locked (a backup tool, an SQLite browser), and a
disk can be full. Coach's window must not freeze on either, and nothing the user did may be
lost: so the connection never waits for a lock (``busy_timeout`` 0), and a write that fails
stays queued, with every write after it, until a later write or ``flush`` gets through.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable
from typing import Any

Statement = tuple[str, tuple[Any, ...]]
"""One SQL statement and its parameters."""


class HistoryWriter:
    """Commits writes to the connection ``connection()`` gives, oldest first.

    ``write`` queues a group of statements that belong together (one transaction) and tries
    every queued group at once. A group that fails for a reason that may pass (a lock, a full
    disk, a folder made read-only: ``sqlite3.OperationalError``) stays at the head of the
    queue; one that can never be written (it breaks a constraint) is dropped and named in
    ``problem``, so it cannot hold back the rest. ``on_waiting`` is called when writes start
    waiting, so that whoever owns the clock can ``flush`` again later.
    """

    def __init__(self, connection: Callable[[], sqlite3.Connection]) -> None:
        self._connection = connection
        self._queue: deque[tuple[Statement, ...]] = deque()
        self.problem: str | None = None
        """Why the oldest waiting write (or the last dropped one) failed, or None."""
        self.on_waiting: Callable[[], None] = lambda: None
        self._stuck = False

    @property
    def waiting(self) -> int:
        """How many groups of writes are still to be written."""
        return len(self._queue)

    def write(self, *statements: Statement) -> bool:
        """Queue ``statements`` as one transaction and write all that is queued; True when
        everything is written."""
        self._queue.append(statements)
        return self.flush()

    def flush(self) -> bool:
        """Write what is queued, oldest first, stopping at the first that cannot be written
        yet. True when nothing is left waiting."""
        while self._queue:
            try:
                self._commit(self._queue[0])
            except sqlite3.OperationalError as error:
                self.problem = (f"Not saved yet: the history cannot be written ({error}). "
                                "Coach keeps what you did and tries again.")
                if not self._stuck:
                    self._stuck = True
                    self.on_waiting()
                return False
            except sqlite3.Error as error:  # a bug, not the disk: never retried
                self.problem = f"Could not write an entry to the history: {error}"
                self._queue.popleft()
                continue
            self._queue.popleft()
            self.problem = None
        self._stuck = False
        return True

    def _commit(self, statements: tuple[Statement, ...]) -> None:
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            for sql, parameters in statements:
                db.execute(sql, parameters)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
