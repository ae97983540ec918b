"""The source documents Coach's health content rests on, by the file name routines cite."""

from __future__ import annotations

from coach.core.i18n import N_, _

SOURCE_000 = "000_cf1a2c4ab22fb266.txt"
SOURCE_001 = "001_eb06acfd83de148c.txt"
SOURCE_002 = "002_058f0df711dd6597.txt"
SOURCE_003 = "003_dd1ab4b08acc332a.txt"
SOURCE_004 = "004_0616dba1035fca17.txt"

GENERAL_GUIDANCE = N_("general health-service guidance")
"""Cited for what national health services and clinical guidelines commonly advise and the
source documents do not say (red flags by urgency, how to use a cold or heat pack)."""

SOURCE_TITLES = {
    SOURCE_000: N_("Debilitating Upper Back Spasm"),
    SOURCE_001: N_("Understanding Upper Back Spasms: Causes and Treatment"),
    SOURCE_002: N_("Muscle spasm in upper back"),
    SOURCE_003: N_("Upper Back Spasms: Causes and Home Remedies"),
    SOURCE_004: N_("Muscle Spasm in the Back"),
}
"""Each source document's title (in English, as published), keyed by its file name."""


def title(source: str) -> str:
    """The source's title or general guidance, in the language Coach speaks, or ``source``
    itself if it is not a known document."""
    if source == GENERAL_GUIDANCE:
        return _(source)
    return _(SOURCE_TITLES[source]) if source in SOURCE_TITLES else source


def describe(source: str) -> str:
    """A source as people read it: its title in quotes, or as given if not known (a user's
    own routine citing, say, a physiotherapist's sheet)."""
    if source in SOURCE_TITLES:
        return _("“{title}”").format(title=title(source))
    return title(source)
