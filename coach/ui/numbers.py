"""Figures as the language Coach speaks writes them (Qt's locale, set with the language)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def decimal_text(value: float) -> str:
    """A figure to one decimal place at most: "4.5" in English, "4,5" in German and
    Spanish; "12", not "12.0"."""
    return QLocale().toString(round(float(value), 1), "g", 12)
