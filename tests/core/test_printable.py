"""Text for a terminal: controls shown escaped, every script left as it is."""

from __future__ import annotations

import pytest

from coach.core.printable import printable


@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b[2J", "\\x1b[2J"),
    ("a\nb\tc\r", "a\\x0ab\\x09c\\x0d"),
    ("\x7f\x85\x9b", "\\x7f\\x85\\x9b"),
    ("\u202eabc\u202c", "\\u202eabc\\u202c"),
    ("\u2066x\u2069\u200f\u061c", "\\u2066x\\u2069\\u200f\\u061c"),
], ids=repr)
def test_controls_are_written_out(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_ordinary_text_of_every_script_passes_unchanged() -> None:
    text = "Schulterblätter · espalda · 肩甲骨 · كتف · 🙂 · naïve\u00a0space"
    assert printable(text) == text
