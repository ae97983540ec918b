"""The floor: the least a PySide6 app does to show a window (the size of Coach's)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare PySide6")
    window.resize(960, 680)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
