"""One Coach per user and data folder: a second start hands its command line to the first."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from coach.paths import DataPaths

CONNECT_MS = 500
REPLY_MS = 2000
ACK = b"ok\n"


def server_name(paths: DataPaths) -> str:
    """A local socket name private to this user and data folder."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}:{paths.root}".encode()).hexdigest()[:16]
    return f"coach-{digest}"


def hand_over(paths: DataPaths, argv: Sequence[str]) -> bool:
    """Send ``argv`` to a Coach already running on ``paths``; True if one took it."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(paths))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(json.dumps(list(argv)).encode() + b"\n")
    socket.flush()
    taken = socket.waitForReadyRead(REPLY_MS) and bytes(socket.readLine().data()) == ACK
    socket.disconnectFromServer()
    return taken


class InstanceServer(QObject):
    """Listens for command lines from later starts and emits ``command(list[str])``."""

    command = Signal(list)

    def __init__(self, paths: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(paths)
        QLocalServer.removeServer(name)  # a stale socket left by a crash; none answered
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            argv = json.loads(bytes(socket.readLine().data()).decode())
        except (UnicodeDecodeError, json.JSONDecodeError):
            socket.disconnectFromServer()
            return
        if isinstance(argv, list) and all(isinstance(a, str) for a in argv):
            socket.write(ACK)
            socket.flush()
            self.command.emit(argv)
        socket.disconnectFromServer()
