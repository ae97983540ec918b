"""Screenshot every main screen of Coach as a person would meet it, at a window size given.

Run on a real display (for example Xvfb with a window manager) with the xcb platform:

    Xvfb :99 -screen 0 1600x1000x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python tools/screenshot_screens.py OUT_DIR [--size WxH] \
        [--language de] [--zoom 200]

Coach runs on a fake clock in a throwaway data folder that gets a week of use: routines with
pain scores before and after, cold and heat packs (one left on too long) and breaks. Without
--size the window keeps its minimum size; --language and --zoom are Settings' language and
text size. Saves OUT_DIR/NAME.png for the library, the pain
question, a step, the step in full screen, the end screen, the cold/heat tab with timers
running, a break, the history timeline and charts, and the report's first page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.app import build_shell  # noqa: E402
from coach.core.clock import FakeClock  # noqa: E402
from coach.core.i18n import LANGUAGES  # noqa: E402
from coach.core.settings import (  # noqa: E402
    ZOOM_STEPS,  # noqa: E402
    Settings,
    save_settings,
)
from coach.core.therapy.timer import TherapyKind, plan_application  # noqa: E402
from coach.paths import DataPaths  # noqa: E402
from coach.ui.appearance import Appearance  # noqa: E402
from coach.ui.shell import Shell  # noqa: E402

ROUTINE = "desk-posture-reset"


def settle(app: QApplication, rounds: int = 10) -> None:
    for _ in range(rounds):
        app.processEvents()


def press(app: QApplication, key: str | Qt.Key) -> None:
    """A key pressed where the keyboard is (the pain scale takes number keys)."""
    target = app.focusWidget()
    assert target is not None
    QTest.keyClick(target, key)
    QTest.qWait(1500)  # the answer shows for a moment


def save(widget: QWidget, out: Path, name: str) -> None:
    """The widget's window as it is on screen (its own pixels, frame excluded)."""
    widget.window().grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def play_with_pain(app: QApplication, coach: Shell, clock: FakeClock, before: str,
                   after: str, out: Path | None = None) -> None:
    """Play ROUTINE through, answering the pain questions with keys ``before``/``after``;
    with ``out``, screenshots on the way."""
    window = coach.window
    window.start_routine(ROUTINE)
    settle(app)
    if out is not None:
        save(window, out, "pain-question")
    press(app, before)
    view = window.player_view
    assert view is not None
    view.skip()  # past getting ready
    clock.advance(4)
    view.tick()
    settle(app)
    if out is not None:
        save(window, out, "player")
        view.toggle_full_screen()
        window.setGeometry(QGuiApplication.primaryScreen().geometry())
        settle(app, 30)
        save(window, out, "player-full-screen")
        view.toggle_pause()
        settle(app, 30)
        save(window, out, "player-full-screen-paused")
        view.toggle_pause()
        view.toggle_full_screen()
        settle(app, 30)
    while view.session.player.is_active:
        clock.advance(1)
        view.tick()
    settle(app)
    press(app, after)
    if out is not None:
        save(window, out, "end-screen")


def a_week_of_use(app: QApplication, coach: Shell, clock: FakeClock) -> None:
    for day, (before, after) in enumerate((("7", "5"), ("6", "4"), ("6", "3"))):
        play_with_pain(app, coach, clock, before, after)
        press(app, Qt.Key.Key_Return)  # back to the routines
        timer = coach.desk.start(plan_application(
            TherapyKind.COLD if day % 2 else TherapyKind.HEAT, 15, "neck", None),
            despite_rest_gap=True)
        clock.advance((37 if day == 1 else 15) * 60)
        coach.desk.update()
        coach.desk.confirm_off(timer)
        clock.advance(timedelta(days=1).total_seconds() - 40 * 60)
        coach.desk.update()


def report_page(coach: Shell, out: Path) -> None:
    from coach.ui.history.report_dialog import ReportDialog

    dialog = ReportDialog(coach.store, coach.clock.now().date(), coach.window)
    path = out / "report.pdf"
    dialog.save(path)
    print(path, "(the report as saved: pdftoppm -png turns its pages into pictures)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", help="window size as WxH (default: its minimum)")
    parser.add_argument("--language", default="en", choices=sorted(LANGUAGES))
    parser.add_argument("--zoom", type=int, default=100, choices=ZOOM_STEPS,
                        help="text size in percent")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    appearance = Appearance(app)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder))
        save_settings(paths.settings, Settings(disclaimer_seen=True, muted=True,
                                               ask_pain_around_routines=True,
                                               language=args.language,
                                               zoom_percent=args.zoom))
        clock = FakeClock(datetime(2026, 12, 1, 8, 30, tzinfo=UTC))
        coach = build_shell(paths, clock)
        coach.use_appearance(appearance)
        window = coach.window
        window.show()
        if args.size:
            width, height = (int(n) for n in args.size.split("x"))
            window.resize(width, height)
        else:
            window.resize(window.minimumSize())  # as small as a user can make it
        settle(app)
        save(window, args.out, "library")
        a_week_of_use(app, coach, clock)
        play_with_pain(app, coach, clock, "6", "3", args.out)
        press(app, Qt.Key.Key_Return)
        tab = window.show_therapy()
        tab.start(TherapyKind.COLD, 15, "neck", "ice pack")
        clock.advance(90)
        coach.alarms.refresh()
        settle(app)
        save(window, args.out, "cold-and-heat")
        clock.advance(15 * 60)
        coach.alarms.refresh()
        settle(app)
        save(window, args.out, "cold-and-heat-time-up")
        for timer in list(coach.desk.timers):
            coach.desk.confirm_off(timer)
        coach.alarms.refresh()
        settle(app)
        coach.take_break_now()
        settle(app, 30)
        if coach.breaks.window is not None:
            coach.breaks.window.player.skip()
            clock.advance(3)
            coach.breaks.window.player.tick()
            settle(app, 30)
            screen = QGuiApplication.primaryScreen().grabWindow(0)
            screen.save(str(args.out / "break.png"))
            print(args.out / "break.png")
            coach.breaks.let_go()
        settle(app)
        history = coach.open_history()
        if args.size:
            history.resize(width, height)
        settle(app, 20)
        save(history, args.out, "timeline")
        history.show_tab("charts")
        settle(app, 40)
        save(history, args.out, "charts")
        report_page(coach, args.out)
        coach.shut_down()
        coach.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
