"""What to apply, from one question: when did this spasm or injury start?

Facts and their source documents: ice in the acute phase reduces inflammation and numbs the
area, worded here as dulling the pain (001, 003); one source advises against heat until the
spasms end (000), another says a warm compress can help a spasm that persists (003); after the
first 72 hours moist heat helps, and it may help recurring spasms (003); heat relaxes tense
muscles and increases blood flow (001); 15 to 20 minutes at a time (003); a warm shower
relaxes tense muscles too (001, 003). The cloth, skin checks, never-asleep, one-hour-gap,
not-lying-on-it, skin-feeling, circulation, swelling and shower-care advice is common
health-service guidance, not from the source documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from coach.core.i18n import N_
from coach.core.sources import GENERAL_GUIDANCE, SOURCE_000, SOURCE_001, SOURCE_003
from coach.core.therapy.timer import TherapyKind


class Onset(Enum):
    """The answer to "When did this spasm or injury start?"."""

    ACUTE = N_("Less than 72 hours ago")
    LATER = N_("More than 72 hours ago")
    RECURRING = N_("It keeps coming back")


@dataclass(frozen=True)
class Point:
    """One piece of guidance and where it comes from."""

    text: str
    source: str


@dataclass(frozen=True)
class Advice:
    """The suggested kind, why, and the other view where the sources differ."""

    suggested: TherapyKind
    reasons: tuple[Point, ...]
    other_view: Point | None


ALWAYS: tuple[Point, ...] = (
    Point(N_("No more than 20 minutes at a time (15 to 20 is usual); end it early whenever "
             "you like."), SOURCE_003),
    Point(N_("Wrap the pack in a cloth: never put ice or a hot pack straight on the skin."),
          GENERAL_GUIDANCE),
    Point(N_("Look at the skin every 5 minutes. Stop if it turns white or blotchy, blisters, or "
          "goes completely numb; with heat, also if it turns very red or stings."),
          GENERAL_GUIDANCE),
    Point(N_("Never use a pack while you are asleep or might fall asleep."), GENERAL_GUIDANCE),
    Point(N_("Leave about an hour before the next application of the same kind."),
          GENERAL_GUIDANCE),
    Point(N_("Rest the pack on the sore area rather than lying or sitting on it: your weight "
          "presses it to the skin and can burn or chill it."), GENERAL_GUIDANCE),
    Point(N_("Ask a doctor first if your skin has less feeling than usual (diabetes can do "
          "this); skip cold if you have poor circulation or Raynaud's; use neither on broken "
          "or irritated skin."), GENERAL_GUIDANCE),
    Point(N_("No heat on a fresh injury that is swollen: use cold in the first days."),
          GENERAL_GUIDANCE),
    Point(N_("A warm shower can relax tense muscles too."), SOURCE_001),
    Point(N_("In the shower, keep the water warm rather than hot, and take care getting in and "
          "out while your back is stiff."), GENERAL_GUIDANCE),
)


def advise(onset: Onset) -> Advice:
    """The suggestion for ``onset``: cold while acute, moist heat after 72 hours or for
    spasms that recur. The sources' views on heat during a spasm are given with each answer,
    neither hidden."""
    if onset is Onset.ACUTE:
        return Advice(
            TherapyKind.COLD,
            (Point(N_("In the first days, cold eases inflammation and dulls the pain."),
                   SOURCE_001),
             Point(N_("One source advises no heat while the spasms are still going on."),
                   SOURCE_000)),
            Point(N_("A warm compress can help a spasm that will not let go (not on a swollen "
                  "injury). If you try heat, keep to the same time limit."), SOURCE_003))
    reason = (N_("After the first 72 hours, moist heat on the sore area helps.") if onset is
              Onset.LATER else N_("Moist heat may help spasms that keep coming back."))
    return Advice(
        TherapyKind.HEAT,
        (Point(reason, SOURCE_003),
         Point(N_("Heat relaxes tight muscles and brings more blood to the area."), SOURCE_001)),
        Point(N_("Heat is best left until the spasms have stopped; if one is gripping right now, "
              "cold may suit better."), SOURCE_000))
