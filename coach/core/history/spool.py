"""Writes the history could not take yet, kept in a private file beside it until it can.

While another program holds the history locked, Coach keeps what the user does in memory and
tries again later. So that quitting (or a crash) meanwhile loses none of it, the waiting writes
are also kept on disk, and the next Coach to open the history writes them first.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coach.core.i18n import _
from coach.core.private_files import open_private

FORMAT = 1

Statement = tuple[str, tuple[Any, ...]]
"""One SQL statement and its parameters."""


@dataclass
class Waiting:
    """What a writer has not written yet: groups of statements (one transaction each, oldest
    first), the ids it has handed out per table, and the stand-in ids it handed out while
    the history could not be read (stand-in to table) with the real ids some were given."""

    groups: list[tuple[Statement, ...]] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    stand_ins: dict[int, str] = field(default_factory=dict)
    real: dict[int, int] = field(default_factory=dict)


class SpoolError(Exception):
    """The spool file cannot be read or written; the message says which and why."""


class Spool:
    """The file at ``path`` that keeps a writer's waiting writes across runs."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, waiting: Waiting) -> None:
        """Replace the file with ``waiting`` (all at once: a crash leaves the old or the new
        whole). Raises SpoolError."""
        text = json.dumps({
            "format": FORMAT,
            "groups": [[[sql, list(parameters)] for sql, parameters in group]
                       for group in waiting.groups],
            "ids": waiting.ids,
            "stand_ins": {str(k): v for k, v in waiting.stand_ins.items()},
            "real": {str(k): v for k, v in waiting.real.items()},
        })
        fresh = self.path.with_name(self.path.name + ".new")
        try:
            with open_private(fresh) as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            fresh.replace(self.path)
        except OSError as error:
            raise SpoolError(_("{file}: cannot be written ({error})").format(
                file=self.path, error=error.strerror)) from error

    def load(self, now: datetime) -> tuple[Waiting, str | None]:
        """What the file keeps (nothing when there is no file), and a message or None. A file
        that cannot be understood is renamed ``<name>.damaged-<time>``, never deleted."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Waiting(), None
        except (OSError, UnicodeDecodeError) as error:
            return Waiting(), self._set_aside(now, _("cannot be read ({error})").format(
                error=error))
        try:
            return _parse(json.loads(text)), None
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            return Waiting(), self._set_aside(now, _("cannot be understood ({error})").format(
                error=error))

    def clear(self) -> None:
        """Remove the file (its writes are in the history now). Raises SpoolError."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise SpoolError(_("{file}: cannot be removed ({error})").format(
                file=self.path, error=error.strerror)) from error

    def _set_aside(self, now: datetime, why: str) -> str:
        kept = self.path.with_name(
            f"{self.path.name}.damaged-{now.astimezone(UTC):%Y%m%dT%H%M%S}")
        try:
            self.path.replace(kept)
        except OSError as error:
            return (f"{self.path}: {why}; entries it held are not in the history, and it "
                    f"could not be set aside ({error.strerror})")
        return f"{self.path}: {why}; entries it held are not in the history; kept as {kept}"


def _parse(data: Any) -> Waiting:
    if data["format"] != FORMAT:
        raise ValueError(f"format {data['format']!r}, this Coach knows {FORMAT}")
    groups = [tuple((_text(sql), tuple(_value(p) for p in parameters))
                    for sql, parameters in group) for group in data["groups"]]
    return Waiting(groups=groups,
                   ids={_text(k): _number(v) for k, v in data["ids"].items()},
                   stand_ins={int(k): _text(v) for k, v in data["stand_ins"].items()},
                   real={int(k): _number(v) for k, v in data["real"].items()})


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not text")
    return value


def _number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{value!r} is not a whole number")
    return value


def _value(value: Any) -> Any:
    if value is not None and not isinstance(value, str | int | float):
        raise TypeError(f"{value!r} cannot be written to the history")
    return value
