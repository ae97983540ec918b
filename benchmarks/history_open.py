"""How long the History window takes to open and draw each chart, for 1k, 10k and 100k rows.

Fills a fresh history with rows of every kind spread over the ten years before today (about
the use of ten heavy years at 100k), then, offscreen, times: building and showing the window
with its first timeline page, each chart range (30 days, 90 days, a year), searching the
timeline, and the clinician report for 90 days. Prints a table; asserts nothing.

    python benchmarks/history_open.py [--rows 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.core.clock import SystemClock  # noqa: E402
from coach.core.history.report import build_report  # noqa: E402
from coach.core.history.store import HistoryStore, to_text  # noqa: E402
from coach.core.history.symptoms import AREAS  # noqa: E402

TITLES = ("Tennis-ball rhomboid release", "Desk posture reset", "Breathe through a spasm",
          "Light upper-back stretches", "Gentle upper-body movements")
BREAK_OUTCOMES = ("taken", "natural", "snoozed", "skipped", "postponed (do not disturb)")


def fill(store: HistoryStore, rows: int, now: datetime, seed: int = 1) -> None:
    """Add ``rows`` entries: 30 % routine sessions, 10 % cold/heat, 45 % breaks and 15 %
    symptom entries, at random times over the ten years before ``now``."""
    chance = random.Random(seed)
    span_s = 10 * 365 * 86400

    def when() -> str:
        return to_text(now - timedelta(seconds=chance.randrange(span_s)))

    db = store.connection
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO routine_sessions (routine_id, routine_title, started_at, duration_s,"
        " steps_completed, steps_total, completed) VALUES ('r', ?, ?, ?, 4, 4, 1)",
        [(chance.choice(TITLES), when(), chance.uniform(60, 600)) for _ in range(rows * 3 // 10)])
    db.executemany(
        "INSERT INTO therapy_sessions (kind, method, area, plan_s, planned_s, started_at, state,"
        " ended_at, actual_s, outcome, overdue_s, rest_gap_respected) VALUES"
        " (?, 'pack', 'upper back', 900, 900, ?, 'ended', ?, 900, 'completed', 0, 1)",
        [(chance.choice(("cold", "heat")), t, t) for t in (when() for _ in range(rows // 10))])
    db.executemany(
        "INSERT INTO break_events (kind, at, outcome) VALUES (?, ?, ?)",
        [(chance.choice(("micro-break", "rest break")), when(), chance.choice(BREAK_OUTCOMES))
         for _ in range(rows * 45 // 100)])
    db.executemany(
        "INSERT INTO symptoms (at, pain, area, spasm, note) VALUES (?, ?, ?, ?, ?)",
        [(when(), chance.randint(0, 10), chance.choice(AREAS), chance.random() < 0.3,
          chance.choice(("", "stiff after sitting", "better after heat")))
         for _ in range(rows - rows * 3 // 10 - rows // 10 - rows * 45 // 100)])
    db.execute("COMMIT")


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def measure(rows: int, folder: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from coach.ui.history.feed import HistoryFeed
    from coach.ui.history.window import HistoryWindow

    app = QApplication.instance() or QApplication([])
    store = HistoryStore(folder / f"history-{rows}.sqlite3")
    clock = SystemClock()
    fill(store, rows, clock.now())
    figures: dict[str, float] = {}
    holder: list[HistoryWindow] = []

    def open_window() -> None:
        holder.append(HistoryWindow(store, HistoryFeed(store), clock))
        holder[0].show_tab("timeline")
        app.processEvents()

    figures["open + timeline"] = timed(open_window)
    window = holder[0]
    for index, label in enumerate(("charts 30 d", "charts 90 d", "charts 1 y")):
        def draw(i: int = index) -> None:
            window.show_tab("charts")
            window.charts.range.setCurrentIndex(i)
            window.charts.refresh()
            app.processEvents()
        figures[label] = timed(draw)
    view = window.timeline_view

    def search() -> None:
        view.search.setText("heat")
        view.apply_filter()
    figures["search"] = timed(search)
    figures["report 90 d"] = timed(lambda: build_report(store, date.today(), 90))
    window.close()
    store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    started = time.perf_counter()
    import pyqtgraph  # noqa: F401  (loaded once, as the first History window would)
    print(f"pyqtgraph import: {(time.perf_counter() - started) * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        results = {rows: measure(rows, Path(folder)) for rows in args.rows}
    names = list(next(iter(results.values())))
    print(f"{datetime.now(UTC):%Y-%m-%d}, {platform.machine()}, {os.cpu_count()} cores, "
          "offscreen; milliseconds")
    print(f"{'rows':>8}  " + "  ".join(f"{name:>15}" for name in names))
    for rows, figures in results.items():
        print(f"{rows:>8}  " + "  ".join(f"{figures[name]:>15.0f}" for name in names))


if __name__ == "__main__":
    main()
