"""The Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 releases None once per call of a void method
(QLabel.setText, QTextCursor.insertText …): after enough calls the process
dies with "Fatal Python error: none_dealloc". pyproject.toml pins a version
without the bug; this test fails if an upgrade brings it back.
"""

import sys

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_leave_none_refcount_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    cursor = QTextCursor(QTextDocument())
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("审查")
        cursor.insertText("字")
        cursor.setPosition(0)
    # Other code may hold or drop a few references meanwhile; the bug loses 6,000.
    assert sys.getrefcount(None) - before > -100
