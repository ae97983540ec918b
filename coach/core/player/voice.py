"""What the voice guidance says, and when: a pure function of the routine.

Each line belongs to a moment of the played timeline (see ``build_segments``): as a segment
starts, when 3, 2 and 1 seconds of it are left, or at the end. The UI looks lines up by the
player's events, so pausing, skipping and going back speak the right thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach.core.i18n import N_, _, ngettext
from coach.core.player.playback import (
    COUNTDOWN_FROM,
    GET_READY_S,
    Countdown,
    Event,
    Finished,
    Segment,
    SegmentKind,
    SegmentStarted,
    build_segments,
)
from coach.core.routines.routine import SIDE_NAMES, Routine

NUMBERS = {1: N_("One"), 2: N_("Two"), 3: N_("Three")}
END_LINE = N_("Done. Well done.")
SPOKEN_SWITCH = {"left": N_("Switch sides. Left side next."),
                 "right": N_("Switch sides. Right side next.")}


@dataclass(frozen=True)
class VoiceCue:
    """A spoken line: at the start of segment ``segment`` (``seconds_left`` None), when
    ``seconds_left`` seconds of it are left, or at the end of the routine (``segment`` None)."""

    segment: int | None
    seconds_left: int | None
    text: str


def voice_schedule(routine: Routine, get_ready_s: int = GET_READY_S) -> tuple[VoiceCue, ...]:
    """Every line the voice can say while ``routine`` plays, in timeline order."""
    return schedule_for(routine, build_segments(routine, get_ready_s))


def schedule_for(routine: Routine, segments: tuple[Segment, ...]) -> tuple[VoiceCue, ...]:
    """The lines for ``segments``, the timeline a player built from ``routine``."""
    cues: list[VoiceCue] = []
    for index, segment in enumerate(segments):
        cues.append(VoiceCue(index, None, _announce(routine, segment)))
        if segment.kind is not SegmentKind.SWITCH:
            cues += [VoiceCue(index, n, _(NUMBERS[n]))
                     for n in range(min(COUNTDOWN_FROM, segment.duration_s - 1), 0, -1)]
    cues.append(VoiceCue(None, None, _(END_LINE)))
    return tuple(cues)


def _announce(routine: Routine, segment: Segment) -> str:
    if segment.kind is SegmentKind.READY:
        return _("Get ready. First: {step}.").format(step=routine.steps[0].name)
    if segment.kind is SegmentKind.SWITCH:
        return _(SPOKEN_SWITCH[str(segment.side)])
    if segment.kind is SegmentKind.REST:
        return _("Rest.")
    assert segment.step_index is not None
    step = routine.steps[segment.step_index]
    words = [f"{step.name}."]
    if segment.side:
        words.append(_(SIDE_NAMES[segment.side]) + ".")
    if step.reps:
        words.append(ngettext("{count} rep.", "{count} reps.", step.reps).format(
            count=step.reps))
    return " ".join(words)


class VoiceScript:
    """The schedule of ``routine`` played as ``segments``, looked up by player event."""

    def __init__(self, routine: Routine, segments: tuple[Segment, ...]) -> None:
        self.cues = schedule_for(routine, segments)
        self._lines = {(cue.segment, cue.seconds_left): cue.text for cue in self.cues}

    def line_for(self, event: Event, segment_index: int) -> str | None:
        """The line for ``event``, raised while the player is at ``segment_index``; None
        when there is nothing to say (a stop, or a countdown in a switch of sides)."""
        if isinstance(event, SegmentStarted):
            return self._lines.get((event.index, None))
        if isinstance(event, Countdown):
            return self._lines.get((segment_index, event.seconds_left))
        if isinstance(event, Finished):
            return self._lines.get((None, None))
        return None
