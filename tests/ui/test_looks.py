"""Each kind of text wears its look: sizes on Coach's type scale, warning colours, and the
flags that change them (full screen, paused, a timer that has run out)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from coach.ui.looks import DUE_RED, LOOKS, PAUSED_CARD, set_flag
from coach.ui.style import plain_label

INK = QPalette.ColorRole.WindowText


def test_a_look_sizes_its_text_on_the_scale_of_the_applications_font(qtbot) -> None:  # type: ignore[no-untyped-def]
    base = QApplication.font().pointSizeF()
    for name in ("countdown", "stepName", "preview", "keys"):
        label = plain_label("text", name)
        qtbot.addWidget(label)
        assert label.font().pointSizeF() == pytest.approx(LOOKS[name].pt * base / 13)
        assert label.font().bold() == LOOKS[name].bold


def test_a_timer_that_has_run_out_turns_red_and_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    left = plain_label("Time is up", "timerLeft")
    qtbot.addWidget(left)
    usual = left.palette().color(INK)
    set_flag(left, "due", True)
    assert left.palette().color(INK).name() == DUE_RED
    set_flag(left, "due", False)
    assert left.palette().color(INK) == usual


def test_full_screen_buttons_are_larger_targets_and_shrink_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    from coach.ui.looks import wear

    player = QWidget()
    qtbot.addWidget(player)
    button = QPushButton("Pause")
    wear(button, "button")
    QVBoxLayout(player).addWidget(button)
    player.show()
    qtbot.waitExposed(player)
    usual = button.height()
    assert usual >= button.fontMetrics().height() + 16  # padded already
    set_flag(player, "bigText", True)
    assert button.height() >= button.fontMetrics().height() + 28 > usual
    set_flag(player, "bigText", False)
    assert button.minimumHeight() == usual


def test_the_paused_sign_is_yellow_in_a_breaks_calm_colours_too(qtbot, make_coach) -> None:  # type: ignore[no-untyped-def]
    coach = make_coach()
    coach.take_break_now()
    window = coach.breaks.window
    assert window is not None
    window.show()
    qtbot.waitExposed(window)
    window.player.toggle_pause()
    sign = window.player.paused_banner
    qtbot.waitUntil(sign.isVisible)
    shown = sign.grab().toImage()
    assert shown.pixelColor(6, sign.height() // 2).name() == PAUSED_CARD[0]


@pytest.fixture
def scale(qtbot):  # type: ignore[no-untyped-def]
    """A pain scale shown on its own."""
    from coach.ui.player.pain_scale import PainScale

    shown = PainScale()
    qtbot.addWidget(shown)
    shown.resize(700, 140)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_a_chosen_pain_score_is_edged_in_the_highlight_colour(scale) -> None:  # type: ignore[no-untyped-def]
    highlight = scale.palette().color(QPalette.ColorRole.Highlight).name()
    four = scale.button(4)
    assert four.grab().toImage().pixelColor(2, four.height() // 2).name() != highlight
    scale.choose(4)
    assert four.grab().toImage().pixelColor(2, four.height() // 2).name() == highlight
    assert scale.button(3).grab().toImage().pixelColor(2, 36).name() != highlight


def test_the_pain_scale_shows_where_the_keys_go(qtbot, scale) -> None:  # type: ignore[no-untyped-def]
    highlight = scale.palette().color(QPalette.ColorRole.Highlight).name()
    scale.clearFocus()  # a window shown alone may hand it the keys at once
    qtbot.waitUntil(lambda: not scale.hasFocus())
    assert scale.grab().toImage().pixelColor(scale.width() // 2, 1).name() != highlight
    scale.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(scale.hasFocus)
    assert scale.grab().toImage().pixelColor(scale.width() // 2, 1).name() == highlight
