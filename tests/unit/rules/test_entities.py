"""The entity tagger on the shipped lexicon: which spans are a named operator
or a place. A frame's {named} and {place} are only as good as these marks."""

import pytest

from workbench.rules.entities import NAMED_OPERATOR, PLACE, tagger_for
from workbench.rules.lexicon import builtin_lexicon


@pytest.fixture(scope="module")
def tagger():
    return tagger_for(builtin_lexicon())


def marked(tagger, text: str, mark: str) -> list[str]:
    shadow = tagger.shadow(text)
    assert len(shadow) == len(text)
    out, start = [], None
    for i, ch in enumerate(shadow + " "):
        if ch == mark and start is None:
            start = i
        elif ch != mark and start is not None:
            out.append(text[start:i])
            start = None
    return out


@pytest.mark.parametrize("text, name", [
    ("由县自来水厂负责供水。", "县自来水厂"),
    ("统一在区汽修厂维修。", "区汽修厂"),
    ("委托县城投公司承办。", "县城投公司"),
    ("应提交由市建设工程质量检测中心出具的报告。", "市建设工程质量检测中心"),
    ("选用某环保设备有限公司的设备。", "某环保设备有限公司"),
])
def test_a_name_that_says_which_operator_is_marked(tagger, text, name):
    assert marked(tagger, text, NAMED_OPERATOR) == [name]


@pytest.mark.parametrize("text", [
    "城镇污水处理厂应当安装在线监测设备。",   # a kind of plant, not one plant
    "确定设施厂址，提高综合利用水平。",       # 厂址 is another word
    "相关物业公司应当配合。",
    "组织辖区驾校签订自律公约。",             # 组织 is the organ's verb, 辖区驾校 a kind
])
def test_a_kind_of_operator_is_not_a_name(tagger, text):
    assert marked(tagger, text, NAMED_OPERATOR) == []


@pytest.mark.parametrize("text, place", [
    ("承接单位应为在沪注册的企业。", "沪"),
    ("近三年在湘完成的同类工程计入业绩。", "湘"),   # where the work was done
    ("注册地在垫江的建筑企业。", "垫江"),
    ("在本市设立分支机构。", "本市"),
    ("报名企业的注册地址必须在开发区范围内。", "开发区范围内"),
])
def test_places_are_marked(tagger, text, place):
    assert place in marked(tagger, text, PLACE)


def test_a_county_short_name_inside_a_word_is_not_a_place(tagger):
    assert marked(tagger, "新化学物质环境管理登记。", PLACE) == []


# -- trade names without a suffix (字号简称) --------------------------------------
# Made-up names: a short name part no dictionary knows, a trade word, and an operator's context.

@pytest.mark.parametrize("text, name", [
    ("全县生活垃圾清运由沣源环卫负责。", "沣源环卫"),
    ("对锦瑞纺织给予一次性奖励50万元。", "锦瑞纺织"),
    ("区政府与城联数科签订合作协议。", "城联数科"),
    ("该片区供热由恒昇热力独家经营。", "恒昇热力"),
    ("委托宏晟物流承运全部物资。", "宏晟物流"),
    ("同意将鑫茂置业的土地出让金分期缴纳。", "鑫茂置业"),
    ("县财政出资帮助裕穗米业渡过难关。", "裕穗米业"),
    ("会议同意：瑞丰化工搬迁期间暂缓缴纳排污费。", "瑞丰化工"),
    ("对汇琛信息科技给予租金减免。", "汇琛信息科技"),   # trade words in a row
    ("由潍坊沣源环卫负责清运。", "潍坊沣源环卫"),   # a place before the name part is part of the name
])
def test_a_trade_name_without_suffix_is_marked(tagger, text, name):
    assert marked(tagger, text, NAMED_OPERATOR) == [name]


