"""The line figure in Coach's illustrations, in five views, built from named joints.

Each builder takes joint overrides (points on the 200 x 200 canvas) so a drawing changes only
what moves. In front and top views the person's left side is on the left of the picture, as in
a mirror; Coach mirrors the whole drawing for the right side.
"""

from __future__ import annotations

from svg_figure import FURNITURE, Point, curve, furniture, head, line, rounded

Joints = dict[str, Point]

STANDING: Joints = {
    "head": (100, 34), "neck": (100, 49), "hip": (100, 112),
    "sL": (82, 58), "sR": (118, 58), "eL": (76, 86), "wL": (74, 112),
    "eR": (124, 86), "wR": (126, 112), "hL": (90, 112), "hR": (110, 112),
    "kL": (88, 146), "fL": (87, 180), "kR": (112, 146), "fR": (113, 180),
}
BUST: Joints = {
    "head": (100, 52), "neck": (100, 76), "hip": (100, 196),
    "sL": (70, 92), "sR": (130, 92), "eL": (60, 140), "wL": (58, 186),
    "eR": (140, 140), "wR": (142, 186),
}
SIDE: Joints = {
    "head": (100, 34), "neck": (100, 49), "shoulder": (100, 58), "hip": (100, 112),
    "elbow": (102, 86), "hand": (104, 112), "knee": (102, 146), "foot": (100, 180),
    "toe": (112, 180), "knee2": (98, 146), "foot2": (98, 180), "toe2": (110, 180),
}
SEATED: Joints = {
    "head": (92, 36), "neck": (90, 51), "shoulder": (89, 60), "hip": (86, 124),
    "elbow": (96, 92), "hand": (116, 114), "knee": (132, 124), "foot": (132, 176),
    "toe": (143, 176),
}
TOP: Joints = {
    "head": (100, 30), "neck": (100, 45), "hip": (100, 118),
    "sL": (80, 54), "sR": (120, 54), "eL": (74, 86), "wL": (72, 116),
    "eR": (126, 86), "wR": (128, 116), "hL": (90, 118), "hR": (110, 118),
    "kL": (90, 148), "fL": (88, 176), "kR": (110, 148), "fR": (112, 176),
}


def _joints(base: Joints, overrides: Joints) -> Joints:
    unknown = set(overrides) - set(base)
    if unknown:
        raise KeyError(f"unknown joints {sorted(unknown)}")
    return {**base, **overrides}


def floor(y: float = 186, x0: float = 40, x1: float = 160) -> str:
    return furniture([(x0, y), (x1, y)], 3)


def front(legs: bool = True, **overrides: Point) -> list[str]:
    """A standing figure facing the viewer (legs False: from the hips up)."""
    j = _joints(STANDING, overrides)
    parts = [head(j["head"]), line([j["neck"], j["hip"]]), line([j["sL"], j["sR"]]),
             line([j["sL"], j["eL"], j["wL"]]), line([j["sR"], j["eR"], j["wR"]])]
    if legs:
        parts += [line([j["hL"], j["hR"]]), line([j["hL"], j["kL"], j["fL"]]),
                  line([j["hR"], j["kR"], j["fR"]])]
    return parts


def bust(head_radius: float = 20, **overrides: Point) -> list[str]:
    """Head, shoulders and arms, close up, facing the viewer."""
    j = _joints(BUST, overrides)
    return [head(j["head"], head_radius), line([j["neck"], j["hip"]], 9),
            line([j["sL"], j["neck"], j["sR"]], 9), line([j["sL"], j["eL"], j["wL"]], 9),
            line([j["sR"], j["eR"], j["wR"]], 9)]


def side(back: Point | None = None, **overrides: Point) -> list[str]:
    """A standing figure seen from its side, facing right; ``back`` bends the spine through
    that point (a rounded back)."""
    j = _joints(SIDE, overrides)
    spine = (curve(j["neck"], back, j["hip"]) if back else line([j["neck"], j["hip"]]))
    return [head(j["head"]), spine,
            line([j["hip"], j["knee2"], j["foot2"], j["toe2"]]),
            line([j["hip"], j["knee"], j["foot"], j["toe"]]),
            line([j["shoulder"], j["elbow"], j["hand"]])]


def chair() -> list[str]:
    return [furniture([(70, 68), (70, 132), (124, 132)]),
            furniture([(74, 132), (74, 180)]), furniture([(120, 132), (120, 180)])]


def seated(back: Point | None = None, **overrides: Point) -> list[str]:
    """A figure sitting on a chair, seen from its side, facing right."""
    j = _joints(SEATED, overrides)
    spine = (curve(j["neck"], back, j["hip"]) if back else line([j["neck"], j["hip"]]))
    return [*chair(), floor(182, 50, 160), head(j["head"]), spine,
            line([j["hip"], j["knee"], j["foot"], j["toe"]]),
            line([j["shoulder"], j["elbow"], j["hand"]])]


def mat() -> str:
    return rounded(54, 10, 92, 180, 10, FURNITURE, 3)


def lying_top(**overrides: Point) -> list[str]:
    """A figure lying on its back on a mat, seen from above, head at the top."""
    j = _joints(TOP, overrides)
    return [mat(), head(j["head"]), line([j["neck"], j["hip"]]), line([j["sL"], j["sR"]]),
            line([j["sL"], j["eL"], j["wL"]]), line([j["sR"], j["eR"], j["wR"]]),
            line([j["hL"], j["hR"]]), line([j["hL"], j["kL"], j["fL"]]),
            line([j["hR"], j["kR"], j["fR"]])]
