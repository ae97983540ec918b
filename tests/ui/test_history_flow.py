"""A user's path through History: log a symptom, find it in the timeline and the charts,
edit and delete it, undo, export, print the clinician report, answer the pain questions."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QPushButton

from coach.core.format import length_text
from coach.core.history.symptoms import SymptomLog
from coach.core.history.timeline import EntryKind
from coach.core.player.playback import PlayerState
from coach.core.therapy.timer import TherapyKind, plan_application
from coach.ui.history import timeline_view
from coach.ui.history.report_document import CHART_URL, HEADINGS, pain_chart, save_pdf
from coach.ui.history.timeline_model import HEADERS
from coach.ui.player.pain_prompt import PainPrompt
from tests.ui.playing import play, ready_s

DESK = "desk-posture-reset"


def log_symptom(qtbot, history, score_key, area_index=2, spasm=True, note=""):  # type: ignore[no-untyped-def]
    form = history.symptom_form
    qtbot.keyClick(form.scale, score_key)
    form.area.setCurrentIndex(area_index)
    form.spasm.setChecked(spasm)
    form.note.setPlainText(note)
    qtbot.mouseClick(form.log_button, Qt.MouseButton.LeftButton)


def cells(history, row=0):  # type: ignore[no-untyped-def]
    model = history.timeline_view.model
    return [model.data(model.index(row, column)) for column in range(len(HEADERS))]


def test_history_opens_with_ctrl_h_and_is_let_go_of_when_closed(qtbot, make_coach,
                                                                handed_back):
    coach = make_coach()
    coach.window.activateWindow()
    qtbot.waitUntil(coach.window.isActiveWindow, timeout=2000)
    qtbot.keyClick(coach.window.library_view.list, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier)
    history = coach.history_window
    assert history is not None and history.isVisible()
    history.close()
    qtbot.waitUntil(lambda: coach.history_window is None and bool(handed_back))
    assert coach.open_history().isVisible()  # made again when asked for


def test_the_charts_and_pyqtgraph_load_only_when_their_tab_is_shown(tmp_path):
    code = ("import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication; "
            "from coach.core.clock import SystemClock; from coach.app import build_shell; "
            "from coach.paths import DataPaths; app = QApplication([]); "
            f"s = build_shell(DataPaths(Path({str(tmp_path)!r})), SystemClock()); "
            "h = s.open_history('timeline'); app.processEvents(); "
            "print('pyqtgraph' in sys.modules); h.show_tab('charts'); app.processEvents(); "
            "print('pyqtgraph' in sys.modules, h.charts.isVisible())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                              "DBUS_SESSION_BUS_ADDRESS": "unix:path=/none",
                                              "PATH": "/usr/bin:/bin"})
    assert result.stdout.split() == ["False", "True", "True"], result.stderr


LOADED_WHEN_NEEDED = ("pyqtgraph", "PySide6.QtMultimedia", "PySide6.QtTextToSpeech",
                      "PySide6.QtSvg", "coach.ui.player.player_view", "coach.ui.history.window",
                      "coach.ui.therapy.view",
                      "_hashlib")  # OpenSSL's 3 MB: never needed


def test_start_up_leaves_charts_sound_speech_and_pictures_for_later(tmp_path):
    code = ("import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication; "
            "from coach.core.clock import SystemClock; from coach.app import build_shell; "
            "from coach.paths import DataPaths; app = QApplication([]); "
            f"s = build_shell(DataPaths(Path({str(tmp_path)!r})), SystemClock()); s.window.show(); "
            f"app.processEvents(); print([m for m in {LOADED_WHEN_NEEDED!r} "
            "if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                              "DBUS_SESSION_BUS_ADDRESS": "unix:path=/none",
                                              "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == "[]", result.stderr


def test_a_symptom_logged_shows_in_the_timeline_and_the_pain_chart(qtbot, make_coach, clock):
    coach = make_coach()
    history = coach.open_history("symptoms")
    log_symptom(qtbot, history, Qt.Key.Key_7, note="<b>not bold</b> after lifting")
    assert "Logged pain 7/10" in history.symptom_form.message.text()
    when, kind, title, spent, outcome, note = cells(history)
    assert (kind, title, spent, outcome) == ("Symptom", "Pain 7/10, neck, spasm", "", "logged")
    assert note == "<b>not bold</b> after lifting"  # the characters, as typed
    history.show_tab("charts")
    today = clock.now().astimezone().date()
    assert history.charts.series["pain"] == ([today], [7.0])


def test_the_timeline_filters_by_kind_and_searches(qtbot, make_coach, clock):
    coach = make_coach()
    history = coach.open_history("symptoms")
    log_symptom(qtbot, history, Qt.Key.Key_3, note="after gardening")
    session = coach.store.begin_routine("r", "Desk posture reset", clock.now(), 3)
    coach.store.update_routine(session, 90, 3, True)
    view = history.timeline_view
    view.reload()
    assert view.model.total == 2
    view.kind.setCurrentIndex(view.kind.findData("Routines"))
    assert [cells(history, r)[2] for r in range(view.model.rowCount())] == [
        "Desk posture reset"]
    view.kind.setCurrentIndex(view.kind.findData("All entries"))
    view.search.setText("GARDEN")
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=2000)
    assert cells(history)[1] == "Symptom"
    view.search.clear()
    view.range.setCurrentIndex(view.range.findData("Between…"))
    view.first.setDate(view.first.date().addDays(-400))
    view.last.setDate(view.first.date().addDays(1))
    assert view.model.total == 0


def test_delete_with_undo_and_edit_a_note(qtbot, make_coach, monkeypatch):
    monkeypatch.setattr(timeline_view, "UNDO_NOTE_MS", 50)
    coach = make_coach()
    history = coach.open_history("symptoms")
    log_symptom(qtbot, history, Qt.Key.Key_5, note="first")
    view = history.timeline_view
    view.table.selectRow(0)
    assert view.edit_note(note="changed")
    assert cells(history)[5] == "changed"
    history.show_tab("timeline")
    history.activateWindow()
    qtbot.waitUntil(history.isActiveWindow, timeout=2000)
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.total == 0
    assert view.undo_bar.isVisible() and "Pain 5/10" in view.undo_bar.text()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.model.total == 1 and cells(history)[5] == "changed"
    history.close()  # the "Put back." note, due to go, no longer has a window to go from
    qtbot.waitUntil(lambda: coach.history_window is None)
    qtbot.wait(200)


def test_delete_everything_says_what_goes(qtbot, make_coach, clock):
    coach = make_coach()
    history = coach.open_history("symptoms")
    log_symptom(qtbot, history, Qt.Key.Key_2)
    log_symptom(qtbot, history, Qt.Key.Key_4)
    coach.store.begin_routine("r", "Desk posture reset", clock.now(), 3)
    coach.window.show_recent()
    assert "Desk posture reset" in coach.window.library_view.recent.text()
    assert history.deletion_summary() == "1 routine session, 2 symptom entries"
    history.delete_everything()
    assert history.deletion_summary() is None
    assert history.timeline_view.model.total == 0
    assert coach.window.library_view.recent.text() == "No sessions yet."


def test_export_everything_or_a_range_to_a_private_file(qtbot, make_coach, tmp_path, clock):
    coach = make_coach()
    history = coach.open_history("symptoms")
    log_symptom(qtbot, history, Qt.Key.Key_6, note='=1+1, "quoted"\nsecond line')
    dialog = history.open_export()
    target = tmp_path / "history.csv"
    assert dialog.save(target)
    [row] = list(csv.DictReader(target.open(newline="", encoding="utf-8")))
    assert row["note"] == "'=1+1, \"quoted\"\nsecond line"
    assert target.stat().st_mode & 0o777 == 0o600
    dialog.file_format.setCurrentIndex(1)
    dialog.everything.setChecked(False)
    dialog.first.setDate(dialog.first.date().addDays(-400))
    dialog.last.setDate(dialog.first.date())
    assert dialog.save(tmp_path / "old.json")
    assert json.loads((tmp_path / "old.json").read_text())["symptoms"] == []
    assert "Exported 0 entries" in dialog.message.text()


def test_clinician_report_prints_to_a_pdf_with_its_headings(qtbot, make_coach, tmp_path,
                                                            clock):
    coach = make_coach()
    SymptomLog(coach.store).add(clock.now(), 8, "neck", True, "<i>stiff</i>")
    dialog = coach.open_history("timeline").open_report()
    assert dialog.report is not None and dialog.report.pain_entries == 1
    target = tmp_path / "report.pdf"
    assert dialog.save(target)
    assert target.stat().st_size > 1000 and target.stat().st_mode & 0o777 == 0o600
    document = QPdfDocument()
    document.load(str(target))
    assert document.pageCount() == 1
    text = document.getAllText(0).text()
    for heading in HEADINGS:
        assert heading in text
    assert "<i>stiff</i>" in text


def test_a_report_that_cannot_be_written_says_so(qtbot, make_coach, tmp_path):
    coach = make_coach()
    dialog = coach.open_history("timeline").open_report()
    assert not dialog.save(tmp_path / "missing" / "report.pdf")
    assert "Not saved" in dialog.message.text()


def test_pain_is_asked_before_and_after_a_routine(qtbot, make_coach, clock):
    coach = make_coach(ask_pain=True)
    coach.window.start_routine(DESK)
    prompt = coach.window.pages.currentWidget()
    assert isinstance(prompt, PainPrompt) and coach.window.player_view is None
    qtbot.keyClick(prompt.scale, Qt.Key.Key_6)
    view = coach.window.player_view
    assert view is not None
    play(view, clock, ready_s(view) + view.session.routine.total_s)
    assert view.session.player.state is PlayerState.FINISHED
    after = view.findChild(PainPrompt)
    assert after is not None and after.isVisible() and coach.window.focusWidget() is after.scale
    qtbot.keyClick(after.scale, Qt.Key.Key_3)
    entries = SymptomLog(coach.store).entries()
    assert [(e.moment, e.pain, e.session_id) for e in entries] == [
        ("after", 3, view.session.session_id), ("before", 6, view.session.session_id)]
    assert view.end_tiles.texts()["pain"] == "6 → 3 pain, down"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert coach.window.player_view is None
    changes = coach.open_history("charts").charts.helped.text()
    assert "Desk posture reset 6 → 3 (1×)" in changes  # whole numbers, as scored


@pytest.mark.parametrize("key", [Qt.Key.Key_S, Qt.Key.Key_Escape])
def test_the_pain_question_can_be_skipped_or_the_routine_left(qtbot, make_coach, key):
    coach = make_coach(ask_pain=True)
    coach.window.start_routine(DESK)
    qtbot.keyClick(coach.window.pages.currentWidget().scale, key)
    assert (coach.window.player_view is not None) == (key == Qt.Key.Key_S)
    assert SymptomLog(coach.store).entries() == []


def test_the_pain_questions_can_be_switched_off_in_settings(qtbot, make_coach):
    coach = make_coach(ask_pain=True)
    dialog = coach.open_settings()
    dialog.ask_pain.setChecked(False)
    dialog.accept()
    coach.window.start_routine(DESK)
    assert coach.window.player_view is not None


def test_entries_of_every_kind_can_be_deleted_and_put_back(qtbot, make_coach, clock):
    coach = make_coach()
    coach.store.begin_routine("r", "Desk posture reset", clock.now(), 3)
    history = coach.open_history("timeline")
    view = history.timeline_view
    assert view.delete_selected(0)
    assert coach.store.routine_sessions() == []
    view.undo()
    assert [s.routine_title for s in coach.store.routine_sessions()] == ["Desk posture reset"]
    assert view.model.entry(0).kind is EntryKind.ROUTINE


def test_report_has_one_page_even_for_90_busy_days(qtbot, make_coach, tmp_path, clock):
    coach = make_coach()
    log = SymptomLog(coach.store)
    today = clock.now()
    for day in range(90):
        log.add(today - timedelta(days=day), day % 11, "upper back", day % 3 == 0,
                f"note {day}")
    dialog = coach.open_history("timeline").open_report()
    dialog.period.setCurrentIndex(2)
    target = tmp_path / "busy.pdf"
    assert dialog.report is not None
    save_pdf(dialog.report, target)
    document = QPdfDocument()
    document.load(str(target))
    assert document.pageCount() == 1
    assert dialog.report.first_day == today.astimezone().date() - timedelta(days=89)
    assert isinstance(dialog.report.first_day, date)


def test_a_note_that_cannot_be_saved_yet_is_kept_and_written_later(qtbot, make_coach,
                                                                    clock):
    coach = make_coach()
    SymptomLog(coach.store).add(clock.now(), 4, "neck", False, "kept")
    history = coach.open_history("timeline")
    coach.store.connection.execute("PRAGMA query_only = ON")
    assert history.timeline_view.edit_note(0, "new")
    assert "Not saved yet" in history.timeline_view.count.text()
    assert not history.timeline_view.delete_selected(0)
    assert cells(history)[5] == "kept" and coach.history_retry.active
    coach.store.connection.execute("PRAGMA query_only = OFF")
    qtbot.waitUntil(lambda: not coach.history_retry.active, timeout=5000)
    assert cells(history)[5] == "new"  # shown as soon as it is written


def test_the_delete_button_deletes_the_selected_entry(qtbot, make_coach, clock):
    coach = make_coach()
    log = SymptomLog(coach.store)
    log.add(clock.now() - timedelta(hours=1), 2, "neck", False, "older")
    log.add(clock.now(), 5, "neck", False, "newer")
    view = coach.open_history("timeline").timeline_view
    view.table.selectRow(1)
    [button] = [b for b in view.findChildren(QPushButton) if b.text().startswith("Delete")]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [e.note for e in log.entries()] == ["newer"]


def test_an_open_history_window_picks_up_entries_saved_elsewhere(qtbot, make_coach, clock):
    coach = make_coach()
    history = coach.open_history("timeline")
    before = history.timeline_view.model.total
    session = coach.store.begin_routine("r", "Played meanwhile", clock.now(), 2)
    coach.store.update_routine(session, 30, 1, False)
    assert history.timeline_view.model.total == before + 1  # told by the feed, not polled
    assert cells(history)[2] == "Played meanwhile"
    assert "Played meanwhile" in coach.window.library_view.recent.text()


def test_a_hidden_history_window_shows_what_changed_when_it_opens_again(qtbot, make_coach,
                                                                         clock):
    coach = make_coach()
    history = coach.open_history("timeline")
    history.hide()
    SymptomLog(coach.store).add(clock.now(), 3, "neck", False, "while hidden")
    history.show()
    assert cells(history)[5] == "while hidden"
    coach.shut_down()
    qtbot.waitUntil(lambda: coach.history_window is None)  # closed, and deleted


@pytest.mark.parametrize(("before", "after", "why"), [
    (Qt.Key.Key_3, Qt.Key.Key_5, "went up from 3 to 5"),
    (None, Qt.Key.Key_8, "You gave your pain 8 out of 10"),
])
def test_pain_that_rose_or_is_high_after_a_routine_means_stop_for_today(
        qtbot, make_coach, clock, before, after, why):
    from coach.ui.safety_dialog import SafetyDialog

    coach = make_coach(ask_pain=True)
    coach.window.start_routine(DESK)
    qtbot.keyClick(coach.window.pages.currentWidget().scale, before or Qt.Key.Key_S)
    view = coach.window.player_view
    play(view, clock, ready_s(view) + view.session.routine.total_s)
    qtbot.keyClick(view.findChild(PainPrompt).scale, after)

    advice = [w.text() for w in view.findChildren(QLabel) if "Leave the exercises" in w.text()]
    assert len(advice) == 1 and why in advice[0] and "warning signs" in advice[0]
    assert coach.window.findChild(SafetyDialog) is None
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert coach.window.findChild(SafetyDialog) is not None


def test_pain_a_little_lower_or_a_point_higher_gets_no_advice_to_stop(qtbot, make_coach,
                                                                     clock):
    coach = make_coach(ask_pain=True)
    coach.window.start_routine(DESK)
    qtbot.keyClick(coach.window.pages.currentWidget().scale, Qt.Key.Key_4)
    view = coach.window.player_view
    play(view, clock, ready_s(view) + view.session.routine.total_s)
    qtbot.keyClick(view.findChild(PainPrompt).scale, Qt.Key.Key_5)
    assert not [w for w in view.findChildren(QLabel) if "Leave the exercises" in w.text()]


def test_the_end_screen_shows_time_spent_without_getting_ready_and_the_day_so_far(
        qtbot, make_coach, clock):
    coach = make_coach()
    for day in range(3):  # three days in a row; the third has two routines
        coach.window.start_routine(DESK)
        view = coach.window.player_view
        play(view, clock, ready_s(view) + view.session.routine.total_s)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        if day < 2:
            clock.advance(24 * 3600)
    coach.window.start_routine(DESK)
    view = coach.window.player_view
    total_s = view.session.routine.total_s
    play(view, clock, ready_s(view) + total_s)
    assert view.end_tiles.texts() == {
        "spent": f"{length_text(total_s)} spent",  # getting ready not counted
        "done": "4 of 4 exercises done",
        "today": f"{length_text(2 * total_s)} in routines today",
        "run": "3 days in a row"}


def test_the_pain_scale_has_words_at_0_5_and_10_and_colours_from_green_to_red(make_coach):
    coach = make_coach(ask_pain=True)
    coach.window.start_routine(DESK)
    scale = coach.window.pages.currentWidget().scale
    words = {label.text() for label in scale.findChildren(QLabel)}
    assert words == {"No pain", "Moderate", "Worst imaginable"}
    colours = [scale.button(n).palette().color(scale.button(n).backgroundRole())
               for n in range(11)]
    hues = [colour.hslHue() for colour in colours]
    assert hues == sorted(hues, reverse=True) and len(set(hues)) == 11  # green down to red
    assert all(scale.button(n).height() >= 64 for n in range(11))
    assert scale.button(10).accessibleName() == "Pain 10 of 10: worst imaginable"


def test_the_timeline_says_when_as_people_do_and_cuts_no_outcome_short(qtbot, make_coach,
                                                                       clock):
    coach = make_coach()
    session = coach.store.begin_routine("x", "Upper-back self-massage", clock.now(), 10)
    coach.store.update_routine(session, 12.0, 0, False)
    history = coach.open_history("timeline")
    history.resize(history.minimumSizeHint())
    qtbot.wait(50)
    when, _kind, _title, _spent, outcome, _note = cells(history)
    assert when.startswith("Today ") and outcome == "partial: 0 of 10 exercises"
    table = history.timeline_view.table
    metrics = table.fontMetrics()
    assert table.columnWidth(4) >= metrics.horizontalAdvance(outcome)


def test_charts_with_one_day_keep_bars_inside_whole_counts_and_months_on_dates(
        qtbot, make_coach, clock):
    coach = make_coach()
    session = coach.store.begin_routine("x", "Desk posture reset", clock.now(), 4)
    coach.store.update_routine(session, 150.0, 4, True)
    history = coach.open_history("charts")
    history.show_tab("charts")
    charts = history.charts
    qtbot.waitUntil(lambda: bool(charts.series.get("minutes", ([], []))[0]), timeout=5000)
    import pyqtgraph as pg

    for name, plot in charts._plots.items():
        (left, right), _ = plot.getViewBox().viewRange()
        for bars in (i for i in plot.items() if isinstance(i, pg.BarGraphItem)):
            half = bars.opts["width"] / 2
            assert left <= min(bars.opts["x"]) - half, name
            assert max(bars.opts["x"]) + half <= right, name
    axis = charts._plots["cold and heat"].getAxis("left")
    ticks = [value for level in axis.tickValues(0, 1.05, 200) for value in level[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)
    dates = charts._plots["minutes"].getAxis("bottom")
    noon = [datetime(2026, 11, day, 12).timestamp() for day in (8, 13, 28)]
    assert dates.tickStrings(noon, 1, 5 * 86400) == ["8 Nov", "13 Nov", "28 Nov"]


def test_the_report_names_the_patient_charts_pain_and_flags_a_pack_left_on_too_long(
        qtbot, make_coach, tmp_path, clock):
    coach = make_coach()
    session = coach.store.begin_routine("x", "Desk posture reset", clock.now(), 4)
    coach.store.update_routine(session, 150.0, 4, True)
    SymptomLog(coach.store).add_around_routine(clock.now(), 6, session, "before")
    SymptomLog(coach.store).add_around_routine(clock.now(), 3, session, "after")
    timer = coach.desk.start(plan_application(TherapyKind.COLD, 15, "neck", None))
    clock.advance(37 * 60)
    coach.desk.update()
    coach.desk.confirm_off(timer)
    dialog = coach.open_history("timeline").open_report()
    dialog.name.setText("Ana Example")
    dialog.born.setText("1 May 1980")
    dialog.refresh()
    target = tmp_path / "report.pdf"
    assert dialog.save(target)
    document = QPdfDocument()
    document.load(str(target))
    text = " ".join(document.getAllText(0).text().split())
    assert "Name: Ana Example" in text and "Date of birth: 1 May 1980" in text
    assert "Where" not in text  # only scores given around a routine: no area to name
    assert "Left on longer than the 20-minute limit (1 time)" in text
    assert "Ice pack, neck" in text and "37 min" in text
    assert dialog.document.resource(QTextDocument.ResourceType.ImageResource,
                                    CHART_URL) is not None
    chart = pain_chart(dialog.report)
    assert len({chart.pixelColor(x, y).name() for x in range(0, chart.width(), 7)
                for y in range(0, chart.height(), 7)}) > 3  # a line was drawn
