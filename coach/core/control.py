"""The running Coach's control socket: a second ``coach`` start, ``coach status`` and
``coach quit`` ask the Coach that holds a data folder, and hear back from it.

Where: a Unix socket in a folder only the user can enter (``$XDG_RUNTIME_DIR/coach``, else a
0700 folder of the user's in the system's temporary folder), named after the data folder, so
each data folder has one Coach to ask. Both ends refuse another user: the asker checks that
the folder is the user's own and private, and that the answering process runs as the same user;
the running Coach checks the asker's user as well (SO_PEERCRED, where the system has it).

What: one UTF-8 JSON object a line each way. The request is ``{"version": 1, "argv": [...]}``
(a command as ``coach.core.commands`` writes it); the reply is ``{"version": 1, "ok": bool,
"message": str}``, with ``"status"`` for a status request.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import struct
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.core.i18n import _

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 64 * 1024
"""A command line or a status is a few kilobytes at most; anything larger is refused."""
SEND_TIMEOUT_S = 2.0
SYSTEM_RUNTIME = Path("/run/user")
"""Where systemd keeps each user's runtime folder (named by the user id)."""
_PEERCRED = getattr(socket, "SO_PEERCRED", None)  # Linux; elsewhere the folder guards alone
_CREDENTIALS = struct.Struct("3i")  # pid, uid, gid


class ControlError(OSError):
    """The control socket cannot be used: it says why, in words for the user."""


class NotRunning(ControlError):
    """No Coach answers for this data folder."""


def control_folder() -> Path:
    """The private folder that holds the control sockets (made if missing): in the user's
    runtime folder (``$XDG_RUNTIME_DIR``, else /run/user/UID where the system keeps one, so a
    shell without the variable finds the same socket), else in the system's temporary folder.
    Raises ControlError when it is not the user's own and private."""
    base = Path(tempfile.gettempdir()) / f"coach-{_user_id()}"
    for runtime in (os.environ.get("XDG_RUNTIME_DIR"), str(SYSTEM_RUNTIME / str(_user_id()))):
        if runtime and Path(runtime).is_absolute() and _is_own_folder(Path(runtime)):
            base = Path(runtime) / "coach"
            break
    try:
        base.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        raise ControlError(_("the folder {folder} for talking to a running Coach cannot be "
                             "made ({error})").format(folder=base, error=error.strerror)
                           ) from None
    _check_private(base)
    return base


def _is_own_folder(folder: Path) -> bool:
    try:
        status = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode) and (not hasattr(os, "getuid")
                                             or status.st_uid == _user_id())


def address(data_root: Path) -> Path:
    """The control socket of the Coach that holds the data folder ``data_root``: named by
    two checksums of the folder's path (zlib's, not a cryptographic hash, which would map
    OpenSSL's library, 3 MB, into a program that runs all day, to name a file)."""
    path = os.fsencode(os.path.abspath(data_root))
    return control_folder() / f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}.sock"


def _user_id() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def _check_private(folder: Path) -> None:
    """Raise ControlError unless ``folder`` is a real folder of this user that nobody else
    can enter or write."""
    try:
        status = folder.lstat()
    except OSError as error:
        raise ControlError(_("{file}: cannot be read ({error})").format(
            file=folder, error=error.strerror)) from None
    if not stat.S_ISDIR(status.st_mode) or (
            hasattr(os, "getuid") and (status.st_uid != _user_id()
                                       or status.st_mode & 0o077)):
        raise ControlError(_("{folder} is not a private folder of this user, so Coach does "
                             "not use it to talk to a running Coach").format(folder=folder))


def _peer_user(connection: socket.socket) -> int | None:
    """The user id of the process at the other end, where the system tells it."""
    if _PEERCRED is None:
        return None
    credentials = connection.getsockopt(socket.SOL_SOCKET, _PEERCRED, _CREDENTIALS.size)
    return int(_CREDENTIALS.unpack(credentials)[1])


def _same_user(connection: socket.socket) -> bool:
    user = _peer_user(connection)
    return user is None or user == _user_id()


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps({"version": PROTOCOL_VERSION, **message}).encode() + b"\n"


def decode(line: bytes) -> dict[str, Any] | None:
    """The JSON object on ``line``; None for anything else."""
    try:
        value = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, nested past Python's depth
        return None
    return value if isinstance(value, dict) else None


@dataclass(frozen=True)
class Reply:
    """What the running Coach answered."""

    ok: bool
    message: str = ""
    status: dict[str, Any] | None = None


