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
    ("pass\u200dword pay\u200cpal", "pass\\u200dword pay\\u200cpal"),  # hides a word's seam
    ("a\u034f\u034fb x\ufe0f", "a\\u034f\\u034fb x\\ufe0f"),
], ids=repr)
def test_controls_are_written_out(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_ordinary_text_of_every_script_passes_unchanged() -> None:
    text = ("Schulterblätter · espalda · 肩甲骨 · كتف · 🙂 · naïve\u00a0space · cafe\u0301 · "
            "👍\ufe0f · 👨\u200d👩\u200d👧 · क्\u200dष · അവന്\u200d · می\u200cخواهم · "
            "1\ufe0f\u20e3 · 🏳\ufe0f\u200d🌈 · "
            "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f")
    assert printable(text) == text
