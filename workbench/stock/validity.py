"""An issued normative document's dates as its text states them: 施行日期 and 有效期.

``read_validity(doc)`` finds the effective date (自2024年1月1日起施行, 自印发之日起施行,
自印发之日起30日后施行) and the validity period (有效期五年, 有效期为3年, 有效期至2028年12月31日),
and from them the last day the document is in force. ``period_problems`` says where the
stated period breaks the limits below. What the text does not say is inferred by the
same rules and marked as inferred, so the user can see and correct it.

The limits (规范性文件有效期一般不超过5年；名称冠以“暂行”“试行”的不超过2年；未明确有效期的，
有效期为5年或2年) are read from the provisions in ``LIMITS``' basis; the text is in
shared/reference/law/normative_doc_validity_rules_excerpts.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from workbench.intake.metadata import DATE_RE, parse_date
from workbench.intake.model import Document
from workbench.text.numbers import to_int

PROVISIONAL_WORDS = ("暂行", "试行")


@dataclass(frozen=True)
class ValidityLimit:
    years: int  # longest period allowed, and the period assumed when none is stated
    basis: tuple[str, ...]


LIMITS = {
    "ordinary": ValidityLimit(5, ("《民政部规范性文件制定与审查办法》第二十三条",
                                  "《上海市行政规范性文件制定和备案规定》第二十六条")),
    "provisional": ValidityLimit(2, ("《民政部规范性文件制定与审查办法》第二十三条",
                                     "《上海市行政规范性文件制定和备案规定》第二十六条")),
}

_NUM = r"[0-9０-９]{1,3}|[一二两三四五六七八九十]{1,3}"
# 自2024年1月1日起施行 / 实施 / 执行; the date part is DATE_RE's.
_EFFECTIVE_DATE_RE = re.compile(r"自\s*(?P<when>" + DATE_RE.pattern + r")\s*起\s*(?:施行|实施|执行|生效)")
# 自印发之日起施行, 自发布之日起30日后施行, 自公布之日起实施
_EFFECTIVE_ON_ISSUE_RE = re.compile(
    r"自\s*(?:印发|发布|公布|签发|下发|发文)\s*之\s*日\s*起\s*(?:(?P<days>" + _NUM + r")\s*日\s*后\s*)?(?:施行|实施|执行|生效)"
)
_PERIOD_RE = re.compile(r"有效期\s*(?:限)?\s*(?:为|是)?\s*(?P<n>" + _NUM + r")\s*(?P<unit>年|个月)")
_UNTIL_RE = re.compile(r"有效期\s*(?:限)?\s*(?:为|是)?\s*(?:自[^，。；]{0,30}?)?至\s*(?P<until>" + DATE_RE.pattern + r")")


@dataclass(frozen=True)
class Validity:
    effective: date | None  # 施行日期
    expires: date | None  # the last day in force (None: not known)
    stated: str  # the words that state the period, or '' when the text states none
    provisional: bool  # 暂行 / 试行 in the title
    years: float | None  # the stated period in years (None: stated as an end date, or not stated)
    effective_inferred: bool = False  # no 施行 clause: taken to be the issuing date
    expires_inferred: bool = False  # no 有效期 clause: the rule's default period

    @property
    def limit(self) -> ValidityLimit:
        return LIMITS["provisional" if self.provisional else "ordinary"]


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    day = min(d.day, [31, 29 if (d.year + y) % 4 == 0 and ((d.year + y) % 100 or (d.year + y) % 400 == 0) else 28,
                      31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m])
    return date(d.year + y, m + 1, day)


def is_provisional(title: str) -> bool:
    return any(w in (title or "") for w in PROVISIONAL_WORDS)


# The document speaking of itself: 本办法自…起施行 / 本通知有效期五年.
_SELF_RE = re.compile(r"本(?:办法|规定|通知|意见|细则|实施细则|决定|方案|规则|文件|公告|通告|指南|指引|标准|制度|措施|规范|要点|规程|条例)")
_SENTENCE_START = re.compile(r"[。；！？\n][^。；！？\n]*$")


def _own_clause(text: str, pattern: re.Pattern) -> re.Match | None:
    """The clause about the document itself, not one quoted about another instrument
    (新条例（自2017年10月1日起施行）…): its sentence names the document (本办法…) before it,
    else names no other instrument (《…》); the last such clause wins, as 施行 clauses close a text."""
    own, plain = None, None
    for m in pattern.finditer(text):
        head = text[max(0, m.start() - 200): m.start()]
        cut = _SENTENCE_START.search(head)
        sentence = head[cut.start() + 1:] if cut else head
        if _SELF_RE.search(sentence):
            own = m
        elif "《" not in sentence and "（" not in sentence[-3:]:
            plain = m
    return own or plain


def read_validity(doc: Document, issued: date | None = None, title: str | None = None) -> Validity:
    """The dates the text states; ``issued`` and ``title`` default to what intake read."""
    text = doc.norm.text
    issued = issued or doc.date
    title = doc.title if title is None else title
    provisional = is_provisional(title)
    effective, effective_inferred = None, False
    clause = _own_clause(text, _EFFECTIVE_DATE_RE)
    if clause:
        effective = parse_date(clause.group("when"))
    if effective is None:
        clause = _own_clause(text, _EFFECTIVE_ON_ISSUE_RE)
        if clause and issued:
            days = to_int(clause.group("days")) if clause.group("days") else 0
            effective = issued + timedelta(days=days or 0)
    if effective is None and issued:
        effective, effective_inferred = issued, True

    stated, years, expires, expires_inferred = "", None, None, False
    until = _own_clause(text, _UNTIL_RE)
    period = _own_clause(text, _PERIOD_RE)
    if until:
        stated = until.group(0)
        expires = parse_date(until.group("until"))
    elif period:
        stated = period.group(0)
        n = to_int(period.group("n"))
        if n:
            if period.group("unit") == "年":
                years = float(n)
                expires = add_years(effective, n) - timedelta(days=1) if effective else None
            else:
                years = n / 12
                expires = add_months(effective, n) - timedelta(days=1) if effective else None
    if not stated and effective:
        limit = LIMITS["provisional" if provisional else "ordinary"]
        expires, expires_inferred = add_years(effective, limit.years) - timedelta(days=1), True
    if until and effective and expires:
        years = round((expires - effective).days / 365.25, 2)
    return Validity(effective, expires, stated, provisional, years, effective_inferred, expires_inferred)


def period_problems(v: Validity) -> list[str]:
    """Where the period breaks the limits, in words for the 清理 reasons ('' none)."""
    out = []
    limit = v.limit
    kind = "名称冠以“暂行”“试行”的规范性文件" if v.provisional else "规范性文件"
    basis = "、".join(limit.basis)
    if v.stated and v.years is not None and v.years > limit.years + 0.01:
        shown = f"{v.years:g}年" if v.years == int(v.years) else f"约{v.years:.1f}年"
        out.append(f"有效期（{v.stated}，{shown}）超过{kind}不超过{limit.years}年的规定（{basis}）")
    if not v.stated:
        out.append(f"未载明有效期，按{kind}{limit.years}年推定（{basis}）")
    return out
