"""Spoken guidance through Qt's text-to-speech, for people who cannot look at the screen."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

from coach.core.i18n import N_, _, language

NO_ENGINE = N_("Spoken guidance needs a speech engine, and none works on this computer. On "
             "Debian or Ubuntu, install one with: sudo apt-get install speech-dispatcher "
             "espeak-ng, then restart Coach. Until then Coach guides you with the words on "
             "screen and, while sound is on, its sound cues.")


class Voice(QObject):
    """Says lines with the text-to-speech ``engine`` ("" for the system's default). Without a
    working engine it stays silent, without error. ``spoken`` is emitted with each line
    handed to the engine."""

    spoken = Signal(str)

    def __init__(self, engine: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speech = QTextToSpeech(engine, self)
        self._volume = 0.8
        self._rate = 0.0
        self.speak_in(language())

    def speak_in(self, code: str) -> bool:
        """Use a voice of language ``code`` where the engine has one; False where it has
        none (its default voice goes on speaking)."""
        wanted = QLocale(code).language()
        for locale in self._speech.availableLocales():
            if locale.language() == wanted:
                self._speech.setLocale(locale)
                return True
        return False

    @property
    def available(self) -> bool:
        return self._speech.state() is not QTextToSpeech.State.Error

    @property
    def engine(self) -> QTextToSpeech:
        return self._speech

    def set_volume(self, volume: float) -> None:
        """``volume`` from 0.0 to 1.0."""
        self._volume = volume
        self._speech.setVolume(volume)

    def set_rate(self, rate: float) -> None:
        """``rate`` from -1.0 (slow) to 1.0 (fast)."""
        self._rate = rate
        self._speech.setRate(rate)

    def say(self, text: str) -> None:
        """Say ``text`` now, cutting off any line still being spoken."""
        if not self.available:
            return
        self._speech.say(text)
        self.spoken.emit(text)


def speech_problem(engine: str = "") -> str | None:
    """Why spoken guidance cannot work here, in words, or None when an engine works."""
    if not QTextToSpeech.availableEngines():
        return _(NO_ENGINE)
    probe = QTextToSpeech(engine)
    working = probe.state() is not QTextToSpeech.State.Error
    probe.deleteLater()
    return None if working else _(NO_ENGINE)
