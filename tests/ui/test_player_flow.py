"""A user's path through the app: pick a routine, play it with the keys, find it in history."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from coach.core.player.playback import GET_READY_S, PlayerState, reading_s
from coach.core.settings import load_settings
from coach.ui.player.pain_prompt import PainPrompt
from coach.ui.safety_dialog import SafetyDialog
from coach.ui.sounds import Cue
from tests.ui.asking import ask
from tests.ui.playing import play, ready_s

RHOMBOID = "tennis-ball-rhomboid-release"
DESK = "desk-posture-reset"


def start(qtbot, coach, routine_id):  # type: ignore[no-untyped-def]
    coach.window.library_view.select(routine_id)
    qtbot.keyClick(coach.window.library_view.list, Qt.Key.Key_Return)
    assert coach.window.player_view is not None
    return coach.window.player_view


def wait_for_tick(qtbot, view):  # type: ignore[no-untyped-def]
    """Let the real ticker run once so the view reads the (fake) clock."""
    with qtbot.waitSignal(view.title_changed, timeout=2000):
        pass


def test_library_lists_every_shipped_routine_with_length_and_when(make_coach):
    coach = make_coach()
    rows = [coach.window.library_view.list.item(i).text()
            for i in range(coach.window.library_view.list.count())]
    assert len(rows) >= 9
    assert any(row.startswith("Tennis-ball rhomboid release\n") and "min" in row
               for row in rows)


def test_first_routine_ever_shows_the_safety_notice_first(qtbot, make_coach, data):
    coach = make_coach(seen_safety=False)
    coach.window.library_view.select(RHOMBOID)
    coach.window.library_view.details.start_button.click()
    dialog = coach.window.findChild(SafetyDialog)
    assert dialog is not None and dialog.isVisible()
    assert coach.window.player_view is None
    dialog.accept()
    prompt = coach.window.pages.currentWidget()  # a new user is asked about pain first
    assert isinstance(prompt, PainPrompt)
    qtbot.keyClick(prompt.scale, Qt.Key.Key_S)
    assert coach.window.player_view is not None
    assert load_settings(data.settings, coach.clock.now()).settings.disclaimer_seen


def test_cancelling_the_safety_notice_does_not_start(qtbot, make_coach, data):
    coach = make_coach(seen_safety=False)
    coach.window.start_routine(RHOMBOID)
    coach.window.findChild(SafetyDialog).reject()
    assert coach.window.player_view is None
    assert not data.settings.exists()


def test_two_requests_before_the_notice_is_accepted_share_one_notice(make_coach):
    coach = make_coach(seen_safety=False)
    done: list[str] = []
    coach.gate.run_after_notice(lambda: done.append("cold timer"))
    coach.gate.run_after_notice(lambda: done.append("heat timer"))
    [dialog] = coach.window.findChildren(SafetyDialog)
    dialog.accept()
    assert done == ["cold timer", "heat timer"]
    coach.gate.run_after_notice(lambda: done.append("routine"))  # accepted: runs at once
    assert done[-1] == "routine" and len(coach.window.findChildren(SafetyDialog)) == 1


def test_a_handed_over_command_that_is_not_understood_is_answered_so(make_coach):
    coach = make_coach()
    for argv in (["pause", "forever"], ["timer", "lava", "15", "neck", "ice pack"],
                 ["timer", "cold", "abc", "neck", "ice pack"], ["timer", "cold", "²", "neck",
                 "ice pack"], ["timer", "cold", "9" * 5000, "neck", "ice pack"], ["dance"]):
        reply = ask(coach, argv)
        assert not reply.ok and " ".join(argv) in reply.message
        assert "does not know the command" in reply.message
    assert coach.desk.timers == [] and not coach.breaks.scheduler.paused_until


def test_a_handed_over_timer_that_cannot_start_says_why_there_and_here(make_coach):
    coach = make_coach()
    reply = ask(coach, ["timer", "heat", "0", "neck", "moist heat pack"])
    assert coach.desk.timers == []
    assert "too short" in coach.window.library_view.notice.text()
    assert not reply.ok and "too short" in reply.message


def test_a_routine_asked_for_on_the_last_one_s_end_screen_starts(qtbot, make_coach, clock):
    coach = make_coach()
    view = start(qtbot, coach, DESK)
    play(view, clock, ready_s(view) + view.session.routine.total_s)
    assert view.session.player.state is PlayerState.FINISHED
    ask(coach, ["start", RHOMBOID])
    assert coach.window.player_view is not None and coach.window.player_view is not view
    assert coach.window.player_view.session.routine.id == RHOMBOID


def test_a_routine_asked_for_while_a_pain_question_is_open_says_so(make_coach):
    coach = make_coach(ask_pain=True)
    coach.window.start_routine(DESK)
    question = coach.window.pages.currentWidget()
    reply = ask(coach, ["start", RHOMBOID])
    assert coach.window.pages.currentWidget() is question and coach.window.player_view is None
    assert "pain question" in coach.window.statusBar().currentMessage()
    assert not reply.ok and "pain question" in reply.message


def test_a_routine_asked_for_while_another_plays_is_not_started_and_says_so(make_coach):
    coach = make_coach()
    coach.window.start_routine(RHOMBOID)
    playing = coach.window.player_view
    assert playing is not None
    ask(coach, ["start", "desk-posture-reset"])
    assert coach.window.player_view is playing
    assert "is playing" in coach.window.statusBar().currentMessage()


def test_rhomboid_release_played_to_the_end_is_a_completed_session(qtbot, make_coach, clock):
    coach = make_coach()
    view = start(qtbot, coach, RHOMBOID)
    routine = view.session.routine
    assert "Get ready" in view.phase.text()
    play(view, clock, ready_s(view) + routine.total_s)
    assert view.session.player.state is PlayerState.FINISHED
    assert view.end_heading.text() == "Well done."
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert coach.window.player_view is None
    [session] = coach.store.routine_sessions()
    assert session.routine_id == RHOMBOID and session.completed
    assert session.steps_completed == session.steps_total == view.session.player.exercises_total
    assert session.duration_s == routine.total_s
    assert "completed" in coach.window.library_view.recent.text()


def test_space_pauses_and_a_long_pause_leaves_the_countdown_exact(qtbot, make_coach, clock):
    coach = make_coach()
    view = start(qtbot, coach, DESK)
    play(view, clock, ready_s(view) + 2.5)
    wait_for_tick(qtbot, view)
    first = view.session.routine.steps[0]
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.pause_button.text() == "Resume"
    assert view.phase.text().startswith("Paused")
    clock.advance(2 * 3600)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    wait_for_tick(qtbot, view)
    expected = first.duration_s - 2.5
    assert view.session.player.remaining_s(clock.monotonic()) == expected
    assert view.countdown.text() == f"0:{int(expected) + 1:02d}"


def test_right_skips_and_left_goes_back(qtbot, make_coach):
    coach = make_coach()
    view = start(qtbot, coach, DESK)
    steps = view.session.routine.steps
    qtbot.keyClick(view, Qt.Key.Key_Right)  # past get-ready
    assert view.step_name.text().startswith(steps[0].name)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.position.text() != "Step 1 of 4"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.step_name.text().startswith(steps[view.session.player.current.step_index].name)


def test_escape_stops_early_and_keeps_a_partial_session(qtbot, make_coach, clock):
    coach = make_coach()
    view = start(qtbot, coach, RHOMBOID)
    play(view, clock, ready_s(view) + 40)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.end_heading.text() == "Stopped early."
    [session] = coach.store.routine_sessions()
    assert not session.completed
    assert session.duration_s == 40
    assert 0 < session.steps_completed < session.steps_total
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert coach.window.player_view is None
    assert "partial" in coach.window.library_view.recent.text()


def test_closing_the_window_mid_routine_keeps_a_partial_session(qtbot, make_coach, clock):
    coach = make_coach()
    view = start(qtbot, coach, RHOMBOID)
    play(view, clock, ready_s(view) + 30)
    coach.window.close()
    [session] = coach.store.routine_sessions()
    assert not session.completed and session.duration_s == 30


def test_window_title_shows_time_left_and_routine(qtbot, make_coach):
    coach = make_coach()
    view = start(qtbot, coach, DESK)
    wait_for_tick(qtbot, view)
    assert coach.window.windowTitle() == f"0:{ready_s(view):02d} · Desk posture reset — Coach"


def test_sound_cues_for_step_countdown_and_end_and_m_mutes(qtbot, make_coach, clock, data):
    coach = make_coach()
    coach.sounds.muted = False
    view = start(qtbot, coach, DESK)
    played: list[Cue] = []
    coach.sounds.played.connect(played.append)
    play(view, clock, ready_s(view) - 2.5)
    wait_for_tick(qtbot, view)
    assert played == [Cue.TICK]
    clock.advance(2.5)
    wait_for_tick(qtbot, view)
    assert played[-1] is Cue.STEP
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert view.mute_button.text() == "Sound: off"
    assert load_settings(data.settings, clock.now()).settings.muted
    count = len(played)
    play(view, clock, view.session.routine.total_s)
    assert not view.session.player.is_active
    assert len(played) == count


def test_skipping_to_the_end_is_finished_but_not_completed(qtbot, make_coach):
    coach = make_coach()
    view = start(qtbot, coach, DESK)
    while view.session.player.is_active:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.end_heading.text() == "Finished, with 4 skipped."
    assert coach.window.windowTitle() == "Coach"
    [session] = coach.store.routine_sessions()
    assert not session.completed and session.steps_completed == 0


def test_a_suspend_mid_routine_pauses_it_and_says_so_on_wake(qtbot, make_coach, clock):
    coach = make_coach()
    view = start(qtbot, coach, RHOMBOID)
    play(view, clock, ready_s(view) + 10)  # 10 s into step 1
    clock.suspend(2 * 3600)
    view.tick()
    assert view.session.player.state is PlayerState.PAUSED
    assert view.position.text() == f"Step 1 of {len(view.session.routine.steps)}"
    assert view.away_notice.isVisibleTo(view) and "for 2 h (" in view.away_notice.text()
    [session] = coach.store.routine_sessions()
    assert (session.duration_s, session.steps_completed) == (10, 0)

    qtbot.keyClick(view, Qt.Key.Key_Space)
    play(view, clock, 1)
    assert not view.away_notice.isVisibleTo(view)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    [session] = coach.store.routine_sessions()
    assert session.duration_s == 11 and not session.completed


def test_every_routine_shows_its_cautions_on_the_get_ready_screen(qtbot, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    for routine in coach.window.library_view.library.routines:
        coach.window.start_routine(routine.id)
        view = coach.window.player_view
        assert view is not None and view.phase.text() == "Get ready"
        assert view.step_name.text() == "Before you start"
        for caution in routine.cautions:
            assert caution in view.instruction.text(), routine.id
        assert ready_s(view) == reading_s(routine) > GET_READY_S, routine.id  # time to read
        assert view.next_preview.text() == f"First: {routine.steps[0].name}  ·  → to begin now"
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        assert coach.window.player_view is None


def test_the_warning_signs_are_one_click_away_while_a_routine_plays(qtbot, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    view = start(qtbot, coach, RHOMBOID)
    view.safety_button.click()
    dialog = coach.window.findChild(SafetyDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Call your local emergency number now (do not drive yourself) if:" in dialog_texts(
        dialog)
    assert "This routine's cautions" in dialog_texts(dialog)
    assert "If signs from more than one group apply, follow the most urgent." in dialog_texts(
        dialog)
    assert view.session.routine.cautions[0] in dialog_texts(dialog)  # back while it plays


def dialog_texts(dialog) -> str:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_library_groups_routines_by_when_to_use_them_with_a_drawing_each(qtbot, make_coach):
    coach = make_coach()
    library = coach.window.library_view
    rows = [library.list.item(row) for row in range(library.list.count())]
    headings = [item.text() for item in rows if not item.flags()]
    assert headings[:2] == ["During a spasm", "After a spasm eases"]
    assert "At the desk" in headings
    routines = [item for item in rows if item.flags()]
    assert len(routines) == len(coach.library.routines)  # each once, under its first use
    assert all(not item.icon().isNull() for item in routines)
    assert library.list.wordWrap()  # a long title wraps rather than being cut off
    library.list.setFocus()
    first = library.selected()
    assert first is not None and first.when[0] == "acute-spasm"
    for _ in range(len(rows)):  # the arrow keys pass over the headings
        qtbot.keyClick(library.list, Qt.Key.Key_Down)
        assert library.list.currentItem().flags(), library.list.currentItem().text()


def test_a_routine_started_from_the_command_line_comes_forward_over_history(qtbot, make_coach):
    coach = make_coach()
    history = coach.open_history("timeline")
    history.show()
    history.activateWindow()
    qtbot.waitUntil(history.isActiveWindow, timeout=3000)
    assert ask(coach, ["start", DESK]).ok
    qtbot.waitUntil(coach.window.isActiveWindow, timeout=3000)
    assert coach.window.player_view is not None and history.isVisible()


def test_a_player_that_cannot_load_says_what_went_wrong(make_coach, monkeypatch):
    coach = make_coach(ask_pain=True)
    monkeypatch.setitem(sys.modules, "coach.ui.player.player_view", None)  # import fails
    coach.window.start_routine(DESK)
    qtkey = coach.window.pages.currentWidget().scale
    qtkey.choose(5)  # the pain question, then the player should start
    assert coach.window.player_view is None
    assert coach.window.pages.currentWidget() is coach.window.tabs
    notice = coach.window.library_view.notice.text()
    assert "Desk posture reset could not start" in notice and "start it again" in notice


def test_every_instruction_fits_on_screen_at_the_smallest_window_without_scrolling(
        qtbot, make_coach, clock):
    coach = make_coach()
    coach.window.resize(coach.window.minimumSizeHint())
    coach.window.start_routine(RHOMBOID)  # the longest cautions and instructions
    view = coach.window.player_view
    text = view.instruction
    while view.session.player.is_active:
        qtbot.wait(1)
        scale = text.scale()
        height = text._height(scale, text.contentsRect().width())
        assert height <= text.contentsRect().height() + 1, text.text()[:40]
        assert scale >= 0.4
        view.skip()


def test_the_warning_signs_pause_the_routine(qtbot, make_coach):
    coach = make_coach()
    coach.window.start_routine(DESK)
    view = coach.window.player_view
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert view.session.player.state is PlayerState.PAUSED


def test_a_long_routine_title_gets_the_rows_it_needs_in_a_narrow_list(qtbot, make_coach):
    coach = make_coach()
    library = coach.window.library_view
    library.list.resize(300, 500)
    qtbot.wait(20)
    [row] = [library.list.item(r) for r in range(library.list.count())
             if library.list.item(r).text().startswith("Tennis-ball release against a wall")]
    lines = library.list.fontMetrics().lineSpacing()
    assert row.sizeHint().height() >= 3 * lines  # title on two lines, then its length


def test_the_key_hints_wrap_only_between_keys():
    from coach.ui.player.player_view import KEYS_HINT, keys_line

    line = keys_line(KEYS_HINT)
    assert line.replace("\u00a0", " ") == KEYS_HINT  # reads the same
    wraps_at = [part.replace("\u00a0", " ").strip() for part in line.split(" ")]
    assert wraps_at == ["Space pause/resume  ·", "← back  ·", "→ skip  ·", "Esc stop  ·",
                        "M sound on/off  ·", "W warning signs  ·", "F11 full screen"]
