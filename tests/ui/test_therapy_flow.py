"""Cold and heat timers as a person uses them: start, skin checks, the alarm, restarts."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coach.core.therapy.log import TherapyLog
from coach.core.therapy.timer import Outcome, TherapyKind, TimerState
from coach.ui.safety_dialog import SafetyDialog
from coach.ui.sounds import Cue
from coach.ui.therapy.alert_window import AlertWindow
from coach.ui.therapy.view import TherapyView
from tests.ui.asking import ask

MIN = 60


def start_cold(coach, minutes=15, area="upper back"):  # type: ignore[no-untyped-def]
    coach.window.show_therapy()
    coach.window.therapy_view.start(TherapyKind.COLD, minutes, area)
    [timer] = [t for t in coach.desk.timers if t.plan.area == area]
    return timer, coach.window.therapy_view.timers.cards[timer]


def refresh(coach):  # type: ignore[no-untyped-def]
    coach.alarms.refresh()


def test_the_panel_is_built_when_its_tab_is_first_shown(qtbot, make_coach):
    coach = make_coach()
    assert coach.window.therapy_page.findChild(QWidget) is None  # nothing built at start-up
    coach.window.show()
    coach.window.tabs.setCurrentWidget(coach.window.therapy_page)
    view = coach.window.therapy_page.findChild(TherapyView)
    assert view is coach.window.therapy_view
    qtbot.waitUntil(view.isVisible, timeout=2000)
    assert coach.window.therapy_page.findChildren(TherapyView) == [view]  # built once


def test_acute_answer_suggests_ice_and_shows_the_other_view(make_coach):
    view = make_coach().window.therapy_view
    assert view.chosen_kind() is TherapyKind.COLD
    assert "ice pack" in view.advice.text() and "warm compress" in view.advice.text()
    view.onset_buttons.buttons()[1].setChecked(True)  # more than 72 hours
    assert view.chosen_kind() is TherapyKind.HEAT
    assert view.method.currentData() == "moist heat pack"  # shown as "Moist heat pack"


def test_the_form_starts_a_timer_shown_big_with_its_end_time(qtbot, make_coach, clock):
    coach = make_coach()
    view = coach.window.therapy_view
    view.area.setEditText("left shoulder")
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    [timer] = coach.desk.timers
    card = coach.window.therapy_view.timers.cards[timer]
    assert (timer.plan.kind, timer.plan.area, timer.planned_s) == (TherapyKind.COLD,
                                                                   "left shoulder", 15 * MIN)
    assert card.time_left.text() == "15 min left"
    assert re.fullmatch(r"Take it off at \d\d:\d\d", card.ends.text())
    assert coach.window.windowTitle() == "Ice pack 15 min — Coach"
    clock.advance(40)  # 14:20 left: the card and the title both say 15
    coach.alarms.refresh()
    assert card.time_left.text() == "15 min left"
    assert coach.window.windowTitle() == "Ice pack 15 min — Coach"


def test_more_than_twenty_minutes_is_refused_with_the_reason(make_coach):
    coach = make_coach()
    coach.window.therapy_view.start(TherapyKind.HEAT, 25, "neck")
    assert coach.desk.timers == []
    message = coach.window.therapy_view.message.text()
    assert "at most 20 minutes" in message and "skin" in message


def test_skin_check_prompts_every_five_minutes_and_can_be_dismissed(make_coach, clock):
    coach = make_coach()
    timer, card = start_cold(coach)
    clock.advance(5 * MIN)
    refresh(coach)
    assert card.skin_check.isVisibleTo(card) and "5 minutes in" in card.skin_check.text()
    card.dismiss_button.click()
    assert not card.skin_check.isVisibleTo(card)
    clock.advance(5 * MIN)
    refresh(coach)
    assert "10 minutes in" in card.skin_check.text()


def test_time_up_alarm_stays_and_repeats_until_the_pack_is_off(qtbot, make_coach, clock,
                                                               handed_back):
    coach = make_coach()  # cues are muted: the alarm must sound all the same
    timer, _card = start_cold(coach)
    alarms: list[Cue] = []
    coach.sounds.played.connect(alarms.append)
    clock.advance(15 * MIN)
    refresh(coach)
    alert = coach.window.findChild(AlertWindow)
    assert alert is not None and alert.isVisible()
    assert alarms == [Cue.ALARM]
    qtbot.keyClick(alert, Qt.Key.Key_Escape)
    alert.close()
    assert alert.isVisible()
    clock.advance(MIN)
    refresh(coach)
    assert alarms == [Cue.ALARM, Cue.ALARM]
    assert "1 minute too long" in alert.detail.text()
    clock.advance(30)
    alert.off_button.click()
    assert coach.desk.timers == []
    [record] = TherapyLog(coach.store).records()
    assert record.outcome is Outcome.OVERDUE and record.actual_s == 16.5 * MIN
    qtbot.waitUntil(lambda: bool(handed_back))  # the alarm window's memory goes back to the system


def test_the_alarm_notification_is_replaced_at_each_repeat_and_withdrawn_once_off(
        make_coach, clock, monkeypatch):
    coach = make_coach()
    sent: list[int] = []
    withdrawn: list[int] = []

    def notify(title, body, urgent=False, replaces=0, **_kwargs):  # type: ignore[no-untyped-def]
        sent.append(replaces)
        return 41

    monkeypatch.setattr(coach.desktop, "notify", notify)
    monkeypatch.setattr(coach.desktop, "withdraw", withdrawn.append)
    start_cold(coach)
    clock.advance(15 * MIN)
    refresh(coach)
    clock.advance(MIN)
    refresh(coach)
    assert sent == [0, 41] and withdrawn == []
    coach.window.findChild(AlertWindow).off_button.click()
    assert withdrawn == [41]


def test_pause_and_extend_from_the_card(make_coach, clock):
    coach = make_coach()
    timer, card = start_cold(coach)
    clock.advance(MIN)
    card.pause_button.click()
    assert timer.state is TimerState.PAUSED and card.ends.text() == "Paused"
    clock.advance(10 * MIN)
    card.pause_button.click()
    card.extend_minutes.setValue(4)
    card.extend_button.click()
    assert card.time_left.text() == "18 min left"
    card.extend_minutes.setValue(2)
    card.extend_button.click()
    assert "20-minute limit" in card.problem.text() and timer.planned_s == 19 * MIN
    card.extend_minutes.setValue(1)
    card.extend_button.click()
    assert not card.extend_button.isEnabled() and "20-minute limit" in card.extend_button.toolTip()


def test_inside_the_rest_gap_starting_asks_first_and_is_noted(qtbot, make_coach, clock):
    coach = make_coach()
    timer, card = start_cold(coach)
    clock.advance(15 * MIN)
    refresh(coach)
    coach.window.findChild(AlertWindow).off_button.click()
    assert "advised from" in coach.window.therapy_view.gap_note.text()
    coach.window.therapy_view.start(TherapyKind.COLD, 15, "neck")
    box = coach.window.therapy_view.findChild(QMessageBox)
    assert box is not None and "less than an hour ago" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    [again] = coach.desk.timers
    assert again.plan.area == "neck" and not again.rest_gap_respected


def test_two_timers_at_once_each_with_its_area(make_coach):
    coach = make_coach()
    start_cold(coach, area="neck")
    ask(coach, ["timer", "heat", "20", "shoulders", "warm compress"])
    plans = sorted((t.plan.area, t.plan.method) for t in coach.desk.timers)
    assert plans == [("neck", "ice pack"), ("shoulders", "warm compress")]
    assert len(coach.window.therapy_view.timers.cards) == 2


def test_a_new_window_on_the_same_data_carries_the_timer_on(make_coach, clock):
    first = make_coach()
    start_cold(first, area="neck")
    clock.advance(4 * MIN)
    second = make_coach()  # as after a crash: the first never closed its store
    [timer] = second.desk.timers
    assert second.window.therapy_view.timers.cards[timer].time_left.text() == "11 min left"


def test_without_a_tray_closing_keeps_a_small_window_and_quitting_asks(make_coach,
                                                                        monkeypatch):
    coach = make_coach()
    start_cold(coach)
    answers = iter([False, True])
    monkeypatch.setattr(coach, "_confirm_quit", lambda: next(answers))
    monkeypatch.setattr(coach.tray, "available", False)
    coach.window.close()
    assert not coach.window.isVisible() and coach.mini.isVisible()
    assert "Ice pack 15 min" in coach.mini.status.text()
    coach.mini.close()  # asks; "No" keeps Coach running
    assert coach.mini.isVisible()
    coach.mini.close()
    assert not coach.mini.isVisible()


def test_a_restart_with_several_timers_past_a_skin_check_opens(make_coach, clock):
    first = make_coach()
    start_cold(first, area="upper back")
    start_cold(first, area="neck")
    clock.advance(6 * MIN)
    second = make_coach()
    assert len(second.window.therapy_view.timers.cards) == 2
    assert second.window.tabs.currentWidget() is second.window.therapy_page
    assert all(card.skin_check.isVisibleTo(card)
               for card in second.window.therapy_view.timers.cards.values())


def test_extending_a_due_timer_takes_the_alert_down(make_coach, clock):
    coach = make_coach()
    timer, card = start_cold(coach)
    clock.advance(15 * MIN)
    refresh(coach)
    assert coach.window.findChild(AlertWindow).isVisible()
    assert not card.skin_check.isVisibleTo(card)  # time is up: no more skin-check prompts
    card.extend_minutes.setValue(2)
    card.extend_button.click()
    assert timer.state is TimerState.RUNNING
    assert not any(a.isVisible() for a in coach.window.findChildren(AlertWindow))


def test_the_first_timer_ever_waits_for_the_safety_notice(make_coach):
    coach = make_coach(seen_safety=False)
    coach.window.therapy_view.start(TherapyKind.COLD, 15, "neck")
    dialog = coach.window.findChild(SafetyDialog)
    assert dialog is not None and dialog.isVisible() and coach.desk.timers == []
    dialog.accept()
    assert [t.plan.area for t in coach.desk.timers] == ["neck"]


def test_the_mouse_wheel_scrolls_past_the_form_without_changing_it(qtbot, make_coach):
    view = make_coach().window.therapy_view
    before = view.minutes.value(), view.method.currentText()
    for widget, turn in ((view.minutes, 120), (view.method, -120)):  # each would change it
        wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, turn),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, wheel)
    assert (view.minutes.value(), view.method.currentText()) == before


def test_the_heat_skin_check_names_burn_signs_and_the_cold_one_does_not() -> None:
    from coach.ui.therapy.words import skin_check_text

    assert "very red or stinging" in skin_check_text("moist heat pack", 5)
    assert "very red" not in skin_check_text("ice pack", 5)


def test_the_quit_question_shows_above_a_break_window(make_coach, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    coach = make_coach()
    start_cold(coach)
    asked: list[bool] = []

    def answer(box: QMessageBox) -> int:
        asked.append(bool(box.windowFlags() & Qt.WindowType.WindowStaysOnTopHint))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", answer)
    coach.quit()
    assert asked == [True] and coach.desk.timers  # still running: the answer was no


def test_quitting_while_an_alarm_shows_takes_every_window_down(qtbot, make_coach, clock,
                                                               monkeypatch):
    from PySide6.QtWidgets import QApplication

    coach = make_coach()
    start_cold(coach)
    clock.advance(15 * MIN)
    refresh(coach)
    assert coach.window.findChild(AlertWindow).isVisible()
    monkeypatch.setattr(coach, "_confirm_quit", lambda: True)
    with qtbot.waitSignal(coach.closed, timeout=2000):
        coach.quit()
    alerts = [w for w in QApplication.topLevelWidgets() if isinstance(w, AlertWindow)]
    assert coach.alarms.alerts == {} and not any(w.isVisible() for w in alerts)
    assert not coach.window.isVisible()
    assert not coach.alarms.ticker._timer.isActive()  # no alarm rings after quitting


def test_time_left_reads_as_minutes_left_and_overdue_time_as_minutes(make_coach, clock):
    coach = make_coach()
    _timer, card = start_cold(coach)
    clock.advance(1 * MIN + 39)
    refresh(coach)
    assert card.time_left.text() == "14 min left"  # 13:21 left: never less than is left
    assert card.ends.text().startswith("Take it off at ")  # no second clock-like number
    clock.advance(13 * MIN + 5)
    refresh(coach)
    assert card.time_left.text() == "16 s left"
    clock.advance(16 + 22 * MIN)
    refresh(coach)
    assert card.time_left.text() == "Time is up" and not card.time_left.wordWrap()
    assert card.time_left.scale() <= 1 and card.time_left.minimumSizeHint().width() < 200
    assert card.ends.text() == "Take it off now: 22 min over"
    assert card.time_left.property("due")  # in red


def test_an_area_chosen_in_german_is_kept_as_the_same_area_in_every_language(qtbot,
                                                                              make_coach):
    coach = make_coach(language="de")
    view = coach.window.show_therapy()
    view.area.setCurrentIndex(2)  # "Nacken"
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    [timer] = coach.desk.timers
    assert view.area.currentText() == "Nacken" and timer.plan.area == "neck"


def test_the_minutes_a_pack_may_stay_on_are_in_sight_beside_the_field(make_coach):
    from PySide6.QtWidgets import QLabel

    view = make_coach().window.therapy_view
    shown = [label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view)]
    assert "15 to 20 minutes at a time: longer can harm the skin." in shown
    assert view.minutes.accessibleDescription() == "15 to 20 minutes at a time: longer can " \
        "harm the skin."
