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
    ("注册地在垫江的建筑企业。", "垫江"),
    ("在本市设立分支机构。", "本市"),
    ("报名企业的注册地址必须在开发区范围内。", "开发区范围内"),
])
def test_places_are_marked(tagger, text, place):
    assert place in marked(tagger, text, PLACE)


def test_a_county_short_name_inside_a_word_is_not_a_place(tagger):
    assert marked(tagger, "新化学物质环境管理登记。", PLACE) == []
