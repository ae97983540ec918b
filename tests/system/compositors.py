"""Real Wayland compositors for tests, started headless.

sway refuses to run as root, so when the tests run as root (as CI does) it runs as an
ordinary user made here (``coach-desktop``), in a runtime folder of its own. Clients of any
user can reach it through the socket path this gives.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DESKTOP_USER = "coach-desktop"
START_WAIT_S = 20.0


@dataclass
class Compositor:
    """A running compositor: ``socket`` is the path a Wayland client connects to, ``env``
    the environment for a client of it (``WAYLAND_DISPLAY`` and ``XDG_RUNTIME_DIR``)."""

    process: subprocess.Popen[bytes]
    runtime_dir: Path
    socket: Path
    user: str | None
    env: dict[str, str] = field(default_factory=dict)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.runtime_dir, ignore_errors=True)


def ordinary_user() -> str | None:
    """The user to run a compositor as: None when these tests are not root (then it runs as
    whoever runs them), else ``coach-desktop``, made if missing."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(DESKTOP_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/bin/false",
                        DESKTOP_USER], check=True, capture_output=True)
    return DESKTOP_USER


def start_sway(outputs: int = 2) -> Compositor:
    """sway with ``outputs`` headless outputs of 1280x800 side by side, no XWayland. Raises
    RuntimeError (with sway's own words) when it does not come up."""
    runtime, user = _runtime_dir("sway")
    config = runtime / "config"
    config.write_text("xwayland disable\n" + "".join(
        f"output HEADLESS-{n + 1} resolution 1280x800 position {n * 1280},0\n"
        for n in range(outputs)))
    _give(config, user)
    env = {"WLR_BACKENDS": "headless", "WLR_HEADLESS_OUTPUTS": str(outputs),
           "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1"}
    return _launch("sway", ["sway", "--config", str(config)], env, runtime, user)


def start_kwin() -> Compositor:
    """KDE's KWin on a virtual output, without its lock screen or global shortcuts. KWin's
    file asks for a capability (CAP_SYS_RESOURCE) that a container may withhold, and then
    refuses to start at all: a copy without it is run instead. Raises RuntimeError when it
    does not come up."""
    runtime, user = _runtime_dir("kwin")
    program = shutil.which("kwin_wayland") or "kwin_wayland"
    plain = runtime / "kwin_wayland"
    shutil.copyfile(program, plain)  # the copy has no file capabilities
    plain.chmod(0o755)
    env = {"QT_QPA_PLATFORM": "offscreen", "KWIN_COMPOSE": "Q"}
    return _launch("KWin", [str(plain), "--virtual", "--socket", "wayland-kwin",
                            "--no-lockscreen", "--no-global-shortcuts", "--no-kactivities"],
                   env, runtime, user)


def start_mutter(bus_address: str) -> Compositor:
    """GNOME's Mutter, headless with one virtual monitor, its D-Bus services (the idle monitor
    among them) on the session bus at ``bus_address``. Raises RuntimeError when it does not
    come up."""
    runtime, user = _runtime_dir("mutter")
    return _launch("Mutter", ["mutter", "--headless", "--wayland", "--no-x11",
                              "--virtual-monitor", "1280x800", "--wayland-display",
                              "wayland-mutter"],
                   {"DBUS_SESSION_BUS_ADDRESS": bus_address}, runtime, user)


SHARED_BUS_CONFIG = """<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
"""A session bus as Debian's own session bus is set up, but that the desktop's user and the
tests' user (root) may both use."""


def start_shared_bus(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """A session bus of its own for a desktop run as another user; (process, address)."""
    config = folder / "bus.conf"
    config.write_text(SHARED_BUS_CONFIG)
    bus = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork",
                            "--print-address=1"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
    assert bus.stdout is not None
    return bus, bus.stdout.readline().decode().strip()


def _runtime_dir(name: str) -> tuple[Path, str | None]:
    user = ordinary_user()
    runtime = Path(tempfile.mkdtemp(prefix=f"coach-{name}-"))
    _give(runtime, user)
    runtime.chmod(0o700)
    return runtime, user


def _give(path: Path, user: str | None) -> None:
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _launch(name: str, command: list[str], extra_env: dict[str, str], runtime: Path,
            user: str | None) -> Compositor:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(runtime),
           "XDG_RUNTIME_DIR": str(runtime), **extra_env}
    if user is not None:
        command = ["runuser", "-u", user, "--", "env", *(f"{k}={v}" for k, v in env.items()),
                   *command]
    log = runtime / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + START_WAIT_S
    while time.monotonic() < deadline and process.poll() is None:
        sockets = [p for p in runtime.glob("wayland-*") if not p.name.endswith(".lock")]
        if sockets:
            client_env = {"WAYLAND_DISPLAY": str(sockets[0]), "XDG_RUNTIME_DIR": str(runtime)}
            return Compositor(process, runtime, sockets[0], user, client_env)
        time.sleep(0.1)
    process.kill()
    words = log.read_text(errors="replace")[-2000:]
    shutil.rmtree(runtime, ignore_errors=True)
    raise RuntimeError(f"{name} did not start: {words}")
