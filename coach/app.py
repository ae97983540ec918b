"""Builds the running app once: data folder, settings, history, routines, window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from coach.core.clock import Clock, SystemClock
from coach.core.history import HistoryStore, open_history
from coach.core.library import load_library
from coach.core.settings import SettingsStore
from coach.paths import DataPaths, shipped_dir
from coach.ui.main_window import MainWindow
from coach.ui.style import STYLE_SHEET, base_font


def build_window(paths: DataPaths, clock: Clock) -> MainWindow:
    """Open everything the window needs from ``paths``; problems become notices, not crashes.

    Needs a QApplication to exist.
    """
    notices: list[str] = []
    try:
        paths.create()
    except OSError as error:
        notices.append(f"The data folder {paths.root} cannot be created ({error.strerror}); "
                       "nothing from this run will be saved.")
    settings = SettingsStore(paths.settings, clock.now())
    store: HistoryStore
    store, history_problem = open_history(paths.history, clock.now())
    library = load_library(shipped_dir("routines"), paths.routines)
    notices += [p for p in (settings.load_problem, history_problem) if p]
    return MainWindow(library, store, settings, clock, notices)


def run_app(paths: DataPaths, routine_id: str | None = None) -> int:
    """Run the app until its window closes; with ``routine_id``, open straight into it.

    Returns the exit status.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Coach")
    app.setDesktopFileName("coach")
    app.setFont(base_font())
    app.setStyleSheet(STYLE_SHEET)
    window = build_window(paths, SystemClock())
    window.show()
    if routine_id is not None:
        window.start_routine(routine_id)
    status = app.exec()
    window.store.close()
    return status
