"""Drawing primitives for Coach's illustrations: a simple line figure, furniture, a tennis
ball, breath rings and movement arrows, written as SVG elements.

Every drawing uses a 200 x 200 canvas. The figure is drawn in ``currentColor`` (Coach swaps in
the text colour of the current palette, so it reads in light and dark mode); arrows, the ball
and breath rings use fixed mid-tone colours that read on both.
"""

from __future__ import annotations

import math

Point = tuple[float, float]

INK = "currentColor"
ARROW = "#e8590c"
BALL = "#b7c82b"
BREATH = "#3d8bd9"
HELPER = "#3d8bd9"
FURNITURE = "#8c8c8c"
BODY_W = 7.0
HEAD_W = 6.0


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _pts(points: list[Point]) -> str:
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points)


def line(points: list[Point], width: float = BODY_W, color: str = INK) -> str:
    """A round-capped polyline through ``points``."""
    return (f'<polyline points="{_pts(points)}" fill="none" stroke="{color}" '
            f'stroke-width="{_fmt(width)}" stroke-linecap="round" stroke-linejoin="round"/>')


def curve(start: Point, control: Point, end: Point, width: float = BODY_W,
          color: str = INK) -> str:
    """A quadratic curve, e.g. a rounded back."""
    return (f'<path d="M{_pts([start])} Q{_pts([control])} {_pts([end])}" fill="none" '
            f'stroke="{color}" stroke-width="{_fmt(width)}" stroke-linecap="round"/>')


def head(center: Point, radius: float = 13.0) -> str:
    return (f'<circle cx="{_fmt(center[0])}" cy="{_fmt(center[1])}" r="{_fmt(radius)}" '
            f'fill="none" stroke="{INK}" stroke-width="{_fmt(HEAD_W)}"/>')


def nose(center: Point, radius: float, toward: float) -> str:
    """A short line from the face showing where the head looks: ``toward`` in degrees,
    0 is to the right of the picture, 90 straight down (facing the viewer: no nose)."""
    angle = math.radians(toward)
    inner = (center[0] + radius * math.cos(angle), center[1] + radius * math.sin(angle))
    outer = (center[0] + (radius + 6) * math.cos(angle), center[1] + (radius + 6) *
             math.sin(angle))
    return line([inner, outer], HEAD_W)


def face_dot(center: Point) -> str:
    return (f'<circle cx="{_fmt(center[0])}" cy="{_fmt(center[1])}" r="3" fill="{INK}"/>')


def furniture(points: list[Point], width: float = 4.0) -> str:
    return line(points, width, FURNITURE)


def rounded(x: float, y: float, w: float, h: float, radius: float = 8.0,
            color: str = FURNITURE, width: float = 3.0, fill: str = "none") -> str:
    """A rounded rectangle: a pillow, a mat, a pack or a screen."""
    return (f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(w)}" height="{_fmt(h)}" '
            f'rx="{_fmt(radius)}" fill="{fill}" stroke="{color}" stroke-width="{_fmt(width)}"/>')


def ball(center: Point, radius: float = 7.0) -> str:
    """The tennis ball."""
    return (f'<circle cx="{_fmt(center[0])}" cy="{_fmt(center[1])}" r="{_fmt(radius)}" '
            f'fill="{BALL}" stroke="{INK}" stroke-width="2"/>')


def ring(center: Point, rx: float, ry: float, color: str = BREATH, width: float = 3.0) -> str:
    """An ellipse outline: breath filling the chest."""
    return (f'<ellipse cx="{_fmt(center[0])}" cy="{_fmt(center[1])}" rx="{_fmt(rx)}" '
            f'ry="{_fmt(ry)}" fill="none" stroke="{color}" stroke-width="{_fmt(width)}"/>')


def hand_pad(center: Point, color: str = HELPER) -> str:
    """A helper's hand seen from above."""
    return (f'<ellipse cx="{_fmt(center[0])}" cy="{_fmt(center[1])}" rx="7" ry="10" '
            f'fill="{color}" fill-opacity="0.35" stroke="{color}" stroke-width="3"/>')


def _head_at(end: Point, direction: Point, size: float = 9.0) -> str:
    length = math.hypot(*direction) or 1.0
    dx, dy = direction[0] / length, direction[1] / length
    back = (end[0] - dx * size, end[1] - dy * size)
    left = (back[0] - dy * size * 0.6, back[1] + dx * size * 0.6)
    right = (back[0] + dy * size * 0.6, back[1] - dx * size * 0.6)
    tip = (end[0] + dx * 2, end[1] + dy * 2)
    return f'<polygon points="{_pts([tip, left, right])}" fill="{ARROW}"/>'


def arrow(start: Point, end: Point, control: Point | None = None, width: float = 4.0) -> str:
    """A movement arrow from ``start`` to ``end``, bent through ``control`` if given."""
    bend = control or ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    shaft = (f'<path d="M{_pts([start])} Q{_pts([bend])} {_pts([end])}" fill="none" '
             f'stroke="{ARROW}" stroke-width="{_fmt(width)}" stroke-linecap="round"/>')
    return shaft + _head_at(end, (end[0] - bend[0], end[1] - bend[1]))


def both_ways(start: Point, end: Point, width: float = 4.0) -> str:
    """A straight arrow with a head at each end: a back-and-forth movement."""
    shaft = line([start, end], width, ARROW)
    return (shaft + _head_at(end, (end[0] - start[0], end[1] - start[1]))
            + _head_at(start, (start[0] - end[0], start[1] - end[1])))


def arc_arrow(center: Point, radius: float, start_deg: float, end_deg: float,
              width: float = 4.0) -> str:
    """A circular arrow around ``center`` from ``start_deg`` to ``end_deg`` (degrees,
    0 is to the right, clockwise positive as on screen)."""
    a0, a1 = math.radians(start_deg), math.radians(end_deg)
    p0 = (center[0] + radius * math.cos(a0), center[1] + radius * math.sin(a0))
    p1 = (center[0] + radius * math.cos(a1), center[1] + radius * math.sin(a1))
    sweep = 1 if end_deg > start_deg else 0
    large = 1 if abs(end_deg - start_deg) > 180 else 0
    shaft = (f'<path d="M{_pts([p0])} A{_fmt(radius)},{_fmt(radius)} 0 {large},{sweep} '
             f'{_pts([p1])}" fill="none" stroke="{ARROW}" stroke-width="{_fmt(width)}" '
             f'stroke-linecap="round"/>')
    sign = 1 if sweep else -1
    tangent = (-math.sin(a1) * sign, math.cos(a1) * sign)
    return shaft + _head_at(p1, tangent)


def document(title: str, poses: list[list[str]]) -> str:
    """The SVG text: parts every pose shares in ``<g id="still">``, the rest of each pose in
    ``<g id="pose-N">`` (N from 0), all top-level so Coach can show one pose at a time."""
    still = [part for part in poses[0] if all(part in pose for pose in poses)]
    lines = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" '
             'width="200" height="200">', f"<title>{title}</title>",
             '<g id="still">', *still, "</g>"]
    if len(poses) > 1:
        for number, pose in enumerate(poses):
            lines += [f'<g id="pose-{number}">', *[p for p in pose if p not in still], "</g>"]
    return "\n".join([*lines, "</svg>"]) + "\n"
