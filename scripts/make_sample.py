"""Write the sample draft shipped in resources/samples/ (run by hand when it changes).

A short normative document with typical problems, so that a new user sees the
workbench find something on first start.
"""

from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "resources" / "samples" / "示例-关于加强建材市场管理的若干规定.docx"

PARAGRAPHS = [
    ("title", "某市生态环境局关于加强建材市场环境管理的若干规定"),
    ("body", "（征求意见稿）"),
    ("body", "第一条 为加强本市建材市场环境管理，根据《中华人民共和国大气污染防治法》等法律法规，结合本市实际，制定本规定。"),
    ("body", "第二条 全市新建项目须使用市建材公司生产的商品混凝土。"),
    ("body", "第三条 外地企业参与本市政府采购项目的，须在本市设立分支机构。"),
    ("body", "第四条 在本市范围内新建搅拌站的，须经本局批准后方可施工。"),
    ("body", "第五条 按企业缴纳增值税地方留成部分的50%给予奖励。"),
    ("body", "第六条 违反本规定的，由市生态环境局处五千元罚款。"),
    ("body", "第七条 行政机关不得限定或者变相限定单位或者个人购买、使用其指定的经营者提供的商品。"),
    ("body", "第八条 本规定由市生态环境局负责解释。"),
]


def main() -> None:
    doc = Document()
    for kind, text in PARAGRAPHS:
        p = doc.add_paragraph(text, style="Title" if kind == "title" else None)
        for run in p.runs:
            run.font.size = Pt(16)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "起草单位"
    table.cell(0, 1).text = "市生态环境局大气环境科"
    table.cell(1, 0).text = "日期"
    table.cell(1, 1).text = "2026年10月20日"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
