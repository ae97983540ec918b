"""Synthesize Coach's UI sounds: step, tick, done, switch and alarm WAV files.

Writes 16-bit mono 44100 Hz WAV files next to this script. Output is
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


def tone(freq: float, length: float, decay: float, attack: float = 0.01) -> list[float]:
    """Sine with a soft second harmonic, linear attack and exponential decay."""
    n = int(length * RATE)
    fade_out = int(0.02 * RATE)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / attack) * math.exp(-decay * t)
        env *= min(1.0, (n - i) / fade_out)  # guarantee a click-free end
        w = 2 * math.pi * freq * t
        out.append(env * (math.sin(w) + 0.2 * math.sin(2 * w)))
    return out


def mix(notes: list[Note], total: float) -> list[float]:
    """Place notes on a timeline and normalise the result to PEAK."""
    buf = [0.0] * int(total * RATE)
    for freq, start, length, decay in notes:
        offset = int(start * RATE)
        for i, s in enumerate(tone(freq, length, decay)):
            if offset + i < len(buf):
                buf[offset + i] += s
    top = max(abs(s) for s in buf) or 1.0
    return [s * PEAK / top for s in buf]


def write_wav(name: str, samples: list[float]) -> None:
    data = array.array("h", (round(s * 32767) for s in samples))
    if sys.byteorder == "big":
        data.byteswap()  # WAV samples are little-endian
    with wave.open(str(OUT_DIR / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


SOUNDS: dict[str, tuple[list[Note], float]] = {
    "step.wav": ([(660.0, 0.0, 0.35, 9.0), (880.0, 0.15, 0.45, 8.0)], 0.6),
    "tick.wav": ([(1000.0, 0.0, 0.12, 40.0)], 0.12),
    "done.wav": (
        [(523.25, 0.0, 0.6, 6.0), (659.25, 0.2, 0.6, 6.0), (783.99, 0.4, 0.8, 5.0)],
        1.2,
    ),
    "switch.wav": ([(880.0, 0.0, 0.35, 9.0), (660.0, 0.15, 0.45, 8.0)], 0.6),
    # three bright two-note chords: "time to take the pack off"
    "alarm.wav": (
        [(784.0 * k, start, 0.3, 7.0) for start in (0.0, 0.6, 1.2) for k in (1.0, 1.26)],
        1.8,
    ),
}


def main() -> None:
    for name, (notes, total) in SOUNDS.items():
        write_wav(name, mix(notes, total))
        print(f"wrote {OUT_DIR / name}")


if __name__ == "__main__":
    main()
