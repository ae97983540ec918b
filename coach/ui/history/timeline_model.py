"""The timeline as a Qt table model that loads rows a page at a time as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coach.core.format import length_text, when_text
from coach.core.history.store import HistoryError
from coach.core.history.timeline import EntryKind, Timeline, TimelineEntry, TimelineFilter
from coach.core.i18n import N_, _
from coach.ui.style import tooltip_text

PAGE_ROWS = 200
HEADERS = (N_("When"), N_("What"), N_("Entry"), N_("Length"), N_("How it went"), N_("Note"))
KIND_NAMES = {EntryKind.ROUTINE: N_("Routine"), EntryKind.THERAPY: N_("Cold/heat"),
              EntryKind.BREAK: N_("Break"), EntryKind.SYMPTOM: N_("Symptom")}

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    """Entries of ``timeline`` that ``view`` lets through, newest first, in local time.

    Display text is plain text (views never read it as markup); a note's tooltip is escaped.
    A read that fails leaves the rows already shown and puts the reason in ``problem``."""

    def __init__(self, timeline: Timeline, today: Callable[[], date]) -> None:
        super().__init__()
        self._timeline = timeline
        self._today = today
        self._filter = TimelineFilter()
        self._rows: list[TimelineEntry] = []
        self._total = 0
        self.problem: str | None = None

    @property
    def total(self) -> int:
        """How many entries the filter lets through (loaded or not)."""
        return self._total

    def set_filter(self, view: TimelineFilter) -> None:
        self._filter = view
        self.reload()

    def reload(self) -> None:
        """Read the entries again from the first page (after a change to the history)."""
        self.beginResetModel()
        try:
            self._total = self._timeline.count(self._filter)
            self._rows = self._timeline.page(self._filter, 0, PAGE_ROWS)
            self.problem = None
        except HistoryError as error:
            self._total, self._rows, self.problem = 0, [], str(error)
        self.endResetModel()

    def entry(self, row: int) -> TimelineEntry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008,N802
        try:
            more = self._timeline.page(self._filter, len(self._rows), PAGE_ROWS)
        except HistoryError as error:
            self.problem, self._total = str(error), len(self._rows)
            return
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, for a cell cut short
            text = entry.note if index.column() == len(HEADERS) - 1 else cell_text(
                entry, index.column(), self._today())
            return tooltip_text(text) if text else None
        return cell_text(entry, index.column(), self._today())


def cell_text(entry: TimelineEntry, column: int, today: date) -> str:
    """The text of one cell: a note is shown on one line, in full in its tooltip."""
    if column == 0:
        return when_text(entry.at, today)
    if column == 1:
        return _(KIND_NAMES[entry.kind])
    if column == 2:
        return entry.title
    if column == 3:
        return "" if entry.duration_s is None else length_text(entry.duration_s)
    if column == 4:
        return entry.outcome
    return " ".join(entry.note.split())
