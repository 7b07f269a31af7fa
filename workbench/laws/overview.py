"""Every citation in a document with its verdict, for the window's citations panel.

The citation rules report only what is wrong; a reviewer also wants to see the
whole list (what is cited, and that it is in force), so this lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from workbench.intake.model import Document
from workbench.laws.citations import cn, find_citations
from workbench.laws.mapping import article_moves, facts_before
from workbench.laws.registry import default_registry
from workbench.text.segment import Segments

STATE_LABELS = {
    "in_force": "现行有效", "repealed": "已废止", "amended": "已修改", "not_yet_in_force": "尚未施行",
    "unknown": "未收录", "no_such_article": "条文不存在",
}


@dataclass(frozen=True)
class CitationRow:
    cited: str  # 《title》第X条…
    state: str  # a key of STATE_LABELS
    detail: str
    start: int  # offsets into Document.text (of the first occurrence when grouped)
    end: int
    count: int = 1  # occurrences of the same citation (grouped rows)

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def _cn_date(d: date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else "（日期不详）"


def citation_rows(doc: Document, as_of: date) -> list[CitationRow]:
    registry = default_registry()
    text = doc.norm.text
    segments = Segments(text)
    rows: list[CitationRow] = []
    for c in find_citations(text):
        start, end = doc.norm.orig_span(c.start, c.end)
        cited = doc.text[start:end].replace("\n", "")
        v = registry.verdict(c.title, as_of)
        state, detail = v.state, ""
        if v.state == "unknown":
            detail = f"登记册未收录；是否指《{v.suggestion}》？" if v.suggestion else "登记册未收录该文件名称，请核对。"
        elif v.state == "repealed":
            ev = v.event
            detail = f"{_cn_date(ev.on)}起废止" + (f"，由《{ev.by}》{ev.article}废止" if ev.by else "")
            for ref in c.refs:
                for line in article_moves(registry, v.entry, ref, facts_before(text, segments, c.start)):
                    detail += "；" + line
        elif v.state == "amended":
            detail = f"{_cn_date(v.event.on)}已修改，请核对所引版本的条文。"
        elif v.state == "not_yet_in_force":
            detail = f"自{_cn_date(v.entry.in_force)}起施行。"
        else:
            count = v.entry.article_count(as_of)
            missing = [r.article for r in c.refs if count and r.article > count]
            if missing:
                state = "no_such_article"
                detail = f"该文件共{cn(count)}条，没有第{'、'.join(cn(a) for a in missing)}条。"
            else:
                detail = f"《{v.entry.title}》" + (f"，{_cn_date(v.entry.in_force)}起施行" if v.entry.in_force else "")
        rows.append(CitationRow(cited, state, detail, start, end))
    return rows


def grouped_citation_rows(doc: Document, as_of: date) -> list[CitationRow]:
    """One row per distinct citation, in order of first appearance, with its count.

    A long draft cites the same article many times; the reviewer needs each
    verdict once, and the first place it occurs.
    """
    groups: dict[str, list[CitationRow]] = {}
    for row in citation_rows(doc, as_of):
        groups.setdefault(row.cited, []).append(row)
    return [replace(rows[0], count=len(rows)) for rows in groups.values()]
