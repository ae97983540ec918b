"""The command line's conventions: every sub-command explains itself, completion scripts are
generated from the same definition, ``desktop install`` puts Coach in the menu and
``--verbose`` tells what Coach finds."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import build_parser, main
from coach.platform.desktop_entry import APP_ID


def sub_commands() -> dict[str, argparse.ArgumentParser]:
    [action] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(sub_commands()))
def test_every_sub_command_explains_itself_and_each_argument(capsys, name: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main([name, "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    parser = sub_commands()[name]
    assert parser.description, name
    for action in parser._actions:
        assert action.help, (name, action.dest)
        if action.option_strings:
            assert action.option_strings[-1] in text


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_scripts_know_every_sub_command(capsys, shell: str) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for name in sub_commands():
        assert name in script
    assert "desk-posture-reset" not in script  # no routine ids frozen into it


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_the_bash_script_completes_sub_commands_in_bash(tmp_path: Path, capsys) -> None:
    main(["completion", "bash"])
    (tmp_path / "coach.bash").write_text(capsys.readouterr().out)
    probe = (f"source {tmp_path / 'coach.bash'}\n"
             "COMP_WORDS=(coach sta); COMP_CWORD=1; COMP_LINE='coach sta'; COMP_POINT=9\n"
             "_shtab_coach; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
    result = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
    assert set(result.stdout.split()) == {"start", "status"}, result.stderr


def test_desktop_install_and_remove_in_the_user_data_folder(capsys, tmp_path: Path,
                                                            monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["desktop", "install"]) == 0
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Coach is in the applications menu now (entry {entry})." in capsys.readouterr().out
    assert f"Exec={sys.executable} -P -m coach\n" in entry.read_text()
    assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" /
            f"{APP_ID}.svg").is_file()
    assert main(["desktop", "remove"]) == 0
    assert "Removed Coach from the applications menu (9 files)." in capsys.readouterr().out
    assert not entry.exists()
    assert main(["desktop", "remove"]) == 0
    assert "was not in the applications menu" in capsys.readouterr().out


def test_desktop_install_that_cannot_write_is_one_line(capsys, tmp_path: Path,
                                                       monkeypatch) -> None:
    (tmp_path / "share").write_text("in the way")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["desktop", "install"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("coach: the menu entry cannot be written:") and err.count("\n") == 1


def test_verbose_tells_the_data_folder_on_stderr(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "coach", "--verbose", "--data-dir",
                             str(tmp_path / "data"), "routines"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    assert f"coach: data folder: {tmp_path / 'data'}" in result.stderr


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_the_bash_script_completes_file_names_for_options_that_take_one(tmp_path: Path,
                                                                       capsys) -> None:
    main(["completion", "bash"])
    (tmp_path / "coach.bash").write_text(capsys.readouterr().out)
    (tmp_path / "my-routine.toml").write_text("")
    probe = (f"cd {tmp_path}; source coach.bash\n"
             "COMP_WORDS=(coach routines --check my-r); COMP_CWORD=3\n"
             "COMP_LINE='coach routines --check my-r'; COMP_POINT=${#COMP_LINE}\n"
             "_shtab_coach; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
    result = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
    assert "my-routine.toml" in result.stdout.split(), result.stderr


def test_with_no_display_and_no_coach_running_a_command_says_so(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "LANGUAGE": "en", "HOME": str(tmp_path),
           "XDG_RUNTIME_DIR": str(tmp_path)}  # no DISPLAY, WAYLAND_DISPLAY nor Qt platform
    result = subprocess.run([sys.executable, "-m", "coach", "--data-dir", str(tmp_path / "d"),
                             "resume"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("coach: there is no display to open Coach's window on")
    assert "Traceback" not in result.stderr and "abort" not in result.stderr.lower()
