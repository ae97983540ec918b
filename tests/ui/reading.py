"""Every text a window shows or tells a screen reader, and a test of which of it is English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.pofile import read_po
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from coach.core.i18n import DOMAIN, LOCALE_DIR
from coach.core.routines.library import load_library

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W\d_]+")
PROPER_NAMES = {"Coach", "Orca", "Wayland", "GNOME", "KDE", "Plasma", "X11", "PDF", "CSV",
                "JSON", "Esc", "Ctrl", "Alt", "Shift", "F11", "OK", "min", "s", "English"}
"""Words that are the same in every language Coach speaks (and English, named in itself
where a language is chosen)."""


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _model_texts(model: QAbstractItemModel | None, rows: int = 40) -> Iterator[str]:
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model, whose count Qt keeps private
        columns = 1
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            yield header
    for row in range(min(rows, model.rowCount(QModelIndex()))):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                value = model.index(row, column).data(role)
                if isinstance(value, str):
                    yield value


def widget_texts(widget: QWidget) -> Iterator[str]:
    """What ``widget`` shows or names (not what the user typed into it)."""
    yield from (widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(),
                widget.statusTip())
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
        if widget.isReadOnly():
            yield widget.toPlainText()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield from (widget.tabText(i), widget.tabToolTip(i))
    elif isinstance(widget, QMenu):
        yield widget.title()
    elif isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget.model())
    elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():
            if isinstance(item, QGraphicsTextItem):
                yield item.toPlainText()
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
        if isinstance(widget, QSpinBox):
            yield from (widget.prefix(), widget.suffix())
    for action in widget.actions():
        yield from (action.text(), action.toolTip())


def window_texts(window: QWidget) -> list[str]:
    """Every text of ``window`` and all that is in it, markup removed."""
    texts = []
    for widget in [window, *window.findChildren(QWidget)]:
        texts += [_plain(text) for text in widget_texts(widget) if text and text.strip()]
    return texts


def _words(text: str) -> set[str]:
    return set(WORD.findall(text))


def _routine_words(code: str) -> set[str]:
    """The words of the shipped routines in language ``code``."""
    library = load_library(ROOT / "routines", None, ROOT / "assets" / "illustrations")
    words: set[str] = set()
    for routine in library.in_language(code).routines:
        texts = [routine.title, routine.summary, routine.how_often, *routine.cautions]
        for step in routine.steps:
            texts += [step.name, step.instruction]
        for text in texts:
            words |= _words(text or "")
    return words


def english_only_words(code: str) -> set[str]:
    """Words of Coach's English texts that its texts in ``code`` never use: finding one on a
    screen in that language means a text was left in English."""
    with (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        catalogue = read_po(file, locale=code)
    english: set[str] = set()
    translated = _routine_words(code)
    for message in catalogue:
        if not message.id:
            continue
        for source in (message.id if isinstance(message.id, tuple) else (message.id,)):
            english |= _words(re.sub(r"\{[a-z_]*\}", "", source))
        for form in (message.string if isinstance(message.string, tuple)
                     else (message.string,)):
            translated |= _words(form or "")
    return {word for word in english - translated - PROPER_NAMES if len(word) > 1}


def english_in(texts: list[str], code: str, also_allowed: set[str] = frozenset()) -> list[str]:
    """The texts among ``texts`` that have a word only English uses, with the words."""
    suspects = english_only_words(code) - also_allowed
    found = []
    for text in dict.fromkeys(texts):
        words = sorted(_words(text) & suspects)
        if words:
            found.append(f"{text!r}: {', '.join(words)}")
    return found
