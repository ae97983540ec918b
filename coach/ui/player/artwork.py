"""Illustrations drawn crisply at any size: an SVG split into a still layer and key poses,
inked in the palette's colour, and painted at the screen's device pixel ratio."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, QXmlStreamReader, QXmlStreamWriter
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from coach.core.routines.illustration import PoseBlend

POSE_PREFIX = "pose-"
STILL = ""
"""The layer of every part of a drawing that is not a pose (and of its definitions)."""
INK_WORD = "currentColor"
Token = QXmlStreamReader.TokenType


class BadDrawing(ValueError):
    """The SVG is not well-formed XML."""


def _layer_of(reader: QXmlStreamReader) -> str:
    """The layer a top-level element belongs to: its pose's id, or STILL."""
    ident = reader.attributes().value("id")
    return ident if ident.startswith(POSE_PREFIX) else STILL


def outline(svg: str) -> tuple[list[str], str]:
    """The pose ids of an illustration's SVG in pose order, and its title (what it shows)."""
    reader = QXmlStreamReader(svg)
    poses, title, depth = [], "", 0
    while (token := reader.readNext()) not in (Token.EndDocument, Token.Invalid):
        if token == Token.StartElement:
            depth += 1
            if depth == 2 and reader.name() == "title":
                title = reader.readElementText().strip()
                depth -= 1
            elif depth == 2 and (layer := _layer_of(reader)) != STILL:
                poses.append(layer)
        elif token == Token.EndElement:
            depth -= 1
    if reader.hasError():
        raise BadDrawing(reader.errorString())
    return sorted(poses, key=lambda ident: int(ident[len(POSE_PREFIX):])), title


def layer_svg(svg: str, keep: str) -> QByteArray:
    """The SVG with only the top-level elements of layer ``keep`` (STILL or a pose's id) and
    the definitions they may use."""
    reader = QXmlStreamReader(svg)
    data = QByteArray()
    writer = QXmlStreamWriter(data)
    depth, copying = 0, True
    while (token := reader.readNext()) not in (Token.EndDocument, Token.Invalid):
        if token == Token.StartElement:
            depth += 1
            if depth == 2:
                copying = reader.name() == "defs" or _layer_of(reader) == keep
        if copying:
            writer.writeCurrentToken(reader)
        if token == Token.EndElement:
            depth -= 1
            copying = copying or depth < 2
    if reader.hasError():
        raise BadDrawing(reader.errorString())
    return data


class Artwork:
    """One illustration file, inked with ``ink``. A PNG has one layer and no poses.

    ``valid`` is False when the file cannot be read or drawn.
    """

    def __init__(self, path: Path, ink: QColor) -> None:
        self.path = path
        self._images: dict[tuple[int, int, float], list[QImage]] = {}
        self._png: QImage | None = None
        self.layers: list[QSvgRenderer] = []
        self.title = ""
        """What the drawing shows, in words (its SVG title), for screen readers."""
        if path.suffix.lower() == ".png":
            self._png = QImage(str(path))
            self.valid = not self._png.isNull()
            return
        try:
            svg = path.read_text(encoding="utf-8").replace(INK_WORD, ink.name())
            poses, self.title = outline(svg)
            layers = [layer_svg(svg, layer) for layer in (STILL, *poses)]
        except (OSError, ValueError):  # unreadable, not UTF-8, not well-formed, a bad pose id
            self.valid = False
            return
        self.layers = [QSvgRenderer(data) for data in layers]
        self.valid = all(layer.isValid() for layer in self.layers)

    @property
    def poses(self) -> int:
        """How many key poses the drawing has (0: it never moves)."""
        return max(0, len(self.layers) - 1)

    def thumbnail(self, side: int, ratio: float) -> QImage:
        """The drawing in its first pose, ``side`` logical pixels square, for a list."""
        layers = self._render(side, ratio)
        image = layers[0].copy()
        if len(layers) > 1:
            painter = QPainter(image)
            painter.drawImage(0, 0, layers[1])
            painter.end()
        return image

    def release(self) -> None:
        """Drop the rendered pixels (they are made again when next painted)."""
        self._images = {}

    def paint(self, painter: QPainter, box: QRectF, blend: PoseBlend, mirrored: bool) -> None:
        """Draw into ``box`` (a square, in logical pixels), cross-fading between the two
        poses of ``blend``, mirrored left to right if asked."""
        images = self._rendered(int(box.width()), painter.device().devicePixelRatioF())
        painter.save()
        if mirrored:
            painter.translate(box.center().x() * 2, 0)
            painter.scale(-1, 1)
        if images:
            painter.drawImage(box.topLeft(), images[0])
            self._paint_poses(painter, box, images[1:], blend)
        painter.restore()

    def _paint_poses(self, painter: QPainter, box: QRectF, poses: list[QImage],
                     blend: PoseBlend) -> None:
        if not poses:
            return
        first = poses[min(blend.from_pose, len(poses) - 1)]
        second = poses[min(blend.to_pose, len(poses) - 1)]
        painter.setOpacity(1.0 - blend.mix)
        painter.drawImage(box.topLeft(), first)
        if blend.mix > 0 and second is not first:
            painter.setOpacity(blend.mix)
            painter.drawImage(box.topLeft(), second)

    def _rendered(self, side: int, ratio: float) -> list[QImage]:
        key = (side, side, ratio)
        if key not in self._images:
            self._images = {key: self._render(side, ratio)}  # keep only the current size
        return self._images[key]

    def _render(self, side: int, ratio: float) -> list[QImage]:
        pixels = QSize(max(1, round(side * ratio)), max(1, round(side * ratio)))
        if self._png is not None:
            image = self._png.scaled(pixels)
            image.setDevicePixelRatio(ratio)
            return [image]
        images = []
        for layer in self.layers:
            image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            layer.render(painter, QRectF(0, 0, pixels.width(), pixels.height()))
            painter.end()
            image.setDevicePixelRatio(ratio)
            images.append(image)
        return images


@lru_cache(maxsize=64)
def artwork(path: Path, ink_rgb: int) -> Artwork:
    """The artwork for ``path`` inked in the colour ``ink_rgb`` (0xRRGGBB), loaded once."""
    return Artwork(path, QColor.fromRgb(ink_rgb))
