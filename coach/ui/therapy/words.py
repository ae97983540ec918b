"""What the cold and heat screens say, worded for the method: a pack comes off, a shower ends."""

from __future__ import annotations

from coach.core.therapy.timer import METHODS, TherapyKind

SHOWER = "warm shower"


def removal_text(method: str) -> str:
    """The alert's heading when time is up."""
    return "Time to end the warm shower" if method == SHOWER else f"Take the {method} off now"


def off_button_text(method: str) -> str:
    """The button that confirms the application is over."""
    return "I am out of the shower" if method == SHOWER else "The pack is off"


def skin_check_text(method: str, minutes: int) -> str:
    """The quiet prompt every 5 minutes."""
    if method == SHOWER:
        return (f"{minutes} minutes in: look at your skin. Get out if it is very red or "
                "feels sore.")
    heat = "" if method in METHODS[TherapyKind.COLD] else ", very red or stinging"
    return (f"{minutes} minutes in: lift the pack and look at the skin. Stop if it is white, "
            f"blotchy{heat} or blistered, or has gone completely numb.")
