"""Checks for the review catalogue and the amounts of an enforcement decision.

- ``catalogue_fine_threshold``: a fine at or above the catalogue's threshold for
  the party's kind (公民/个体工商户 or 法人/其他组织) — a catalogue item.
- ``catalogue_review_unrecorded`` / ``catalogue_discussion_unrecorded``: the
  decision falls under an item of the catalogue (any rule of category
  ``catalogue`` fires on it), but records no 法制审核 / no 集体讨论.
- ``amount_words_figures``: an amount written in capital numerals and in
  figures side by side (伍万元整（50,000元）) whose two forms differ.

Thresholds come from ``workbench.catalogue`` (data file plus user settings).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from workbench.catalogue import PARTY_LABELS, decided_fines, format_amount, legal_review_required, load_catalogue, party_kind
from workbench.rules.checks import CheckContext, CheckHit, register
from workbench.text.numbers import parse_amount

# Phrases by which a decision records the two steps.
LEGAL_REVIEW_RECORDS = ("法制审核", "法制审查", "合法性审核", "合法性审查", "法制机构审核", "法制科审核")
DISCUSSION_RECORDS = ("集体讨论", "集体审议", "集体研究", "案审会", "案件审查委员会", "案件审理委员会", "局务会", "局长办公会", "负责人会议")


def _large_fines(ctx: CheckContext):
    thresholds = load_catalogue().thresholds
    kind, reason = party_kind(ctx.text)
    for fine in decided_fines(ctx.text):
        if thresholds.meets(fine.amount, kind):
            yield fine, kind, reason, thresholds.for_party(kind)


def _values(fine, kind, reason, limit) -> dict:
    return {
        "amount": format_amount(fine.amount),
        "party": PARTY_LABELS.get(kind, "当事人类型不明（按公民门槛）"),
        "threshold": format_amount(limit),
        "reason": reason,
    }


@register("catalogue_fine_threshold")
def catalogue_fine_threshold(ctx: CheckContext):
    seen = set()
    for fine, kind, reason, limit in _large_fines(ctx):
        if fine.amount in seen:  # the same fine restated (大写、小写) is one item
            continue
        seen.add(fine.amount)
        yield CheckHit(fine.start, fine.end, _values(fine, kind, reason, limit))


@lru_cache(maxsize=1)
def _catalogue_engine():
    """An engine over the built-in catalogue items (rules of category ``catalogue``)."""
    from workbench.rules.engine import Engine
    from workbench.rules.compiled import load_builtin_packs

    # A broken enforcement pack is reported where the packs load; here it only means no catalogue items.
    return Engine([r for r in load_builtin_packs(("enforcement",)).rules if r.category == "catalogue"])


def catalogue_findings(ctx: CheckContext) -> list:
    """The catalogue engine's findings on the document, found once for all the checks that
    need them (``CheckContext.memo``), with the segments the document already has."""
    findings = ctx.memo.get("catalogue_findings")
    if findings is None:
        findings = ctx.memo["catalogue_findings"] = _catalogue_engine().check(ctx.document, as_of=ctx.as_of, segments=ctx.segments)
    return findings


def _norm_offset(ctx: CheckContext, orig: int) -> int:
    return ctx.document.norm.norm_offset(orig)


def _unrecorded(ctx: CheckContext, records: tuple[str, ...]):
    """One hit, at the first catalogue item, if the decision is in the catalogue but records none of ``records``."""
    if any(r in ctx.text for r in records):
        return
    findings = catalogue_findings(ctx)
    if not findings:
        return
    _, items = legal_review_required(findings)
    first = findings[0]
    s, e = _norm_offset(ctx, first.start), _norm_offset(ctx, first.end)
    yield CheckHit(s, max(e, s), {"items": "、".join(i.label for i in items), "match": first.matched})


@register("catalogue_review_unrecorded")
def catalogue_review_unrecorded(ctx: CheckContext):
    yield from _unrecorded(ctx, LEGAL_REVIEW_RECORDS)


@register("catalogue_discussion_unrecorded")
def catalogue_discussion_unrecorded(ctx: CheckContext):
    yield from _unrecorded(ctx, DISCUSSION_RECORDS)


_CAPITAL = r"(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*[壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*(?:元|圆)整?"
_FIGURE = r"[￥¥]?\s*[0-9][0-9,，]*(?:\.[0-9]{1,2})?\s*(?:万元|元)?"
_PAIR_RES = (
    re.compile(r"(?P<words>" + _CAPITAL + r")\s*（(?:小写[：:]?)?\s*(?P<figures>" + _FIGURE + r")\s*）"),
    re.compile(r"(?P<figures>" + _FIGURE + r")\s*（(?:大写[：:]?)?\s*(?P<words>" + _CAPITAL + r")\s*）"),
)


def _amount(s: str):
    s = s.replace("圆", "元").replace(" ", "")
    if s[-1:].isdigit():
        s += "元"
    return parse_amount(s)


_CAPITAL_RUN_RE = re.compile(r"[壹贰叁肆伍陆柒捌玖]")
_PAIR_REACH = 80  # an amount in words stands within this many characters of its figures


def _capital_windows(text: str):
    """Windows around amounts in capital numerals: the pair patterns run only there
    (running them over the whole text tries them at every position)."""
    windows: list[list[int]] = []
    for m in _CAPITAL_RUN_RE.finditer(text):
        lo, hi = max(0, m.start() - _PAIR_REACH), min(len(text), m.end() + _PAIR_REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return windows


@register("amount_words_figures")
def amount_words_figures(ctx: CheckContext):
    seen: set[tuple[int, int]] = set()
    for lo, hi in _capital_windows(ctx.text):
        for pattern in _PAIR_RES:
            for m in pattern.finditer(ctx.text, lo, hi):
                if m.span() in seen:
                    continue
                seen.add(m.span())
                words, figures = _amount(m.group("words")), _amount(m.group("figures"))
                if words is None or figures is None or words == figures:
                    continue
                yield CheckHit(m.start(), m.end(), {"words": m.group("words"), "figures": m.group("figures"),
                                                    "words_value": format_amount(words), "figures_value": format_amount(figures)})
