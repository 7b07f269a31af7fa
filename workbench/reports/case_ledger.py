"""评查台账: the case files evaluated in a year, their problems and rectification (一案一整改).

One row per case file: the decision and its 文号, the party, who evaluated it and when,
the 评查结论, each problem with its category, and each rectification (整改责任人, 期限,
整改情况, 已整改/未整改) on the same line as its problem. A ``Ledger``: printed and
exported as the review register is.
"""

from __future__ import annotations

from datetime import date

from workbench.reports.layout import cn_date
from workbench.reports.ledger import Ledger
from workbench.stock.model import EVALUATION_LABELS, RECTIFIED_LABELS, CaseFile

CASE_LEDGER_TITLE = "行政执法案卷评查台账"
CASE_LEDGER_COLUMNS = ("序号", "案卷名称及文号", "当事人", "作出日期", "评查人", "评查日期", "评查结论", "存在问题",
                       "整改责任人", "整改期限", "整改情况", "整改状态")
_WEIGHTS = {"序号": 3, "案卷名称及文号": 14, "当事人": 10, "作出日期": 7, "评查人": 5, "评查日期": 7, "评查结论": 5,
            "存在问题": 26, "整改责任人": 6, "整改期限": 7, "整改情况": 14, "整改状态": 6}
_XLSX = {"序号": 6, "案卷名称及文号": 30, "当事人": 22, "作出日期": 14, "评查人": 9, "评查日期": 14, "评查结论": 9,
         "存在问题": 50, "整改责任人": 10, "整改期限": 14, "整改情况": 30, "整改状态": 10}
NOT_EVALUATED = "未评查"


def case_row(n: int, case: CaseFile) -> dict:
    problems, people, deadlines, progress, states = [], [], [], [], []
    for i, p in enumerate(case.problems, 1):
        problems.append(f"{i}．【{p.category_label}】{p.description}")
        r = p.rectification
        people.append(f"{i}．{r.responsible}" if r else f"{i}．")
        deadlines.append(f"{i}．{cn_date(r.deadline)}" if r and r.deadline else f"{i}．")
        progress.append(f"{i}．{r.progress}" if r and r.progress else f"{i}．")
        states.append(f"{i}．{RECTIFIED_LABELS[p.rectified]}")
    single = len(case.problems) == 1  # one problem: no numbering needed
    strip = (lambda lines: [line.split("．", 1)[1] for line in lines]) if single else (lambda lines: lines)
    return {
        "序号": n, "案卷名称及文号": case.label, "当事人": case.party, "作出日期": cn_date(case.decided),
        "评查人": case.evaluator, "评查日期": cn_date(case.evaluated),
        "评查结论": EVALUATION_LABELS.get(case.conclusion, NOT_EVALUATED) if case.evaluated else NOT_EVALUATED,
        "存在问题": "\n".join(strip(problems)) or "无",
        "整改责任人": "\n".join(strip(people)), "整改期限": "\n".join(strip(deadlines)),
        "整改情况": "\n".join(strip(progress)), "整改状态": "\n".join(strip(states)),
    }


def case_ledger(cases: list[CaseFile], year: int, *, bureau: str = "", made: date | None = None) -> Ledger:
    rows = [case_row(n, c) for n, c in enumerate(cases, 1)]
    problems = [p for c in cases for p in c.problems]
    rectified = sum(1 for p in problems if p.rectified)
    evaluated = sum(1 for c in cases if c.evaluated)
    totals = (f"合计：评查案卷{evaluated}件（登记{len(cases)}件），发现问题{len(problems)}个，"
              f"已整改{rectified}个，未整改{len(problems) - rectified}个。") if cases else "合计：本年度无评查案卷。"
    return Ledger(
        title=CASE_LEDGER_TITLE, columns=CASE_LEDGER_COLUMNS, rows=rows, bureau=bureau,
        period=f"{year}年1月1日至{year}年12月31日", totals_line=totals, made=made, weights=_WEIGHTS,
        xlsx_widths=_XLSX, centred=frozenset({"序号", "评查结论", "评查人", "整改状态"}), sheet="评查台账",
    )
