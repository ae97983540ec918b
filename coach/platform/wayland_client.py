"""A connection of Coach's own to the Wayland compositor, through pywayland, for what Qt does
not ask the compositor (idle time, other apps' windows).

pywayland frees objects when the garbage collector takes them, and the connection may go
first: freeing an object after its connection crashes the process. So every object made
on the connection is kept here and freed, newest first, before the connection, in
``close`` (or when the client itself is collected).
"""

from __future__ import annotations

from typing import Any


class WaylandClient:
    """Connects to ``display_name`` (None: ``$WAYLAND_DISPLAY``) and learns the compositor's
    globals: ``offered`` maps each interface name to its (name, version). Raises ValueError
    where no compositor answers."""

    def __init__(self, display_name: str | None) -> None:
        from pywayland.client.display import Display  # loaded only in Wayland sessions

        self._made: list[Any] = []  # every object made on the connection, oldest first
        self._lost = False
        self.display = Display(display_name)
        self.display.connect()
        self.offered: dict[str, tuple[int, int]] = {}
        self.registry = self.keep(self.display.get_registry())
        self.registry.dispatcher["global"] = (
            lambda _registry, name, interface, version: self.offered.__setitem__(
                interface, (name, version)))
        self.display.roundtrip()

    def bind(self, interface: Any, newest: int) -> Any:
        """Bind the global ``interface`` (a pywayland Interface) at its offered version, at
        most ``newest``. Raises KeyError when it is not offered."""
        name, version = self.offered[interface.name]
        return self.keep(self.registry.bind(name, interface, min(version, newest)))

    def keep(self, made: Any) -> Any:
        """Keep ``made`` (an object made on this connection) until ``close``."""
        self._made.append(made)
        return made

    def release(self, made: Any) -> None:
        """Free ``made`` now (a window the compositor said is gone), no longer kept."""
        if made in self._made:
            self._made.remove(made)
            made.destroy()

    def fileno(self) -> int:
        """The connection's socket: readable when the compositor has sent events."""
        return int(self.display.get_fd())

    def roundtrip(self) -> bool:
        """Send what waits and take in every event sent meanwhile; False once the compositor
        has gone away (the connection is then left alone for good)."""
        if self._lost or self.display.roundtrip() < 0:
            self._lost = True
        return not self._lost

    def close(self) -> None:
        while self._made:
            self._made.pop()._destroy()
        if self.display._ptr is not None:
            self.display.disconnect()

    def __del__(self) -> None:
        if hasattr(self, "display"):
            self.close()
