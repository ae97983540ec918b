"""One connection to each X display, shared by the X11 idle counter and the fullscreen check
(python-xlib is imported only where there is an X display to ask)."""

from __future__ import annotations

import os
from functools import cache
from typing import Any


def x_display() -> Any:  # python-xlib has no type hints
    """The connection (an ``Xlib.display.Display``) to ``$DISPLAY``, made on the first call.

    Raises what python-xlib raises where no X server answers (not kept: a later call tries
    again).
    """
    return _connect(os.environ.get("DISPLAY", ""))


@cache
def _connect(name: str) -> Any:
    from Xlib import display

    return display.Display(name or None)
