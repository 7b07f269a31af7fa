"""评查台账: the case files evaluated in a year, their problems and rectification (一案一整改).

One row per case file: the decision and its 文号, the party, when it was evaluated and by whom,
the 评查结论, each problem with its category, and each rectification (整改责任人, 期限,
整改情况, 已整改/未整改) on the same line as its problem. A ``Ledger``: printed and
exported as the review register is.
"""

from __future__ import annotations

from datetime import date

from workbench.reports.layout import NO_FURNITURE, PageFurniture, cn_date
from workbench.reports.ledger import Ledger
from workbench.stock.model import EVALUATION_LABELS, RECTIFIED_LABELS, CaseFile

CASE_LEDGER_TITLE = "行政执法案卷评查台账"
CASE_LEDGER_COLUMNS = ("序号", "案卷名称及文号", "当事人", "评查日期", "评查结论", "存在问题",
                       "整改责任人", "整改期限", "整改情况", "整改状态")
_WEIGHTS = {"序号": 3, "案卷名称及文号": 15, "当事人": 10, "评查结论": 4, "存在问题": 36, "整改责任人": 6,
            "整改期限": 10, "整改情况": 14, "整改状态": 6}
_XLSX = {"序号": 6, "案卷名称及文号": 30, "当事人": 22, "评查日期": 14, "评查结论": 9,
         "存在问题": 50, "整改责任人": 10, "整改期限": 14, "整改情况": 30, "整改状态": 10}
# ①…⑳: one character per problem number, so narrow columns keep one line per problem.
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _mark(i: int) -> str:
    return _CIRCLED[i - 1] if i <= len(_CIRCLED) else f"{i}."
NOT_EVALUATED = "未评查"


def case_row(n: int, case: CaseFile) -> dict:
    problems, people, deadlines, progress, states = [], [], [], [], []
    single = len(case.problems) == 1  # one problem: no numbering needed
    for i, p in enumerate(case.problems, 1):
        m = "" if single else _mark(i)
        r = p.rectification
        problems.append(f"{m}【{p.category_label}】{p.description}")
        people.append(m + (r.responsible if r else ""))
        deadlines.append(m + (cn_date(r.deadline) if r and r.deadline else ""))
        progress.append(m + (r.progress if r else ""))
        states.append(m + RECTIFIED_LABELS[p.rectified])
    evaluated = f"{cn_date(case.evaluated)}\n{case.evaluator}" if case.evaluated else ""
    return {
        # The decision date under the name (the column it had was too narrow to keep): as corrected, if it was.
        "序号": n, "案卷名称及文号": case.label + (f"\n{cn_date(case.decided)}作出" if case.decided else ""),
        "当事人": case.party, "评查日期": evaluated,
        "评查结论": EVALUATION_LABELS.get(case.conclusion, NOT_EVALUATED) if case.evaluated else NOT_EVALUATED,
        "存在问题": "\n".join(problems) or "无",
        "整改责任人": "\n".join(people), "整改期限": "\n".join(deadlines),
        "整改情况": "\n".join(progress), "整改状态": "\n".join(states),
    }


def case_ledger(cases: list[CaseFile], year: int, *, bureau: str = "", made: date | None = None,
                furniture: PageFurniture = NO_FURNITURE) -> Ledger:
    """The 评查台账 of ``cases`` (``StockRecords.cases(year)``); ``furniture``: ``page_furniture(log)``."""
    rows = [case_row(n, c) for n, c in enumerate(cases, 1)]
    problems = [p for c in cases for p in c.problems]
    rectified = sum(1 for p in problems if p.rectified)
    evaluated = sum(1 for c in cases if c.evaluated)
    totals = (f"合计：评查案卷{evaluated}件（登记{len(cases)}件），发现问题{len(problems)}个，"
              f"已整改{rectified}个，未整改{len(problems) - rectified}个。") if cases else "合计：本年度无评查案卷。"
    return Ledger(
        title=CASE_LEDGER_TITLE, columns=CASE_LEDGER_COLUMNS, rows=rows, bureau=bureau,
        period=f"{year}年1月1日至{year}年12月31日", totals_line=totals, made=made, weights=_WEIGHTS,
        xlsx_widths=_XLSX, centred=frozenset({"序号", "评查结论", "整改状态"}), sheet="评查台账", furniture=furniture,
    )
