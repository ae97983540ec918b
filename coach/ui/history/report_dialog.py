"""The clinician report dialog: choose 7, 30 or 90 days, read it, save it as PDF or print it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coach.core.history.report import PERIODS_DAYS, ClinicianReport, build_report
from coach.core.history.store import HistoryError, HistoryStore
from coach.core.i18n import _
from coach.ui.history.report_document import Patient, print_to, report_document, save_pdf
from coach.ui.inputs import CalmComboBox
from coach.ui.style import plain_label, push_button


class ReportDialog(QDialog):
    """Shows the report for the period chosen, from ``store`` up to local day ``today``."""

    def __init__(self, store: HistoryStore, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Report for your clinician — Coach"))
        self.resize(760, 720)
        self._store = store
        self._today = today
        self.report: ClinicianReport | None = None
        self.period = CalmComboBox()
        for days in PERIODS_DAYS:
            self.period.addItem(_("Last {count} days").format(count=days), days)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("optional, printed on the report only"))
        self.born = QLineEdit()
        self.born.setPlaceholderText(_("optional"))
        for field in (self.name, self.born):
            field.editingFinished.connect(self.refresh)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.message = plain_label("")
        save = push_button(_("Save as PDF…"), self.ask_and_save, primary=True)
        printing = push_button(_("Print…"), self.ask_and_print)
        close = push_button(_("Close"), self.reject)
        top = QHBoxLayout()
        top.addWidget(plain_label(_("Period")))
        top.addWidget(self.period)
        top.addWidget(plain_label(_("Name")))
        top.addWidget(self.name, 2)
        top.addWidget(plain_label(_("Date of birth")))
        top.addWidget(self.born, 1)
        buttons = QHBoxLayout()
        for button in (save, printing):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.preview, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.report = build_report(self._store, self._today, int(self.period.currentData()))
        except HistoryError as error:
            self.report = None
            self.preview.setPlainText(_("The report could not be made: {error}").format(
                error=error))
            return
        self.document = report_document(self.report, self.patient)  # kept while shown
        self.preview.setDocument(self.document)

    @property
    def patient(self) -> Patient:
        """Who the report is for, as typed here (kept only while the dialog is open)."""
        return Patient(self.name.text(), self.born.text())

    def save(self, path: Path) -> bool:
        """Save the report shown as a PDF at ``path``; say where, or what went wrong."""
        if self.report is None:
            return False
        try:
            save_pdf(self.report, path, self.patient)
        except OSError as error:
            self.message.setText(_("Not saved: {error}").format(error=error))
            return False
        self.message.setText(_("Saved as {path}").format(path=path))
        return True

    def ask_and_save(self) -> None:
        days = int(self.period.currentData())
        suggested = Path.home() / f"coach-report-{self._today:%Y-%m-%d}-{days}-days.pdf"
        name, _chosen = QFileDialog.getSaveFileName(self, _("Save the report as PDF"),
                                                    str(suggested), "PDF (*.pdf)")
        if name:
            self.save(Path(name))

    def ask_and_print(self) -> None:
        if self.report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_to(self.report, printer, self.patient)
