"""A draft as drafting units write them: bold and coloured runs, a title split
across runs, Word's automatic numbering (一、二、… not in the text), a table, a
header; for the annotated-export tests."""

from __future__ import annotations

from pathlib import Path

from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor

from tests.helpers.docx_factory import W, numbered_document

TITLE = "某市生态环境局关于加强挥发性有机物排放管理的通知"
CITATION_TITLE = "中华人民共和国大气污染防治法"
LICENCE = "须经本局批准后方可排放污染物"
TABLE_CELL = "企业应当使用本局推荐名录内的检测机构。"


def write_formatted_draft(path: Path) -> Path:
    """Write the draft and return its path. Numbered items are 一、二、三、 (chineseCounting)."""
    doc = numbered_document([], lvl_text="%1、")
    doc.sections[0].header.paragraphs[0].text = "某市生态环境局文件"

    title = doc.add_paragraph()
    run = title.add_run(TITLE)
    run.bold = True
    run.font.size = Pt(22)

    doc.add_paragraph("各县（市、区）生态环境分局：")

    basis = doc.add_paragraph()
    basis.add_run("为加强挥发性有机物排放管理，")
    basis.add_run("依据《中华人民共和国大气")  # the title starts inside this run …
    red = basis.add_run("污染防治法》第一百零八条")  # … and ends inside this one (red, italic)
    red.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    red.italic = True
    basis.add_run("的规定，结合本市实际，")
    bold = basis.add_run("现通知如下")
    bold.bold = True
    basis.add_run("。")

    for text in (
        "本市范围内的排污单位" + LICENCE + "。",
        "各县（市、区）生态环境分局应当加强日常监督检查。",
    ):
        para = doc.add_paragraph()
        para.add_run(text[:6])
        para.add_run(text[6:]).bold = True
        para._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))

    table = doc.add_table(rows=2, cols=2)
    table.style = doc.styles["Table Grid"]
    table.cell(0, 0).text = "事项"
    table.cell(0, 1).text = "要求"
    table.cell(1, 0).text = "检测"
    cell = table.cell(1, 1).paragraphs[0]
    cell.add_run("企业应当使用")
    cell.add_run("本局推荐名录内的检测机构").underline = True
    cell.add_run("。")

    doc.add_paragraph("本通知自2026年10月1日起施行，有效期五年。")
    doc.add_paragraph("某市生态环境局")
    doc.add_paragraph("2026年9月1日")
    doc.save(str(path))
    return path
