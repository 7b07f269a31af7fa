"""Read the comments of a returned draft: the drafting unit's answer to each point.

A unit that gets the annotated draft back answers in Word or WPS, either by
replying to our comment (a thread: ``word/commentsExtended.xml`` links the
reply's paragraph to its parent's, and python-docx has no API for it, so that
part is read as XML) or by adding its own comment on the same passage. Our
comments are known by how they begin (``F3（…`` for a finding,
``法律顾问意见（…`` for an opinion: see ``workbench.annotate.notes``), so the
point each answer is to is found even when the file went through other hands.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime


from workbench.annotate.notes import FINDING_HEAD_RE, OPINION_HEAD

# python-docx (~90 ms to import) is imported by read_comments, which runs off the GUI
# thread; showing a review in the window imports this module and needs none of it.
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def qn(tag: str) -> str:
    """Clark notation of a w: tag, as ``docx.oxml.ns.qn`` gives it (w:id → {…/main}id)."""
    prefix, name = tag.split(":")
    assert prefix == "w", tag
    return f"{{{_W_NS}}}{name}"


W14_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W_RANGE_START, W_RANGE_END = qn("w:commentRangeStart"), qn("w:commentRangeEnd")


@dataclass(frozen=True)
class DocComment:
    id: int
    author: str
    at: datetime | None
    text: str
    anchor: str  # the text it is on
    span: tuple[int, int] | None  # where that text is in the body's visible text
    parent: int | None = None  # the comment it replies to (a thread)

    @property
    def point(self) -> str | None:
        """F3 for our finding comments, the first line for our opinion comments, None for the unit's."""
        m = FINDING_HEAD_RE.match(self.text)
        if m:
            return m.group(1)
        if self.text.startswith(OPINION_HEAD):
            return self.text.split("\n", 1)[0]
        return None


@dataclass
class Answers:
    """The unit's comments, grouped under the point of ours each answers."""

    by_point: dict[str, list[DocComment]] = field(default_factory=dict)
    ours: dict[str, DocComment] = field(default_factory=dict)
    others: list[DocComment] = field(default_factory=list)  # the unit's comments on no point of ours

    def text(self, point: str) -> str:
        return "\n".join(f"{c.author}：{c.text}" for c in self.by_point.get(point, []))


def _parents(data: bytes, para_ids: dict[str, int]) -> dict[int, int]:
    """Reply id → parent id from word/commentsExtended.xml (absent: no threads)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("word/commentsExtended.xml")
    except (KeyError, zipfile.BadZipFile):
        return {}
    out = {}
    from lxml import etree  # here: ~60 ms to import, and this runs off the GUI thread

    for ex in etree.fromstring(xml).iter(f"{{{W15}}}commentEx"):
        child, parent = ex.get(f"{{{W15}}}paraId"), ex.get(f"{{{W15}}}paraIdParent")
        if parent and child in para_ids and parent in para_ids:
            out[para_ids[child]] = para_ids[parent]
    return out


def _anchors(docx) -> dict[int, tuple[int, int, str]]:
    """Comment id → (start, end, text) of the passage it is on, in the body's visible text."""
    starts: dict[int, int] = {}
    out: dict[int, tuple[int, int]] = {}
    pos = 0
    text_parts: list[str] = []
    for el in docx.element.body.iter():
        if el.tag == W_RANGE_START:
            starts[int(el.get(qn("w:id")))] = pos
        elif el.tag == W_RANGE_END:
            cid = int(el.get(qn("w:id")))
            if cid in starts:
                out[cid] = (starts[cid], pos)
        elif el.tag == qn("w:t") and not _in_deletion(el):
            text_parts.append(el.text or "")
            pos += len(el.text or "")
        elif el.tag == qn("w:p"):
            if text_parts:
                text_parts.append("\n")
                pos += 1
    whole = "".join(text_parts)
    return {cid: (s, e, whole[s:e].strip()) for cid, (s, e) in out.items()}


def _in_deletion(el) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in (qn("w:del"), qn("w:moveFrom")):
            return True
        parent = parent.getparent()
    return False


def read_comments(data: bytes) -> list[DocComment]:
    """Every comment of a .docx (bytes), with the passage it is on and the comment it replies to."""
    from docx import Document as open_docx

    docx = open_docx(io.BytesIO(data))
    anchors = _anchors(docx)
    comments = list(docx.comments)
    para_ids = {}
    for c in comments:
        paragraphs = c._comment_elm.p_lst  # python-docx 1.2: no public access to a comment's paragraph ids
        if paragraphs and paragraphs[-1].get(W14_PARA_ID):
            para_ids[paragraphs[-1].get(W14_PARA_ID)] = c.comment_id
    parents = _parents(data, para_ids)
    out = []
    for c in comments:
        s, e, anchor = anchors.get(c.comment_id, (None, None, ""))
        out.append(DocComment(c.comment_id, c.author, c.timestamp, c.text.strip(), anchor,
                              (s, e) if s is not None else None, parents.get(c.comment_id)))
    return out


def group_answers(comments: list[DocComment]) -> Answers:
    """Put each of the unit's comments under the point it answers: its thread's root, else
    a comment of ours on the same passage; the rest are the unit's own remarks."""
    answers = Answers()
    by_id = {c.id: c for c in comments}
    for c in comments:
        if c.point:
            answers.ours.setdefault(c.point, c)
    for c in comments:
        if c.point:
            continue
        root, seen = c, set()
        while root.parent is not None and root.parent in by_id and root.id not in seen:
            seen.add(root.id)
            root = by_id[root.parent]
        point = root.point
        if point is None and c.span is not None:
            point = next((o.point for o in answers.ours.values() if o.span == c.span), None)
            if point is None:  # an answer written beside the passage rather than exactly on it
                point = next((o.point for o in answers.ours.values()
                              if o.span and o.span[0] < c.span[1] and c.span[0] < o.span[1]), None)
        if point is None:
            answers.others.append(c)
        else:
            answers.by_point.setdefault(point, []).append(c)
    return answers


def revised_draft(log, review_id: str):
    """(earlier review, bytes of this review's .docx) when this review's draft revises an
    earlier reviewed one and is a Word file; else None. Log reads only (its thread)."""
    state = log.review(review_id)
    previous = state.document.previous_id
    earlier = log.reviews_of_document(previous) if previous else []
    stored = log.document_file(state.id) if earlier else None
    if not stored or not stored[1].startswith(b"PK"):
        return None
    return log.review(earlier[0]), stored[1]


def answers_of_revision(log, review_id: str):
    """(earlier review, the unit's ``Answers``) for a revised draft, or None."""
    found = revised_draft(log, review_id)
    if found is None:
        return None
    earlier, data = found
    return earlier, group_answers(read_comments(data))
