"""Text for a terminal or a spreadsheet: what a routine file or a note holds, with nothing
that could move the cursor, recolour the screen, turn the line around or hide in plain sight."""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")
"""Characters that change the direction text is shown in (a right-to-left override can make
a line read as something it is not)."""
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\ufffc\u17b4\u17b5")
"""Characters that take a letter's or a symbol's place but show nothing (Hangul fillers, the
blank braille pattern, the object replacement character, Khmer inherent vowels)."""
_JOINERS = frozenset("\u200c\u200d")
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp", "Mn", "Me"))
"""Controls, format characters (zero-width spaces and joiners, the byte-order mark, soft
hyphen), line and paragraph separators, and marks that combine with what comes before them
(variation selectors, combining accents), so show nothing of their own."""


def invisible(char: str) -> bool:
    """Whether ``char`` shows nothing of its own where it stands: a control or format
    character, a line or paragraph separator, a combining mark, a blank letter, or a
    direction control. Spaces are not counted."""
    return (char in BIDI_CONTROLS or char in BLANK_LETTERS
            or unicodedata.category(char) in _INVISIBLE_CATEGORIES)


def printable(text: str) -> str:
    """``text`` with every invisible character (see ``invisible``) written out visibly, as
    ``\\x1b``, ``\\u202e`` or ``\\U000e0100``; all other text, accents, scripts and emoji
    included, as it is. A combining mark right after a character shown is part of it (an
    accented letter, an emoji's style), and so is a zero-width joiner or non-joiner between
    two (emoji sequences, some scripts' spellings): they are kept."""
    out: list[str] = []
    shown_before = False  # whether the last character was shown as it is, and not a space
    for index, char in enumerate(text):
        if not invisible(char):
            shown = True
        elif unicodedata.category(char) in ("Mn", "Me"):
            shown = shown_before
        else:
            following = text[index + 1:index + 2]
            shown = (char in _JOINERS and shown_before and bool(following)
                     and not following.isspace() and not invisible(following))
        out.append(char if shown else _escaped(char))
        shown_before = shown and not char.isspace()
    return "".join(out)


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
