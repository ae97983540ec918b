"""A German or Spanish user meets no English: every window and dialog, walked as a user
meets them, with every text it shows or tells a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget

from coach.core.i18n import TRANSLATED
from coach.core.therapy.timer import TherapyKind
from coach.ui.player.pain_prompt import PainPrompt
from coach.ui.safety_dialog import SafetyDialog
from coach.ui.therapy.alert_window import AlertWindow
from tests.ui.playing import play, ready_s
from tests.ui.reading import english_in, window_texts
from tests.ui.test_break_flow import Idle, run_until

MIN = 60
RHOMBOID = "tennis-ball-rhomboid-release"


class Seen:
    """The texts of every window this test's Coach opened, at each moment the test looks."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._others = set(QApplication.topLevelWidgets())  # earlier tests' windows

    def look(self, *extra: QWidget) -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and w not in self._others] + list(extra)
        for window in windows:
            self.texts += window_texts(window)


def answer_next_question(button: QMessageBox.StandardButton, seen: Seen) -> None:
    """Look at the next question box when it opens, then answer it with ``button``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.look(box)
        box.button(button).click()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_window_speaks_the_chosen_language(qtbot, make_coach, clock, code,  # type: ignore[no-untyped-def]
                                                 monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    idle = Idle()
    seen = Seen()
    coach = make_coach(seen_safety=False, idle=idle, language=code)
    seen.look()

    # A routine, from the safety notice and the pain question to the end screen.
    coach.window.library_view.select(RHOMBOID)
    coach.window.library_view.details.start_button.click()
    dialog = coach.window.findChild(SafetyDialog)
    seen.look(dialog)
    dialog.accept()
    prompt = coach.window.pages.currentWidget()
    assert isinstance(prompt, PainPrompt)
    seen.look()
    qtbot.keyClick(prompt.scale, Qt.Key.Key_4)
    view = coach.window.player_view
    seen.look()
    play(view, clock, ready_s(view) + 5)
    seen.look()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    seen.look()
    qtbot.keyClick(view, Qt.Key.Key_W)
    seen.look()
    qtbot.keyClick(view, Qt.Key.Key_W)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    play(view, clock, view.session.routine.total_s)
    seen.look()
    after = coach.window.pages.currentWidget()
    if isinstance(after, PainPrompt):
        qtbot.keyClick(after.scale, Qt.Key.Key_2)
    seen.look()
    qtbot.keyClick(coach.window.player_view, Qt.Key.Key_Return)
    seen.look()

    # Cold: the form, a timer card, the time-up alert.
    coach.window.show_therapy()
    seen.look()
    coach.window.therapy_view.start(TherapyKind.COLD, 15, "upper back")
    seen.look()
    clock.advance(15 * MIN + 70)
    coach.alarms.refresh()
    alert = coach.window.findChild(AlertWindow)
    seen.look(alert)
    alert.off_button.click()
    seen.look()

    # A break: the notice before it, then the break window.
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    seen.look()
    run_until(coach, clock, idle, lambda: coach.breaks.window is not None)
    seen.look()
    coach.breaks.window.answers.skip.emit()

    # History: each tab, export, the report, deleting everything.
    history = coach.open_history("symptoms")
    seen.look()
    qtbot.keyClick(history.symptom_form.scale, Qt.Key.Key_6)
    qtbot.mouseClick(history.symptom_form.log_button, Qt.MouseButton.LeftButton)
    for tab in ("timeline", "charts"):
        history.show_tab(tab)
        seen.look()
    seen.look(history.open_export())
    seen.look(history.open_report())
    answer_next_question(QMessageBox.StandardButton.Cancel, seen)
    history.ask_delete_everything()

    # Settings, the tray's menu and the small window kept when there is no tray.
    seen.look(coach.open_settings())
    seen.look(coach.tray.findChild(QSystemTrayIcon).contextMenu(), coach.mini)

    left = english_in(seen.texts, code)
    assert left == [], "\n".join(left)
