"""What a drafting unit sends back: our annotated draft with its answers in comments —
a reply in a comment's thread (as Word and WPS write it: word/commentsExtended.xml,
raw OOXML since python-docx has no API for threads), a new comment on the same
passage, and a comment of its own elsewhere."""

from __future__ import annotations

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.text.run import Run

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"


def _runs_of(docx, comment_id: int):
    """The first and last run of the passage comment ``comment_id`` is on."""
    body = docx.element.body
    start = next(el for el in body.iter(qn("w:commentRangeStart")) if el.get(qn("w:id")) == str(comment_id))
    end = next(el for el in body.iter(qn("w:commentRangeEnd")) if el.get(qn("w:id")) == str(comment_id))
    first = start.getnext()
    while first.tag != qn("w:r"):
        first = first.getnext()
    last = end.getprevious()
    while last.tag != qn("w:r"):
        last = last.getprevious()
    return Run(first, docx), Run(last, docx)


def reply_in_thread(docx, parent, text: str, author: str):
    """A reply to comment ``parent`` (python-docx Comment), linked through commentsExtended.xml."""
    reply = docx.add_comment(list(_runs_of(docx, parent.comment_id)), text=text, author=author)
    pairs = getattr(docx, "_thread_pairs", [])
    pairs.append((parent, reply))
    docx._thread_pairs = pairs
    return reply


def comment_on_same_passage(docx, ours, text: str, author: str):
    return docx.add_comment(list(_runs_of(docx, ours.comment_id)), text=text, author=author)


def write_threads(docx) -> None:
    """Give each comment's last paragraph a w14:paraId and list the threads in commentsExtended.xml."""
    pairs = getattr(docx, "_thread_pairs", [])
    ids = {}
    for n, c in enumerate(docx.comments, 1):
        para = c._comment_elm.p_lst[-1]
        ids[c.comment_id] = f"{0x10000000 + n:08X}"
        para.set(f"{{{W14}}}paraId", ids[c.comment_id])
    entries = []
    parents = {reply.comment_id: parent.comment_id for parent, reply in pairs}
    for c in docx.comments:
        parent = parents.get(c.comment_id)
        link = f' w15:paraIdParent="{ids[parent]}"' if parent is not None else ""
        entries.append(f'<w15:commentEx w15:paraId="{ids[c.comment_id]}"{link} w15:done="0"/>')
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w15:commentsEx xmlns:w15="{W15}">{"".join(entries)}</w15:commentsEx>').encode("utf-8")
    part = Part(PackURI("/word/commentsExtended.xml"), CT_EXTENDED, xml, docx.part.package)
    docx.part.relate_to(part, RT_EXTENDED)
