"""GNOME's do-not-disturb, read through a stand-in `gsettings` on the PATH."""

from __future__ import annotations

import os
import stat

import pytest

from coach.platform.quiet import GnomeDoNotDisturb


@pytest.fixture
def gsettings(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A `gsettings` that answers what the test writes into ``answer`` and counts calls."""
    answer = tmp_path / "answer"
    calls = tmp_path / "calls"
    script = tmp_path / "bin" / "gsettings"
    script.parent.mkdir()
    script.write_text(f'#!/bin/sh\necho x >> "{calls}"\ncat "{answer}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    return answer, calls


def test_banners_off_means_quiet_read_at_most_once_a_minute(gsettings):
    answer, calls = gsettings
    now = [0.0]
    dnd = GnomeDoNotDisturb(clock=lambda: now[0])
    answer.write_text("true\n")
    assert dnd.quiet_wanted() is False
    answer.write_text("false\n")
    now[0] = 30.0
    assert dnd.quiet_wanted() is False  # not read again yet
    now[0] = 60.0
    assert dnd.quiet_wanted() is True
    assert len(calls.read_text().splitlines()) == 2


def test_no_gsettings_means_no_quiet(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert GnomeDoNotDisturb().quiet_wanted() is False
