"""Render the small drawings the routine library shows beside each shipped routine (the
drawing of its first step) as PNGs in assets/illustrations/thumbnails/, inked for light and
for dark windows. Run ``python3 tools/draw_thumbnails.py`` after changing a drawing or a
routine's first step. PNGs keep QtSvg out of every start-up (its drawings load with the
player).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.core.routines.library import load_library  # noqa: E402
from coach.ui.player.artwork import Artwork  # noqa: E402
from coach.ui.routines.thumbnails import INKS, THUMBNAIL_PX, THUMBNAIL_RATIO, thumbnail_file  # noqa: E402


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    drawings = ROOT / "assets" / "illustrations"
    names = sorted({r.steps[0].illustration for r in load_library(ROOT / "routines").routines
                    if r.steps[0].illustration})
    for name in names:
        for background, ink in INKS.items():
            image = Artwork(drawings / name, QColor(ink)).thumbnail(THUMBNAIL_PX,
                                                                    THUMBNAIL_RATIO)
            target = thumbnail_file(drawings, name, background)
            target.parent.mkdir(exist_ok=True)
            image.save(str(target))
    print(f"wrote {len(names) * len(INKS)} thumbnails")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
