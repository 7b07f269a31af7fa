"""Fines in a decision and the range of the article it cites.

``find_fines(text)`` reads the amounts a decision imposes (罚款人民币伍万元整,
处10万元罚款, 罚款人民币:19000.00元, ￥250,000.00, 1.5万元 …), skipping ranges
(十万元以上一百万元以下), amounts inside quoted article text (“…”), and
amounts that are not fines. ``check_fine`` compares one amount with the ranges
of the article cited as the basis, honouring tiers (情节严重 …), per-unit
fines (每辆五千元) and a stated ground for 减轻处罚.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from workbench.laws.citations import ArticleRef
from workbench.laws.model import FineRange
from workbench.text.numbers import CHINESE_NUMERAL_CHARS, parse_amount

_NUMCH = CHINESE_NUMERAL_CHARS + "两"
AMOUNT_RE = re.compile(
    rf"(?:(?:人民币|[￥¥])[:：]?)?(?P<num>\d[\d,]*(?:\.\d+)?|[{_NUMCH}]+)(?P<unit>万元|元|圆)(?P<zheng>整|正)?"
    rf"|[￥¥](?P<num2>\d[\d,]*(?:\.\d+)?)"
)
_RANGE_AFTER = re.compile(r"^(?:以上|以下|至|到|-|－|~|～|/)")
_FINE_BEFORE = re.compile(r"罚款|罚金")
_NOT_FINE_BEFORE = re.compile(r"大写[:：]?$|违法所得[^，。；]*$|货值[^，。；]*$|投资[^，。；]*$|费用[^，。；]*$")
_QUOTE_RE = re.compile(r"“[^”\n]*”|「[^」\n]*」")
_MITIGATION_RE = re.compile(r"减轻处罚|减轻行政处罚|予以减轻|减轻罚款|减轻.{0,4}处罚")
# A tier's condition and the words that show it applies to this decision.
WHEN_EVIDENCE = {
    "拒不改正": ("拒不改正", "拒不执行", "逾期未改正", "逾期不改正", "拒不停止"),
    "工业噪声": ("工业噪声", "噪声"),
    "直接负责的主管人员": ("直接负责的主管人员", "直接责任人员", "法定代表人", "主要负责人"),
    "生态环境影响报告书": ("报告书",),
    "生态环境影响报告表": ("报告表",),
}


@dataclass(frozen=True)
class FineAmount:
    start: int
    end: int
    amount: Decimal


def unquoted(text: str) -> str:
    """``text`` with quoted passages (the article text a decision quotes) blanked out."""
    return _QUOTE_RE.sub(lambda m: " " * len(m.group(0)), text)


def _value(num: str, unit: str | None) -> Decimal | None:
    unit = "元" if unit in (None, "圆") else unit
    return parse_amount(num.replace(",", "") + unit)


_WINDOW = 40  # an imposed amount stands within this many characters of 罚款
_NUM_CHARS = set("0123456789,.") | set(_NUMCH)


def _windows(plain: str):
    """Merged spans around each 罚款/罚金 (the regex runs only there: 1 MB in milliseconds)."""
    spans: list[list[int]] = []
    for word in ("罚款", "罚金"):
        k = plain.find(word)
        while k >= 0:
            spans.append([max(0, k - _WINDOW), min(len(plain), k + len(word) + _WINDOW)])
            k = plain.find(word, k + 1)
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in merged:
        while a > 0 and plain[a - 1] in _NUM_CHARS:  # never start inside a number
            a -= 1
        yield a, b


@lru_cache(maxsize=16)
def find_fines(text: str) -> tuple[FineAmount, ...]:
    """Amounts imposed as fines in ``text`` (normalised), outside quotations."""
    if "罚" not in text:
        return ()
    plain = unquoted(text)
    out = []
    for lo, hi in _windows(plain):
        for m in AMOUNT_RE.finditer(plain, lo, hi):
            if out and m.start() < out[-1].end:
                continue
            num = m.group("num") or m.group("num2")
            if _RANGE_AFTER.match(plain, m.end()):
                continue
            before = plain[max(0, m.start() - 12): m.start()]
            after = plain[m.end(): m.end() + 4]
            if _NOT_FINE_BEFORE.search(before):
                continue
            if not (_FINE_BEFORE.search(before) or "罚款" in after):
                continue
            value = _value(num, m.group("unit"))
            if value is None or value <= 0:
                continue
            out.append(FineAmount(m.start(), m.end(), value))
    return tuple(out)


def ranges_for(rows: list[FineRange], ref: ArticleRef) -> list[FineRange] | None:
    """The rows that govern ``ref`` (its 款 and 项); None when a relative fine applies or nothing is known."""
    chosen = rows
    if ref.paragraph:
        chosen = [r for r in chosen if r.paragraph == ref.paragraph]
    if ref.item:
        chosen = [r for r in chosen if (r.items and ref.item in r.items)
                  or (not r.items and (ref.paragraph or r.paragraph in (None, 1)))]
    if not chosen or any(r.relative for r in chosen):
        return None
    return chosen


def tier_applies(row: FineRange, plain: str) -> bool:
    if row.when is None:
        return True
    return any(w in plain for w in WHEN_EVIDENCE.get(row.when, (row.when,)))


def fits(amount: Decimal, rows: list[FineRange], plain: str, mitigated: bool) -> bool:
    """Is ``amount`` within a tier that applies (or below the floor with a ground for 减轻处罚)?"""
    for row in rows:
        if not tier_applies(row, plain):
            continue
        if row.per_unit:
            if amount % row.per_unit == 0:
                return True
            continue
        if row.min <= amount <= row.max:
            return True
        if mitigated and amount < row.min:
            return True
    return False


def mitigation_stated(plain: str) -> bool:
    return _MITIGATION_RE.search(plain) is not None


def describe(rows: list[FineRange]) -> str:
    """一十万元以上一百万元以下；情节严重的，… as a short text for the message."""
    parts = []
    for row in rows:
        if row.per_unit:
            s = f"每辆（件）{yuan(row.per_unit)}"
        elif row.min:
            s = f"{yuan(row.min)}以上{yuan(row.max)}以下"
        else:
            s = f"{yuan(row.max)}以下"
        if row.when:
            s = f"{row.when}的，{s}"
        if s not in parts:
            parts.append(s)
    return "；".join(parts)


def yuan(value) -> str:
    v = Decimal(value)
    if v >= 10000 and v % 100 == 0:
        w = v / 10000
        return f"{w.normalize():f}万元"
    return f"{v.normalize():f}元"
