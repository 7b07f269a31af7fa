"""The window shows without what only a check or an export needs: those are imported
when used, or in the background after the window is up (issue #15)."""

import json
import os
import subprocess
import sys
from tests.helpers.qt import WAIT_MS

PROBE = (
    "import sys, json\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "from workbench.gui.main_window import MainWindow\n"
    "from workbench.log import ReviewLog\n"
    "from workbench.workspace import Workspace\n"
    "w = MainWindow(Workspace(ReviewLog.open(sys.argv[1]), {}))\n"
    "w.show(); app.processEvents()\n"
    "print('MODULES:', json.dumps(sorted(sys.modules)))\n"
)


def test_the_window_shows_without_the_engine_python_docx_or_the_stock_window(tmp_path):
    env = dict(os.environ, WORKBENCH_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    for _ in range(2):  # the first start writes the compiled caches (parsing the YAML); the second reads them
        r = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "log.sqlite3")], capture_output=True, text=True,
                           env=env, timeout=120)
    line = [x for x in r.stdout.splitlines() if x.startswith("MODULES:")]
    assert line, r.stdout + r.stderr
    loaded = set(json.loads(line[0].split(":", 1)[1]))
    assert "workbench.gui.main_window" in loaded and "workbench.rules.model" in loaded
    assert not {"workbench.rules.engine", "docx", "lxml.etree", "workbench.gui.stock_window", "yaml"} & loaded
    # Imported when first used: the law registry's code (the 引用 tab of a shown draft), the stock
    # records' model (the reminder, once the window has painted), the unit's answers (a revised
    # draft shown), the small dialogs and the file dialogs, printing and PDF.
    assert not {"workbench.laws", "workbench.laws.overview", "workbench.stock.model", "workbench.annotate.replies",
                "workbench.gui.dialogs", "workbench.gui.file_dialogs", "workbench.gui.printing",
                "PySide6.QtPrintSupport", "PySide6.QtPdf",
                "workbench.revision", "rapidfuzz", "workbench.catalogue"} & loaded, sorted(loaded)  # a revision, a decision


def test_work_submitted_before_the_first_paint_waits_for_it(qtbot):
    """At start the preload and the last review's draft are held until the window has painted
    (a worker beside the first paint would delay it); then they run as usual."""
    from PySide6.QtWidgets import QLabel

    from workbench.gui import tasks

    widget = QLabel("窗口")
    qtbot.addWidget(widget)
    tasks.hold_until_painted(widget)
    ran, up = [], []
    tasks.after_first_paint(widget, lambda: up.append(bool(tasks._held is None)))
    tasks.run_in_background(lambda: "done", ran.append, ran.append)
    assert tasks._held is not None and len(tasks._held) == 1 and ran == [] and up == []
    widget.show()
    qtbot.waitUntil(lambda: ran == ["done"], timeout=WAIT_MS)
    assert up == [True] and tasks._held is None
    done_later = []
    tasks.after_first_paint(widget, lambda: done_later.append(1))  # already painted: at the next turn
    qtbot.waitUntil(lambda: done_later == [1], timeout=WAIT_MS)


def test_a_window_that_never_paints_still_releases_the_held_work(qtbot):
    from PySide6.QtWidgets import QLabel

    from workbench.gui import tasks

    widget = QLabel("从未显示")
    qtbot.addWidget(widget)
    gate = []
    tasks.after_first_paint(widget, lambda: gate.append(1), fallback_ms=50)
    qtbot.waitUntil(lambda: gate == [1], timeout=WAIT_MS)
