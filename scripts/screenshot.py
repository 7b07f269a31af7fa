"""Screenshots of the window's main states at 1366×768 (offscreen), and PNG pages of the printed
register, letter and year's figures, for docs/ and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py docs/

Uses a throw-away log and data directory; the sample draft and a revised copy. The printed
pages are rendered with pdftoppm (Debian's poppler-utils).
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
    ws = Workspace(log, {"reviewer": "王审查", "counsel": ["李律师", "赵律师"], "bureau_name": "某市生态环境局",
                         "letter_prefix": "某环法审"})
    window = MainWindow(ws, sample_path=sample_document_path())
    window.resize(1366, 768)  # a common office laptop
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
    # Not accepted, with a reason: the revision will propose the same.
    from workbench.gui.dialogs import DismissDialog

    DismissDialog.exec = lambda self: (self.reason.setPlainText("系重申上位法规定，并非创设"), 1)[1]
    dismissed = next(f for f in window.state.findings if f.rule == "leg.creates.licence")
    panel.select_finding(dismissed.id)
    panel.dismiss_action.trigger()
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
    window.tabs.setCurrentIndex(0)
    window.findings_panel.show_dismissed.setChecked(True)
    carried = next(iter(window.findings.proposals), None)
    if carried:
        window.findings_panel.select_finding(carried)
    app.processEvents()
    window.grab().save(str(out / "window-carried.png"))

    window.tabs.setCurrentIndex(3)
    window.conclusion_panel.buttons["amend"].setChecked(True)
    app.processEvents()
    window.grab().save(str(out / "window-conclusion.png"))
    print("\n".join(str(p) for p in sorted(out.glob("window-*.png"))))
    log.close()
    render_reports(out, tmp)


def render_reports(out: Path, tmp: Path) -> None:
    """The register of a year (20 reviews), a letter and the year's figures as PNG pages."""
    import shutil
    import subprocess

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.helpers.review_log import build_sample_log, build_year_log
    from workbench.gui import printing
    from workbench.log import ReviewLog
    from workbench.reports import build_letter, build_register, year_stats
    from workbench.workspace import Workspace

    if not shutil.which("pdftoppm"):
        print("pdftoppm not found: sudo apt-get install poppler-utils to render the printed pages")
        return
    pdfs = {}
    year = build_year_log(tmp / "year", 20)
    with ReviewLog.open(year.path) as log:
        register = build_register(log, date(2026, 1, 1), date(2026, 12, 31), bureau="某市生态环境局")
        pdfs["register"] = printing.export_pdf(tmp / "register.pdf", register)
        pdfs["stats"] = printing.export_pdf(tmp / "stats.pdf", year_stats(log, 2026))
    sample = build_sample_log(tmp / "sample")
    with ReviewLog.open(sample.path) as log:
        log.issue_letter(sample.ids["notice"], prefix="某环法审", number="12")
        state = log.review(sample.ids["notice"])
        document = Workspace.parse_stored(*log.document_file(state.id), "normative")
        pdfs["letter"] = printing.export_pdf(tmp / "letter.pdf", build_letter(state, bureau="某市生态环境局",
                                                                             document=document))
    for name, pdf in pdfs.items():
        for old in out.glob(f"{name}-page*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / f"{name}-page")], check=True)
    print("\n".join(str(p) for p in sorted(out.glob("*-page*.png"))))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs")
