"""A history connection whose disk can fill up and free again, for tests of failed saves."""

from __future__ import annotations

import sqlite3
from typing import Any

from coach.core.history.store import HistoryStore

WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN")


class FillingDisk:
    """Wraps ``store``'s connection: while ``full`` every write fails as SQLite fails on a
    full disk (``sqlite3.OperationalError: database or disk is full``); reads still work."""

    def __init__(self, store: HistoryStore) -> None:
        self.full = False
        self._db = store.connection
        store._db = self  # type: ignore[assignment]

    def execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        self._refuse(sql)
        return self._db.execute(sql, parameters)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        self._refuse(sql)
        return self._db.executemany(sql, rows)

    def _refuse(self, sql: str) -> None:
        if self.full and sql.lstrip().upper().startswith(WRITES):
            raise sqlite3.OperationalError("database or disk is full")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)
