"""Every built-in rule has a short Chinese name for the register and the year's figures."""

from workbench.reports.rule_names import RULE_NAMES, rule_name
from workbench.rules import load_builtin_rules


def test_every_builtin_rule_has_a_short_chinese_name():
    rules = load_builtin_rules()
    missing = [r.id for r in rules if r.id not in RULE_NAMES]
    assert not missing, f"add a name to workbench/reports/rule_names.py for: {missing}"
    assert not set(RULE_NAMES) - {r.id for r in rules}, "names for rules that no longer exist"
    for name in RULE_NAMES.values():
        assert 2 <= len(name) <= 12 and all(ord(ch) > 0x2E7F or ch.isdigit() for ch in name), name


def test_a_rule_without_a_name_is_shown_by_its_category():
    assert rule_name("office.local.rule", "legality", "creates_power") == "违法设定许可、处罚、强制、征收或收费"
    assert rule_name("office.local.rule") == "office.local.rule"
