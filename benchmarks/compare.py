"""Coach beside the break reminders people use today, a bare PySide6 window (the floor) and a
PySide6 window with the kinds of widgets Coach's first view shows (benchmarks/widgets_window.py).

For each program, in one run on one virtual display (Xvfb, with openbox as its window
manager where installed) with its own session bus and, where PulseAudio is installed, a sound
server of its own (a null sink):
- start-up: from process start to its window shown (median of ``--runs``): under Xvfb, until
  the X server reports a viewable window of the process; offscreen (Qt programs only), until
  the window's first Expose event (benchmarks/shown_probe.py);
- RSS after start-up: resident memory of the process and its children, ``--after`` seconds
  after the window was shown (Safe Eyes: after its normal start, which shows no window);
- idle: CPU seconds and wake-ups (over every thread, benchmarks/idle_cost.py) per minute over
  ``--minutes`` of quiet, after ``--settle`` seconds, with break reminders and idle detection
  on (their defaults), and RSS at the end of it;
- a break: RSS ``BREAK_RSS_S`` seconds after a break is asked for (Coach: ``coach break now``,
  with sound cues on; Workrave: its rest break over D-Bus; Safe Eyes: ``safeeyes
  --take-break``), and for Coach also once that break (one minute) is over;
- Coach only: RSS through a simulated 8-hour day (benchmarks/day_rss.py), and the first
  player frame after Enter and the first break window frame (benchmarks/first_use.py).

Coach's modules are compiled to bytecode first, as installing it does. Workrave has no window
to show at start, so it is timed to its timer window; Safe Eyes shows none, so it is timed
with ``safeeyes --settings`` to its settings window. Needs Xvfb and dbus-daemon; prints a
table and asserts nothing.

    python benchmarks/compare.py [--display :102] [--runs 5] [--minutes 2]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import first_use
from idle_cost import family, measure, rss_mb
from Xlib import X
from Xlib import display as xdisplay

HERE = Path(__file__).resolve().parent
POLL_S = 0.005
BREAK_RSS_S = 10.0
"""How long after a break is asked for its RSS is read: the break shows, its sound played."""
COACH_BREAK_OVER_S = 80.0
"""When Coach's one-minute break (with its few seconds to get ready) is surely over."""


@dataclass
class Program:
    """How to start one program: normally, and (when different) to show its window."""

    name: str
    argv: list[str]
    shown_argv: list[str] | None = None
    offscreen_argv: list[str] | None = None
    break_argv: list[str] | None = None
    """What asks the running program for a break now."""
    figures: dict[str, float] = field(default_factory=dict)


def programs() -> list[Program]:
    python = sys.executable
    return [
        Program("Bare PySide6", [python, str(HERE / "bare_window.py")],
                offscreen_argv=[python, str(HERE / "shown_probe.py"), "bare"]),
        Program("PySide6 widgets", [python, str(HERE / "widgets_window.py")],
                offscreen_argv=[python, str(HERE / "shown_probe.py"), "widgets"]),
        Program("Coach", [python, "-m", "coach"],
                offscreen_argv=[python, str(HERE / "shown_probe.py"), "coach"],
                break_argv=[python, "-m", "coach", "break", "now"]),
        Program("Workrave", ["workrave"],
                break_argv=["dbus-send", "--session", "--dest=org.workrave.Workrave",
                            "--type=method_call", "/org/workrave/Workrave/UI",
                            "org.workrave.ControlInterface.RestBreak"]),
        Program("Safe Eyes", ["safeeyes"], shown_argv=["safeeyes", "--settings"],
                break_argv=["safeeyes", "--take-break"]),
    ]


def take_a_break(program: Program, env: dict[str, str]) -> Callable[[list[int]], dict[str,
                                                                                     float]]:
    """What to measure once ``program`` has been idle: its RSS in a break asked for now."""
    def then(pids: list[int]) -> dict[str, float]:
        if program.break_argv is None:
            return {}
        asked = time.monotonic()
        subprocess.run(program.break_argv, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=30)
        time.sleep(max(0.0, asked + BREAK_RSS_S - time.monotonic()))
        figures = {"RSS break MB": rss_mb(family(pids[0]))}
        if program.name == "Coach":
            time.sleep(max(0.0, asked + COACH_BREAK_OVER_S - time.monotonic()))
            figures["RSS after break MB"] = rss_mb(family(pids[0]))
        return figures
    return then


