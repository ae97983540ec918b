"""Asking the running Coach over a real socket pair, as the control socket does."""

from __future__ import annotations

import socket

from coach.core import control
from coach.core.control import Caller
from coach.ui.shell import Shell


def ask(coach: Shell, argv: list[str]) -> control.Reply:
    """``coach``'s reply to the command ``argv`` (as ``to_argv`` writes it). For a quit
    question, answer the question first (the reply waits for it)."""
    mine, theirs = socket.socketpair()
    with mine, theirs:
        coach.answer(argv, Caller(theirs))
        mine.settimeout(5)
        line = mine.recv(control.MAX_MESSAGE_BYTES)
    reply = control.decode(line.rstrip(b"\n"))
    assert reply is not None and reply["version"] == control.PROTOCOL_VERSION, line
    return control.Reply(reply["ok"], reply["message"], reply.get("status"))
