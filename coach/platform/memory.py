"""Memory Coach would hold for nothing: what a closed window freed, and the source text of
every module it loaded.

glibc's allocator keeps what the program frees for later use, so the few megabytes a break
window, a routine's player or an alarm window drew with would stay counted against Coach for
the rest of the day, though nothing uses them. ``hand_back_after(window)`` asks it
(``malloc_trim``) to return them once the window and its children are deleted. With another
C library, or on another system, there is nothing to ask and nothing happens.

PySide6 reads the source of every module imported after it (to see whether the module names
PySide6, for its opt-in ``__feature__`` switches) through ``linecache``, which keeps each
line as a string for the rest of the run: some megabytes for Coach's and the standard
library's modules, scattered so that freeing them later leaves the holes in place.
``forget_module_sources()`` drops what is kept and lets no later import keep any.
"""

from __future__ import annotations

import ctypes
import linecache
import sys
from collections.abc import Callable
from functools import cache
from types import ModuleType

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


def forget_module_sources() -> None:
    """Drop the module sources kept so far and keep none read from now on to look for
    PySide6's name. Where PySide6 reads no sources (another version), only the drop happens."""
    linecache.clearcache()
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "forgets_sources", False):
        return

    def check_and_forget(module: ModuleType) -> object:
        kept = set(linecache.cache)
        try:
            return check(module)
        finally:
            for name in set(linecache.cache) - kept:
                linecache.cache.pop(name, None)

    check_and_forget.forgets_sources = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = check_and_forget  # type: ignore[union-attr]