def viewable_window_of(screen: xdisplay.Display, pids: set[int]) -> bool:
    """Whether a top-level window with _NET_WM_PID in ``pids`` is mapped and viewable (a
    window manager puts each in a frame of its own: those are looked into too)."""
    pid_atom = screen.intern_atom("_NET_WM_PID")
    for window in _top_levels(screen.screen().root):
        try:
            if window.get_attributes().map_state != X.IsViewable:
                continue
            prop = window.get_full_property(pid_atom, X.AnyPropertyType)
        except Exception:  # the window went away meanwhile
            continue
        if prop is not None and int(prop.value[0]) in pids:
            return True
    return False


def _top_levels(root: Any) -> list[Any]:
    """The root's children and, inside window manager frames, their children."""
    found = []
    for child in root.query_tree().children:
        found.append(child)
        try:
            found += child.query_tree().children
        except Exception:  # the window went away meanwhile
            continue
    return found


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def start_up_on_x(argv: list[str], env: dict[str, str], after_s: float,
                  limit_s: float = 60.0) -> tuple[float, float]:
    """Seconds from start to a viewable window, and RSS (MB) ``after_s`` later."""
    screen = _screen(env["DISPLAY"])
    begun = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while not viewable_window_of(screen, set(family(process.pid))):
            if time.monotonic() - begun > limit_s or process.poll() is not None:
                raise RuntimeError(f"{argv[0]} showed no window")
            time.sleep(POLL_S)
        shown = time.monotonic() - begun
        time.sleep(after_s)
        return shown, rss_mb(family(process.pid))
    finally:
        stop(process)


_screens: dict[str, xdisplay.Display] = {}


def _screen(name: str) -> xdisplay.Display:
    """One connection for the whole run: it also keeps the X server from resetting (and
    refusing connections meanwhile) each time a measured program quits."""
    if name not in _screens:
        _screens[name] = xdisplay.Display(name)
    return _screens[name]


