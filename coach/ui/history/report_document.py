"""The clinician report as a one-page document: shown on screen, printed, or saved as PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from coach.core.format import day_text
from coach.core.history.report import ClinicianReport
from coach.core.history.wording import area_name
from coach.core.i18n import N_, _, ngettext
from coach.core.private_files import create_private, make_private
from coach.core.sources import SOURCE_001, title
from coach.core.therapy.timer import MAX_MINUTES
from coach.ui.numbers import decimal_text

HEADINGS = (N_("Symptom trend"), N_("Spasm episodes"), N_("What was done"))
EPISODES_SHOWN = 8
NOTE_CHARS_SHOWN = 200
PRINT_POINT_SIZE = 10
"""Readable on paper; a long period is shrunk to fit one A4 page."""
CHART_URL = QUrl("coach-report:pain-chart")
CHART_SIZE = (600, 170)
"""The pain chart's size on the page, in the document's pixels (96 to the inch)."""
CHART_SCALE = 3
"""The chart is drawn at three times that, sharp on paper."""
LINE, GRID, FLAG = "#7a4fb3", "#c8c8c8", "#fde68a"
STYLE = ("<style>h1 { font-size: 17pt; margin-bottom: 2px; } h2 { font-size: 12.5pt; "
         "margin-top: 14px; margin-bottom: 4px; } th { background: #ececec; } "
         "td, th { padding: 3px 8px; border: 1px solid #b0b0b0; } "
         "table { border-collapse: collapse; } .muted { color: #555555; }</style>")


@dataclass(frozen=True)
class Patient:
    """Who the report is about, as typed for this report (never saved): blank fields print
    as lines to write on."""

    name: str = ""
    born: str = ""


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]],
           flagged: Sequence[bool] = ()) -> str:
    head = "".join(f"<th align='left'>{escape(cell)}</th>" for cell in header)
    body = "".join(
        (f"<tr style='background: {FLAG}'>" if row_flagged else "<tr>")
        + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
        for row, row_flagged in zip(rows, [*flagged, *[False] * len(rows)], strict=False))
    return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def _trend(report: ClinicianReport) -> str:
    if not report.weekly_pain:
        return "<p>" + _("No pain scores were logged in this period.") + "</p>"
    rows = [(day_text(max(w.week_start, report.first_day), year=True), str(w.entries),
             decimal_text(w.average), str(w.highest)) for w in report.weekly_pain]
    areas = ", ".join(f"{area_name(area)} ({n})" for area, n in report.areas)
    where = " " + _("Where it hurt: {areas}.").format(areas=escape(areas)) if areas else ""
    count = ngettext("{count} pain score (0 = none, 10 = worst imaginable).",
                     "{count} pain scores (0 = none, 10 = worst imaginable).",
                     report.pain_entries).format(count=report.pain_entries)
    return (f"<p>{count}{where} " + _("The average of each day:") + "</p>"
            f"<p><img src='{CHART_URL.toString()}' "
            f"width='{CHART_SIZE[0]}' height='{CHART_SIZE[1]}'></p>"
            + _table((_("Week from"), _("Entries"), _("Average"), _("Highest")), rows))


def _days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


def _episodes(report: ClinicianReport) -> str:
    if not report.episodes:
        return "<p>" + _("No spasms were logged in this period.") + "</p>"
    shown = report.episodes[-EPISODES_SHOWN:]
    rows = [(day_text(e.first_day) if e.days == 1 else _("{first} to {last}").format(
                first=day_text(e.first_day), last=day_text(e.last_day)),
             _days(e.days), str(e.highest_pain),
             ", ".join(area_name(area) for area in e.areas)) for e in shown]
    earlier = len(report.episodes) - len(shown)
    more = " " + _("The {count} latest are listed.").format(count=len(shown)) if earlier else ""
    summary = ngettext("{count} episode: days in a row with a spasm logged, {days} in all.",
                       "{count} episodes: days in a row with a spasm logged, {days} in all.",
                       len(report.episodes)).format(
        count=len(report.episodes), days=_days(sum(e.days for e in report.episodes)))
    return (f"<p>{summary}{more}</p>"
            + _table((_("When"), _("Lasted"), _("Highest pain"), _("Where")), rows))


def _done(report: ClinicianReport) -> str:
    rows = [(p.what, str(p.times), _time_in_all(p.minutes)) for p in
            (*report.routines, *report.cold_and_heat)]
    parts = [_table((_("Routine or application"), _("Times"), _("Time in all")), rows) if rows
             else "<p>" + _("No routines or cold/heat applications were recorded.") + "</p>"]
    if report.long_applications:
        long = [(f"{day_text(a.started_at.date())} {a.started_at:%H:%M}", a.what,
                 f"{round(a.minutes)} min") for a in report.long_applications]
        heading = ngettext("Left on longer than the {limit}-minute limit ({count} time):",
                           "Left on longer than the {limit}-minute limit ({count} times):",
                           len(long)).format(limit=MAX_MINUTES, count=len(long))
        parts.append(f"<p><b>{heading}</b></p>"
                     + _table((_("When"), _("What"), _("On for")), long, [True] * len(long)))
    if report.breaks_prompted or report.breaks_natural:
        parts.append("<p>" + _(
            "Posture breaks: {taken} of {prompted} reminders taken, and {natural} natural "
            "breaks (away from the desk long enough before a reminder came).").format(
            taken=report.breaks_taken, prompted=report.breaks_prompted,
            natural=report.breaks_natural) + "</p>")
    if report.pain_change:
        parts.append("<p>" + _("Pain before → after a routine (average):") + " " + escape(
            "; ".join(ngettext("{routine}: {before} → {after} over {count} session",
                               "{routine}: {before} → {after} over {count} sessions",
                               c.sessions).format(routine=c.routine_title,
                                                  before=decimal_text(c.before),
                                                  after=decimal_text(c.after), count=c.sessions)
                      for c in report.pain_change)) + ".</p>")
    return "".join(parts)


def _time_in_all(minutes: float) -> str:
    return f"{round(minutes * 60)} s" if minutes < 1 else f"{round(minutes)} min"


def _shortened(note: str) -> str:
    text = " ".join(note.split())
    return text if len(text) <= NOTE_CHARS_SHOWN else text[:NOTE_CHARS_SHOWN - 1] + "…"


def _field(label: str, value: str) -> str:
    shown = escape(value) if value.strip() else "_" * 28
    return f"<td style='border: none; padding: 2px 16px 2px 0'>{label}: <b>{shown}</b></td>"


def report_html(report: ClinicianReport, patient: Patient = Patient()) -> str:  # noqa: B008
    """The report as HTML for QTextDocument (its chart is a resource of ``report_document``);
    every user string is escaped."""
    period = _("{first} to {last} ({count} days), from the log kept in Coach on the "
               "patient's own computer.").format(
        first=day_text(report.first_day, year=True), last=day_text(report.last_day, year=True),
        count=(report.last_day - report.first_day).days + 1)
    notes = "".join(f"<li>{day_text(at.date())} {at:%H:%M}: {escape(_shortened(text))}</li>"
                    for at, text in report.notes)
    return (
        STYLE + "<h1>" + _("Upper-back symptom report") + "</h1>"
        "<table cellspacing='0'><tr>" + _field(_("Name"), patient.name)
        + _field(_("Date of birth"), patient.born) + "</tr></table>"
        f"<p>{period}</p>"
        f"<h2>{_(HEADINGS[0])}</h2>{_trend(report)}"
        f"<h2>{_(HEADINGS[1])}</h2>{_episodes(report)}"
        f"<h2>{_(HEADINGS[2])}</h2>{_done(report)}"
        + ("<h2>" + _("Recent notes") + f"</h2><ul>{notes}</ul>" if notes else "")
        + "<p><small>" + _(
            "Self-reported and not a diagnosis. Coach suggests bringing where it hurts, how "
            "strongly and for how long to a healthcare provider when spasms persist or are "
            "severe (source: “{source}”).").format(source=escape(title(SOURCE_001)))
        + "</small></p>")


def save_pdf(report: ClinicianReport, path: Path,
             patient: Patient = Patient()) -> None:  # noqa: B008
    """Print the report to a PDF file at ``path`` (A4). Raises OSError when the file
    cannot be written."""
    create_private(path)  # the printer writes into a file only the user can read
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    print_to(report, printer, patient)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(_("{file}: the PDF could not be written").format(file=path))
    make_private(path)


def pain_chart(report: ClinicianReport) -> QImage:
    """The average pain of each day over the report's period, 0 to 10, as a picture."""
    width, height = (n * CHART_SCALE for n in CHART_SIZE)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(11 * CHART_SCALE)
    painter.setFont(font)
    left, bottom = 28 * CHART_SCALE, height - 24 * CHART_SCALE
    right, top = width - 12 * CHART_SCALE, 10 * CHART_SCALE
    plot = QRectF(left, top, right - left, bottom - top)
    days = max(1, (report.last_day - report.first_day).days)

    def x_of(offset: int) -> float:
        return plot.left() + plot.width() * offset / days

    painter.setPen(QPen(QColor(GRID), CHART_SCALE))
    for score in (0, 5, 10):
        y = plot.bottom() - plot.height() * score / 10
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(0, y - 8 * CHART_SCALE, left - 6, 16 * CHART_SCALE),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         str(score))
        painter.setPen(QPen(QColor(GRID), CHART_SCALE))
    painter.setPen(QColor("#333333"))
    label_w = 120 * CHART_SCALE
    for offset, place in ((0, Qt.AlignmentFlag.AlignLeft),
                          (days // 2, Qt.AlignmentFlag.AlignHCenter),
                          (days, Qt.AlignmentFlag.AlignRight)):
        day = report.first_day + timedelta(days=offset)
        x = (x_of(offset) if place is Qt.AlignmentFlag.AlignLeft
             else x_of(offset) - label_w if place is Qt.AlignmentFlag.AlignRight
             else x_of(offset) - label_w / 2)
        painter.drawText(QRectF(x, bottom + 5 * CHART_SCALE, label_w, 18 * CHART_SCALE),
                         int(place), day_text(day))
    points = [QPointF(x_of((day - report.first_day).days),
                      plot.bottom() - plot.height() * value / 10)
              for day, value in report.daily_pain]
    if points:
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(QColor(LINE), 2 * CHART_SCALE))
        painter.drawPath(path)
        painter.setBrush(QColor(LINE))
        for point in points:
            painter.drawEllipse(point, 3 * CHART_SCALE, 3 * CHART_SCALE)
    painter.end()
    return image


def report_document(report: ClinicianReport, patient: Patient = Patient(),  # noqa: B008
                    ) -> QTextDocument:
    """The report as a document with its chart, to show or to print."""
    document = QTextDocument()
    font = QFont()
    font.setPointSize(PRINT_POINT_SIZE)
    document.setDefaultFont(font)
    document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL,
                         pain_chart(report))
    document.setHtml(report_html(report, patient))
    return document


def print_to(report: ClinicianReport, printer: QPrinter,
             patient: Patient = Patient()) -> None:  # noqa: B008
    """Print the report on one page of ``printer`` (a paper printer, or a PDF file), shrunk
    to fit when a busy period makes it long."""
    document = report_document(report, patient)
    document.documentLayout().setPaintDevice(printer)  # laid out in the printer's units
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    scale = 1.0
    for _step in range(4):  # a narrower scale wraps less, so settle on the scale in a few steps
        document.setTextWidth(page.width() / scale)
        scale = min(1.0, page.height() / document.size().height())
    document.setTextWidth(page.width() / scale)
    painter = QPainter(printer)
    try:
        painter.scale(scale, scale)
        document.drawContents(painter)
    finally:
        painter.end()
