"""What each Word comment of the annotated draft says, and where it goes (no .docx here).

One note per adopted finding (problem, legal basis, the decision, who and
when from the log) and one per counsel opinion (the counsel's text, anchored
on its finding's passage, its own passage, or the whole document). Dismissed
findings come only when asked for, with the reason. Offsets are checked
against the text the finding matched, so a draft read a little differently
by a newer intake still gets its comments in the right place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from workbench.annotate.titles import TitleFix, title_fix
from workbench.intake import Document
from workbench.laws.registry import Registry
from workbench.log.model import FindingState, OpinionState, ReviewState
from workbench.rules.model import SEVERITY_LABELS

# How a comment of ours begins; read back from a returned draft (``workbench.annotate.replies``).
FINDING_HEAD_RE = re.compile(r"^(F\d+)（")
OPINION_HEAD = "法律顾问意见（"


@dataclass(frozen=True)
class Note:
    key: str  # F3 (a finding) or O1, O2 … (opinions in the order written)
    start: int  # offsets in Document.text; start == end: the whole document
    end: int
    text: str  # paragraphs separated by \n
    author: str
    at: datetime  # from the log (UTC)
    fix: TitleFix | None = None  # a certain textual fix, offered as a tracked change

    @property
    def initials(self) -> str:
        return self.author[:1]


@dataclass(frozen=True)
class Plan:
    notes: list[Note]
    open_findings: int  # not yet decided: not in the file
    dismissed_left_out: int
    moved: list[str]  # keys whose passage was found elsewhere than the logged offsets (or not at all)


def _when(iso: str) -> datetime:
    try:
        value = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return datetime.now(timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _nearest(text: str, needle: str, around: int) -> int | None:
    best, k = None, text.find(needle)
    while k >= 0:
        if best is None or abs(k - around) < abs(best - around):
            best = k
        k = text.find(needle, k + 1)
    return best


def finding_span(doc: Document, f: FindingState) -> tuple[int, int] | None:
    """Where the finding is in ``doc`` (None: the logged passage is not in this text)."""
    if f.paragraph is None or f.end <= f.start:
        return (0, 0)
    if not f.matched or doc.text[f.start : f.end] == f.matched:
        return (f.start, f.end) if f.end <= len(doc.text) else None
    k = _nearest(doc.text, f.matched, f.start)
    return (k, k + len(f.matched)) if k is not None else None


def opinion_span(doc: Document, o: OpinionState, findings: dict[str, tuple[int, int] | None]) -> tuple[int, int] | None:
    if o.finding_id:
        return findings.get(o.finding_id)
    passage = o.passage.strip()
    if not passage:
        return (0, 0)
    if o.passage_start is not None and o.passage_end is not None:
        raw = doc.text[o.passage_start : o.passage_end]
        if raw.strip() == passage:
            k = o.passage_start + raw.index(passage)
            return (k, k + len(passage))
    k = _nearest(doc.text, passage, o.passage_start or 0)
    return (k, k + len(passage)) if k is not None else None


def _finding_text(f: FindingState, fix: TitleFix | None) -> str:
    lines = [f"{f.label}（{SEVERITY_LABELS.get(f.severity, f.severity)}）{f.message}"]
    if f.basis:
        lines.append("法律依据：" + "；".join(f.basis))
    if f.status == "dismissed":
        lines.append(f"审查意见：不采纳。理由：{f.reason}")
    else:
        lines.append("审查意见：采纳。")
    if fix is not None:
        lines.append(f"已以修订方式将《{fix.old}》改为《{fix.new}》，可在“审阅”中接受或拒绝。")
        if fix.successor_articles:
            lines.append("条文序号未改动，可能对应的条文：" + "；".join(fix.successor_articles) + "。请核对后修改。")
        else:
            lines.append(f"条文序号未改动，请对照《{fix.new}》核对相应条文。")
    return "\n".join(lines)


def _opinion_text(o: OpinionState, finding: FindingState | None) -> str:
    lines = [f"{OPINION_HEAD}{o.counsel}）：{o.text}"]
    if finding is not None:
        lines.append(f"针对 {finding.label}：{finding.message}")
    elif o.passage:
        lines.append(f"针对：“{o.passage}”")
    else:
        lines.append("针对：全文")
    return "\n".join(lines)


def plan_notes(state: ReviewState, doc: Document, *, registry: Registry, as_of: date,
               include_dismissed: bool = False, tracked_changes: bool = True) -> Plan:
    """The comments of ``state`` on ``doc`` (the draft as received), in document order."""
    notes: list[Note] = []
    moved: list[str] = []
    spans: dict[str, tuple[int, int] | None] = {}
    open_count = dismissed = 0
    for f in state.findings:
        span = spans[f.id] = finding_span(doc, f)
        if f.status == "open":
            open_count += 1
            continue
        if f.status == "dismissed" and not include_dismissed:
            dismissed += 1
            continue
        if span is None or span != (f.start, f.end) and f.paragraph is not None:
            moved.append(f.label)
        start, end = span or (0, 0)
        fix = None
        if tracked_changes and f.status == "accepted" and f.rule_review == "citation" and f.category == "repealed" and end > start:
            fix = title_fix(doc, start, registry, as_of)
        notes.append(Note(f.label, start, end, _finding_text(f, fix), f.disposed_by or state.reviewer,
                          _when(f.disposed_at), fix))
    by_id = {f.id: f for f in state.findings}
    for n, o in enumerate(state.opinions, 1):
        span = opinion_span(doc, o, spans)
        key = f"O{n}"
        if span is None:
            moved.append(key)
        start, end = span or (0, 0)
        notes.append(Note(key, start, end, _opinion_text(o, by_id.get(o.finding_id or "")), o.counsel, _when(o.at)))
    notes.sort(key=lambda note: (note.start, note.end, note.key[0] != "F"))
    return Plan(notes, open_count, dismissed, moved)
