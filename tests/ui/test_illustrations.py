"""Every step of every shipped routine has a drawing that QtSvg draws cleanly, crisp at any
pixel ratio, in the palette's ink, and the player shows it mirrored for the right side."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from coach.core.breaks.scheduler import break_routine
from coach.core.player.playback import GET_READY_S, SegmentKind, build_segments
from coach.core.routines.illustration import PoseBlend, frame_at, illustration_path
from coach.core.routines.library import load_library
from coach.paths import shipped_dir
from coach.ui.player.artwork import STILL, Artwork, layer_svg, outline
from coach.ui.player.illustration_view import shipped_illustrations, shipped_motions
from tests.ui.test_app_icon import largest_channel_difference

SVGS = sorted(shipped_illustrations().glob("*.svg"))
ROUTINES = load_library(shipped_dir("routines")).routines


@pytest.fixture
def qt_messages(qapp) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    """Every message Qt logs while the test runs."""
    messages: list[str] = []

    def keep(kind: QtMsgType, context: object, text: str) -> None:
        messages.append(f"{kind.name}: {text}")

    previous = qInstallMessageHandler(keep)
    yield messages
    qInstallMessageHandler(previous)


def test_all_twelve_routines_are_covered() -> None:
    assert len(ROUTINES) == 12 and len(SVGS) >= 30


@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.id)
def test_every_step_resolves_to_an_existing_svg(routine) -> None:  # type: ignore[no-untyped-def]
    for number, step in enumerate(routine.steps, 1):
        assert step.illustration, f"{routine.id} step {number} ({step.name}) has no drawing"
        path = illustration_path(routine, step.illustration, shipped_illustrations())
        assert path is not None and path.suffix == ".svg", f"{step.illustration} is missing"


@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.id)
def test_every_step_of_every_routine_and_break_shows_a_picture(routine) -> None:  # type: ignore[no-untyped-def]
    """As played alone and as a break that it is too short to fill (a step is added)."""
    motions = shipped_motions()
    for played in (routine, break_routine(routine, routine.total_s + 600, GET_READY_S)):
        for segment in build_segments(played):
            if segment.kind is not SegmentKind.EXERCISE:
                continue
            assert segment.step_index is not None
            name = played.steps[segment.step_index].name
            for elapsed_s in (0.0, segment.duration_s / 2):
                frame = frame_at(played, segment, elapsed_s, motions)
                assert frame is not None, f"{played.id}: {name} shows no picture"
                path = illustration_path(played, frame.name, shipped_illustrations())
                assert path is not None and Artwork(path, QColor("black")).valid, name


def test_the_break_window_shows_someone_walking_while_it_says_keep_moving(
        qtbot, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    coach.take_break_now()
    view = coach.breaks.window.player
    player = view.session.player
    while player.is_active and player.current.step_index != len(
            view.session.routine.steps) - 1:
        player.skip(view.session.now())
    assert view.session.routine.steps[-1].name == "Keep moving"
    view.illustration.refresh()
    assert view.illustration.current_frame().name == "walk.svg"
    assert view.illustration.artwork() is not None


@pytest.mark.parametrize("path", SVGS, ids=lambda p: p.name)
def test_every_svg_renders_through_qtsvg_without_warnings(path: Path, qt_messages) -> None:  # type: ignore[no-untyped-def]
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(240, 240, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 240, 240))
    painter.end()
    art = Artwork(path, QColor("#202020"))
    assert art.valid
    for pose in range(max(1, art.poses)):
        art.paint(QPainter(image), QRectF(0, 0, 240, 240), PoseBlend(pose, pose), True)
    assert not qt_messages
    assert any(image.pixelColor(x, y).alpha() for x in range(0, 240, 4) for y in range(0, 240, 4))


def test_moving_drawings_have_the_poses_their_motion_names() -> None:
    motions = shipped_motions()
    assert {"breathing", "shoulder-rolls", "head-tilt", "head-turn"} <= set(motions)
    for path in SVGS:
        art = Artwork(path, QColor("black"))
        motion = motions.get(path.stem)
        assert art.poses == (motion.poses if motion else 0), path.name


def test_a_drawing_splits_into_its_still_part_and_each_pose(tmp_path: Path) -> None:
    drawing = tmp_path / "reach.svg"
    drawing.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
        "<title> Reaching up </title>\n"
        '<defs><linearGradient id="fade"/></defs>\n'
        '<g id="pose-1"><path id="arm-high" d="M5,5 L5,0" stroke="currentColor"/></g>\n'
        '<g id="still"><circle id="head" cx="5" cy="2" r="1" fill="currentColor"/></g>\n'
        '<g id="pose-0"><path id="arm-low" d="M5,5 L9,5" stroke="currentColor"/></g>\n'
        "</svg>\n", encoding="utf-8")
    svg = drawing.read_text(encoding="utf-8")
    assert outline(svg) == (["pose-0", "pose-1"], "Reaching up")
    still, low, high = (bytes(layer_svg(svg, keep).data()).decode()
                        for keep in (STILL, "pose-0", "pose-1"))
    assert "head" in still and "arm" not in still
    assert "arm-low" in low and "head" not in low and "arm-high" not in low
    assert "arm-high" in high and "arm-low" not in high
    assert all("fade" in layer for layer in (still, low, high))  # definitions go with each
    art = Artwork(drawing, QColor("#123456"))
    assert art.valid and art.poses == 2 and art.title == "Reaching up"
    inked = art._render(10, 1.0)[0]
    assert inked.pixelColor(5, 2).name() == "#123456"  # currentColor is the palette's ink


@pytest.mark.parametrize("text", ["<svg><g id='pose-0'>", "not a drawing", ""])
def test_a_broken_drawing_is_not_valid_and_draws_nothing(tmp_path: Path, text: str,
                                                          qt_messages: list[str]) -> None:
    drawing = tmp_path / "broken.svg"
    drawing.write_text(text, encoding="utf-8")
    art = Artwork(drawing, QColor("black"))
    assert not art.valid and art.poses == 0
    assert not qt_messages


def test_drawings_are_drawn_at_the_screens_pixel_ratio() -> None:
    art = Artwork(shipped_illustrations() / "breathing.svg", QColor("black"))
    for ratio in (1.0, 1.5, 2.0):
        [still, *poses] = art._render(200, ratio)
        assert (still.width(), still.height()) == (round(200 * ratio),) * 2
        assert still.devicePixelRatio() == ratio and len(poses) == 3


def _colours(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height()) if image.pixelColor(x, y).alpha() == 255}


def test_the_figure_takes_the_palettes_text_colour_for_dark_mode() -> None:
    path = shipped_illustrations() / "stand-tall.svg"
    light = Artwork(path, QColor("#202020"))._render(200, 1.0)[0]
    dark = Artwork(path, QColor("#f0f0f0"))._render(200, 1.0)[0]
    assert "#202020" in _colours(light) and "#f0f0f0" not in _colours(light)
    assert "#f0f0f0" in _colours(dark)


def _shown(view) -> QImage:  # type: ignore[no-untyped-def]
    view.illustration.refresh()
    return view.illustration.grab().toImage()


def test_the_player_mirrors_the_drawing_for_the_right_side(qtbot, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    coach.window.start_routine("light-upper-back-stretches")
    view = coach.window.player_view
    player = view.session.player
    images = {}
    while player.is_active:
        segment = player.current
        step = segment.step_index
        if segment.kind is SegmentKind.EXERCISE and step == 3:
            frame = view.illustration.current_frame()
            assert frame.name == "arm-across-chest.svg"
            assert frame.mirrored is (segment.side == "right")
            images[segment.side] = _shown(view)
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert _differing(images["left"], images["right"]) > 0.01
    assert _differing(images["left"].flipped(Qt.Orientation.Horizontal), images["right"]) < 0.002


def _differing(first: QImage, second: QImage) -> float:
    """The share of pixels that differ clearly (antialiasing aside)."""
    size = first.width() * first.height()
    return sum(1 for x in range(first.width()) for y in range(first.height())
               if abs(first.pixelColor(x, y).lightness()
                      - second.pixelColor(x, y).lightness()) > 40) / size


def test_right_side_ball_steps_are_mirrored_in_the_player(qtbot, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    coach.window.start_routine("tennis-ball-rhomboid-release")
    view = coach.window.player_view
    seen = []
    while view.session.player.is_active:
        frame = view.illustration.current_frame()
        segment = view.session.player.current
        if segment.kind is SegmentKind.EXERCISE:
            name = view.session.routine.steps[segment.step_index].name
            seen.append((name.split(":")[0], frame.name, frame.mirrored))
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert ("Left side", "ball-place.svg", False) in seen
    assert ("Right side", "ball-place.svg", True) in seen
    assert all(mirrored == (side == "Right side") for side, _, mirrored in seen)


def test_the_library_thumbnails_are_the_drawings_as_drawn_now(tmp_path: Path) -> None:
    """Every shipped routine's first drawing has a thumbnail for light and dark windows, the
    same as tools/draw_thumbnails.py draws from the SVG today."""
    from coach.ui.routines.thumbnails import INKS, THUMBNAIL_PX, THUMBNAIL_RATIO, thumbnail_file

    drawings = shipped_illustrations()
    for routine in ROUTINES:
        name = routine.steps[0].illustration
        for background, ink in INKS.items():
            shipped = QImage(str(thumbnail_file(drawings, name, background)))
            assert not shipped.isNull(), (routine.id, background)
            drawn = Artwork(drawings / name, QColor(ink)).thumbnail(THUMBNAIL_PX,
                                                                    THUMBNAIL_RATIO)
            assert largest_channel_difference(drawn, shipped) <= 2, (name, background)


def test_a_closed_player_keeps_no_drawn_pixels_and_hands_memory_back(  # type: ignore[no-untyped-def]
        qtbot, make_coach, handed_back) -> None:
    coach = make_coach()
    coach.window.start_routine("tennis-ball-rhomboid-release")
    view = coach.window.player_view
    while view.illustration.artwork() is None:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    view.illustration.grab()  # drawn as on screen
    art = view.illustration.artwork()
    assert art._images  # the drawing on show keeps its pixels while it shows
    coach.window._close_player()
    assert not art._images
    qtbot.waitUntil(lambda: bool(handed_back))


def test_memory_is_handed_back_where_the_c_library_can_be_asked() -> None:
    from coach.platform.memory import hand_back_freed

    assert hand_back_freed() is (sys.platform == "linux" and os.confstr(
        "CS_GNU_LIBC_VERSION") is not None)
