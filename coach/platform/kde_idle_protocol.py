"""The client side of KDE's Wayland idle protocol (``org_kde_kwin_idle``, from KDE's
plasma-wayland-protocols), for pywayland: what sway 1.7, older wlroots desktops and KWin
before ``ext-idle-notify-v1`` offer. Written as pywayland's scanner writes a protocol module;
pywayland ships the standard protocols but not this one.

A timeout object made with ``get_idle_timeout(seat, timeout_ms)`` sends ``idle`` once the
seat has had no input for that long, and ``resumed`` at the next input.
"""

from __future__ import annotations

from pywayland.protocol.wayland import WlSeat, WlSeatProxy
from pywayland.protocol_core.argument import Argument
from pywayland.protocol_core.interface import Interface
from pywayland.protocol_core.proxy import Proxy
from pywayland.protocol_core.resource import Resource
from pywayland.scanner.argument import ArgumentType


class OrgKdeKwinIdleTimeout(Interface):
    name = "org_kde_kwin_idle_timeout"
    version = 1


class OrgKdeKwinIdle(Interface):
    name = "org_kde_kwin_idle"
    version = 1


class OrgKdeKwinIdleTimeoutResource(Resource[OrgKdeKwinIdleTimeout]):
    """The events, as the compositor sends them (declared here for pywayland)."""

    interface = OrgKdeKwinIdleTimeout

    @OrgKdeKwinIdleTimeout.event()
    def idle(self) -> None:
        self._post_event(0)

    @OrgKdeKwinIdleTimeout.event()
    def resumed(self) -> None:
        self._post_event(1)


class OrgKdeKwinIdleTimeoutProxy(Proxy[OrgKdeKwinIdleTimeout]):
    interface = OrgKdeKwinIdleTimeout

    @OrgKdeKwinIdleTimeout.request()
    def release(self) -> None:
        self._marshal(0)
        self._destroy()

    @OrgKdeKwinIdleTimeout.request()
    def simulate_user_activity(self) -> None:
        self._marshal(1)


class OrgKdeKwinIdleResource(Resource[OrgKdeKwinIdle]):
    interface = OrgKdeKwinIdle


class OrgKdeKwinIdleProxy(Proxy[OrgKdeKwinIdle]):
    interface = OrgKdeKwinIdle

    @OrgKdeKwinIdle.request(
        Argument(ArgumentType.NewId, interface=OrgKdeKwinIdleTimeout),
        Argument(ArgumentType.Object, interface=WlSeat),
        Argument(ArgumentType.Uint),
    )
    def get_idle_timeout(self, seat: WlSeatProxy, timeout: int) -> OrgKdeKwinIdleTimeoutProxy:
        made: OrgKdeKwinIdleTimeoutProxy = self._marshal_constructor(
            0, OrgKdeKwinIdleTimeout, seat, timeout)
        return made


for _interface, _proxy, _resource in (
        (OrgKdeKwinIdleTimeout, OrgKdeKwinIdleTimeoutProxy, OrgKdeKwinIdleTimeoutResource),
        (OrgKdeKwinIdle, OrgKdeKwinIdleProxy, OrgKdeKwinIdleResource)):
    _interface._gen_c()
    _interface.proxy_class = _proxy
    _interface.resource_class = _resource
