"""The safety notice as a gate: nothing starts (a routine, a break, a cold or heat timer) until
the user has accepted it once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from coach.core.settings import SettingsStore

if TYPE_CHECKING:  # the notice loads when first shown
    from coach.ui.safety_dialog import SafetyDialog


class SafetyGate(QObject):
    """Runs actions once the notice in ``settings`` has been accepted. The notice opens over
    ``window`` (set once the main window exists); ``problem`` carries a message when the
    acceptance could not be saved."""

    problem = Signal(str)

    def __init__(self, settings: SettingsStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._asking: SafetyDialog | None = None
        self.window: QWidget | None = None

    @property
    def waiting(self) -> bool:
        """Whether actions wait for the notice to be read."""
        return self._asking is not None

    def run_after_notice(self, action: Callable[[], None]) -> None:
        """Run ``action`` now if the notice was ever accepted, else once it is (one notice
        for every action asked for meanwhile; cancelling drops them all)."""
        if self._settings.settings.disclaimer_seen:
            action()
            return
        if self._asking is None:
            self._asking = self.show_notice(ask_to_continue=True)
            self._asking.finished.connect(self._closed)
        else:
            self._asking.raise_()
            self._asking.activateWindow()
        self._asking.accepted.connect(lambda: self._accepted(action))

    def show_notice(self, ask_to_continue: bool = False,
                    cautions: tuple[str, ...] = ()) -> SafetyDialog:
        """Open the notice and the warning signs, after the ``cautions`` of a routine playing
        if given; with ``ask_to_continue``, as a question."""
        from coach.ui.safety_dialog import SafetyDialog

        dialog = SafetyDialog(ask_to_continue, self.window, cautions)
        dialog.open()
        return dialog

    def _closed(self) -> None:
        self._asking = None

    def _accepted(self, action: Callable[[], None]) -> None:
        problem = self._settings.update(disclaimer_seen=True)
        if problem:
            self.problem.emit(problem)
        action()
