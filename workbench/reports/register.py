"""The printed register (审查台账): its rows, header and totals, ready for the PDF, the printer or Excel.

``build_register(log, date_from, date_to, …)`` reads the rows from the log
(``ReviewLog.register_rows``) and adds what a printed page needs: the title,
the bureau's name, the period, a line naming the filters, and the totals.
The Qt renderer (``workbench.gui.printing``) and the .xlsx writer
(``workbench.reports.xlsx``) both take a ``Register``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from workbench.log.model import CONCLUSION_LABELS, REGISTER_COLUMNS, REVIEW_TYPE_LABELS, REVIEW_TYPES
from workbench.reports.layout import cn_date

REGISTER_TITLE = "合法性审查台账"
OPEN_LABEL = "办理中"


@dataclass(frozen=True)
class Register:
    rows: list[dict]
    bureau: str = ""
    date_from: date | None = None
    date_to: date | None = None
    filters: dict = field(default_factory=dict)  # type / conclusion / unit as given
    title: str = REGISTER_TITLE
    made: date | None = None  # 制表日期 (default today)

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
    opinions: int  # counsel opinions listed

    def text(self) -> str:
        """合计：共 N 件，其中…；审查结论：…；法律顾问意见 N 条。"""
        if not self.count:
            return "合计：本期无审查记录。"
        out = f"合计：共{self.count}件"
        if self.by_type:
            out += "，其中" + "、".join(f"{k}{v}件" for k, v in self.by_type.items())
        if self.by_conclusion:
            out += "；审查结论：" + "、".join(f"{k}{v}件" for k, v in self.by_conclusion.items())
        out += f"；法律顾问意见{self.opinions}条。"
        return out


_CONCLUSION_ORDER = ["通过", "符合", "修改后通过", "不予通过", "不符合", OPEN_LABEL]


def register_totals(rows: list[dict]) -> RegisterTotals:
    types = Counter(r["审查类型"] for r in rows)
    by_type = {REVIEW_TYPE_LABELS[t]: types[REVIEW_TYPE_LABELS[t]] for t in REVIEW_TYPES if types[REVIEW_TYPE_LABELS[t]]}
    conclusions = Counter(r["审查结论"] or OPEN_LABEL for r in rows)
    order = {label: i for i, label in enumerate(_CONCLUSION_ORDER)}
    by_conclusion = dict(sorted(conclusions.items(), key=lambda kv: order.get(kv[0], len(order))))
    opinions = sum(len([line for line in (r["法律顾问意见"] or "").split("\n") if line.strip()]) for r in rows)
    return RegisterTotals(len(rows), by_type, by_conclusion, opinions)


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

    ``bureau`` defaults to the ``bureau_name`` setting.
    """
    rows = log.register_rows(date_from, date_to, type=type, conclusion=conclusion, unit=unit)
    if bureau is None:
        bureau = default_bureau()
    filters = {k: v for k, v in (("type", type), ("conclusion", conclusion), ("unit", unit)) if v}
    return Register(rows=rows, bureau=bureau, date_from=date_from, date_to=date_to, filters=filters, made=made)


def default_bureau() -> str:
    """The ``bureau_name`` setting ('' when unset or the settings file is unreadable)."""
    from workbench.errors import WorkbenchError
    from workbench.settings import load_settings

    try:
        return str(load_settings().get("bureau_name") or "")
    except WorkbenchError:
        return ""


def as_register(rows_or_register, **header) -> Register:
    """A ``Register`` from itself or from ``register_rows`` output plus header keywords
    (``bureau``, ``date_from``, ``date_to``, ``filters``, ``title``, ``made``)."""
    if isinstance(rows_or_register, Register):
        return rows_or_register
    return Register(rows=list(rows_or_register), **header)
