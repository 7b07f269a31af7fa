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
