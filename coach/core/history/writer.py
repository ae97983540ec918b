"""Writes to the history that never wait: what cannot be written now is kept, in order.

Another program can hold the history file locked (a backup tool, an SQLite browser), and a
disk can be full. Coach's window must not freeze on either, and nothing the user did may be
lost: so the connection never waits for a lock (``busy_timeout`` 0), and a write that fails
stays queued, with every write after it, until a later write or ``flush`` gets through. With
a spool, what waits is kept on disk too, so that quitting meanwhile loses none of it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from typing import Any

from coach.core.history.spool import Spool, SpoolError, Statement, Waiting
from coach.core.i18n import _

_WRITTEN_TABLE = re.compile(r"\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(\w+)", re.IGNORECASE)
STAND_IN_BASE = 1 << 62
"""Ids handed out while the history cannot be read are above this; each is given a real id
when its first write goes in (real ids count up from 1 and never get near it)."""


class HistoryWriter:
    """Commits writes to the connection ``connection()`` gives, oldest first.

    ``write`` queues a group of statements that belong together (one transaction) and tries
    every queued group at once. A group that fails for a reason that may pass (a lock, a full
    disk, a folder made read-only: ``sqlite3.OperationalError``) stays at the head of the
    queue; one that can never be written (it breaks a constraint) is dropped and named in
    ``problem``, so it cannot hold back the rest. ``on_waiting`` is called when writes start
    waiting, so that whoever owns the clock can ``flush`` again later; ``on_written`` with
    the names of the tables written to, once writes have gone in. While writes wait they
    are kept in ``spool`` (when given), which ``resume`` reads back in a later run.
    """

    def __init__(self, connection: Callable[[], sqlite3.Connection],
                 spool: Spool | None = None) -> None:
        self._connection = connection
        self._spool = spool
        self._waiting = Waiting()
        self._spooled = 0  # how many groups the spool file holds
        self._changed = False  # whether the queue changed since the spool was written
        self.problem: str | None = None
        """Why the oldest waiting write (or the last dropped one) failed, or None."""
        self.on_waiting: Callable[[], None] = lambda: None
        self.on_written: Callable[[frozenset[str]], None] = lambda _tables: None
        self._stuck = False

    @property
    def waiting(self) -> int:
        """How many groups of writes are still to be written."""
        return len(self._waiting.groups)

    def resume(self, now: datetime) -> str | None:
        """Queue, before anything else, what the spool kept from an earlier run (write it
        with ``flush``); returns a message when the spool could not be read."""
        if self._spool is None:
            return None
        kept, problem = self._spool.load(now)
        self._waiting.groups[:0] = kept.groups
        for table, newest in kept.ids.items():
            self._waiting.ids[table] = max(newest, self._waiting.ids.get(table, 0))
        self._waiting.stand_ins.update(kept.stand_ins)
        self._waiting.real.update(kept.real)
        self._spooled = len(kept.groups)
        return problem

    def new_id(self, table: str) -> int:
        """An id for a new row of ``table`` that no row has, nor any row waiting to be
        written; a stand-in (see ``real_id``) while the history cannot be read."""
        try:
            return self._next_id(self._connection(), table)
        except sqlite3.Error:
            stand_in = STAND_IN_BASE + len(self._waiting.stand_ins) + 1
            self._waiting.stand_ins[stand_in] = table
            return stand_in

    def real_id(self, row_id: int) -> int:
        """The id a row has in the history: ``row_id`` itself, unless it is a stand-in that
        has been written (then the id it was given)."""
        return self._waiting.real.get(row_id, row_id)

    def write(self, *statements: Statement) -> bool:
        """Queue ``statements`` as one transaction and write all that is queued; True when
        everything is written."""
        self._waiting.groups.append(statements)
        self._changed = True
        return self.flush()

    def flush(self) -> bool:
        """Write what is queued, oldest first, stopping at the first that cannot be written
        yet. True when nothing is left waiting."""
        queue = self._waiting.groups
        written: set[str] = set()
        while queue:
            try:
                self._commit(queue[0])
            except sqlite3.OperationalError as error:
                self.problem = _("Not saved yet: the history cannot be written ({error}). "
                                 "Coach keeps what you did and tries again.").format(error=error)
                break
            except sqlite3.Error as error:  # a bug, not the disk: never retried
                self.problem = _("Could not write an entry to the history: {error}").format(
                    error=error)
            else:
                self.problem = None
                written.update(_tables(queue[0]))
            queue.pop(0)
            self._changed = True
        self._keep_on_disk()
        if written:
            self.on_written(frozenset(written))
        if queue and not self._stuck:
            self._stuck = True
            self.on_waiting()
        self._stuck = bool(queue)
        return not queue

    def _keep_on_disk(self) -> None:
        if self._spool is None or not self._changed or not (self._spooled or self.waiting):
            return
        try:
            if self.waiting:
                self._spool.save(self._waiting)
            else:
                self._spool.clear()
        except SpoolError as error:
            self.problem = (f"{self.problem or 'Not saved yet.'} It could not be kept on disk "
                            f"either ({error}): quitting now would lose it.")
            return
        self._spooled, self._changed = self.waiting, False

    def _commit(self, statements: tuple[Statement, ...]) -> None:
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            for sql, parameters in statements:
                db.execute(sql, tuple(self._resolve(db, value) for value in parameters))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _resolve(self, db: sqlite3.Connection, value: Any) -> Any:
        """``value``, or the real id of the stand-in it is (given one now if it has none:
        a real id is never taken back, so a rolled-back write keeps it for its retry)."""
        table = self._waiting.stand_ins.get(value) if isinstance(value, int) else None
        if table is None:
            return value
        if value not in self._waiting.real:
            self._waiting.real[value] = self._next_id(db, table)
        return self._waiting.real[value]

    def _next_id(self, db: sqlite3.Connection, table: str) -> int:
        newest = int(db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0)
        self._waiting.ids[table] = max(newest, self._waiting.ids.get(table, 0)) + 1
        return self._waiting.ids[table]


def _tables(statements: tuple[Statement, ...]) -> set[str]:
    """The tables ``statements`` insert into, update or delete from."""
    return {match[1] for sql, _ in statements if (match := _WRITTEN_TABLE.match(sql))}
