"""Where a passage stands in a draft, as a lawyer cites it: 第十二条第二款第（三）项.

Drafts number their provisions as 第一条 … (rules, measures), or as 一、二、…
(notices and 若干措施, which reviewers cite as 第一条 too); items inside a
clause as （一）（二）…. A paragraph that starts no article and no item is the
next clause (款) of the article it follows. ``provision_labels`` works this out
for every paragraph of a document at once; ``clause_excerpt`` cuts a passage
out of its paragraph at clause boundaries (。；！？, or ，when the sentence is long),
never in the middle of a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_NUMBER = "一二三四五六七八九十百零〇两"
ARTICLE = re.compile(rf"^\s*第([{_CN_NUMBER}\d]+)条")
POINT = re.compile(rf"^\s*([{_CN_NUMBER}]+)、")
ITEM = re.compile(rf"^\s*[（(]([{_CN_NUMBER}\d]+)[）)]")
ITEM_INLINE = re.compile(rf"[（(]([{_CN_NUMBER}]+)[）)]")
HEADING = re.compile(rf"^\s*第[{_CN_NUMBER}\d]+[章节编]")
CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """2 → 二, 12 → 十二, 21 → 二十一 (clauses never run past 99)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Provision:
    article: str  # 第十二条
    clause: int  # 款, from 1
    item: str = ""  # （三）
    clauses: int = 1  # how many clauses the article has

    def label(self, item: str = "") -> str:
        """第十二条第二款第（三）项; the clause only where the article has more than one."""
        out = self.article
        if self.clauses > 1:
            out += f"第{cn_number(self.clause)}款"
        item = item or self.item
        if item:
            out += f"第{item}项"
        return out


def provision_labels(paragraphs: list[str]) -> list[Provision | None]:
    """The provision each paragraph belongs to (None before the first article, or for headings)."""
    out: list[Provision | None] = []
    current: dict | None = None
    members: list[list[int]] = []  # per article: indexes of its paragraphs in ``out``
    for i, text in enumerate(paragraphs):
        if not text.strip() or HEADING.match(text):
            out.append(None)
            continue
        m = ARTICLE.match(text) or POINT.match(text)
        if m:
            current = {"article": f"第{m.group(1)}条", "clause": 1}
            members.append([])
        elif current is None:
            out.append(None)
            continue
        item = ITEM.match(text)
        if not m and not item:
            current["clause"] += 1
        out.append(Provision(current["article"], current["clause"], f"（{item.group(1)}）" if item else ""))
        members[-1].append(i)
    for indexes in members:  # now that each article is complete, say how many clauses it has
        clauses = max(out[i].clause for i in indexes)
        for i in indexes:
            p = out[i]
            out[i] = Provision(p.article, p.clause, p.item, clauses)
    return out


def item_at(paragraph: str, column: int) -> str:
    """The item （三） a paragraph that lists items inline has open at ``column`` (0-based), else ''."""
    found = ""
    for m in ITEM_INLINE.finditer(paragraph, 0, max(column, 0) + 1):
        found = f"（{m.group(1)}）"
    return found


_SENTENCE_END = "。；;！？!?"
_COMMA = "，,、："


def clause_excerpt(paragraph: str, start: int, end: int, limit: int = 90) -> str:
    """The clause(s) of ``paragraph`` that hold ``start:end``, cut at clause boundaries.

    A whole sentence when it is short enough; otherwise from the comma before the
    passage to the comma after it, with “……” where text was left out.
    """
    start, end = max(0, min(start, len(paragraph))), max(0, min(end, len(paragraph)))
    left = max((paragraph.rfind(ch, 0, start) for ch in _SENTENCE_END), default=-1) + 1
    right_ends = [paragraph.find(ch, max(end, start + 1) - 1) for ch in _SENTENCE_END]
    right_ends = [r for r in right_ends if r >= 0]
    right = min(right_ends) + 1 if right_ends else len(paragraph)
    head = ARTICLE.match(paragraph, left) or POINT.match(paragraph, left) or ITEM.match(paragraph, left)
    if head and head.end() <= start:  # the provision's own number is cited in the location, not quoted
        left = head.end()
    text = paragraph[left:right].strip()
    if len(text) <= limit:
        return text
    # Too long: whole comma-separated pieces around the passage, as many as fit.
    cuts = [left] + [i + 1 for i in range(left, right) if paragraph[i] in _COMMA] + [right]
    pieces = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    first = next(k for k, (a, b) in enumerate(pieces) if b > start)
    last = next((k for k, (a, b) in enumerate(pieces) if b >= end), len(pieces) - 1)
    lo, hi = first, max(first, last)
    while True:
        grown = False
        for k in (hi + 1, lo - 1):
            if 0 <= k < len(pieces):
                a, b = pieces[min(lo, k)][0], pieces[max(hi, k)][1]
                if b - a <= limit:
                    lo, hi, grown = min(lo, k), max(hi, k), True
        if not grown:
            break
    a, b = pieces[lo][0], pieces[hi][1]
    text = paragraph[a:b].strip().rstrip(_COMMA)
    return ("……" if a > left else "") + text + ("……" if b < right else "")
