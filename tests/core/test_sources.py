"""Every source a shipped routine or a piece of guidance cites is a known document."""

from __future__ import annotations

from pathlib import Path

from coach.core.guidance import RED_FLAGS
from coach.core.routines.library import load_library
from coach.core.sources import GENERAL_GUIDANCE, SOURCE_TITLES, describe, title

ROOT = Path(__file__).resolve().parents[2]


def test_every_shipped_routine_cites_known_source_documents():
    for routine in load_library(ROOT / "routines").routines:
        assert set(routine.sources) <= set(SOURCE_TITLES) | {GENERAL_GUIDANCE}, routine.id


def test_every_red_flag_cites_a_known_source_document_or_general_guidance():
    cited = {source for flag in RED_FLAGS for source in flag.sources}
    assert cited <= set(SOURCE_TITLES) | {GENERAL_GUIDANCE}
    assert all(flag.sources for flag in RED_FLAGS)


def test_a_known_source_is_described_by_its_title():
    assert describe("000_cf1a2c4ab22fb266.txt") == "“Debilitating Upper Back Spasm”"
    assert title("000_cf1a2c4ab22fb266.txt") == "Debilitating Upper Back Spasm"


def test_an_unknown_source_is_shown_as_given():
    assert describe("my physiotherapist's sheet") == "my physiotherapist's sheet"
    assert title("notes.txt") == "notes.txt"
