"""Which illustration a moment of a routine shows, mirrored or not, and in which pose.

Naming rule: a step's ``illustration`` field names a file looked for beside the routine file,
then in Coach's shipped ``assets/illustrations``. Drawings show the person's left side on the
left of the picture, as in a mirror; the right side of a step with ``sides``, and a step whose
name starts "Right side:", shows the drawing mirrored. A moving drawing has key poses; its
entry in ``motions.toml`` paces them to the step's ``seconds_per_rep`` (``period_s`` when the
step has no reps). Pure functions of the routine and the time into a segment: no clock here.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coach.core.player.playback import Segment, SegmentKind
from coach.core.routines.routine import Routine, Step

REST_ILLUSTRATION = "breathing.svg"
"""Shown during a rest: slow breathing."""


@dataclass(frozen=True)
class Motion:
    """How a moving drawing moves: ``moves`` is a cycle of (pose, share), each going to that
    pose over ``share`` of one repetition (from the pose of the last move); ``period_s`` is
    the length of one repetition for steps without reps."""

    moves: tuple[tuple[int, float], ...]
    period_s: float

    @property
    def poses(self) -> int:
        return max(pose for pose, _ in self.moves) + 1


@dataclass(frozen=True)
class PoseBlend:
    """A frame between two key poses: ``mix`` 0.0 shows ``from_pose``, 1.0 ``to_pose``."""

    from_pose: int = 0
    to_pose: int = 0
    mix: float = 0.0


@dataclass(frozen=True)
class Frame:
    """What the illustration shows now: file name, mirrored or not, and the pose."""

    name: str
    mirrored: bool = False
    blend: PoseBlend = PoseBlend()


def _smooth(t: float) -> float:
    """Ease in and out: 0 -> 0, 1 -> 1, gentle at both ends."""
    return t * t * (3.0 - 2.0 * t)


def pose_blend(motion: Motion, elapsed_s: float, period_s: float | None = None) -> PoseBlend:
    """The pose ``elapsed_s`` seconds into a segment, repeating every ``period_s`` seconds
    (``motion.period_s`` when None). Each repetition starts at the pose of the last move."""
    period = period_s if period_s and period_s > 0 else motion.period_s
    total = sum(share for _, share in motion.moves)
    phase = (max(0.0, elapsed_s) % period) / period * total
    start = motion.moves[-1][0]
    for pose, share in motion.moves:
        if phase < share:
            if pose == start:
                return PoseBlend(pose, pose, 0.0)
            return PoseBlend(start, pose, _smooth(phase / share))
        phase -= share
        start = pose
    return PoseBlend(start, start, 0.0)


def is_mirrored(step: Step, side: str | None) -> bool:
    """Whether ``step`` on ``side`` shows its drawing mirrored (see the module notes)."""
    if step.sides:
        return side == "right"
    return step.right_side


def frame_at(routine: Routine, segment: Segment, elapsed_s: float,
             motions: dict[str, Motion]) -> Frame | None:
    """The frame for ``segment`` of ``routine``, ``elapsed_s`` seconds after it began; None
    when the step has no illustration. Getting ready and switching sides show the coming
    step standing still; a rest shows slow breathing."""
    if segment.kind is SegmentKind.REST:
        return _moving(REST_ILLUSTRATION, False, elapsed_s, None, motions)
    if segment.kind is SegmentKind.READY:
        step, side = routine.steps[0], (routine.steps[0].sides or (None,))[0]
    else:
        assert segment.step_index is not None
        step, side = routine.steps[segment.step_index], segment.side
    if step.illustration is None:
        return None
    mirrored = is_mirrored(step, side)
    if segment.kind is not SegmentKind.EXERCISE:
        return Frame(step.illustration, mirrored)
    return _moving(step.illustration, mirrored, elapsed_s, step.seconds_per_rep, motions)


def _moving(name: str, mirrored: bool, elapsed_s: float, per_rep_s: int | None,
            motions: dict[str, Motion]) -> Frame:
    motion = motions.get(Path(name).stem)
    if motion is None:
        return Frame(name, mirrored)
    return Frame(name, mirrored, pose_blend(motion, elapsed_s, per_rep_s))


def illustration_path(routine: Routine, name: str, shipped: Path) -> Path | None:
    """Where the file ``name`` is: beside the routine file, else in ``shipped``; None when
    neither has it."""
    for folder in (routine.path.parent, shipped):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def load_motions(path: Path) -> dict[str, Motion]:
    """Read ``motions.toml`` ([motions.NAME] tables with ``moves`` and ``period_s``).

    Raises OSError when unreadable and ValueError for bad TOML or a bad entry.
    """
    with path.open("rb") as file:
        data = tomllib.load(file)
    return {name: _motion(name, table) for name, table in data.get("motions", {}).items()}


def _motion(name: str, table: dict[str, Any]) -> Motion:
    moves = tuple((int(pose), float(share)) for pose, share in table["moves"])
    period_s = float(table["period_s"])
    if not moves or period_s <= 0 or any(p < 0 or s <= 0 for p, s in moves):
        raise ValueError(f"motion '{name}': moves need poses >= 0 and shares > 0, and "
                         "period_s must be above 0")
    return Motion(moves, period_s)
