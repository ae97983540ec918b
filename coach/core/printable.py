"""Text for a terminal: what a routine file or a note holds, with nothing that could move the
cursor, recolour the screen or turn the line around."""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")
"""Characters that change the direction text is shown in (a right-to-left override can make
a line read as something it is not)."""


def printable(text: str) -> str:
    """``text`` with control characters (C0, C1, DEL: escape sequences, line breaks, tabs)
    and direction controls written out visibly, as ``\\x1b`` or ``\\u202e``; all other text,
    accents, scripts and emoji included, as it is."""
    return "".join(_escaped(char) if _hidden(char) else char for char in text)


def _hidden(char: str) -> bool:
    return char in BIDI_CONTROLS or unicodedata.category(char) == "Cc"


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
