"""What it costs to keep a break reminder running: CPU seconds and wake-ups per idle minute,
and memory.

Starts Coach, Workrave and Safe Eyes (whichever are installed) one after another on a
virtual display of their own with a session bus, lets each settle, then measures over a quiet
period the CPU time its processes use and how often their threads wake (each time a thread
leaves the CPU it counts once: the voluntary and involuntary context switches of every
thread of every process, from /proc/PID/task/*/status), and its resident memory at the end.
Needs Xvfb and dbus-daemon. Prints a table; asserts nothing.

    python benchmarks/idle_cost.py [--minutes 2] [--settle 15]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def family(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def cpu_s(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / CLOCK_TICKS


def wake_ups(pids: list[int]) -> dict[str, int]:
    """For each thread of ``pids`` ("pid/tid"), the times it has left the CPU so far."""
    counts = {}
    for pid in pids:
        try:
            tasks = list(Path(f"/proc/{pid}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                lines = (task / "status").read_text().splitlines()
            except OSError:
                continue
            counts[f"{pid}/{task.name}"] = sum(
                int(line.split()[1]) for line in lines
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")))
    return counts


def woken_since(before: dict[str, int], now: dict[str, int]) -> int:
    """Wake-ups between two ``wake_ups`` readings: a thread started meanwhile counts all of
    its own; one that ended meanwhile is not seen."""
    return sum(count - before.get(thread, 0) for thread, count in now.items())


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
        except OSError:
            continue
    return total / 1024


@dataclass
class IdleCost:
    """One program's figures: per idle minute, CPU seconds and wake-ups; RSS at its end; and
    whatever ``then`` measured after it."""

    cpu_s_per_min: float
    wake_ups_per_min: float
    rss_mb: float
    then: dict[str, float] = field(default_factory=dict)


def measure(name: str, argv: list[str], env: dict[str, str], settle_s: float, minutes: float,
            then: Callable[[list[int]], dict[str, float]] | None = None) -> IdleCost | None:
    """The idle cost of ``argv``; ``then(pids)``, when given, runs after the quiet period
    while the program still runs (for figures of what it does next)."""
    if shutil.which(argv[0]) is None and not Path(argv[0]).exists():
        print(f"{name}: not installed, skipped", file=sys.stderr)
        return None
    log = Path(env["HOME"]) / f"{argv[0].rsplit('/', 1)[-1]}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(argv, env=env, stdout=output, stderr=output,
                                   start_new_session=True)
    try:
        time.sleep(settle_s)
        if process.poll() is not None:
            last = log.read_text(errors="replace").strip().splitlines()[-3:]
            print(f"{name}: exited early ({process.returncode}), skipped; it said:",
                  *last, sep="\n  ", file=sys.stderr)
            return None
        pids = family(process.pid)
        cpu_before, woken_before = cpu_s(pids), wake_ups(pids)
        time.sleep(minutes * 60)
        pids = family(process.pid)
        cost = IdleCost((cpu_s(pids) - cpu_before) / minutes,
                        woken_since(woken_before, wake_ups(pids)) / minutes, rss_mb(pids))
        if then is not None:
            cost.then = then(pids)
        return cost
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--settle", type=float, default=15.0)
    parser.add_argument("--only", help="measure only the program whose name starts so")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], stdout=subprocess.PIPE)
    buses = [subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE) for _ in ("session", "system")]
    assert xvfb.stdout is not None
    session, system = (bus.stdout.readline().decode().strip() for bus in buses if bus.stdout)
    env = {**os.environ, "DISPLAY": ":" + xvfb.stdout.readline().decode().strip(),
           "DBUS_SESSION_BUS_ADDRESS": session,
           "DBUS_SYSTEM_BUS_ADDRESS": system,  # Safe Eyes wants one; a private bus will do
           "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),  # Safe Eyes needs both
           "COACH_DATA_DIR": str(home / "coach"), "QT_QPA_PLATFORM": "xcb"}
    programs = [("Coach", [sys.executable, "-m", "coach"]),
                ("Workrave", ["workrave"]), ("Safe Eyes", ["safeeyes"])]
    programs = [p for p in programs if not args.only or p[0].lower().startswith(args.only)]
    print(f"Idle cost on {date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"{args.minutes:g} min measured after {args.settle:g} s settling")
    print(f"{'program':<10} {'CPU s per idle min':>19} {'wake-ups per idle min':>22} "
          f"{'RSS MB':>8}", flush=True)
    try:
        for name, argv in programs:
            cost = measure(name, argv, env, args.settle, args.minutes)
            if cost is not None:
                print(f"{name:<10} {cost.cpu_s_per_min:>19.3f} {cost.wake_ups_per_min:>22.1f} "
                      f"{cost.rss_mb:>8.1f}", flush=True)
    finally:
        xvfb.terminate()
        for bus in buses:
            bus.terminate()


if __name__ == "__main__":
    main()
