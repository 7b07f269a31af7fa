"""Screenshots of the stock window and its printed outputs (offscreen), for docs/ and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_stock.py docs/

A throw-away log with issued documents made from the statutes and published texts
(tests/helpers/stock_corpus.py), a 清理 as of 2026-08-15 with a few decisions and a
re-check after an overlay records a repeal, and the published penalty decisions as case
files with problems and rectifications. Writes the four tabs as PNG, the 评查台账 and the
清理结果 as PDF, .xlsx and .docx beside them (render the PDFs with pdftoppm to look at them).
"""

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from screenshot import wait as wait_for  # noqa: E402 (the window screenshots' helper)


def wait(condition, ms=120000):
    wait_for(None, condition, ms)


def main(out_dir: str) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="workbench-stock-shots-"))
    data = tmp / "data"
    data.mkdir()
    os.environ["WORKBENCH_DATA_DIR"] = str(data)
    from tests.helpers.stock_corpus import build_cases, build_issued
    from workbench.gui import stock_menu
    from workbench.gui.printing import export_pdf
    from workbench.gui.main_window import MainWindow
    from workbench.log import ReviewLog
    from workbench.log.stock import StockRecords
    from workbench.reports import write_register_xlsx
    from workbench.reports.case_ledger import case_ledger
    from workbench.reports.cleanup import cleanup_ledger, write_cleanup_docx
    from workbench.stock.cases import case_findings, import_cases, suggested_category
    from workbench.stock.cleanup import recheck, run_cleanup
    from workbench.workspace import Workspace

    today = date.today()
    build_issued(tmp / "规范性文件", 40, as_of=today)
    build_cases(tmp / "案卷")
    bureau = "示例市生态环境局"
    with ReviewLog.open(tmp / "log.sqlite3") as log:
        stock = StockRecords(log)
        report = run_cleanup(log, date(2026, 8, 15), tmp / "规范性文件", actor="王审查")
        items = stock.items(report.run_id)
        for item in items[:6]:
            stock.decide(report.run_id, item.document.id, item.outcome, actor="王审查")
        amend = next(i for i in items if i.outcome == "amend")
        stock.decide(report.run_id, amend.document.id, "repeal", reason="上位法已由法典取代，另行制定新办法", actor="王审查")
        (data / "registry_overlay.yaml").write_text(
            "laws:\n  - title: 中华人民共和国行政许可法\n    status:\n      - {event: repealed, 'on': 2026-08-01,"
            " by: 示例新法, article: 第一百条, source: 截图示例（虚构的废止）}\n", encoding="utf-8")
        recheck(log, report.run_id)
        import_cases(log, tmp / "案卷", actor="王审查")
        for n, case in enumerate(stock.cases()[:6]):
            findings = case_findings(stock, case)
            for f in findings[:2]:
                pid = stock.add_problem(case.id, suggested_category(f), f.message, rule=f.rule, excerpt=f.excerpt,
                                        basis=f.basis, actor="王审查")
                stock.rectify(pid, responsible=["张三", "李四"][n % 2], deadline=today + timedelta(days=30),
                              progress="已补正决定书并归档" if n % 3 else "正在整改", done=bool(n % 3), actor="王审查")
            stock.evaluate(case.id, ["合格", "不合格", "优秀"][n % 3], evaluator="王审查")
        run = stock.run(report.run_id)
        items = stock.items(report.run_id)
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        write_register_xlsx(cleanup_ledger(run, items, bureau), tmp / "清理结果.xlsx")
        write_cleanup_docx(run, items, out / "cleanup-list.docx", bureau=bureau)
        ledger = case_ledger(stock.cases(today.year), today.year, bureau=bureau)
        write_register_xlsx(ledger, tmp / "评查台账.xlsx")

    app = QApplication.instance() or QApplication([])
    export_pdf(out / "case-ledger.pdf", ledger)
    log = ReviewLog.open(tmp / "log.sqlite3")
    window = MainWindow(Workspace(log, {"reviewer": "王审查", "bureau_name": bureau}))
    window.resize(1366, 768)
    window.show()
    wait(lambda: getattr(window, "reminder_button", None) is not None, 5000)
    window.grab().save(str(out / "window-reminder.png"))
    shots = stock_menu.open_stock(window, 0)
    shots.resize(1366, 768)
    wait(lambda: shots.idle)
    for tab, name in enumerate(("stock-issued", "stock-reminders", "stock-cleanup", "stock-cases")):
        shots.tabs.setCurrentIndex(tab)
        if name == "stock-cleanup":
            view = shots.cleanup_view
            row = next(r for r in range(view.model.rowCount()) if view.model.record(r).changed)
            view.table.selectRow(view.proxy.mapFromSource(view.model.index(row, 0)).row())
        if name == "stock-cases":
            shots.cases_view.cases.selectRow(0)
            wait(lambda: shots.cases_view.finding_model.rowCount() > 0, 20000)
        app.processEvents()
        shots.grab().save(str(out / f"{name}.png"))
    print(f"written to {out} (files in {tmp})")
    log.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs")
