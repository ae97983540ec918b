"""Start Coach at login: an XDG autostart entry on Linux, the Run key on Windows, a LaunchAgent
on macOS. Off unless the user turns it on."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from coach.paths import asset
from coach.platform.desktop_entry import APP_ID, launch_command, with_command

LAUNCH_AGENT_LABEL = APP_ID
OLD_ENTRY_NAME = "coach.desktop"
"""What Coach 0.1 named its autostart entry; replaced by the application id's."""


def xdg_entry_path(name: str = f"{APP_ID}.desktop") -> Path:
    """~/.config/autostart/APP_ID.desktop (or under $XDG_CONFIG_HOME, when that is an
    absolute path as the specification requires)."""
    config = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(config) if Path(config).is_absolute() else Path.home() / ".config"
    return base / "autostart" / name


def launch_agent_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def is_enabled() -> bool:
    """Whether Coach is set to start at login."""
    if sys.platform == "win32":
        return _windows_value() is not None
    if sys.platform == "darwin":
        return launch_agent_path().exists()
    return xdg_entry_path().exists() or xdg_entry_path(OLD_ENTRY_NAME).exists()


def set_enabled(enabled: bool) -> None:
    """Turn starting at login on or off. Raises OSError if it cannot be written."""
    if sys.platform == "win32":
        _set_windows(enabled)
    elif sys.platform == "darwin":
        import plistlib  # macOS only

        _write_or_remove(launch_agent_path(), plistlib.dumps(
            {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": launch_command(),
             "RunAtLoad": True}) if enabled else None)
    else:
        _write_or_remove(xdg_entry_path(OLD_ENTRY_NAME), None)
        _write_or_remove(xdg_entry_path(), xdg_entry().encode() if enabled else None)


def xdg_entry() -> str:
    """The autostart entry: the menu entry, starting this Coach, marked to start at login.
    Raises OSError when the shipped entry is missing, or for a command no entry can hold."""
    shipped = asset(f"desktop/{APP_ID}.desktop").read_text(encoding="utf-8")
    return with_command(shipped, launch_command(), "X-GNOME-Autostart-enabled=true")


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
            value = " ".join(f'"{part}"' for part in launch_command())
            winreg.SetValueEx(key, "Coach", 0, winreg.REG_SZ, value)
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, "Coach")