def ask(data_root: Path, argv: list[str], timeout_s: float | None) -> Reply:
    """Send the command ``argv`` to the Coach holding ``data_root`` and wait up to
    ``timeout_s`` seconds (None: as long as it takes, for a question the user answers there)
    for its reply. Raises NotRunning when no Coach listens there, ControlError otherwise."""
    path = address(data_root)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout_s)
        try:
            connection.connect(os.fspath(path))
        except (FileNotFoundError, ConnectionRefusedError):
            raise NotRunning(_("no Coach is running for {folder}").format(
                folder=data_root)) from None
        except OSError as error:
            raise ControlError(_("the running Coach cannot be reached at {file} ({error})"
                                 ).format(file=path, error=error.strerror or error)) from None
        if not _same_user(connection):
            raise ControlError(_("{file} belongs to another user; Coach does not talk to it"
                                 ).format(file=path))
        try:
            connection.sendall(encode({"argv": argv}))
            line = _read_line(connection)
        except TimeoutError:
            raise ControlError(_("the running Coach did not answer in time")) from None
        except OSError as error:
            raise ControlError(_("the running Coach stopped answering ({error})").format(
                error=error.strerror)) from None
    reply = decode(line) if line is not None else None
    if reply is None or not isinstance(reply.get("ok"), bool):
        raise ControlError(_("the running Coach gave no answer (it may be quitting)"))
    status = reply.get("status")
    return Reply(reply["ok"], str(reply.get("message", "")),
                 status if isinstance(status, dict) else None)


def _read_line(connection: socket.socket) -> bytes | None:
    """One line (without its end), or None if the other end closed first or sent too much."""
    received = bytearray()
    while b"\n" not in received:
        chunk = connection.recv(4096)
        if not chunk or len(received) + len(chunk) > MAX_MESSAGE_BYTES:
            return None
        received += chunk
    return bytes(received.split(b"\n", 1)[0])


class ControlServer:
    """The running Coach's end: listens on the data folder's control socket. Made only by
    the Coach that holds the folder's writer lock, so a socket left behind by one that was
    killed can safely be replaced. ``fileno`` tells when ``accept`` has a caller waiting.
    Raises ControlError when the socket cannot be made."""

    def __init__(self, data_root: Path) -> None:
        self.path = address(data_root)
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:  # a folder in its place, say
            raise ControlError(_("{file} is in the way of the control socket ({error}); "
                                 "'coach status' and a second start cannot reach this Coach"
                                 ).format(file=self.path, error=error.strerror)) from None
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._socket.bind(os.fspath(self.path))
            os.chmod(self.path, 0o600)
            made = self.path.stat()
            self._socket.listen(8)
        except OSError as error:
            self._socket.close()
            raise ControlError(_("the control socket {file} cannot be made ({error}); 'coach "
                                 "status' and a second start cannot reach this Coach").format(
                file=self.path, error=error.strerror or error)) from None
        self._socket.setblocking(False)
        self._made = (made.st_dev, made.st_ino)

    def fileno(self) -> int:
        return self._socket.fileno()

    def accept(self) -> Caller | None:
        """The caller waiting, if any and if it runs as this user."""
        try:
            connection, _ = self._socket.accept()
        except (BlockingIOError, InterruptedError):
            return None
        except OSError:  # out of file descriptors, say: the caller gives up in time
            return None
        if not _same_user(connection):
            connection.close()
            return None
        connection.setblocking(False)
        return Caller(connection)

    def close(self) -> None:
        """Stop listening and remove the socket, unless another Coach has put its own in
        its place meanwhile."""
        with contextlib.suppress(OSError):
            now = self.path.stat()
            if (now.st_dev, now.st_ino) == self._made:
                self.path.unlink()
        self._socket.close()


@dataclass(eq=False)
class Caller:
    """One connection asking the running Coach something."""

    connection: socket.socket
    gone: bool = False
    """Whether the caller hung up, or sent what is no request (its connection is closed)."""
    _received: bytearray = field(default_factory=bytearray)

    def fileno(self) -> int:
        return self.connection.fileno()

    def read(self) -> list[str] | None:
        """Read what has arrived: the command line once its request is complete, else None
        (more is to come, or the caller is ``gone``)."""
        try:
            chunk = self.connection.recv(4096)
        except (BlockingIOError, InterruptedError):
            return None
        except OSError:
            chunk = b""
        self._received += chunk
        if b"\n" in self._received and not self.gone:
            request = decode(bytes(self._received.split(b"\n", 1)[0]))
            argv = request.get("argv") if request is not None else None
            if isinstance(argv, list) and all(isinstance(word, str) for word in argv):
                return argv
        if not chunk or b"\n" in self._received or len(self._received) > MAX_MESSAGE_BYTES:
            self.close()
        return None

    def reply(self, ok: bool, message: str = "", status: dict[str, Any] | None = None) -> None:
        """Answer and hang up; a caller that has gone meanwhile is let go quietly."""
        answer: dict[str, Any] = {"ok": ok, "message": message}
        if status is not None:
            answer["status"] = status
        try:
            self.connection.settimeout(SEND_TIMEOUT_S)
            self.connection.sendall(encode(answer))
        except OSError:
            pass
        self.close()

    def close(self) -> None:
        self.gone = True
        self.connection.close()
