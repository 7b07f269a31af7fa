"""The window shows without what only a check or an export needs: those are imported
when used, or in the background after the window is up (issue #15)."""

import json
import os
import subprocess
import sys

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
