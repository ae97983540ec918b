"""Builds the running app once: data folder, settings, history, routines, window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from coach.core.clock import Clock, SystemClock
from coach.core.history import HistoryStore, open_history
from coach.core.library import load_library
from coach.core.settings import SettingsStore
from coach.paths import DataPaths, shipped_dir
from coach.platform.idle import IdleSource, find_idle_source
from coach.platform.quiet import QuietSource, find_quiet_source
from coach.ui.instance import InstanceServer
from coach.ui.main_window import MainWindow
from coach.ui.style import STYLE_SHEET, base_font


def build_window(paths: DataPaths, clock: Clock, idle: IdleSource | None = None,
                 quiet: QuietSource | None = None) -> MainWindow:
    """Open everything the window needs from ``paths``; problems become notices, not crashes.
    ``idle`` reports input idle time for the break reminders (None: count all time as active)
    and ``quiet`` whether a fullscreen window holds breaks back (None: never).

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
    return MainWindow(library, store, settings, clock, notices, idle, quiet)


def run_app(paths: DataPaths, command: Sequence[str] = ()) -> int:
    """Run the app until it quits, then return the exit status.

    ``command`` is what to do once open (see ``MainWindow.handle_command``).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Coach")
    app.setDesktopFileName("coach")
    app.setFont(base_font())
    app.setStyleSheet(STYLE_SHEET)
    app.setQuitOnLastWindowClosed(False)  # the tray and alerts outlive a hidden window
    window = build_window(paths, SystemClock(), find_idle_source(), find_quiet_source())
    server = InstanceServer(paths, window)
    server.command.connect(window.handle_command)
    window.closed.connect(app.quit)
    window.show()
    window.handle_command(command)
    status = app.exec()
    window.store.close()
    return status
