"""Telling screen readers (Orca, NVDA, VoiceOver) what a sighted user sees: what changed (an
announcement read out once, without moving the keyboard focus) and what each field of a form
is for."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QWidget


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers say ``text``, on behalf of ``widget`` (on Linux an AT-SPI
    announcement; nothing happens where no screen reader listens)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def name_fields(form: QFormLayout) -> None:
    """Give each field of ``form`` its label as its name (and the label its field as buddy),
    after the heading of its part where rows share a label ("Rest breaks: Every"): a screen
    reader otherwise reads a spin box by the name of its group, the same for all of them."""
    part = ""
    for row in range(form.rowCount()):
        whole = form.itemAt(row, QFormLayout.ItemRole.SpanningRole)
        if whole is not None and isinstance(whole.widget(), QAbstractButton | QLabel):
            part = whole.widget().text()  # type: ignore[union-attr]
            continue
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None or not isinstance(label.widget(), QLabel):
            continue
        words = label.widget()
        assert isinstance(words, QLabel)
        target = field.widget()
        if target is None or target.accessibleName() or not words.text():
            continue
        words.setBuddy(target)
        target.setAccessibleName(f"{part}: {words.text()}" if part else words.text())