def start_up_offscreen(argv: list[str], env: dict[str, str], after_s: float) -> tuple[float,
                                                                                      float]:
    """Seconds from start to the first Expose (printed by shown_probe.py), and RSS after."""
    offscreen = {**env, "QT_QPA_PLATFORM": "offscreen"}
    begun = time.monotonic()
    process = subprocess.Popen(argv, env=offscreen, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode()
        if not line.startswith("shown "):
            raise RuntimeError(f"{argv} printed {line!r}")
        shown = float(line.split()[1]) - begun
        time.sleep(after_s)
        return shown, rss_mb(family(process.pid))
    finally:
        stop(process)


def time_start_ups(program: Program, env: dict[str, str], runs: int, after_s: float) -> None:
    """Median start-up under Xvfb (and offscreen), and median RSS after start-up."""
    shown_argv = program.shown_argv or program.argv
    start_up_on_x(shown_argv, env, 0.5)  # a first start to fill the disk cache, not counted
    on_x = [start_up_on_x(shown_argv, env, after_s) for _ in range(runs)]
    program.figures["start X s"] = statistics.median(s for s, _ in on_x)
    program.figures["RSS start MB"] = statistics.median(m for _, m in on_x)
    if program.shown_argv is not None:
        program.figures["RSS start MB"] = normal_start_rss(program.argv, env, after_s)
    if program.offscreen_argv is not None:
        start_up_offscreen(program.offscreen_argv, env, 0.5)
        off = [start_up_offscreen(program.offscreen_argv, env, after_s) for _ in range(runs)]
        program.figures["start offscreen s"] = statistics.median(s for s, _ in off)


def normal_start_rss(argv: list[str], env: dict[str, str], after_s: float) -> float:
    """RSS of a program started as usual (no window to wait for), once it has settled."""
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(5 + after_s)
        return rss_mb(family(process.pid))
    finally:
        stop(process)


def simulated_day(env: dict[str, str]) -> dict[str, float]:
    result = subprocess.run([sys.executable, str(HERE / "day_rss.py"), "--json"],
                            env={**env, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True,
                            text=True, check=True)
    return {key: float(value) for key, value in json.loads(result.stdout).items()}


def print_table(found: list[Program], runs: int, minutes: float) -> None:
    columns = [("start X s", "start-up Xvfb s", 15, ".2f"),
               ("start offscreen s", "start-up offscreen s", 20, ".2f"),
               ("RSS start MB", "RSS after start MB", 18, ".1f"),
               ("CPU s/min", "idle CPU s/min", 14, ".3f"),
               ("wake-ups/min", "idle wake-ups/min", 17, ".1f"),
               ("RSS idle MB", "RSS after idle MB", 17, ".1f"),
               ("RSS break MB", "RSS in a break MB", 17, ".1f")]
    print(f"\n{date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.system()} {platform.release()}; medians of {runs} starts, "
          f"{minutes:g} idle min each")
    print("| program | " + " | ".join(title for _, title, _, _ in columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for program in found:
        cells = [format(program.figures[key], spec) if key in program.figures else "n/a"
                 for key, _, _, spec in columns]
        print(f"| {program.name} | " + " | ".join(cells) + " |")


def environment(home: Path, display: str, buses: list[str],
                runtime: Path | None) -> dict[str, str]:
    """Coach's settings: sound cues on, a rest break of one minute; ``runtime`` is the
    runtime folder of the sound server, if one was started."""
    data = home / "coach"
    data.mkdir(parents=True)
    (data / "settings.json").write_text(json.dumps({
        "disclaimer_seen": True, "muted": False, "rest_break_min": 1}))
    env = {**os.environ, "DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS": buses[0],
           "DBUS_SYSTEM_BUS_ADDRESS": buses[1], "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / ".config"), "COACH_DATA_DIR": str(data),
           "QT_QPA_PLATFORM": "xcb"}
    if runtime is not None:
        env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def sound_server(home: Path, started: list[subprocess.Popen[bytes]]) -> Path | None:
    """A PulseAudio server with a null sink in a runtime folder of its own; None when
    PulseAudio is not installed or does not start."""
    if shutil.which("pulseaudio") is None:
        print("PulseAudio: not installed, sounds go nowhere", file=sys.stderr)
        return None
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    started.append(subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "-n", "--load=module-native-protocol-unix",
         "--load=module-null-sink", "--exit-idle-time=-1"],
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(home)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for _ in range(200):
        if (runtime / "pulse" / "native").is_socket():
            return runtime
        time.sleep(0.05)
    print("PulseAudio: did not start, sounds go nowhere", file=sys.stderr)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", help="an X display to use (default: a new Xvfb)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--after", type=float, default=3.0)
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--settle", type=float, default=15.0)
    args = parser.parse_args()
    started: list[subprocess.Popen[bytes]] = []
    display = args.display
    if display is None:
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                                 "-nolisten", "tcp"], stdout=subprocess.PIPE)
        started.append(xvfb)
        assert xvfb.stdout is not None
        display = ":" + xvfb.stdout.readline().decode().strip()
    buses = []
    for _ in ("session", "system"):  # services they start (notifications) see the display
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, env={**os.environ, "DISPLAY": display})
        started.append(bus)
        assert bus.stdout is not None
        buses.append(bus.stdout.readline().decode().strip())
    if shutil.which("openbox"):
        started.append(subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": display},
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1)
    home = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    env = environment(home, display, buses, sound_server(home, started))
    compileall.compile_dir(HERE.parent / "coach", quiet=1)  # as installing Coach does
    found = []
    try:
        for program in programs():
            if subprocess.run(["which", program.argv[0]], capture_output=True).returncode \
                    and not Path(program.argv[0]).exists():
                print(f"{program.name}: not installed, skipped", file=sys.stderr)
                continue
            print(f"{program.name}: start-ups...", file=sys.stderr, flush=True)
            time_start_ups(program, env, args.runs, args.after)
            print(f"{program.name}: idle cost...", file=sys.stderr, flush=True)
            cost = measure(program.name, program.argv, env, args.settle, args.minutes,
                           take_a_break(program, env))
            if cost is not None:
                program.figures.update({"CPU s/min": cost.cpu_s_per_min,
                                        "wake-ups/min": cost.wake_ups_per_min,
                                        "RSS idle MB": cost.rss_mb, **cost.then})
            found.append(program)
        day = simulated_day(env)
        print("Coach: first use...", file=sys.stderr, flush=True)
        first = first_use.measure(env, args.runs)
    finally:
        for process in started:
            process.terminate()
    print_table(found, args.runs, args.minutes)
    coach = next((p for p in found if p.name == "Coach"), None)
    if coach is not None and "RSS after break MB" in coach.figures:
        print(f"\nCoach once its break is over: RSS {coach.figures['RSS after break MB']:.1f} MB")
    print(f"\nCoach through a simulated 8-hour day (offscreen, fake clock, sound cues on): RSS "
          f"{day['rss_start_mb']:.1f} MB after start-up, {day['rss_end_mb']:.1f} MB at the "
          f"end, at most {day['rss_max_mb']:.1f} MB; {day['breaks']:.0f} breaks, "
          f"{day['routines']:.0f} routines and {day['timers']:.0f} cold or heat timers played")
    for what in first_use.WHATS:
        print(f"\nCoach's first {what} frame (code loaded on first use): median "
              f"{first[f'first {what} ms']:.0f} ms, slowest {first[f'first {what} max ms']:.0f} "
              f"ms of {args.runs} fresh starts")


if __name__ == "__main__":
    main()
