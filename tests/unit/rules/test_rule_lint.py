"""Lint the shipped packs themselves: what a reviewer of a rule file would check."""

import re
from collections import Counter

import pytest

from workbench.rules import load_builtin_rules
from workbench.rules.model import CATEGORIES, REVIEWS

RULES = load_builtin_rules()


def test_every_review_has_a_pack():
    assert {r.review for r in RULES} == set(REVIEWS)


def test_rule_ids_are_unique():
    dupes = [i for i, n in Counter(r.id for r in RULES).items() if n > 1]
    assert not dupes


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_complete(rule):
    assert rule.message.strip() and re.search(r"[\u4e00-\u9fff]", rule.message), "message must be Chinese text"
    assert rule.basis, "a rule names its legal basis"
    for b in rule.basis:
        assert b.law and b.article
        assert not b.law.startswith("《")
    assert rule.trigger_examples and rule.pass_examples, "at least one example each way"
    assert rule.category in CATEGORIES[rule.review]
    assert rule.applies_to


@pytest.mark.parametrize("rule", [r for r in RULES if r.review == "fair_competition"], ids=lambda r: r.id)
def test_fair_competition_rules_use_the_four_categories(rule):
    assert rule.category in ("market_entry_exit", "free_movement", "production_cost", "business_conduct")
