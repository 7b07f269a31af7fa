"""What the window works with, without Qt: the log, the settings, the checks.

The window calls these methods and only shows their results; everything a
user does is written to the log at once, so nothing lives only in a widget.
Slow, pure work (``check``, ``parse_stored``) may run on a worker thread; the
log methods run on the thread that opened the log (SQLite connections stay on
their thread).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.checking import CheckResult, builtin_engine, check_file, enabled_reviews
from workbench.intake import Document, load_stored
from workbench.log import ReviewLog, default_actor
from workbench.log.model import DOCUMENT_KIND_FOR_TYPE, FindingState, ReviewState
from workbench.progress import NO_PROGRESS, Progress
from workbench.rules.model import Finding
from workbench.settings import load_settings, save_settings

if TYPE_CHECKING:  # imported where used: the window shows without them (rapidfuzz, the catalogue's tables)
    from workbench.revision import ParagraphChange

RECENT_FILES_MAX = 10
DEFAULT_DUE_DAYS = 15  # a common internal deadline for a legality review; editable per review


def default_type_for(kind: str | None) -> str:
    return "enforcement" if kind == "enforcement" else "legality"


def as_finding(f: FindingState, text: str = "") -> Finding:
    """A logged finding as the engine's Finding (for catalogue and revision logic)."""
    matched = text[f.start : f.end] if text and f.end > f.start else ""
    return Finding(f.rule, f.rule_review, f.category, f.severity, f.start, f.end, f.paragraph, f.column,
                   f.excerpt, f.message, list(f.basis), matched)


@dataclass(frozen=True)
class RevisionRow:
    """One finding of the earlier draft (with how it was decided) and what became of it."""

    earlier: FindingState
    status: str  # revision.STILL_PRESENT | revision.RESOLVED
    now: FindingState | None  # the same problem in the revised draft
    same_passage: bool = False  # the same rule on the very same words


@dataclass
class Revision:
    """An earlier review of the previous version of this review's document."""

    earlier: ReviewState
    statuses: list[RevisionRow]
    changes: list[ParagraphChange]

    def proposals(self, state: ReviewState) -> dict[str, FindingState]:
        """Decisions to carry over: for each finding of ``state`` still open that recurs on the
        same words, the earlier finding whose disposition (and reason) the reviewer may confirm."""
        open_now = {f.id for f in state.findings if f.status == "open"}
        return {r.now.id: r.earlier for r in self.statuses
                if r.same_passage and r.now is not None and r.now.id in open_now and r.earlier.status != "open"}


