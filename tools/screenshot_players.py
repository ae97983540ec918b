"""Screenshot the player on each shipped routine's first step, as a person would see it.

Run on a real display (for example Xvfb) with the xcb platform:

    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python tools/screenshot_players.py OUT_DIR [--full-screen]
        [--dark] [--at SECONDS]

Each routine plays on a fake clock in a throwaway data folder; the shot is taken SECONDS into
its first step (default 1.5) and saved as OUT_DIR/ROUTINE_ID.png. With --full-screen on a
display without a window manager, the script sizes the window to the screen itself.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.app import build_shell  # noqa: E402
from coach.core.clock import FakeClock  # noqa: E402
from coach.core.routines.library import load_library  # noqa: E402
from coach.core.settings import Settings, save_settings  # noqa: E402
from coach.paths import DataPaths, shipped_dir  # noqa: E402
from coach.ui.style import base_font  # noqa: E402


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#2b2c30"), (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.Button, "#303134"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed"),
                         (QPalette.ColorRole.Mid, "#5f6368"),
                         (QPalette.ColorRole.PlaceholderText, "#9aa0a6")):
        palette.setColor(role, QColor(colour))
    return palette


def shoot(app: QApplication, routine_id: str, out: Path, args: argparse.Namespace) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder))
        save_settings(paths.settings, Settings(disclaimer_seen=True, muted=True,
                                               ask_pain_around_routines=False))
        clock = FakeClock()
        coach = build_shell(paths, clock)
        window = coach.window
        window.show()
        window.start_routine(routine_id)
        view = window.player_view
        assert view is not None
        view.skip()  # past the get-ready countdown, onto the first step
        steps = max(1, math.ceil(args.at))  # a second at a time, as the ticker sees it
        for _ in range(steps):
            clock.advance(args.at / steps)
            view.tick()
        if args.full_screen:
            view.toggle_full_screen()
            # a bare X server has no window manager to carry out full screen: size it here
            window.setGeometry(QGuiApplication.primaryScreen().geometry())
        for _ in range(20):
            app.processEvents()
            view.ticker._timer.timeout.emit()
        app.processEvents()
        target = out / f"{routine_id}.png"
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(target))
        coach.shut_down()
        coach.store.close()
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--full-screen", action="store_true")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--at", type=float, default=1.5, help="seconds into the first step")
    parser.add_argument("--routine", action="append", help="only these routine ids")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setFont(base_font())
    if args.dark:
        app.setPalette(dark_palette())
    args.out.mkdir(parents=True, exist_ok=True)
    ids = args.routine or [r.id for r in load_library(shipped_dir("routines")).routines]
    for routine_id in ids:
        print(shoot(app, routine_id, args.out, args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
