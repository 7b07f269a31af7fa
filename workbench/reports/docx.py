"""An opinion letter as .docx (python-docx), laid out after GB/T 9704-2012.

A4 with the standard's margins, the title in 方正小标宋简体 2号, the body in
仿宋_GB2312 3号 at a fixed pitch of 22 lines a page, first-level headings in
黑体, page numbers “— 1 —” in the footer. Fonts are named in every run for
both scripts (``w:ascii``/``w:hAnsi`` and ``w:eastAsia``: python-docx's
``font.name`` sets only the first two, and Word picks Chinese text's font from
``w:eastAsia``). The font table lists the font Word and WPS should use where a
named one is not installed (``w:altName``: 仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体 …).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from workbench.reports.layout import (
    DOCX_FONTS,
    FOOTER_PT,
    LETTER_BODY_PT,
    LETTER_LINE_PT,
    LETTER_PAGE,
    LETTER_TABLE_LINE_PT,
    LETTER_TABLE_PT,
    PAGE_NUMBER_PT,
)
from workbench.reports.letter import HEADING1, STYLES, TABLE, TITLE, Letter

TYPE_AREA_WIDTH_MM = 210.0 - LETTER_PAGE.left_mm - LETTER_PAGE.right_mm  # 156 mm


def set_run_font(font, role: str, size: float | None = None, bold: bool | None = None) -> None:
    """Name the font of a run or style (``docx.text.font.Font``) for Latin and Chinese text."""
    name = DOCX_FONTS[role][0]
    font.name = name  # w:ascii and w:hAnsi
    rfonts = font._element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), name)
    rfonts.set(qn("w:cs"), name)
    rfonts.set(qn("w:hint"), "eastAsia")  # “”：… (shared punctuation) in the Chinese font too
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold


def _format(paragraph, *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_chars: float = 0, right_chars: float = 0,
            line_pt: float = LETTER_LINE_PT, before_lines: float = 0, size: float = LETTER_BODY_PT) -> None:
    pf = paragraph.paragraph_format
    pf.alignment = align
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(line_pt)
    pf.space_after = Pt(0)
    pf.space_before = Pt(before_lines * line_pt)
    pf.first_line_indent = Pt(indent_chars * size) if indent_chars else Pt(0)
    if right_chars:
        pf.right_indent = Pt(right_chars * size)
    pf.widow_control = True


def _add_text(paragraph, text: str, role: str, size: float, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    set_run_font(run.font, role, size, bold)


_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT, "left": WD_ALIGN_PARAGRAPH.LEFT,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def write_letter_docx(letter: Letter, path) -> Path:
    """Write ``letter`` to ``path`` (.docx) and return the path."""
    path = Path(path)
    doc = Document()
    set_up_page(doc)
    set_up_styles(doc)
    kinds = [b.kind for b in letter.blocks]
    # From the last first-level heading (the conclusion) to the date: one page, as the window prints it.
    keep_from = len(kinds) - 1 - kinds[::-1].index(HEADING1) if HEADING1 in kinds else len(kinds) - 3
    for n, block in enumerate(letter.blocks):
        if block.kind == TABLE:
            _add_table(doc, block)
            continue
        role, size, align, indent, right, before = STYLES[block.kind]
        align = _ALIGN[align]
        paragraph = doc.add_paragraph()
        line = LETTER_LINE_PT * (1.25 if block.kind == TITLE else 1)
        _format(paragraph, align=align, indent_chars=indent, right_chars=right, line_pt=line,
                before_lines=before, size=size)
        if block.kind == TITLE:
            paragraph.paragraph_format.space_after = Pt(LETTER_LINE_PT / 2)
        if block.kind == HEADING1 or keep_from <= n < len(kinds) - 1:
            paragraph.paragraph_format.keep_with_next = True
        _add_text(paragraph, block.text, role, size)
    for note in letter.furniture.notes:
        paragraph = doc.add_paragraph()
        _format(paragraph, align=WD_ALIGN_PARAGRAPH.LEFT, line_pt=FOOTER_PT * 1.5, size=FOOTER_PT)
        _add_text(paragraph, note, "body", FOOTER_PT)
    _page_number_footer(doc, letter.furniture.footer_lines)
    declare_fonts(doc)
    props = doc.core_properties
    props.title = letter.title
    props.subject = letter.review_id
    props.author = "合法性审查工作台"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


def set_up_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(LETTER_PAGE.top_mm)
    section.bottom_margin = Mm(LETTER_PAGE.bottom_mm)
    section.left_margin = Mm(LETTER_PAGE.left_mm)
    section.right_margin = Mm(LETTER_PAGE.right_mm)
    section.footer_distance = Mm(LETTER_PAGE.footer_mm)
    section.header_distance = Mm(15)


def set_up_styles(doc) -> None:
    normal = doc.styles["Normal"]
    set_run_font(normal.font, "body", LETTER_BODY_PT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LETTER_LINE_PT)
    pf.space_after = Pt(0)
    pf.space_before = Pt(0)
    # The East Asian language, so Word applies Chinese line-breaking rules.
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(lang)


def _add_table(doc, block) -> None:
    widths = block.widths or (1.0, 3.0)
    total = sum(widths)
    col_mm = [TYPE_AREA_WIDTH_MM * w / total for w in widths]
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for row in block.rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row)):
            cell.width = Mm(col_mm[i])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            lines = text.split("\n") if text else [""]
            for j, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if j == 0 else cell.add_paragraph()
                label = i == 0
                _format(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER if label else WD_ALIGN_PARAGRAPH.LEFT,
                        line_pt=LETTER_TABLE_LINE_PT, size=LETTER_TABLE_PT)
                if line:
                    _add_text(paragraph, line, "heading1" if label else "body", LETTER_TABLE_PT)
        # A row is never split across pages (w:cantSplit).
        tr_pr = table.rows[-1]._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        tr_pr.append(cant)
    for i, column in enumerate(table.columns):
        column.width = Mm(col_mm[i])
    # A paragraph after the table (Word needs one between a table and what follows).
    after = doc.add_paragraph()
    _format(after, line_pt=LETTER_TABLE_LINE_PT)


def _page_number_footer(doc, lines=()) -> None:
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    for line in lines:  # the furniture's footer lines, above the page number
        _format(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=FOOTER_PT * 1.4, size=FOOTER_PT)
        _add_text(paragraph, line, "body", FOOTER_PT)
        paragraph = footer.add_paragraph()
    _format(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=PAGE_NUMBER_PT * 1.5, size=PAGE_NUMBER_PT)
    _add_text(paragraph, "— ", "page_number", PAGE_NUMBER_PT)
    run = paragraph.add_run()
    set_run_font(run.font, "page_number", PAGE_NUMBER_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        else:
            el = OxmlElement("w:t")
            el.text = "1"
        run._r.append(el)
    _add_text(paragraph, " —", "page_number", PAGE_NUMBER_PT)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FONT_FAMILY = {"body": "modern", "title": "roman", "heading1": "modern", "heading2": "modern", "page_number": "roman"}


def declare_fonts(doc) -> None:
    """List our fonts in word/fontTable.xml, each with the font to use when it is missing."""
    part = doc.part.part_related_by(RT.FONT_TABLE)
    root = etree.fromstring(part.blob)
    present = {f.get(f"{{{_W}}}name") for f in root.findall(f"{{{_W}}}font")}
    for role, (name, alt) in DOCX_FONTS.items():
        if name in present:
            continue
        present.add(name)
        font = etree.SubElement(root, f"{{{_W}}}font")
        font.set(f"{{{_W}}}name", name)
        for tag, value in (("altName", alt), ("charset", "86"), ("family", _FONT_FAMILY[role]), ("pitch", "variable")):
            el = etree.SubElement(font, f"{{{_W}}}{tag}")
            el.set(f"{{{_W}}}val", value)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
