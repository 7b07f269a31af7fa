"""Context guards: when a match is the correct way to write a rule, not a breach.

- ``citation``: the match stands inside a title 《…》, so it names a law.
- ``prohibition``: the match is governed by 不得/禁止/严禁/不准/不应… in its
  clause (不得指定交易), or it is an item of a list introduced by a
  prohibition (不得有下列行为：（一）限定……). A prohibition addressed to a
  market party (企业不得在外地设立分支机构) is itself a restriction and does
  not guard.
- ``restating``: the sentence grounds the matter in law (依法、依照《…》的
  规定、按照法律法规规定), so it restates a power rather than creating one.

All work on the normalised text; positions are normalised offsets.
"""

from __future__ import annotations

import re

from workbench.text.segment import Segments

PROHIBITION_WORDS = ("不得", "禁止", "严禁", "不准", "不应", "不能", "不许", "不可", "杜绝", "防止", "避免", "不允许", "不应当", "无权", "取消", "清理", "废止")
_PROHIBITION_RE = re.compile("|".join(sorted(PROHIBITION_WORDS, key=len, reverse=True)))
# The prohibition must govern the match: at most this many characters between.
_PROHIBITION_REACH = 16
# A prohibition whose subject is a market party restricts that party.
_MARKET_PARTY_RE = re.compile(r"(企业|经营者|申请人|投标人|供应商|当事人|公司|个人|市场主体|商户|单位)(均|一律|也|都|仍)?$")
_RESTATING_RE = re.compile(
    r"依法|依照|依据《|根据《|按照《|按照法律|按照有关法律|按照国家|按照相关法律|法律、法规规定|法律法规规定|法律、行政法规规定|法律、法规、规章规定|按规定|按照规定|符合法定"
)
_LIST_ITEM_RE = re.compile(r"^\s*(（[一二三四五六七八九十百\d]+）|[一二三四五六七八九十]+、|\d+[.、．]|（\d+）|\d+）|[①-⑳])")
_LIST_LEAD_REACH = 3000


def inside_title(text: str, start: int, end: int) -> bool:
    """Is ``[start, end)`` inside 《…》 of the same line?"""
    line_start = text.rfind("\n", 0, start) + 1
    opened = text.rfind("《", line_start, start)
    if opened < 0 or text.rfind("》", line_start, start) > opened:
        return False
    close = text.find("》", end)
    nl = text.find("\n", end)
    return close >= 0 and (nl < 0 or close < nl)


def _prohibition_before(fragment: str):
    """The last prohibition word in ``fragment`` unless it binds a market party."""
    found = None
    for m in _PROHIBITION_RE.finditer(fragment):
        found = m
    if found is None or _MARKET_PARTY_RE.search(fragment[: found.start()]):
        return None
    return found


def _governed_by_prohibition(text: str, clause_start: int, start: int) -> bool:
    before = text[clause_start:start]
    found = _prohibition_before(before)
    return found is not None and len(before) - found.end() <= _PROHIBITION_REACH


def _in_prohibited_list(text: str, seg: Segments, start: int) -> bool:
    """Is ``start`` in an item of a list whose lead-in (ending in ：) prohibits?"""
    colon = text.rfind("：", max(0, start - _LIST_LEAD_REACH), start)
    if colon < 0:
        return False
    _, lead_start, _ = seg.unit("sentence", colon)
    if _prohibition_before(text[lead_start:colon]) is None:
        return False
    # Either the items follow on the same line (……：（一）……；（二）……) with no
    # full stop before the match, or every line in between is a list item.
    between = text[colon + 1 : start]
    lines = between.split("\n")
    if len(lines) == 1:
        return "。" not in between
    return all(not line.strip() or _LIST_ITEM_RE.match(line) for line in lines[1:])


def prohibited(text: str, seg: Segments, start: int) -> bool:
    _, clause_start, _ = seg.unit("clause", start)
    return _governed_by_prohibition(text, clause_start, start) or _in_prohibited_list(text, seg, start)


def restating(text: str, seg: Segments, start: int) -> bool:
    _, s, e = seg.unit("sentence", start)
    return _RESTATING_RE.search(text, s, e) is not None


def guarded(guards: tuple[str, ...], text: str, seg: Segments, start: int, end: int) -> str | None:
    """The name of the first guard that suppresses the match, or None."""
    for guard in guards:
        if guard == "citation" and inside_title(text, start, end):
            return guard
        if guard == "prohibition" and prohibited(text, seg, start):
            return guard
        if guard == "restating" and restating(text, seg, start):
            return guard
    return None
