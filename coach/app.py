"""Builds the running app once: data folder, settings, history, routines, window.

Qt and the window's modules are imported only inside the functions below, once the data folder
is claimed, so the data and platform modules load before PySide6: PySide6 reads the source of
every module imported after it, which costs start-up time and memory for modules that never
use Qt.
"""

from __future__ import annotations

import linecache
import sys
import time
from typing import TYPE_CHECKING

from coach.core import inbox
from coach.core.clock import Clock, SystemClock
from coach.core.commands import Command
from coach.core.history.store import HistoryStore, open_history
from coach.core.routines.library import load_library
from coach.core.settings import SettingsStore
from coach.core.writer_lock import WriterLock
from coach.paths import DataPaths, asset, shipped_dir
from coach.platform.idle import IdleSource, find_idle_source
from coach.platform.quiet import QuietSource, find_quiet_source

if TYPE_CHECKING:
    from coach.ui.shell import Shell

HAND_OVER_WAIT_S = 5.0
"""How long a start waits for the Coach holding the data folder to take its command."""
HAND_OVER_POLL_S = 0.05


def build_shell(paths: DataPaths, clock: Clock, idle: IdleSource | None = None,
                quiet: QuietSource | None = None) -> Shell:
    """Open everything the app needs from ``paths``; problems become notices, not crashes.
    ``idle`` reports input idle time for the break reminders (None: count all time as active)
    and ``quiet`` whether a fullscreen window holds breaks back (None: never).

    Needs a QApplication to exist.
    """
    notices: list[str] = []
    try:
        paths.create()
    except OSError as error:
        notices.append(f"The data folder {paths.root} cannot be made or written "
                       f"({error.strerror}); nothing from this run will be saved.")
    settings = SettingsStore(paths.settings, clock.now())
    store: HistoryStore
    store, history_problem = open_history(paths.history, clock.now())
    library = load_library(shipped_dir("routines"), paths.routines, asset("illustrations"))
    notices += [p for p in (settings.load_problem, history_problem) if p]
    from coach.ui.shell import Shell

    linecache.clearcache()  # PySide6 keeps the source text of every module it checked
    return Shell(library, store, settings, clock, notices, idle, quiet)


def run_app(paths: DataPaths, command: Command) -> int:
    """Run the app until it quits, then return the exit status.

    ``command`` is what to do once open. Only one Coach
    writes a data folder's history: while another holds it, the command goes to that one.
    """
    lock = WriterLock(paths.lock)
    refused = claim_data_folder(paths, lock, command)
    if refused is not None:
        return refused
    try:
        return _run_window(paths, command)
    finally:
        lock.release()


def claim_data_folder(paths: DataPaths, lock: WriterLock, command: Command,
                      wait_s: float = HAND_OVER_WAIT_S) -> int | None:
    """Take the data folder's writer lock; None once held (or when the folder cannot be
    written at all, so there is nothing to guard). While another Coach holds it, hand
    ``command`` over through the folder's inbox, waiting ``wait_s`` seconds for it to be
    taken, as that one may still be starting; returns the exit status: 0 when handed over,
    1 (with a message on stderr) if not.
    """
    try:
        paths.create()
        held = lock.acquire()
    except OSError:
        return None
    if held:
        inbox.clear(paths.inbox, time.time_ns(), waiting_s=HAND_OVER_WAIT_S + 1)
        return None
    try:
        letter = inbox.post(paths.inbox, command.to_argv())
    except OSError as error:
        print(f"coach: another Coach is using {paths.root}, and the command could not be "
              f"left for it in {paths.inbox} ({error.strerror})", file=sys.stderr)
        return 1
    try:
        return _wait_for_hand_over(paths, lock, letter, wait_s)
    except BaseException:  # Ctrl+C, say: the command must not run later
        letter.withdraw()
        raise


def _wait_for_hand_over(paths: DataPaths, lock: WriterLock, letter: inbox.Letter,
                        wait_s: float) -> int | None:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if letter.taken():
            return 0
        if lock.acquire():  # the other one has just quit
            if letter.withdraw():
                return None  # this one runs the command
            lock.release()  # the other one took it as it quit
            return 0
        time.sleep(HAND_OVER_POLL_S)
    if not letter.withdraw():  # taken at the last moment
        return 0
    print(f"coach: another Coach is using {paths.root} and did not answer; "
          "try again in a moment", file=sys.stderr)
    return 1


def _run_window(paths: DataPaths, command: Command) -> int:
    idle, quiet = find_idle_source(), find_quiet_source()
    from PySide6.QtWidgets import QApplication

    from coach.ui.instance import CommandWatcher
    from coach.ui.style import base_font, style_sheet

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Coach")
    app.setDesktopFileName("coach")
    app.setFont(base_font())
    app.setStyleSheet(style_sheet(app.palette()))
    app.setQuitOnLastWindowClosed(False)  # the tray and alerts outlive a hidden window
    shell = build_shell(paths, SystemClock(), idle, quiet)
    watcher = CommandWatcher(paths.inbox, shell)
    watcher.command.connect(shell.handle_argv)
    shell.closed.connect(app.quit)
    shell.window.show()
    shell.handle(command)
    status = app.exec()
    shell.store.close()
    return status
