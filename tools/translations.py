"""Keep Coach's translations in step with its code, with Babel:

    python tools/translations.py

extracts every text marked with _(), ngettext() or N_(), and the title of every shipped
drawing (what a screen reader says of it), into coach/locale/coach.pot, merges
it into each language's coach.po (new texts arrive untranslated, changed ones fuzzy), and
compiles each coach.po into the coach.mo Coach reads. Translate in the .po files (any PO
editor will do), then run it again. tests/test_translations.py fails while a text is
untranslated or fuzzy, or a .mo is older than its .po.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.core.i18n import DOMAIN, LOCALE_DIR, TRANSLATED  # noqa: E402

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
SVG_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def svg_title(file: IO[bytes], *_details: Any, **_options: Any
              ) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction method for a drawing: its <title>, which Coach shows translated."""
    found = SVG_TITLE.search(file.read().decode("utf-8"))
    if found:
        yield 1, None, html.unescape(found.group(1).strip()), []


def marked_texts() -> Iterator[str | tuple[str, ...]]:
    """Every text Coach translates: marked in its code, or a shipped drawing's title."""
    for folder, methods in ((ROOT / "coach", [("**.py", "python")]),
                            (ROOT / "assets" / "illustrations", [("*.svg", svg_title)])):
        for _file, _line, message, _comments, _context in extract_from_dir(
                str(folder), methods, keywords=KEYWORDS, comment_tags=()):  # type: ignore[arg-type]
            yield message if isinstance(message, str) else tuple(message)


def run(*arguments: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *arguments])


def main() -> int:
    template = LOCALE_DIR / f"{DOMAIN}.pot"
    LOCALE_DIR.mkdir(exist_ok=True)
    catalogue = Catalog(project="Coach", copyright_holder="The Coach developers")
    for text in marked_texts():
        catalogue.add(text)
    with template.open("wb") as file:
        write_po(file, catalogue, no_location=True, sort_output=True, width=76)
    for code in TRANSLATED:
        if (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po").exists():
            run("update", "--no-fuzzy-matching", "-D", DOMAIN, "-i", str(template),
                "-d", str(LOCALE_DIR), "-l", code)
        else:
            run("init", "-D", DOMAIN, "-i", str(template), "-d", str(LOCALE_DIR), "-l", code)
        run("compile", "-D", DOMAIN, "-d", str(LOCALE_DIR), "-l", code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
