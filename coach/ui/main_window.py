"""The main window: the routine library, and the player when a routine runs."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QStatusBar

from coach.core.clock import Clock
from coach.core.history import HistoryStore
from coach.core.library import Library
from coach.core.session import GuidedSession
from coach.core.settings import SettingsStore
from coach.paths import asset
from coach.ui.library_view import RECENT_SESSIONS, LibraryView
from coach.ui.player_view import PlayerView
from coach.ui.safety_dialog import SafetyDialog
from coach.ui.sounds import Sounds

APP_TITLE = "Coach"


class MainWindow(QMainWindow):
    """Shows the library; ``start_routine`` plays one, after the safety notice the first time.

    Closing the window mid-routine stops it, so the session is kept as partial.
    """

    def __init__(self, library: Library, store: HistoryStore, settings: SettingsStore,
                 clock: Clock, notices: list[str] | None = None) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.clock = clock
        self.sounds = Sounds(settings.settings.muted, self)
        self.player_view: PlayerView | None = None
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(QIcon(str(asset("icons/coach.svg"))))
        self.resize(960, 680)
        self.library_view = LibraryView(library)
        self.library_view.start_requested.connect(self.start_routine)
        self.library_view.safety_requested.connect(lambda: self._show_safety(False))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.library_view)
        self.setCentralWidget(self.pages)
        self.setStatusBar(QStatusBar())
        for notice in notices or []:
            self.notify(notice)
        self._show_recent()

    def notify(self, message: str) -> None:
        """Tell the user something went wrong that they should know about (plain text)."""
        self.statusBar().showMessage(message)
        self.library_view.add_notice(message)

    def start_routine(self, routine_id: str) -> None:
        """Play the routine (after the safety notice if it has never been accepted)."""
        routine = self.library_view.library.get(routine_id)
        if routine is None or self.player_view is not None:
            return
        self.library_view.select(routine_id)
        if not self.settings.settings.disclaimer_seen:
            dialog = self._show_safety(True)
            dialog.accepted.connect(lambda: self._accept_safety(routine_id))
            return
        session = GuidedSession(routine, self.store, self.clock)
        self.player_view = PlayerView(session, self.sounds)
        self.player_view.closed.connect(self._close_player)
        self.player_view.mute_toggled.connect(self._save_mute)
        self.player_view.title_changed.connect(
            lambda text: self.setWindowTitle(f"{text} — {APP_TITLE}"))
        self.pages.addWidget(self.player_view)
        self.pages.setCurrentWidget(self.player_view)
        self.player_view.start()

    def _show_safety(self, ask_to_continue: bool) -> SafetyDialog:
        dialog = SafetyDialog(ask_to_continue, self)
        dialog.open()
        return dialog

    def _accept_safety(self, routine_id: str) -> None:
        self._report(self.settings.update(disclaimer_seen=True))
        self.start_routine(routine_id)

    def _save_mute(self, muted: bool) -> None:
        self._report(self.settings.update(muted=muted))

    def _report(self, problem: str | None) -> None:
        if problem:
            self.notify(problem)

    def _close_player(self) -> None:
        view = self.player_view
        if view is None:
            return
        view.session.stop()
        view.ticker.stop()
        self.pages.removeWidget(view)
        view.deleteLater()
        self.player_view = None
        self.setWindowTitle(APP_TITLE)
        self._show_recent()
        self.pages.setCurrentWidget(self.library_view)
        self.library_view.list.setFocus()

    def _show_recent(self) -> None:
        self.library_view.show_recent(self.store.routine_sessions(limit=RECENT_SESSIONS))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.player_view is not None:
            self.player_view.stop()
        super().closeEvent(event)

