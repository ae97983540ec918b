"""The voice guidance's lines: a pure function of the routine, looked up by player event."""

from __future__ import annotations

from coach.core.player.playback import Countdown, Finished, Player, SegmentStarted, Stopped
from coach.core.player.voice import END_LINE, VoiceCue, VoiceScript, voice_schedule
from coach.core.routines.routine import Step


def test_the_schedule_announces_steps_sides_rests_last_seconds_and_the_end(
        three_steps) -> None:
    assert voice_schedule(three_steps) == (
        VoiceCue(0, None, "Get ready. First: A."),
        VoiceCue(0, 3, "Three"), VoiceCue(0, 2, "Two"), VoiceCue(0, 1, "One"),
        VoiceCue(1, None, "A."),
        VoiceCue(1, 3, "Three"), VoiceCue(1, 2, "Two"), VoiceCue(1, 1, "One"),
        VoiceCue(2, None, "B. Left side."),
        VoiceCue(2, 3, "Three"), VoiceCue(2, 2, "Two"), VoiceCue(2, 1, "One"),
        VoiceCue(3, None, "Switch sides. Right side next."),
        VoiceCue(4, None, "B. Right side."),
        VoiceCue(4, 3, "Three"), VoiceCue(4, 2, "Two"), VoiceCue(4, 1, "One"),
        VoiceCue(5, None, "Rest."),
        VoiceCue(5, 3, "Three"), VoiceCue(5, 2, "Two"), VoiceCue(5, 1, "One"),
        VoiceCue(6, None, "C."),
        VoiceCue(6, 3, "Three"), VoiceCue(6, 2, "Two"), VoiceCue(6, 1, "One"),
        VoiceCue(None, None, END_LINE),
    )


def test_the_schedule_is_the_same_every_time_and_counts_reps(make_routine) -> None:
    routine = make_routine(Step("Rolls", "Roll.", 10, reps=5, seconds_per_rep=2))
    assert voice_schedule(routine) == voice_schedule(routine)
    assert VoiceCue(1, None, "Rolls. 5 reps.") in voice_schedule(routine)


def test_short_segments_never_count_over_their_own_start(make_routine) -> None:
    routine = make_routine(Step("Quick", "Go.", 2))
    lines = [c for c in voice_schedule(routine, get_ready_s=0) if c.segment == 0]
    assert lines == [VoiceCue(0, None, "Quick."), VoiceCue(0, 1, "One")]


def test_each_player_event_finds_its_line(three_steps) -> None:
    player = Player(three_steps)
    script = VoiceScript(three_steps, player.segments)
    [started] = player.start(0.0)
    assert script.line_for(started, player.index) == "Get ready. First: A."
    assert script.line_for(Countdown(2), 0) == "Two"
    events = player.tick(35.0)  # into the switch of sides
    assert [script.line_for(e, player.index) for e in events] == [
        "A.", "B. Left side.", "Switch sides. Right side next."]
    assert script.line_for(Countdown(3), 3) is None  # no countdown while switching
    assert script.line_for(Finished(), player.index) == END_LINE
    assert script.line_for(Stopped(), player.index) is None
    assert isinstance(events[0], SegmentStarted)
