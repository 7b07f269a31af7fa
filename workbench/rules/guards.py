"""Context guards: when a match is the correct way to write a rule, not a breach.

- ``citation``: the match stands inside a title 《…》, so it names a law, or
  inside the quoted text of a provision (第三十一条规定：“……处……罚款”), so it
  quotes the law rather than deciding or prescribing anything itself.
- ``prohibition``: the match is governed by 不得/禁止/严禁/不准/不应… in its
  clause (不得指定交易), or it is an item of a list introduced by a
  prohibition (不得有下列行为：（一）限定……). A prohibition addressed to a
  market party (企业不得在外地设立分支机构) is itself a restriction and does
  not guard. A prohibition on content (不得含有、不得设置……) reaches over its
  whole clause, and a prohibiting list lead (不得含有下列……的内容：) over its
  whole sentence. A ``together`` match spanning several clauses is guarded also
  when one of its later terms is governed in its own clause (为保护环境，不得限定……).
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


def _opened_on_line(text: str, start: int, opener: str, closer: str) -> tuple[int, int]:
    """(line start, position of ``opener``) if an ``opener`` before ``start`` on its
    line is not closed before ``start``; the position is -1 otherwise."""
    line_start = text.rfind("\n", 0, start) + 1
    opened = text.rfind(opener, line_start, start)
    if opened >= 0 and text.rfind(closer, line_start, start) > opened:
        opened = -1
    return line_start, opened


def inside_title(text: str, start: int, end: int) -> bool:
    """Is ``[start, end)`` inside 《…》 of the same line?"""
    _, opened = _opened_on_line(text, start, "《", "》")
    if opened < 0:
        return False
    close = text.find("》", end)
    nl = text.find("\n", end)
    return close >= 0 and (nl < 0 or close < nl)


# What stands just before “ when the quotation is a provision of law.
_PROVISION_LEAD_RE = re.compile(r"(?:第[一二三四五六七八九十百千零〇\d]+(?:条|款|项)|(?:该|本|此)(?:条|款|项)|[（(][一二三四五六七八九十\d]+[）)]|规定|》)[^“”\n]{0,8}$")
_PROVISION_LEAD_REACH = 24


def inside_quoted_provision(text: str, start: int, end: int) -> bool:
    """Is ``[start, end)`` inside “…” that quotes a provision (第×条规定：“……”)?"""
    line_start, opened = _opened_on_line(text, start, "“", "”")
    if opened < 0:
        return False
    if not _PROVISION_LEAD_RE.search(text, max(line_start, opened - _PROVISION_LEAD_REACH), opened):
        return False
    return True  # closed later on the line, or cut off: either way it quotes


# What a prohibition forbids when it forbids restricting others (不得限制、不得
# 要求……): such a prohibition is the correct way to write a rule whoever its
# subject is (任何单位不得限制外地商品……).
_RESTRICTING_VERB_RE = re.compile(
    r"(?:以任何(?:理由|形式|方式)|以任何理由和形式|变相|擅自|违法|违规|随意|再)?(?:限制|限定|指定|排斥|阻碍|阻止|强制|歧视|妨碍|设置障碍)"
)


def _prohibition_before(fragment: str, extended: str | None = None):
    """The last prohibition word in ``fragment`` unless it binds a market party.

    ``extended`` is ``fragment`` followed by the text after it, to read what
    the prohibition forbids when that is the match itself.
    """
    found = None
    for m in _PROHIBITION_RE.finditer(fragment):
        found = m
    if found is None:
        return None
    if _MARKET_PARTY_RE.search(fragment[: found.start()]) and not _RESTRICTING_VERB_RE.match(extended or fragment, found.end()):
        return None
    return found


# A prohibition on what a text may contain (不得含有、不得设置……) governs its
# whole clause, however long the description of the forbidden content.
_CONTENT_PROHIBITION_RE = re.compile(r"(?:不得|禁止|严禁|不应|不准)(?:含有|包含|出现|存在|设置|设定|规定|作出|制定|附加|违法|违规)")
# 不得含有下列……的内容：a list lead that prohibits governs its whole sentence.
_LIST_LEAD_PROHIBITION_RE = re.compile(r"(?:不得|禁止|严禁|不应|不准)[^。；\n]{0,12}下列")


def _governed_by_prohibition(text: str, clause_start: int, start: int) -> bool:
    before = text[clause_start:start]
    found = _prohibition_before(before, text[clause_start : start + 12])
    if found is None:
        return False
    if len(before) - found.end() <= _PROHIBITION_REACH:
        return True
    return _CONTENT_PROHIBITION_RE.match(before, found.start()) is not None


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


def prohibited(text: str, seg: Segments, start: int, terms: tuple[int, ...] = ()) -> bool:
    """Is the match at ``start`` governed by a prohibition?

    ``terms`` are where the match's other terms start (a ``together`` match
    may run over several clauses): a term in a later clause that is itself
    governed guards the match too (为保护环境，不得限定……).
    """
    clause, clause_start, _ = seg.unit("clause", start)
    if _governed_by_prohibition(text, clause_start, start) or _in_prohibited_list(text, seg, start):
        return True
    _, sentence_start, _ = seg.unit("sentence", start)
    lead = _LIST_LEAD_PROHIBITION_RE.search(text, sentence_start, start)
    if lead and _prohibition_before(text[sentence_start : lead.end()]) is not None:
        return True
    for pos in terms:
        other, other_start, _ = seg.unit("clause", pos)
        if other != clause and _governed_by_prohibition(text, other_start, pos):
            return True
    return False


def restating(text: str, seg: Segments, start: int) -> bool:
    _, s, e = seg.unit("sentence", start)
    return _RESTATING_RE.search(text, s, e) is not None


def guarded(guards: tuple[str, ...], text: str, seg: Segments, start: int, end: int, terms: tuple[int, ...] = ()) -> str | None:
    """The name of the first guard that suppresses the match, or None.

    ``terms``: start offsets of the terms of a ``together`` match (see ``prohibited``).
    """
    for guard in guards:
        if guard == "citation" and (inside_title(text, start, end) or inside_quoted_provision(text, start, end)):
            return guard
        if guard == "prohibition" and prohibited(text, seg, start, terms):
            return guard
        if guard == "restating" and restating(text, seg, start):
            return guard
    return None
