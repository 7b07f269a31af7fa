"""Word (.docx) drafts, read through python-docx and its XML.

Reading order: headers and footers first (each distinct one once), then body
paragraphs and table cells as they stand, so that the body ends the text. Tracked insertions count as text, tracked
deletions do not, comments are ignored. Automatic list numbering ("第一条",
"（一）" produced by Word, not typed) is computed from numbering.xml and put in
front of the paragraph, because reviewers and citations refer to it. A text
box (often the 文号 or a heading) is read once, as paragraphs of their own
after the paragraph it is anchored in, not glued into that paragraph's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx import Document as open_docx
from docx.oxml.ns import qn

from workbench.errors import InputError
from workbench.intake.docx_numbering import Numbering
from workbench.intake.model import Document
from workbench.intake.zip_guard import safe_package

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_DEL, W_MOVEFROM, W_INSTR = qn("w:del"), qn("w:moveFrom"), qn("w:instrText")
W_SDT, W_SDTCONTENT = qn("w:sdt"), qn("w:sdtContent")
W_TXBX = qn("w:txbxContent")
# Word writes each text box twice: the DrawingML shape (mc:Choice) and a VML copy (mc:Fallback).
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_INLINE = (W_DEL, W_MOVEFROM, W_TXBX, MC_FALLBACK)

def paragraph_pieces(p_el):
    """(element, text) for each piece of a w:p's visible text, in order: w:t
    outside deletions, tabs of a run, line breaks. The one definition of what
    counts as a paragraph's text (the annotated export maps offsets back to
    these elements). Text boxes are not part of it: they are read apart."""
    for el in p_el.iter(W_T, W_TAB, W_BR, W_CR):
        if _inside(el, _NOT_INLINE, p_el):
            continue
        tag = el.tag
        if tag == W_T:
            yield el, el.text or ""
        elif tag == W_TAB:
            if el.getparent() is not None and el.getparent().tag == qn("w:r"):
                yield el, "\t"
        elif el.get(qn("w:type")) not in ("page", "column"):
            yield el, "\n"


def text_boxes(p_el) -> list:
    """The text boxes anchored in ``p_el`` (each once: not the VML copy, not boxes inside boxes)."""
    return [box for box in p_el.iter(W_TXBX) if not _inside(box, (MC_FALLBACK, W_TXBX), p_el)]


def _paragraph_text(p_el) -> str:
    """Visible text of a w:p: insertions in, deletions out, field codes out."""
    return "".join(text for _, text in paragraph_pieces(p_el))


def _inside(el, tags, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


@dataclass(frozen=True)
class BodyParagraph:
    """A w:p of the body (or of a table cell) as the intake reads it."""

    element: object  # the w:p (lxml element)
    text: str  # its text in Document.text: automatic number label + own text
    label_length: int  # characters of the label put in front (not in any run)
    attrs: dict  # Paragraph keyword arguments (source, table, style)


def body_paragraphs(docx) -> list[BodyParagraph]:
    """Body paragraphs and table cells in reading order, with their automatic numbers."""
    try:
        numbering = Numbering(docx.part.numbering_part.element)
    except (KeyError, NotImplementedError, AttributeError):
        numbering = Numbering(None)
    style_numpr = {}
    # The raw w:style elements: python-docx's style objects refuse a style without a type.
    for el in docx.styles.element.findall(qn("w:style")):
        ppr = el.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is not None:
            style_numpr[el.get(qn("w:styleId"))] = ppr.numPr

    items: list[BodyParagraph] = []

    def paragraph_item(p_el, **attrs):
        style_id = p_el.pPr.pStyle.val if p_el.pPr is not None and p_el.pPr.pStyle is not None else ""
        label = numbering.label(p_el, style_numpr.get(style_id))
        text = _paragraph_text(p_el)
        prefix = ""
        if label and not text.startswith(label):
            prefix = label + ("" if label.endswith(("条", "、", "）", ")", "章", "节")) else " ")
        items.append(BodyParagraph(p_el, prefix + text, len(prefix), dict(attrs, style=style_id)))
        for box in text_boxes(p_el):
            walk(box, source="textbox")

    table_count = 0

    def walk(container, **attrs):
        nonlocal table_count
        for child in container.iterchildren():
            if child.tag == W_P:
                paragraph_item(child, **attrs)
            elif child.tag == W_TBL:
                t = table_count
                table_count += 1
                for r, tr in enumerate(child.iterchildren(W_TR)):
                    for c, tc in enumerate(tr.iterchildren(W_TC)):
                        for p_el in tc.iter(W_P):
                            if not _inside(p_el, (W_TXBX,), tc):  # a box's paragraphs come with its anchor
                                paragraph_item(p_el, source="table", table=(t, r, c))
            elif child.tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    walk(content, **attrs)

    walk(docx.element.body)
    return items


def margin_paragraphs(docx) -> list[tuple[str, dict]]:
    """Header and footer paragraphs (each distinct one once, stripped), as read first."""
    margins: list[tuple[str, dict]] = []
    seen: set[tuple[str, str]] = set()
    for section in docx.sections:
        for source, part in (("header", section.header), ("footer", section.footer)):
            if part.is_linked_to_previous and seen:
                continue
            for p in part.paragraphs:
                boxed = [q for box in text_boxes(p._p) for q in box.iter(W_P) if not _inside(q, (W_TXBX,), box)]
                for p_el in (p._p, *boxed):
                    text = _paragraph_text(p_el).strip()
                    if text and (source, text) not in seen:
                        seen.add((source, text))
                        margins.append((text, {"source": source}))
    return margins


_BROKEN_REMEDY = "请在 Word/WPS 中打开并另存为新的 .docx 后再试"


def open_checked(path: str):
    """The python-docx document of ``path`` (its XML parts inflated under the cap, see
    ``zip_guard``; images left empty), or an ``InputError`` saying what to do."""
    package = safe_package(path)
    try:
        docx = open_docx(package)
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise InputError(path, f"Word 文档的内部结构有误，无法解析（{_reason(exc)}）", _BROKEN_REMEDY) from None
    if docx.element.body is None:
        raise InputError(path, "Word 文档缺少正文部分", _BROKEN_REMEDY)
    return docx


def _reason(exc: Exception) -> str:
    """What kind of damage, in words a user can pass on (not an English exception text)."""
    from lxml import etree

    if isinstance(exc, etree.XMLSyntaxError):
        return "XML 格式错误"
    if isinstance(exc, KeyError):
        return "缺少必需的部件"
    return f"结构不符合规范：{type(exc).__name__}"


def read_docx(path: str) -> Document:
    docx = open_checked(path)
    try:
        return _read(path, docx)
    except InputError:
        raise
    except Exception as exc:  # malformed XML inside a valid package: that file's error, never a crash
        raise InputError(path, f"Word 文档的内部结构有误，无法解析（{_reason(exc)}）", _BROKEN_REMEDY) from None


def _read(path: str, docx) -> Document:
    body = body_paragraphs(docx)
    tracked = {"ins": 0, "del": 0}
    for b in body:
        tracked["ins"] += len(b.element.findall(".//" + qn("w:ins")))
        tracked["del"] += len(b.element.findall(".//" + W_DEL))
    # Headers and footers go first: the body must end the text, because
    # checks read the signature and date at its end, and nearly every decision
    # has a page-number footer.
    items = margin_paragraphs(docx) + [(b.text, b.attrs) for b in body]
    doc = Document.from_paragraphs(path, items, "docx")
    if tracked["ins"] or tracked["del"]:
        doc.notes.append(f"文档含修订痕迹（插入 {tracked['ins']} 处、删除 {tracked['del']} 处）：按接受全部修订后的文字审查。")
    return doc
