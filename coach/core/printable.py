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
_VARIATION_SELECTORS = frozenset(
    [chr(c) for c in range(0xFE00, 0xFE10)] + [chr(c) for c in range(0xE0100, 0xE01F0)])
_TAGS = frozenset(chr(c) for c in range(0xE0020, 0xE0080))
_BLACK_FLAG = "\U0001f3f4"
_GRAPHEME_JOINER = "\u034f"
"""Invisible on its own and never needed to show text: always written out."""
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
    included, as it is. What is kept of the invisible characters is what belongs to the
    character before it (see ``_belongs``): an accent, an emoji's style or flag tags, a
    joiner in an emoji sequence or in a script that spells with joiners."""
    out: list[str] = []
    for index, char in enumerate(text):
        shown = not invisible(char) or _belongs(text, index, out)
        out.append(char if shown else _escaped(char))
    return "".join(out)


def _belongs(text: str, index: int, out: list[str]) -> bool:
    """Whether the invisible ``text[index]`` is part of the character before it, which was
    written as it is (``out`` holds what was written so far)."""
    if index == 0 or out[-1] != text[index - 1] or text[index - 1].isspace():
        return False  # nothing before it, or what came before was escaped
    char, before = text[index], text[index - 1]
    following = text[index + 1:index + 2]
    if char in _VARIATION_SELECTORS:  # an emoji's or a CJK character's style
        return not before.isascii() or (before in "0123456789#*" and following == "\u20e3")
    if char in _TAGS:  # the letters of a subdivision flag, after the black flag
        return before == _BLACK_FLAG or before in _TAGS
    if char in _JOINERS:  # emoji sequences; scripts that spell with joiners
        marked = unicodedata.category(before) == "Mn"  # after a virama: a chillu, say
        joined = bool(following) and not following.isspace() and not invisible(following)
        return not before.isascii() and (marked or joined)
    return unicodedata.category(char) in ("Mn", "Me") and char != _GRAPHEME_JOINER


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
