"""The clinician report as a one-page document: shown on screen, printed, or saved as PDF."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from coach.core.history.report import ClinicianReport
from coach.core.private_files import create_private, make_private
from coach.core.sources import SOURCE_001, title
from coach.ui.format import counted

HEADINGS = ("Symptom trend", "Spasm episodes", "What was done")
EPISODES_SHOWN = 8
NOTE_CHARS_SHOWN = 200
PRINT_POINT_SIZE = 9
"""Small enough that 90 busy days fit one A4 page."""


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    head = "".join(f"<th align='left'>{escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return f"<table cellspacing='0' cellpadding='2' border='1'><tr>{head}</tr>{body}</table>"


def _trend(report: ClinicianReport) -> str:
    if not report.weekly_pain:
        return "<p>No pain scores were logged in this period.</p>"
    rows = [(f"{max(w.week_start, report.first_day):%d %b %Y}", str(w.entries),
             f"{w.average:.1f}", str(w.highest)) for w in report.weekly_pain]
    areas = ", ".join(f"{area} ({n})" for area, n in report.areas)
    return (f"<p>{report.pain_entries} pain scores (0 = none, 10 = worst imaginable). "
            f"Where: {escape(areas)}.</p>"
            + _table(("Week from", "Entries", "Average", "Highest"), rows))


def _episodes(report: ClinicianReport) -> str:
    if not report.episodes:
        return "<p>No spasms were logged in this period.</p>"
    shown = report.episodes[-EPISODES_SHOWN:]
    rows = [(f"{e.first_day:%d %b}" + ("" if e.days == 1 else f" to {e.last_day:%d %b}"),
             counted(e.days, "day"), str(e.highest_pain),
             ", ".join(e.areas)) for e in shown]
    earlier = len(report.episodes) - len(shown)
    more = f" The {len(shown)} latest are listed." if earlier else ""
    return (f"<p>{counted(len(report.episodes), 'episode')}: days in a row with a spasm "
            f"logged, {counted(sum(e.days for e in report.episodes), 'day')} in all.{more}</p>"
            + _table(("When", "Lasted", "Highest pain", "Where"), rows))


def _done(report: ClinicianReport) -> str:
    rows = [(p.what, str(p.times), _time_in_all(p.minutes)) for p in
            (*report.routines, *report.cold_and_heat)]
    parts = [_table(("Routine or application", "Times", "Time in all"), rows) if rows
             else "<p>No routines or cold/heat applications were recorded.</p>"]
    if report.breaks_prompted or report.breaks_natural:
        parts.append(f"<p>Posture breaks: {report.breaks_taken} of "
                     f"{counted(report.breaks_prompted, 'reminder')} taken, and "
                     f"{counted(report.breaks_natural, 'natural break')} (away from the "
                     "desk long enough before a reminder came).</p>")
    if report.pain_change:
        parts.append("<p>Pain before → after a routine (average): " + escape("; ".join(
            f"{c.routine_title}: {c.before:.1f} → {c.after:.1f} over "
            f"{counted(c.sessions, 'session')}"
            for c in report.pain_change)) + ".</p>")
    return "".join(parts)


def _time_in_all(minutes: float) -> str:
    return f"{round(minutes * 60)} s" if minutes < 1 else f"{round(minutes)} min"


def _shortened(note: str) -> str:
    text = " ".join(note.split())
    return text if len(text) <= NOTE_CHARS_SHOWN else text[:NOTE_CHARS_SHOWN - 1] + "…"


def report_html(report: ClinicianReport) -> str:
    """The report as HTML for QTextDocument; every user string is escaped."""
    period = f"{report.first_day:%d %b %Y} to {report.last_day:%d %b %Y}"
    notes = "".join(f"<li>{at:%d %b %H:%M}: {escape(_shortened(text))}</li>"
                    for at, text in report.notes)
    return (
        "<h1>Upper-back symptom report</h1>"
        f"<p>{period} ({(report.last_day - report.first_day).days + 1} days), from the log "
        "kept in Coach on the patient's own computer.</p>"
        f"<h2>{HEADINGS[0]}</h2>{_trend(report)}"
        f"<h2>{HEADINGS[1]}</h2>{_episodes(report)}"
        f"<h2>{HEADINGS[2]}</h2>{_done(report)}"
        + (f"<h2>Recent notes</h2><ul>{notes}</ul>" if notes else "")
        + "<p><small>Self-reported and not a diagnosis. Coach suggests bringing where it hurts, "
          "how strongly and for how long to a healthcare provider when spasms persist or are "
          f"severe (source: “{escape(title(SOURCE_001))}”).</small></p>")


def save_pdf(report: ClinicianReport, path: Path) -> None:
    """Print the report to a PDF file at ``path`` (A4). Raises OSError when the file
    cannot be written."""
    create_private(path)  # the printer writes into a file only the user can read
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    print_to(report, printer)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"{path}: the PDF could not be written")
    make_private(path)


def print_to(report: ClinicianReport, printer: QPrinter) -> None:
    """Print the report on one page of ``printer`` (a paper printer, or a PDF file), shrunk
    to fit when a busy period makes it long."""
    document = QTextDocument()
    font = QFont()
    font.setPointSize(PRINT_POINT_SIZE)
    document.setDefaultFont(font)
    document.documentLayout().setPaintDevice(printer)  # laid out in the printer's units
    document.setHtml(report_html(report))
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    scale = 1.0
    for _ in range(4):  # a narrower scale wraps less, so settle on the scale in a few steps
        document.setTextWidth(page.width() / scale)
        scale = min(1.0, page.height() / document.size().height())
    document.setTextWidth(page.width() / scale)
    painter = QPainter(printer)
    try:
        painter.scale(scale, scale)
        document.drawContents(painter)
    finally:
        painter.end()
