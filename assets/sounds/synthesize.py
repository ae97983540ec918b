"""Synthesize Coach's UI sounds: two themes of cues (start, step, switch, tick, done) and
the alarm.

Writes 16-bit mono 44100 Hz WAV files next to this script: ``soft/`` (pure, low, slow-onset
tones), ``clear/`` (brighter chimes with a second harmonic) and ``alarm.wav``. Output is
deterministic (pure math, no randomness). Rerun with:

    python3 assets/sounds/synthesize.py
"""

import array
import math
import sys
import wave
from pathlib import Path

RATE = 44100
PEAK = 0.5  # about -6 dBFS
OUT_DIR = Path(__file__).resolve().parent

Note = tuple[float, float, float, float]  # (freq Hz, start s, length s, decay rate)


def tone(freq: float, length: float, decay: float, attack: float = 0.01,
         harmonic: float = 0.2) -> list[float]:
    """Sine with an optional second harmonic, linear attack and exponential decay."""
    n = int(length * RATE)
    fade_out = int(0.02 * RATE)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / attack) * math.exp(-decay * t)
        env *= min(1.0, (n - i) / fade_out)  # guarantee a click-free end
        w = 2 * math.pi * freq * t
        out.append(env * (math.sin(w) + harmonic * math.sin(2 * w)))
    return out


def mix(notes: list[Note], total: float, attack: float = 0.01, harmonic: float = 0.2,
        peak: float = PEAK) -> list[float]:
    """Place notes on a timeline and normalise the result to ``peak``."""
    buf = [0.0] * int(total * RATE)
    for freq, start, length, decay in notes:
        offset = int(start * RATE)
        for i, s in enumerate(tone(freq, length, decay, attack, harmonic)):
            if offset + i < len(buf):
                buf[offset + i] += s
    top = max(abs(s) for s in buf) or 1.0
    return [s * peak / top for s in buf]


def write_wav(name: str, samples: list[float]) -> None:
    (OUT_DIR / name).parent.mkdir(exist_ok=True)
    data = array.array("h", (round(s * 32767) for s in samples))
    if sys.byteorder == "big":
        data.byteswap()  # WAV samples are little-endian
    with wave.open(str(OUT_DIR / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


CLEAR: dict[str, tuple[list[Note], float]] = {
    "start.wav": ([(660.0, 0.0, 0.25, 10.0), (880.0, 0.12, 0.25, 10.0),
                   (1320.0, 0.24, 0.45, 8.0)], 0.75),
    "step.wav": ([(660.0, 0.0, 0.35, 9.0), (880.0, 0.15, 0.45, 8.0)], 0.6),
    "tick.wav": ([(1000.0, 0.0, 0.12, 40.0)], 0.12),
    "done.wav": (
        [(523.25, 0.0, 0.6, 6.0), (659.25, 0.2, 0.6, 6.0), (783.99, 0.4, 0.8, 5.0)],
        1.2,
    ),
    "switch.wav": ([(880.0, 0.0, 0.35, 9.0), (660.0, 0.15, 0.45, 8.0)], 0.6),
}
# lower, pure tones that swell in gently: for use during a spasm or lying down
SOFT: dict[str, tuple[list[Note], float]] = {
    "start.wav": ([(392.0, 0.0, 0.6, 5.0), (523.25, 0.2, 0.8, 4.0)], 1.0),
    "step.wav": ([(523.25, 0.0, 0.5, 6.0), (659.25, 0.15, 0.65, 5.0)], 0.8),
    "tick.wav": ([(784.0, 0.0, 0.16, 25.0)], 0.16),
    "done.wav": (
        [(392.0, 0.0, 0.8, 4.0), (493.88, 0.22, 0.8, 4.0), (587.33, 0.44, 1.0, 3.0)],
        1.5,
    ),
    "switch.wav": ([(659.25, 0.0, 0.5, 6.0), (523.25, 0.15, 0.65, 5.0)], 0.8),
}
# three bright two-note chords: "time to take the pack off"
ALARM: tuple[list[Note], float] = (
    [(784.0 * k, start, 0.3, 7.0) for start in (0.0, 0.6, 1.2) for k in (1.0, 1.26)],
    1.8,
)


def main() -> None:
    for name, (notes, total) in CLEAR.items():
        write_wav(f"clear/{name}", mix(notes, total))
    for name, (notes, total) in SOFT.items():
        write_wav(f"soft/{name}", mix(notes, total, attack=0.03, harmonic=0.0, peak=0.4))
    write_wav("alarm.wav", mix(*ALARM))
    print(f"wrote the cues and the alarm to {OUT_DIR}")


if __name__ == "__main__":
    main()
