"""``workbench eval``: reading the labelled set and scoring it."""

from __future__ import annotations

import json

import pytest

from workbench.cli import main
from workbench.evaluation import (
    Case, CaseResult, accepted_categories, evaluate_cases, evaluate_clean, evaluate_penalties, is_complete,
    load_cases, per_10k, recall_by_category, report, split_header,
)
from workbench.rules import Engine, load_builtin_rules

ENGINE = Engine(load_builtin_rules(("fair_competition", "legality", "enforcement")))

COMPLETE = """文书类型：生态环境行政处罚决定书
完整性：全文（按页面所载即为全部内容）
==========
行政处罚决定书
当事人名称:某某水泥制品厂
我局于2021年4月20日对你单位进行了调查,发现你单位实施了以下环境违法行为:未批先建。
依据《中华人民共和国环境影响评价法》第三十一条的规定,我局决定对你单位处以如下行政处罚:罚款人民币伍万元整。
某市生态环境局
2021年4月30日
"""
TRUNCATED = COMPLETE.replace("完整性：全文（按页面所载即为全部内容）", "完整性：部分：截至违法事实").rsplit("依据", 1)[0]


def write_cases(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")


def test_split_header_and_completeness():
    header, body = split_header(COMPLETE)
    assert header["完整性"].startswith("全文") and is_complete(header) is True
    assert body.startswith("行政处罚决定书")
    assert is_complete(split_header(TRUNCATED)[0]) is False
    assert split_header("没有文件头的正文") == ({}, "没有文件头的正文")


def test_moving_out_cases_accept_the_regulation_category():
    case = Case("x", "迁出的退还补贴", "market_entry_exit", "实施细则第十三条……搬迁转移等设定或者变相设定市场退出障碍")
    assert accepted_categories(case) == {"market_entry_exit", "free_movement"}
    multi = Case("y", "…", "market_entry_exit", "《公平竞争审查条例》 第八条 …（四）… 第九条 …（二）…")
    assert accepted_categories(multi) == {"market_entry_exit", "free_movement"}
    plain = Case("z", "…", "production_cost", "《公平竞争审查条例》“第十条...（二）")
    assert accepted_categories(plain) == {"production_cost"}


def test_case_recall_counts_found_and_category(tmp_path):
    path = tmp_path / "cases.jsonl"
    write_cases(path, [
        {"id": "a", "clause": "全市新建项目须使用市建材公司生产的商品混凝土", "category": "市场准入和退出"},
        {"id": "b", "clause": "按企业缴纳增值税地方留成部分的50%给予奖励", "category": "生产经营行为"},
        {"id": "c", "clause": "请各单位认真做好宣传工作", "category": "商品要素自由流动"},
    ])
    results = evaluate_cases(load_cases(path), ENGINE)
    rec = recall_by_category(results)
    assert (rec["all"].total, rec["all"].found, rec["all"].category_ok) == (3, 2, 1)
    assert rec["business_conduct"].found == 1 and rec["business_conduct"].category_ok == 0
    assert rec["free_movement"].found == 0


def test_unknown_category_is_refused(tmp_path):
    path = tmp_path / "cases.jsonl"
    write_cases(path, [{"clause": "x", "category": "其他"}])
    with pytest.raises(ValueError):
        load_cases(path)


def test_clean_text_rate_per_10k(tmp_path):
    doc = tmp_path / "clean.txt"
    doc.write_text("标题：x\n==========\n" + "请各单位认真做好宣传工作。\n" * 50 + "全市新建项目须使用市建材公司生产的商品混凝土。\n", encoding="utf-8")
    results = evaluate_clean([doc], ENGINE)
    assert len(results[0].anchored) == 1
    assert per_10k(results) == pytest.approx(10_000 / results[0].chars)


def test_truncated_decisions_are_not_scored(tmp_path):
    (tmp_path / "whole.txt").write_text(COMPLETE, encoding="utf-8")
    (tmp_path / "cut.txt").write_text(TRUNCATED, encoding="utf-8")
    results = {r.path.rsplit("/", 1)[-1]: r for r in evaluate_penalties(
        sorted(tmp_path.glob("*.txt")), ENGINE, expected={"whole": {"party_address", "evidence", "performance", "remedy", "statement_rights"}})}
    whole, cut = results["whole.txt"], results["cut.txt"]
    assert whole.expected_missing is not None and whole.reported_missing == whole.expected_missing
    assert cut.complete is False and cut.expected_missing is None
    assert cut.element_findings  # reported, but not scored


def test_report_and_command_on_an_eval_root(tmp_path, capsys):
    (tmp_path / "fair_competition").mkdir()
    write_cases(tmp_path / "fair_competition" / "cases.jsonl",
                [{"id": "a", "clause": "零售经营者必须从本县的批发企业采购烟花爆竹", "category": "商品要素自由流动"}])
    (tmp_path / "normative_documents").mkdir()
    (tmp_path / "normative_documents" / "a.txt").write_text("请各单位认真做好宣传工作。\n", encoding="utf-8")
    (tmp_path / "penalty_decisions").mkdir()
    (tmp_path / "penalty_decisions" / "p.txt").write_text(COMPLETE, encoding="utf-8")
    text = report(tmp_path, ENGINE)
    assert "检出 1/1 = 100%" in text and "每万字" in text and "行政处罚决定书" in text
    assert main(["eval", str(tmp_path)]) == 0
    assert "公平竞争审查" in capsys.readouterr().out
    assert main(["eval", str(tmp_path / "missing.jsonl")]) == 2


def test_case_result_without_findings_is_not_found():
    r = CaseResult(Case("x", "y", "free_movement"), [])
    assert not r.found and not r.category_ok
