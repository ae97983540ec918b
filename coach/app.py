"""Builds the running app once: data folder, settings, history, routines, window.

Qt and the window's modules are imported only inside the functions below, once the data folder
is claimed, so the data and platform modules load before PySide6: PySide6 reads the source of
every module imported after it, which costs start-up time and memory for modules that never
use Qt.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from typing import TYPE_CHECKING

from coach.core import control
from coach.core.clock import Clock, SystemClock
from coach.core.commands import Command
from coach.core.history.store import HistoryStore, open_history
from coach.core.i18n import _, use_language
from coach.core.routines.library import load_library
from coach.core.settings import SettingsStore
from coach.core.writer_lock import WriterLock, held_by_another
from coach.paths import DataPaths, asset, shipped_dir
from coach.platform.desktop_entry import APP_ID
from coach.platform.idle import IdleSource, find_idle_source
from coach.platform.quiet import QuietSource, find_quiet_source

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from coach.ui.appearance import Appearance
    from coach.ui.shell import Shell

HAND_OVER_WAIT_S = 5.0
"""How long a start waits for the Coach holding the data folder to answer, as that one may
still be starting."""
HAND_OVER_POLL_S = 0.05
log = logging.getLogger(__name__)


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
        notices.append(_("The data folder {folder} cannot be made or written ({error}); "
                         "nothing from this run will be saved.").format(
            folder=paths.root, error=error.strerror))
    settings = SettingsStore(paths.settings, clock.now())
    spoken = use_language(settings.settings.language)  # before any window is made
    from coach.ui.qt_language import use_qt_language

    use_qt_language(spoken)
    store: HistoryStore
    store, history_problem = open_history(paths.history, clock.now())
    library = load_library(shipped_dir("routines"), paths.routines,
                           asset("illustrations")).in_language(spoken)
    notices += [p for p in (settings.load_problem, history_problem) if p]
    from coach.ui.shell import Shell

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
        if no_display():  # no Coach runs to take the command, and none can open here
            print("coach: " + _("there is no display to open Coach's window on (neither "
                                "DISPLAY nor WAYLAND_DISPLAY is set); start it from your "
                                "desktop session"), file=sys.stderr)
            return 1
        return _run_window(paths, command)
    finally:
        lock.release()


def no_display(environ: dict[str, str] | None = None) -> bool:
    """Whether a window cannot be shown here: on Linux and the BSDs, neither an X nor a
    Wayland display is named (and no Qt platform, such as offscreen, was chosen). Qt would
    abort on its own, with words of its own."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def claim_data_folder(paths: DataPaths, lock: WriterLock, command: Command,
                      wait_s: float = HAND_OVER_WAIT_S) -> int | None:
    """Take the data folder's writer lock; None once held (or when the folder cannot be
    written at all, so there is nothing to guard). While another Coach holds it, hand
    ``command`` over to that one (``ask_running``) and return the exit status: 0 when it
    was carried out, 1 (with a one-line message on stderr) if not.
    """
    try:
        paths.create()
        if lock.acquire():
            with contextlib.suppress(OSError):  # where Coach 0.1 took commands; empty now
                (paths.root / "inbox").rmdir()
            return None
    except OSError:
        return None
    try:
        reply = ask_running(paths, command, wait_s, lock)
    except control.NotRunning:
        return None  # the other one quit meanwhile: this one holds the lock and runs it
    except control.ControlError as error:
        print("coach: " + _("another Coach is using {folder}, but {problem}").format(
            folder=paths.root, problem=error), file=sys.stderr)
        return 1
    if not reply.ok:
        print(f"coach: {reply.message}", file=sys.stderr)
        return 1
    if reply.message:
        print(reply.message)
    return 0


def ask_running(paths: DataPaths, command: Command, wait_s: float = HAND_OVER_WAIT_S,
                lock: WriterLock | None = None,
                reply_timeout_s: float | None = HAND_OVER_WAIT_S,
                ) -> control.Reply:
    """Send ``command`` to the Coach holding ``paths`` and return its reply. A Coach that
    holds the folder but does not listen yet is still starting: it is asked again for up to
    ``wait_s`` seconds. With ``lock``, a folder that falls free meanwhile is taken (NotRunning
    is raised with ``lock`` held). ``reply_timeout_s`` bounds the wait for the reply (None: as
    long as it takes, for a question the user answers in the running Coach). Raises
    NotRunning when no Coach holds the folder, ControlError otherwise."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            reply = control.ask(paths.root, command.to_argv(), reply_timeout_s)
        except control.NotRunning:
            if lock is not None and lock.acquire():
                raise
            if lock is None and not held_by_another(paths.lock):
                raise
            if time.monotonic() >= deadline:
                raise control.ControlError(
                    _("it did not answer; try again in a moment")) from None
            time.sleep(HAND_OVER_POLL_S)
            continue
        log.debug("the Coach of %s answered: %s%s", paths.root,
                  "done" if reply.ok else "not done", f" ({reply.message})" if reply.message
                  else "")
        return reply


def start_qt() -> tuple[QApplication, Appearance]:
    """Qt's application object, set up as Coach runs, and the desktop's appearance (read
    before Coach sets its own type size)."""
    from PySide6.QtGui import QPixmapCache
    from PySide6.QtWidgets import QApplication

    from coach.ui.appearance import Appearance

    # -name: the X11 window class's instance part, which desktops match to StartupWMClass
    app = QApplication.instance() or QApplication([*sys.argv[:1], "-name", APP_ID])
    assert isinstance(app, QApplication)
    app.setApplicationName("Coach")
    app.setDesktopFileName(APP_ID)
    appearance = Appearance(app)
    app.setQuitOnLastWindowClosed(False)  # the tray and alerts outlive a hidden window
    # No pixmap cache: Qt ages a full one every 10 s for minutes after each paint, waking a
    # Coach that waits in the background; its windows change little and draw quickly anyway.
    QPixmapCache.setCacheLimit(0)
    return app, appearance


def _run_window(paths: DataPaths, command: Command) -> int:
    idle, quiet = find_idle_source(), find_quiet_source()
    log.debug("activity is read from: %s", idle.name if idle is not None else "nowhere")
    log.debug("a due break waits for: %s", quiet.name)
    from coach.ui.instance import ControlListener

    app, appearance = start_qt()
    shell = build_shell(paths, SystemClock(), idle, quiet)
    shell.use_appearance(appearance)
    try:
        server = control.ControlServer(paths.root)
        log.debug("listening for other 'coach' commands at %s", server.path)
        listener: ControlListener | None = ControlListener(server, shell.answer, shell)
    except control.ControlError as error:
        listener = None
        shell.window.notify(_("Other 'coach' commands cannot reach this Coach: {error}."
                              ).format(error=error))
    shell.closed.connect(app.quit)
    shell.window.show()
    shell.handle(command)
    status = app.exec()
    if listener is not None:
        listener.close()
    shell.store.close()
    return status
