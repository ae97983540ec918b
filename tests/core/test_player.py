"""The player: a state machine driven by plain float timestamps.

Most tests use the ``three_steps`` routine (see conftest), started at t=0:
ready 0-5, A 5-15, B left 15-35, switch 35-40, B right 40-60, rest 60-75, C 75-83.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.core.player.playback import (
    GET_READY_S,
    Countdown,
    Finished,
    Player,
    PlayerState,
    Segment,
    SegmentKind,
    SegmentStarted,
    Stopped,
    build_segments,
)
from coach.core.routines.routine import SWITCH_SIDES_S, Step

READY, EXERCISE, SWITCH, REST = (SegmentKind.READY, SegmentKind.EXERCISE, SegmentKind.SWITCH,
                                 SegmentKind.REST)
TOTAL_S = 83
SPENT_S = TOTAL_S - GET_READY_S  # getting ready is not time spent


@pytest.fixture
def player(three_steps):
    return Player(three_steps)


@pytest.fixture
def started(player):
    player.start(0.0)
    return player


def started_indexes(events):
    return [e.index for e in events if isinstance(e, SegmentStarted)]


# -- the timeline ---------------------------------------------------------------------------

def test_segments_are_ready_then_each_side_with_a_switch_between_then_the_rest(three_steps):
    assert build_segments(three_steps) == (
        Segment(READY, GET_READY_S),
        Segment(EXERCISE, 10, 0),
        Segment(EXERCISE, 20, 1, "left"),
        Segment(SWITCH, SWITCH_SIDES_S, 1, "right"),
        Segment(EXERCISE, 20, 1, "right"),
        Segment(REST, 15, 1),
        Segment(EXERCISE, 8, 2),
    )


def test_no_ready_segment_when_get_ready_is_zero(three_steps):
    segments = build_segments(three_steps, get_ready_s=0)
    assert segments[0] == Segment(EXERCISE, 10, 0)
    assert len(segments) == 6


def test_timeline_matches_the_routine_length_plus_get_ready(three_steps):
    assert sum(s.duration_s for s in build_segments(three_steps)) == \
        three_steps.total_s + GET_READY_S == TOTAL_S


def test_before_start_the_player_shows_the_first_segment(player):
    assert player.state is PlayerState.NOT_STARTED
    assert player.remaining_s(0.0) == GET_READY_S
    assert player.progress(0.0) == 0.0
    assert player.active_s(50.0) == 0.0
    assert player.exercises_total == 4


# -- playing straight through ------------------------------------------------------------------

def test_ticking_through_the_whole_routine_finishes_with_exact_active_time(player):
    events = player.start(100.0)
    now = 100.0
    while player.state is PlayerState.RUNNING:
        now += 0.25
        events += player.tick(now)

    assert started_indexes(events) == [0, 1, 2, 3, 4, 5, 6]
    assert events[-1] == Finished()
    assert events.count(Finished()) == 1
    assert now == 100.0 + TOTAL_S
    assert player.state is PlayerState.FINISHED
    assert player.active_s(now + 500) == SPENT_S
    assert player.exercises_completed == 4
    assert player.progress(now) == 1.0
    assert player.remaining_s(now) == 0.0


def test_countdown_3_2_1_once_per_segment_except_switch(player):
    events = player.start(0.0)
    now = 0.0
    while player.state is PlayerState.RUNNING:
        now += 0.1
        events += player.tick(now)

    countdowns: dict[int, list[int]] = {}
    for event in events:
        if isinstance(event, SegmentStarted):
            current = countdowns.setdefault(event.index, [])
        elif isinstance(event, Countdown):
            current.append(event.seconds_left)
    assert countdowns == {0: [3, 2, 1], 1: [3, 2, 1], 2: [3, 2, 1], 3: [], 4: [3, 2, 1],
                          5: [3, 2, 1], 6: [3, 2, 1]}


def test_countdown_fires_when_three_seconds_are_left(started):
    assert started.tick(1.9) == []
    assert started.tick(2.0) == [Countdown(3)]
    assert started.tick(2.5) == []
    assert started.tick(3.0) == [Countdown(2)]
    assert started.tick(4.0) == [Countdown(1)]
    assert started.tick(4.9) == []


def test_late_tick_crosses_several_segments_and_keeps_the_deadlines_exact(started):
    events = started.tick(43.5)  # into B right, which started at 40.0

    assert started_indexes(events) == [1, 2, 3, 4]
    assert started.index == 4
    assert started.remaining_s(43.5) == 16.5
    assert started.exercises_completed == 2
    assert started.active_s(43.5) == 38.5


def test_very_late_tick_finishes_at_the_planned_end(started):
    events = started.tick(10_000.0)
    assert started_indexes(events) == [1, 2, 3, 4, 5, 6]
    assert events[-1] == Finished()
    assert started.active_s(10_000.0) == SPENT_S
    assert started.exercises_completed == 4


# -- pause and resume ----------------------------------------------------------------------------

def test_a_two_hour_pause_leaves_the_remaining_time_unchanged(started):
    started.tick(8.0)  # A, 7 s left
    started.pause(8.0)
    assert started.state is PlayerState.PAUSED
    assert started.remaining_s(8.0 + 7200) == 7.0
    assert started.tick(8.0 + 7200) == []

    started.resume(8.0 + 7200)
    assert started.state is PlayerState.RUNNING
    assert started.remaining_s(8.0 + 7200) == 7.0
    assert started.remaining_s(8.0 + 7201) == 6.0


def test_active_time_excludes_the_pause(started):
    started.pause(8.0)
    started.resume(7208.0)
    assert started.active_s(7210.0) == 5.0
    started.tick(100_000.0)
    assert started.state is PlayerState.FINISHED
    assert started.active_s(100_000.0) == SPENT_S


def test_toggle_pause_alternates(started):
    started.toggle_pause(1.0)
    assert started.state is PlayerState.PAUSED
    started.toggle_pause(2.0)
    assert started.state is PlayerState.RUNNING
    assert started.remaining_s(2.0) == GET_READY_S - 1.0


def test_pause_first_ends_segments_whose_time_has_passed(started):
    events = started.pause(16.0)
    assert started_indexes(events) == [1, 2]
    assert started.remaining_s(99.0) == 19.0


# -- skip ----------------------------------------------------------------------------------------

def test_skip_moves_on_at_once_without_counting_the_skipped_exercise(started):
    assert started_indexes(started.skip(1.0)) == [1]
    assert started_indexes(started.skip(2.0)) == [2]
    assert started.remaining_s(2.0) == 20.0
    assert started.exercises_completed == 0


def test_skip_on_the_last_segment_finishes(started):
    started.tick(80.0)  # in C
    events = started.skip(80.0)
    assert events == [Finished()]
    assert started.state is PlayerState.FINISHED
    assert started.exercises_completed == 3  # A, B left, B right, not C
    assert started.active_s(90.0) == 75.0


def test_skip_while_paused_stays_paused_with_the_whole_next_segment(started):
    started.pause(1.0)
    started.skip(5000.0)
    assert started.state is PlayerState.PAUSED
    assert started.index == 1
    assert started.remaining_s(9999.0) == 10.0


# -- back ----------------------------------------------------------------------------------------

def test_back_from_an_exercise_replays_the_previous_exercise(started):
    started.tick(20.0)  # B left
    assert started_indexes(started.back(20.0)) == [1]
    assert started.remaining_s(20.0) == 10.0


def test_back_from_a_rest_replays_the_exercise_just_played(started):
    started.tick(62.0)  # rest after B right
    assert started.current.kind is REST
    assert started_indexes(started.back(62.0)) == [4]
    assert started.remaining_s(62.0) == 20.0


def test_back_from_a_switch_replays_the_side_just_played(started):
    started.tick(37.0)
    assert started.current.kind is SWITCH
    assert started_indexes(started.back(37.0)) == [2]


def test_back_at_the_first_exercise_restarts_it(started):
    started.tick(12.0)  # A, 3 s left
    assert started_indexes(started.back(12.0)) == [1]
    assert started.remaining_s(12.0) == 10.0


def test_back_during_get_ready_restarts_it(started):
    assert started_indexes(started.back(3.0)) == [0]
    assert started.remaining_s(3.0) == GET_READY_S


def test_back_while_paused_stays_paused(started):
    started.pause(20.0)
    started.back(30.0)
    assert started.state is PlayerState.PAUSED
    assert started.index == 1
    assert started.remaining_s(1000.0) == 10.0
    started.resume(1000.0)
    assert started.remaining_s(1004.0) == 6.0


def test_countdown_repeats_for_a_replayed_exercise(started):
    started.tick(12.0)
    assert started.tick(12.5) == []  # 3 s already announced
    started.back(12.5)
    assert started.tick(19.5) == [Countdown(3)]


# -- stop ----------------------------------------------------------------------------------------

def test_stop_ends_early_as_partial(started):
    started.tick(20.0)
    assert started.stop(20.0) == [Stopped()]
    assert started.state is PlayerState.STOPPED
    assert started.active_s(50.0) == 15.0
    assert started.exercises_completed == 1
    assert started.remaining_s(20.0) == 0.0


def test_stop_while_paused_does_not_count_the_pause(started):
    started.pause(10.0)
    assert started.stop(500.0) == [Stopped()]
    assert started.active_s(500.0) == 5.0


# -- progress and preview -------------------------------------------------------------------------

def test_progress_runs_from_zero_to_one(started):
    assert started.progress(0.0) == 0.0
    started.tick(41.5)
    assert started.progress(41.5) == pytest.approx(41.5 / TOTAL_S)
    started.pause(41.5)
    assert started.progress(5000.0) == pytest.approx(41.5 / TOTAL_S)
    started.resume(5000.0)
    started.tick(6000.0)
    assert started.progress(6000.0) == 1.0


@pytest.mark.parametrize("at, expected", [
    (1.0, Segment(EXERCISE, 10, 0)),
    (6.0, Segment(EXERCISE, 20, 1, "left")),
    (16.0, Segment(EXERCISE, 20, 1, "right")),
    (36.0, Segment(EXERCISE, 20, 1, "right")),
    (61.0, Segment(EXERCISE, 8, 2)),
    (76.0, None),
])
def test_next_exercise_previews_the_coming_exercise(started, at, expected):
    started.tick(at)
    assert started.next_exercise() == expected


# -- misuse ------------------------------------------------------------------------------------

def test_calls_after_finish_do_nothing(started):
    started.tick(1000.0)
    for action in (started.tick, started.pause, started.resume, started.toggle_pause,
                   started.skip, started.back, started.stop):
        assert action(2000.0) == []
        assert started.state is PlayerState.FINISHED
    assert started.active_s(3000.0) == SPENT_S
    assert started.exercises_completed == 4


def test_calls_after_stop_do_nothing(started):
    started.stop(10.0)
    for action in (started.tick, started.pause, started.resume, started.skip, started.back,
                   started.stop):
        assert action(20.0) == []
    assert started.state is PlayerState.STOPPED


def test_starting_twice_raises(started):
    with pytest.raises(RuntimeError):
        started.start(1.0)


# -- a property over any sequence of actions ------------------------------------------------------

step_strategy = st.builds(
    Step,
    name=st.just("Step"),
    instruction=st.just("Do it."),
    duration_s=st.integers(1, 30),
    sides=st.sampled_from([(), ("left", "right")]),
    rest_s=st.sampled_from([0, 0, 3, 10]),
)
action_strategy = st.tuples(
    st.sampled_from(["tick", "pause", "resume", "skip", "back", "toggle_pause"]),
    st.floats(min_value=0.0, max_value=40.0, allow_nan=False, allow_infinity=False),
)


@given(steps=st.lists(step_strategy, min_size=1, max_size=4),
       get_ready_s=st.sampled_from([0, 5]),
       start_at=st.floats(min_value=0.0, max_value=1e6),
       actions=st.lists(action_strategy, max_size=40))
def test_any_actions_keep_remaining_progress_and_active_time_in_bounds(
        make_routine, steps, get_ready_s, start_at, actions):
    player = Player(make_routine(*steps), get_ready_s)
    player.start(start_at)
    now, last_active = start_at, 0.0
    for name, delay in actions:
        now += delay
        getattr(player, name)(now)

        remaining = player.remaining_s(now)
        assert 0.0 <= remaining <= player.current.duration_s
        assert 0.0 <= player.progress(now) <= 1.0
        active = player.active_s(now)
        assert last_active <= active <= (now - start_at) + 1e-6
        last_active = active
        assert 0 <= player.exercises_completed <= player.exercises_total


def test_reading_time_follows_the_cautions_between_the_get_ready_floor_and_a_ceiling(
        three_steps):
    from dataclasses import replace

    from coach.core.player.playback import MAX_READING_S, READING_WORDS_PER_S, reading_s

    assert reading_s(replace(three_steps, cautions=())) == GET_READY_S
    words = ("word " * (READING_WORDS_PER_S * 12)).strip()
    assert reading_s(replace(three_steps, cautions=(words,))) == 12
    assert reading_s(replace(three_steps, cautions=(words * 10,))) == MAX_READING_S


def test_getting_ready_is_not_time_spent(three_steps):
    player = Player(three_steps, get_ready_s=20)
    player.start(0.0)
    player.tick(15.0)
    assert player.active_s(15.0) == 0.0
    player.tick(26.0)
    assert player.active_s(26.0) == 6.0
    player.stop(30.0)
    assert player.active_s(99.0) == 10.0


def test_time_left_of_the_whole_routine_counts_every_later_segment(three_steps):
    player = Player(three_steps)
    assert player.left_s(0.0) == TOTAL_S
    player.start(0.0)
    player.tick(20.0)  # 5 s into B left
    assert player.left_s(20.0) == TOTAL_S - 20
    player.stop(21.0)
    assert player.left_s(99.0) == 0.0
