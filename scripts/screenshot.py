"""Grab the main window with the sample draft open (offscreen), for docs/ and review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py docs/main-window.png
"""

import sys

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from workbench.gui.app import sample_document_path
from workbench.gui.main_window import MainWindow


def main(out: str) -> None:
    app = QApplication.instance() or QApplication([])
    window = MainWindow(sample_path=sample_document_path())
    window.resize(1280, 800)
    window.show()
    window.open_path(sample_document_path())
    loop = QEventLoop()
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: window.result is not None and window.pending == 0 and loop.quit())
    timer.start()
    loop.exec()
    window.findings_view.selectRow(2)
    app.processEvents()
    window.grab().save(out)
    print(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/main-window.png")
