"""What the cold and heat screens say, worded for the method: a pack comes off, a shower ends."""

from __future__ import annotations

from coach.core.i18n import N_, _
from coach.core.therapy.timer import METHODS, TherapyKind

SHOWER = "warm shower"
REMOVAL = {"ice pack": N_("Take the ice pack off now"),
           "moist heat pack": N_("Take the moist heat pack off now"),
           "warm compress": N_("Take the warm compress off now"),
           "warm shower": N_("Time to end the warm shower")}


def removal_text(method: str) -> str:
    """The alert's heading when time is up."""
    return _(REMOVAL[method]) if method in REMOVAL else method


def off_button_text(method: str) -> str:
    """The button that confirms the application is over."""
    return _("I am out of the shower") if method == SHOWER else _("The pack is off")


def skin_check_text(method: str, minutes: int) -> str:
    """The quiet prompt every 5 minutes."""
    if method == SHOWER:
        return _("{minutes} minutes in: look at your skin. Get out if it is very red or "
                 "feels sore.").format(minutes=minutes)
    if method in METHODS[TherapyKind.COLD]:
        return _("{minutes} minutes in: lift the pack and look at the skin. Stop if it is "
                 "white, blotchy or blistered, or has gone completely numb.").format(
            minutes=minutes)
    return _("{minutes} minutes in: lift the pack and look at the skin. Stop if it is white, "
             "blotchy, very red or stinging or blistered, or has gone completely numb.").format(
        minutes=minutes)
