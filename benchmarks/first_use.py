"""How long Coach takes to show what it loads only on first use, on a real window: the first
frame of the player after Enter is pressed in the routine list, and the first frame of the
break window after a break is due: a break asked for with ``coach break now`` (nothing is
loaded ahead), and a micro-break due after its notice (ten seconds of notice, as the
reminders give, cut to two here; the break window is made while the notice shows).

Run on an X display with a window manager (Xvfb with openbox will do), with ``xdotool``. Each
run is a fresh Coach on a fresh data folder, so the player's and the break window's code
load as they would the first time in a day. The clock starts when Coach receives the Enter
key (a real key press, sent with xdotool), or when the break is due (``coach break now``,
sent over the command line, reaches the break reminders; or the reminders are told the
micro-break is due, as their check would); it stops when the first frame of the player or
the break window has been painted and handed to the display. Prints the
median and the slowest of the runs, in milliseconds; asserts nothing.

    python benchmarks/first_use.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WHATS = ("player", "break now", "micro-break after its notice")
NOTICE_S = 2.0
SETTLE_MS = 1500
"""Coach has shown its window and settled before the key is pressed or the break asked for."""


def probe(what: str, data: Path) -> None:
    """Runs in the measured process: Coach, with its main window, its routine list and the
    player or break window watched (not every event of the app, which would slow Coach
    down), printing ``shown after <ms> ms`` and quitting."""
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from coach.cli import main as coach
    from coach.core.breaks.scheduler import BreakDue, BreakKind, BreakSoon
    from coach.ui.breaks.controller import BreakController
    from coach.ui.main_window import MainWindow

    begun: list[float] = []
    controllers: list[BreakController] = []
    windows: list[MainWindow] = []

    class Watch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.asked = False
            self.shown_in: QObject | None = None  # the player or break window, once made

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's)
            kind = event.type()
            if kind == QEvent.Type.Paint and watched is windows[0] and not self.asked:
                self.asked = True
                QTimer.singleShot(SETTLE_MS, ask)
            elif (kind == QEvent.Type.KeyPress and what == "player" and not begun
                  and isinstance(event, QKeyEvent)
                  and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
                begun.append(time.perf_counter())
            elif kind == QEvent.Type.Paint and watched is self.shown_in:
                self.shown_in = None  # stamped once the paint and the flush after it are over
                QTimer.singleShot(0, shown)
            return False

    watch = Watch()

    def watching(cls: Any, name: str, after: Any) -> None:
        """Run ``after(self)`` once ``cls.name`` has run."""
        real = getattr(cls, name)

        def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = real(self, *args, **kwargs)
            after(self)
            return result

        setattr(cls, name, wrapped)

    def window_made(window: MainWindow) -> None:
        windows.append(window)
        window.installEventFilter(watch)
        window.library_view.list.installEventFilter(watch)  # the Enter key

    def show_watched(widget: QObject | None) -> None:
        assert widget is not None, "the player or break window was made"
        watch.shown_in = widget
        widget.installEventFilter(watch)

    def player_made(window: MainWindow) -> None:
        show_watched(window.player_view)

    watching(MainWindow, "__init__", window_made)
    watching(MainWindow, "_start_player", player_made)
    watching(BreakController, "__init__", controllers.append)
    real_open = BreakController._open_break

    def opening(self: BreakController, kind: BreakKind) -> None:
        begun.append(time.perf_counter())  # the break is due: its window is opened now
        real_open(self, kind)
        show_watched(self.window)

    BreakController._open_break = opening  # type: ignore[method-assign]

    def ask() -> None:
        if what == "player":
            subprocess.run(["xdotool", "key", "Return"], check=True)
        elif what == "break now":
            subprocess.Popen([sys.executable, "-m", "coach", "--data-dir", str(data), "break",
                              "now"])
        else:
            controllers[0]._act(BreakSoon(BreakKind.MICRO, NOTICE_S))
            QTimer.singleShot(round(NOTICE_S * 1000),
                              lambda: controllers[0]._act(BreakDue(BreakKind.MICRO)))

    def shown() -> None:
        print(f"shown after {(time.perf_counter() - begun[0]) * 1000:.1f} ms", flush=True)
        QApplication.exit(0)  # at once: quit() would ask the windows, which stay for reminders

    app = QApplication(sys.argv[:1])
    coach(["--data-dir", str(data)])
    del app


def one_run(what: str, env: dict[str, str], limit_s: float = 60.0) -> float:
    """Milliseconds to the first frame of ``what`` in a fresh Coach."""
    data = Path(tempfile.mkdtemp(prefix="coach-first-use-"))
    (data / "settings.json").write_text(json.dumps({
        "disclaimer_seen": True, "ask_pain_around_routines": False, "muted": False}))
    result = subprocess.run([sys.executable, __file__, "--probe", what, str(data)], env=env,
                            capture_output=True, text=True, timeout=limit_s)
    for line in result.stdout.splitlines():
        if line.startswith("shown after "):
            return float(line.split()[2])
    raise RuntimeError(f"no {what} frame seen: {result.stderr.strip()[-500:]}")


def measure(env: dict[str, str], runs: int) -> dict[str, float]:
    """Median and slowest milliseconds for each of WHATS."""
    figures = {}
    for what in WHATS:
        times = [one_run(what, env) for _ in range(runs)]
        figures[f"first {what} ms"] = statistics.median(times)
        figures[f"first {what} max ms"] = max(times)
    return figures


def main() -> None:
    if sys.argv[1:2] == ["--probe"]:
        probe(sys.argv[2], Path(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = measure({**os.environ, "QT_QPA_PLATFORM": "xcb"}, args.runs)
    if args.json:
        print(json.dumps(figures))
        return
    for what in WHATS:
        print(f"first {what} frame: median {figures[f'first {what} ms']:.0f} ms, slowest "
              f"{figures[f'first {what} max ms']:.0f} ms of {args.runs} runs")


if __name__ == "__main__":
    main()
