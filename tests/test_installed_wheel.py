"""The built wheel and sdist: fit for PyPI, carrying every shipped routine and asset and the
desktop files under share/, and installed with pipx, a Coach that runs and goes in the menu."""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from coach.paths import shipped_dir
from coach.platform.desktop_entry import APP_ID, DesktopFiles

ROOT = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and sdist built from this checkout, as for a release."""
    folder = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-d", str(folder)], cwd=ROOT,
                   check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    [wheel] = dist.glob("coach-*.whl")
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


def test_twine_finds_the_wheel_and_sdist_fit_for_pypi(dist: Path) -> None:
    files = sorted(str(path) for path in dist.iterdir())
    assert len(files) == 2
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *files],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metadata_is_complete(dist: Path) -> None:
    [wheel] = dist.glob("coach-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"coach-{VERSION}.dist-info/METADATA").decode()
        names = archive.namelist()
    for field in ("License-Expression: GPL-3.0-or-later", "License-File: LICENSE",
                  "Project-URL: Homepage, ", "Project-URL: Issues, ",
                  "Classifier: Intended Audience :: End Users/Desktop",
                  "Requires-Python: >=3.11", "Description-Content-Type: text/markdown"):
        assert field in metadata, field
    assert f"coach-{VERSION}.dist-info/licenses/LICENSE" in names


def test_the_wheel_carries_the_desktop_files_under_share(dist: Path, tmp_path: Path) -> None:
    [wheel] = dist.glob("coach-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shared = {name.split("/data/", 1)[1] for name in archive.namelist()
                  if name.startswith(f"coach-{VERSION}.data/data/")}
    files = DesktopFiles(tmp_path / "share", shipped_dir("assets"))
    installed = {path.relative_to(tmp_path).as_posix() for path in (files.entry, *files.icons())}
    assert shared == installed | {f"share/metainfo/{APP_ID}.metainfo.xml"}


def test_the_metainfo_names_this_release_first() -> None:
    metainfo = ET.parse(ROOT / "assets" / "desktop" / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == APP_ID
    newest = metainfo.find("releases/release")
    assert newest is not None and newest.get("version") == VERSION


@pytest.mark.skipif(not shutil.which("pipx"), reason="needs pipx")
def test_pipx_install_gives_a_coach_that_runs_and_goes_in_the_menu(dist: Path,
                                                                   tmp_path: Path) -> None:
    [wheel] = dist.glob("coach-*.whl")
    env = {**os.environ, "PIPX_HOME": str(tmp_path / "pipx"), "PIPX_BIN_DIR": str(tmp_path / "bin"),
           "XDG_DATA_HOME": str(tmp_path / "share"), "COACH_DATA_DIR": str(tmp_path / "data")}
    env.pop("VIRTUAL_ENV", None)
    subprocess.run(["pipx", "install", str(wheel)], env=env, check=True, capture_output=True,
                   timeout=600)
    coach = tmp_path / "bin" / "coach"
    routines = subprocess.run([str(coach), "routines"], env=env, capture_output=True, text=True,
                              timeout=120, cwd=tmp_path)
    assert routines.returncode == 0 and "tennis-ball-rhomboid-release" in routines.stdout
    subprocess.run([str(coach), "desktop", "install"], env=env, check=True, timeout=120,
                   capture_output=True, cwd=tmp_path)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(tmp_path / "share" / "applications" / f"{APP_ID}.desktop")
    main = entry["Desktop Entry"]
    program = Path(main["TryExec"])
    assert program.is_relative_to(tmp_path / "pipx") and os.access(program, os.X_OK)
    assert re.fullmatch(rf"{re.escape(str(program))} -P -m coach", main["Exec"])
    icon = main["Icon"]
    theme = tmp_path / "share" / "icons" / "hicolor"
    assert (theme / "scalable" / "apps" / f"{icon}.svg").is_file()
    assert (theme / "48x48" / "apps" / f"{icon}.png").is_file()
    version = subprocess.run([str(program), "-m", "coach", "--version"], env=env,
                             capture_output=True, text=True, timeout=60)
    assert version.stdout == f"coach {VERSION}\n"
