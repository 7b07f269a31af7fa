"""Put the notes into the .docx: Word comments (python-docx) and tracked title fixes (raw OOXML).

Comments use python-docx's own API (``Comments.add_comment``, ``Run.mark_comment_range``, python-docx ≥ 1.2).
python-docx has no API for tracked changes, so the law-title fix is written as
WordprocessingML: the old title's runs moved into a ``w:del`` (their ``w:t``
become ``w:delText``) followed by a ``w:ins`` run with the successor's title
and the first old run's properties, both with author and date, so the drafting
unit accepts or rejects it with one click in Word or WPS.

The steps go in an order that keeps every anchor exact: first every run is cut
where any passage starts or ends, then the runs of each passage are looked up,
then tracked changes wrap their runs (no more cutting), then comments are
added; last, the revision marks get ids no other mark in the file uses.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import timezone

from docx.comments import Comments
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.run import Run

from workbench.annotate.anchors import TextMap
from workbench.annotate.notes import Note
from workbench.intake.model import Document
from workbench.progress import NO_PROGRESS, Progress

W_R, W_P, W_T, W_DEL_TEXT = qn("w:r"), qn("w:p"), qn("w:t"), qn("w:delText")
W_DEL, W_INS, W_ID = qn("w:del"), qn("w:ins"), qn("w:id")
W_COMMENT_REF, W_COMMENT_END = qn("w:commentReference"), qn("w:commentRangeEnd")
# What a run of a title may hold for the title to be replaced as a tracked change.
_TITLE_RUN_CONTENT = {qn("w:rPr"), W_T, qn("w:lastRenderedPageBreak")}
# What may stand between the runs of a title (and moves into the w:del with them).
_BETWEEN_RUNS = {W_R, qn("w:proofErr"), qn("w:bookmarkStart"), qn("w:bookmarkEnd")}
SOURCE_LABELS = {"header": "页眉", "footer": "页脚"}


@dataclass
class Placed:
    comments: int = 0
    tracked: int = 0
    whole_document: list[str] = field(default_factory=list)  # keys put on the first paragraph instead
    untracked: list[str] = field(default_factory=list)  # title fixes left to the comment only


@dataclass
class _Anchor:
    note: Note
    first: int  # paragraph index
    start: int  # paragraph-relative
    last: int
    end: int
    prefix: str = ""  # said before the note when it could not sit on its passage
    runs: tuple = ()


def _anchor(tmap: TextMap, doc: Document, note: Note, first_text: int | None) -> _Anchor:
    whole = _Anchor(note, first_text or 0, 0, first_text or 0, 10**9)
    if note.end <= note.start:
        return whole
    i0, i1 = tmap.index_at(note.start), tmap.index_at(max(note.start, note.end - 1))
    if i0 is None:  # in a header or footer: Word takes comments only in the body
        source = doc.paragraphs[doc.paragraph_index(note.start)].source
        whole.prefix = f"（位于{SOURCE_LABELS.get(source, source)}：“{doc.text[note.start:note.end]}”）"
        return whole
    p0, p1 = tmap.paragraphs[i0], tmap.paragraphs[i1]
    if p0.element.getparent() is not p1.element.getparent():  # e.g. from the body into a table cell
        i1, p1 = i0, p0
        end = p0.length
    else:
        end = min(max(note.end - p1.offset, p1.label_length), p1.length)
    start = min(max(note.start - p0.offset, p0.label_length), p0.length)
    if i0 == i1 and end <= start:  # only the automatic number: the whole paragraph
        start, end = p0.label_length, p0.length
    return _Anchor(note, i0, start, i1, end)


def place_notes(docx, doc: Document, notes: list[Note], progress: Progress = NO_PROGRESS) -> Placed:
    """Anchor ``notes`` in ``docx`` (a python-docx Document whose text ``doc`` is)."""
    tmap = TextMap(docx, doc)
    placed = Placed()
    if not tmap.paragraphs:
        return placed
    first_text = tmap.first_text_paragraph()
    anchors = [_anchor(tmap, doc, n, first_text) for n in notes]

    # 1. every cut first, so that no later cut shortens a passage already looked up
    for a in anchors:
        tmap.paragraphs[a.first].cut(a.start)
        tmap.paragraphs[a.last].cut(a.end)
        if a.note.fix is not None:
            i = tmap.index_at(a.note.fix.start)
            if i is not None:
                p = tmap.paragraphs[i]
                p.cut(a.note.fix.start - p.offset)
                p.cut(a.note.fix.end - p.offset)
    progress.step("正在定位批注", 0.4)

    # 2. the runs of each passage
    fixes = []
    for a in anchors:
        p0, p1 = tmap.paragraphs[a.first], tmap.paragraphs[a.last]
        first = p0.runs(a.start, p0.length if a.last != a.first else a.end)
        last = p1.runs(p1.label_length, a.end) if a.last != a.first else first
        if not first or not last:
            i = first_text
            runs = tmap.paragraphs[i].runs(0, 10**9) if i is not None else []
            if not runs:
                continue
            a.first = a.last = i
            first = last = runs
            a.prefix = a.prefix or f"（原文：“{doc.text[a.note.start:a.note.end]}”）"
        a.runs = (first[0], last[-1])
        if a.note.fix is not None:
            i = tmap.index_at(a.note.fix.start)
            p = tmap.paragraphs[i] if i is not None else None
            title_runs = p.runs(a.note.fix.start - p.offset, a.note.fix.end - p.offset) if p else []
            if p is not None and p.text_of(title_runs) == a.note.fix.old:
                fixes.append((a.note, p.element, title_runs))
            else:
                placed.untracked.append(a.note.key)
    progress.step("正在写入修订", 0.6)

    # 3. tracked changes (raw OOXML: python-docx has no API for them)
    marks = []
    for note, p_el, runs in fixes:
        pair = _track_replacement(p_el, runs, note)
        if pair is None:
            placed.untracked.append(note.key)
        else:
            marks.extend(pair)
            placed.tracked += 1

    # 4. comments (python-docx)
    batch = _CommentBatch(docx)
    for a in anchors:
        if not a.runs:
            continue
        first, last = a.runs
        comment = batch.add(a.prefix + a.note.text, a.note.author, a.note.initials)
        Run(first, docx).mark_comment_range(Run(last, docx), comment.comment_id)
        # python-docx stamps a comment with the time it was added; the log's time is the one to show,
        # and python-docx 1.2 has no public setter for it.
        comment._comment_elm.date = a.note.at
        _keep_reference_outside(last, tmap.paragraphs[a.last].element, comment.comment_id)
        placed.comments += 1
        if a.prefix and not a.prefix.startswith("（原文"):
            placed.whole_document.append(a.note.key)
    batch.finish()
    progress.step("正在保存", 0.9)

    _number_marks(docx, marks)
    return placed


class _CommentBatch:
    """Adds comments through python-docx's ``Comments.add_comment``, in linear time.

    python-docx picks a new comment's id by reading the id of every comment in
    the collection, which makes n comments cost n² (a 2,000-comment draft: 24 s
    of 40). So the comments are added to a small holding collection that knows
    only the last id given, and moved into the document's comments part as
    they are made.
    """

    def __init__(self, docx):
        docx.comments  # creates the comments part when the draft has none
        self.part = docx.part.part_related_by(RT.COMMENTS)
        self.target = self.part.element
        used = [int(i) for i in self.target.xpath("./w:comment/@w:id")]
        self.holding = parse_xml(f'<w:comments {nsdecls("w")}/>')
        self.holding.append(parse_xml(f'<w:comment {nsdecls("w")} w:id="{max(used, default=-1)}" w:author=""/>'))
        self.placeholder = self.holding[0]
        self.comments = Comments(self.holding, self.part)

    def add(self, text: str, author: str, initials: str):
        comment = self.comments.add_comment(text=text, author=author, initials=initials)
        for el in list(self.holding)[:-1]:  # keep only the newest: it carries the last id
            if el is not self.placeholder:
                self.target.append(el)
            else:
                self.holding.remove(el)
        return comment

    def finish(self) -> None:
        for el in list(self.holding):
            if el is not self.placeholder:
                self.target.append(el)


def _track_replacement(p_el, runs: list, note: Note):
    """Wrap ``runs`` (a title) in w:del and add a w:ins with the new title; None if they are not plain."""
    fix = note.fix
    if not runs or any(r.getparent() is not p_el for r in runs):
        return None
    if any(child.tag not in _TITLE_RUN_CONTENT for r in runs for child in r):
        return None
    between, el = [], runs[0]
    while el is not runs[-1]:
        between.append(el)
        el = el.getnext()
        if el is None or el.tag not in _BETWEEN_RUNS:
            return None
    between.append(runs[-1])
    when = note.at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    deletion = OxmlElement("w:del", attrs={W_ID: "0", qn("w:author"): note.author, qn("w:date"): when})
    insertion = OxmlElement("w:ins", attrs={W_ID: "0", qn("w:author"): note.author, qn("w:date"): when})
    runs[0].addprevious(deletion)
    for el in between:
        deletion.append(el)
        if el.tag == W_R:
            for t in el.iter(W_T):
                t.tag = W_DEL_TEXT
    new_run = OxmlElement("w:r")
    rpr = runs[0].find(qn("w:rPr"))
    if rpr is not None:
        new_run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t")
    t.text = fix.new
    new_run.append(t)
    insertion.append(new_run)
    deletion.addnext(insertion)
    return deletion, insertion


def _keep_reference_outside(last_run, p_el, comment_id: int) -> None:
    """A comment's reference run belongs to the paragraph, not inside a deletion or a hyperlink.

    python-docx puts w:commentRangeEnd and the reference run right after the last
    run; when that run sits in a container, a reference inside a w:del would
    vanish with the deletion. The range end stays put unless it is in a w:del,
    which it then leaves for just after the insertion that replaces it.
    """
    reference = last_run.getnext()
    range_end = None
    if reference is not None and reference.tag == W_COMMENT_END:
        range_end, reference = reference, reference.getnext()
    if reference is None or reference.tag != W_R or reference.find(W_COMMENT_REF) is None:
        return
    container = last_run.getparent()
    if container is p_el:
        return
    top = container
    while top.getparent() is not p_el:
        top = top.getparent()
    after = top
    if top.tag == W_DEL and top.getnext() is not None and top.getnext().tag == W_INS:
        after = top.getnext()
    if top.tag == W_DEL and range_end is not None:
        after.addnext(range_end)
        range_end.addnext(reference)
    else:
        after.addnext(reference)


def _number_marks(docx, marks: list) -> None:
    """Give each revision mark an id that no comment, bookmark or other mark of the file has."""
    if not marks:
        return
    used = [int(v) for v in docx.element.xpath("//@w:id") if str(v).lstrip("-").isdigit()]
    used += [int(c.comment_id) for c in docx.comments]
    next_id = max(used, default=0) + 1
    for el in marks:
        el.set(W_ID, str(next_id))
        next_id += 1
