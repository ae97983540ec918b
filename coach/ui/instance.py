"""One Coach per user and data folder: the running Coach listens on the folder's control
socket (coach.core.control) and hands each request it receives, with its caller, to be
answered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

from coach.core.control import Caller, ControlServer

MAX_CALLERS = 16
"""Callers that connect but say nothing are hung up on beyond this many."""

Answer = Callable[[list[str], Caller], None]


class ControlListener(QObject):
    """Takes callers from ``server`` as they connect and calls ``answer(argv, caller)`` for
    each complete request; ``answer`` replies through the caller, at once or later (a quit
    waits for the user's answer)."""

    def __init__(self, server: ControlServer, answer: Answer,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server, self._answer = server, answer
        self._callers: dict[Caller, QSocketNotifier] = {}
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        caller = self.server.accept()
        if caller is None:
            return
        if len(self._callers) >= MAX_CALLERS:
            self._hang_up(next(iter(self._callers)))
        notifier = QSocketNotifier(caller.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(lambda: self._read(caller))
        self._callers[caller] = notifier

    def _read(self, caller: Caller) -> None:
        request = caller.read()
        if request is not None or caller.gone:
            self._forget(caller)
        if request is not None:
            self._answer(request, caller)

    def _forget(self, caller: Caller) -> None:
        notifier = self._callers.pop(caller, None)
        if notifier is not None:
            notifier.setEnabled(False)
            notifier.deleteLater()

    def _hang_up(self, caller: Caller) -> None:
        self._forget(caller)
        caller.close()

    def close(self) -> None:
        """Stop listening: hang up on everyone still connected and remove the socket."""
        self._notifier.setEnabled(False)
        for caller in list(self._callers):
            self._hang_up(caller)
        self.server.close()
