"""The small drawing beside each routine in the library: the drawing of its first step. For
shipped routines it is a PNG made by tools/draw_thumbnails.py (no SVG renderer needed at
start-up); a routine of the user's own is drawn from its SVG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QWidget

from coach.core.routines.illustration import illustration_path
from coach.core.routines.routine import Routine
from coach.ui.looks import dark

THUMBNAIL_PX = 44
THUMBNAIL_RATIO = 2.0
"""Thumbnails are drawn at twice their size, sharp on high-resolution screens."""
INKS = {"light": "#202020", "dark": "#e8eaed"}
"""The figure's ink on a light and on a dark window."""


def thumbnail_file(drawings: Path, name: str, background: str) -> Path:
    return drawings / "thumbnails" / f"{Path(name).stem}-on-{background}.png"


def thumbnail(routine: Routine, drawings: Path, widget: QWidget) -> QIcon:
    """``routine``'s thumbnail for ``widget``'s palette; an empty icon where the routine has
    no drawing that can be shown."""
    name = routine.steps[0].illustration
    if not name:
        return QIcon()
    background = "dark" if dark(widget.palette()) else "light"
    made = thumbnail_file(drawings, name, background)
    image = QImage(str(made)) if routine.shipped and made.is_file() else _drawn(
        routine, name, drawings, INKS[background], widget.devicePixelRatioF())
    if image.isNull():
        return QIcon()
    image.setDevicePixelRatio(image.width() / THUMBNAIL_PX)
    return QIcon(QPixmap.fromImage(image))


def _drawn(routine: Routine, name: str, drawings: Path, ink: str, ratio: float) -> QImage:
    from PySide6.QtGui import QColor

    from coach.ui.player.artwork import artwork  # loads the SVG renderer

    path = illustration_path(routine, name, drawings)
    if path is None:
        return QImage()
    art = artwork(path, QColor(ink).rgb() & 0xFFFFFF)
    return art.thumbnail(THUMBNAIL_PX, ratio) if art.valid else QImage()
