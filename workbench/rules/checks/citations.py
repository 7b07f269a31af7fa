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
- ``citation_no_such_article``: an article number beyond the law's last article;
- ``citation_no_such_item``: a 款 or 项 the cited article does not have, in the text
  whose numbering the citation uses (the version it names, else the one in force
  on the document's date), as 60_article_structure.yaml records it;
- ``citation_renumbered``: an article number that belongs to another text of the
  law (行政处罚法 2017 → 2021): a 项 that only the older text's article has, or a
  named older version whose article now has another number.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from workbench.laws.citations import Citation, cn, find_citations
from workbench.laws.mapping import article_moves, facts_before
from workbench.laws.registry import PRC, Registry, cited_version_year, default_registry, title_key, title_kind
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


def _repeal_detail(registry: Registry, c: Citation, verdict, ctx: CheckContext, with_note: bool) -> str:
    ev = verdict.event
    when = f"已于{cn_date(ev.on)}" if ev.on else "已"
    by = f"被《{ev.by}》{('（' + ev.article + '）') if ev.article else ''}废止" if ev.by else "废止"
    detail = when + by + ("" if ev.on else "（废止日期未载）")
    moves = []
    for ref in c.refs:
        for line in article_moves(registry, verdict.entry, ref, facts_before(ctx.text, ctx.segments, c.start)):
            if line not in moves:
                moves.append(line)
    if moves:
        detail += "；" + "；".join(moves) + (f"（请改引《{ev.by}》相应条文）" if ev.by else "")
    elif ev.by:
        detail += f"，请改引《{ev.by}》相应条文"
    if ev.note and with_note:
        detail += "。" + ev.note.rstrip("。")
    return detail


def _undated_note(ctx: CheckContext) -> str:
    """Say so when the document has no date and the law was read as of today."""
    if ctx.document.date is None and ctx.as_of == date.today():
        return f"（文件未载明日期，按{cn_date(ctx.as_of)}核查；可用 --as-of 指定日期）"
    return ""


def _repealed(ctx: CheckContext, by_code: bool):
    registry = default_registry()
    # The note on acts before the repeal (法典第一千零五十七条, 从旧兼轻) concerns a
    # decision on such an act, not a normative document; it is said once.
    note_due = ctx.document.kind is not None and ctx.document.kind.value == "enforcement"
    for c in _citations(ctx):
        v = _verdict(registry, c.cited, ctx.as_of)
        if v.state != "repealed" or (v.event.by == CODE_TITLE) != by_code:
            continue
        yield CheckHit(c.start, c.end, {
            "law": v.entry.title, "date": cn_date(v.event.on), "successor": v.event.by,
            "detail": _repeal_detail(registry, c, v, ctx, note_due and bool(v.event.note)) + _undated_note(ctx),
        })
        note_due = note_due and not v.event.note


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


# -- 款 and 项, and articles renumbered between texts ---------------------------------


def _cn_label(article: int, paragraph: int | None = None, item: int | None = None) -> str:
    s = f"第{cn(article)}条"
    if paragraph:
        s += f"第{cn(paragraph)}款"
    if item:
        s += f"第（{cn(item)}）项"
    return s


def _reading(registry: Registry, entry, c: Citation, as_of: date):
    """(start of the text whose numbering the citation uses, named?, the day the law is read as of).

    The version the citation names chooses the numbering (《…（2017年修正）》);
    else the text in force on the document's date (for a repealed law, its last text).
    """
    repeal = entry.repeal(as_of)
    day = min(as_of, repeal.on) if repeal and repeal.on else as_of
    year = cited_version_year(c.cited)
    if year is not None:
        named = registry.text_version(entry, year=year)
        if named is not None:
            return named, True, day
    return registry.text_version(entry, as_of=day), False, day


def _shape(registry: Registry, entry, article: int, version, day):
    return registry.shape(entry, article, version=version) if version else registry.shape(entry, article, as_of=day)


def _misfit(shape, ref) -> str:
    """What of ``ref`` the article lacks ('' when it has all of it)."""
    if ref.paragraph and not shape.has_paragraph(ref.paragraph):
        return f"该条共{cn(len(shape.paragraphs))}款，没有第{cn(ref.paragraph)}款"
    if ref.item and not shape.has_item(ref.item, ref.paragraph):
        if not any(shape.paragraphs):
            hint = f"，是否指第{cn(ref.item)}款" if shape.has_paragraph(ref.item) and len(shape.paragraphs) > 1 else ""
            return f"该条不分项{hint}"
        where = shape.paragraphs[ref.paragraph - 1] if ref.paragraph else max(shape.paragraphs)
        return f"该{'款' if ref.paragraph else '条'}共{cn(where)}项，没有第（{cn(ref.item)}）项"
    return ""


def _renumbered_to(registry: Registry, entry, old_version, ref) -> tuple[str, object] | None:
    """(the new label, the renumbering) of ``ref`` read in the text ``old_version``."""
    n = registry.renumbering(entry, old_version, ref.article)
    if n is None:
        return None
    if ref.item:
        moved = n.item(ref.item, ref.paragraph)
        if moved is None:
            return None
        return _cn_label(*moved), n
    return _cn_label(n.to_article), n


def _older_reading(registry: Registry, entry, version, ref):
    """An older text in which ``ref`` exists and whose article has moved since: (its start, new label)."""
    for older in reversed([v for v in registry.text_versions.get(title_key(entry.title), []) if version and v < version]):
        shape = registry.shape(entry, ref.article, version=older)
        if shape is None or _misfit(shape, ref):
            continue
        moved = _renumbered_to(registry, entry, older, ref)
        if moved and moved[1].to_version == version:
            return older, moved[0]
    return None


def _registered_citations(ctx: CheckContext):
    """(registry, entry, citation, numbering version, named?, day) for each citation of a registered law with articles."""
    registry = default_registry()
    for c in _citations(ctx):
        entry = registry.lookup(c.title) if c.refs else None
        if entry is not None:
            yield (registry, entry, c) + _reading(registry, entry, c, ctx.as_of)


@register("citation_no_such_item")
def citation_no_such_item(ctx: CheckContext):
    for registry, entry, c, version, _, day in _registered_citations(ctx):
        for ref in c.refs:
            if not (ref.paragraph or ref.item):
                continue
            shape = _shape(registry, entry, ref.article, version, day)
            if shape is None:
                continue
            problem = _misfit(shape, ref)
            if not problem or _older_reading(registry, entry, version, ref):
                continue  # an article renumbered since: citation_renumbered says where it went
            yield CheckHit(ref.start, ref.end, {"law": entry.title, "cited": ref.label(), "problem": problem})


@register("citation_renumbered")
def citation_renumbered(ctx: CheckContext):
    for registry, entry, c, version, named, day in _registered_citations(ctx):
        current = registry.text_version(entry, as_of=day)
        for ref in c.refs:
            detail = ""
            if named and version and current and version != current:
                moved = _renumbered_to(registry, entry, version, ref)
                if moved and moved[1].to_version == current:
                    detail = (f"所引{version.year}年文本的{ref.label()}，在{cn_date(current)}起施行的文本中为{moved[0]}，"
                              f"请按现行条号引用")
            elif not named and version:
                shape = _shape(registry, entry, ref.article, version, day)
                count = entry.article_count(day)
                misfit = _misfit(shape, ref) if shape else ("" if not count or ref.article <= count else "该条不存在")
                older = _older_reading(registry, entry, version, ref) if misfit else None
                if older:
                    detail = (f"按{cn_date(version)}起施行的文本，{misfit}；"
                              f"这是修订前{older[0].year}年文本的条号，现为{older[1]}，请按现行条号引用")
            if detail:
                yield CheckHit(ref.start, ref.end, {"law": entry.title, "cited": ref.label(), "detail": detail})
