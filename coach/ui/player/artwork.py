"""Illustrations drawn crisply at any size: an SVG split into a still layer and key poses,
inked in the palette's colour, and painted at the screen's device pixel ratio."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from coach.core.routines.illustration import PoseBlend

SVG_NS = "http://www.w3.org/2000/svg"
POSE_PREFIX = "pose-"
INK_WORD = "currentColor"


def _layer_bytes(root: ElementTree.Element, keep: str | None) -> bytes:
    """The SVG with only the still parts (``keep`` None) or only pose ``keep``."""
    layer = ElementTree.Element(root.tag, root.attrib)
    for child in root:
        ident = child.get("id", "")
        is_pose = ident.startswith(POSE_PREFIX)
        if (keep is None and not is_pose) or ident == keep or child.tag.endswith("defs"):
            layer.append(child)
    data: bytes = ElementTree.tostring(layer, encoding="utf-8")
    return data


def split_layers(root: ElementTree.Element) -> tuple[bytes, list[bytes]]:
    """The still layer and the pose layers (in pose order) of an illustration's SVG."""
    ElementTree.register_namespace("", SVG_NS)
    poses = sorted((c.get("id", "") for c in root if c.get("id", "").startswith(POSE_PREFIX)),
                   key=lambda ident: int(ident[len(POSE_PREFIX):]))
    return _layer_bytes(root, None), [_layer_bytes(root, pose) for pose in poses]


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
            text = path.read_text(encoding="utf-8").replace(INK_WORD, ink.name())
            root = ElementTree.fromstring(text)
        except (OSError, UnicodeDecodeError, ElementTree.ParseError):
            self.valid = False
            return
        still, poses = split_layers(root)
        self.layers = [QSvgRenderer(QByteArray(data)) for data in (still, *poses)]
        self.title = root.findtext(f"{{{SVG_NS}}}title", "").strip()
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
