"""Draw Coach's step illustrations into assets/illustrations/ (SVG, plus motions.toml).

Run ``python3 tools/draw_illustrations.py`` after changing a drawing. Output is deterministic.
A drawing with several poses moves in the player; its entry in motions.toml says how: each
move goes to a pose over a share of one repetition (``period_s`` when the step has no reps).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import (  # noqa: E402
    bust,
    floor,
    front,
    lying_top,
    seated,
    side,
)
from svg_figure import (  # noqa: E402
    BREATH,
    FURNITURE,
    arc_arrow,
    arrow,
    ball,
    both_ways,
    curve,
    document,
    face_dot,
    furniture,
    hand_pad,
    head,
    line,
    nose,
    ring,
    rounded,
)

OUT = Path(__file__).resolve().parent.parent / "assets" / "illustrations"
Poses = list[list[str]]
Motion = tuple[list[tuple[int, float]], float]
DRAWINGS: dict[str, tuple[str, Callable[[], Poses], Motion | None]] = {}
HOLD_AND_RELEASE = [(1, 1.0), (1, 2.0), (0, 1.5), (0, 0.5)]
BREATHE_4_6 = [(1, 2.0), (2, 2.0), (1, 3.0), (0, 3.0)]
SWING = [(1, 0.6), (1, 0.4), (0, 0.6), (0, 0.4)]
"""Two poses in turn, each held a little so the figure is mostly seen in a clear pose."""


def drawing(name: str, title: str, motion: Motion | None = None
            ) -> Callable[[Callable[[], Poses]], Callable[[], Poses]]:
    def register(draw: Callable[[], Poses]) -> Callable[[], Poses]:
        DRAWINGS[name] = (title, draw, motion)
        return draw
    return register


# -- lying on the tennis ball ---------------------------------------------------------------

@drawing("lie-down", "Lying on the back on a mat, seen from the side: knees bent, feet flat, "
         "arms by the sides, a tennis ball within reach")
def lie_down() -> Poses:
    body = [furniture([(4, 136), (196, 136)], 5), head((20, 112), 15),
            line([(37, 118), (110, 124)]), line([(46, 121), (70, 128), (90, 128)]),
            line([(110, 124), (136, 88), (160, 132), (174, 132)]), ball((188, 129), 7)]
    return [body]


CROSSED = {"eL": (92, 80), "wL": (118, 62), "eR": (108, 80), "wR": (82, 62)}
"""Arms crossed over the chest, as the tennis-ball steps ask: the shoulder blades part."""


@drawing("ball-place", "Tucking the ball under the left upper back, then lying back with the "
         "arms crossed over the chest")
def ball_place() -> Poses:
    return [[*lying_top(**CROSSED), ball((38, 70)), arrow((44, 82), (84, 74), (62, 96))]]


@drawing("ball-breathe", "Lying on the ball under the left upper back, breathing slowly",
         (BREATHE_4_6, 10.0))
def ball_breathe() -> Poses:
    return [[ball((90, 72), 6), *lying_top(**CROSSED), ring((100, 80), size, size * 1.25)]
            for size in (16, 21, 26)]


@drawing("ball-rolls", "Small slow rolls: the ball moves along the muscle beside the spine",
         (SWING, 6.0))
def ball_rolls() -> Poses:
    arrows = [both_ways((36, 60), (36, 100))]
    return [[*lying_top(**CROSSED), ball((90, y), 6), *arrows] for y in (66, 92)]


@drawing("ball-out", "Taking the ball out from under the left upper back")
def ball_out() -> Poses:
    return [[*lying_top(), ball((36, 64)), arrow((84, 74), (44, 60), (64, 50))]]


@drawing("ball-wall", "Standing with the back to a wall, a tennis ball between the wall and "
         "the muscle beside the spine; the knees bend a little so the ball rolls",
         (SWING, 6.0))
def ball_wall() -> Poses:
    wall = furniture([(84, 8), (84, 186)], 5)

    def pose(drop: float) -> list[str]:
        crossed = {"shoulder": (100, 58 + drop), "elbow": (116, 76 + drop),
                   "hand": (104, 62 + drop)}
        return [floor(186, 70, 170), wall, ball((91, 72), 6),
                *side(head=(100, 34 + drop), neck=(100, 49 + drop), hip=(100, 112 + drop),
                      knee=(114 + drop, 146 + drop / 2), foot=(112, 180), toe=(124, 180),
                      knee2=(110 + drop, 146 + drop / 2), foot2=(110, 180),
                      toe2=(122, 180), **crossed),
                both_ways((150, 50), (150, 90))]
    return [pose(0), pose(10)]


@drawing("get-up-side", "Getting up: roll onto the side with the knees bent, then push up "
         "with the arms")
def get_up_side() -> Poses:
    body = [floor(150, 10, 190), head((44, 110), 14), line([(56, 116), (118, 132)]),
            line([(118, 132), (146, 112), (172, 140)]),
            line([(62, 120), (72, 146), (96, 146)]), line([(66, 122), (98, 128), (104, 148)]),
            arrow((30, 128), (44, 86), (18, 100))]
    return [body]


@drawing("supported-lying", "Lying on the back with a pillow under the knees")
def supported_lying() -> Poses:
    body = [floor(132, 8, 192), rounded(122, 100, 50, 30, 12),
            head((26, 108), 15), line([(43, 114), (118, 116)]),
            line([(118, 116), (148, 80), (180, 120)])]
    return [body]


# -- breathing and resting ------------------------------------------------------------------

@drawing("breathing", "Slow breathing: in for about four seconds, out for about six",
         (BREATHE_4_6, 10.0))
def breathing() -> Poses:
    return [[*bust(), ring((100, 132), rx, rx * 0.8)] for rx in (20, 28, 36)]


@drawing("soften-shoulders", "Shoulders rise a little on the breath in and grow heavy on "
         "the breath out", ([(1, 4.0), (0, 6.0)], 10.0))
def soften_shoulders() -> Poses:
    low = bust()
    high = bust(sL=(70, 82), sR=(130, 82), eL=(60, 130), wL=(58, 176), eR=(140, 130),
                wR=(142, 176))
    arrows = [arrow((44, 64), (44, 96)), arrow((156, 64), (156, 96))]
    return [[*low, *arrows, ring((100, 132), 20, 16)], [*high, *arrows, ring((100, 132), 32, 26)]]


@drawing("chest-breaths", "Hands on the lower ribs; the ribs widen into the hands on the "
         "breath in", ([(1, 2.5), (0, 3.5)], 6.0))
def chest_breaths() -> Poses:
    def pose(out: float) -> list[str]:
        return [*bust(eL=(58, 132), wL=(84 - out, 160), eR=(142, 132), wR=(116 + out, 160)),
                ring((100, 150), 18 + out, 22), arrow((62, 184), (40, 184)),
                arrow((138, 184), (160, 184))]
    return [pose(0), pose(8)]


# -- standing and sitting ------------------------------------------------------------------

@drawing("stand-tall", "Standing tall, arms loose")
def stand_tall() -> Poses:
    return [[floor(), *front(), arrow((100, 14), (100, 3))]]


@drawing("sit-tall", "Sitting tall near the front of a chair, feet flat")
def sit_tall() -> Poses:
    return [[*seated(), arrow((92, 16), (92, 2))]]


@drawing("posture-check", "Sitting at a desk: back on the chair, head over the shoulders, "
         "screen straight ahead")
def posture_check() -> Poses:
    desk = [furniture([(128, 106), (192, 106)]), furniture([(184, 106), (184, 182)]),
            rounded(160, 24, 8, 46, 3, FURNITURE, 4), furniture([(164, 70), (164, 106)])]
    return [[*seated(hand=(128, 102), elbow=(100, 94)), *desk,
             arrow((150, 34), (122, 34))]]  # the head comes back over the shoulders


@drawing("walk", "Walking slowly, arms swinging", (SWING, 2.0))
def walk() -> Poses:
    first = side(knee=(112, 146), foot=(120, 180), toe=(132, 180), knee2=(94, 146),
                 foot2=(84, 178), toe2=(96, 180), elbow=(94, 86), hand=(88, 110))
    second = side(knee=(94, 146), foot=(84, 178), toe=(96, 180), knee2=(112, 146),
                  foot2=(120, 180), toe2=(132, 180), elbow=(108, 86), hand=(116, 108))
    return [[floor(), *first, arrow((130, 24), (160, 24))],
            [floor(), *second, arrow((130, 24), (160, 24))]]


@drawing("march", "Marching on the spot, knees lifting in turn", (SWING, 2.0))
def march() -> Poses:
    left = front(kL=(78, 128), fL=(82, 160), eL=(74, 80), wL=(86, 62))
    right = front(kR=(122, 128), fR=(118, 160), eR=(126, 80), wR=(114, 62))
    return [[floor(), *left], [floor(), *right]]


@drawing("drink-water", "A few sips of water")
def drink_water() -> Poses:
    glass = line([(117, 24), (121, 46), (135, 46), (139, 24), (117, 24)], 3, BREATH)
    return [[floor(), *front(eR=(134, 80), wR=(124, 48)), glass]]


# -- shoulders and shoulder blades ----------------------------------------------------------

@drawing("shoulder-blade-squeeze", "Seen from behind, sitting or standing tall: the "
         "shoulder blades draw in towards the spine and a little down, then let go",
         (HOLD_AND_RELEASE, 5.0))
def shoulder_blade_squeeze() -> Poses:
    def pose(gap: float, elbow: float) -> list[str]:
        blades = [curve((100 - gap, 64), (100 - gap - 9, 80), (100 - gap - 2, 96), 4,
                        FURNITURE),
                  curve((100 + gap, 64), (100 + gap + 9, 80), (100 + gap + 2, 96), 4,
                        FURNITURE)]
        figure = front(head=(100, 26), neck=(100, 42), hip=(100, 120), sL=(70, 52),
                       sR=(130, 52), eL=(64 + elbow, 88), wL=(66 + elbow, 122),
                       eR=(136 - elbow, 88), wR=(134 - elbow, 122), hL=(86, 120),
                       hR=(114, 120), kL=(84, 154), fL=(83, 188), kR=(116, 154),
                       fR=(117, 188))
        squeeze = [arrow((100 - gap - 20, 72), (100 - gap - 6, 82)),  # in, and a little down
                   arrow((100 + gap + 20, 72), (100 + gap + 6, 82))]
        return [floor(190, 50, 150), *figure, *blades, *squeeze]
    return [pose(16, 0), pose(9, 5)]


@drawing("wall-slide", "Back and arms against a wall: the arms slide up from a W to a Y, "
         "shoulder blades drawing down", (HOLD_AND_RELEASE, 6.0))
def wall_slide() -> Poses:
    wall = rounded(40, 8, 120, 178, 6, FURNITURE, 3)
    low = front(eL=(64, 58), wL=(66, 30), eR=(136, 58), wR=(134, 30))
    high = front(eL=(70, 34), wL=(62, 10), eR=(130, 34), wR=(138, 10))
    return [[wall, *low, arrow((40, 44), (40, 18))], [wall, *high, arrow((40, 44), (40, 18))]]


@drawing("shoulder-rolls", "Shoulder rolls, seen from the side: up, back and down",
         ([(1, 1.0), (2, 1.0), (0, 1.0)], 5.0))
def shoulder_rolls() -> Poses:
    def pose(sx: float, sy: float) -> list[str]:
        return [head((112, 44), 20), line([(106, 66), (98, 92), (94, 196)], 9),
                line([(104, 74), (sx, sy)], 9),
                line([(sx, sy), (sx + 6, sy + 48), (sx + 16, sy + 92)], 9),
                arc_arrow((102, 90), 36, 200, 470)]
    return [pose(104, 96), pose(106, 80), pose(92, 90)]


@drawing("chin-tuck", "Chin tuck, seen from the side: the chin slides straight back",
         (HOLD_AND_RELEASE, 5.0))
def chin_tuck() -> Poses:
    def pose(x: float) -> list[str]:
        return [head((x, 60), 24), nose((x, 60), 24, 0),
                line([(x - 6, 84), (96, 120), (96, 196)], 10),
                line([(96, 124), (100, 170)], 10)]
    back = arrow((150, 36), (122, 36))
    return [[*pose(116), back], [*pose(102), back]]


@drawing("head-turn", "Turning the head slowly toward the left, then back to the middle",
         ([(1, 2.0), (1, 1.0), (0, 2.0), (0, 1.0)], 6.0))
def head_turn() -> Poses:
    turn = arc_arrow((100, 52), 38, 300, 220)
    return [[*bust(), face_dot((100, 58)), turn],
            [*bust(), face_dot((84, 56)), nose((100, 52), 20, 180), turn]]


@drawing("head-tilt", "Tilting the head slowly toward the left shoulder, then upright",
         ([(1, 2.0), (1, 1.0), (0, 2.0), (0, 1.0)], 6.0))
def head_tilt() -> Poses:
    tilt = arc_arrow((100, 84), 56, 280, 225)
    upright = [head((100, 52), 20), line([(100, 76), (100, 196)], 9)]
    tilted = [head((80, 58), 20), line([(100, 76), (100, 196)], 9), line([(91, 76), (100, 86)], 9)]
    body = bust()[2:]
    return [[*upright, *body, tilt], [*tilted, *body, tilt]]


@drawing("neck-side-stretch", "Neck side stretch: the ear rests toward the left shoulder, "
         "the other shoulder low")
def neck_side_stretch() -> Poses:
    return [[head((80, 58), 20), line([(91, 76), (100, 86)], 9),
             line([(100, 86), (100, 196)], 9), *bust()[2:], arrow((150, 70), (150, 104))]]


@drawing("arm-circles", "Small arm circles from the shoulders",
         ([(1, 0.7), (1, 0.3), (2, 0.7), (2, 0.3), (3, 0.7), (3, 0.3), (0, 0.7),
           (0, 0.3)], 5.0))
def arm_circles() -> Poses:
    circles = [arc_arrow((70, 122), 14, 0, 300, 3), arc_arrow((130, 122), 14, 180, -120, 3)]
    offsets = [(0, -10), (10, 0), (0, 10), (-10, 0)]
    return [[floor(), *front(eL=(72 + dx / 2, 90), wL=(70 + dx, 122 + dy),
                             eR=(128 - dx / 2, 90), wR=(130 - dx, 122 + dy)), *circles]
            for dx, dy in offsets]


@drawing("arm-across-chest", "The left arm across the chest, the other hand drawing it in "
         "above the elbow")
def arm_across_chest() -> Poses:
    return [[floor(), *front(eL=(106, 70), wL=(140, 66), eR=(124, 92), wR=(112, 74)),
             arrow((160, 60), (146, 80), (166, 78))]]


@drawing("hug-and-round", "Hugging the shoulders, seen from the side: the upper back rounds "
         "a little and the chin dips")
def hug_and_round() -> Poses:
    return [[floor(), *side(back=(86, 74), head=(108, 38), neck=(102, 52), shoulder=(100, 62),
                            elbow=(124, 78), hand=(100, 64)),
             arc_arrow((90, 80), 30, 170, 250)]]


@drawing("reach-forward", "Seated, hands clasped and pushed forward, the upper back curving")
def reach_forward() -> Poses:
    return [[*seated(back=(76, 86), head=(98, 42), neck=(94, 56), shoulder=(92, 64),
                     elbow=(118, 70), hand=(146, 70)), arrow((154, 86), (180, 86)),
             arc_arrow((80, 84), 22, 150, 240)]]


@drawing("chest-opener", "Hands on the lower back, elbows drawing back, chest opening")
def chest_opener() -> Poses:
    return [[floor(), *side(elbow=(78, 88), hand=(92, 110)), arrow((118, 74), (140, 74)),
             arrow((70, 78), (50, 74))]]


@drawing("side-stretch", "Side stretch: the left arm overhead, leaning gently the other way")
def side_stretch() -> Poses:
    return [[floor(), *front(head=(108, 36), neck=(105, 50), sL=(88, 56), sR=(122, 62),
                             eL=(92, 28), wL=(120, 12), eR=(128, 90), wR=(128, 116)),
             arc_arrow((100, 110), 74, 235, 285)]]


@drawing("doorway-chest", "Doorway chest opener: the left forearm on the frame, stepping "
         "forward a little")
def doorway_chest() -> Poses:
    frame = [furniture([(34, 186), (34, 8), (166, 8), (166, 186)], 5)]
    return [[floor(186, 20, 180), *frame, *front(eL=(44, 60), wL=(42, 28)),
             arrow((120, 170), (140, 182)), line([(36, 26), (36, 64)], 3, "#e8590c")]]


@drawing("seated-twist", "Arms crossed, turning the upper body a short way to the left")
def seated_twist() -> Poses:
    return [[*bust(sL=(80, 96), sR=(126, 90), eL=(110, 130), wL=(128, 100), eR=(96, 132),
                   wR=(80, 104)), face_dot((86, 56)), nose((100, 52), 20, 180),
             arc_arrow((100, 96), 62, 30, 150)]]


# -- warm-up swings ------------------------------------------------------------------------

@drawing("torso-turns", "Torso turns to one side and the other, arms loose",
         (SWING, 5.0))
def torso_turns() -> Poses:
    turn = both_ways((50, 24), (150, 24))
    left = front(sL=(88, 58), sR=(114, 60), eL=(70, 78), wL=(56, 96), eR=(96, 82),
                 wR=(72, 98), head=(96, 34))
    right = front(sL=(86, 60), sR=(112, 58), eL=(104, 82), wL=(128, 98), eR=(130, 78),
                  wR=(144, 96), head=(104, 34))
    return [[floor(), *left, turn], [floor(), *right, turn]]


@drawing("arm-swings-forward", "Arms swing forward to chest height, then back",
         (SWING, 4.0))
def arm_swings_forward() -> Poses:
    swing = arc_arrow((100, 58), 64, 20, -30)
    return [[floor(), *side(elbow=(124, 62), hand=(150, 60)), swing],
            [floor(), *side(elbow=(84, 82), hand=(70, 100)), swing]]


@drawing("arm-swings-open", "Arms swing open to the sides, then cross loosely in front",
         (SWING, 4.0))
def arm_swings_open() -> Poses:
    opened = front(eL=(54, 60), wL=(28, 62), eR=(146, 60), wR=(172, 62))
    crossed = front(eL=(92, 78), wL=(124, 74), eR=(108, 80), wR=(76, 72))
    arrows = [both_ways((40, 86), (76, 96)), both_ways((160, 86), (124, 96))]
    return [[floor(), *opened, *arrows], [floor(), *crossed, *arrows]]


# -- massage -------------------------------------------------------------------------------

@drawing("massage-shoulder", "The right hand squeezing the top of the left shoulder")
def massage_shoulder() -> Poses:
    return [[*bust(eR=(112, 130), wR=(80, 88)), arc_arrow((76, 88), 16, 200, 340, 3)]]


@drawing("massage-shoulder-blade", "Fingertips reaching back to the top of the left shoulder "
         "blade, small circles", (SWING, 2.0))
def massage_shoulder_blade() -> Poses:
    return [[*bust(eR=(108, 122), wR=(72, 78 + dy)), arc_arrow((64, 82), 12, 0, 300, 3)]
            for dy in (0, 6)]


def _prone() -> list[str]:
    return lying_top(eL=(66, 40), wL=(80, 18), eR=(134, 40), wR=(120, 18),
                     kL=(92, 150), fL=(92, 182), kR=(108, 150), fR=(108, 182))


@drawing("helper-strokes", "Lying face down; a helper's flat hands glide up and down beside "
         "the spine", (SWING, 4.0))
def helper_strokes() -> Poses:
    guide = both_ways((42, 62), (42, 112))
    return [[*_prone(), hand_pad((86, y)), hand_pad((86, y + 24)), guide] for y in (62, 82)]


@drawing("helper-sides", "Lying face down; a helper works outward from the sore spot toward "
         "the shoulder blade and ribs", (SWING, 4.0))
def helper_sides() -> Poses:
    guide = [arrow((84, 130), (40, 130))]
    return [[*_prone(), hand_pad((x, 80)), *guide] for x in (88, 68)]


def motions_toml() -> str:
    lines = ["# How moving illustrations move; written by tools/draw_illustrations.py.",
             "# moves: [pose, share of one repetition]; period_s: seconds per repetition",
             "# when the step has no reps.", ""]
    for name, (_, _, motion) in sorted(DRAWINGS.items()):
        if motion:
            moves, period = motion
            listed = ", ".join(f"[{pose}, {share}]" for pose, share in moves)
            lines += [f'[motions.{name}]', f"moves = [{listed}]", f"period_s = {period}", ""]
    return "\n".join(lines)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (title, draw, motion) in DRAWINGS.items():
        poses = draw()
        if motion and max(p for p, _ in motion[0]) != len(poses) - 1:
            raise SystemExit(f"{name}: its motion and its {len(poses)} poses disagree")
        (OUT / f"{name}.svg").write_text(document(title, poses), encoding="utf-8")
    (OUT / "motions.toml").write_text(motions_toml(), encoding="utf-8")
    print(f"wrote {len(DRAWINGS)} drawings to {OUT}")


if __name__ == "__main__":
    main()
