"""From offsets in ``Document.text`` back to the runs of the original .docx.

The intake reads a .docx as header and footer paragraphs first, then the body
and table cells in reading order, each body paragraph prefixed with its
automatic number (not in any run). ``TextMap`` walks the same paragraphs
(``workbench.intake.docx_reader.body_paragraphs``, the one definition of that
order) and knows, for every character of the body, the w:t, w:tab or w:br it
comes from. ``cut`` splits a run where a passage starts or ends inside it:
both halves keep the run's properties (a deep copy of its w:rPr), so no other
run's formatting changes.

Runs that cannot be split safely (inside a text box or an alternate-content
block) are never cut; a passage that starts or ends in one is anchored on the
nearest whole run inside it.
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from workbench.intake.docx_reader import BodyParagraph, body_paragraphs, margin_paragraphs, paragraph_pieces
from workbench.intake.model import Document

W_R, W_P, W_T = qn("w:r"), qn("w:p"), qn("w:t")
XML_SPACE = qn("xml:space")
# Containers a run may sit in and still be cut: what Word puts between a w:p and its runs.
_TRANSPARENT = {qn(t) for t in ("w:hyperlink", "w:ins", "w:smartTag", "w:fldSimple", "w:sdt", "w:sdtContent",
                                "w:customXml", "w:moveTo", "w:dir", "w:bdo")}


def _plain_run(run, p_el) -> bool:
    parent = run.getparent()
    while parent is not None and parent is not p_el:
        if parent.tag not in _TRANSPARENT:
            return False
        parent = parent.getparent()
    return parent is p_el


@dataclass
class Piece:
    el: object  # w:t, w:tab, w:br or w:cr
    run: object | None  # its w:r, or None where it may not be cut (text box …)
    start: int  # offset within the paragraph's text (after the number label)
    text: str


class ParagraphMap:
    """The characters of one body paragraph and the elements that hold them."""

    def __init__(self, para: BodyParagraph, offset: int):
        self.para = para
        self.element = para.element
        self.offset = offset  # of the paragraph in Document.text
        self.length = len(para.text)
        self.label_length = para.label_length
        self.refresh()

    def refresh(self) -> None:
        pieces, pos = [], self.label_length
        for el, text in paragraph_pieces(self.element):
            run = el.getparent()
            if run is None or run.tag != W_R or not _plain_run(run, self.element):
                run = None
            pieces.append(Piece(el, run, pos, text))
            pos += len(text)
        self.pieces = [p for p in pieces if p.text]
        self._starts = [p.start for p in self.pieces]

    def piece_at(self, pos: int) -> Piece | None:
        """The piece holding character ``pos`` (paragraph-relative)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return None
        p = self.pieces[i]
        return p if pos < p.start + len(p.text) else None

    def cut(self, pos: int) -> None:
        """Make a run start at character ``pos`` (paragraph-relative), splitting one if needed."""
        p = self.piece_at(pos)
        if p is None or p.run is None:
            return
        k = pos - p.start
        first_in_run = next((q for q in self.pieces if q.run is p.run), None) is p
        if k == 0 and first_in_run:
            return
        _split_run(p.run, p.el, k)
        self.refresh()

    def runs(self, start: int, end: int) -> list:
        """The runs (that may carry a comment) whose characters lie in [start, end), in order."""
        out = []
        for p in self.pieces:
            if p.run is None or p.start + len(p.text) <= start or p.start >= end:
                continue
            if not out or out[-1] is not p.run:
                out.append(p.run)
        return out

    def text_of(self, runs) -> str:
        wanted = {id(r) for r in runs}
        return "".join(p.text for p in self.pieces if p.run is not None and id(p.run) in wanted)


def _split_run(run, child, k: int):
    """Split ``run`` so that a new run starts at character ``k`` of ``child``; returns the new run.

    The new run is a copy of the old one's properties (w:rPr and attributes) holding
    ``child`` from ``k`` on and everything after it.
    """
    new_run = copy.deepcopy(run)
    for el in list(new_run):
        if el.tag != qn("w:rPr"):
            new_run.remove(el)
    moving = []
    if k > 0:  # only a w:t has more than one character
        text = child.text or ""
        tail = OxmlElement("w:t")
        tail.text = text[k:]
        tail.set(XML_SPACE, "preserve")
        child.text = text[:k]
        child.set(XML_SPACE, "preserve")
        moving.append(tail)
        nxt = child.getnext()
    else:
        nxt = child
    while nxt is not None:
        moving.append(nxt)
        nxt = nxt.getnext()
    for el in moving:
        new_run.append(el)
    run.addnext(new_run)
    return new_run


class TextMap:
    """Every body paragraph of a python-docx document, placed in ``Document.text``."""

    def __init__(self, docx, doc: Document):
        self.docx = docx
        margins = margin_paragraphs(docx)
        body = body_paragraphs(docx)
        self.body_start = doc.paragraphs[len(margins)].start if len(doc.paragraphs) > len(margins) else len(doc.text)
        self.paragraphs: list[ParagraphMap] = []
        for i, para in enumerate(body):
            index = len(margins) + i
            if index >= len(doc.paragraphs) or doc.paragraph_text(index) != para.text:
                raise ValueError("草案原文与日志记录的文字不一致")
            self.paragraphs.append(ParagraphMap(para, doc.paragraphs[index].start))
        self._starts = [p.offset for p in self.paragraphs]

    def index_at(self, offset: int) -> int | None:
        """Index of the body paragraph holding ``offset`` of Document.text (None: in a header or footer)."""
        if offset < self.body_start or not self.paragraphs:
            return None
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def first_text_paragraph(self) -> int | None:
        return next((i for i, p in enumerate(self.paragraphs) if any(q.run is not None for q in p.pieces)), None)
