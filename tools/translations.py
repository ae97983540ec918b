"""Keep Coach's translations in step with its code, with Babel:

    python tools/translations.py

extracts every text marked with _(), ngettext() or N_() into coach/locale/coach.pot, merges
it into each language's coach.po (new texts arrive untranslated, changed ones fuzzy), and
compiles each coach.po into the coach.mo Coach reads. Translate in the .po files (any PO
editor will do), then run it again. tests/test_translations.py fails while a text is
untranslated or fuzzy, or a .mo is older than its .po.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.core.i18n import DOMAIN, LOCALE_DIR, TRANSLATED  # noqa: E402

KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2"]


def run(*arguments: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *arguments])


def main() -> int:
    template = LOCALE_DIR / f"{DOMAIN}.pot"
    LOCALE_DIR.mkdir(exist_ok=True)
    run("extract", "--no-default-keywords", *KEYWORDS, "--no-location", "--sort-output",
        "--project", "Coach", "--copyright-holder", "The Coach developers",
        "-o", str(template), str(ROOT / "coach"))
    for code in TRANSLATED:
        catalogue = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
        if catalogue.exists():
            run("update", "--no-fuzzy-matching", "-D", DOMAIN, "-i", str(template),
                "-d", str(LOCALE_DIR), "-l", code)
        else:
            run("init", "-D", DOMAIN, "-i", str(template), "-d", str(LOCALE_DIR), "-l", code)
        run("compile", "-D", DOMAIN, "-d", str(LOCALE_DIR), "-l", code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
