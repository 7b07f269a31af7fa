"""Start the window: Qt application, a Chinese font, the sample document."""

from __future__ import annotations

import sys
from importlib import resources


def sample_document_path() -> str:
    return str(resources.files("workbench.resources") / "samples" / "示例-关于加强建材市场管理的若干规定.docx")


def run_gui(paths: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from workbench.gui.main_window import MainWindow
    from workbench.text.segment import preload_words
    from workbench.gui.tasks import run_in_background

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("合法性审查工作台")
    app.setOrganizationName("workbench")
    window = MainWindow(sample_path=sample_document_path())
    window.show()
    # jieba's dictionary takes ~1 s to load: do it now, in the background.
    run_in_background(preload_words, lambda _: None, lambda _exc: None)
    window.open_paths(paths)
    return app.exec()
