"""A stand-in Python at an awkward path, and a real desktop launcher (GLib's ``gio launch``)
to start desktop entries with, for tests of how entries quote their command."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

ODD_FOLDER = "Ana's apps/coach $HOME \"venv\" back\\slash `tick`"
"""A folder name with a space, an apostrophe, a dollar, double quotes, a backslash and
backticks. (No percent sign: GLib looks for the program before it reads ``%%`` as ``%``, so
no GLib desktop can start a program from such a path.)"""


def odd_python(tmp_path: Path) -> Path:
    """An executable named ``python`` under ODD_FOLDER that writes the arguments it was given
    (itself first) as JSON beside itself."""
    folder = tmp_path / ODD_FOLDER / "bin"
    folder.mkdir(parents=True)
    python = folder / "python"
    python.write_text("#!/bin/sh\nexec /usr/bin/python3 -c 'import json, sys; "
                      "open(sys.argv[1] + \".argv\", \"w\").write(json.dumps(sys.argv[1:]))' "
                      "\"$0\" \"$@\"\n")
    python.chmod(0o755)
    return python


def launched_argv(entry: Path, python: Path, wait_s: float = 20.0) -> list[str]:
    """Launch ``entry`` as a desktop does and return the arguments ``python`` was run with."""
    record = Path(f"{python}.argv")
    subprocess.run(["gio", "launch", str(entry)], check=True, timeout=30,
                   env={**os.environ, "GIO_USE_VFS": "local"}, capture_output=True)
    deadline = time.monotonic() + wait_s
    while not record.exists():
        assert time.monotonic() < deadline, "the entry's command never ran"
        time.sleep(0.05)
    time.sleep(0.1)  # written whole by then
    return list(json.loads(record.read_text()))
