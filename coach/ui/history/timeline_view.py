"""The timeline tab: every entry, newest first, with filters, search, note editing and
deletion that can be undone."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coach.core.clock import Clock
from coach.core.format import when_text
from coach.core.history.store import HistoryError, local_days, local_midnight
from coach.core.history.symptoms import MAX_NOTE_CHARS, SymptomError, SymptomLog
from coach.core.history.timeline import EntryKind, RemovedEntry, Timeline, TimelineFilter
from coach.core.i18n import N_, _, ngettext
from coach.ui.history.timeline_model import TimelineModel
from coach.ui.inputs import CalmComboBox, DayEdit
from coach.ui.style import plain_label, push_button

KINDS = {N_("All entries"): frozenset(EntryKind), N_("Routines"): frozenset({EntryKind.ROUTINE}),
         N_("Cold and heat"): frozenset({EntryKind.THERAPY}),
         N_("Breaks"): frozenset({EntryKind.BREAK}), N_("Symptoms"): frozenset({EntryKind.SYMPTOM})}
RANGES_DAYS: dict[str, int | None] = {N_("All time"): None, N_("Today"): 1,
                                      N_("Last 7 days"): 7, N_("Last 30 days"): 30,
                                      N_("Last 90 days"): 90, N_("Last year"): 365,
                                      N_("Between…"): 0}
"""The time filters, by their English names (shown translated)."""
SEARCH_DELAY_MS = 250
UNDO_NOTE_MS = 5000


class TimelineView(QWidget):
    """Lists ``timeline``; emits ``changed`` after a note is edited or an entry is deleted or
    put back."""

    changed = Signal()

    def __init__(self, timeline: Timeline, symptoms: SymptomLog, clock: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline = timeline
        self._symptoms = symptoms
        self._clock = clock
        self._removed: list[RemovedEntry] = []
        self.model = TimelineModel(timeline, lambda: clock.now().astimezone().date())
        self.kind = CalmComboBox()
        for name in KINDS:
            self.kind.addItem(_(name), name)
        self.range = CalmComboBox()
        for name in RANGES_DAYS:
            self.range.addItem(_(name), name)
        today = self._today()
        self.first, self.last = DayEdit(today - timedelta(days=29)), DayEdit(today)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _day: self.apply_filter())
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search titles and notes"))
        self.search.setAccessibleName(_("Search titles and notes"))
        self.search.setClearButtonEnabled(True)
        self._search_delay = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_delay.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_delay.start())
        self.kind.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.range.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.table = self._build_table()
        self.count = plain_label("", "keys")
        self.undo_bar = plain_label("", "notice")
        self.undo_button = push_button(_("Undo  (Ctrl+Z)"), self.undo)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        self._build_layout()
        self.apply_filter()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (0, 1, 2, 3, 4):  # shown in full; when too wide, the table scrolls
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # a note cut short shows in full in its tooltip
        table.doubleClicked.connect(lambda _index: self.edit_note())
        return table

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.kind, self.range, self.first, self.last):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        edit = push_button(_("Edit note…"), self.edit_note)
        delete = push_button(_("Delete  (Del)"), self.delete_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(edit)
        actions.addWidget(delete)
        undo = QHBoxLayout()
        undo.addWidget(self.undo_bar, 1)
        undo.addWidget(self.undo_button)
        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(actions)
        column.addLayout(undo)
        self._show_undo()

    def _today(self) -> date:
        return self._clock.now().astimezone().date()

    def current_filter(self) -> TimelineFilter:
        days = RANGES_DAYS[self.range.currentData()]
        since = until = None
        if days == 0:
            since, until = local_days(self.first.day, self.last.day)
        elif days is not None:
            since = local_midnight(self._today() - timedelta(days=days - 1))
        return TimelineFilter(KINDS[self.kind.currentData()], since, until, self.search.text())

    def apply_filter(self) -> None:
        custom = RANGES_DAYS[self.range.currentData()] == 0
        self.first.setVisible(custom)
        self.last.setVisible(custom)
        self.model.set_filter(self.current_filter())
        self._show_count()
        if custom and self.first.day > self.last.day:
            self.count.setText(_("The first day is after the last one, so nothing is shown."))

    def reload(self) -> None:
        self.model.reload()
        self._show_count()

    def _show_count(self) -> None:
        total = self.model.total
        self.count.setText(self.model.problem or
                           ngettext("{count} entry", "{count} entries", total).format(count=total))

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def edit_note(self, row: int | None = None, note: str | None = None) -> bool:
        """Change the note of a symptom entry (the selected one unless ``row`` is given);
        ask for the text unless ``note`` is given. Returns whether it changed."""
        row = self.selected_row() if row is None else row
        if row is None:
            return False
        entry = self.model.entry(row)
        if entry.kind is not EntryKind.SYMPTOM:
            self.count.setText(_("Only symptom entries have a note."))
            return False
        if note is None:
            note = self._ask_note(entry.title, entry.note)
            if note is None:
                return False
        try:
            self._symptoms.set_note(entry.id, note.strip())
        except SymptomError as error:
            self.count.setText(_("Note not changed: {error}").format(error=error))
            return False
        self._changed()
        if self._symptoms.save_problem:
            self.count.setText(self._symptoms.save_problem)
        return True

    def _ask_note(self, title: str, note: str) -> str | None:
        """The note as the user edits it, asked again (text kept) while it is too long."""
        label = _("{title}  (at most {count} characters)").format(title=title,
                                                                  count=MAX_NOTE_CHARS)
        while True:
            note, ok = QInputDialog.getMultiLineText(self, _("Edit note"), label, note)
            if not ok:
                return None
            if len(note.strip()) <= MAX_NOTE_CHARS:
                return note
            label = _("{title}: this note has {length} characters; please keep it to "
                      "{count}.").format(title=title, length=len(note.strip()),
                                         count=MAX_NOTE_CHARS)

    def delete_selected(self, row: int | None = None) -> bool:
        """Delete an entry (the selected one unless ``row`` is given); Undo brings it back."""
        row = self.selected_row() if row is None else row
        if row is None:
            return False
        entry = self.model.entry(row)
        try:
            self._removed.append(self._timeline.delete(entry.kind, entry.id))
        except HistoryError as error:
            self.count.setText(str(error))
            return False
        self._show_undo(_("Deleted: {entry}, {when}").format(
            entry=entry.title, when=when_text(entry.at, self._today())))
        self._changed()
        return True

    def undo(self) -> None:
        """Put back the entry deleted last."""
        if not self._removed:
            return
        removed = self._removed.pop()
        try:
            self._timeline.restore(removed)
        except HistoryError as error:
            self._removed.append(removed)
            self._show_undo(_("Could not put it back: {error}").format(error=error))
            return
        self._show_undo(_("Put back.") if not self._removed else ngettext(
            "Put back. {count} more deletion can be undone.",
            "Put back. {count} more deletions can be undone.",
            len(self._removed)).format(count=len(self._removed)))
        if not self._removed:
            QTimer.singleShot(UNDO_NOTE_MS, self, lambda: self._show_undo()  # not once closed
                              if not self._removed else None)
        self._changed()

    def forget_undo(self) -> None:
        """After everything is deleted nothing can be put back one by one."""
        self._removed.clear()
        self._show_undo()

    def _show_undo(self, text: str = "") -> None:
        self.undo_bar.setText(text)
        self.undo_bar.setVisible(bool(text))
        self.undo_button.setVisible(bool(self._removed))

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
