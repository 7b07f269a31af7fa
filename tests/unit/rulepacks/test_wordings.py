"""Wordings that no rule example and no eval case contains.

The first list is violations written the way other drafts write them: the
packs must catch each under the right category. The second list is clauses
written correctly (prohibitions on the organ itself, restating the law): the
packs must stay quiet on each.
"""

from __future__ import annotations

import pytest

from workbench.checking import builtin_engine
from workbench.intake import document_from_text

ENGINE = builtin_engine()


def findings(text: str, kind: str = "normative", reviews=("legality", "fair_competition", "enforcement")):
    return ENGINE.check(document_from_text(text, kind=kind), reviews=reviews)


UNSEEN_VIOLATIONS = [
    # (text, review, category)
    ("各医疗机构的医疗废物统一交由市洁源环保有限公司收集处置。", "fair_competition", "market_entry_exit"),
    ("参与本市老旧小区改造的施工单位，须从市住建局公布的推荐企业名录中选取。", "fair_competition", "market_entry_exit"),
    ("申请入驻孵化基地的企业应当在本区设立独立法人公司。", "fair_competition", "free_movement"),
    ("对年度纳税额超过1000万元的企业，按其纳税额的5%给予奖励。", "fair_competition", "production_cost"),
    ("新迁入本市的企业总部，给予一次性落户补贴200万元。", "fair_competition", "production_cost"),
    ("企业享受本政策后五年内迁离本县的，须退回全部补助资金。", "fair_competition", "free_movement"),
    ("全县砂石经营企业统一执行县协会公布的最低限价。", "fair_competition", "business_conduct"),
    ("市外同类产品进入本市销售的，应当另行检测并出具检测报告。", "fair_competition", "free_movement"),
    # Written for the fair-competition frames, before tuning them, to test the standards' reach:
    ("各乡镇的生活垃圾由县环卫公司统一清运。", "fair_competition", "market_entry_exit"),
    ("指定县供销社为化肥统一配送单位。", "fair_competition", "market_entry_exit"),
    ("全县村级财务代理记账服务委托某会计师事务所统一承担。", "fair_competition", "market_entry_exit"),
    ("鼓励各单位推荐使用省级推荐目录内的环保设备。", "fair_competition", "market_entry_exit"),
    ("未列入名单的检测机构出具的报告不予采信。", "fair_competition", "market_entry_exit"),
    ("参与投标的企业须在本市缴纳社保满三年。", "fair_competition", "free_movement"),
    ("本市重点工程优先使用本市生产的建材产品。", "fair_competition", "free_movement"),
    ("在本县没有固定经营场所的企业不得参与本县政府采购。", "fair_competition", "free_movement"),
    ("对新落户的总部企业，前三年按其缴纳企业所得税地方留存部分全额奖励。", "fair_competition", "production_cost"),
    ("企业在境内外资本市场上市成功后，给予一次性奖励五百万元。", "fair_competition", "production_cost"),
    ("全市驾驶员培训收费标准统一为每人三千元。", "fair_competition", "business_conduct"),
    ("组织辖区内混凝土企业协商确定统一销售价格。", "fair_competition", "business_conduct"),
    ("未经区生态环境分局批准，任何单位不得在河道管理范围内设置排污口。", "legality", "creates_power"),
    ("对违反本规定的单位，由区城市管理局给予警告，并处一万元罚款。", "legality", "creates_power"),
    ("被列入黑名单的企业，三年内取消其申报各类财政资金的资格。", "legality", "rights_obligations"),
]


@pytest.mark.parametrize("text,review,category", UNSEEN_VIOLATIONS)
def test_unseen_violation_is_caught_in_its_category(text, review, category):
    found = findings(text)
    assert any(f.review == review and f.category == category for f in found), [(f.rule, f.matched) for f in found]


CORRECT_CLAUSES = [
    "行政机关不得以备案、登记、注册等形式限定经营者购买指定的商品。",
    "排污单位应当依法申领排污许可证，并按照排污许可证的规定排放污染物。",
    "起草单位不得设定行政许可、行政处罚、行政强制等事项。",
    "任何单位不得限制外地商品进入本地市场，不得要求外地企业在本地设立分支机构。",
    "不得对外地经营者实行歧视性的收费标准。",
    "为保护生态环境，不得以环保为由限定企业使用特定品牌的治理设备。",
    "补助对象通过公开申报、专家评审的方式确定，评审标准向社会公布。",
    "企业迁出本市的，依法办理税务迁移手续，有关部门不得设置障碍。",
    "违反本办法规定的，由生态环境主管部门依照《中华人民共和国大气污染防治法》第九十九条的规定处罚。",
    "本办法所称重点排污单位，是指依法列入重点排污单位名录的企业事业单位。",
    "依据《公平竞争审查条例》第八条规定：“起草单位起草的政策措施，不得含有下列限制或者变相限制市场准入和退出的内容：（三）限定经营、购买或者使用特定经营者提供的商品或者服务”。",
]


@pytest.mark.parametrize("text", CORRECT_CLAUSES)
def test_correct_clause_stays_quiet(text):
    found = [f for f in findings(text) if f.paragraph is not None]
    assert not found, [(f.rule, f.matched) for f in found]


def test_a_sentence_forbidding_restriction_resembles_no_case():
    text = "第七条 行政机关不得限定或者变相限定单位或者个人购买、使用其指定的经营者提供的商品。"
    assert not [f for f in findings(text) if f.rule == "fc.case.resembles_published"]
