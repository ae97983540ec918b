"""The History window: the timeline, the charts and the symptom log, with export, the
clinician report and deleting everything. The charts, and pyqtgraph with them, are loaded
when their tab is first shown."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coach.core.clock import Clock
from coach.core.history.store import HistoryError, HistoryStore
from coach.core.history.symptoms import SymptomLog
from coach.core.history.timeline import EntryKind, Timeline
from coach.core.i18n import N_, _, ngettext
from coach.ui.history.export_dialog import ExportDialog
from coach.ui.history.feed import HistoryFeed
from coach.ui.history.report_dialog import ReportDialog
from coach.ui.history.symptom_form import SymptomForm
from coach.ui.history.timeline_view import TimelineView
from coach.ui.style import plain_label, push_button

if TYPE_CHECKING:
    from coach.ui.history.charts import ChartsView

NOT_SAVED = N_("Your history file could not be opened (see the notice in the main window), so "
             "this window shows only what was done since Coach started, and none of it is "
             "saved.")


def kind_count(kind: EntryKind, count: int) -> str:
    """``count`` entries of ``kind`` in words, with the plural the language wants."""
    if kind is EntryKind.ROUTINE:
        text = ngettext("{count} routine session", "{count} routine sessions", count)
    elif kind is EntryKind.THERAPY:
        text = ngettext("{count} cold/heat application", "{count} cold/heat applications",
                        count)
    elif kind is EntryKind.BREAK:
        text = ngettext("{count} break record", "{count} break records", count)
    else:
        text = ngettext("{count} symptom entry", "{count} symptom entries", count)
    return text.format(count=count)


class HistoryWindow(QWidget):
    """Everything Coach has kept in ``store``, kept current by ``feed``; what is deleted here
    is announced there, so other views show the change too. Closing it deletes it, and what
    it held with it; ``closed`` is emitted then."""

    closed = Signal()

    def __init__(self, store: HistoryStore, feed: HistoryFeed, clock: Clock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("History — Coach"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1000, 720)
        self._store = store
        self._clock = clock
        self.timeline = Timeline(store)
        symptoms = SymptomLog(store)
        self.timeline_view = TimelineView(self.timeline, symptoms, clock)
        self._charts: ChartsView | None = None
        self._charts_page = QWidget()  # the charts go in when first shown
        QVBoxLayout(self._charts_page).setContentsMargins(0, 0, 0, 0)
        self.symptom_form = SymptomForm(symptoms, clock)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline_view, _("Timeline"))
        self.tabs.addTab(self._charts_page, _("Charts"))
        self.tabs.addTab(self.symptom_form, _("Log a symptom"))
        self.tabs.currentChanged.connect(lambda _index: self._tab_shown())
        self._charts_stale = True
        self._stale = False  # changed while hidden
        self._feed = feed
        feed.changed.connect(self._history_changed)  # let go of when the window is deleted
        self.timeline_view.changed.connect(feed.announce)
        self._build_layout()
        if not store.persistent:
            self.setWindowTitle(_("History (this run only) — Coach"))
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def _build_layout(self) -> None:
        export = push_button(_("Export…"), self.open_export)
        report = push_button(_("Report for your clinician…"), self.open_report)
        wipe = push_button(_("Delete everything…"), self.ask_delete_everything)
        buttons = QHBoxLayout()
        buttons.addWidget(export)
        buttons.addWidget(report)
        buttons.addStretch()
        buttons.addWidget(wipe)
        column = QVBoxLayout(self)
        if not self._store.persistent:
            column.addWidget(plain_label(_(NOT_SAVED), "notice"))
        column.addWidget(self.tabs, 1)
        column.addLayout(buttons)

    @property
    def charts(self) -> ChartsView:
        """The charts, made (and pyqtgraph loaded) the first time they are asked for."""
        if self._charts is None:
            from coach.ui.history.charts import ChartsView

            self._charts = ChartsView(self._store, self._clock)
            layout = self._charts_page.layout()
            assert layout is not None
            layout.addWidget(self._charts)
        return self._charts

    def show_tab(self, name: str) -> None:
        """Bring the window forward on the tab "timeline", "charts" or "symptoms"."""
        widget = {"timeline": self.timeline_view, "charts": self._charts_page,
                  "symptoms": self.symptom_form}[name]
        self.tabs.setCurrentWidget(widget)
        self.show()
        self.raise_()
        self.activateWindow()
        self._tab_shown()

    def refresh(self) -> None:
        """Read the history again."""
        self._stale = False
        self.timeline_view.reload()
        self._charts_stale = True
        self._refresh_charts_if_shown()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        super().closeEvent(event)
        self.closed.emit()

    def _history_changed(self, _kind: EntryKind) -> None:
        """Show what changed now, or when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.symptom_form:
            self.symptom_form.scale.setFocus(Qt.FocusReason.OtherFocusReason)
        self._refresh_charts_if_shown()

    def _refresh_charts_if_shown(self) -> None:
        if self._charts_stale and self.tabs.currentWidget() is self._charts_page:
            self._charts_stale = False
            self.charts.refresh()

    def _today(self) -> date:
        return self._clock.now().astimezone().date()

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self._store, self._today(), self)
        dialog.open()
        return dialog

    def open_report(self) -> ReportDialog:
        dialog = ReportDialog(self._store, self._today(), self)
        dialog.open()
        return dialog

    def deletion_summary(self) -> str | None:
        """What deleting everything would remove, in words, or None when nothing would."""
        counts = {kind: n for kind, n in self.timeline.counts().items() if n}
        if not counts:
            return None
        return ", ".join(kind_count(kind, n) for kind, n in counts.items())

    def ask_delete_everything(self) -> None:
        try:
            summary = self.deletion_summary()
        except HistoryError as error:
            QMessageBox.warning(self, _("Delete everything"), str(error))
            return
        if summary is None:
            QMessageBox.information(self, _("Delete everything"),
                                    _("There is nothing to delete."))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, _("Delete everything?"),
                          _("This deletes {what} for good: it cannot be undone. A cold or "
                            "heat timer that is still on is kept. To keep a copy, export your "
                            "history first.").format(what=summary),
                          QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        confirm = box.addButton(_("Delete everything"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        box.deleteLater()
        if box.clickedButton() is confirm:
            self.delete_everything()

    def delete_everything(self) -> None:
        try:
            self.timeline.delete_all()
        except HistoryError as error:
            QMessageBox.warning(self, _("Delete everything"),
                                _("Nothing was deleted: {error}").format(error=error))
            return
        self.timeline_view.forget_undo()
        self._feed.announce()
        self.timeline_view.count.setText(_("Everything was deleted."))
