"""The case library's similarity: what it reads, what it compares, and the shipped tables.

The cases here are made up for the tests; none is a published clause.
"""
from __future__ import annotations

from workbench.rules.caselib import (
    NUMBER,
    RESEMBLANCE_THRESHOLD,
    amount_only,
    CaseLibrary,
    PublishedCase,
    builtin_case_library,
    load_statute_bigrams,
    normalise,
    pieces,
)


def case(id, clause, category="market_entry_exit", notice="甲通报"):
    return PublishedCase(id, clause, category, "", notice, "", "")


FILLER = [
    case("f1", "对新建城市污水处理设施的运营单位按处理水量给予运行费用补助并按季度拨付", "production_cost", "乙通报"),
    case("f2", "外地建筑企业进入本区承揽工程须先行办理进区备案手续并缴纳信用保证金", "free_movement", "丙通报"),
    case("f3", "对入驻产业园区的电子商务企业按年度网络零售额的比例给予奖励", "production_cost", "丁通报"),
]


def test_names_places_and_numbers_are_placeholders():
    text = normalise("由江城县兴达燃气有限公司统一负责供气，服务期限为5年")
    assert NUMBER in text and "5" not in text
    assert "兴达" not in text and "江城" not in text


def test_a_clause_that_only_sets_an_amount_is_left_out():
    assert amount_only("（二）单个企业每年获得的奖励累计不超过五十万元。")
    assert amount_only("每家门店补助最高不超过3万元，")
    assert not amount_only("对落户本县的企业给予50万元奖励")
    assert not amount_only("且不超过设备投资额的30%")
    text = normalise("对新落户的物流企业给予一次性奖励，单个企业奖励最高不超过100万元。")
    assert "新落户" in text and "最高" not in text and NUMBER not in text
    assert normalise("（三）单个场馆每年获得的补助合计不超过六十万元。") == ""


def test_a_ceiling_alone_resembles_no_case():
    lib = CaseLibrary([case("c1", "对在本县注册的物流企业给予运费补贴。单个企业每年补贴最高不超过200万元")] + FILLER)
    assert lib.nearest("单个项目每年补贴最高不超过50万元") is None


def test_a_different_firm_place_and_amount_is_the_same_clause():
    lib = CaseLibrary([case("c1", "全县中小学校服统一由江城县兴达服饰有限公司承制，每套价格不超过200元")] + FILLER)
    found = lib.nearest("全县中小学校服统一由河州市恒远制衣有限公司承制，每套价格不超过350元")
    assert found is not None and found.case.id == "c1"
    assert found.score > 0.95


def test_a_long_case_is_compared_clause_by_clause():
    long_case = ("为加快本地物流业发展，制定以下措施。对年营业收入首次超过一定规模的物流企业给予一次性奖励；"
                 "全区新建住宅小区的快递智能柜统一由区邮政分公司建设运营，其他企业不得进场；"
                 "鼓励物流企业开展多式联运，推广标准化托盘循环共用。")
    assert len(pieces(long_case)) == 4
    lib = CaseLibrary([case("c1", long_case)] + FILLER)
    found = lib.nearest("新建住宅小区的快递智能柜统一由区邮政分公司建设运营，其他企业不得进场")
    assert found is not None and found.case.id == "c1" and found.score > 0.9


def test_words_every_statute_uses_weigh_little():
    cases = [case("c1", "经营者应当按照有关规定执行并依法承担责任，指定县城投公司独家承办")] + FILLER
    query = "经营者应当按照有关规定执行并依法承担责任，由各企业自主选择"
    # In the statutes the shared words are everywhere, the query's own words rare.
    common = {g: 900 for g in ("经营", "营者", "应当", "按照", "有关", "关规", "规定", "执行", "依法", "承担", "担责", "责任")}
    common |= {g: 1 for g in ("由各", "各企", "企业", "业自", "自主", "主选", "选择")}
    plain = CaseLibrary(cases).nearest(query)
    with_statutes = CaseLibrary(cases, common, 1000).nearest(query)
    assert plain is not None and with_statutes is not None
    assert with_statutes.score < plain.score - 0.1


def test_leaving_a_notice_out_still_finds_the_other_notices_case():
    # More near-identical cases of one notice than there are candidate places: leaving that
    # notice out must not leave no candidate at all.
    same = [case(f"a{k}", f"全县农村集中供水工程统一由县水务集团有限公司建设，第{k}标段") for k in range(9)]
    other = case("b1", "全县农村集中供水工程统一由县水务集团有限公司建设运营", notice="乙通报")
    lib = CaseLibrary(same + [other] + FILLER)
    found = lib.nearest("全县农村集中供水工程统一由县水务集团有限公司建设", exclude_notice="甲通报")
    assert found is not None and found.case.id == "b1"


def test_the_shipped_statute_bigrams_are_read():
    from importlib import resources

    text = (resources.files("workbench.rulepacks") / "cases" / "statute_bigrams.txt").read_text(encoding="utf-8")
    df, docs = load_statute_bigrams(text)
    assert docs > 1000 and len(df) > 10000
    assert df["应当"] > 500 and df["应当"] < docs
    lib = builtin_case_library()
    assert lib._idf["应当"] < lib._idf["拍卖"]


def test_a_published_case_reworded_for_another_county_is_warned_of():
    # The library's own case, with the firm, the place and the amount changed, is still close.
    lib = builtin_case_library()
    source = next(c for c in lib.cases if "某公司" in c.clause and len(c.clause) < 40)
    reworded = source.clause.replace("某公司", "东川县恒通工程有限公司")
    found = lib.nearest(reworded, exclude_notice="（没有这份通报）")
    assert found is not None and found.score >= RESEMBLANCE_THRESHOLD


def test_the_engine_shadow_a_check_reuses_is_the_sentences_own():
    """The resemblance check reads a sentence through the engine's entity shadow where the
    engine tagged it; that stretch is the shadow of the sentence tagged alone, and the
    check's findings are those it finds re-tagging every sentence itself."""
    import dataclasses

    from workbench.intake import document_from_text
    from workbench.rules import Engine, load_builtin_rules
    from workbench.rules import engine as engine_module
    from workbench.rules.caselib import _tagger
    from workbench.rules.checks import CHECKS, EntityShadow

    text = ("第一条 本县新建住宅小区的供水工程统一由县城发数科有限公司建设运营，其他企业不得进场。\n"
            "第二条 参与“放心工程”评选的企业须在本县注册。\n"
            "第三条 外地企业进入本县承揽工程，须先行办理进区备案手续并缴纳保证金。")
    contexts = []
    real = engine_module.CheckContext

    def capture(*args):
        contexts.append(real(*args))
        return contexts[-1]

    engine_module.CheckContext = capture
    try:
        Engine(load_builtin_rules()).check(document_from_text(text, kind="normative"))
    finally:
        engine_module.CheckContext = real
    ctx = next(c for c in contexts if c.covered_sentences is not None)
    assert ctx.shadow is not None
    reused = 0
    for _, s, e in ctx.segments.units("sentence"):
        tagged = ctx.shadow.sentence(s, e)
        if tagged is not None:
            assert tagged == _tagger().shadow(ctx.text[s:e])
            reused += 1
    assert reused
    check = CHECKS["resembles_published_case"]
    assert list(check(ctx)) == list(check(dataclasses.replace(ctx, shadow=None)))
    partial = EntityShadow("ab。cd。ef", [(0, 3), (6, 8)])
    assert partial.sentence(0, 3) == "ab。" and partial.sentence(3, 6) is None and partial.sentence(6, 8) == "ef"
