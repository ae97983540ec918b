"""Text size follows the desktop and the user's zoom; colours follow a light or dark desktop
while Coach runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from coach.core.settings import ZOOM_STEPS, load_settings
from coach.ui.appearance import READING_SCALE, Appearance
from coach.ui.fitted_label import FittedLabel
from coach.ui.looks import SIDE_ON_DARK, SIDE_ON_LIGHT
from coach.ui.main_window import TITLE_BAR_PX
from coach.ui.style import plain_label, text_scale

DARK_TEXT = "#e8eaed"


def switch_to_dark(qapp: QApplication) -> None:
    """Turn the desktop dark while Coach runs, as a theme switch does."""
    dark = QPalette(qapp.palette())
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.Base, "#202124"),
                         (QPalette.ColorRole.Text, DARK_TEXT),
                         (QPalette.ColorRole.WindowText, DARK_TEXT)):
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)
    qapp.processEvents()


@pytest.fixture
def appearance(qapp: QApplication) -> Iterator[Appearance]:
    font, palette = qapp.font(), qapp.palette()
    made = Appearance(qapp)
    yield made
    made._listener.removeEventFilter(made)
    made.deleteLater()
    qapp.setFont(font)
    qapp.setPalette(palette)


def test_the_base_size_is_the_desktops_larger_for_reading_at_a_distance(
        qtbot, appearance: Appearance, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    assert appearance.base_pt == pytest.approx(appearance.desktop_pt * READING_SCALE)
    assert qapp.font().pointSizeF() == pytest.approx(appearance.base_pt, abs=0.1)
    countdown = plain_label("0:30", "countdown")
    qtbot.addWidget(countdown)
    assert countdown.font().pointSizeF() == pytest.approx(72 * appearance.base_pt / 13)
    assert countdown.font().bold()


def test_looks_follow_the_zoom_and_keep_their_proportions(
        qtbot, appearance: Appearance) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    name, words = plain_label("Chin tucks", "stepName"), plain_label("Sit tall.")
    for label in (name, words):
        column.addWidget(label)
    window.show()
    appearance.step(1)
    appearance.step(1)  # 150 %
    QApplication.processEvents()  # the application's font reaches its widgets
    assert name.font().pointSizeF() == pytest.approx(26 * appearance.base_pt / 13)
    assert words.font().pointSizeF() == pytest.approx(appearance.base_pt)


def test_zoom_steps_up_to_200_and_down_to_100_percent(appearance: Appearance,
                                                      qapp: QApplication) -> None:
    seen = [appearance.step(1) for _ in range(len(ZOOM_STEPS) + 2)]
    assert seen[-1] == 200 and seen == sorted(seen)
    assert qapp.font().pointSizeF() == pytest.approx(appearance.desktop_pt * READING_SCALE * 2,
                                                     abs=0.1)
    assert appearance.step(-1) == 175 and appearance.step(0) == 100
    assert appearance.step(-1) == 100


def test_a_dark_desktop_switched_on_while_coach_runs_restyles_it(
        qtbot, appearance: Appearance, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    side = plain_label("Left side", "side")
    qtbot.addWidget(side)
    side.show()
    ink = QPalette.ColorRole.WindowText
    assert side.palette().color(ink).name() == SIDE_ON_LIGHT
    switch_to_dark(qapp)
    assert side.palette().color(ink).name() == SIDE_ON_DARK


def test_following_the_desktop_costs_nothing_per_event(qtbot, monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    heard: list[object] = []
    real = Appearance.eventFilter
    monkeypatch.setattr(Appearance, "eventFilter",
                        lambda self, watched, event: heard.append(watched) or real(
                            self, watched, event))
    qapp = QApplication.instance()
    font, palette = qapp.font(), qapp.palette()
    made = Appearance(qapp)
    button = QPushButton("Start")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    button.resize(300, 80)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not any(watched is button for watched in heard)  # its events never reach Python
    made._listener.removeEventFilter(made)
    qapp.setFont(font)
    qapp.setPalette(palette)


def test_ctrl_plus_zooms_the_text_and_the_zoom_is_kept(make_coach, appearance: Appearance,
                                                       data, clock) -> None:
    coach = make_coach()
    coach.use_appearance(appearance)
    coach.window.zoom_requested.emit(1)
    coach.window.zoom_requested.emit(1)
    assert appearance.zoom == 125
    assert "Text size: 125 %" in coach.window.statusBar().currentMessage()
    assert load_settings(data.settings, clock.now()).settings.zoom_percent == 125


def test_the_window_grows_with_the_text_within_the_screen(make_coach, appearance: Appearance,
                                                          qapp: QApplication) -> None:
    coach = make_coach()
    coach.use_appearance(appearance)
    smallest = coach.window.minimumSize()
    for _ in ZOOM_STEPS:
        coach.window.zoom_requested.emit(1)  # up to 200 %
    free = coach.window.screen().availableGeometry()
    border = coach.window.frameGeometry().width() - coach.window.width()
    grown = coach.window.minimumSize()
    assert grown.width() == min(round(smallest.width() * 2), free.width() - border)
    assert grown.height() == min(round(smallest.height() * 2), free.height() - TITLE_BAR_PX)
    coach.window.zoom_requested.emit(0)
    assert coach.window.minimumSize() == smallest


def test_a_window_near_the_screens_edge_stays_on_screen_as_its_text_grows(
        qtbot, make_coach, appearance: Appearance) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    coach.use_appearance(appearance)
    window = coach.window
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    window.resize(window.minimumSize())
    window.move(free.right() - window.frameGeometry().width(), free.top() + 20)
    before = window.frameGeometry()
    for _ in ZOOM_STEPS:
        window.zoom_requested.emit(1)  # up to 200 %: as wide as the screen lets it be
    qtbot.wait(20)
    grown = window.frameGeometry()
    assert grown.width() > before.width() and grown.left() < before.left()  # moved back
    assert free.contains(grown)  # its right edge and close button included


def test_a_countdown_short_of_room_is_drawn_smaller_not_cut(qtbot) -> None:  # type: ignore[no-untyped-def]
    countdown = FittedLabel("countdown")
    qtbot.addWidget(countdown)
    font = countdown.font()
    font.setPointSize(96)
    countdown.setFont(font)
    countdown.setText("12:34")
    countdown.resize(countdown.sizeHint())
    assert countdown.scale() == 1.0
    countdown.resize(countdown.sizeHint().width(), countdown.sizeHint().height() // 3)
    assert countdown.scale() == pytest.approx(1 / 3, abs=0.05)  # short: smaller, all of it


def test_fitted_text_keeps_the_background_its_style_gives_it(qtbot, appearance: Appearance
                                                             ) -> None:  # type: ignore[no-untyped-def]
    from coach.ui.fitted_label import FittedText

    appearance.apply()
    notice = FittedText("notice")  # the cautions in the player: on a pale yellow card
    qtbot.addWidget(notice)
    notice.setText("Stop if the pain spreads or gets worse.")
    notice.resize(400, 120)
    shown = notice.grab().toImage()
    assert shown.pixelColor(200, 110).name() == "#fff4ce"


def test_a_style_flag_restyles_the_widget_and_everything_in_it(qtbot, appearance: Appearance
                                                               ) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from coach.ui.looks import set_flag

    appearance.apply()
    player = QWidget()
    qtbot.addWidget(player)
    countdown = plain_label("0:30", "countdown")
    QVBoxLayout(player).addWidget(countdown)
    player.show()
    normal = countdown.font().pointSizeF()
    set_flag(player, "bigText", True)  # full screen: the countdown is read from the floor
    assert countdown.font().pointSizeF() / normal == pytest.approx(110 / 72, abs=0.01)
    set_flag(player, "bigText", False)
    assert countdown.font().pointSizeF() == normal
    def ink() -> QColor:
        return countdown.palette().color(countdown.foregroundRole())

    usual = ink()
    set_flag(player, "paused", True)  # the countdown greys out
    assert ink() != usual and ink() == countdown.palette().color(
        QPalette.ColorRole.PlaceholderText)
    set_flag(player, "paused", False)
    assert ink() == usual


def test_the_countdown_and_paused_sign_keep_their_size_when_the_screen_is_short_of_room(
        qtbot, make_coach, appearance: Appearance) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    coach.use_appearance(appearance)
    coach.window.start_routine("breathe-through-a-spasm")  # it opens on all its cautions
    view = coach.window.player_view
    qtbot.keyClick(view, Qt.Key.Key_F11)  # full screen, text for reading from the floor
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.wait(20)  # a small screen (800 by 800): not room for everything at full size
    sign = view.paused_banner  # its padding does not shrink, so its words had no room left
    assert sign.isVisible() and sign.scale() >= 0.5  # as wide as the column lets it be
    assert view.countdown.scale() >= 0.4  # the words beside it give way first
    text = view.instruction  # all of the step's words still on screen, smaller
    assert text._height(text.scale(), text.contentsRect().width()) <= text.height()


def test_the_end_screen_with_its_pain_question_scrolls_rather_than_overlap_at_200_percent(
        qtbot, make_coach, appearance: Appearance, clock) -> None:  # type: ignore[no-untyped-def]
    from coach.ui.player.pain_prompt import PainPrompt
    from tests.ui.playing import play, ready_s

    coach = make_coach(ask_pain=True)
    coach.use_appearance(appearance)
    for _ in ZOOM_STEPS:
        coach.window.zoom_requested.emit(1)  # 200 %
    coach.window.show()
    coach.window.start_routine("desk-posture-reset")
    qtbot.keyClick(coach.window.pages.currentWidget().scale, Qt.Key.Key_6)
    view = coach.window.player_view
    play(view, clock, ready_s(view) + view.session.routine.total_s)
    after = view.findChild(PainPrompt)
    qtbot.waitUntil(after.isVisible)
    scale = after.scale
    words = [label for label in scale.findChildren(QLabel) if label.text() == "Moderate"][0]
    five = scale.button(5)
    # once laid out: the words under the buttons, not on them
    qtbot.waitUntil(lambda: words.geometry().top() >= five.geometry().bottom(), timeout=3000)
    assert words.height() >= words.sizeHint().height()


def test_the_routines_drawings_grow_with_the_text(qtbot, make_coach, appearance: Appearance
                                                  ) -> None:  # type: ignore[no-untyped-def]
    from coach.ui.routines.thumbnails import THUMBNAIL_PX

    coach = make_coach()
    coach.use_appearance(appearance)
    routines = coach.window.library_view.list
    assert routines.iconSize().width() == round(THUMBNAIL_PX * text_scale())
    for _ in ZOOM_STEPS:
        coach.window.zoom_requested.emit(1)  # 200 %
    QApplication.processEvents()  # the application's font reaches its widgets
    assert routines.iconSize().width() == round(THUMBNAIL_PX * text_scale()) > THUMBNAIL_PX
    drawn = [routines.item(row) for row in range(routines.count())
             if not routines.item(row).icon().isNull()]
    assert all(item.sizeHint().height() >= routines.iconSize().height() for item in drawn)


def test_the_routine_list_dragged_narrow_keeps_every_word_of_its_titles(qtbot, make_coach
                                                                      ) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QSplitter

    coach = make_coach()
    coach.window.show()
    qtbot.waitExposed(coach.window)
    routines = coach.window.library_view.list
    splitter = routines.parentWidget()
    assert isinstance(splitter, QSplitter)
    splitter.setSizes([0, 5000])  # as far as the divider goes
    qtbot.wait(20)
    metrics = QFontMetrics(routines.font())
    widest = max(metrics.horizontalAdvance(word) for row in range(routines.count())
                 for word in routines.item(row).text().split())
    assert routines.viewport().width() >= widest + routines.iconSize().width()


def test_quiet_text_reads_at_over_4_5_to_1_on_a_light_and_a_dark_desktop(
        qtbot, appearance: Appearance, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.colours import contrast

    note = plain_label("Space pause/resume", "keys")
    qtbot.addWidget(note)
    note.show()

    def reads() -> float:
        palette = note.palette()
        return contrast(palette.color(note.foregroundRole()),
                        palette.color(QPalette.ColorRole.Window))

    assert reads() >= 4.5
    switch_to_dark(qapp)
    assert reads() >= 4.5


def test_a_dark_desktop_switched_on_while_coach_runs_redraws_the_routine_list(
        make_coach, appearance: Appearance, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt as QtNamespace

    coach = make_coach()
    coach.use_appearance(appearance)
    routines = coach.window.library_view.list
    heading = routines.item(0)
    drawn = next(routines.item(row) for row in range(routines.count())
                 if routines.item(row).data(QtNamespace.ItemDataRole.UserRole) is not None)
    light_ink = heading.foreground().color()
    light_icon = drawn.icon().pixmap(44).toImage()
    switch_to_dark(qapp)
    assert heading.foreground().color().name() == DARK_TEXT != light_ink.name()
    assert drawn.icon().pixmap(44).toImage() != light_icon  # the figure in a light ink
