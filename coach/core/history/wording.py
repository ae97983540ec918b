"""What the history keeps, in the words of the language Coach speaks: the areas and methods
(kept in English, as codes), and each entry's title and outcome as the timeline, the search
and the report show them."""

from __future__ import annotations

from coach.core.i18n import N_, _

AREA_NAMES = {"upper back": N_("upper back"),
              "between the shoulder blades": N_("between the shoulder blades"),
              "neck": N_("neck"), "shoulders": N_("shoulders"), "lower back": N_("lower back"),
              "other": N_("other")}
"""The areas Coach offers for a pack or a symptom; the user may type their own words."""

METHOD_NAMES = {"ice pack": N_("Ice pack"), "moist heat pack": N_("Moist heat pack"),
                "warm compress": N_("Warm compress"), "warm shower": N_("Warm shower")}
"""How each cold or heat method is shown."""

BREAK_NAMES = {"micro-break": N_("Micro-break"), "rest break": N_("Rest break")}
BREAK_OUTCOMES = {"taken": N_("taken"), "natural": N_("natural"), "snoozed": N_("snoozed"),
                  "skipped": N_("skipped"), "postponed (do not disturb)":
                      N_("postponed (do not disturb)")}
SYMPTOM_MOMENTS = {"before": N_("before a routine"), "after": N_("after a routine")}


def area_name(area: str) -> str:
    """An area as kept in the history, in the language Coach speaks (the user's own words
    as they are)."""
    return _(AREA_NAMES[area]) if area in AREA_NAMES else area


def method_name(method: str) -> str:
    return _(METHOD_NAMES[method]) if method in METHOD_NAMES else method


def therapy_name(kind: str) -> str:
    """"Cold therapy" or "Heat therapy"."""
    return _("Cold therapy") if kind == "cold" else _("Heat therapy")


def therapy_title(method: str, area: str) -> str:
    """E.g. "Ice pack, upper back"."""
    return _("{method}, {area}").format(method=method_name(method), area=area_name(area))


def therapy_outcome(outcome: str | None, overdue_s: float | None) -> str:
    """How an application ended (None: it is still on)."""
    if outcome is None:
        return _("still on")
    if outcome == "overdue":
        return _("overdue by {minutes} min").format(
            minutes=max(1, round((overdue_s or 0) / 60)))
    return {"completed": _("completed"), "ended early": _("ended early")}.get(outcome, outcome)


def routine_outcome(completed: bool, steps_completed: int, steps_total: int) -> str:
    if completed:
        return _("completed")
    return _("partial: {done} of {total} exercises").format(done=steps_completed,
                                                             total=steps_total)


def break_title(kind: str) -> str:
    return _(BREAK_NAMES[kind]) if kind in BREAK_NAMES else kind


def break_outcome(outcome: str) -> str:
    return _(BREAK_OUTCOMES[outcome]) if outcome in BREAK_OUTCOMES else outcome


def symptom_title(pain: int, area: str, spasm: bool) -> str:
    """E.g. "Pain 6/10, neck, spasm"."""
    title = _("Pain {score}/10, {area}").format(score=pain, area=area_name(area))
    return _("{symptom}, spasm").format(symptom=title) if spasm else title


def symptom_outcome(moment: str | None) -> str:
    """When the score was given: around a routine, or logged on its own."""
    return _(SYMPTOM_MOMENTS[moment]) if moment in SYMPTOM_MOMENTS else _("logged")


def duration_text(seconds: float) -> str:
    """Time spent as ``M:SS``, rounded to the nearest second."""
    minutes, rest = divmod(max(0, round(seconds)), 60)
    return f"{minutes}:{rest:02d}"
