"""The client side of wlroots' foreign-toplevel protocol
(``zwlr_foreign_toplevel_manager_v1``, version 3, from wlr-protocols), for pywayland: how
sway, Hyprland, labwc, Wayfire and other wlroots desktops tell a client about every window,
its title and its state (maximized, minimized, activated, fullscreen). Written as pywayland's
scanner writes a protocol module; pywayland does not ship this one.

Every request and event of the protocol is declared, in the protocol's order, because
libwayland finds each by its place; Coach only listens and lets go.
"""

from __future__ import annotations

from pywayland.protocol.wayland import WlOutput, WlSeat, WlSurface
from pywayland.protocol_core.argument import Argument
from pywayland.protocol_core.interface import Interface
from pywayland.protocol_core.proxy import Proxy
from pywayland.protocol_core.resource import Resource
from pywayland.scanner.argument import ArgumentType

STATE_MAXIMIZED, STATE_MINIMIZED, STATE_ACTIVATED, STATE_FULLSCREEN = 0, 1, 2, 3
"""The values a handle's ``state`` array holds."""


class ZwlrForeignToplevelHandleV1(Interface):
    name = "zwlr_foreign_toplevel_handle_v1"
    version = 3


class ZwlrForeignToplevelManagerV1(Interface):
    name = "zwlr_foreign_toplevel_manager_v1"
    version = 3


class ZwlrForeignToplevelHandleV1Resource(Resource[ZwlrForeignToplevelHandleV1]):
    """The events, as the compositor sends them (declared here for pywayland)."""

    interface = ZwlrForeignToplevelHandleV1

    @ZwlrForeignToplevelHandleV1.event(Argument(ArgumentType.String))
    def title(self, title: str) -> None:
        self._post_event(0, title)

    @ZwlrForeignToplevelHandleV1.event(Argument(ArgumentType.String))
    def app_id(self, app_id: str) -> None:
        self._post_event(1, app_id)

    @ZwlrForeignToplevelHandleV1.event(Argument(ArgumentType.Object, interface=WlOutput))
    def output_enter(self, output: object) -> None:
        self._post_event(2, output)

    @ZwlrForeignToplevelHandleV1.event(Argument(ArgumentType.Object, interface=WlOutput))
    def output_leave(self, output: object) -> None:
        self._post_event(3, output)

    @ZwlrForeignToplevelHandleV1.event(Argument(ArgumentType.Array))
    def state(self, state: bytes) -> None:
        self._post_event(4, state)

    @ZwlrForeignToplevelHandleV1.event()
    def done(self) -> None:
        self._post_event(5)

    @ZwlrForeignToplevelHandleV1.event()
    def closed(self) -> None:
        self._post_event(6)

    @ZwlrForeignToplevelHandleV1.event(
        Argument(ArgumentType.Object, interface=ZwlrForeignToplevelHandleV1, nullable=True),
        version=3)
    def parent(self, parent: object) -> None:
        self._post_event(7, parent)


class ZwlrForeignToplevelHandleV1Proxy(Proxy[ZwlrForeignToplevelHandleV1]):
    interface = ZwlrForeignToplevelHandleV1

    @ZwlrForeignToplevelHandleV1.request()
    def set_maximized(self) -> None:
        self._marshal(0)

    @ZwlrForeignToplevelHandleV1.request()
    def unset_maximized(self) -> None:
        self._marshal(1)

    @ZwlrForeignToplevelHandleV1.request()
    def set_minimized(self) -> None:
        self._marshal(2)

    @ZwlrForeignToplevelHandleV1.request()
    def unset_minimized(self) -> None:
        self._marshal(3)

    @ZwlrForeignToplevelHandleV1.request(Argument(ArgumentType.Object, interface=WlSeat))
    def activate(self, seat: object) -> None:
        self._marshal(4, seat)

    @ZwlrForeignToplevelHandleV1.request()
    def close(self) -> None:
        self._marshal(5)

    @ZwlrForeignToplevelHandleV1.request(
        Argument(ArgumentType.Object, interface=WlSurface), Argument(ArgumentType.Int),
        Argument(ArgumentType.Int), Argument(ArgumentType.Int), Argument(ArgumentType.Int))
    def set_rectangle(self, surface: object, x: int, y: int, width: int, height: int) -> None:
        self._marshal(6, surface, x, y, width, height)

    @ZwlrForeignToplevelHandleV1.request()
    def destroy(self) -> None:
        self._marshal(7)
        self._destroy()

    @ZwlrForeignToplevelHandleV1.request(
        Argument(ArgumentType.Object, interface=WlOutput, nullable=True), version=2)
    def set_fullscreen(self, output: object) -> None:
        self._marshal(8, output)

    @ZwlrForeignToplevelHandleV1.request(version=2)
    def unset_fullscreen(self) -> None:
        self._marshal(9)


class ZwlrForeignToplevelManagerV1Resource(Resource[ZwlrForeignToplevelManagerV1]):
    interface = ZwlrForeignToplevelManagerV1

    @ZwlrForeignToplevelManagerV1.event(
        Argument(ArgumentType.NewId, interface=ZwlrForeignToplevelHandleV1))
    def toplevel(self, handle: object) -> None:
        self._post_event(0, handle)

    @ZwlrForeignToplevelManagerV1.event()
    def finished(self) -> None:
        self._post_event(1)


class ZwlrForeignToplevelManagerV1Proxy(Proxy[ZwlrForeignToplevelManagerV1]):
    interface = ZwlrForeignToplevelManagerV1

    @ZwlrForeignToplevelManagerV1.request()
    def stop(self) -> None:
        self._marshal(0)


for _interface, _proxy, _resource in (
        (ZwlrForeignToplevelHandleV1, ZwlrForeignToplevelHandleV1Proxy,
         ZwlrForeignToplevelHandleV1Resource),
        (ZwlrForeignToplevelManagerV1, ZwlrForeignToplevelManagerV1Proxy,
         ZwlrForeignToplevelManagerV1Resource)):
    _interface._gen_c()
    _interface.proxy_class = _proxy
    _interface.resource_class = _resource
