"""Safety guidance shown by the app: the not-medical-advice notice and the red flags.

Each red flag names how soon it needs care, on one scale (``Urgency``), and what it rests on:
the source documents, or general health-service guidance where they do not say it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from coach.core.i18n import N_, _
from coach.core.sources import (
    GENERAL_GUIDANCE,
    SOURCE_000,
    SOURCE_001,
    SOURCE_002,
    SOURCE_003,
    SOURCE_004,
)

NOT_MEDICAL_ADVICE = N_(
    "Coach is a self-care helper, not medical advice, and it cannot examine you. Move gently, "
    "stay within what feels comfortable, and stop any exercise that makes the pain sharper or "
    "makes it spread. If your pain is severe, keeps coming back or does not ease, see a doctor "
    "or physiotherapist soon, and tell them where it hurts, how strongly and for how long. Most "
    "muscular back pain settles by itself within a few days to a few weeks."
)
"""The last sentence rests on "Muscle Spasm in the Back" (004)."""


class Urgency(Enum):
    """How soon a warning sign needs care, on one scale used everywhere Coach names one."""

    EMERGENCY = N_("Call your local emergency number now; do not drive yourself.")
    SAME_DAY = N_("Get seen by a doctor the same day.")
    SOON = N_("See a doctor or physiotherapist soon.")

    @property
    def heading(self) -> str:
        """The words that head this group of signs (in the language Coach speaks)."""
        return {Urgency.EMERGENCY: _("Call your local emergency number now (do not drive "
                                     "yourself) if"),
                Urgency.SAME_DAY: _("Get seen by a doctor the same day if"),
                Urgency.SOON: _("See a doctor or physiotherapist soon if")}[self]


@dataclass(frozen=True)
class RedFlag:
    """A sign that needs medical care rather than exercise, how soon, and its sources: the
    source documents' file names, or GENERAL_GUIDANCE for what health services commonly
    advise and the documents do not say."""

    sign: str
    urgency: Urgency
    sources: tuple[str, ...]

    @property
    def action(self) -> str:
        return self.urgency.value


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(N_("You have chest pain or pressure or are short of breath, or the pain spreads to "
            "your arm, jaw or neck unlike your usual spasms, above all with sweating, feeling "
            "sick or feeling light-headed."),
            Urgency.EMERGENCY, (GENERAL_GUIDANCE, SOURCE_003)),
    RedFlag(N_("A sudden, tearing pain starts between your shoulder blades."),
            Urgency.EMERGENCY, (GENERAL_GUIDANCE,)),
    RedFlag(N_("Breathing in hurts and you are also short of breath or coughing up blood."),
            Urgency.EMERGENCY, (GENERAL_GUIDANCE,)),
    RedFlag(N_("You lose control of your bladder or bowels, find it hard to pass urine or "
            "cannot, feel numb around your genitals or bottom, or both legs feel weak or "
            "heavy or you are unsteady on your feet: the nerves of the spine may be pressed "
            "on."), Urgency.EMERGENCY, (SOURCE_002, GENERAL_GUIDANCE)),
    RedFlag(N_("The pain began with a car accident, a fall from a height or a hard blow."),
            Urgency.EMERGENCY, (GENERAL_GUIDANCE,)),
    RedFlag(N_("The pain or spasms come with a fever or feeling hot and shivery, with or "
            "without nausea or vomiting: something other than the muscle may be going on."),
            Urgency.SAME_DAY, (SOURCE_003, GENERAL_GUIDANCE)),
    RedFlag(N_("One or both arms, or one leg, tingle, feel numb or feel weak: a nerve may be "
            "involved, not only a tight muscle."), Urgency.SAME_DAY,
            (SOURCE_003, GENERAL_GUIDANCE)),
    RedFlag(N_("The pain is getting worse quickly."), Urgency.SAME_DAY,
            (SOURCE_003, GENERAL_GUIDANCE)),
    RedFlag(N_("Breathing in deeply hurts and this does not settle within a few days, or comes "
            "with a cough. (Some soreness on a deep breath is common with a strained muscle.)"),
            Urgency.SOON, (SOURCE_003, GENERAL_GUIDANCE)),
    RedFlag(N_("You have had even a minor fall and are over 50, have osteoporosis or take "
            "steroid tablets: be checked before you exercise."), Urgency.SOON, (GENERAL_GUIDANCE,)),
    RedFlag(N_("Rest and changing position do not ease the pain at all, or it is worse at "
            "night."), Urgency.SOON, (GENERAL_GUIDANCE,)),
    RedFlag(N_("You are losing weight without trying or feel generally unwell."), Urgency.SOON,
            (GENERAL_GUIDANCE,)),
    RedFlag(N_("You have had cancer, have osteoporosis, take steroid tablets for a long time, "
            "or have a weak immune system or a recent infection."), Urgency.SOON,
            (GENERAL_GUIDANCE,)),
    RedFlag(N_("This is your first back pain of this kind and you are over 50 or under 20."),
            Urgency.SOON, (GENERAL_GUIDANCE,)),
    RedFlag(N_("You notice a lump or a change in the shape of your back."), Urgency.SOON,
            (GENERAL_GUIDANCE,)),
    RedFlag(N_("The spasms are severe or keep coming back, or the pain has not eased after a "
            "few days (a spasm from a strain usually settles within days, and most muscular "
            "back pain within a few weeks)."), Urgency.SOON,
            (SOURCE_001, SOURCE_000, SOURCE_004)),
)
"""Ordered from the most urgent: every group of one urgency stands together."""


def red_flags(urgency: Urgency) -> tuple[RedFlag, ...]:
    """The signs of one urgency, in the order of RED_FLAGS."""
    return tuple(flag for flag in RED_FLAGS if flag.urgency is urgency)


PAIN_RISE_POINTS = 2
"""A pain score this much higher after a routine than before it means: no more today."""
HIGH_PAIN = 8
"""A pain score after a routine from which no more exercise is advised today."""


def pain_after_routine(before: int | None, after: int) -> str | None:
    """What to say when the pain score ``after`` a routine has risen by PAIN_RISE_POINTS or
    more since ``before`` (None when not given), or is HIGH_PAIN or more; None otherwise."""
    if before is not None and after - before >= PAIN_RISE_POINTS:
        why = _("Your pain went up from {before} to {after} during this routine.").format(
            before=before, after=after)
    elif after >= HIGH_PAIN:
        why = _("You gave your pain {after} out of 10.").format(after=after)
    else:
        return None
    return why + " " + _(
        "Leave the exercises for today and rest in whatever position is most comfortable; "
        "slow breathing is fine and can help. Look through the warning signs. If the pain "
        "keeps rising, get seen by a doctor the same day; if it has not eased after a few "
        "days, see a doctor or physiotherapist soon.")

