"""The bureau's stock as plain data: issued documents, 清理 items, case files (no Qt, no I/O).

States are derived from the log's rows by ``workbench.log.stock``; the words shown
to users are here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

# 清理结论 (a proposal or the bureau's decision for one document).
OUTCOMES = ("continue", "amend", "repeal", "lapse")
OUTCOME_LABELS = {"continue": "继续有效", "amend": "修改", "repeal": "废止", "lapse": "宣布失效"}
OUTCOME_KEYS = {label: key for key, label in OUTCOME_LABELS.items()}

# Where an issued document stands on a day.
STATUSES = ("valid", "expiring", "lapsed", "repealed")
STATUS_LABELS = {"valid": "有效", "expiring": "即将到期", "lapsed": "已失效", "repealed": "已废止"}
DEFAULT_REMINDER_DAYS = 90  # the settings key ``expiry_reminder_days`` overrides it

# 案卷评查标准的问题类别.
CASE_CATEGORIES = ("procedure", "law", "document", "evidence", "discretion")
CASE_CATEGORY_LABELS = {"procedure": "程序", "law": "法律适用", "document": "文书制作", "evidence": "证据",
                        "discretion": "裁量"}
CASE_CATEGORY_KEYS = {label: key for key, label in CASE_CATEGORY_LABELS.items()}
EVALUATION_CONCLUSIONS = ("excellent", "pass", "fail")
EVALUATION_LABELS = {"excellent": "优秀", "pass": "合格", "fail": "不合格"}
RECTIFIED_LABELS = {True: "已整改", False: "未整改"}


def outcome_key(value: str) -> str | None:
    """An outcome from its key or its Chinese label; None if neither."""
    value = (value or "").strip()
    return value if value in OUTCOME_LABELS else OUTCOME_KEYS.get(value)


def category_key(value: str) -> str | None:
    value = (value or "").strip()
    return value if value in CASE_CATEGORY_LABELS else CASE_CATEGORY_KEYS.get(value)


@dataclass(frozen=True)
class IssuedDocument:
    """The current version of one issued document's particulars (corrections included)."""

    id: str  # stable: the uuid of its first record
    version: str  # the uuid of the current record
    sha256: str
    file_name: str
    title: str
    doc_number: str
    organ: str
    issued: str | None  # ISO dates
    effective: str | None
    expires: str | None  # last day in force
    validity: str  # how the text states the period ('' none stated)
    provisional: bool
    note: str  # what was corrected and why, on a corrected version
    versions: int = 1
    actor: str = ""
    at: str = ""
    decided: str | None = None  # the bureau's latest confirmed 清理 outcome (key), if any

    def status(self, as_of: date, window_days: int = DEFAULT_REMINDER_DAYS) -> str:
        if self.decided == "repeal":
            return "repealed"
        if self.decided == "lapse":
            return "lapsed"
        if self.expires:
            expires = date.fromisoformat(self.expires)
            if expires < as_of:
                return "lapsed"
            if expires <= as_of + timedelta(days=window_days):
                return "expiring"
        return "valid"

    def days_left(self, as_of: date) -> int | None:
        return (date.fromisoformat(self.expires) - as_of).days if self.expires else None

    @property
    def label(self) -> str:
        """文件名称（文号）"""
        name = self.title or self.file_name
        return f"{name}（{self.doc_number}）" if self.doc_number else name


@dataclass(frozen=True)
class Reason:
    kind: str  # repealed | expired | expiring | period | unlawful | note
    text: str
    rule: str = ""

    def to_json(self) -> dict:
        return {"kind": self.kind, "text": self.text, "rule": self.rule}


REASON_LABELS = {"repealed": "引用已废止法律", "expired": "有效期届满", "expiring": "即将到期", "period": "有效期",
                 "unlawful": "违法条款", "note": "提示"}


@dataclass(frozen=True)
class CleanupRun:
    id: str
    as_of: str
    source: str  # the folder, or 登记册
    actor: str
    at: str
    documents: int = 0
    decided: int = 0


@dataclass(frozen=True)
class CleanupItem:
    """One document in one 清理 run: the current proposal, what changed, the decision."""

    document: IssuedDocument
    proposal_id: str
    outcome: str  # proposed
    reasons: tuple[Reason, ...]
    previous_outcome: str | None = None  # the proposal this one superseded (a later re-check)
    previous_reasons: tuple[Reason, ...] = ()
    decision: str | None = None  # the bureau's outcome
    decision_reason: str = ""
    decided_by: str = ""
    decided_at: str = ""
    decision_stale: bool = False  # decided against an earlier proposal that has since changed

    @property
    def changed(self) -> bool:
        return self.previous_outcome is not None

    @property
    def final(self) -> str:
        """The outcome that stands: the decision, else the proposal."""
        return self.decision or self.outcome

    def change_text(self) -> str:
        """What the last re-check changed, in words ('' nothing)."""
        if not self.changed:
            return ""
        parts = []
        if self.previous_outcome != self.outcome:
            parts.append(f"建议由“{OUTCOME_LABELS[self.previous_outcome]}”改为“{OUTCOME_LABELS[self.outcome]}”")
        old = {r.text for r in self.previous_reasons}
        new = {r.text for r in self.reasons}
        parts += [f"新增：{r.text}" for r in self.reasons if r.text not in old]
        parts += [f"不再适用：{r.text}" for r in self.previous_reasons if r.text not in new]
        return "；".join(parts)


@dataclass(frozen=True)
class Rectification:
    version: str
    responsible: str
    deadline: str | None
    progress: str
    done: bool
    actor: str
    at: str


@dataclass(frozen=True)
class CaseProblem:
    id: str  # stable
    version: str
    case_id: str
    category: str
    description: str
    rule: str  # the finding's rule when taken from a finding ('' by hand)
    excerpt: str
    basis: tuple[str, ...]
    actor: str
    at: str
    rectification: Rectification | None = None

    @property
    def category_label(self) -> str:
        return CASE_CATEGORY_LABELS.get(self.category, self.category)

    @property
    def rectified(self) -> bool:
        return bool(self.rectification and self.rectification.done)


@dataclass(frozen=True)
class CaseFile:
    id: str
    sha256: str
    file_name: str
    title: str
    doc_number: str
    party: str
    organ: str
    decided: str | None
    actor: str
    at: str
    evaluator: str = ""
    evaluated: str | None = None
    conclusion: str = ""
    problems: tuple[CaseProblem, ...] = field(default_factory=tuple)
    note: str = ""  # what was last corrected and why ('' as read off the decision)
    versions: int = 1  # the registered particulars, then each correction

    @property
    def label(self) -> str:
        name = self.title or self.file_name
        return f"{name}（{self.doc_number}）" if self.doc_number else name

    @property
    def rectified(self) -> int:
        return sum(1 for p in self.problems if p.rectified)
