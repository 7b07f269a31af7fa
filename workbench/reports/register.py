"""The printed register (审查台账): a ledger, one row per review, ready for the PDF, the printer or Excel.

``build_register(log, date_from, date_to, …)`` reads each review's facts from
the log (``ReviewLog.register_rows``) and writes them as a ledger's cells:

- 主要问题: a short summary by kind of problem, e.g. “设定行政处罚1项；限定经营者1项”
  (the opinion letter holds every problem in full);
- 审查结论: the conclusion, or 办理中 for a review still open;
- 备注: the letter's 文号, the draft's 稿次, the number of counsel opinions, and
  for an open review what is still to be done;
- dates as 2026-03-05, so that the narrow columns leave room for the others.

The Qt renderer (``workbench.gui.printing``) and the .xlsx writer
(``workbench.reports.xlsx``) both take a ``Register``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from workbench.log.model import (
    CONCLUSION_LABELS,
    REGISTER_COLUMNS,
    REVIEW_TYPE_LABELS,
    REVIEW_TYPE_SHORT_LABELS,
    REVIEW_TYPES,
)
from workbench.reports.layout import NO_FURNITURE, PageFurniture, cn_date, page_furniture
from workbench.reports.rule_names import rule_name

REGISTER_TITLE = "合法性审查台账"
OPEN_LABEL = "办理中"
NO_PROBLEMS = "未发现问题"
# Categories that are not problems of the draft: an enforcement decision's
# catalogue items say only that legal review is required.
NOT_PROBLEMS = {("enforcement", "catalogue")}


@dataclass(frozen=True)
class Register:
    rows: list[dict]  # cells by REGISTER_COLUMNS, plus "review_id", "received_date", "closed_date"
    bureau: str = ""
    date_from: date | None = None
    date_to: date | None = None
    filters: dict = field(default_factory=dict)  # type / conclusion / unit as given
    title: str = REGISTER_TITLE
    made: date | None = None  # 制表日期 (default today)
    furniture: PageFurniture = NO_FURNITURE

    @property
    def columns(self) -> tuple[str, ...]:
        return REGISTER_COLUMNS

    @property
    def period(self) -> str:
        """2026年1月1日至2026年12月31日"""
        if self.date_from and self.date_to:
            return f"{cn_date(self.date_from)}至{cn_date(self.date_to)}"
        return cn_date(self.date_from or self.date_to)

    @property
    def filter_text(self) -> str:
        """The filters in words, e.g. “审查类型：公平竞争审查；送审单位：水科”; '' without filters."""
        parts = []
        type_ = self.filters.get("type")
        if type_:
            parts.append(f"审查类型：{REVIEW_TYPE_LABELS.get(type_, type_)}")
        conclusion = self.filters.get("conclusion")
        if conclusion:
            labels = {CONCLUSION_LABELS[t].get(conclusion) for t in ([type_] if type_ else REVIEW_TYPES)} - {None}
            parts.append(f"审查结论：{'/'.join(sorted(labels)) or conclusion}")
        if self.filters.get("unit"):
            parts.append(f"送审单位：{self.filters['unit']}")
        return "；".join(parts)

    @property
    def heading(self) -> str:
        """The title as printed: the bureau's name before it when known."""
        return f"{self.bureau}{self.title}" if self.bureau else self.title

    def cells(self, row: dict) -> list[str]:
        return [str(row.get(c, "") if row.get(c) is not None else "") for c in REGISTER_COLUMNS]

    def totals(self) -> "RegisterTotals":
        return register_totals(self.rows)

    def made_text(self) -> str:
        return cn_date(self.made or date.today())


@dataclass(frozen=True)
class RegisterTotals:
    count: int
    by_type: dict[str, int]  # type label → count, in REVIEW_TYPES order, only types present
    by_conclusion: dict[str, int]  # conclusion label (通过, 修改后通过 … 办理中) → count

    def text(self) -> str:
        """合计：共 N 件，其中…；审查结论：…。"""
        if not self.count:
            return "合计：本期无审查记录。"
        out = f"合计：共{self.count}件"
        if self.by_type:
            out += "，其中" + "、".join(f"{k}{v}件" for k, v in self.by_type.items())
        if self.by_conclusion:
            out += "；审查结论：" + "、".join(f"{k}{v}件" for k, v in self.by_conclusion.items())
        return out + "。"


_CONCLUSION_ORDER = ["通过", "符合", "修改后通过", "不予通过", "不符合", OPEN_LABEL]


def _type_of(row: dict) -> str | None:
    if row.get("type"):
        return row["type"]
    label = row.get("审查类型")
    return next((t for t in REVIEW_TYPES if label in (REVIEW_TYPE_LABELS[t], REVIEW_TYPE_SHORT_LABELS[t])), None)


