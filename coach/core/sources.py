"""The source documents Coach's health content rests on, by the file name routines cite."""

from __future__ import annotations

SOURCE_TITLES = {
    "000_cf1a2c4ab22fb266.txt": "Debilitating Upper Back Spasm",
    "001_eb06acfd83de148c.txt": "Understanding Upper Back Spasms: Causes and Treatment",
    "002_058f0df711dd6597.txt": "Muscle spasm in upper back",
    "003_dd1ab4b08acc332a.txt": "Upper Back Spasms: Causes and Home Remedies",
    "004_0616dba1035fca17.txt": "Muscle Spasm in the Back",
}
"""Each source document's own title, keyed by its file name."""


def title(source: str) -> str:
    """The source's title, or ``source`` itself if it is not a known document."""
    return SOURCE_TITLES.get(source, source)


def describe(source: str) -> str:
    """A source as people read it: ``"Title" (file name)``, or as given if not known."""
    return f"“{SOURCE_TITLES[source]}” ({source})" if source in SOURCE_TITLES else source
