"""Coach as the desktop knows it: its application id, and the entries and icons that put it in
the applications menu (``coach desktop install``) and start it at login (autostart), written
as the freedesktop.org Desktop Entry and Icon Theme specifications say.

pip and pipx install into a virtual environment, where no desktop looks for menu entries, so
``install`` copies the shipped entry and icons into the user's XDG data folder, with ``Exec``
naming this installation's Python, quoted for any path.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from coach.paths import ICON_SIZES

APP_ID = "io.github.coachdesktop.Coach"
"""Coach's reverse-DNS application id: the desktop entry's and the icon's name, the Wayland
app id and the X11 window class, and the name notifications give."""

_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')


class DesktopEntryError(OSError):
    """A command that no desktop entry can hold (a path with a line break in it)."""


def launch_command() -> list[str]:
    """How to start this Coach: its Python running the package (the same for the menu
    entry and autostart, wherever it is installed), with -P so that a ``coach`` module in the
    folder it is started from is never run in its place."""
    return [sys.executable, "-P", "-m", "coach"]


def exec_value(argv: list[str]) -> str:
    """``argv`` as a desktop entry's ``Exec`` value: arguments with reserved characters in
    double quotes, with ``"``, `````, ``$`` and ``\\`` escaped inside, ``%`` doubled, and then
    every backslash doubled, as values of the string type require. Raises DesktopEntryError
    for an argument with a control character, which an entry cannot hold."""
    words = []
    for word in argv:
        if any(ord(c) < 0x20 or c == "\x7f" for c in word):
            raise DesktopEntryError(f"{word!r} has a control character, which a desktop "
                                    "entry cannot hold; install Coach in a folder without one")
        word = word.replace("%", "%%")
        if not word or _RESERVED.search(word):
            word = '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", word) + '"'
        words.append(word)
    return " ".join(words).replace("\\", "\\\\")


def with_command(entry: str, argv: list[str], extra: str = "") -> str:
    """The shipped desktop entry ``entry`` with every ``Exec`` starting ``argv`` instead of
    ``coach`` (actions included), ``TryExec`` naming ``argv[0]``, and the ``extra`` lines
    (``key=value``) added to its main group."""
    start = exec_value(argv)
    lines: list[str] = []
    for line in entry.splitlines():
        if line.startswith("Exec=coach"):
            line = "Exec=" + start + line.removeprefix("Exec=coach")
        elif line.startswith("TryExec="):
            line = "TryExec=" + argv[0].replace("\\", "\\\\")
        elif line.startswith("[Desktop Action") and extra:
            lines[-1:-1] = extra.splitlines()  # before the blank line that ends the group
            extra = ""
        lines.append(line)
    return "\n".join([*lines, *extra.splitlines()]) + "\n"


def data_home() -> Path:
    """``$XDG_DATA_HOME``, else ~/.local/share."""
    chosen = os.environ.get("XDG_DATA_HOME")
    return Path(chosen) if chosen and Path(chosen).is_absolute() else (
        Path.home() / ".local" / "share")


@dataclass(frozen=True)
class DesktopFiles:
    """Where the menu entry and the icons go under an XDG data folder ``share``, and what
    each is copied from (the shipped ``assets`` folder)."""

    share: Path
    assets: Path

    @property
    def entry(self) -> Path:
        return self.share / "applications" / f"{APP_ID}.desktop"

    def icons(self) -> dict[Path, Path]:
        """Each icon to install, with the shipped file it comes from."""
        theme = self.share / "icons" / "hicolor"
        icons = {theme / "scalable" / "apps" / f"{APP_ID}.svg":
                 self.assets / "icons" / "coach.svg"}
        for size in ICON_SIZES:
            icons[theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = (
                self.assets / "icons" / f"coach-{size}.png")
        return icons

    def install(self, argv: list[str]) -> list[Path]:
        """Write the menu entry (starting ``argv``) and the icons; returns what was written.
        Raises OSError, or DesktopEntryError for a command no entry can hold."""
        shipped = (self.assets / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
        written = []
        for target, source in self.icons().items():
            _write(target, source.read_bytes())
            written.append(target)
        _write(self.entry, with_command(shipped, argv).encode())
        written.append(self.entry)
        _touch(self.share / "icons" / "hicolor")  # icon caches look at the folder's time
        return written

    def remove(self) -> list[Path]:
        """Remove the menu entry and the icons; returns what was there."""
        removed = []
        for path in (self.entry, *self.icons()):
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            removed.append(path)
        _touch(self.share / "icons" / "hicolor")
        return removed


def _write(path: Path, content: bytes) -> None:
    """Write ``path`` whole or not at all (a menu never sees half an entry)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.new")
    draft.write_bytes(content)
    os.replace(draft, path)


def _touch(folder: Path) -> None:
    if folder.is_dir():
        os.utime(folder)
