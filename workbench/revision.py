"""Compare a revised draft with the version reviewed before (no Qt).

When a drafting section sends back a revised draft, the reviewer wants to know
for each earlier finding whether it is resolved or still present, and what text
changed. A finding is "still present" when the same rule fires again on the
same words (or, failing that, on a very similar passage); otherwise it is
resolved. Text changes are computed per paragraph with difflib.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.rules.model import Finding

STILL_PRESENT, RESOLVED = "still_present", "resolved"
STATUS_LABELS = {STILL_PRESENT: "仍存在", RESOLVED: "已解决"}
_SIMILAR_EXCERPT = 80  # rapidfuzz ratio above which two excerpts are the same passage


@dataclass(frozen=True)
class FindingStatus:
    earlier: Finding
    status: str  # STILL_PRESENT | RESOLVED
    now: Finding | None  # the matching finding in the revised draft


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # "added" | "removed" | "changed"
    old: str
    new: str


def finding_status(earlier: list[Finding], now: list[Finding]) -> list[FindingStatus]:
    """Status of each earlier finding in the revised draft's findings."""
    by_rule: dict[str, list[Finding]] = {}
    for f in now:
        by_rule.setdefault(f.rule, []).append(f)
    used: set[int] = set()
    out = []
    for old in earlier:
        candidates = [f for f in by_rule.get(old.rule, []) if id(f) not in used]
        match = next((f for f in candidates if f.matched == old.matched and f.matched), None)
        if match is None and candidates:
            if old.paragraph is None:  # a whole-document finding: same rule is the same problem
                match = candidates[0]
            else:
                best = max(candidates, key=lambda f: fuzz.ratio(f.excerpt, old.excerpt))
                if fuzz.ratio(best.excerpt, old.excerpt) >= _SIMILAR_EXCERPT:
                    match = best
        if match is not None:
            used.add(id(match))
        out.append(FindingStatus(old, STILL_PRESENT if match else RESOLVED, match))
    return out


def paragraph_changes(old_paragraphs: list[str], new_paragraphs: list[str]) -> list[ParagraphChange]:
    """Paragraphs added, removed or changed between two versions (blank lines ignored)."""
    old = [p for p in old_paragraphs if p.strip()]
    new = [p for p in new_paragraphs if p.strip()]
    changes: list[ParagraphChange] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        olds, news = old[i1:i2], new[j1:j2]
        paired = min(len(olds), len(news)) if tag == "replace" else 0
        for k in range(paired):
            changes.append(ParagraphChange("changed", olds[k], news[k]))
        changes += [ParagraphChange("removed", p, "") for p in olds[paired:]]
        changes += [ParagraphChange("added", "", p) for p in news[paired:]]
    return changes