class Workspace:
    def __init__(self, log: ReviewLog, settings: dict | None = None):
        self.log = log
        self.settings = settings if settings is not None else load_settings()

    @property
    def engine(self):
        """The engine over the built-in packs, built on first use (the window builds it in the
        background at start: its import and construction are not needed to show the window)."""
        return builtin_engine()

    # -- settings ------------------------------------------------------------

    @property
    def reviewer(self) -> str:
        return self.settings.get("reviewer") or default_actor()

    def save_settings(self) -> None:
        save_settings(self.settings)

    def remember_file(self, path: str) -> None:
        recent = [p for p in self.settings.get("recent_files", []) if p != path]
        self.settings["recent_files"] = [path, *recent][:RECENT_FILES_MAX]
        self.save_settings()

    def recent_files(self) -> list[str]:
        return [p for p in self.settings.get("recent_files", []) if Path(p).exists()]

    # -- checking (pure: safe on a worker thread) -----------------------------

    def check(self, path: str, kind: str | None = None, progress: Progress = NO_PROGRESS) -> CheckResult:
        return check_file(path, kind, engine=self.engine, reviews=enabled_reviews(self.settings), progress=progress)

    @staticmethod
    def parse_stored(file_name: str, data: bytes, kind: str | None) -> Document:
        """Re-read a draft kept in the log (the same intake, so offsets match the findings)."""
        return load_stored(file_name, data, kind)

    # -- the log (on the log's thread) ----------------------------------------

    def record(self, result: CheckResult, type_: str, *, unit: str = "", received: date | None = None,
               due: date | None = None, previous_review: str | None = None) -> str:
        previous_document = self.log.review(previous_review).document.id if previous_review else None
        received = received or date.today()
        return self.log.open_review(
            result, type_, unit=unit, reviewer=self.reviewer, received=received,
            due=due or received + timedelta(days=DEFAULT_DUE_DAYS), previous_document=previous_document,
            actor=self.reviewer,
        )

    def existing_review(self, path: str) -> str | None:
        """The latest review of a file with exactly these bytes, if the log has one."""
        try:
            sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            return None
        found = self.log.reviews_of_content(sha)
        return found[0] if found else None

    def review(self, review_id: str) -> ReviewState:
        return self.log.review(review_id)

    def stored_file(self, review_id: str) -> tuple[str, bytes] | None:
        return self.log.document_file(review_id)

    def dispose(self, review_id: str, finding_id: str, action: str, reason: str = "") -> None:
        self.log.dispose(review_id, finding_id, action, reason=reason, actor=self.reviewer)

    def add_opinion(self, review_id: str, counsel: str, text: str, *, finding_id: str | None = None,
                    passage: str = "", passage_span: tuple[int, int] | None = None) -> str:
        return self.log.add_opinion(review_id, counsel, text, finding_id=finding_id, passage=passage,
                                    passage_span=passage_span, actor=self.reviewer)

    def edit_opinion(self, opinion_id: str, text: str) -> str:
        return self.log.edit_opinion(opinion_id, text, actor=self.reviewer)

    def close_review(self, review_id: str, conclusion: str) -> None:
        self.log.close_review(review_id, conclusion, actor=self.reviewer)

    def catalogue_items(self, state: ReviewState, text: str) -> tuple[bool, list[str]]:
        """For an enforcement decision: must it be legally reviewed, and for which catalogue items."""
        from workbench.catalogue import legal_review_required

        required, matches = legal_review_required([as_finding(f, text) for f in state.findings])
        return required, [m.label for m in matches]

    def revision(self, state: ReviewState, document: Document) -> Revision | None:
        """Compare with the latest review of the previous version of this document, if any."""
        from workbench.revision import finding_status, paragraph_changes

        previous = state.document.previous_id
        if not previous:
            return None
        earlier = self.log.reviews_of_document(previous)
        if not earlier:
            return None
        earlier_state = self.log.review(earlier[0])
        stored = self.log.document_file(earlier_state.id)
        old_text = self.parse_stored(*stored, kind=document.kind.value if document.kind else None) if stored else None
        old_paragraphs = [old_text.paragraph_text(i) for i in range(len(old_text.paragraphs))] if old_text else []
        new_paragraphs = [document.paragraph_text(i) for i in range(len(document.paragraphs))]
        old_findings = [as_finding(f, old_text.text if old_text else "") for f in earlier_state.findings]
        new_findings = [as_finding(f, document.text) for f in state.findings]
        now_state = {id(engine_f): logged for engine_f, logged in zip(new_findings, state.findings)}
        rows = []
        for logged, s in zip(earlier_state.findings, finding_status(old_findings, new_findings)):
            now = now_state.get(id(s.now)) if s.now is not None else None
            # The same rule on the very same words, or (a finding about the whole draft) the same rule again.
            same = now is not None and ((bool(s.earlier.matched) and s.earlier.matched == s.now.matched)
                                        or (logged.paragraph is None and now.paragraph is None))
            rows.append(RevisionRow(logged, s.status, now, same))
        return Revision(earlier_state, rows, paragraph_changes(old_paragraphs, new_paragraphs) if old_text else [])

    def open_reviews_titled(self, title: str, exclude_sha: str = "") -> list[ReviewState]:
        """Reviews still open whose document has this title (another version may be arriving)."""
        title = (title or "").strip()
        if not title:
            return []
        out = []
        for summary in self.log.reviews(status="open"):
            if summary.title.strip() == title:
                state = self.log.review(summary.id)
                if state.document.sha256 != exclude_sha:
                    out.append(state)
        return out


def kind_for_type(type_: str) -> str:
    return DOCUMENT_KIND_FOR_TYPE[type_]
