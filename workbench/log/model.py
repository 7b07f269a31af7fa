"""What the log returns: plain frozen dataclasses and the closed vocabularies.

The GUI and the report builders read these; they never see SQL rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REVIEW_TYPES = ("legality", "fair_competition", "enforcement")
REVIEW_TYPE_LABELS = {
    "legality": "规范性文件合法性审核",
    "fair_competition": "公平竞争审查",
    "enforcement": "重大执法决定法制审核",
}
# Short names where a column is narrow (the register, the queue).
REVIEW_TYPE_SHORT_LABELS = {"legality": "合法性审核", "fair_competition": "公平竞争审查", "enforcement": "执法决定审核"}
# The document kind the intake should read a file as, per review type.
DOCUMENT_KIND_FOR_TYPE = {"legality": "normative", "fair_competition": "normative", "enforcement": "enforcement"}
# Findings kept for a review: its own pack and the citation checks (which serve
# every review); a legality review also keeps the fair-competition findings.
FINDING_REVIEWS_FOR_TYPE = {
    # A legality reviewer of a normative document also sees clauses that fail
    # the fair-competition standards (its content must conform to state policy).
    "legality": ("legality", "fair_competition", "citation"),
    "fair_competition": ("fair_competition", "citation"),
    "enforcement": ("enforcement", "citation"),
}

CONCLUSIONS = ("pass", "amend", "reject")
CONCLUSION_LABELS = {
    "legality": {"pass": "通过", "amend": "修改后通过", "reject": "不予通过"},
    "enforcement": {"pass": "通过", "amend": "修改后通过", "reject": "不予通过"},
    # 公平竞争审查条例 knows only 符合 / 不符合; a draft that needs changes is
    # 不符合 until it is amended and reviewed again.
    "fair_competition": {"pass": "符合", "reject": "不符合"},
}

# Disposition of a finding. "open" is also the state of a finding never disposed.
DISPOSITION_STATUSES = ("open", "accepted", "dismissed")
DISPOSITION_ACTIONS = {"accept": "accepted", "dismiss": "dismissed", "reopen": "open"}
# What each event type means, for people reading a review's history.
EVENT_LABELS = {
    "log.created": "建立审查日志",
    "document.received": "收到送审文件",
    "review.opened": "登记审查",
    "finding.recorded": "检查发现问题",
    "finding.disposed": "处理问题",
    "opinion.added": "法律顾问提出意见",
    "opinion.edited": "修改法律意见",
    "review.closed": "办结审查",
    "review.corrected": "更正审查结论",
    "letter.numbered": "意见书编号",
    "bundle.imported": "合并导入其他电脑的记录",
}

DISPOSITION_LABELS = {"open": "待处理", "accepted": "采纳", "dismissed": "不采纳"}

# The printed register (审查台账) is a ledger: one row per review.
REGISTER_COLUMNS = (
    "序号", "收文日期", "文件名称及文号", "送审单位", "审查类型",
    "主要问题", "审查结论", "审查人", "办结日期", "备注",
)


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    sha256: str
    file_name: str
    kind: str | None
    title: str
    doc_number: str
    unit: str
    received: str  # YYYY-MM-DD: when this version first came in
    previous_id: str | None  # the earlier version of the same document


@dataclass(frozen=True)
class FindingState:
    id: str
    number: int  # F1, F2 … within its review
    rule: str
    rule_review: str
    category: str
    severity: str
    start: int
    end: int
    paragraph: int | None
    column: int | None
    excerpt: str
    message: str
    basis: tuple[str, ...]
    status: str = "open"  # current disposition
    reason: str = ""
    disposed_by: str = ""
    disposed_at: str = ""
    matched: str = ""  # the text the rule matched, as it stood in the original (checks offsets later)

    @property
    def label(self) -> str:
        return f"F{self.number}"


@dataclass(frozen=True)
class OpinionState:
    id: str  # the opinion (stable across edits)
    version: str  # the current version's row
    review_id: str
    finding_id: str | None
    passage: str
    counsel: str
    text: str
    written: str
    actor: str
    at: str
    versions: int = 1
    passage_start: int | None = None  # offsets of ``passage`` in the document's text, when anchored to one
    passage_end: int | None = None


@dataclass(frozen=True)
class ReviewState:
    id: str
    type: str
    reviewer: str
    unit: str
    received: str
    opened: str
    due: str | None
    legal_review_required: bool | None  # enforcement only: the catalogue requires it
    document: DocumentRecord
    closed: str | None = None
    conclusion: str | None = None
    closed_by: str = ""
    findings: tuple[FindingState, ...] = ()
    opinions: tuple[OpinionState, ...] = ()
    letter: "LetterRecord | None" = None  # the 文号 of its opinion letter, once issued

    @property
    def status(self) -> str:
        return "closed" if self.conclusion else "open"

    @property
    def type_label(self) -> str:
        return REVIEW_TYPE_LABELS[self.type]

    @property
    def conclusion_label(self) -> str:
        return CONCLUSION_LABELS[self.type].get(self.conclusion or "", "")

    def finding(self, finding_id: str) -> FindingState:
        return next(f for f in self.findings if f.id == finding_id)


@dataclass(frozen=True)
class LetterRecord:
    """The 文号 given to a review's opinion letter (焦环法审〔2026〕12号)."""

    id: str
    review_id: str
    year: int
    serial: int | None  # the number within the year; None for a 文号 typed in another form
    number: str  # as printed
    issued: str  # YYYY-MM-DD
    actor: str
    at: str


@dataclass(frozen=True)
class ReviewSummary:
    """One line of the review queue."""

    id: str
    type: str
    title: str
    file_name: str
    doc_number: str
    unit: str
    reviewer: str
    received: str
    due: str | None
    closed: str | None
    conclusion: str | None
    open_findings: int
    version: int = 1  # 稿次: 1 for a first draft, 2 for its first revision …

    @property
    def status(self) -> str:
        return "closed" if self.conclusion else "open"


@dataclass(frozen=True)
class Event:
    seq: int
    uuid: str
    origin: str
    at: str
    actor: str
    type: str
    entity: str | None
    record: str | None
    payload: dict


@dataclass(frozen=True)
class Problem:
    seq: int | None  # the event the problem shows at (None: not tied to one)
    where: str  # e.g. "events" or "opinions"
    record: str | None
    message: str  # Chinese, for the user


@dataclass
class VerifyReport:
    events: int = 0
    head: str = ""  # hash of the last event: note it down to detect a cut-off tail later
    integrity: str = "ok"
    problems: list[Problem] = field(default_factory=list)
    signed: int = 0  # signatures checked (one per write transaction)
    signers: dict[str, str] = field(default_factory=dict)  # key fingerprint → whose (本机 / trusted name)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.problems

    @property
    def first(self) -> Problem | None:
        if not self.problems:
            return None
        return min(self.problems, key=lambda p: (p.seq is None, p.seq or 0))


@dataclass(frozen=True)
class ImportReport:
    added: int  # events new to this log
    skipped: int  # events it already held
