"""Coach in the user's language. Every text of the app, the command line and the voice goes
through gettext (one catalogue, domain "coach", per language under coach/locale), chosen
from the system's language or from Settings; routine files carry their own translations in
language tables (coach.core.routines.routine).

gettext rather than Qt's tr: the core, which never imports Qt, has texts of its own (the
warning signs, the guidance, the command line's words), and gettext serves them, the windows
and the voice alike, with real plural forms.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "coach"
LANGUAGES = {"en": "English", "de": "Deutsch", "es": "Español"}
"""The languages Coach speaks, by code, each named in itself."""
TRANSLATED = tuple(code for code in LANGUAGES if code != "en")
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def system_language(environ: dict[str, str] | None = None) -> str:
    """The first of the system's languages Coach speaks (from LANGUAGE, LC_ALL,
    LC_MESSAGES or LANG, as gettext reads them), else English."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for choice in value.split(":"):
            code = choice.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code in ("c", "posix"):
                return "en"
        if variable != "LANGUAGE":  # the first variable set decides, as in gettext
            return "en"
    return "en"


def use_language(code: str | None = None) -> str:
    """Speak ``code`` (one of LANGUAGES; None or "": the system's); returns the code used."""
    global _catalogue, _language
    chosen = code if code in LANGUAGES else system_language()
    _catalogue = (gettext.NullTranslations() if chosen == "en" else
                  gettext.translation(DOMAIN, LOCALE_DIR, [chosen], fallback=True))
    _language = chosen
    return chosen


def language() -> str:
    """The code of the language Coach speaks now."""
    return _language


def _(text: str) -> str:
    """``text`` in the language Coach speaks."""
    return _catalogue.gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of ``singular``/``plural`` for ``count``, in the language Coach speaks."""
    return _catalogue.ngettext(singular, plural, count)


def N_(text: str) -> str:  # noqa: N802 (gettext's name)
    """Marks ``text`` for translation where it is defined; ``_`` translates it where shown."""
    return text
