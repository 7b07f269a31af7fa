"""Citation checks against the law registry (``workbench.laws``).

Each check reads the citations of the document once (cached) and judges them
as of ``ctx.as_of`` (the --as-of date, else the document's date, else today):

- ``citation_repealed_by_code``: a law the 生态环境法典 repealed (第一千二百四十二条),
  with the 法典 article that now governs each cited article where recorded;
- ``citation_repealed``: any other repealed law, with its successor and date;
- ``citation_amended``: a citation naming a version (（2017年修正）) amended since;
- ``citation_not_yet_in_force``: a law cited before the day it takes effect;
- ``citation_unknown_law``: a title not in the registry that is close to one
  that is (是否指《…》), or a 中华人民共和国…法 the registry does not know;
- ``citation_no_such_article``: an article number beyond the law's last article.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from workbench.laws.citations import Citation, cn, find_citations
from workbench.laws.registry import PRC, Registry, default_registry, title_key, title_kind
from workbench.rules.checks import CheckContext, CheckHit, register

CODE_TITLE = "中华人民共和国生态环境法典"
# A local regulation or rule (天津市大气污染防治条例): not in the national registry, not an error.
_LOCAL_RE = re.compile(r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|自治州|县|特别行政区)")


def cn_date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _citations(ctx: CheckContext) -> tuple[Citation, ...]:
    return find_citations(ctx.text) if "《" in ctx.text else ()


@lru_cache(maxsize=4096)
def _verdict(registry: Registry, title: str, as_of: date):
    return registry.verdict(title, as_of)


def _repeal_detail(registry: Registry, c: Citation, verdict) -> str:
    ev = verdict.event
    when = f"已于{cn_date(ev.on)}" if ev.on else "已"
    by = f"被《{ev.by}》{('（' + ev.article + '）') if ev.article else ''}废止" if ev.by else "废止"
    detail = when + by + ("" if ev.on else "（废止日期未载）")
    moves = []
    for ref in c.refs:
        for m in registry.replacement(verdict.entry, ref.article, ref.item):
            short = "法典" if m.to_law == CODE_TITLE else f"《{m.to_law}》"
            line = f"{ref.label()}现为{short}{m.to_article}"
            if line not in moves:
                moves.append(line)
    if moves:
        detail += "；" + "，".join(moves) + f"（请改引《{ev.by}》相应条文）" if ev.by else ""
    elif ev.by:
        detail += f"，请改引《{ev.by}》相应条文"
    if ev.note:
        detail += "。" + ev.note.rstrip("。")
    return detail


def _undated_note(ctx: CheckContext) -> str:
    """Say so when the document has no date and the law was read as of today."""
    if ctx.document.date is None and ctx.as_of == date.today():
        return f"（文件未载明日期，按{cn_date(ctx.as_of)}核查；可用 --as-of 指定日期）"
    return ""


def _repealed(ctx: CheckContext, by_code: bool):
    registry = default_registry()
    for c in _citations(ctx):
        v = _verdict(registry, c.cited, ctx.as_of)
        if v.state != "repealed" or (v.event.by == CODE_TITLE) != by_code:
            continue
        yield CheckHit(c.start, c.end, {
            "law": v.entry.title, "date": cn_date(v.event.on), "successor": v.event.by,
            "detail": _repeal_detail(registry, c, v) + _undated_note(ctx),
        })


@register("citation_repealed_by_code")
def citation_repealed_by_code(ctx: CheckContext):
    yield from _repealed(ctx, True)


@register("citation_repealed")
def citation_repealed(ctx: CheckContext):
    yield from _repealed(ctx, False)


@register("citation_amended")
def citation_amended(ctx: CheckContext):
    registry = default_registry()
    for c in _citations(ctx):
        v = _verdict(registry, c.cited, ctx.as_of)
        if v.state == "amended":
            yield CheckHit(c.start, c.title_end + len(c.note), {"law": v.entry.title, "cited": c.cited, "date": cn_date(v.event.on)})


@register("citation_not_yet_in_force")
def citation_not_yet_in_force(ctx: CheckContext):
    registry = default_registry()
    for c in _citations(ctx):
        v = _verdict(registry, c.cited, ctx.as_of)
        if v.state == "not_yet_in_force":
            yield CheckHit(c.start, c.end, {"law": v.entry.title, "date": cn_date(v.entry.in_force), "as_of": cn_date(ctx.as_of)})


@register("citation_unknown_law")
def citation_unknown_law(ctx: CheckContext):
    registry = default_registry()
    for c in _citations(ctx):
        key = title_key(c.title)
        if not title_kind(key) or _LOCAL_RE.match(key):
            continue
        v = _verdict(registry, c.cited, ctx.as_of)
        if v.state != "unknown":
            continue
        if v.suggestion:
            detail = f"，是否指《{v.suggestion}》"
        elif c.title.startswith(PRC) and title_kind(key) == "法":
            detail = ""
        else:
            continue
        yield CheckHit(c.start, c.title_end, {"law": c.title, "suggestion": v.suggestion, "detail": detail})


@register("citation_no_such_article")
def citation_no_such_article(ctx: CheckContext):
    registry = default_registry()
    for c in _citations(ctx):
        if not c.refs:
            continue
        entry = registry.lookup(c.title)
        if entry is None:
            continue
        # The text in force on the document's date; for a repealed law, its last text.
        repeal = entry.repeal(ctx.as_of)
        count = entry.article_count(min(ctx.as_of, repeal.on) if repeal and repeal.on else ctx.as_of)
        if not count:
            continue
        for ref in c.refs:
            if ref.article > count:
                yield CheckHit(ref.start, ref.end, {"law": entry.title, "article": f"第{cn(ref.article)}条", "count": count, "count_cn": cn(count)})
