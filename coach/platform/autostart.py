"""Start Coach at login: an XDG autostart entry on Linux, the Run key on Windows, a LaunchAgent
on macOS. Off unless the user turns it on."""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
from pathlib import Path

NAME = "coach"
LAUNCH_AGENT_LABEL = "org.coach.app"


def command() -> list[str]:
    """How to start this Coach: its Python running the package."""
    return [sys.executable, "-m", "coach"]


def xdg_entry_path() -> Path:
    """~/.config/autostart/coach.desktop (or under $XDG_CONFIG_HOME)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / f"{NAME}.desktop"


def launch_agent_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def is_enabled() -> bool:
    """Whether Coach is set to start at login."""
    if sys.platform == "win32":
        return _windows_value() is not None
    path = launch_agent_path() if sys.platform == "darwin" else xdg_entry_path()
    return path.exists()


def set_enabled(enabled: bool) -> None:
    """Turn starting at login on or off. Raises OSError if it cannot be written."""
    if sys.platform == "win32":
        _set_windows(enabled)
    elif sys.platform == "darwin":
        import plistlib  # macOS only

        _write_or_remove(launch_agent_path(), plistlib.dumps(
            {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": command(), "RunAtLoad": True})
            if enabled else None)
    else:
        entry = ("[Desktop Entry]\nType=Application\nName=Coach\n"
                 "Comment=Stretching and posture coach\n"
                 f"Exec={shlex.join(command())}\nX-GNOME-Autostart-enabled=true\n")
        _write_or_remove(xdg_entry_path(), entry.encode() if enabled else None)


def _write_or_remove(path: Path, content: bytes | None) -> None:
    if content is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def _windows_value() -> str | None:
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
            return str(winreg.QueryValueEx(key, "Coach")[0])
    except OSError:
        return None


def _set_windows(enabled: bool) -> None:
    if sys.platform != "win32":
        raise OSError("the Run key exists only on Windows")
    import winreg

    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
        if enabled:
            value = " ".join(f'"{part}"' for part in command())
            winreg.SetValueEx(key, "Coach", 0, winreg.REG_SZ, value)
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, "Coach")
