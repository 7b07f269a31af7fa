"""Find citations in normalised text: 《title》 followed by article references.

Handles 《中华人民共和国大气污染防治法》第九十九条第二项, 《环评法》第31条第一款,
《固体废物污染环境防治法》第一百一十二条第（六）项, lists (《A》第X条、第Y条和第Z条;
第X条第一款、第二款; 第（一）、（二）项), ranges (第X条至第Y条) and a version note
after the title (《…》（2018年修正）第…条). One compiled regex finds the titles;
the article part is read from where each title ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.text.numbers import to_int

_NUM = r"[0-9零〇○一二三四五六七八九十百千两]+"
TITLE_RE = re.compile(r"《([^《》\n]{1,100})》")
_AFTER_TITLE_RE = re.compile(r"([（(][^）)\n]{1,16}[）)])?(?:的|中|之)?")
_ART_RE = re.compile(rf"第({_NUM})条(?:之({_NUM}))?")
_PARA_RE = re.compile(rf"第({_NUM})款")
_ITEM_RE = re.compile(rf"第?（({_NUM})）项?|第({_NUM})项")
_SEP_RE = re.compile(r"、|和|及|以及|与|或者|或|至|到")


@dataclass(frozen=True)
class ArticleRef:
    article: int
    paragraph: int | None
    item: int | None
    start: int  # normalised offsets of this reference (第…条…)
    end: int
    sub: int | None = None  # 第X条之一

    def label(self) -> str:
        s = f"第{cn(self.article)}条" + (f"之{cn(self.sub)}" if self.sub else "")
        if self.paragraph:
            s += f"第{cn(self.paragraph)}款"
        if self.item:
            s += f"第（{cn(self.item)}）项"
        return s


@dataclass(frozen=True)
class Citation:
    title: str  # as written inside 《》 (normalised)
    start: int  # of 《
    title_end: int  # just past 》
    end: int  # just past the last article reference (= title_end without one)
    refs: tuple[ArticleRef, ...] = ()
    note: str = ""  # a parenthesised note right after 》, e.g. （2018年修正）

    @property
    def cited(self) -> str:
        """The title with its version note, as the registry's verdict reads it."""
        return self.title + self.note


def _item(m: re.Match) -> int | None:
    return to_int(m.group(1) or m.group(2))


def _refs(text: str, pos: int) -> tuple[list[ArticleRef], int]:
    """Article references starting at ``pos`` (right after a title)."""
    refs: list[ArticleRef] = []
    m = _AFTER_TITLE_RE.match(text, pos)
    p = m.end() if m else pos
    art = _ART_RE.match(text, p)
    if not art:
        return refs, pos
    article = paragraph = None
    while True:
        if art is not None:
            article = to_int(art.group(1))
            sub = to_int(art.group(2)) if art.group(2) else None
            start, p = art.start(), art.end()
            paragraph = None
        else:
            sub = None
        pm = _PARA_RE.match(text, p)
        if pm and art is not None:
            paragraph = to_int(pm.group(1))
            p = pm.end()
        im = _ITEM_RE.match(text, p) if art is not None or pm is None else None
        item = None
        if im and (art is not None or pm is not None):
            item = _item(im)
            p = im.end()
        if article:
            refs.append(ArticleRef(article, paragraph, item, start, p, sub))
        # What follows a separator: another article, another 款 or another 项 of this one.
        sep = _SEP_RE.match(text, p)
        if not sep:
            break
        q = sep.end()
        art = _ART_RE.match(text, q)
        if art:
            continue
        pm2 = _PARA_RE.match(text, q)
        if pm2:
            paragraph = to_int(pm2.group(1))
            start, p = pm2.start(), pm2.end()
            im = _ITEM_RE.match(text, p)
            item = _item(im) if im else None
            p = im.end() if im else p
            refs.append(ArticleRef(article, paragraph, item, start, p))
            art = None
            sep2 = _SEP_RE.match(text, p)
            if not sep2:
                break
            # let the loop look after this separator again
            q2 = sep2.end()
            art = _ART_RE.match(text, q2)
            if art:
                continue
            break
        im2 = _ITEM_RE.match(text, q)
        if im2 and refs:
            refs.append(ArticleRef(article, paragraph, _item(im2), im2.start(), im2.end()))
            p = im2.end()
            art = None
            # more items: 第（一）、（二）、（三）项
            while True:
                sep3 = _SEP_RE.match(text, p)
                nxt = _ITEM_RE.match(text, sep3.end()) if sep3 else None
                if not nxt:
                    break
                refs.append(ArticleRef(article, paragraph, _item(nxt), nxt.start(), nxt.end()))
                p = nxt.end()
            sep4 = _SEP_RE.match(text, p)
            art = _ART_RE.match(text, sep4.end()) if sep4 else None
            if art:
                continue
            break
        break
    return refs, (refs[-1].end if refs else pos)


@lru_cache(maxsize=16)
def find_citations(text: str) -> tuple[Citation, ...]:
    """Every 《…》 in ``text`` with the article references that follow it."""
    out = []
    for m in TITLE_RE.finditer(text):
        title = m.group(1).strip()
        if not title:
            continue
        refs, end = _refs(text, m.end())
        note = _AFTER_TITLE_RE.match(text, m.end()).group(1) or ""
        out.append(Citation(title, m.start(), m.end(), max(end, m.end()), tuple(refs), note))
    return tuple(out)


_CN_DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """An article number in Chinese numerals as statutes write it (一百零八, 一千二百四十二)."""
    if n == 0:
        return "零"
    out = ""
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    zero = False
    started = False
    for value, name in units:
        d = n // value % 10
        if d == 0:
            if started:
                zero = True
            continue
        if zero:
            out += "零"
            zero = False
        if value == 10 and d == 1 and not started:
            out += "十"
        else:
            out += _CN_DIGITS[d] + name
        started = True
    return out
