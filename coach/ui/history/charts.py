"""The history charts, drawn with pyqtgraph. This module is imported only when the History
window first opens, so Coach's start-up never pays for pyqtgraph."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from coach.core.clock import Clock
from coach.core.format import MONTHS, WEEKDAYS, day_text
from coach.core.history import summaries
from coach.core.history.store import HistoryError, HistoryStore, local_days, local_midnight
from coach.core.i18n import N_, _
from coach.core.therapy.timer import TherapyKind
from coach.ui.inputs import CalmComboBox
from coach.ui.numbers import decimal_text
from coach.ui.style import plain_label, scrolled

RANGES_DAYS = {N_("Last 30 days"): 30, N_("Last 90 days"): 90, N_("Last year"): 365}
HEATMAP_WEEKS = 53
HEATMAP_FULL_MIN = 15.0
"""Minutes of routines in a day that show in the heatmap's strongest colour."""
DAY_S = 86400
COLD, HEAT, ROUTINE, LINE = "#3a7bd5", "#e07b39", "#2e8b57", "#7a4fb3"
PROMPTED_GREY = "#9a9a9a"
Series = tuple[list[date], list[float]]


class StillPlot(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph has no type hints
    """A chart that leaves the mouse wheel to the page, so scrolling over it scrolls on; its
    title is as large as the text around it (larger with the zoom)."""

    def __init__(self, title: str, **options: Any) -> None:
        super().__init__(**options)
        self.setTitle(title, size=f"{QApplication.font().pointSizeF():.1f}pt")

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()


class FigureAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no type hints
    """Figures up the side of a chart as the language writes them ("1,5" in German)."""

    def tickStrings(self, values: list[float], scale: float,  # noqa: N802 (pyqtgraph's name)
                    spacing: float) -> list[str]:
        point = QLocale().decimalPoint()
        return [text.replace(".", point) for text in super().tickStrings(values, scale,
                                                                          spacing)]


SERIES_NAMES = {"minutes": N_("Minutes of routines"), "weekly minutes": N_("Minutes per week"),
                "cold": N_("Cold applications"), "heat": N_("Heat applications"),
                "breaks prompted": N_("Break reminders"), "breaks had": N_("Breaks had"),
                "pain": N_("Pain")}
"""Each series as a screen reader names it."""


def _series_words(key: str, days: list[date], values: list[float]) -> str:
    """One series in words: how many days have figures, the highest and when, and the sum."""
    name = _(SERIES_NAMES[key])
    if not days:
        return _("{name}: nothing in this period.").format(name=name)
    top = max(range(len(values)), key=lambda i: values[i])
    return _("{name}: {count} days with figures; the highest, {top}, on {day}; {total} in "
             "all.").format(name=name, count=len(days), top=decimal_text(values[top]),
                            day=day_text(days[top]), total=decimal_text(sum(values)))


class DayAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph has no type hints
    """Dates under a chart, each with its month ("8 Nov", "1 Dec"), never a bare number."""

    def tickStrings(self, values: list[float], scale: float,  # noqa: N802 (pyqtgraph's name)
                    spacing: float) -> list[str]:
        if spacing >= 300 * DAY_S:
            return [f"{datetime.fromtimestamp(v):%Y}" for v in values]
        return [day_text(datetime.fromtimestamp(v).date()) for v in values]


COUNTS = ("cold and heat", "breaks")
"""Charts of how many times something happened: whole numbers on their axis."""


def _x(day: date) -> float:
    """A local day as the x position pyqtgraph's date axis reads: its local noon."""
    return datetime.combine(day, time(12)).astimezone().timestamp()


class ChartsView(QWidget):
    """Charts of the history in ``store`` up to ``clock``'s today. ``series`` holds what each
    chart shows, by name ("minutes", "weekly minutes", "cold", "heat", "breaks prompted",
    "breaks had", "pain", "active days"), as (local days, values); ``refresh`` reads it all
    again."""

    def __init__(self, store: HistoryStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self.series: dict[str, Series] = {}
        text = self.palette().color(QPalette.ColorRole.Text)
        pg.setConfigOptions(antialias=True, foreground=text,
                            background=self.palette().color(QPalette.ColorRole.Base))
        self.range = CalmComboBox()
        for name in RANGES_DAYS:
            self.range.addItem(_(name), name)
        self.range.currentIndexChanged.connect(lambda _index: self.refresh())
        self.streak = plain_label("", "section")
        self.helped = plain_label("")
        self.problem = plain_label("", "notice")
        self.problem.hide()
        self._plots = {name: self._plot(title, unit) for name, title, unit in (
            ("minutes", _("Minutes of routines per day"), "min"),
            ("weekly minutes", _("Minutes of routines per week"), "min"),
            ("cold and heat", _("Cold (blue) and heat (orange) applications per day"), ""),
            ("breaks", _("Break reminders (grey) and breaks had, taken or natural (green)"),
             ""),
            ("pain", _("Pain logged, average per day (0-10)"), ""),
        )}
        self._heatmap = StillPlot(
            _("Active days in the last year (darker: more minutes of routines)"))
        self._heatmap.setMinimumHeight(200)
        weekdays = self._heatmap.getAxis("left")
        weekdays.setTicks([[(6.5 - n, name) for n, name in enumerate(
            [_(day) for day in WEEKDAYS])]])
        weekdays.setWidth(56)
        self._heatmap.setMouseEnabled(x=False, y=False)
        self._heatmap.setMenuEnabled(False)
        self._heatmap.hideButtons()
        column = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(plain_label(_("Show")))
        top.addWidget(self.range)
        top.addStretch()
        column.addLayout(top)
        for widget in (self.streak, self.helped, self.problem, *self._plots.values(),
                       self._heatmap):
            column.addWidget(widget)
        content = QWidget()
        content.setLayout(column)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(content))

    def _plot(self, title: str, unit: str) -> pg.PlotWidget:
        plot = StillPlot(title, axisItems={"bottom": DayAxis(), "left": FigureAxis("left")})
        plot.setMinimumHeight(220)
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.showGrid(y=True, alpha=0.25)
        plot.getAxis("left").enableAutoSIPrefix(False)  # minutes stay minutes, never "x0.001"
        if unit:
            plot.setLabel("left", unit)
        return plot

    def refresh(self) -> None:
        """Read the figures for the range chosen and draw every chart."""
        today = self._clock.now().astimezone().date()
        days = RANGES_DAYS[self.range.currentData()]
        since, until = local_days(today - timedelta(days=days - 1), today)
        try:
            self._read(since, until, today)
        except HistoryError as error:
            self.problem.setText(_("The charts could not be drawn: {error}").format(
                error=error))
            self.problem.show()
            return
        self.problem.hide()
        self._draw(since.astimezone().date(), today)

    def _read(self, since: datetime, until: datetime, today: date) -> None:
        store = self._store
        year_start = today - timedelta(weeks=HEATMAP_WEEKS - 1, days=today.weekday())
        daily = {
            "minutes": summaries.routine_minutes(store, since, until),
            "weekly minutes": summaries.routine_minutes_weekly(store, since, until),
            "cold": summaries.applications(store, since, until, TherapyKind.COLD),
            "heat": summaries.applications(store, since, until, TherapyKind.HEAT),
            "breaks prompted": summaries.breaks_with(summaries.PROMPTED, store, since, until),
            "breaks had": summaries.breaks_with(summaries.HONOURED, store, since, until),
            "pain": summaries.pain(store, since, until),
            "active days": summaries.routine_minutes(store, local_midnight(year_start), until),
        }
        self.series = {name: (sorted(values), [values[d] for d in sorted(values)])
                       for name, values in daily.items()}
        current, best = summaries.streaks(store, today)
        self.streak.setText(_("Days in a row with a routine: {current} now, {best} at "
                              "best").format(current=current, best=best))
        changes = summaries.pain_change(store, since, until)
        self.helped.setText(_("Pain before → after, where you logged both:") + " " + "; ".join(
            f"{c.routine_title} {round(c.before)} → {round(c.after)} ({c.sessions}×)"
            for c in changes) if changes else
            _("Log your pain before and after routines to see here which ones help you most."))

    def _describe(self) -> None:
        """Each chart in words, for screen readers: its title and what its figures add up to."""
        for name, plot in self._plots.items():
            plot.setAccessibleName(plot.getPlotItem().titleLabel.text)
            parts = {"minutes": ["minutes"], "weekly minutes": ["weekly minutes"],
                     "cold and heat": ["cold", "heat"],
                     "breaks": ["breaks prompted", "breaks had"], "pain": ["pain"]}[name]
            plot.setAccessibleDescription(" ".join(_series_words(part, *self.series[part])
                                                   for part in parts))

    def _draw(self, first: date, today: date) -> None:
        x_range = (_x(first) - DAY_S / 2, _x(today) + DAY_S / 2)
        self._bars("minutes", [("minutes", ROUTINE, 0.0, 0.8)], x_range)
        monday = first - timedelta(days=first.weekday())
        weeks = (_x(monday) - DAY_S / 2, _x(today - timedelta(days=today.weekday())) + 6.5 * DAY_S)
        self._bars("weekly minutes", [("weekly minutes", ROUTINE, 3.0, 5.6)], weeks)
        self._bars("cold and heat", [("cold", COLD, -0.2, 0.4), ("heat", HEAT, 0.2, 0.4)],
                   x_range)
        self._bars("breaks", [("breaks prompted", PROMPTED_GREY, -0.2, 0.4),
                              ("breaks had", ROUTINE, 0.2, 0.4)], x_range)
        self._line("pain", x_range, (0, 10))
        self._draw_heatmap(today)
        self._describe()

    def _bars(self, plot_name: str, sets: list[tuple[str, str, float, float]],
              x_range: tuple[float, float]) -> None:
        plot = self._plots[plot_name]
        plot.clear()
        for name, colour, offset_days, width_days in sets:
            days, values = self.series[name]
            if days:
                plot.addItem(pg.BarGraphItem(
                    x=[_x(d) + offset_days * DAY_S for d in days], height=values,
                    width=width_days * DAY_S, brush=colour, pen=pg.mkPen(None)))
        plot.setXRange(*x_range, padding=0)
        highest = max((max(self.series[name][1], default=0.0) for name, *_ in sets),
                      default=0.0)
        top = max(1.0, highest) * 1.05
        plot.setYRange(0, top, padding=0)  # counts start at 0
        if plot_name in COUNTS:  # 0, 1, 2 applications: never 0.2, 0.4
            step = max(1, math.ceil(top / 5))
            plot.getAxis("left").setTickSpacing(step, step)

    def _line(self, name: str, x_range: tuple[float, float], y_range: tuple[int, int]) -> None:
        plot = self._plots[name]
        plot.clear()
        days, values = self.series[name]
        if days:
            plot.plot([_x(d) for d in days], values, pen=pg.mkPen(LINE, width=2),
                      symbol="o", symbolSize=7, symbolBrush=LINE)
        plot.setXRange(*x_range, padding=0)
        plot.setYRange(*y_range)

    def _draw_heatmap(self, today: date) -> None:
        """A grid of weeks (across) by weekdays (Monday at the top), darker for more minutes."""
        start = today - timedelta(weeks=HEATMAP_WEEKS - 1, days=today.weekday())
        grid = np.full((HEATMAP_WEEKS, 7), np.nan)  # days still to come stay blank
        for offset in range((today - start).days + 1):
            week, weekday = divmod(offset, 7)
            grid[week, 6 - weekday] = 0.0
        for day, minutes in zip(*self.series["active days"], strict=True):
            week, weekday = divmod((day - start).days, 7)
            if 0 <= week < HEATMAP_WEEKS:
                grid[week, 6 - weekday] = min(minutes, HEATMAP_FULL_MIN)
        plot = self._heatmap
        plot.clear()
        base = QColor(self.palette().color(QPalette.ColorRole.Base))
        colours = pg.ColorMap([0.0, 0.01, 1.0],
                              [base.darker(112), QColor("#b7dfc4"), QColor(ROUTINE)])
        image = pg.ImageItem(grid)
        image.setLookupTable(colours.getLookupTable(nPts=64))
        image.setLevels((0.0, HEATMAP_FULL_MIN))
        plot.addItem(image)
        months = [(offset / 7, _(MONTHS[(start + timedelta(days=offset)).month - 1]))
                  for offset in range(HEATMAP_WEEKS * 7)
                  if (start + timedelta(days=offset)).day == 1]
        plot.getAxis("bottom").setTicks([months])
        plot.setXRange(0, HEATMAP_WEEKS, padding=0.02)
        plot.setYRange(0, 7, padding=0.05)
