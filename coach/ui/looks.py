"""What each kind of text on Coach's screens looks like: its size on Coach's type scale, its
weight, its colour, and for warnings a card behind it.

A widget wears a look by name (``wear``); sizes are in proportion to the application's font,
so they follow the desktop's type size and the user's zoom. Looks are set on each widget
rather than through style sheets, which keep rule caches for every widget under them and
load Qt's style-sheet machinery. ``restyle`` applies them again when the zoom or the
desktop's palette changes, and ``set_flag`` when a flag does: ``bigText`` (the full-screen
player, read from the floor), ``paused`` (its countdown greys out), ``due`` (a cold or heat
timer that has run out) and ``calm`` (a break: see ``calm``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

BASE_POINT_SIZE = 13
"""The base size the type scale is written for: a 26 pt step name is twice the base size."""
SIDE_ON_LIGHT, SIDE_ON_DARK = "#1d6f65", "#6fd3c1"
"""The teal of side and rep labels: dark on a light window, light on a dark one (each at
least 4.5:1 against Qt's usual window colours)."""
DUE_RED = "#c62828"
NOTICE_CARD = ("#fff4ce", "#3b2f00")
"""A warning's pale yellow card and its dark text (over 11:1)."""
PAUSED_CARD = ("#fde68a", "#1a1a1a")
"""The paused sign's yellow and its near-black text (over 14:1)."""
CALM_WINDOW, CALM_TEXT, CALM_QUIET = "#173b43", "#eef4f3", "#b8d0d1"
"""A break's deep, calm teal and its light text (over 9:1) and quieter text (over 7:1)."""
CALM_CARD = ("#1f4a53", CALM_TEXT)
CALM_SIDE = "#8fe0cf"
CALM_BUTTON, CALM_BAR = CALM_CARD[0], "#7fc8b8"


@dataclass(frozen=True)
class Look:
    """``pt`` on the 13 pt scale (None: the size around it), ``big_pt`` in the full-screen
    player, bold or not, ``ink`` ("side", "quiet" or None: the window's text colour),
    ``card`` (background and text; in a break ``calm_card`` where given) with
    ``padding_px`` around the text, ``top_px`` of room above it, and whether it greys out
    (``greys_when_paused``) while the player is paused. A button's ``padding_px`` and
    ``big_padding_px`` (in the full-screen player) are the room above and below its text:
    a target for a stretched-out arm."""

    pt: float | None = None
    big_pt: float | None = None
    bold: bool = False
    ink: str | None = None
    card: tuple[str, str] | None = None
    calm_card: tuple[str, str] | None = None
    padding_px: int = 0
    top_px: int = 0
    greys_when_paused: bool = False
    big_padding_px: int = 0


LOOKS = {
    "countdown": Look(72, 110, bold=True, greys_when_paused=True),
    "timerLeft": Look(44, bold=True),
    "breakLeft": Look(26, bold=True),
    "stepName": Look(26, 40, bold=True),
    "instruction": Look(20, 32),
    "side": Look(18, 30, bold=True, ink="side"),
    "preview": Look(14, 24, ink="quiet"),
    "keys": Look(12, 18, ink="quiet"),
    "heading": Look(20, bold=True),
    "endHeading": Look(30, bold=True),
    "section": Look(15, bold=True, top_px=8),
    "tileFigure": Look(30, bold=True),
    "notice": Look(card=NOTICE_CARD, calm_card=CALM_CARD, padding_px=8),
    "pausedBanner": Look(26, 40, bold=True, card=PAUSED_CARD, padding_px=12),
    "primary": Look(13, 18, bold=True, padding_px=8, big_padding_px=14),
    "button": Look(13, 18, padding_px=8, big_padding_px=14),  # the player's, a break's
    "painScore": Look(20, bold=True),
}


QUIET_SHARE = 0.62
"""How much of the text colour (the rest: the window's) quiet text is: over 5:1 on Qt's usual
light and dark windows, where Qt's own placeholder colour is under 4.5:1."""


def quiet_ink(palette: QPalette) -> QColor:
    """The colour of quiet text (notes, key hints, sources) on ``palette``'s window."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return QColor.fromRgbF(*(QUIET_SHARE * t + (1 - QUIET_SHARE) * w for t, w in (
        (text.redF(), window.redF()), (text.greenF(), window.greenF()),
        (text.blueF(), window.blueF()))))


def dark(palette: QPalette) -> bool:
    """Whether ``palette``'s window is dark (light text on it)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def wear(widget: QWidget, name: str) -> None:
    """Give ``widget`` the look ``name`` (one of LOOKS), kept as its object name."""
    widget.setObjectName(name)
    _apply(widget)


def restyle() -> None:
    """Apply the looks again to every window (a new type size or palette)."""
    for window in QApplication.topLevelWidgets():
        for widget in _wearing(window):
            _apply(widget)


def set_flag(top: QWidget, name: str, on: bool) -> None:
    """Set the flag ``name`` (``bigText``, ``paused``, ``due``) on ``top`` and on what wears a
    look in it, and restyle them."""
    for widget in _wearing(top):
        widget.setProperty(name, on)
        _apply(widget)


def calm(window: QWidget) -> None:
    """Give a break's ``window`` and what it holds a break's look, whatever the desktop's
    theme: a deep, calm teal with light text and quiet buttons, so a break never looks like
    one more form to fill in."""
    role = QPalette.ColorRole
    palette = QPalette()
    for roles, colour in (((role.Window, role.Base, role.AlternateBase), CALM_WINDOW),
                          ((role.WindowText, role.Text, role.ButtonText, role.BrightText),
                           CALM_TEXT),
                          ((role.PlaceholderText,), CALM_QUIET), ((role.Button,), CALM_BUTTON),
                          ((role.Highlight,), CALM_BAR), ((role.HighlightedText,), CALM_WINDOW)):
        for each in roles:
            palette.setColor(each, QColor(colour))
    window.setPalette(palette)
    set_flag(window, "calm", True)


def _wearing(top: QWidget) -> Iterator[QWidget]:
    """``top`` and the widgets in it that wear a look: found by name, as asking for every
    widget, or for a widget's parents, would make a Python object for each of the hundreds
    inside Qt's own (most of a megabyte, kept)."""
    yield top
    for name in LOOKS:
        yield from top.findChildren(QWidget, name)


def _apply(widget: QWidget) -> None:
    look = LOOKS.get(widget.objectName())
    if look is None:
        return
    big = bool(widget.property("bigText"))
    if look.pt is not None:
        base_pt = QApplication.font().pointSizeF()
        pt = look.big_pt if look.big_pt is not None and big else look.pt
        font = QFont()
        font.setPointSizeF(pt * (base_pt if base_pt > 0 else BASE_POINT_SIZE) / BASE_POINT_SIZE)
        font.setBold(look.bold)
        widget.setFont(font)
    if isinstance(widget, QPushButton):
        if look.padding_px:
            pad = look.big_padding_px if big else look.padding_px
            widget.setMinimumHeight(widget.fontMetrics().height() + 2 * pad)
    elif look.padding_px or look.top_px:
        pad = look.padding_px
        widget.setContentsMargins(pad, pad + look.top_px, pad, pad)
    _colour(widget, look)


def _colour(widget: QWidget, look: Look) -> None:
    if not (look.ink or look.card or look.greys_when_paused
            or widget.property("due") is not None):
        return  # the colours around it, or its own (a pain score's)
    calm, paused = bool(widget.property("calm")), bool(widget.property("paused"))
    quiet = look.ink == "quiet" or (look.greys_when_paused and paused)
    # the quiet colour is a role of the palette around it: a break's, a dark desktop's
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText if quiet
                             else QPalette.ColorRole.WindowText)
    text = QPalette.ColorRole.WindowText
    palette = QPalette()  # only what is set here: the rest comes from the window around it
    card = (look.calm_card or look.card) if calm else look.card
    if card is not None:
        palette.setColor(QPalette.ColorRole.Window, QColor(card[0]))
        palette.setColor(text, QColor(card[1]))
    elif widget.property("due"):
        palette.setColor(text, QColor(DUE_RED))
    elif look.ink == "side":
        palette.setColor(text, QColor(CALM_SIDE if calm else SIDE_ON_DARK
                                      if dark(QApplication.palette()) else SIDE_ON_LIGHT))
    widget.setAutoFillBackground(card is not None)
    if palette.resolveMask() or widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
        widget.setPalette(palette)  # with nothing set, the window's colours again
