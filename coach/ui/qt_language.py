"""Qt's own words (standard buttons, scroll arrows, the date fields' month names) in the
language Coach speaks, from the translations PySide6 ships."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def use_qt_language(code: str) -> None:
    """Make Qt speak ``code`` (a language code such as "de"), where PySide6 has its
    translation; without one Qt's few words stay English. Needs a QCoreApplication."""
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(code))
    if code == "en":
        return
    translator = QTranslator(QCoreApplication.instance())
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(code), "qtbase", "_", folder):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
