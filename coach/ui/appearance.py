"""How big Coach's text is and which colours it wears: the desktop's own type size, larger
for reading at a distance, times the zoom the user chose; the looks of its text (see
coach.ui.looks) in that size and the desktop's light or dark palette. Both are applied again
when the desktop changes its font or palette while Coach runs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from coach.core.settings import ZOOM_STEPS
from coach.ui.looks import BASE_POINT_SIZE, quiet_ink, restyle
from coach.ui.style import base_font

READING_SCALE = 1.3
"""Coach's base text against the desktop's: 13 pt where the desktop uses 10 pt."""
FALLBACK_DESKTOP_PT = BASE_POINT_SIZE / READING_SCALE


class Appearance(QObject):
    """Applies the type size and looks to ``app`` at ``zoom`` percent (one of
    ZOOM_STEPS), and again whenever the desktop's palette or font changes."""

    def __init__(self, app: QApplication, zoom: int = 100) -> None:
        super().__init__(app)
        self.app = app
        self.zoom = zoom if zoom in ZOOM_STEPS else 100
        self._applying = False
        # A hidden widget hears of a new palette as every widget does; a filter on the
        # application itself would run Python for every event in Coach, and build a Python
        # type for each kind of event (some megabytes).
        self._listener = QWidget()
        self._listener.installEventFilter(self)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())
        self.apply()

    @property
    def desktop_pt(self) -> float:
        """The desktop's type size in points (as its theme tells Qt)."""
        size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
        return size if size > 0 else FALLBACK_DESKTOP_PT

    @property
    def base_pt(self) -> float:
        """Coach's base type size in points, zoom included."""
        return self.desktop_pt * READING_SCALE * self.zoom / 100

    def apply(self) -> None:
        self._applying = True  # setting them raises the events that call this
        try:
            self.app.setFont(base_font(self.base_pt))
            palette = QPalette(self.app.palette())  # the desktop's, quiet text readable
            palette.setColor(QPalette.ColorRole.PlaceholderText, quiet_ink(palette))
            self.app.setPalette(palette)
            restyle()  # every look's size and colours, for the new size or palette
        finally:
            self._applying = False

    def step(self, by: int) -> int:
        """Zoom one step in (1), out (-1) or back to 100 % (0); returns the zoom now."""
        index = ZOOM_STEPS.index(self.zoom)
        self.zoom = (100 if by == 0 else
                     ZOOM_STEPS[min(len(ZOOM_STEPS) - 1, max(0, index + by))])
        self.apply()
        return self.zoom

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (watched is self._listener and not self._applying
                and event.type() == QEvent.Type.ApplicationPaletteChange):
            self.apply()  # light or dark, or a new theme font: Coach follows
        return False
