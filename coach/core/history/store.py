"""The local history: an SQLite file with a schema version and migrations from day one.

Times are stored as ISO 8601 UTC text. The schema version lives in ``PRAGMA user_version``;
``coach.core.history.schema.MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

from coach.core.history.schema import MIGRATIONS, SCHEMA_VERSION
from coach.core.history.spool import Spool, Statement
from coach.core.history.writer import HistoryWriter
from coach.core.i18n import _
from coach.core.private_files import create_private, make_private

T = TypeVar("T")

OPENING_WAIT_S = 1.0
CLOSING_WAIT_S = 3.0
"""How long opening (before any window shows, so briefly: the file is tried again every few
seconds once Coach runs) and closing (to write what is still queued) wait for a lock
another program holds; in between, the history never waits."""


class HistoryError(Exception):
    """The history file cannot be used: unreadable, damaged, or from a newer Coach."""


class HistoryTooNew(HistoryError):
    """The history file was written by a newer Coach; it is left untouched."""


class HistoryUnavailable(HistoryError):
    """The history file cannot be opened or written (permissions, a full disk); it may be
    perfectly sound, so it is left where it is."""


class HistoryLocked(HistoryUnavailable):
    """Another program holds the history file locked; it may let go at any moment."""


@dataclass(frozen=True)
class RoutineSession:
    """One played routine. ``started_at`` is an aware UTC datetime; ``duration_s`` is the time
    actually spent, pauses excluded; ``completed`` is False for a session stopped early."""

    id: int
    routine_id: str
    routine_title: str
    started_at: datetime
    duration_s: float
    steps_completed: int
    steps_total: int
    completed: bool


class HistoryStore:
    """Reads and writes the history database at ``path`` (``":memory:"`` keeps it in memory).

    Opening checks the file's integrity and makes the file and its -wal/-shm companions
    private (0600 on POSIX). A file at an older schema is copied to ``backup_path(path,
    SCHEMA_VERSION)`` before it is migrated. Raises HistoryUnavailable when the file cannot be
    opened or written (or the copy cannot be made), HistoryTooNew for a newer schema, and
    HistoryError when it is damaged; reads raise HistoryError too, naming what could not be
    read.

    Writes go through ``writer`` (a HistoryWriter): they never wait for a lock, and what
    cannot be written yet is kept and written later, in order. New rows get their id from
    ``new_id`` before they are written, so that an id is known while its row still waits.
    """

    def __init__(self, path: Path | str, spool: Spool | None = None,
                 now: datetime | None = None) -> None:
        self.path = path
        self.persistent = str(path) != ":memory:"
        self.writer = HistoryWriter(self._writable, spool)
        self.waiting_for_file: str | None = None
        """Why the file could not be opened yet (another program holds it locked), or None
        once it is open; meanwhile reads find an empty history and writes wait."""
        try:
            self._db = self._open(OPENING_WAIT_S)
        except HistoryLocked as error:
            if spool is None:
                raise
            self._db = HistoryStore(":memory:").connection
            self.waiting_for_file = str(error)
        self.spool_problem = self.writer.resume(now or datetime.now(UTC))
        """Why writes kept from an earlier run could not be read back, or None."""
        self.writer.flush()

    def _open(self, wait_s: float) -> sqlite3.Connection:
        """The file's connection, checked and migrated, that never waits for a lock again;
        waits up to ``wait_s`` for one now. Raises HistoryLocked, HistoryUnavailable,
        HistoryTooNew or HistoryError."""
        try:
            if self.persistent:
                _make_private(Path(self.path))
            db = sqlite3.connect(self.path, isolation_level=None, timeout=wait_s)
        except (OSError, sqlite3.Error) as error:
            raise HistoryUnavailable(_("{file}: cannot be opened ({error})").format(
                file=self.path, error=error)) from error
        try:
            self._check_integrity(db)
            self._migrate(db)
            db.execute("PRAGMA busy_timeout = 0")  # from now on, never wait
        except BaseException as error:
            db.close()
            if isinstance(error, sqlite3.OperationalError):
                kind = HistoryLocked if _is_lock(error) else HistoryUnavailable
                raise kind(_("{file}: cannot be used ({error})").format(
                    file=self.path, error=error)) from error
            if isinstance(error, sqlite3.DatabaseError):
                raise HistoryError(_("{file}: not a usable history database ({error})").format(
                    file=self.path, error=error)) from error
            raise
        return db

    def _writable(self) -> sqlite3.Connection:
        """The connection writes go to: the file, opened now if it was locked at start.
        Raises sqlite3.OperationalError while it cannot be opened."""
        if self.waiting_for_file is not None:
            try:
                opened = self._open(0)
            except HistoryError as error:
                self.waiting_for_file = str(error)
                raise sqlite3.OperationalError(str(error)) from error
            self._db.close()
            self._db, self.waiting_for_file = opened, None
        return self._db

    def flush(self) -> bool:
        """Open the file if it was locked at start, then write what waits; True when the
        file is open and nothing waits."""
        if self.waiting_for_file is not None:
            try:
                self._writable()
            except sqlite3.OperationalError:
                return False
        return self.writer.flush()

    @staticmethod
    def _check_integrity(db: sqlite3.Connection) -> None:
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {verdict}")

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryTooNew(f"{self.path}: written by a newer Coach (schema {version}; "
                               f"this one knows up to {SCHEMA_VERSION}); left untouched")
        if 0 < version < SCHEMA_VERSION and self.persistent:
            self._back_up(db, backup_path(Path(self.path), SCHEMA_VERSION))
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA secure_delete = ON")  # deleted entries are overwritten
        for number in range(version, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _back_up(self, db: sqlite3.Connection, copy: Path) -> None:
        """Copy the whole database to ``copy`` (a consistent snapshot, made private); an
        existing copy is kept, as it is the older one. Raises HistoryUnavailable."""
        if copy.is_file():
            return
        try:
            create_private(copy)
        except OSError as error:
            raise self._no_copy(error) from error
        target = sqlite3.connect(copy)
        try:
            db.backup(target)
        except sqlite3.Error as error:
            target.close()
            copy.unlink(missing_ok=True)
            raise self._no_copy(error) from error
        target.close()

    def _no_copy(self, error: Exception) -> HistoryUnavailable:
        return HistoryUnavailable(_("{file}: needs updating to schema {schema}, but a copy "
                                    "could not be made first ({error}); it was left as it "
                                    "was").format(file=self.path, schema=SCHEMA_VERSION,
                                                  error=error))

    @property
    def connection(self) -> sqlite3.Connection:
        """The open database, for the other record keepers that share it."""
        return self._db

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Write what is still queued, waiting up to CLOSING_WAIT_S for a lock, and close;
        what still cannot be written stays in the spool for the next run."""
        if self.writer.waiting and self.waiting_for_file is None:
            self._db.execute(f"PRAGMA busy_timeout = {round(CLOSING_WAIT_S * 1000)}")
            self.writer.flush()
        self._db.close()

    def write(self, *statements: Statement) -> None:
        """Write ``statements`` in one transaction now, or as soon as the history can be
        written (see HistoryWriter); never raises for a disk or lock problem."""
        self.writer.write(*statements)

    def new_id(self, table: str) -> int:
        """An id for a new row of ``table`` (see ``HistoryWriter.new_id``)."""
        return self.writer.new_id(table)

    def begin_routine(self, routine_id: str, routine_title: str, started_at: datetime,
                      steps_total: int) -> int:
        """Record a routine as started (partial, nothing done yet); returns the session id.

        Writing the row at the start means a crash mid-routine still leaves it in history.
        """
        session_id = self.new_id("routine_sessions")
        self.write((
            "INSERT INTO routine_sessions (id, routine_id, routine_title, started_at,"
            " duration_s, steps_completed, steps_total, completed)"
            " VALUES (?, ?, ?, ?, 0, 0, ?, 0)",
            (session_id, routine_id, routine_title, to_text(started_at), steps_total)))
        return session_id

    def update_routine(self, session_id: int, duration_s: float, steps_completed: int,
                       completed: bool) -> None:
        """Store how far a session has got: seconds spent, exercises completed, finished."""
        self.write((
            "UPDATE routine_sessions SET duration_s = ?, steps_completed = ?, completed = ?"
            " WHERE id = ?", (max(0.0, duration_s), steps_completed, int(completed), session_id)))

    def routine_sessions(self, limit: int | None = None, since: datetime | None = None,
                         until: datetime | None = None) -> list[RoutineSession]:
        """Sessions started from ``since`` up to (not including) ``until``, newest first; all
        of them when ``limit`` is None."""
        where, parameters = time_range("started_at", since, until)
        rows = self.read(
            "SELECT id, routine_id, routine_title, started_at, duration_s, steps_completed,"
            f" steps_total, completed FROM routine_sessions WHERE {where}"
            " ORDER BY started_at DESC, id DESC LIMIT ?",
            (*parameters, -1 if limit is None else limit))
        return [self.parse_row(row, "routine session", _routine_session) for row in rows]

    def read(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query; raises HistoryError if the file cannot be read."""
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            raise HistoryError(_("{file}: could not be read ({error})").format(
                file=self.path, error=error)) from error

    def parse_row(self, row: tuple[Any, ...], what: str,
                  parse: Callable[[tuple[Any, ...]], T]) -> T:
        """``parse(row)``; a value that makes no sense raises HistoryError naming the row by
        ``what`` and its id (the first column)."""
        try:
            return parse(row)
        except (TypeError, ValueError, OverflowError) as error:
            raise HistoryError(_("{file}: {what} {id} holds a bad value ({error})").format(
                file=self.path, what=what, id=row[0], error=error)) from error


def _routine_session(row: tuple[Any, ...]) -> RoutineSession:
    return RoutineSession(row[0], str(row[1]), str(row[2]), from_text(row[3]), float(row[4]),
                          int(row[5]), int(row[6]), bool(row[7]))


def time_range(column: str, since: datetime | None,
               until: datetime | None) -> tuple[str, tuple[str, ...]]:
    """An SQL condition and its parameters for ``since <= column < until``; a bound that is
    None is left out (no bounds give ``"1"``)."""
    limits = [(f"{column} {op} ?", to_text(moment))
              for op, moment in ((">=", since), ("<", until)) if moment is not None]
    return " AND ".join(c for c, _ in limits) or "1", tuple(v for _, v in limits)


def local_midnight(day: date) -> datetime:
    """The start of local day ``day`` in this process's time zone, as an aware UTC datetime
    (a DST change day still starts at its own midnight). Raises ValueError for a day at the
    very ends of the calendar, whose midnight the clock cannot express."""
    try:
        return datetime.combine(day, time()).astimezone().astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError(_("{day} is too far from today for this computer's clock").format(
            day=day)) from None


def _is_lock(error: sqlite3.OperationalError) -> bool:
    return error.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def spool_path(path: Path) -> Path:
    """Where writes to the history at ``path`` wait while it cannot take them."""
    return path.with_name(f"{path.name}.waiting.json")


def backup_path(path: Path, version: int) -> Path:
    """Where the history at ``path`` is copied before it is migrated to schema ``version``,
    e.g. ``history.sqlite3.before-schema-4``."""
    return path.with_name(f"{path.name}.before-schema-{version}")


def _make_private(path: Path) -> None:
    """The database file 0600 (created so if missing), and its companions too."""
    create_private(path)
    for suffix in ("-wal", "-shm"):
        make_private(path.with_name(path.name + suffix))


def local_days(first: date, last: date) -> tuple[datetime, datetime]:
    """The local days ``first`` to ``last`` (both included) as aware UTC bounds: the first's
    midnight and the midnight after the last. Raises ValueError (see ``local_midnight``)."""
    try:
        after = last + timedelta(days=1)
    except OverflowError:
        raise ValueError(_("{day} is too far from today for this computer's clock").format(
            day=last)) from None
    return local_midnight(first), local_midnight(after)


def to_text(moment: datetime) -> str:
    """An aware datetime as stored: ISO 8601 UTC text to the second."""
    if moment.tzinfo is None:
        raise ValueError("history times must be aware datetimes")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_text(text: str) -> datetime:
    """Stored ISO 8601 text as an aware UTC datetime. Raises ValueError for text that is not
    one, or a moment so near the ends of the calendar that UTC or local time cannot show it
    (only a hand-edited file holds such a thing)."""
    try:
        moment = datetime.fromisoformat(text).astimezone(UTC)
        moment.astimezone()
    except OverflowError:
        raise ValueError(f"{text!r} is outside the dates Coach can show") from None
    return moment


def open_history(path: Path, now: datetime) -> tuple[HistoryStore, str | None]:
    """Open the history at ``path`` whatever state it is in, for the one Coach that writes
    it, and say what had to be done.

    Writes that an earlier run could not make are written first (see ``spool_path``). A file
    another program holds locked is opened as soon as it lets go; until then writes wait. A
    damaged file is renamed ``history.sqlite3.damaged-<time>`` (with its -wal/-shm files)
    and a fresh one started; a file from a newer Coach is left untouched. When no file can be
    used the history lives in memory for this run. Returns the store and a message or None.
    """
    spool = Spool(spool_path(path))
    try:
        store = HistoryStore(path, spool, now)
    except (HistoryTooNew, HistoryUnavailable) as error:
        return HistoryStore(":memory:"), _("{problem}. Sessions from this run will not be "
                                           "saved.").format(problem=error)
    except HistoryError as error:
        damaged = error
    else:
        return store, _opening_notice(store)
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.replace(kept.with_name(kept.name + suffix))
        path.replace(kept)
        store = HistoryStore(path, spool, now)
    except (OSError, HistoryError) as error:
        return HistoryStore(":memory:"), _("{problem}. It could not be set aside ({error}); "
                                           "sessions from this run will not be saved."
                                           ).format(problem=damaged, error=error)
    notice = _("{problem}. It was kept as {file} and a new history was started.").format(
        problem=damaged, file=kept)
    return store, " ".join(filter(None, (notice, _opening_notice(store))))


def _opening_notice(store: HistoryStore) -> str | None:
    lines = [store.spool_problem]
    if store.waiting_for_file is not None:
        lines.append(_("{problem}. Another program is using the history; Coach keeps what "
                       "you do and saves it as soon as the file is free.").format(
            problem=store.waiting_for_file))
    return " ".join(line for line in lines if line) or None


class SaveGuard:
    """Runs history reads so that a failure (a damaged row, a folder gone) is reported, not
    raised (writes never raise: see HistoryWriter).

    ``problem`` holds the last failure in words, and is cleared by the next read that works.
    """

    def __init__(self) -> None:
        self.problem: str | None = None

    def run(self, write: Callable[[], T]) -> T | None:
        try:
            result = write()
        except (sqlite3.Error, HistoryError) as error:
            self.problem = _("Could not use the history: {error}").format(error=error)
            return None
        self.problem = None
        return result
