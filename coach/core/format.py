"""Small text formatters shared by the views and the command line."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from coach.core.i18n import N_, _
from coach.core.routines.routine import Routine, Step


def clock_text(seconds: float) -> str:
    """Seconds as ``M:SS``, rounded up so the display reaches 0:00 only at the end."""
    whole = max(0, math.ceil(seconds - 1e-9))
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}"


def whole_seconds_left(seconds: float) -> int:
    """``seconds`` left, rounded up to whole seconds (never less than is left)."""
    return max(0, math.ceil(seconds - 1e-9))


def minutes_left(seconds: float) -> int:
    """``seconds`` left, rounded up to whole minutes (never less than is left)."""
    return math.ceil(whole_seconds_left(seconds) / 60)


def time_left_text(seconds: float) -> str:
    """Time left in words that cannot be read as a time of day: ``"13 min left"`` (whole
    minutes, rounded up so it never promises less than is left), ``"45 s left"`` in the last
    minute."""
    whole = whole_seconds_left(seconds)
    if whole < 60:
        return _("{seconds} s left").format(seconds=whole)
    return _("{minutes} min left").format(minutes=minutes_left(seconds))


MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
          N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
"""Short month and weekday names, translated where shown (the C library's would stay in
English whatever language Coach speaks)."""


def day_text(day: date, year: bool = False) -> str:
    """"2 Dec" (with ``year``, "2 Dec 2026") as the language Coach speaks writes it."""
    month = _(MONTHS[day.month - 1])
    if year:
        return _("{day} {month} {year}").format(day=day.day, month=month, year=day.year)
    return _("{day} {month}").format(day=day.day, month=month)


def weekday_text(day: date) -> str:
    return _(WEEKDAYS[day.weekday()])


def when_text(at: datetime, today: date) -> str:
    """A moment as people say it, in local time: "Today 14:44", "Yesterday 08:09",
    "Wed 2 Dec 08:07" within the week, "2 Dec 08:07" this year, else with the year."""
    local = at.astimezone()
    day = local.date()
    clock = f"{local:%H:%M}"
    if day == today:
        return _("Today {time}").format(time=clock)
    if day == today - timedelta(days=1):
        return _("Yesterday {time}").format(time=clock)
    if timedelta(0) < today - day < timedelta(days=7):
        return _("{weekday} {day} {time}").format(weekday=weekday_text(day), day=day_text(day),
                                                  time=clock)
    return _("{day} {time}").format(day=day_text(day, year=day.year != today.year), time=clock)


def length_text(seconds: float) -> str:
    """A length to the second that cannot be read as a time of day: ``"2 min 25 s"``,
    ``"45 s"``, ``"16 min"``, ``"1 h 5 min"`` from an hour."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole >= 3600:
        return minutes_text(whole)
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def minutes_text(seconds: float) -> str:
    """A length for people: ``"6 min"``, ``"45 s"`` under a minute, ``"2 h 5 min"`` from an
    hour."""
    if seconds < 60:
        return f"{round(seconds)} s"
    hours, minutes = divmod(round(seconds / 60), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def step_timing(step: Step) -> str:
    """How a step is timed, e.g. ``"5 reps × 4 s"`` or ``"30 s"``, with sides if any."""
    timing = (_("{reps} reps × {seconds} s").format(reps=step.reps, seconds=step.seconds_per_rep)
              if step.reps else _("{seconds} s").format(seconds=step.duration_s))
    if step.sides:
        timing = _("{timing} each side").format(timing=timing)
    if step.rest_s:
        timing = _("{timing}, then {seconds} s rest").format(timing=timing, seconds=step.rest_s)
    return timing


def routine_line(routine: Routine, heading: str | None = None) -> str:
    """The library's one-line description: length and when to use it (under ``heading``,
    only the other times it is for)."""
    others = [_(label) for label in routine.when_labels if label != heading]
    if heading is None:
        return f"{minutes_text(routine.total_s)} · {', '.join(others)}"
    return minutes_text(routine.total_s) + (
        " · " + _("also {times}").format(times=", ".join(o[:1].lower() + o[1:] for o in others))
        if others else "")
