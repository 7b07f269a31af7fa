"""Real .docx files with the features drafts have."""

from docx import Document as NewDocx

from tests.helpers.docx_factory import add_runs, add_tracked, numbered_document, save
from workbench.intake import load_document


def test_headers_and_footers_first_then_body_and_tables_in_reading_order(tmp_path):
    d = NewDocx()
    d.sections[0].header.paragraphs[0].text = "某市生态环境局文件"
    d.sections[0].footer.paragraphs[0].text = "第 1 页"
    d.add_paragraph("第一条 甲。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "单元格一"
    table.cell(0, 1).text = "单元格二"
    d.add_paragraph("第二条 乙。")
    doc = load_document(save(d, tmp_path / "a.docx"))
    texts = [doc.paragraph_text(i) for i in range(len(doc.paragraphs))]
    assert texts == ["某市生态环境局文件", "第 1 页", "第一条 甲。", "单元格一", "单元格二", "第二条 乙。"]
    sources = [p.source for p in doc.paragraphs]
    assert sources == ["header", "footer", "body", "table", "table", "body"]
    assert doc.paragraphs[4].table == (0, 0, 1)


def test_a_page_number_footer_does_not_hide_the_decision_date(tmp_path):
    from workbench.checking import check_document

    d = NewDocx()
    d.sections[0].footer.paragraphs[0].text = "第 1 页 共 1 页"
    for line in ("某市生态环境局", "行政处罚决定书", "当事人：某某化工有限公司", "我局决定对你单位处以罚款人民币五万元。",
                 "如不服本决定，可在收到本决定书之日起六十日内申请行政复议，也可以在六个月内提起行政诉讼。",
                 "某市生态环境局", "2026年10月8日"):
        d.add_paragraph(line)
    doc = load_document(save(d, tmp_path / "decision.docx"))
    assert doc.date is not None and doc.date.isoformat() == "2026-10-08"
    assert "enf.element.no_date" not in {f.rule for f in check_document(doc).findings}


def test_text_split_across_runs_is_matched_as_one(tmp_path):
    d = NewDocx()
    add_runs(d, ["全市新建项目须", "使", "用市建材", "公司生产的商品混凝土。"])
    doc = load_document(save(d, tmp_path / "runs.docx"), kind="normative")
    from workbench.checking import check_document

    rules = {f.rule for f in check_document(doc).findings}
    assert "fc.entry.designated_operator" in rules


def test_tracked_insertions_count_deletions_do_not(tmp_path):
    d = NewDocx()
    add_tracked(d, "企业应当", "依法", "按本局要求", "申领排污许可证。")
    doc = load_document(save(d, tmp_path / "tracked.docx"))
    assert doc.text.startswith("企业应当依法申领排污许可证。")
    assert "按本局要求" not in doc.text
    assert any("修订" in note for note in doc.notes)


def test_automatic_list_numbering_is_put_in_front_of_the_paragraph(tmp_path):
    d = numbered_document(["为加强管理，制定本办法。", "本办法由市生态环境局负责解释。", "本办法自2026年12月1日起施行。"])
    d.paragraphs[0].insert_paragraph_before("某某管理办法")
    doc = load_document(save(d, tmp_path / "numbered.docx"))
    texts = [doc.paragraph_text(i) for i in range(len(doc.paragraphs))]
    assert texts[1:4] == ["第一条为加强管理，制定本办法。", "第二条本办法由市生态环境局负责解释。", "第三条本办法自2026年12月1日起施行。"]


def test_chinese_counting_beyond_ten(tmp_path):
    d = numbered_document([f"条文{i}" for i in range(1, 23)], lvl_text="（%1）")
    doc = load_document(save(d, tmp_path / "many.docx"))
    texts = [doc.paragraph_text(i) for i in range(len(doc.paragraphs))]
    assert texts[9] == "（十）条文10"
    assert texts[10] == "（十一）条文11"
    assert texts[19] == "（二十）条文20"
    assert texts[21] == "（二十二）条文22"


def test_comments_are_ignored(tmp_path):
    d = NewDocx()
    p = d.add_paragraph("第一条 正文。")
    if not hasattr(d, "add_comment"):
        import pytest

        pytest.skip("python-docx in this environment cannot write comments")
    d.add_comment(p.runs, text="批注：此处须修改", author="顾问")
    doc = load_document(save(d, tmp_path / "comment.docx"))
    assert "批注" not in doc.text
    assert doc.text.startswith("第一条 正文。")


def test_offsets_map_to_paragraph_and_column(tmp_path):
    d = NewDocx()
    d.add_paragraph("标题")
    d.add_paragraph("第一条 违反本规定的，由市生态环境局处五千元罚款。")
    doc = load_document(save(d, tmp_path / "pos.docx"), kind="normative")
    from workbench.checking import check_document

    f = next(f for f in check_document(doc).findings if f.rule == "leg.creates.penalty")
    assert (f.paragraph, f.column) == (2, len("第一条 违反本规定的，由市生态环境局") + 1)
    assert doc.text[f.start:f.end] == "处五千元罚款"
