"""Rules and findings as plain data (no Qt, no I/O).

A rule is loaded from a YAML pack by ``workbench.rules.loader`` and run by
``workbench.rules.engine``. The sets below are closed: the loader refuses any
other value, so a typo in a pack is an error with a line number, not a rule
that silently never fires.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.errors import RuleFileError

REVIEWS = ("legality", "fair_competition", "enforcement", "citation")
REVIEW_LABELS = {"legality": "合法性审核", "fair_competition": "公平竞争审查", "enforcement": "法制审核", "citation": "引用核查"}
SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "错误", "warning": "警示", "info": "提示"}

CATEGORIES: dict[str, dict[str, str]] = {
    "legality": {
        "creates_power": "违法设定许可、处罚、强制、征收或收费",
        "rights_obligations": "减损权利或增加义务",
        "organ_power": "增加本机关权力或减少法定职责",
        "issuer": "制定主体",
        "procedure": "制定程序与文件要素",
        "content": "内容合法性",
    },
    "fair_competition": {
        "market_entry_exit": "市场准入和退出",
        "free_movement": "商品和要素自由流动",
        "production_cost": "影响生产经营成本",
        "business_conduct": "影响生产经营行为",
    },
    "enforcement": {
        "catalogue": "重大执法决定法制审核目录",
        "required_element": "决定书必备要素",
        "procedure": "执法程序",
        "consistency": "前后一致",
    },
    "citation": {
        "repealed": "引用已废止的法律文件",
        "amended": "引用已修改的法律文件",
        "not_yet_in_force": "引用尚未施行的法律文件",
        "unknown_law": "引用的法律文件名称有误",
        "no_such_article": "引用的条文不存在",
        "fine_out_of_range": "罚款超出法定幅度",
    },
}

DOCUMENT_KINDS = ("normative", "enforcement")
# Which kind of document each review reads unless a pack or rule says otherwise.
DEFAULT_APPLIES_TO = {
    "legality": ("normative",),
    "fair_competition": ("normative",),
    "enforcement": ("enforcement",),
    "citation": ("normative", "enforcement"),
}

GUARDS = ("citation", "prohibition", "restating", "alike", "negated", "welfare", "exception", "enacting")
# Added by the loader to fair-competition rules that keep ``prohibition`` (see workbench.rules.guards).
FAIR_COMPETITION_GUARDS = ("alike", "negated", "welfare", "exception", "enacting")
DEFAULT_GUARDS = ("citation", "prohibition")
SCOPES = ("clause", "sentence", "paragraph")


@dataclass(frozen=True)
class Basis:
    law: str  # the title without 《》, e.g. 公平竞争审查条例
    article: str  # e.g. 第八条第（三）项
    applies_to: tuple[str, ...] = ()  # document kinds this basis is cited for; () = every kind

    def __str__(self) -> str:
        return f"《{self.law}》{self.article}"

    def cited_for(self, kind: str | None) -> bool:
        return not self.applies_to or kind is None or kind in self.applies_to


@dataclass(frozen=True)
class Example:
    text: str
    kind: str | None = None  # document kind for this example; default: the rule's first
    as_of: date | None = None
    line: int = 0  # where it stands in its file, for failure messages


@dataclass(frozen=True)
class Matcher:
    """How a rule finds text. Exactly one of any/together/regex/fuzzy/absent/check/frame is used."""

    any: tuple[str, ...] = ()
    together: tuple[tuple[str, ...], ...] = ()
    regex: str | None = None
    fuzzy: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    absent_regex: str | None = None
    when: tuple[str, ...] = ()  # absent only: check only if one of these occurs
    within: str = "sentence"  # together/regex/fuzzy scope
    near: int | None = None  # together: most characters between the first and last term
    word: bool = False  # terms must be whole words (jieba) in their sentence
    exclude: tuple[str, ...] = ()  # a hit inside one of these phrases is not a hit
    anchors: tuple[str, ...] = ()  # regex/fuzzy: literal pieces that select candidate text
    threshold: float = 85.0  # fuzzy: rapidfuzz partial_ratio needed
    check: str | None = None  # name of a code check (workbench.rules.checks) that finds the spans
    frame: str | None = None  # a regex over the shadow text with {class} words (workbench.rules.lexicon)
    unless: str | None = None  # frame: no finding in a unit where this (also with {class}) matches

    @property
    def kind(self) -> str:
        if self.check:
            return "check"
        if self.frame:
            return "frame"
        if self.together:
            return "together"
        if self.regex:
            return "regex"
        if self.fuzzy:
            return "fuzzy"
        if self.absent or self.absent_regex:
            return "absent"
        return "any"


@dataclass(frozen=True)
class Rule:
    id: str
    review: str
    category: str
    severity: str
    message: str
    basis: tuple[Basis, ...]
    match: Matcher
    guards: tuple[str, ...] = DEFAULT_GUARDS
    applies_to: tuple[str, ...] = ()
    applies_from: date | None = None  # only for documents dated (or checked as of) on/after
    applies_until: date | None = None  # only for documents dated before
    trigger_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    source: str = ""  # file the rule came from
    line: int = 0  # line of its id
    # Reported only in a sentence where no other rule of its review found
    # anything (a resemblance to a published case where no frame spoke).
    fallback: bool = False

    def applies_on(self, as_of: date | None) -> bool:
        if as_of is None:
            return self.applies_from is None
        if self.applies_from and as_of < self.applies_from:
            return False
        if self.applies_until and as_of >= self.applies_until:
            return False
        return True


@dataclass
class Finding:
    rule: str
    review: str
    category: str
    severity: str
    start: int  # offsets into Document.text; 0/0 for a whole-document finding
    end: int
    paragraph: int | None  # 1-based; None for a whole-document finding
    column: int | None
    excerpt: str
    message: str
    basis: list[str] = field(default_factory=list)
    matched: str = ""  # the text that matched, as it stands in the original
    # The closest published case (workbench.rules.caselib.Resemblance.to_json),
    # for fair-competition findings.
    related_case: dict | None = None

    def to_json(self) -> dict:
        out = {
            "rule": self.rule,
            "review": self.review,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "column": self.column,
            "excerpt": self.excerpt,
            "message": self.message,
            "basis": list(self.basis),
        }
        if self.related_case:
            out["related_case"] = dict(self.related_case)
        return out


@dataclass(frozen=True)
class RuleSet:
    """The rules that loaded, and the packs that did not (review → the error in its files).

    Here, not in the loader, so that a start reading it from the compiled cache
    does not import the YAML loader."""

    rules: list[Rule]
    broken: dict[str, RuleFileError] = field(default_factory=dict)
