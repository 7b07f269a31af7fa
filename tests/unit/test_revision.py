from workbench.checking import check_document
from workbench.intake import document_from_text
from workbench.revision import RESOLVED, STILL_PRESENT, finding_status, paragraph_changes

FIRST = """关于加强建材市场管理的若干规定
第一条 全市新建项目须使用市建材公司生产的商品混凝土。
第二条 违反本规定的，由市生态环境局处五千元罚款。
第三条 本规定自2026年12月1日起施行，有效期5年。"""

REVISED = """关于加强建材市场管理的若干规定
第一条 全市新建项目须使用市建材公司生产的商品混凝土。
第二条 违反本规定的，依照有关法律、法规的规定处理。
第三条 本规定自2026年12月1日起施行，有效期5年。"""


def findings(text):
    return check_document(document_from_text(text, kind="normative")).findings


def test_earlier_findings_are_resolved_or_still_present():
    earlier = findings(FIRST)
    statuses = {s.earlier.rule: s.status for s in finding_status(earlier, findings(REVISED))}
    assert statuses["fc.entry.designated_operator"] == STILL_PRESENT
    assert statuses["leg.creates.penalty"] == RESOLVED


def test_the_same_finding_is_not_matched_twice():
    earlier = findings(FIRST + "\n第四条 各区须使用市建材公司的产品。")
    now = findings(REVISED)
    statuses = [s.status for s in finding_status(earlier, now) if s.earlier.rule == "fc.entry.designated_operator"]
    assert sorted(statuses) == [RESOLVED, STILL_PRESENT]


def test_paragraph_changes():
    changes = paragraph_changes(FIRST.split("\n"), REVISED.split("\n") + ["第四条 新增条款。"])
    assert [(c.kind, c.new[:3]) for c in changes] == [("changed", "第二条"), ("added", "第四条")]
    assert "罚款" in changes[0].old
