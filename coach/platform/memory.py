"""Giving back to the system the memory a closed window freed.

glibc's allocator keeps what the program frees for later use, so the few megabytes a break
window, a routine's player or an alarm window drew with would stay counted against Coach for
the rest of the day, though nothing uses them. ``hand_back_after(window)`` asks it
(``malloc_trim``) to return them once the window and its children are deleted. With another
C library, or on another system, there is nothing to ask and nothing happens.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QObject, QTimer


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # no such C library or function here
        return None
    return trim


def hand_back_freed() -> bool:
    """Return freed memory to the system now; False where the allocator cannot be asked."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def hand_back_after(gone: QObject) -> None:
    """Hand freed memory back once ``gone``, which is being deleted, and its children are."""
    gone.destroyed.connect(lambda: QTimer.singleShot(0, hand_back_freed))
