"""Answer the next modal dialog the way a user would (dialogs block in exec())."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

# How long a test waits for background work (a check, an export, a start) before it
# fails: a bound against a hang, not a measure of speed. A busy 2-core CI machine
# building the compiled rule cache from cold has taken over 15 s for the first check.
WAIT_MS = 120_000


def answer_next_dialog(callback, attempts: int = 200) -> None:
    """Call ``callback(dialog)`` on the next modal widget once it is shown."""

    def poll(left=attempts):
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            callback(dialog)
        elif left > 0:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
