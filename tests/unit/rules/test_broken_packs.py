"""A broken rule file leaves its pack out, named with file and line; the other packs run."""

from __future__ import annotations

import shutil

import pytest

from workbench import checking
from workbench.cli import main
from workbench.errors import RuleFileError
from workbench.intake import document_from_text
from workbench.rules import loader


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """A real copy of the built-in packs that the program loads instead of the installed ones."""
    root = tmp_path / "rulepacks"
    shutil.copytree(loader.builtin_rules_root(), root, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(loader, "builtin_rules_root", lambda: root)
    checking.reload_builtin_rules()
    yield root
    checking.reload_builtin_rules()


def _break(root, how: str):
    target = root / "fair_competition" / "market_entry_exit.yaml"
    if how == "yaml":
        lines = target.read_text(encoding="utf-8").split("\n")
        lines[5] = lines[5] + " : : ["  # a syntax error on line 6
        target.write_text("\n".join(lines), encoding="utf-8")
    elif how == "empty":
        target.write_text("", encoding="utf-8")
    elif how == "no-rules":
        target.write_text("rules: []\n", encoding="utf-8")
    return target


@pytest.mark.parametrize("how", ["yaml", "empty", "no-rules"])
def test_a_broken_pack_is_left_out_and_named_the_others_run(rules_copy, how):
    target = _break(rules_copy, how)
    missing = checking.missing_packs()
    assert list(missing) == ["fair_competition"]
    assert str(target) in missing["fair_competition"].where
    if how == "yaml":
        assert "第 6 行" in missing["fair_competition"].where
    notes = checking.missing_pack_notes()
    assert len(notes) == 1 and "公平竞争审查" in notes[0] and str(target) in notes[0]
    doc = document_from_text("关于加强排污单位管理的通知\n一、本市范围内的排污单位须经本局批准后方可排放污染物。", "normative")
    reviews = {f.review for f in checking.check_document(doc).findings}
    assert "legality" in reviews and "fair_competition" not in reviews


@pytest.mark.parametrize("how", ["empty", "no-rules", "yaml"])
def test_rules_test_fails_on_a_pack_with_no_rules_or_a_broken_file(rules_copy, how, capsys):
    _break(rules_copy, how)
    with pytest.raises(RuleFileError):
        loader.load_builtin_rules()
    assert main(["rules", "test"]) != 0
    assert "market_entry_exit.yaml" in capsys.readouterr().err


def test_check_marks_the_missing_pack_in_text_and_json(rules_copy, tmp_path, capsys):
    import json

    _break(rules_copy, "yaml")
    draft = tmp_path / "d.txt"
    draft.write_text("关于某事的通知\n一、须经本局批准后方可排放污染物。\n", encoding="utf-8")
    main(["check", str(draft), "--format", "json"])
    out = capsys.readouterr()
    assert "公平竞争审查" in json.loads(out.out)["missing_packs"][0]
    assert "未能加载" in out.err


def test_the_registry_names_itself_not_a_rule_file(tmp_path):
    from workbench.laws.data import load_registry_data

    (tmp_path / "10_x.yaml").write_text("laws:\n  - name: [\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_registry_data(tmp_path, use_overlay=False)
    assert info.value.message.startswith("法规库文件有误") and "规则文件" not in info.value.message
