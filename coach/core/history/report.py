"""The clinician report: what was logged and done over the last 7, 30 or 90 local days.

People with spasms that keep coming back are advised to tell a healthcare provider where it
hurts, how strongly and for how long (source document 001_eb06acfd83de148c.txt); this report
gathers that from the symptom log, beside the routines, cold/heat and breaks that were done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coach.core.history import wording
from coach.core.history.store import HistoryStore, from_text, local_days, to_text
from coach.core.history.summaries import PROMPTED, PainChange, pain, pain_change
from coach.core.therapy.timer import MAX_MINUTES

PERIODS_DAYS = (7, 30, 90)
MAX_NOTES = 5


@dataclass(frozen=True)
class WeekPain:
    """Pain logged in the local week starting on Monday ``week_start``: how many entries,
    their average and the highest score (0-10)."""

    week_start: date
    entries: int
    average: float
    highest: int


@dataclass(frozen=True)
class Episode:
    """A spasm episode: consecutive local days with a spasm logged, the highest pain score on
    them and the areas named."""

    first_day: date
    last_day: date
    highest_pain: int
    areas: tuple[str, ...]

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass(frozen=True)
class Practice:
    """Something done in the period: how many times and for how many minutes in all."""

    what: str
    times: int
    minutes: float


@dataclass(frozen=True)
class LongApplication:
    """A cold or heat pack left on longer than the 20-minute limit: when it went on (local
    time), what and where, and for how many minutes."""

    started_at: datetime
    what: str
    minutes: float


@dataclass(frozen=True)
class ClinicianReport:
    """Everything the report shows for local days ``first_day`` to ``last_day``. ``areas``
    counts the entries logged for each area (scores given around a routine are not counted
    there). Notes are the user's own words, newest first, as (local time, text). Of the break
    reminders (``breaks_prompted``), ``breaks_taken`` were taken; ``breaks_natural`` breaks
    came before any reminder, the user away long enough. ``daily_pain`` is the average
    score of each local day with one; ``long_applications`` the packs left on too long."""

    first_day: date
    last_day: date
    weekly_pain: list[WeekPain]
    areas: list[tuple[str, int]]
    episodes: list[Episode]
    routines: list[Practice]
    cold_and_heat: list[Practice]
    breaks_taken: int
    breaks_prompted: int
    breaks_natural: int
    pain_change: list[PainChange]
    notes: list[tuple[datetime, str]]
    daily_pain: list[tuple[date, float]]
    long_applications: list[LongApplication]

    @property
    def pain_entries(self) -> int:
        return sum(week.entries for week in self.weekly_pain)


def build_report(store: HistoryStore, today: date, days: int) -> ClinicianReport:
    """The report for the ``days`` local days ending with ``today`` (7, 30 or 90). Raises
    ValueError for another length and HistoryError if the history cannot be read."""
    if days not in PERIODS_DAYS:
        raise ValueError(f"days: {days} is not one of {PERIODS_DAYS}")
    first_day = today - timedelta(days=days - 1)
    since, until = local_days(first_day, today)
    bounds = (to_text(since), to_text(until))
    read = store.read
    weekly = [WeekPain(date.fromisoformat(w), int(n), float(avg), int(top)) for w, n, avg, top in
              read("SELECT date(at, 'localtime', 'weekday 0', '-6 days') AS week, COUNT(*),"
                   " AVG(pain), MAX(pain) FROM symptoms WHERE at >= ? AND at < ?"
                   " GROUP BY week ORDER BY week", bounds)]
    areas = [(str(a), int(n)) for a, n in
             read("SELECT area, COUNT(*) FROM symptoms WHERE at >= ? AND at < ?"
                  " AND moment IS NULL GROUP BY area ORDER BY COUNT(*) DESC, area", bounds)]
    routines = [Practice(str(t), int(n), float(m)) for t, n, m in
                read("SELECT routine_title, COUNT(*), SUM(duration_s) / 60.0"
                     " FROM routine_sessions WHERE started_at >= ? AND started_at < ?"
                     " GROUP BY routine_title ORDER BY COUNT(*) DESC, routine_title", bounds)]
    therapy = [Practice(wording.therapy_name(str(kind)), int(n), float(m or 0))
               for kind, n, m in
               read("SELECT kind, COUNT(*), SUM(actual_s) / 60.0 FROM therapy_sessions"
                    " WHERE started_at >= ? AND started_at < ? AND state = 'ended'"
                    " GROUP BY kind ORDER BY kind", bounds)]
    [(taken, prompted, natural)] = read(
        "SELECT COALESCE(SUM(outcome = 'taken'), 0), COALESCE(SUM(outcome IN"
        f" {PROMPTED}), 0), COALESCE(SUM(outcome = 'natural'), 0) FROM break_events"
        " WHERE at >= ? AND at < ?", bounds)
    notes = [(from_text(at).astimezone(), str(note)) for at, note in
             read("SELECT at, note FROM symptoms WHERE at >= ? AND at < ? AND note != ''"
                  " ORDER BY at DESC LIMIT ?", (*bounds, MAX_NOTES))]
    long = [LongApplication(from_text(at).astimezone(),
                            wording.therapy_title(str(method), str(area)), float(s) / 60)
            for at, method, area, s in
            read("SELECT started_at, method, area, actual_s FROM therapy_sessions"
                 " WHERE started_at >= ? AND started_at < ? AND actual_s > ?"
                 " ORDER BY started_at", (*bounds, MAX_MINUTES * 60))]
    daily = sorted(pain(store, since, until).items())
    return ClinicianReport(first_day, today, weekly, areas, _episodes(store, bounds), routines,
                           therapy, int(taken), int(prompted), int(natural),
                           pain_change(store, since, until), notes, daily, long)


def _episodes(store: HistoryStore, bounds: tuple[str, str]) -> list[Episode]:
    rows = store.read("SELECT date(at, 'localtime') AS day, MAX(pain), group_concat(area, '|')"
                      " FROM symptoms WHERE at >= ? AND at < ? AND spasm = 1"
                      " GROUP BY day ORDER BY day", bounds)
    episodes: list[Episode] = []
    for day_text, highest, areas_text in rows:
        day, areas = date.fromisoformat(day_text), str(areas_text).split("|")
        last = episodes[-1] if episodes else None
        if last is not None and day - last.last_day == timedelta(days=1):
            merged = tuple(dict.fromkeys((*last.areas, *areas)))
            episodes[-1] = Episode(last.first_day, day, max(last.highest_pain, int(highest)),
                                   merged)
        else:
            episodes.append(Episode(day, day, int(highest), tuple(dict.fromkeys(areas))))
    return episodes