@pytest.mark.parametrize("text", [
    "由生态环境部门负责监督。",          # 生态 is a common word
    "对医疗机构给予补助。",              # 医疗机构 goes on as a noun, and has no name part
    "推进农业农村现代化。",
    "加快交通运输和城市建设。",
    "做好信息公开和科技创新工作。",
    "支持本地物流企业发展。",            # 本地 is a generic modifier
    "全市物业服务企业应当配合。",
    "对冷链物流给予补贴。",              # 冷链: a common word jieba lacks (brand_head_stop)
    "由潍坊物流园区负责。",              # a place and a trade word: no name part
    "对涉农物流企业给予补贴。",          # 物流企业: the phrase goes on
    "持续优化营商环境。",
    "对智慧水务项目给予支持。",
    "不得指定或者变相指定采用首台套装备。",  # 首台套: a three-character part holding a word
    "不得指定教材或者其他助考材料。",    # 其 begins 其他, not a name
    "在我县从事渣土运输的企业。",        # 从 begins 从事
    "对生鲜食品给予补贴。",              # 生鲜食品 is a word of jieba's, not a trade name
    "由运维物业负责日常管理。",          # 运维: a word jieba lacks (brand_head_stop)
    "对惠企物流给予补贴。",              # 企 is in no trade name's name part
    "恒达纺织的产品质量较好。",          # a name, but nothing says it stands as an operator
])
def test_a_phrase_with_a_trade_word_is_not_a_name(tagger, text):
    assert marked(tagger, text, NAMED_OPERATOR) == []


# A name part that is also a word (中天, 鼎盛) is a name only where an operator stands on
# both sides of it; a brand is written 某某牌/某某品牌 before its goods; a role noun before a
# trade name stands in apposition to it.
@pytest.mark.parametrize("text, name", [
    ("由中天钢铁负责扩建工程。", "中天钢铁"),
    ("新增用能指标优先保障中天钢铁扩能项目。", "中天钢铁"),
    ("车辆须安装顺途牌定位终端。", "顺途牌"),
    ("继续由现运营单位清源水务负责。", "清源水务"),
])
def test_a_name_in_an_operators_place_is_marked(tagger, text, name):
    assert marked(tagger, text, NAMED_OPERATOR) == [name]


@pytest.mark.parametrize("text", [
    "支持鼎盛物流做大做强。",            # a word as name part, and no operator's word after it
    "由冷链物流负责配送。",              # 冷链 is never a name part (brand_head_stop)
    "由城市建设负责。",                  # 城市 heads a word of the dictionary (城市建设)
    "实行红黄牌管理。",                  # 牌 after no word of using or buying
    "使用警示牌提醒行人。",              # 警示 is a common word
])
def test_a_word_outside_an_operators_place_is_not_a_name(tagger, text):
    assert marked(tagger, text, NAMED_OPERATOR) == []


def test_a_trade_name_with_its_suffix_is_one_name(tagger):
    assert marked(tagger, "由恒达纺织集团负责。", NAMED_OPERATOR) == ["恒达纺织集团"]
    assert marked(tagger, "由恒达纺织有限公司负责。", NAMED_OPERATOR) == ["恒达纺织有限公司"]


def test_a_trade_name_is_marked_sentence_by_sentence_as_in_the_whole_text(tagger):
    text = "一、由清泉水务负责运营。二、对华盛医疗给予奖励。"
    whole = tagger.shadow(text)
    first = text.index("二")
    assert tagger.shadow(text, [(0, first), (first, len(text))]) == whole


def test_the_word_table_finds_every_word():
    from workbench.rules.entities import WordTable

    table = WordTable.of({"恒达": 1, "生态": 3, "城市": 2, "物流": 9})
    assert [table.flags(w) for w in ("城市", "恒达", "物流", "生态", "华鼎", "")] == [2, 1, 9, 3, 0, 0]
    assert WordTable().flags("生态") == 0


def test_a_lexicon_without_trade_words_marks_no_trade_name():
    from workbench.rules.entities import EntityTagger

    lexicon = builtin_lexicon()
    entities = {k: v for k, v in lexicon.entities.items() if not k.startswith("brand_")}
    tagger = EntityTagger(entities)
    assert list(tagger.brands("由清泉水务负责运营。")) == []
    assert marked(tagger, "委托县城投公司承办。", NAMED_OPERATOR) == ["县城投公司"]


@pytest.mark.parametrize("text, marks", [
    # An article's number heads the article (its full-width space gone in the normalised text), not the name.
    ("第六条公共服务中心向农户免费提供指导。", []),
    ("第六条贷款银行出具书面说明。", []),
    ("第九条县城投公司负责运营。", ["县城投公司"]),
])
def test_an_article_number_is_not_part_of_a_name(tagger, text, marks):
    assert marked(tagger, text, NAMED_OPERATOR) == marks
