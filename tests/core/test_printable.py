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
    ("z[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "z[\\u200b\\u200c\\u200d\\u2060\\ufeff\\xad]"),
    ("a\u2028b\u2029", "a\\u2028b\\u2029"),
    ("\u3164\u115f\u1160\uffa0\u2800\ufffc", "\\u3164\\u115f\\u1160\\uffa0\\u2800\\ufffc"),
    ("\u0301x \ufe0f\U000e0100", "\\u0301x \\ufe0f\\U000e0100"),
], ids=repr)
def test_controls_are_written_out(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_ordinary_text_of_every_script_passes_unchanged() -> None:
    text = ("Schulterblätter · espalda · 肩甲骨 · كتف · 🙂 · naïve\u00a0space · cafe\u0301 · "
            "👍\ufe0f · 👨\u200d👩\u200d👧 · क्\u200dष")
    assert printable(text) == text
