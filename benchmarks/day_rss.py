"""Coach's memory through a simulated 8-hour working day: no growth means no leak.

Sets Qt up as Coach does and builds the real main window offscreen on a fake clock and a
scripted desk worker (active at the keyboard, away for lunch from 12:00 to 13:00), then drives
it through eight hours as the app's timers would, with sound cues on: every break is taken in
its break window, two routines are played to the end (a pain score before and after each) and
two cold or heat timers run out and are taken off. Resident memory (RSS) is read after
start-up and every simulated hour. Cues go to the sound server's player where PipeWire or
PulseAudio runs, else through Qt's audio: the figures name which. Runs in a few tens of
seconds; asserts nothing.

    python benchmarks/day_rss.py [--hours 8] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/coach-day"

from coach.app import build_shell, start_qt  # noqa: E402
from coach.core.clock import FakeClock  # noqa: E402
from coach.core.settings import Settings, save_settings  # noqa: E402
from coach.core.therapy.timer import TherapyKind  # noqa: E402
from coach.paths import DataPaths  # noqa: E402

if TYPE_CHECKING:  # the windows' modules load in build_shell, as when Coach starts
    from coach.ui.shell import Shell

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20
HOUR = 3600
ROUTINES = {1: "tennis-ball-rhomboid-release", 5: "light-upper-back-stretches"}
TIMERS = {2: TherapyKind.HEAT, 6: TherapyKind.COLD}


def cue_player() -> str:
    from coach.ui.sounds import sound_player

    player = sound_player()
    return player.name if player is not None else "Qt's audio"


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE_MB


class DeskWorker:
    """Input idle time of someone typing all day but for lunch (hours 3 to 4 of the day)."""

    name = "simulated desk worker"

    def __init__(self, clock: FakeClock, day_start_s: float) -> None:
        self.clock = clock
        self.day_start_s = day_start_s

    def idle_s(self) -> float:
        into_day = self.clock.monotonic() - self.day_start_s
        return into_day - 3 * HOUR if 3 * HOUR <= into_day < 4 * HOUR else 0.5


class Day:
    """Drives one window through the day, counting what happened."""

    def __init__(self, coach: Shell, clock: FakeClock, worker: DeskWorker) -> None:
        self.coach, self.clock, self.worker = coach, clock, worker
        self.counts = {"breaks": 0, "routines": 0, "timers": 0}

    def busy(self) -> bool:
        c = self.coach
        return bool(c.breaks.window or c.breaks.notice or c.window.player_view or c.desk.timers)

    def step(self) -> None:
        w = self.coach
        idle = self.worker.idle_s()
        due_s = w.breaks.scheduler.next_check_s(idle)
        step = 1.0 if self.busy() or due_s is None else min(due_s, 60.0)
        self.clock.advance(step)
        w.breaks.check()
        if w.breaks.notice is not None:
            w.breaks.notice.answers.start_now.emit()
            self.counts["breaks"] += 1
        self._tick_break()
        self._tick_routine()
        self._tick_timers()

    def _tick_break(self) -> None:
        window = self.coach.breaks.window
        if window is not None:
            window.player.tick()
            if not window.player.session.player.is_active:
                window._finish()

    def _tick_routine(self) -> None:
        from coach.ui.player.pain_prompt import PainPrompt

        view = self.coach.window.player_view
        if view is not None:
            view.tick()
            if not view.session.player.is_active:
                for prompt in view.findChildren(PainPrompt):
                    prompt.scale.chosen.emit(3)
                self.coach.window._close_player()

    def _tick_timers(self) -> None:
        alarms = self.coach.alarms
        alarms.refresh()
        for timer in list(alarms.alerts):
            alarms._confirm(timer)

    def hour_begins(self, hour: int) -> None:
        from coach.ui.player.pain_prompt import PainPrompt

        if hour in ROUTINES:
            self.coach.window.start_routine(ROUTINES[hour])
            asked = self.coach.window.pages.currentWidget()
            assert isinstance(asked, PainPrompt), "the pain question opens the routine"
            asked.scale.chosen.emit(4)
            assert self.coach.window.player_view is not None, "the routine plays"
            self.counts["routines"] += 1
        if hour in TIMERS:
            self.coach.window.therapy_view.start(TIMERS[hour], 15, "upper back")
            self.counts["timers"] += 1


def run(hours: int) -> dict[str, float]:
    # Qt loads after Coach's data and platform modules, as when Coach starts
    from PySide6.QtCore import QEvent

    app, appearance = start_qt()
    data = DataPaths(Path(tempfile.mkdtemp(prefix="coach-day-")) / "data")
    save_settings(data.settings, Settings(disclaimer_seen=True))
    clock = FakeClock(datetime(2026, 1, 5, 8, 0, tzinfo=UTC))
    worker = DeskWorker(clock, clock.monotonic())
    coach = build_shell(data, clock, worker)
    coach.use_appearance(appearance)
    coach.window.show()
    app.processEvents()
    day = Day(coach, clock, worker)
    samples = [rss_mb()]
    for hour in range(hours):
        day.hour_begins(hour)
        end = worker.day_start_s + (hour + 1) * HOUR
        while clock.monotonic() < end:
            day.step()
            app.processEvents()
            # what the event loop does between events, which processEvents alone leaves out
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        samples.append(rss_mb())
    coach.shut_down()
    coach.store.close()
    return {"rss_start_mb": samples[0], "rss_end_mb": samples[-1],
            "rss_max_mb": max(samples), **{k: float(v) for k, v in day.counts.items()},
            **{f"rss_hour_{i}_mb": s for i, s in enumerate(samples)}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = run(args.hours)
    if args.json:
        print(json.dumps(figures))
        return
    for hour in range(args.hours + 1):
        print(f"hour {hour}: RSS {figures[f'rss_hour_{hour}_mb']:.1f} MB")
    print(f"{figures['breaks']:.0f} breaks, {figures['routines']:.0f} routines, "
          f"{figures['timers']:.0f} timers; cues played by {cue_player()}")


if __name__ == "__main__":
    main()
