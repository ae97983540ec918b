"""Export the history as CSV or JSON: everything, or the local days chosen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from coach.core.history import export
from coach.core.history.store import HistoryError, HistoryStore, local_days
from coach.core.i18n import N_, _, ngettext
from coach.ui.inputs import CalmComboBox, DayEdit
from coach.ui.style import plain_label, push_button

FORMATS = {N_("CSV (for a spreadsheet)"): "csv", N_("JSON (for other programs)"): "json"}


class ExportDialog(QDialog):
    """Writes the history in ``store`` to a file the user picks (readable by them alone)."""

    def __init__(self, store: HistoryStore, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export your history — Coach"))
        self._store = store
        self._today = today
        self.file_format = CalmComboBox()
        for name in FORMATS:
            self.file_format.addItem(_(name), name)
        self.everything = QCheckBox(_("Everything"))
        self.everything.setChecked(True)
        self.first = DayEdit(today - timedelta(days=29))
        self.last = DayEdit(today)
        self.everything.toggled.connect(self._show_range)
        self.message = plain_label("")
        save = push_button(_("Export…"), self.ask_and_save, primary=True)
        close = push_button(_("Close"), self.reject)
        dates = QHBoxLayout()
        for widget in (self.first, plain_label(_("to")), self.last):
            dates.addWidget(widget)
        form = QFormLayout()
        form.addRow(plain_label(_("Format")), self.file_format)
        form.addRow(plain_label(_("Entries")), self.everything)
        form.addRow(plain_label(_("From")), dates)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addStretch()
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self._show_range(True)

    def _show_range(self, everything: bool) -> None:
        self.first.setEnabled(not everything)
        self.last.setEnabled(not everything)

    @property
    def format_name(self) -> str:
        return FORMATS[self.file_format.currentData()]

    def _range_problem(self) -> str | None:
        if not self.everything.isChecked() and self.first.day > self.last.day:
            return _("The first day is after the last one.")
        return None

    def save(self, path: Path) -> bool:
        """Write the entries chosen to ``path``; say how many went where, or what failed."""
        problem = self._range_problem()
        if problem is not None:
            self.message.setText(problem)
            return False
        since = until = None
        if not self.everything.isChecked():
            since, until = local_days(self.first.day, self.last.day)
        try:
            history = export.read_records(self._store, since, until)
            export.save(history, path, self.format_name)
        except HistoryError as error:
            self.message.setText(_("Not exported: {error}").format(error=error))
            return False
        except OSError as error:
            self.message.setText(_("Not exported: {path} cannot be written ({error}).").format(
                path=path, error=error.strerror or error))
            return False
        self.message.setText(ngettext("Exported {count} entry to {path}",
                                      "Exported {count} entries to {path}",
                                      history.count).format(count=history.count, path=path))
        return True

    def ask_and_save(self) -> None:
        problem = self._range_problem()
        if problem is not None:
            self.message.setText(problem)
            return
        suffix = self.format_name
        suggested = Path.home() / f"coach-history-{self._today:%Y-%m-%d}.{suffix}"
        name, _chosen = QFileDialog.getSaveFileName(self, _("Export your history"),
                                                    str(suggested),
                                                    f"{suffix.upper()} (*.{suffix})")
        if name:
            self.save(Path(name))
