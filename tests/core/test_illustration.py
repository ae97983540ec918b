"""Which drawing each moment shows, mirrored or not, and its pose paced by the player's clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.clock import FakeClock
from coach.core.player.playback import GET_READY_S, Player, SegmentKind
from coach.core.routines.illustration import (
    REST_ILLUSTRATION,
    Frame,
    Motion,
    PoseBlend,
    frame_at,
    illustration_path,
    is_mirrored,
    load_motions,
    pose_blend,
)
from coach.core.routines.routine import Step

BREATHE = Motion(((1, 4.0), (0, 6.0)), 10.0)
"""In over 4 s to pose 1, out over 6 s back to pose 0."""
SQUEEZE = Motion(((1, 1.0), (1, 2.0), (0, 1.5), (0, 0.5)), 5.0)
MOTIONS = {"breathe": BREATHE, "squeeze": SQUEEZE}


def frame_now(player: Player, clock: FakeClock) -> Frame | None:
    segment = player.current
    elapsed = segment.duration_s - player.remaining_s(clock.monotonic())
    return frame_at(player.routine, segment, elapsed, MOTIONS)


def test_breathing_goes_in_over_four_seconds_and_out_over_six() -> None:
    assert pose_blend(BREATHE, 0.0) == PoseBlend(0, 1, 0.0)
    assert pose_blend(BREATHE, 2.0) == PoseBlend(0, 1, 0.5)
    assert pose_blend(BREATHE, 4.0) == PoseBlend(1, 0, 0.0)
    assert pose_blend(BREATHE, 7.0) == PoseBlend(1, 0, 0.5)
    assert pose_blend(BREATHE, 10.0) == pose_blend(BREATHE, 0.0)
    assert pose_blend(BREATHE, 23.0) == pose_blend(BREATHE, 3.0)


def test_a_move_eases_in_and_out() -> None:
    mixes = [pose_blend(BREATHE, t / 10).mix for t in range(0, 40)]
    assert mixes == sorted(mixes)
    assert mixes[1] < 0.1 / 4  # slower than linear at the start
    assert pose_blend(BREATHE, 3.9).mix > 1 - 0.1 / 4 * 2


def test_a_hold_shows_one_pose_standing_still() -> None:
    assert pose_blend(SQUEEZE, 0.5) == PoseBlend(0, 1, 0.5)
    assert pose_blend(SQUEEZE, 2.0) == PoseBlend(1, 1, 0.0)
    assert pose_blend(SQUEEZE, 4.8) == PoseBlend(0, 0, 0.0)


def test_reps_set_the_pace_not_the_drawing() -> None:
    """A 10 s per rep step paces the 5 s squeeze at half speed."""
    assert pose_blend(SQUEEZE, 1.0, period_s=10.0) == PoseBlend(0, 1, 0.5)
    assert pose_blend(SQUEEZE, 4.0, period_s=10.0) == PoseBlend(1, 1, 0.0)
    assert pose_blend(SQUEEZE, -3.0) == PoseBlend(0, 1, 0.0)


def test_the_pose_follows_the_players_clock_through_a_pause(make_routine) -> None:
    routine = make_routine(Step("Squeeze", "Squeeze.", 30, reps=3, seconds_per_rep=10,
                                illustration="squeeze.svg"))
    clock = FakeClock()
    player = Player(routine)
    player.start(clock.monotonic())
    clock.advance(GET_READY_S)
    player.tick(clock.monotonic())
    clock.advance(1.0)
    assert frame_now(player, clock) == Frame("squeeze.svg", False, PoseBlend(0, 1, 0.5))
    player.pause(clock.monotonic())
    clock.advance(3600)
    assert frame_now(player, clock) == Frame("squeeze.svg", False, PoseBlend(0, 1, 0.5))
    player.resume(clock.monotonic())
    clock.advance(13.0)  # 4 s into the second rep: holding the squeeze
    player.tick(clock.monotonic())
    assert frame_now(player, clock) == Frame("squeeze.svg", False, PoseBlend(1, 1, 0.0))


def test_the_right_side_is_mirrored_and_switching_shows_it_still(make_routine) -> None:
    routine = make_routine(Step("Tilt", "Tilt.", 10, sides=("left", "right"),
                                illustration="breathe.svg", rest_s=5))
    player = Player(routine)
    kinds = [s.kind for s in player.segments]
    assert kinds == [SegmentKind.READY, SegmentKind.EXERCISE, SegmentKind.SWITCH,
                     SegmentKind.EXERCISE, SegmentKind.REST]
    ready, left, switch, right, rest = player.segments
    assert frame_at(routine, ready, 2.0, MOTIONS) == Frame("breathe.svg", False)
    assert frame_at(routine, left, 2.0, MOTIONS) == Frame("breathe.svg", False,
                                                          PoseBlend(0, 1, 0.5))
    assert frame_at(routine, switch, 2.0, MOTIONS) == Frame("breathe.svg", True)
    assert frame_at(routine, right, 2.0, MOTIONS) == Frame("breathe.svg", True,
                                                           PoseBlend(0, 1, 0.5))
    assert frame_at(routine, rest, 0.0, MOTIONS) == Frame(REST_ILLUSTRATION)


def test_a_right_side_step_mirrors_and_no_illustration_gives_none(make_routine,
                                                                  tmp_path) -> None:
    from coach.core.routines.routine import load_routine
    from tests.conftest import write_routine_file

    path = write_routine_file(tmp_path, steps=[{"name": "Right side: place the ball"},
                                               {"name": "Left side: place the ball"}])
    right, left = load_routine(path).steps
    assert is_mirrored(right, None) and not is_mirrored(left, None)
    assert not is_mirrored(Step("Tilt", "x", 5, sides=("right", "left")), "left")
    routine = make_routine(Step("Plain", "x", 5))
    assert frame_at(routine, Player(routine).segments[1], 0.0, MOTIONS) is None


def test_a_file_beside_the_routine_comes_before_the_shipped_one(make_routine,
                                                                tmp_path: Path) -> None:
    mine, shipped = tmp_path / "mine", tmp_path / "shipped"
    mine.mkdir()
    shipped.mkdir()
    (shipped / "a.svg").write_text("<svg/>")
    routine = make_routine(Step("A", "x", 5))
    routine = type(routine)(**{**routine.__dict__, "path": mine / "r.toml"})
    assert illustration_path(routine, "a.svg", shipped) == shipped / "a.svg"
    (mine / "a.svg").write_text("<svg/>")
    assert illustration_path(routine, "a.svg", shipped) == mine / "a.svg"
    assert illustration_path(routine, "missing.svg", shipped) is None


def test_motions_load_and_bad_ones_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "motions.toml"
    path.write_text("[motions.breathe]\nmoves = [[1, 4], [0, 6]]\nperiod_s = 10\n")
    assert load_motions(path) == {"breathe": BREATHE}
    assert BREATHE.poses == 2
    path.write_text("[motions.breathe]\nmoves = [[1, 0]]\nperiod_s = 10\n")
    with pytest.raises(ValueError, match="breathe"):
        load_motions(path)