def register_totals(rows: list[dict]) -> RegisterTotals:
    types = Counter(_type_of(r) for r in rows)
    by_type = {REVIEW_TYPE_LABELS[t]: types[t] for t in REVIEW_TYPES if types[t]}
    conclusions = Counter(r["审查结论"] or OPEN_LABEL for r in rows)
    order = {label: i for i, label in enumerate(_CONCLUSION_ORDER)}
    by_conclusion = dict(sorted(conclusions.items(), key=lambda kv: order.get(kv[0], len(order))))
    return RegisterTotals(len(rows), by_type, by_conclusion)


SUMMARY_CHARS = 34  # a row names the kinds of problem that fit in two lines; the letter holds them all


def problem_summary(problems) -> str:
    """设定行政处罚1项；限定经营者1项；引用已废止法律2项 — by rule name, in the order first
    found; those past what two lines hold as “等7类9项”."""
    counts: Counter = Counter()
    for rule, pack, category in problems:
        if (pack, category) in NOT_PROBLEMS:
            continue
        counts[rule_name(rule, pack, category)] += 1
    parts = [f"{name}{n}项" for name, n in counts.items()]
    rest = f"等{len(counts)}类{sum(counts.values())}项"
    shown = len(parts)
    while shown > 1 and len("；".join(parts[:shown])) + (len(rest) if shown < len(parts) else 0) > SUMMARY_CHARS:
        shown -= 1
    return "；".join(parts[:shown]) + (rest if shown < len(parts) else "")


def ledger_date(value) -> str:
    """2026-03-05: a ledger's date column, narrow and sortable by eye."""
    return str(value)[:10] if value else ""


def ledger_row(facts: dict) -> dict:
    """One review's facts (``ReviewLog.register_rows``) as the register's cells."""
    type_, closed = facts["type"], facts["conclusion"] is not None
    name = facts["title"]
    if facts["doc_number"]:
        name = f"{name}（{facts['doc_number']}）"
    summary = problem_summary(facts["problems"])
    if not summary:
        summary = NO_PROBLEMS if closed else ""
    remarks = []
    if facts.get("letter"):
        remarks.append(facts["letter"])
    if facts.get("version", 1) > 1:
        remarks.append(f"第{facts['version']}稿")
    if facts.get("opinions"):
        remarks.append(f"顾问意见{facts['opinions']}条")
    if not closed:
        if facts.get("open_findings"):
            remarks.append(f"待处理{facts['open_findings']}项")
        if facts.get("due"):
            remarks.append(f"期限{ledger_date(facts['due'])}")
    return {
        "序号": facts["number"],
        "收文日期": ledger_date(facts["received"]),
        "文件名称及文号": name,
        "送审单位": facts["unit"],
        "审查类型": REVIEW_TYPE_SHORT_LABELS[type_],
        "主要问题": summary,
        "审查结论": CONCLUSION_LABELS[type_].get(facts["conclusion"], "") if closed else OPEN_LABEL,
        "审查人": facts["reviewer"],
        "办结日期": ledger_date(facts["closed"]) if closed else "",
        "备注": "；".join(remarks),
        "review_id": facts["review_id"],
        "type": type_,
        "received_date": date.fromisoformat(facts["received"]),
        "closed_date": date.fromisoformat(facts["closed"]) if closed else None,
    }


def build_register(
    log,
    date_from: date,
    date_to: date,
    *,
    type: str | None = None,
    conclusion: str | None = None,
    unit: str | None = None,
    bureau: str | None = None,
    made: date | None = None,
) -> Register:
    """The register of reviews received from ``date_from`` to ``date_to`` (inclusive).

    ``bureau`` defaults to the 单位名称 set in 设置.
    """
    rows = [ledger_row(r) for r in log.register_rows(date_from, date_to, type=type, conclusion=conclusion, unit=unit)]
    if bureau is None:
        bureau = default_bureau()
    filters = {k: v for k, v in (("type", type), ("conclusion", conclusion), ("unit", unit)) if v}
    return Register(rows=rows, bureau=bureau, date_from=date_from, date_to=date_to, filters=filters, made=made,
                    furniture=page_furniture(log))


def default_bureau() -> str:
    """The 单位名称 setting ('' when unset or the settings file is unreadable)."""
    from workbench.errors import WorkbenchError
    from workbench.settings import load_settings

    try:
        return str(load_settings().get("bureau_name") or "")
    except WorkbenchError:
        return ""


def as_register(rows_or_register, **header) -> Register:
    """A ``Register`` from itself or from ledger rows plus header keywords
    (``bureau``, ``date_from``, ``date_to``, ``filters``, ``title``, ``made``, ``furniture``)."""
    if isinstance(rows_or_register, Register):
        return rows_or_register
    return Register(rows=list(rows_or_register), **header)
