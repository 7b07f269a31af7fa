"""The year's figures (年度统计), from the review log.

What counts for a year:
- a review is **completed** (办结) in the year its current conclusion is dated
  (the 办结日期); **received** (收文) in the year of its 收文日期. The annual
  report counts completed reviews, as “全年完成……93件” does.
- **passed** (通过) counts 通过 and 修改后通过 (符合 for fair competition);
  the pass rate is passed ÷ completed.
- a counsel **opinion** counts in the year it was written (its 出具日期), its
  current version once, whichever review it is on.
- findings, the rules that fired and the catalogue items count over the
  reviews completed in the year: recorded (发现), accepted (采纳), dismissed
  (不采纳).

``year_stats(log, year)`` gathers them into a ``YearStats``, the one source of
every figure: its ``sections()`` are the tables, ``paragraph()`` the text for
the annual rule-of-law report (it says 收文 and 办结 as the table does, with the
same numbers), ``to_dict()`` the JSON, and the chart draws the same fields.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date

from workbench.log.model import CONCLUSION_LABELS, REVIEW_TYPE_LABELS, REVIEW_TYPES
from workbench.reports.layout import NO_FURNITURE, PageFurniture, page_furniture
from workbench.reports.rule_names import rule_name
from workbench.rules.model import CATEGORIES, REVIEW_LABELS

PASSING = ("pass", "amend")
TOP_RULES = 10


@dataclass(frozen=True)
class TypeFigures:
    type: str
    received: int = 0
    completed: int = 0
    by_conclusion: dict[str, int] = field(default_factory=dict)  # pass / amend / reject → count of completed
    open_at_year_end: int = 0

    @property
    def label(self) -> str:
        return REVIEW_TYPE_LABELS[self.type]

    @property
    def passed(self) -> int:
        return sum(self.by_conclusion.get(c, 0) for c in PASSING)

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.completed if self.completed else None


@dataclass(frozen=True)
class CategoryFigures:
    type: str  # the review it was found in
    review: str  # the pack the rule belongs to (legality, citation …)
    category: str
    recorded: int
    accepted: int
    dismissed: int

    @property
    def label(self) -> str:
        return CATEGORIES.get(self.review, {}).get(self.category, self.category)


@dataclass(frozen=True)
class RuleFigures:
    rule: str
    name: str  # in Chinese, as the register names it (设定行政处罚)
    category: str  # its category's name
    recorded: int
    accepted: int
    dismissed: int


@dataclass(frozen=True)
class CatalogueFigures:
    rule: str
    label: str
    decisions: int  # completed enforcement reviews in which the item was found (not dismissed)


@dataclass(frozen=True)
class Section:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]


@dataclass(frozen=True)
class YearStats:
    year: int
    types: dict[str, TypeFigures]
    opinions: int
    opinions_by_counsel: dict[str, int]
    categories: tuple[CategoryFigures, ...]
    rules: tuple[RuleFigures, ...]  # the most fired first
    catalogue: tuple[CatalogueFigures, ...]
    legal_review_required: int  # completed enforcement reviews that the catalogue required
    furniture: PageFurniture = NO_FURNITURE

    @property
    def completed(self) -> int:
        return sum(t.completed for t in self.types.values())

    @property
    def passed(self) -> int:
        return sum(t.passed for t in self.types.values())

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.completed if self.completed else None

    @property
    def findings_accepted(self) -> int:
        return sum(c.accepted for c in self.categories)

    def sections(self) -> list[Section]:
        """The figures as tables: by type, by counsel, by category, top rules, catalogue items."""
        type_rows = []
        for t in self.types.values():
            c = t.by_conclusion
            type_rows.append((t.label, t.received, t.completed, c.get("pass", 0), c.get("amend", 0),
                              c.get("reject", 0), t.open_at_year_end, percent(t.pass_rate)))
        type_rows.append(("合计", sum(t.received for t in self.types.values()), self.completed,
                          sum(t.by_conclusion.get("pass", 0) for t in self.types.values()),
                          sum(t.by_conclusion.get("amend", 0) for t in self.types.values()),
                          sum(t.by_conclusion.get("reject", 0) for t in self.types.values()),
                          sum(t.open_at_year_end for t in self.types.values()), percent(self.pass_rate)))
        counsel_rows = [(name, n) for name, n in self.opinions_by_counsel.items()] + [("合计", self.opinions)]
        return [
            Section(f"{self.year}年审查办理情况",
                    ("审查类型", "收文", "办结", "通过/符合", "修改后通过", "不予通过/不符合", "年末未办结", "通过率"),
                    tuple(type_rows)),
            Section("法律顾问意见", ("法律顾问", "意见条数"), tuple(counsel_rows)),
            Section("发现问题（按审查类型和类别）", ("审查类型", "问题类别", "发现", "采纳", "不采纳"),
                    tuple((REVIEW_TYPE_LABELS[c.type], c.label, c.recorded, c.accepted, c.dismissed)
                          for c in self.categories)),
            Section("触发最多的规则", ("规则", "问题类别", "发现", "采纳", "不采纳"),
                    tuple((r.name, r.category, r.recorded, r.accepted, r.dismissed) for r in self.rules)),
            Section("须法制审核的目录事项", ("目录事项", "决定件数"),
                    tuple((c.label, c.decisions) for c in self.catalogue)
                    + (("按目录清单须法制审核的决定（合计）", self.legal_review_required),)),
        ]

    def paragraph(self) -> str:
        return annual_paragraph(self)

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "completed": self.completed,
            "passed": self.passed,
            "pass_rate": self.pass_rate,
            "types": {
                k: {"label": t.label, "received": t.received, "completed": t.completed,
                    "by_conclusion": dict(t.by_conclusion),
                    "by_conclusion_label": {CONCLUSION_LABELS[k][c]: n for c, n in t.by_conclusion.items()},
                    "passed": t.passed, "pass_rate": t.pass_rate, "open_at_year_end": t.open_at_year_end}
                for k, t in self.types.items()
            },
            "opinions": self.opinions,
            "opinions_by_counsel": dict(self.opinions_by_counsel),
            "findings_accepted": self.findings_accepted,
            "categories": [{"type": c.type, "review": c.review, "category": c.category, "label": c.label,
                            "recorded": c.recorded, "accepted": c.accepted, "dismissed": c.dismissed}
                           for c in self.categories],
            "rules": [asdict(r) for r in self.rules],
            "catalogue": [asdict(c) for c in self.catalogue],
            "legal_review_required": self.legal_review_required,
            "paragraph": self.paragraph(),
        }

    def text(self) -> str:
        """Plain text for the terminal: each table, then the paragraph."""
        out = []
        for s in self.sections():
            out.append(f"【{s.title}】")
            out.append("\t".join(s.columns))
            out.extend("\t".join(str(v) for v in row) for row in s.rows)
            if not s.rows:
                out.append("（无）")
            out.append("")
        out.append("【年度报告用语】")
        out.append(self.paragraph())
        return "\n".join(out)


def percent(rate: float | None) -> str:
    """100% / 97.8% / —"""
    if rate is None:
        return "—"
    value = round(rate * 100, 1)
    return f"{value:.0f}%" if value == int(value) else f"{value:.1f}%"


def annual_paragraph(stats: YearStats) -> str:
    """The year's work in the words of an annual rule-of-law report, every number from ``stats``
    and each the same as in the tables (收文 and 办结 per type, the pass rate of those 办结).

    e.g. 全年收到重大执法决定法制审核93件，办结93件，审核通过率100%；收到行政规范性文件合法性审核
    90件，办结88件，年末未办结2件；……法律顾问提供法律意见1341条。经审查确认问题52个……
    """
    clauses = []
    for t in stats.types.values():
        if not (t.received or t.completed or t.open_at_year_end):
            continue
        clause = f"收到{_REPORT_NAMES[t.type]}{t.received}件，办结{t.completed}件"
        if t.completed:
            clause += f"，{_PASS_WORDS[t.type]}{percent(t.pass_rate)}"
        if t.open_at_year_end:
            clause += f"，年末未办结{t.open_at_year_end}件"
        clauses.append(clause)
    if stats.opinions:
        clauses.append(f"法律顾问提供法律意见{stats.opinions}条")
    if not clauses:
        return f"{stats.year}年未办理合法性审查事项。"
    text = "全年" + "；".join(clauses) + "。"
    by_label: Counter = Counter()
    for c in stats.categories:
        by_label[c.label] += c.accepted
    top = [(label, n) for label, n in by_label.most_common(3) if n]
    if top:
        text += (f"经审查确认问题{stats.findings_accepted}个（不含不予采纳的提示），主要涉及"
                 + "、".join(f"{label}（{n}个）" for label, n in top) + "。")
    return text


# How an annual report names each kind of review, and its pass rate.
_REPORT_NAMES = {"legality": "行政规范性文件合法性审核", "fair_competition": "公平竞争审查",
                 "enforcement": "重大执法决定法制审核"}
_PASS_WORDS = {"legality": "通过率", "fair_competition": "符合率", "enforcement": "审核通过率"}


def _in_year(iso: str | None, year: int) -> bool:
    return bool(iso) and iso[:4] == str(year)


def year_stats(log, year: int, *, top_rules: int = TOP_RULES) -> YearStats:
    """The figures for ``year`` from ``log`` (a ``ReviewLog``); see the module docstring for what counts."""
    start, end = date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    received: Counter = Counter()
    completed: dict[str, Counter] = {t: Counter() for t in REVIEW_TYPES}
    still_open: Counter = Counter()
    opinions_by_counsel: Counter = Counter()
    categories: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    rules: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    catalogue: Counter = Counter()
    required = 0
    status_index = {"open": None, "accepted": 1, "dismissed": 2}
    rule_keys: dict[str, tuple[str, str]] = {}  # rule → (pack, category)

    for summary in log.reviews():
        # Reviews that can matter for the year: received by its end and not closed before it.
        if summary.received > end or (summary.closed and summary.closed < start):
            continue
        if _in_year(summary.received, year):
            received[summary.type] += 1
        if not summary.closed or summary.closed > end:
            still_open[summary.type] += 1
        state = log.review(summary.id)
        for o in state.opinions:
            if _in_year(o.written, year):
                opinions_by_counsel[o.counsel] += 1
        if not (state.conclusion and _in_year(state.closed, year)):
            continue
        completed[state.type][state.conclusion] += 1
        if state.legal_review_required:
            required += 1
        items = set()
        for f in state.findings:
            rule_keys.setdefault(f.rule, (f.rule_review, f.category))
            for key, table in (((state.type, f.rule_review, f.category), categories), (f.rule, rules)):
                counts = table[key]
                counts[0] += 1
                index = status_index.get(f.status)
                if index:
                    counts[index] += 1
            if state.type == "enforcement" and f.category == "catalogue" and f.status != "dismissed":
                items.add(f.rule)
        catalogue.update(items)

    types = {
        t: TypeFigures(t, received=received[t], completed=sum(completed[t].values()),
                       by_conclusion={c: completed[t][c] for c in CONCLUSION_LABELS[t] if completed[t][c]},
                       open_at_year_end=still_open[t])
        for t in REVIEW_TYPES
    }
    type_order = {t: i for i, t in enumerate(REVIEW_TYPES)}
    review_order = {r: i for i, r in enumerate(REVIEW_LABELS)}
    category_rows = tuple(
        CategoryFigures(t, r, c, *counts)
        for (t, r, c), counts in sorted(
            categories.items(),
            key=lambda kv: (type_order.get(kv[0][0], 9), review_order.get(kv[0][1], 9), -kv[1][0], kv[0][2]),
        )
    )
    rule_rows = tuple(
        RuleFigures(rule, rule_name(rule, *rule_keys[rule]),
                    CATEGORIES.get(rule_keys[rule][0], {}).get(rule_keys[rule][1], rule_keys[rule][1]), *counts)
        for rule, counts in sorted(rules.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))[:top_rules]
    )
    catalogue_rows = ()
    if catalogue:
        from workbench.catalogue import load_catalogue

        names = load_catalogue().items
        catalogue_rows = tuple(
            CatalogueFigures(rule, names.get(rule, rule), n)
            for rule, n in sorted(catalogue.items(), key=lambda kv: (-kv[1], kv[0]))
        )
    return YearStats(
        year=year,
        types=types,
        opinions=sum(opinions_by_counsel.values()),
        opinions_by_counsel=dict(sorted(opinions_by_counsel.items(), key=lambda kv: (-kv[1], kv[0]))),
        categories=category_rows,
        rules=rule_rows,
        catalogue=catalogue_rows,
        legal_review_required=required,
        furniture=page_furniture(log),
    )
