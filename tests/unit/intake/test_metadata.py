from datetime import date

from workbench.intake import document_from_text
from workbench.intake.model import DocumentKind

DECISION = """某市生态环境局
行政处罚决定书
焦环罚〔2026〕87号
当事人：某某化工有限公司
统一社会信用代码：91410800MA0000000X
我局于2026年9月1日对你单位进行了检查。
某市生态环境局
2026年10月20日"""

NORMATIVE = """某市生态环境局关于加强建设项目环境管理的办法
第一条 为加强管理，制定本办法。
第九条 本办法自2026年12月1日起施行。"""


def test_enforcement_decision_metadata():
    doc = document_from_text(DECISION)
    assert doc.kind == DocumentKind.ENFORCEMENT
    assert "行政处罚决定书" in doc.kind_reason
    assert doc.doc_number == "焦环罚〔2026〕87号"
    assert doc.date == date(2026, 10, 20)
    assert doc.organ == "某市生态环境局"
    assert doc.title == "某市生态环境局行政处罚决定书"


def test_normative_document_metadata():
    doc = document_from_text(NORMATIVE)
    assert doc.kind == DocumentKind.NORMATIVE
    assert doc.title == "某市生态环境局关于加强建设项目环境管理的办法"
    assert doc.date == date(2026, 12, 1)


def test_kind_from_body_when_title_is_missing():
    doc = document_from_text("当事人：某公司\n违法事实：超标排放\n处罚依据：……\n可申请行政复议。")
    assert doc.kind == DocumentKind.ENFORCEMENT


def test_kind_can_be_overridden():
    assert document_from_text(DECISION, kind="normative").kind == DocumentKind.NORMATIVE


def test_chinese_numeral_date_and_bracket_variants():
    doc = document_from_text("关于某事的通知\n豫环办[2025]12号\n二〇二五年三月五日")
    assert doc.doc_number == "豫环办[2025]12号"
    assert doc.date == date(2025, 3, 5)


def test_decision_from_a_web_page_index_block_is_recognised():
    text = ("索引号\nG0C320-1301-2026-00011\n发文字号:\n发文机关:\n县生态环境分局\n发布时间:\n2026年02月09日\n"
            "豫0721环罚决字〔2026〕6号新乡县城投环境水务有限公司\n来源:县生态环境分局\n行政处罚决定书\n"
            "新乡县城投环境水务有限公司\n统一社会信用代码:91410721MA9M1U7C3D\n一、环境违法事实和证据\n我局于2025年11月12日检查……")
    doc = document_from_text(text)
    assert doc.kind == DocumentKind.ENFORCEMENT
    assert doc.title == "县生态环境分局行政处罚决定书"
    assert doc.doc_number == "豫0721环罚决字〔2026〕6号"


def test_decision_without_title_or_the_word_party_is_recognised():
    text = ("开江县兴马塑料科技有限公司:\n地 址:四川省达州市开江县经开区\n统一社会信用代码:91511723MA67BN891C\n法定代表人:刘某\n"
            "我局于2021年6月9日对你公司进行了调查,发现你公司实施了以下环境违法行为:\n未经环评批复擅自开工建设。\n"
            "以上事实有《现场检查(勘察)笔录》等证据为凭。\n依据《中华人民共和国环境影响评价法》第三十一条的规定，我局决定对你公司处以罚款。")
    doc = document_from_text(text)
    assert doc.kind == DocumentKind.ENFORCEMENT
    assert not doc.title.startswith("开江县")  # the party's name line is not the title


def test_a_number_cited_in_the_body_is_not_the_documents_own():
    text = "关于“未验先投”违法行为适用法律问题的意见\n各省生态环境厅：\n根据《关于审理行政案件适用法律规范问题的座谈会纪要》（法［2004］96号）的规定，现提出如下意见。"
    assert document_from_text(text).doc_number == ""


def test_reading_date_falls_back_to_the_year_of_the_doc_number():
    from workbench.intake.metadata import reading_date

    doc = document_from_text("某县生态环境局\n行政处罚决定书\n宜环罚〔2023〕28号\n当事人：某公司\n")
    assert doc.date is None
    assert reading_date(doc) == date(2023, 12, 31)
    assert reading_date(doc, date(2026, 1, 1)) == date(2026, 1, 1)


def test_a_fragment_without_heading_is_read_as_a_decision_from_what_it_decides():
    doc = document_from_text("你单位未按规定运行污水处理设施，本局决定对你单位处以罚款人民币捌万元。")
    assert doc.kind == DocumentKind.ENFORCEMENT
    assert "本局决定" in doc.kind_reason and "你单位" in doc.kind_reason


def test_a_normative_clause_that_names_a_fine_is_not_a_decision():
    for text in ("对违反本办法规定的，由市生态环境局依法处以罚款。", "各县区要责令企业限期整改，我局决定开展专项检查。"):
        assert document_from_text(text).kind == DocumentKind.NORMATIVE


def test_the_user_still_overrides_what_the_wording_says():
    text = "你单位未按规定运行污水处理设施，本局决定对你单位处以罚款人民币捌万元。"
    assert document_from_text(text, kind="normative").kind == DocumentKind.NORMATIVE
    assert document_from_text(text, kind="normative").kind_reason == "由用户指定"
