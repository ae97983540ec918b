"""What a finished routine achieved, on its end screen: a row of large figures, each with a
few words under it (time spent, exercises done, minutes today, days in a row, pain)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coach.ui.fitted_label import FittedLabel
from coach.ui.style import plain_label


class EndTiles(QWidget):
    """A row of tiles; ``show_tile`` adds one or updates the one of the same ``key``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 8, 0, 8)
        self._row.setSpacing(12)
        self._tiles: dict[str, tuple[QFrame, QLabel, QLabel]] = {}

    def show_tile(self, key: str, figure: str, words: str) -> None:
        if key not in self._tiles:
            tile = QFrame()
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            column = QVBoxLayout(tile)
            figure_label, words_label = FittedLabel("tileFigure"), plain_label("", "preview")
            for label in (figure_label, words_label):
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                column.addWidget(label)
            self._row.addWidget(tile, 1)
            self._tiles[key] = (tile, figure_label, words_label)
        _tile, value, caption = self._tiles[key]
        value.setText(figure)
        caption.setText(words)
        value.setAccessibleName(f"{figure} {words}")

    def texts(self) -> dict[str, str]:
        """Each tile's figure and words, as read aloud: for tests and screen readers."""
        return {key: f"{value.text()} {caption.text()}"
                for key, (_tile, value, caption) in self._tiles.items()}

    def clear(self) -> None:
        for tile, _value, _caption in self._tiles.values():
            tile.deleteLater()
        self._tiles.clear()
