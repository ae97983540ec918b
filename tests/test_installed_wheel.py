"""The built wheel carries every shipped routine and asset: an installed Coach finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, installed into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "--wheel-dir", str(work / "dist"), str(ROOT)], check=True)
    [wheel] = (work / "dist").glob("coach-*.whl")
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                    "--target", str(target), str(wheel)], check=True)
    return target


def run_installed(target: Path, code: str, tmp_path: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(target), "COACH_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True,
                            capture_output=True, text=True)
    return result.stdout


def test_installed_coach_finds_every_shipped_routine(installed: Path, tmp_path: Path) -> None:
    out = run_installed(installed, (
        "import json, coach, coach.paths as p\n"
        "from coach.core.routines.library import load_library\n"
        "lib = load_library(p.shipped_dir('routines'), None, p.asset('illustrations'))\n"
        "print(json.dumps({'module': coach.__file__, 'routines': p.shipped_dir('routines')"
        ".as_posix(), 'ids': sorted(r.id for r in lib.routines), 'errors': len(lib.errors)}))"),
        tmp_path)
    found = json.loads(out)
    assert Path(found["module"]).is_relative_to(installed)
    assert Path(found["routines"]).is_relative_to(installed)
    assert found["ids"] == sorted(p.stem for p in (ROOT / "routines").glob("*.toml"))
    assert found["errors"] == 0


def test_installed_coach_finds_every_shipped_asset(installed: Path, tmp_path: Path) -> None:
    shipped = sorted(p.relative_to(ROOT / "assets").as_posix()
                     for p in (ROOT / "assets").rglob("*") if p.is_file()
                     and "__pycache__" not in p.parts)
    out = run_installed(installed, (
        "import json, coach.paths as p\n"
        f"names, target = {shipped!r}, {str(installed)!r}\n"
        "print(json.dumps({n: p.asset(n).is_file() and p.asset(n).is_relative_to(target)"
        " for n in names}))"), tmp_path)
    assert json.loads(out) == dict.fromkeys(shipped, True)


def test_installed_command_lists_routines(installed: Path, tmp_path: Path) -> None:
    out = run_installed(installed, "import sys; from coach.cli import main;"
                        " sys.exit(main(['routines']))", tmp_path)
    assert "tennis-ball-rhomboid-release" in out
