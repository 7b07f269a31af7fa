"""Build real .docx files with the features drafts have: runs split mid-word,
tracked insertions and deletions, comments, automatic list numbering, tables,
headers and footers. Raw WordprocessingML is written where python-docx has no API."""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W = nsdecls("w")


def add_runs(doc, pieces: list[str]):
    """One paragraph whose text is split across several runs (as Word does)."""
    p = doc.add_paragraph()
    for piece in pieces:
        p.add_run(piece)
    return p


def add_tracked(doc, before: str, inserted: str, deleted: str, after: str):
    """A paragraph with a tracked insertion and a tracked deletion."""
    p = doc.add_paragraph()
    p.add_run(before)
    p._p.append(parse_xml(
        f'<w:ins {W} w:id="1" w:author="审查员" w:date="2026-10-01T00:00:00Z"><w:r><w:t>{inserted}</w:t></w:r></w:ins>'
    ))
    p._p.append(parse_xml(
        f'<w:del {W} w:id="2" w:author="审查员" w:date="2026-10-01T00:00:00Z"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'
    ))
    p.add_run(after)
    return p


def add_comment_marker(p, comment_text: str):
    """A comment anchored in the paragraph (python-docx ≥1.2 writes the comments part)."""
    doc_part = p.part
    try:
        doc_part.document.add_comment(p.runs, text=comment_text, author="审查员")
    except AttributeError:  # older python-docx: no comments API
        pass


def numbered_document(items: list[str], lvl_text: str = "第%1条", num_fmt: str = "chineseCounting") -> Document:
    """A document whose paragraphs carry Word automatic numbering (not typed text)."""
    doc = Document()
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{num_fmt}"/><w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>'
    )
    num = parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    # abstractNum elements must precede num elements in numbering.xml.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    for text in items:
        p = doc.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    return doc


def save(doc, path: Path) -> Path:
    doc.save(str(path))
    return path
