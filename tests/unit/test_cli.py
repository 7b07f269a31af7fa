"""``workbench check`` as a user and a script see it: real files, a real process."""

import json
import subprocess
import sys

import pytest
from docx import Document as NewDocx

DRAFT = "关于加强建材市场管理的若干规定\n第一条 全市新建项目须使用市建材公司生产的商品混凝土。\n第二条 本规定自2026年12月1日起施行，有效期5年。\n"
CLEAN = "关于做好环境宣传工作的通知\n请各单位认真做好宣传工作。\n本通知自印发之日起施行，有效期2年。\n"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def gbk_draft(tmp_path):
    path = tmp_path / "草案.txt"
    path.write_bytes(DRAFT.encode("gbk"))
    return path


def test_text_output_names_position_rule_basis_and_excerpt(gbk_draft):
    r = run("check", str(gbk_draft))
    assert r.returncode == 1, r.stderr
    assert "2:11" in r.stdout
    assert "fc.entry.designated_operator" in r.stdout
    assert "《公平竞争审查条例》第八条第（三）项" in r.stdout
    assert "须使用市建材公司" in r.stdout


def test_json_output_is_the_documented_shape(gbk_draft, tmp_path):
    docx_path = tmp_path / "clean.docx"
    d = NewDocx()
    for line in CLEAN.strip().split("\n"):
        d.add_paragraph(line)
    d.save(docx_path)
    r = run("check", str(gbk_draft), str(docx_path), "--format", "json")
    data = json.loads(r.stdout)
    assert r.returncode == 1
    first, second = data["documents"]
    assert first["path"] == str(gbk_draft) and first["kind"] == "normative"
    finding = next(f for f in first["findings"] if f["rule"] == "fc.entry.designated_operator")
    assert finding["review"] == "fair_competition" and finding["category"] == "market_entry_exit"
    assert finding["paragraph"] == 2 and finding["severity"] == "error"
    text = gbk_draft.read_bytes().decode("gbk")
    assert text[finding["start"]:finding["end"]] == "须使用市建材公司"
    assert second["findings"] == []


def test_exit_zero_without_errors(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    r = run("check", str(path))
    assert r.returncode == 0, r.stdout


def test_kind_override_and_as_of(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("行政处罚决定书\n依据《中华人民共和国大气污染防治法》第九十九条的规定。\n可申请行政复议，也可提起行政诉讼。", encoding="utf-8")
    before = json.loads(run("check", str(path), "--as-of", "2026-05-01", "--format", "json").stdout)
    after = json.loads(run("check", str(path), "--as-of", "2026-09-01", "--format", "json").stdout)
    rules_before = {f["rule"] for f in before["documents"][0]["findings"]}
    rules_after = {f["rule"] for f in after["documents"][0]["findings"]}
    assert before["documents"][0]["kind"] == "enforcement"
    assert not any(r.startswith("cit.repealed") for r in rules_before)
    assert any(r.startswith("cit.repealed") for r in rules_after)
    forced = json.loads(run("check", str(path), "--kind", "normative", "--format", "json").stdout)
    assert forced["documents"][0]["kind"] == "normative"


def test_bad_input_exit_two_with_chinese_message_and_no_traceback(tmp_path, gbk_draft):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04broken")
    r = run("check", str(bad), str(gbk_draft))
    assert r.returncode == 2
    assert "无法读取文件" in r.stderr and "Traceback" not in r.stderr
    assert "fc.entry.designated_operator" in r.stdout  # the good file is still checked


def test_usage_error_exit_two(tmp_path):
    r = run("check", "x.txt", "--as-of", "yesterday")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr


def test_directory_is_expanded(tmp_path, gbk_draft):
    r = run("check", str(tmp_path), "--format", "json")
    assert [d["path"] for d in json.loads(r.stdout)["documents"]] == [str(gbk_draft)]


def test_rules_test_runs_every_example():
    r = run("rules", "test")
    assert r.returncode == 0, r.stdout
    assert r.stdout.strip().endswith("未通过 0 项")


def test_runs_from_any_directory(tmp_path, gbk_draft):
    r = run("check", str(gbk_draft), cwd=tmp_path)
    assert r.returncode == 1 and "fc.entry" in r.stdout


def test_enforcement_decision_says_whether_legal_review_is_required(tmp_path):
    path = tmp_path / "决定书.txt"
    path.write_text("某市生态环境局\n行政处罚决定书\n当事人：某某化工有限公司\n我局决定对你单位实施按日连续处罚。\n", encoding="utf-8")
    data = json.loads(run("check", str(path), "--format", "json").stdout)["documents"][0]
    assert data["legal_review"]["required"] is True
    assert any("按日连续处罚" in item for item in data["legal_review"]["items"])
    assert "须经法制审核" in run("check", str(path)).stdout
    normative = tmp_path / "通知.txt"
    normative.write_text(CLEAN, encoding="utf-8")
    assert "legal_review" not in json.loads(run("check", str(normative), "--format", "json").stdout)["documents"][0]


def test_help_and_usage_errors_are_in_chinese():
    r = run("check", "--help")
    assert "用法：" in r.stdout and "显示本帮助并退出" in r.stdout and "options" not in r.stdout
    r = run("check", "x.txt", "--kind", "foo")
    assert r.returncode == 2 and "无效的选择" in r.stderr and "invalid" not in r.stderr
