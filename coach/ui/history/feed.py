"""One broadcast of changes to the history, so that whatever shows entries stays current without
asking the file again and again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from coach.core.history.store import HistoryStore
from coach.core.history.timeline import EntryKind


class HistoryFeed(QObject):
    """Emits ``changed(kind)`` once entries of that kind are written to ``store`` (a routine
    session, a cold/heat application, a break, a symptom entry), edited or deleted. Writes
    through the store's writer are told by the writer itself; whoever changes the file another
    way (deleting entries) calls ``announce``."""

    changed = Signal(EntryKind)

    def __init__(self, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        store.writer.on_written = self._written

    def announce(self, kinds: tuple[EntryKind, ...] = tuple(EntryKind)) -> None:
        """Tell that entries of ``kinds`` (every kind unless given) changed."""
        for kind in kinds:
            self.changed.emit(kind)

    def _written(self, tables: frozenset[str]) -> None:
        self.announce(tuple(kind for kind in EntryKind if kind.table in tables))
