"""`workbench check` end to end: a repealed law, a missing article, a fine out of range."""

from __future__ import annotations

import json

from workbench.cli import main

DECISION = """某市生态环境局行政处罚决定书
当事人：某某化工有限公司
你单位超标排放大气污染物，违反了《中华人民共和国大气污染防治法》第十八条的规定。
依据《中华人民共和国大气污染防治法》第九十九条第（二）项的规定，我局决定：
处罚款人民币伍万元整。
依据《中华人民共和国行政处罚法》第九十条的规定。
"""

VALID = """某市生态环境局行政处罚决定书
当事人：某某化工有限公司
依据《中华人民共和国生态环境法典》第一千一百零七条的规定，我局决定：处罚款人民币贰拾万元整。
"""


def _findings(tmp_path, capsys, text, as_of):
    path = tmp_path / "decision.txt"
    path.write_text(text, encoding="utf-8")
    main(["check", str(path), "--kind", "enforcement", "--as-of", as_of, "--format", "json"])
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    return [f for f in doc["findings"] if f["rule"].startswith("cit.")]


def test_check_flags_repeal_missing_article_and_fine(tmp_path, capsys):
    rules = {f["rule"] for f in _findings(tmp_path, capsys, DECISION, "2026-10-20")}
    assert rules == {"cit.repealed.env_code_2026", "cit.article.no_such_article", "cit.fine.below_minimum"}


def test_check_before_the_code_flags_only_article_and_fine(tmp_path, capsys):
    rules = {f["rule"] for f in _findings(tmp_path, capsys, DECISION, "2025-10-20")}
    assert rules == {"cit.article.no_such_article", "cit.fine.below_minimum"}


def test_check_is_silent_on_valid_citations(tmp_path, capsys):
    assert _findings(tmp_path, capsys, VALID, "2026-10-20") == []


def test_laws_lookup_shows_the_repeal(capsys):
    assert main(["laws", "lookup", "环评法", "--as-of", "2026-10-20"]) == 0
    out = capsys.readouterr().out
    assert "中华人民共和国环境影响评价法" in out and "已废止" in out and "生态环境法典" in out


def test_laws_lookup_suggests_a_near_title(capsys):
    assert main(["laws", "lookup", "大气污染防止法"]) == 1
    assert "是否指《中华人民共和国大气污染防治法》" in capsys.readouterr().out
