"""Safety guidance shown by the app: the not-medical-advice notice and the red flags.

Each red flag names the source document it rests on (see the project's source notes).
"""

from __future__ import annotations

from dataclasses import dataclass

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
            "002_058f0df711dd6597.txt"),
    RedFlag("You have chest pain, or it hurts to take a deep breath.",
            "Get urgent medical help: causes other than muscle, a heart attack among them, "
            "must be ruled out.", "003_dd1ab4b08acc332a.txt"),
    RedFlag("Your arms or legs tingle, feel numb or feel weak.",
            "See a doctor: these point to a nerve problem, not only a tight muscle.",
            "003_dd1ab4b08acc332a.txt"),
    RedFlag("The spasms come with fever, nausea or vomiting.",
            "See a doctor: something other than the muscle may be going on.",
            "003_dd1ab4b08acc332a.txt"),
    RedFlag("The pain began after a fall, an accident or another injury.",
            "Have it checked before you exercise.", "000_cf1a2c4ab22fb266.txt"),
    RedFlag("The pain keeps getting worse, or the spasms are severe or keep returning.",
            "See a healthcare provider rather than waiting it out.",
            "001_eb06acfd83de148c.txt"),
)
