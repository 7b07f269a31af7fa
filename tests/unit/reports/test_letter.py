"""Opinion letters: the content from a closed review, and the .docx read back with python-docx."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from workbench.errors import WorkbenchError
from workbench.reports import build_letter, write_letter_docx


def _paragraphs(doc):
    return [p.text for p in doc.paragraphs]


def test_legality_letter_docx_has_its_parts(log, sample, tmp_path):
    state = log.review(sample.ids["notice"])
    accepted = [f for f in state.findings if f.status == "accepted"]
    dismissed = [f for f in state.findings if f.status == "dismissed"]
    assert accepted and dismissed
    path = write_letter_docx(build_letter(state, bureau="某市生态环境局", number="某环法审〔2026〕3号"),
                             tmp_path / "意见书.docx")
    doc = Document(path)
    text = _paragraphs(doc)
    assert text[0] == "合法性审核意见书"
    assert text[1] == "某环法审〔2026〕3号"
    assert text[2] == "大气环境科："
    assert text[3].startswith("你单位于2026年4月1日送审的《关于加强排污单位管理的通知》收悉。")
    headings = [t for t in text if t[:2] in ("一、", "二、", "三、", "四、")]
    assert headings == ["一、审核的文件", "二、审核发现的问题及法律依据", "三、法律顾问意见", "四、审核结论"]
    body = "\n".join(text)
    for f in accepted:  # every accepted finding with its basis
        assert f.message.rstrip("。") in body
        assert "依据：" + "；".join(f.basis) + "。" in body
    for f in dismissed:
        assert f.message.rstrip("。") not in body
    assert "（一）王律师（2026年4月3日）：第一条“须经本局批准后方可排放”属于设定行政许可，建议删除。" in text
    assert "（二）赵律师（2026年4月4日）：同意审查意见。" in text
    conclusions = [t for t in text if "修改后通过" in t]
    assert conclusions == ["经审核，结论为“修改后通过”。该文件存在上述问题，请按本意见修改完善后，按程序提请审议、发布。"]
    assert text[-3:] == ["审核人：李四　　　　负责人：", "某市生态环境局", "2026年4月10日"]


def test_docx_names_the_official_fonts_for_chinese_text(log, sample, tmp_path):
    path = write_letter_docx(build_letter(log.review(sample.ids["notice"]), bureau="甲局"), tmp_path / "l.docx")
    doc = Document(path)
    title_fonts = doc.paragraphs[0].runs[0]._r.rPr.rFonts
    assert title_fonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert doc.paragraphs[0].runs[0].font.size.pt == 22
    body_run = doc.paragraphs[2].runs[0]
    assert body_run._r.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body_run.font.size.pt == 16
    heading = next(p for p in doc.paragraphs if p.text == "一、审核的文件")
    assert heading.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert doc.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    # Word and WPS fall back to the alternative where the GB font is not installed.
    table = doc.part.part_related_by(RT.FONT_TABLE).blob.decode("utf-8")
    assert 'w:name="仿宋_GB2312"' in table and 'w:altName w:val="仿宋"' in table
    assert 'w:altName w:val="宋体"' in table
    # GB/T 9704 page: A4, top 37 mm, left 28 mm; page numbers as a PAGE field between dashes.
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.left_margin - Mm(28)) < Mm(0.1)
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    assert "PAGE" in "".join(t.text for t in footer._p.iter(qn("w:instrText")))


def test_fair_competition_form_is_a_table_with_the_four_standards(log, sample, tmp_path):
    state = log.review(sample.ids["policy"])
    doc = Document(write_letter_docx(build_letter(state, bureau="某市生态环境局"), tmp_path / "表.docx"))
    assert doc.paragraphs[0].text == "公平竞争审查表"
    rows = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert rows["政策措施名称"] == "《某县工业和信息化局关于促进工业经济稳增长的若干措施》"
    assert rows["起草单位"] == "产业发展科" and rows["审查机构"] == "某市生态环境局"
    for label in ("市场准入和退出标准", "商品和要素自由流动标准", "影响生产经营成本标准", "影响生产经营行为标准"):
        assert label in rows
    assert "须使用县建材有限公司" in rows["市场准入和退出标准"]
    assert "《公平竞争审查条例》" in rows["商品和要素自由流动标准"]
    assert rows["影响生产经营行为标准"] == "未发现违反该项标准的内容。"
    assert rows["审查结论"].startswith("不符合。") and "不得出台" in rows["审查结论"]
    assert "王律师（2026年3月5日）" in rows["法律顾问意见"]
    assert "2026年3月10日" in rows["审查机构负责人意见"]


def test_enforcement_letter_names_the_catalogue_items(log, sample, tmp_path):
    state = log.review(sample.ids["decision"])
    letter = build_letter(state, bureau="某市生态环境局")
    doc = Document(write_letter_docx(letter, tmp_path / "执法.docx"))
    text = _paragraphs(doc)
    assert text[0] == "重大执法决定法制审核意见书"
    listed = next(t for t in text if t.startswith("是否属于重大执法决定法制审核目录清单事项"))
    assert "较大数额罚款" in listed and "责令停产整治" in listed
    assert "文号：某环罚〔2026〕13号" in text
    assert "《中华人民共和国行政处罚法》第五十八条" in text[2]
    assert "经审核，结论为“通过”。同意作出该决定。" in text
    body = "\n".join(text)
    assert "复议期限应为六十日" in body
    catalogue = [f for f in state.findings if f.category == "catalogue"]
    assert catalogue and all(f.message.rstrip("。") not in body for f in catalogue)  # listed above, not as problems


def test_no_letter_for_an_open_review(log, sample):
    with pytest.raises(WorkbenchError, match="尚未办结"):
        build_letter(log.review(sample.ids["open"]))


def test_a_review_without_findings_or_opinions_says_so(log, sample):
    text = build_letter(log.review(sample.ids["clean"]), bureau="").text()
    assert "经审核，未发现该文件存在违反法律、法规、规章和国家政策的问题。" in text
    assert "本件未征求法律顾问意见。" in text
    assert "（单位名称）" in text and "经审核，结论为“通过”。该文件可按程序提请审议、发布。" in text


def test_findings_are_cited_by_article_with_the_clause_quoted(log, sample):
    from workbench.workspace import Workspace

    state = log.review(sample.ids["notice"])
    document = Workspace.parse_stored(*log.document_file(state.id), "normative")
    text = build_letter(state, bureau="甲局", document=document).text()
    # 一、本市范围内的排污单位须经本局批准后方可排放污染物。 — cited as 第一条, its number not quoted.
    assert "原文（第一条）：“本市范围内的排污单位须经本局批准后方可排放污染物。”" in text
    assert "段）" not in text
    without = build_letter(state, bureau="甲局").text()  # the draft not at hand: the paragraph number
    assert "原文（第3段）：" in without


def test_the_letter_carries_the_number_the_log_gave_it(sample, tmp_path):
    import shutil

    from workbench.log import ReviewLog

    copy = tmp_path / "log.sqlite3"
    shutil.copy(sample.path, copy)
    with ReviewLog.open(copy) as log:
        assert build_letter(log.review(sample.ids["notice"])).number == ""  # not issued yet: no number printed
        issued = log.issue_letter(sample.ids["notice"], prefix="某环法审", actor="李四")
        letter = build_letter(log.review(sample.ids["notice"]))
    assert letter.number == issued.number == "某环法审〔2026〕1号"
    assert letter.blocks[1].text == "某环法审〔2026〕1号"
