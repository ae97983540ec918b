"""The routine library: a list of routines, the chosen one's details, and Start."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coach.core.format import day_text, routine_line, step_timing, weekday_text
from coach.core.history.store import RoutineSession
from coach.core.history.wording import duration_text, routine_outcome
from coach.core.i18n import _
from coach.core.routines.library import Library
from coach.core.routines.routine import WHEN_LABELS, Routine
from coach.core.sources import describe
from coach.paths import asset
from coach.ui.looks import wear
from coach.ui.routines.thumbnails import THUMBNAIL_PX, thumbnail
from coach.ui.style import plain_label, text_scale

RECENT_SESSIONS = 3
ROW_PADDING = 8


def grouped(routines: Sequence[Routine]) -> list[tuple[str, list[Routine]]]:
    """``routines`` under the heading of when each is first meant for, in the order of
    WHEN_LABELS (during a spasm first), alphabetical within a heading."""
    groups: dict[str, list[Routine]] = {label: [] for label in WHEN_LABELS.values()}
    for routine in sorted(routines, key=lambda r: r.title.casefold()):
        groups[routine.when_labels[0]].append(routine)
    return [(label, members) for label, members in groups.items() if members]


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class RoutineList(QListWidget):
    """The routines, each row as tall as its wrapped text needs at the list's width (Qt's own
    guess leaves a long title's last line cut off), measured again whenever the rows' area
    changes size."""

    _width = 0
    """The rows' area's width, as last told."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)  # a scroll area is told here of its viewport's new size
        self._width = event.size().width()
        self.fit_rows(self._width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # larger text, larger drawings
            side = round(THUMBNAIL_PX * text_scale())
            self.setIconSize(QSize(side, side))
            self.fit_rows(self._width)
            self.updateGeometry()  # and longer words

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as the longest word of a row allows beside its drawing (the divider
        beside the list stops there), so no title is cut."""
        hint = super().minimumSizeHint()  # the frame and scroll bar
        metrics = QFontMetrics(_bold(self.font()))  # headings are bold: the widest
        words = {word for row in range(self.count()) for word in self.item(row).text().split()}
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        return QSize(hint.width() + widest + self.iconSize().width() + 3 * ROW_PADDING,
                     hint.height())

    def fit_rows(self, width: int) -> None:
        icon_px = self.iconSize().width()
        text_width = max(40, width - icon_px - 3 * ROW_PADDING)
        for row in range(self.count()):
            item = self.item(row)
            if item.flags() == Qt.ItemFlag.NoItemFlags:  # a heading: bold at today's size
                item.setFont(_bold(self.font()))
            metrics = QFontMetrics(item.font())
            height = metrics.boundingRect(QRect(0, 0, text_width, 10_000),
                                          int(Qt.TextFlag.TextWordWrap), item.text()).height()
            icon = icon_px if not item.icon().isNull() else 0
            item.setSizeHint(QSize(width - ROW_PADDING, max(height, icon) + ROW_PADDING))


class LibraryView(QWidget):
    """Lists ``library``; emits ``start_requested(routine_id)`` on Start or Enter,
    ``safety_requested`` for the safety notice, ``settings_requested`` for settings and
    ``history_requested`` for the History window."""

    start_requested = Signal(str)
    safety_requested = Signal()
    settings_requested = Signal()
    history_requested = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.list = RoutineList()
        self.list.setObjectName("routineList")
        self.list.setAccessibleName(_("Routines, grouped by when to use them"))
        self.list.setSpacing(2)
        self.list.setWordWrap(True)  # nothing cut off: a long title takes two lines
        self.list.setIconSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))
        self._drawings = asset("illustrations")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for group, routines in grouped(library.routines):
            heading = QListWidgetItem(_(group))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, never chosen
            heading.setFont(_bold(self.list.font()))
            self.list.addItem(heading)
            for routine in routines:
                item = QListWidgetItem(f"{routine.title}\n{routine_line(routine, group)}")
                item.setData(Qt.ItemDataRole.UserRole, routine.id)
                self.list.addItem(item)
        self._colour_rows()
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemActivated.connect(lambda _item: self._start())
        self.details = _RoutineDetails()
        self.details.start_button.clicked.connect(self._start)
        self.recent = plain_label("", "preview")
        self.notice = plain_label("", "notice")
        self.notice.hide()
        if library.errors:
            self.add_notice(_("Some routine files were skipped:") + "\n"
                            + "\n".join(str(e) for e in library.errors))
        self._build_layout()
        if library.routines:
            self.select(library.routines[0].id)

    def _colour_rows(self) -> None:
        """Headings in the text colour (not greyed, though never chosen) and drawings in the
        ink of a light or dark window: again when the desktop's palette changes."""
        text = self.palette().color(QPalette.ColorRole.Text)
        for row in range(self.list.count()):
            item = self.list.item(row)
            routine_id = item.data(Qt.ItemDataRole.UserRole)
            if routine_id is None:  # a heading
                item.setForeground(text)
            elif (routine := self.library.get(routine_id)) is not None:
                item.setIcon(thumbnail(routine, self._drawings, self))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_rows()

    def _build_layout(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.details)
        splitter.setSizes([340, 560])
        splitter.setChildrenCollapsible(False)  # dragged narrow, the list keeps its words
        safety = QPushButton(_("Safety and red flags"))
        safety.clicked.connect(self.safety_requested)
        settings = QPushButton(_("Settings"))
        settings.clicked.connect(self.settings_requested)
        history = QPushButton(_("History  (Ctrl+H)"))
        history.clicked.connect(self.history_requested)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (history, settings, safety):
            buttons.addWidget(button)
        self.recent.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.recent)
        layout.addLayout(buttons)

    def add_notice(self, message: str) -> None:
        """Show ``message`` (plain text) above the list, below any earlier notices."""
        text = self.notice.text()
        self.notice.setText(f"{text}\n{message}" if text else message)
        self.notice.show()

    def selected(self) -> Routine | None:
        item = self.list.currentItem()
        return None if item is None else self.library.get(item.data(Qt.ItemDataRole.UserRole))

    def select(self, routine_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == routine_id:
                self.list.setCurrentRow(row)

    def show_recent(self, sessions: Sequence[RoutineSession]) -> None:
        """Show the last few sessions under the list."""
        lines = [f"{weekday_text(s.started_at.astimezone().date())} "
                 f"{day_text(s.started_at.astimezone().date())} "
                 f"{s.started_at.astimezone():%H:%M}  {s.routine_title}  "
                 f"{duration_text(s.duration_s)}  "
                 + routine_outcome(s.completed, s.steps_completed, s.steps_total)
                 for s in sessions]
        self.recent.setText(_("Recent sessions:") + "\n" + "\n".join(lines) if lines
                            else _("No sessions yet."))

    def _show_details(self) -> None:
        routine = self.selected()
        if routine is not None:
            self.details.show_routine(routine)

    def _start(self) -> None:
        routine = self.selected()
        if routine is not None:
            self.start_requested.emit(routine.id)


class _RoutineDetails(QScrollArea):
    """Summary, when and how often to use, cautions, steps and sources of one routine, and
    Start."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        content = QWidget()
        self.title = plain_label("", "heading")
        self.meta = plain_label("", "side")
        self.summary = plain_label()
        self.how_often = plain_label()
        self.cautions = plain_label()
        self.steps = plain_label()
        self.sources = plain_label("", "keys")
        self.start_button = QPushButton(_("Start  (Enter)"))
        wear(self.start_button, "primary")
        column = QVBoxLayout(content)
        for widget in (self.title, self.meta, self.summary, self.how_often, self.start_button,
                       plain_label(_("Cautions"), "section"), self.cautions,
                       plain_label(_("Steps"), "section"), self.steps, self.sources):
            column.addWidget(widget)
        column.addStretch()
        self.setWidget(content)

    def show_routine(self, routine: Routine) -> None:
        self.title.setText(routine.title)
        self.meta.setText(routine_line(routine))
        self.summary.setText(routine.summary)
        self.how_often.setText(_("How often: {advice}").format(advice=routine.how_often))
        self.how_often.setVisible(bool(routine.how_often))
        self.cautions.setText("\n".join(f"• {c}" for c in routine.cautions))
        self.steps.setText("\n".join(f"{n}. {s.name} ({step_timing(s)})"
                                     for n, s in enumerate(routine.steps, 1)))
        origin = "" if routine.shipped else "\n" + _("Your routine, from {path}").format(
            path=routine.path)
        self.sources.setText(_("Sources: {sources}").format(
            sources="; ".join(describe(s) for s in routine.sources)) + origin)
