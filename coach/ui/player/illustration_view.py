"""The player's illustration: the current step's drawing on a card, mirrored for the other
side and moving through its key poses in time with the step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from coach.core.i18n import _
from coach.core.player.session import GuidedSession
from coach.core.routines.illustration import (
    Frame,
    Motion,
    frame_at,
    illustration_path,
    load_motions,
)
from coach.paths import asset
from coach.ui.player.artwork import Artwork, artwork
from coach.ui.ticker import Ticker

FRAME_MS = 40
"""How often a moving drawing is redrawn (25 frames a second); the pose itself comes from
the player's clock, never from counting frames."""
MARGIN = 10


def shipped_illustrations() -> Path:
    return asset("illustrations")


def shipped_motions() -> dict[str, Motion]:
    """The motions of the shipped drawings; none when the file is missing or damaged."""
    try:
        return load_motions(shipped_illustrations() / "motions.toml")
    except (OSError, ValueError, KeyError, TypeError):
        return {}


class IllustrationView(QWidget):
    """Shows what ``session`` is playing now. ``frame`` is the frame last shown (None: the
    step has no drawing, and the view is blank)."""

    def __init__(self, session: GuidedSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.motions = shipped_motions()
        self.frame: Frame | None = None
        self._shown: Artwork | None = None
        self.setMinimumSize(160, 160)
        self.setAccessibleName(_("Drawing of the step"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._ticker = Ticker(self.refresh, self, FRAME_MS)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(280, 280)

    def start(self) -> None:
        self._ticker.start()

    def stop(self) -> None:
        self._ticker.stop()

    def current_frame(self) -> Frame | None:
        """The frame for the player's segment at the session clock's time."""
        player = self.session.player
        segment = player.current
        elapsed = segment.duration_s - player.remaining_s(self.session.now())
        return frame_at(self.session.routine, segment, elapsed, self.motions)

    def refresh(self) -> None:
        frame = self.current_frame()
        if frame != self.frame:
            drawing_changed = (frame is None) != (self.frame is None) or (
                frame is not None and self.frame is not None and frame.name != self.frame.name)
            self.frame = frame
            self.update()
            if drawing_changed:  # what it shows, for screen readers (not at each pose)
                art = self.artwork()
                self.setAccessibleDescription(_(art.title) if art is not None else "")

    def artwork(self) -> Artwork | None:
        """The drawing of the current frame inked for this palette, or None."""
        if self.frame is None:
            return None
        path = illustration_path(self.session.routine, self.frame.name,
                                 shipped_illustrations())
        if path is None:
            return None
        art = artwork(path, self.palette().color(QPalette.ColorRole.Text).rgb() & 0xFFFFFF)
        if self._shown is not None and self._shown is not art:
            self._shown.release()  # only the drawing on show keeps its pixels
        self._shown = art
        return art if art.valid else None

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        """A drawing no longer on show keeps no pixels (they are drawn again if it shows)."""
        if self._shown is not None:
            self._shown.release()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        art = self.artwork()
        if art is None or self.frame is None:
            return
        side = min(self.width(), self.height())
        card = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card.adjusted(1, 1, -1, -1), 12, 12)
        art.paint(painter, card.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN), self.frame.blend,
                  self.frame.mirrored)
        painter.end()
