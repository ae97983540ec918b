"""Cold and heat timers as a person uses them: start, skin checks, the alarm, restarts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coach.core.therapy import Outcome, TherapyKind, TimerState
from coach.core.therapy_log import TherapyLog
from coach.ui.alert_window import AlertWindow
from coach.ui.safety_dialog import SafetyDialog
from coach.ui.sounds import Cue
from coach.ui.therapy_view import TherapyView

MIN = 60


def start_cold(window, minutes=15, area="upper back"):  # type: ignore[no-untyped-def]
    window.show_therapy()
    window.therapy_view.start(TherapyKind.COLD, minutes, area)
    [timer] = [t for t in window.desk.timers if t.plan.area == area]
    return timer, window.timer_panel.cards[timer]


def refresh(window):  # type: ignore[no-untyped-def]
    window.timer_panel.refresh()


def test_the_panel_is_built_when_its_tab_is_first_shown(qtbot, make_window):
    window = make_window()
    assert window.therapy_page.findChild(QWidget) is None  # nothing built at start-up
    window.show()
    window.tabs.setCurrentWidget(window.therapy_page)
    view = window.therapy_page.findChild(TherapyView)
    assert view is window.therapy_view
    qtbot.waitUntil(view.isVisible, timeout=2000)
    assert window.therapy_page.findChildren(TherapyView) == [view]  # built once


def test_acute_answer_suggests_ice_and_shows_the_other_view(make_window):
    view = make_window().therapy_view
    assert view.chosen_kind() is TherapyKind.COLD
    assert "ice pack" in view.advice.text() and "warm compress" in view.advice.text()
    view.onset_buttons.buttons()[1].setChecked(True)  # more than 72 hours
    assert view.chosen_kind() is TherapyKind.HEAT
    assert view.method.currentText() == "moist heat pack"


def test_the_form_starts_a_timer_shown_big_with_its_end_time(qtbot, make_window):
    window = make_window()
    view = window.therapy_view
    view.area.setEditText("left shoulder")
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    [timer] = window.desk.timers
    card = window.timer_panel.cards[timer]
    assert (timer.plan.kind, timer.plan.area, timer.planned_s) == (TherapyKind.COLD,
                                                                   "left shoulder", 15 * MIN)
    assert card.time_left.text() == "15:00"
    assert card.ends.text().startswith("Ends at ")
    assert window.windowTitle() == "Ice pack 15 min — Coach"


def test_more_than_twenty_minutes_is_refused_with_the_reason(make_window):
    window = make_window()
    window.therapy_view.start(TherapyKind.HEAT, 25, "neck")
    assert window.desk.timers == []
    message = window.therapy_view.message.text()
    assert "at most 20 minutes" in message and "skin" in message


def test_skin_check_prompts_every_five_minutes_and_can_be_dismissed(make_window, clock):
    window = make_window()
    timer, card = start_cold(window)
    clock.advance(5 * MIN)
    refresh(window)
    assert card.skin_check.isVisibleTo(card) and "5 minutes in" in card.skin_check.text()
    card.dismiss_button.click()
    assert not card.skin_check.isVisibleTo(card)
    clock.advance(5 * MIN)
    refresh(window)
    assert "10 minutes in" in card.skin_check.text()


def test_time_up_alarm_stays_and_repeats_until_the_pack_is_off(qtbot, make_window, clock):
    window = make_window()  # cues are muted: the alarm must sound all the same
    timer, _card = start_cold(window)
    alarms: list[Cue] = []
    window.sounds.played.connect(alarms.append)
    clock.advance(15 * MIN)
    refresh(window)
    alert = window.findChild(AlertWindow)
    assert alert is not None and alert.isVisible()
    assert alarms == [Cue.ALARM]
    qtbot.keyClick(alert, Qt.Key.Key_Escape)
    alert.close()
    assert alert.isVisible()
    clock.advance(MIN)
    refresh(window)
    assert alarms == [Cue.ALARM, Cue.ALARM]
    assert "1 minute too long" in alert.detail.text()
    clock.advance(30)
    alert.off_button.click()
    assert window.desk.timers == []
    [record] = TherapyLog(window.store).records()
    assert record.outcome is Outcome.OVERDUE and record.actual_s == 16.5 * MIN


def test_pause_and_extend_from_the_card(make_window, clock):
    window = make_window()
    timer, card = start_cold(window)
    clock.advance(MIN)
    card.pause_button.click()
    assert timer.state is TimerState.PAUSED and card.ends.text() == "Paused"
    clock.advance(10 * MIN)
    card.pause_button.click()
    card.extend_minutes.setValue(4)
    card.extend_button.click()
    assert card.time_left.text() == "18:00"
    card.extend_minutes.setValue(2)
    card.extend_button.click()
    assert "20-minute limit" in card.problem.text() and timer.planned_s == 19 * MIN
    card.extend_minutes.setValue(1)
    card.extend_button.click()
    assert not card.extend_button.isEnabled() and "20-minute limit" in card.extend_button.toolTip()


def test_inside_the_rest_gap_starting_asks_first_and_is_noted(qtbot, make_window, clock):
    window = make_window()
    timer, card = start_cold(window)
    clock.advance(15 * MIN)
    refresh(window)
    window.findChild(AlertWindow).off_button.click()
    assert "advised from" in window.therapy_view.gap_note.text()
    window.therapy_view.start(TherapyKind.COLD, 15, "neck")
    box = window.therapy_view.findChild(QMessageBox)
    assert box is not None and "less than an hour ago" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    [again] = window.desk.timers
    assert again.plan.area == "neck" and not again.rest_gap_respected


def test_two_timers_at_once_each_with_its_area(make_window):
    window = make_window()
    start_cold(window, area="neck")
    window.handle_command(["timer", "heat", "20", "shoulders", "warm compress"])
    plans = sorted((t.plan.area, t.plan.method) for t in window.desk.timers)
    assert plans == [("neck", "ice pack"), ("shoulders", "warm compress")]
    assert len(window.timer_panel.cards) == 2


def test_a_new_window_on_the_same_data_carries_the_timer_on(make_window, clock):
    first = make_window()
    start_cold(first, area="neck")
    clock.advance(4 * MIN)
    second = make_window()  # as after a crash: the first never closed its store
    [timer] = second.desk.timers
    assert second.timer_panel.cards[timer].time_left.text() == "11:00"


def test_without_a_tray_closing_keeps_a_small_window_and_quitting_asks(make_window,
                                                                        monkeypatch):
    window = make_window()
    start_cold(window)
    answers = iter([False, True])
    monkeypatch.setattr(window, "_confirm_quit", lambda: next(answers))
    monkeypatch.setattr(window.tray, "available", False)
    window.close()
    assert not window.isVisible() and window.mini.isVisible()
    assert "Ice pack 15 min" in window.mini.status.text()
    window.mini.close()  # asks; "No" keeps Coach running
    assert window.mini.isVisible()
    window.mini.close()
    assert not window.mini.isVisible()


def test_a_restart_with_several_timers_past_a_skin_check_opens(make_window, clock):
    first = make_window()
    start_cold(first, area="upper back")
    start_cold(first, area="neck")
    clock.advance(6 * MIN)
    second = make_window()
    assert len(second.timer_panel.cards) == 2
    assert second.tabs.currentWidget() is second.therapy_page
    assert all(card.skin_check.isVisibleTo(card)
               for card in second.timer_panel.cards.values())


def test_extending_a_due_timer_takes_the_alert_down(make_window, clock):
    window = make_window()
    timer, card = start_cold(window)
    clock.advance(15 * MIN)
    refresh(window)
    assert window.findChild(AlertWindow).isVisible()
    assert not card.skin_check.isVisibleTo(card)  # time is up: no more skin-check prompts
    card.extend_minutes.setValue(2)
    card.extend_button.click()
    assert timer.state is TimerState.RUNNING
    assert not any(a.isVisible() for a in window.findChildren(AlertWindow))


def test_the_first_timer_ever_waits_for_the_safety_notice(make_window):
    window = make_window(seen_safety=False)
    window.therapy_view.start(TherapyKind.COLD, 15, "neck")
    dialog = window.findChild(SafetyDialog)
    assert dialog is not None and dialog.isVisible() and window.desk.timers == []
    dialog.accept()
    assert [t.plan.area for t in window.desk.timers] == ["neck"]


def test_the_mouse_wheel_scrolls_past_the_form_without_changing_it(qtbot, make_window):
    view = make_window().therapy_view
    before = view.minutes.value(), view.method.currentText()
    for widget, turn in ((view.minutes, 120), (view.method, -120)):  # each would change it
        wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, turn),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, wheel)
    assert (view.minutes.value(), view.method.currentText()) == before
