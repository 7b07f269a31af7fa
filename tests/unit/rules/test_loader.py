"""A broken rule file is refused with its file and line."""

import pytest

from tests.helpers.rules import rule, write_pack
from workbench.errors import RuleFileError
from workbench.rules import load_rule_dir, load_rule_file

GOOD = rule("leg.test.one", "{any: [罚款]}")


def error_for(tmp_path, text: str) -> RuleFileError:
    path = write_pack(tmp_path, "legality", text)
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, "legality")
    assert str(path) in info.value.message
    return info.value


def test_good_file_loads(tmp_path):
    rules = load_rule_file(write_pack(tmp_path, "legality", GOOD), "legality")
    assert [r.id for r in rules] == ["leg.test.one"]
    assert rules[0].line == 3


def test_unknown_key_names_its_line(tmp_path):
    err = error_for(tmp_path, GOOD.replace("    severity: error", "    severity: error\n    mesage: 拼错的键"))
    assert err.line == 6
    assert "mesage" in err.message and "第 6 行" in err.message


def test_yaml_syntax_error_names_its_line(tmp_path):
    err = error_for(tmp_path, GOOD.replace("category: content", "category: [content"))
    assert err.line is not None and "YAML" in err.message


def test_duplicate_key(tmp_path):
    err = error_for(tmp_path, GOOD.replace("    severity: error", "    severity: error\n    severity: info"))
    assert "重复" in err.message and err.line == 6


def test_unknown_severity_and_category(tmp_path):
    assert "severity" in error_for(tmp_path, GOOD.replace("severity: error", "severity: fatal")).message
    assert "category" in error_for(tmp_path, GOOD.replace("category: content", "category: nonsense")).message


def test_missing_basis(tmp_path):
    err = error_for(tmp_path, GOOD.replace("    basis: [{law: 测试法, article: 第一条}]\n", ""))
    assert "basis" in err.message


def test_missing_examples_one_way(tmp_path):
    err = error_for(tmp_path, GOOD.replace("      pass: [y]\n", ""))
    assert "pass" in err.message


def test_two_matchers_in_one_rule(tmp_path):
    err = error_for(tmp_path, rule("leg.test.one", "{any: [罚款], regex: '罚款', anchors: [罚款]}"))
    assert "恰好使用一种" in err.message


def test_bad_regex(tmp_path):
    err = error_for(tmp_path, rule("leg.test.one", "{regex: '(罚款', anchors: [罚款]}"))
    assert "正则" in err.message


def test_regex_without_anchors(tmp_path):
    assert "anchors" in error_for(tmp_path, rule("leg.test.one", "{regex: '罚款'}")).message


def test_id_must_carry_the_pack_prefix(tmp_path):
    assert "leg." in error_for(tmp_path, rule("fc.test.one", "{any: [罚款]}")).message


def test_duplicate_ids_across_files(tmp_path):
    write_pack(tmp_path, "legality", GOOD, "a.yaml")
    write_pack(tmp_path, "legality", GOOD, "b.yaml")
    with pytest.raises(RuleFileError) as info:
        load_rule_dir(tmp_path, ("legality",))
    assert "重复" in info.value.message and "a.yaml" in info.value.message


def test_non_utf8_file(tmp_path):
    (tmp_path / "legality").mkdir()
    (tmp_path / "legality" / "gbk.yaml").write_bytes(GOOD.encode("gb18030"))
    with pytest.raises(RuleFileError) as info:
        load_rule_dir(tmp_path, ("legality",))
    assert "UTF-8" in info.value.message


def test_impossible_date_names_its_line(tmp_path):
    err = error_for(tmp_path, rule("leg.test.one", "{any: [罚款]}", "[]", "\n    applies_from: 2026-13-01"))
    assert err.line == 10 and "2026-13-01" in err.message
