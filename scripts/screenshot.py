"""Screenshots of the window's main states (offscreen), for docs/ and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py docs/

Uses a throw-away log and data directory; the sample draft and a revised copy.
"""

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def wait(window, condition, ms=15000):
    loop = QEventLoop()
    timer = QTimer(interval=30)
    timer.timeout.connect(lambda: condition() and loop.quit())
    timer.start()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    timer.stop()


def main(out_dir: str) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="workbench-shots-"))
    os.environ["WORKBENCH_DATA_DIR"] = str(tmp / "data")
    from docx import Document as NewDocx

    from workbench.gui.app import sample_document_path
    from workbench.gui.main_window import MainWindow
    from workbench.log import ReviewLog
    from workbench.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    log = ReviewLog.open(tmp / "log.sqlite3")
    ws = Workspace(log, {"reviewer": "王审查", "counsel": ["李律师", "赵律师"], "bureau_name": "某市生态环境局"})
    window = MainWindow(ws, sample_path=sample_document_path())
    window.resize(1440, 900)
    window.show()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "window-empty.png"))

    particulars = {"type": "legality", "unit": "大气环境科", "received": date(2026, 11, 2), "due": date(2026, 11, 17)}
    window.open_paths([sample_document_path()], particulars=particulars)
    wait(window, lambda: window.state is not None and not window.busy)
    panel = window.findings_panel
    panel.table.selectRow(1)
    panel.accept_action.trigger()
    panel.table.selectRow(3)
    app.processEvents()
    window.grab().save(str(out / "window-findings.png"))

    window.tabs.setCurrentIndex(2)
    window.opinions_panel.counsel.setCurrentText("李律师")
    window.opinions_panel.editor.setPlainText("第二条指定使用市建材公司的商品混凝土，排除其他经营者，建议删除。")
    window.opinions_panel.add_button.click()
    window.opinions_panel.editor.setPlainText("第六条设定罚款，规范性文件无权设定行政处罚，建议改为“依照有关法律、法规的规定处理”。")
    app.processEvents()
    window.grab().save(str(out / "window-opinions.png"))

    window.tabs.setCurrentIndex(1)
    app.processEvents()
    window.grab().save(str(out / "window-citations.png"))

    revised = tmp / "示例-修改稿.docx"
    d = NewDocx(sample_document_path())
    for p in d.paragraphs:
        if "处五千元罚款" in p.text:
            p.text = "第六条 违反本规定的，依照有关法律、法规的规定处理。"
    d.save(revised)
    window.open_paths([revised], revision_of=window.state.id, particulars=particulars)
    wait(window, lambda: window.state is not None and window.state.document.file_name == revised.name and not window.busy)
    app.processEvents()
    window.grab().save(str(out / "window-revision.png"))

    window.tabs.setCurrentIndex(3)
    window.conclusion_panel.buttons["amend"].setChecked(True)
    app.processEvents()
    window.grab().save(str(out / "window-conclusion.png"))
    print("\n".join(str(p) for p in sorted(out.glob("window-*.png"))))
    log.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs")
