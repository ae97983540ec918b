"""The app icon: PNGs rendered from its SVG, every size given to the window and the tray."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from coach.paths import ICON_SIZES, icon_files

ROOT = Path(__file__).resolve().parents[2]


def test_the_pngs_are_the_svg_as_drawn_now(tmp_path: Path) -> None:
    copy = tmp_path / "assets" / "icons"
    copy.mkdir(parents=True)
    (copy / "coach.svg").write_bytes((ROOT / "assets" / "icons" / "coach.svg").read_bytes())
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "draw_icons.py").write_text(
        (ROOT / "tools" / "draw_icons.py").read_text())
    subprocess.run([sys.executable, str(tmp_path / "tools" / "draw_icons.py")], check=True,
                   env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}, timeout=60)
    for shipped in icon_files():
        drawn = QImage(str(copy / shipped.name))
        assert not drawn.isNull(), shipped.name
        assert largest_channel_difference(drawn, QImage(str(shipped))) <= 2, shipped.name


def largest_channel_difference(one: QImage, other: QImage) -> int:
    """The largest difference of any colour or alpha channel, 0-255, between two images of
    one size: Qt releases may round antialiased edges one level differently."""
    assert one.size() == other.size()
    rgba = QImage.Format.Format_RGBA8888_Premultiplied
    converted = [image.convertToFormat(rgba) for image in (one, other)]  # kept while read
    first, second = (bytes(image.constBits()) for image in converted)
    return max(abs(a - b) for a, b in zip(first, second, strict=True))


def test_the_window_has_the_icon_in_every_size(make_coach) -> None:
    sizes = make_coach().window.windowIcon().availableSizes()
    assert sizes == [QSize(size, size) for size in ICON_SIZES]
