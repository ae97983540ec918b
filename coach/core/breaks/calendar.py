"""When break reminders run: pauses by name, and working hours in local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

PAUSED_INDEFINITELY = datetime.max.replace(tzinfo=UTC)
"""A pause that lasts until the user resumes."""


PAUSES = {"30m": timedelta(minutes=30), "1h": timedelta(hours=1), "2h": timedelta(hours=2)}
"""Pause lengths by name; "tomorrow" and "until-resumed" are handled by ``pause_end``."""
PAUSE_CHOICES = (*PAUSES, "tomorrow", "until-resumed")


def pause_end(choice: str, now: datetime) -> datetime:
    """When a pause chosen as ``choice`` (one of PAUSE_CHOICES) ends: "tomorrow" is the start
    of the next local day. Raises KeyError for an unknown choice."""
    if choice == "until-resumed":
        return PAUSED_INDEFINITELY
    if choice == "tomorrow":
        local = now.astimezone()
        return datetime.combine(local.date() + timedelta(days=1), time(), local.tzinfo)
    return now + PAUSES[choice]


@dataclass(frozen=True)
class WorkingHours:
    """Breaks are prompted only on ``days`` (0 is Monday) between ``start`` and ``end``, in
    the local time of ``zone`` (None: the system's time zone). An ``end`` before ``start``
    is a night shift: it ends the next morning."""

    days: frozenset[int]
    start: time
    end: time
    zone: tzinfo | None = None

    def contains(self, moment: datetime) -> bool:
        local = moment.astimezone(self.zone)
        day, now = local.weekday(), local.time()
        if self.start <= self.end:
            return day in self.days and self.start <= now < self.end
        return ((day in self.days and now >= self.start)
                or ((day - 1) % 7 in self.days and now < self.end))
