"""Coach's catalogues: every marked text of the code translated into each language, with the
same placeholders, no fuzzy entry, real plural forms, and compiled as Coach reads them."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from coach import core
from coach.core import i18n
from coach.core.i18n import DOMAIN, LOCALE_DIR, TRANSLATED
from tools.translations import marked_texts

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sr]|%[sr]")


def catalogue(code: str):  # type: ignore[no-untyped-def]
    with (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        return read_po(file, locale=code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_marked_text_is_translated_with_the_same_placeholders(code: str) -> None:
    entries = {(m.id if isinstance(m.id, str) else tuple(m.id)): m
               for m in catalogue(code) if m.id}
    for text in marked_texts():
        entry = entries.get(text)
        assert entry is not None, f"{code}: not in the catalogue: {text!r}"
        assert "fuzzy" not in entry.flags, f"{code}: fuzzy: {text!r}"
        forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        sources = text if isinstance(text, tuple) else (text,)
        wanted = {p for source in sources for p in PLACEHOLDER.findall(source)}
        for form in forms:
            assert form, f"{code}: untranslated: {text!r}"
            assert set(PLACEHOLDER.findall(form)) <= wanted, (code, text, form)
            if not isinstance(text, tuple):
                assert set(PLACEHOLDER.findall(form)) == wanted, (code, text, form)


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_compiled_catalogue_is_its_po_as_it_is_now(code: str) -> None:
    compiled = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    import io

    fresh = io.BytesIO()
    write_mo(fresh, catalogue(code))
    fresh.seek(0)
    with compiled.open("rb") as file:
        assert gettext.GNUTranslations(file)._catalog == (  # type: ignore[attr-defined]
            gettext.GNUTranslations(fresh)._catalog), "run tools/translations.py"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("code", "forms"), [
    ("en", ["1 step", "2 steps", "5 steps"]),
    ("de", ["1 Schritt", "2 Schritte", "5 Schritte"]),
    ("es", ["1 paso", "2 pasos", "5 pasos"]),
])
def test_plurals_in_each_language(code: str, forms: list[str]) -> None:
    try:
        i18n.use_language(code)
        assert [i18n.ngettext("{count} step", "{count} steps", n).format(count=n)
                for n in (1, 2, 5)] == forms
    finally:
        i18n.use_language("en")


@pytest.mark.parametrize(("environ", "code"), [
    ({"LANG": "de_DE.UTF-8"}, "de"), ({"LANGUAGE": "fr:es", "LANG": "fr_FR"}, "es"),
    ({"LC_ALL": "C", "LANG": "de_DE"}, "en"), ({"LANG": "pt_BR.UTF-8"}, "en"), ({}, "en"),
    ({"LC_MESSAGES": "es_ES@euro"}, "es")])
def test_the_system_language_is_followed_where_coach_speaks_it(environ, code) -> None:  # type: ignore[no-untyped-def]
    assert i18n.system_language(environ) == code


def test_the_core_never_translates_at_import() -> None:
    """Texts defined at import are marked (N_) and translated where shown: the language can
    be chosen after the modules load."""
    assert core  # imported above, with English active
    i18n.use_language("de")
    try:
        assert i18n._("Left side") == "Linke Seite"
    finally:
        i18n.use_language("en")


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_warning_signs_are_whole_in_each_language(qapp, code: str) -> None:  # type: ignore[no-untyped-def]
    """Every warning sign, its urgency and the notice, translated: none left in English,
    none dropped, the emergency group still telling people not to drive."""
    from PySide6.QtWidgets import QLabel

    from coach.core.guidance import NOT_MEDICAL_ADVICE, RED_FLAGS
    from coach.ui.safety_dialog import SafetyDialog

    i18n.use_language(code)
    try:
        dialog = SafetyDialog(True)  # kept while its labels are read
        texts = [label.text() for label in dialog.findChildren(QLabel)]
    finally:
        i18n.use_language("en")
    english = {flag.sign for flag in RED_FLAGS} | {NOT_MEDICAL_ADVICE}
    assert not english & {text.removeprefix("• ") for text in texts}
    assert sum(text.startswith("• ") for text in texts) == len(RED_FLAGS)
    drive = {"de": "fahren Sie nicht selbst", "es": "no conduzca"}[code]
    assert any(drive in text for text in texts)


URGENT_WORDS = {"de": ("Notruf", "fahren Sie nicht selbst"),
                "es": ("emergencias", "no conduzca")}
SAME_DAY_WORDS = {"de": "noch am selben Tag", "es": "ese mismo día"}


@pytest.mark.parametrize("code", TRANSLATED)
def test_translated_routines_keep_every_cautions_urgency(code: str) -> None:
    """Where a shipped routine's caution says to call the emergency number or to be seen the
    same day, its translation says so too, caution by caution."""
    from coach.core.routines.library import load_library
    from coach.paths import shipped_dir

    translated = [r for r in load_library(shipped_dir("routines")).routines
                  if code in r.translations]
    assert translated, "no routine is translated yet"
    for routine in translated:
        words = routine.in_language(code)
        for english, caution in zip(routine.cautions, words.cautions, strict=True):
            if "emergency number" in english:
                assert all(w in caution for w in URGENT_WORDS[code]), (routine.id, caution)
            if "the same day" in english:
                assert SAME_DAY_WORDS[code] in caution, (routine.id, caution)
        for english, step in zip(routine.steps, words.steps, strict=True):
            if "emergency number" in english.instruction:
                assert all(w in step.instruction for w in URGENT_WORDS[code]), step.name


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_shipped_routine_is_whole_in_each_language(code: str) -> None:
    from coach.core.routines.library import load_library
    from coach.paths import shipped_dir

    for routine in load_library(shipped_dir("routines")).routines:
        words = routine.translations.get(code)
        assert words is not None, f"{routine.id} has no {code} table"
        assert words.title and words.summary and words.cautions, routine.id
        assert bool(words.how_often) == bool(routine.how_often), routine.id
        assert all(name and instruction for name, instruction in words.steps), routine.id
