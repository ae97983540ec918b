"""Safety guidance shown by the app: the not-medical-advice notice and the red flags.

Each red flag names the source document it rests on (see the project's source notes).
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.core.sources import SOURCE_000, SOURCE_001, SOURCE_002, SOURCE_003

NOT_MEDICAL_ADVICE = (
    "Coach is a self-care helper, not medical advice, and it cannot examine you. Move gently, "
    "stay within what feels comfortable, and stop any exercise that makes the pain sharper or "
    "makes it spread. If your pain is severe, keeps coming back or does not ease, see a doctor "
    "or physiotherapist, and tell them where it hurts, how strongly and for how long."
)


@dataclass(frozen=True)
class RedFlag:
    """A sign that needs medical care rather than exercise, with its source document."""

    sign: str
    action: str
    source: str


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("You lose control of your bladder or bowels.",
            "Call a doctor or emergency services now: the spinal cord may be compressed.",
            SOURCE_002),
    RedFlag("You have chest pain, or it hurts to take a deep breath.",
            "Get urgent medical help: causes other than muscle, a heart attack among them, "
            "must be ruled out.", SOURCE_003),
    RedFlag("Your arms or legs tingle, feel numb or feel weak.",
            "See a doctor: these point to a nerve problem, not only a tight muscle.",
            SOURCE_003),
    RedFlag("The spasms come with fever, nausea or vomiting.",
            "See a doctor: something other than the muscle may be going on.",
            SOURCE_003),
    RedFlag("The pain began after a fall, an accident or another injury.",
            "Have it checked before you exercise.", SOURCE_000),
    RedFlag("The pain keeps getting worse, or the spasms are severe or keep returning.",
            "See a healthcare provider rather than waiting it out.",
            SOURCE_001),
)
