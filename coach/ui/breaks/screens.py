"""Which screens a break shows on, and how its windows get there on each kind of desktop.

On X11, Windows and macOS a window can be put where it should go and kept above the others.
Wayland compositors decide both themselves: there the break windows open full screen on
their screen, the one way to be seen there that every compositor honours.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from coach.core.i18n import N_

WAYLAND_NOTE = N_("This Wayland desktop decides where windows go and does not let an app keep "
                "one on top or see the pointer, so each break opens full screen on its screen, "
                "and the screen in use is taken to be the main one.")
"""What Settings says where windows cannot be placed or kept on top."""


@dataclass(frozen=True)
class BreakScreens:
    """The screen the break's routine plays on, and the screens that show a cover."""

    main: QScreen
    covered: tuple[QScreen, ...] = ()


def placement_is_free() -> bool:
    """Whether this desktop lets Coach place its windows and keep them on top (not Wayland)."""
    return not QGuiApplication.platformName().startswith("wayland")


def break_screens(choice: str) -> BreakScreens | None:
    """The screens for a break as ``choice`` (one of BREAK_SCREENS) says: "all" plays it on
    the screen in use (under the pointer) and covers the others, "in-use" that screen alone,
    "primary" the primary screen alone. None when there is no screen at all."""
    primary = QGuiApplication.primaryScreen()
    if primary is None:
        return None
    if choice == "primary":
        return BreakScreens(primary)
    in_use = QGuiApplication.screenAt(QCursor.pos()) or primary
    if choice == "in-use":
        return BreakScreens(in_use)
    return BreakScreens(in_use, tuple(s for s in QGuiApplication.screens() if s is not in_use))


def show_on(window: QWidget, screen: QScreen, full_screen: bool) -> None:
    """Show ``window`` on ``screen``: full screen if asked or where the desktop allows
    nothing else (see ``placement_is_free``), else centred in the screen's free area."""
    window.setScreen(screen)
    if full_screen or not placement_is_free():
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        return
    area = screen.availableGeometry()
    size = window.size().boundedTo(area.size())
    window.resize(size)
    window.move(area.center() - QPoint(size.width() // 2, size.height() // 2))
    window.show()
