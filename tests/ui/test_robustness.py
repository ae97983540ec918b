"""Damaged or hostile files never crash the app, lose data, or inject markup."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from coach.app import build_shell
from coach.core.clock import FakeClock
from coach.core.history.store import HistoryStore
from coach.paths import DataPaths

USER_ROUTINE = """
id = "my-stretch"
title = "<b>Mine</b>"
summary = "<i>not italic</i>"
when = ["any-time"]
cautions = ["Go gently."]
sources = ["003_dd1ab4b08acc332a.txt"]

[[steps]]
name = "Hold"
instruction = "Hold <u>gently</u>."
duration_s = 20
"""


def test_a_bad_user_routine_is_skipped_with_a_notice_naming_file_and_field(make_coach, data):
    data.routines.mkdir(parents=True)
    (data.routines / "broken.toml").write_text(USER_ROUTINE.replace("duration_s = 20",
                                                                    "duration_s = -5"))
    coach = make_coach()
    notice = coach.window.library_view.notice
    assert notice.isVisible()
    assert "broken.toml" in notice.text() and "steps[0].duration_s" in notice.text()
    assert coach.window.library_view.list.count() >= 9


def test_user_routine_text_is_shown_as_plain_text(make_coach, data):
    data.routines.mkdir(parents=True)
    (data.routines / "mine.toml").write_text(USER_ROUTINE)
    coach = make_coach()
    coach.window.library_view.select("my-stretch")
    details = coach.window.library_view.details
    assert details.title.text() == "<b>Mine</b>"
    for label in coach.window.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_damaged_history_is_set_aside_and_the_user_is_told(make_coach, data):
    data.create()
    data.history.write_bytes(b"this is not a database" * 100)
    coach = make_coach()
    kept = [p for p in data.root.iterdir() if p.name.startswith("history.sqlite3.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"this is not a database" * 100
    assert str(kept[0]) in coach.window.library_view.notice.text()
    coach.window.start_routine("desk-posture-reset")
    assert len(coach.store.routine_sessions()) == 1


def test_a_history_from_a_newer_coach_is_left_untouched(make_coach, data):
    data.create()
    HistoryStore(data.history).close()
    import sqlite3

    with sqlite3.connect(data.history) as db:
        db.execute("PRAGMA user_version = 99")
    before = data.history.read_bytes()
    coach = make_coach()
    assert "newer Coach" in coach.window.library_view.notice.text()
    coach.window.close()
    assert data.history.read_bytes() == before


def test_damaged_settings_fall_back_to_defaults_with_a_notice(make_coach, data):
    data.create()
    data.settings.write_text("{not json")
    coach = make_coach(seen_safety=False)
    assert "settings.json" in coach.window.library_view.notice.text()
    assert not coach.settings.settings.muted


@pytest.mark.parametrize("started_at", ["not a date", "0001-01-01T00:00:00+14:00",
                                        "9999-12-31T23:59:59-14:00"])
def test_a_history_row_that_cannot_be_read_is_a_notice_not_a_crash(make_coach, data,
                                                                   started_at):
    data.create()
    store = HistoryStore(data.history)
    store.begin_routine("r", "Routine", datetime(2026, 1, 5, tzinfo=UTC), 3)
    store.connection.execute("UPDATE routine_sessions SET started_at = ?", (started_at,))
    store.close()
    coach = make_coach()
    assert "routine session 1 holds a bad value" in coach.window.library_view.notice.text()


def test_when_history_cannot_be_written_the_end_screen_says_so(qtbot, make_coach, data,
                                                               clock):
    data.root.parent.mkdir(parents=True, exist_ok=True)
    data.root.write_text("a file where the data folder should be")
    coach = make_coach(seen_safety=False)
    assert coach.settings.update(disclaimer_seen=True, ask_pain_around_routines=False) \
        is not None  # cannot be saved either
    coach.window.start_routine("desk-posture-reset")
    qtbot.keyClick(coach.window.player_view, Qt.Key.Key_Escape)
    assert "could not be saved" in coach.window.player_view.end_summary.text()


def test_breaks_not_saved_on_a_full_disk_are_shown_and_saved_with_the_next(make_coach,
                                                                          clock):
    from coach.core.breaks.log import BreakLog
    from coach.core.breaks.scheduler import BreakKind, Outcome
    from tests.core.disk import FillingDisk
    from tests.ui.test_break_flow import Idle, run_until

    idle = Idle()
    coach = make_coach(idle=idle)
    disk = FillingDisk(coach.store)
    disk.full = True
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    coach.breaks.notice.answers.skip.emit()
    assert "Not saved yet" in coach.window.break_status.text()
    assert "disk is full" in coach.window.break_status.text()

    disk.full = False
    run_until(coach, clock, idle, lambda: coach.breaks.notice is not None)
    coach.breaks.notice.answers.skip.emit()
    assert "Not saved yet" not in coach.window.break_status.text()
    assert [(r.kind, r.outcome) for r in BreakLog(coach.store).records()] == [
        (BreakKind.MICRO, Outcome.SKIPPED)] * 2


def test_a_history_locked_by_another_program_never_stalls_the_player(qtbot, make_coach,
                                                                    clock, data):
    import sqlite3

    from tests.ui.playing import play, ready_s

    coach = make_coach()
    other = sqlite3.connect(data.history, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # a backup tool or an SQLite browser, say
    coach.window.start_routine("desk-posture-reset")
    view = coach.window.player_view
    play(view, clock, ready_s(view) + 30)  # to the end of the first step
    play(view, clock, 10)  # into the second
    assert view.session.player.index == 2 and view.session.session_id == 1
    assert view.save_problem.isVisibleTo(view)
    assert "database is locked" in view.save_problem.text()
    assert coach.history_retry.active

    other.execute("ROLLBACK")
    qtbot.waitUntil(lambda: not coach.history_retry.active, timeout=5000)
    [session] = coach.store.routine_sessions()
    assert session.duration_s == 30 and session.steps_completed == 1  # step 1
    play(view, clock, 1)
    assert not view.save_problem.isVisibleTo(view)


HOSTILE = "<b>bold</b> &amp; <a href='x'>link</a>"


def test_user_strings_stay_plain_text_in_every_widget_and_message(make_coach, data, clock):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QMenu, QMessageBox

    from coach.core.therapy.timer import TherapyKind
    from coach.platform.notifications import body_markup
    from coach.ui.style import tooltip_text

    data.routines.mkdir(parents=True)
    (data.routines / "mine.toml").write_text(USER_ROUTINE.replace("<b>Mine</b>", HOSTILE))
    coach = make_coach()
    coach.window.library_view.select("my-stretch")
    coach.window.start_routine("my-stretch")
    coach.window._close_player()
    coach.window.therapy_view.start(TherapyKind.COLD, 15, HOSTILE[:60])
    clock.advance(15 * 60)
    coach.alarms.refresh()
    coach.desk.confirm_off(coach.desk.timers[0])
    coach.window.therapy_view.start(TherapyKind.COLD, 15, "neck")  # inside the rest gap: asks
    assert coach.window.findChildren(QMessageBox)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMenu):
            continue  # menus hold fixed words (the chart library's among them)
        for label in widget.findChildren(QLabel):
            if label.text():
                assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        for box in widget.findChildren(QMessageBox):
            assert box.textFormat() == Qt.TextFormat.PlainText, box.text()
    shown = QTextDocument()
    shown.setHtml(tooltip_text(HOSTILE))
    assert shown.toPlainText() == HOSTILE
    shown.setHtml(body_markup(HOSTILE))
    assert shown.toPlainText() == HOSTILE


def test_side_labels_stay_readable_on_a_dark_window(qtbot, qapp):
    from PySide6.QtGui import QColor, QPalette

    from coach.ui.looks import SIDE_ON_DARK, SIDE_ON_LIGHT
    from coach.ui.style import plain_label
    from tests.ui.colours import contrast

    usual = qapp.palette()
    try:
        for window, colour in (("#2b2b2b", SIDE_ON_DARK), ("#efefef", SIDE_ON_LIGHT)):
            palette = QPalette(usual)
            palette.setColor(QPalette.ColorRole.Window, QColor(window))
            qapp.setPalette(palette)
            side = plain_label("Left side", "side")
            qtbot.addWidget(side)
            assert side.palette().color(QPalette.ColorRole.WindowText).name() == colour
            assert contrast(QColor(window), QColor(colour)) >= 4.5
    finally:
        qapp.setPalette(usual)


def test_a_data_folder_that_cannot_be_made_is_a_notice_and_coach_runs(qtbot, tmp_path):
    (tmp_path / "file").write_text("in the way")
    window = build_shell(DataPaths(tmp_path / "file" / "data"),
                         FakeClock(datetime(2026, 3, 2, 9, tzinfo=UTC))).window
    qtbot.addWidget(window)
    assert "cannot be made or written" in window.library_view.notice.text()
    assert "nothing from this run will be saved" in window.library_view.notice.text()
    assert window.library_view.list.count() > 0


def test_a_history_locked_at_start_opens_when_free_and_its_running_timer_carries_on(
        qtbot, make_coach, clock, data, monkeypatch):
    import sqlite3

    from coach.core.history import store as history
    from coach.core.therapy.desk import TherapyDesk
    from coach.core.therapy.timer import TherapyKind, plan_application
    from coach.ui.history import retry as history_retry

    monkeypatch.setattr(history, "OPENING_WAIT_S", 0.05)
    monkeypatch.setattr(history_retry, "FIRST_RETRY_MS", 50)
    data.create()
    before = HistoryStore(data.history)
    TherapyDesk(before, clock).start(plan_application(TherapyKind.COLD, 15, "upper back"))
    before.close()
    other = sqlite3.connect(data.history, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")  # an SQLite browser, say
    other.execute("BEGIN EXCLUSIVE")

    coach = make_coach()
    assert "Another program is using the history" in coach.window.library_view.notice.text()
    assert coach.desk.timers == [] and coach.history_retry.active
    coach.window.start_routine("desk-posture-reset")
    coach.window.player_view.stop()

    other.execute("ROLLBACK")
    other.close()
    qtbot.waitUntil(lambda: len(coach.window.therapy_view.timers.cards) == 1, timeout=5000)
    assert coach.window.tabs.currentWidget() is coach.window.therapy_page
    assert "The history is free again" in coach.window.statusBar().currentMessage()
    assert [s.routine_id for s in coach.store.routine_sessions()] == ["desk-posture-reset"]


def test_a_history_file_waiting_to_open_is_tried_at_least_every_five_seconds(qtbot):
    from types import SimpleNamespace

    from coach.ui.history.retry import LAST_OPENING_RETRY_MS, LAST_RETRY_MS, HistoryRetry

    def retries_settle_at(file_waits: bool) -> int:
        store = SimpleNamespace(waiting_for_file=object() if file_waits else None,
                                writer=SimpleNamespace(waiting=1, on_waiting=None),
                                flush=lambda: False)
        retry = HistoryRetry(store)  # type: ignore[arg-type]
        if not file_waits:
            store.writer.on_waiting()
        for _ in range(8):  # as the timer would, each time finding it still locked
            retry._timer.stop()
            retry._timer.timeout.emit()
        return retry._timer.interval()

    assert retries_settle_at(file_waits=True) == LAST_OPENING_RETRY_MS
    assert retries_settle_at(file_waits=False) == LAST_RETRY_MS


def test_a_running_timer_row_beyond_the_calendar_is_a_notice_not_a_crash(make_coach, data):
    data.create()
    store = HistoryStore(data.history)
    store.connection.execute(
        "INSERT INTO therapy_sessions (kind, method, area, plan_s, planned_s, started_at, "
        "state, deadline_at, rest_gap_respected) VALUES ('cold', 'ice pack', 'upper back', "
        "900, 1000000000000, '2026-01-05T09:00:00+00:00', 'running', "
        "'2026-01-05T09:15:00+00:00', 1)")
    store.close()
    coach = make_coach()  # starts: the row is named, the other timers would come back
    assert coach.desk.timers == [] and "holds a bad value" in (coach.desk.load_problem or "")
