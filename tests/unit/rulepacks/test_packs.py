"""The three packs as a legal reviewer would check them: coverage and citations."""

from __future__ import annotations

import re

import pytest

from workbench.catalogue import _builtin_data
from workbench.rules import load_builtin_rules

RULES = [r for r in load_builtin_rules(("legality", "fair_competition", "enforcement"))]
FC = [r for r in RULES if r.review == "fair_competition"]
_ITEM_RE = re.compile(r"第（([一二三四五六七八九十]+)）项")


def cited_items(rules, law: str) -> set[tuple[str, str]]:
    """(article, item) pairs cited, e.g. ('第九条', '三'); ``第九条第（二）项、第（三）项`` gives two."""
    out = set()
    for r in rules:
        for b in r.basis:
            if b.law != law:
                continue
            article = re.match(r"第[一二三四五六七八九十百]+条", b.article)
            if not article:
                continue
            items = _ITEM_RE.findall(b.article)
            out |= {(article.group(0), i) for i in items} or {(article.group(0), "")}
    return out


# 公平竞争审查条例 arts. 8–11: every item except the catch-all 其他 item.
REGULATION_ITEMS = [("第八条", i) for i in "一二三四"] + [("第九条", i) for i in "一二三四五"] + \
    [("第十条", i) for i in "一二三"] + [("第十一条", i) for i in "一二三"]


@pytest.mark.parametrize("article,item", REGULATION_ITEMS)
def test_every_item_of_articles_8_to_11_has_a_rule(article, item):
    assert (article, item) in cited_items(FC, "公平竞争审查条例")


# 实施办法 (总局令第99号) arts. 9–23, the articles that detail the standards.
@pytest.mark.parametrize("article", ["第九条", "第十条", "第十一条", "第十二条", "第十三条", "第十四条", "第十五条",
                                     "第十六条", "第十七条", "第十八条", "第十九条", "第二十条", "第二十一条",
                                     "第二十二条", "第二十三条"])
def test_every_standard_of_the_implementing_measures_is_cited(article):
    assert article in {a for a, _ in cited_items(FC, "公平竞争审查条例实施办法")}


@pytest.mark.parametrize("rule", FC, ids=lambda r: r.id)
def test_fair_competition_rules_cite_the_regulation_at_item_level(rule):
    regulation = [b for b in rule.basis if b.law == "公平竞争审查条例"]
    assert regulation, "cite the 条例 itself"
    assert all(re.search(r"第.+条(第（.+）项|$)", b.article) for b in regulation)
    # art. 12 (the exception) has no items; everything else names its item
    assert all("项" in b.article or b.article == "第十二条" for b in regulation)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_basis_names_an_article_or_item_never_the_domain_notes(rule):
    for b in rule.basis:
        assert "DOMAIN" not in b.law and "DOMAIN" not in b.article
        assert re.search(r"第.+条|^[一二三四五六七八九十]+（[一二三四五六七八九十]+）$", b.article), b


def test_legality_pack_covers_the_115_review_points():
    categories = {r.category for r in RULES if r.review == "legality"}
    assert categories >= {"creates_power", "rights_obligations", "organ_power", "issuer", "procedure"}
    created = " ".join(r.message for r in RULES if r.category == "creates_power")
    for power in ("行政许可", "行政处罚", "行政强制", "行政征收", "行政收费"):
        assert power in created


def test_penalty_decision_elements_of_article_59_each_have_a_rule():
    cited = cited_items([r for r in RULES if r.review == "enforcement"], "中华人民共和国行政处罚法")
    assert {("第五十九条", i) for i in "一二三四五六"} <= cited


def test_catalogue_items_and_their_names_match():
    items = _builtin_data()["items"]
    catalogue_rules = {r.id for r in RULES if r.category == "catalogue"}
    assert set(items) == catalogue_rules
    assert all(isinstance(v, str) and v.strip() for v in items.values())


def test_catalogue_thresholds_are_separate_for_individuals_and_organisations():
    t = _builtin_data()["thresholds"]
    assert t["individual"] < t["organisation"]
