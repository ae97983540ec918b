"""The notice that Coach is not medical advice, with the red flags that need a doctor."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coach.core.guidance import NOT_MEDICAL_ADVICE, Urgency, red_flags
from coach.core.i18n import _
from coach.core.sources import describe
from coach.ui.looks import wear
from coach.ui.style import plain_label


class SafetyDialog(QDialog):
    """Shows the notice and red flags, after the ``cautions`` of the routine playing if given.
    With ``ask_to_continue`` the buttons are "I understand, continue" and "Cancel"; otherwise
    a single "Close"."""

    def __init__(self, ask_to_continue: bool = False, parent: QWidget | None = None,
                 cautions: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Safety first"))
        self.resize(720, 700)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(_("Before you start") if ask_to_continue
                                     else _("When to stop and get help"), "heading"))
        if cautions:
            layout.addWidget(plain_label(_("This routine's cautions"), "section"))
            layout.addWidget(plain_label("\n".join(f"• {c}" for c in cautions)))
        layout.addWidget(plain_label(_(NOT_MEDICAL_ADVICE)))
        layout.addWidget(plain_label(_("Warning signs: stop, and get help as each group says"),
                                     "section"))
        layout.addWidget(plain_label(_("If signs from more than one group apply, follow the "
                                       "most urgent.")))
        layout.addWidget(self._red_flags())
        buttons = QDialogButtonBox(self)
        if ask_to_continue:
            go = buttons.addButton(_("I understand, continue"),
                                   QDialogButtonBox.ButtonRole.AcceptRole)
            wear(go, "primary")
            go.setDefault(True)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _red_flags(self) -> QScrollArea:
        content = QWidget()
        column = QVBoxLayout(content)
        for urgency in Urgency:
            column.addWidget(plain_label(f"{urgency.heading}:", "section"))
            for flag in red_flags(urgency):
                column.addWidget(plain_label(f"• {_(flag.sign)}"))
                sources = "; ".join(describe(source) for source in flag.sources)
                column.addWidget(plain_label("   " + _("Source: {sources}").format(
                    sources=sources), "keys"))
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        return scroll
