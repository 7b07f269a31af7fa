"""The headless surface: workbench review / opinion / log, as a script drives it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.cli import main
from workbench.log import ReviewLog


@pytest.fixture
def cli(log_path, capsys):
    """Run ``workbench ARGS --db LOG`` in this process; returns (exit code, stdout, stderr)."""

    def run(*args):
        code = main([*args, "--db", str(log_path)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_a_review_from_open_to_close(cli, draft, log_path):
    code, out, _ = cli("review", "open", str(draft), "--type", "legality", "--unit", "大气科", "--reviewer", "张三")
    assert code == 0
    review = out.splitlines()[0]
    assert len(review) == 36 and "F1" in out and "须经本局批准" in out
    assert cli("review", "dispose", review[:8], "F1", "dismiss")[0] == 2  # no reason
    code, out, _ = cli("review", "dispose", review[:8], "F1", "dismiss", "--reason", "上位法已设定", "--by", "李四")
    assert code == 0 and "不采纳" in out
    code, out, _ = cli("opinion", "add", review, "--counsel", "王律师", "--text", "建议补充依据。", "--finding", "F1")
    opinion = out.splitlines()[0]
    assert code == 0 and len(opinion) == 36  # the id first, for scripts; then what was recorded, in words
    assert "已记录 王律师 对《关于加强排污单位管理的通知》的法律意见（针对问题 F1" in out and "建议补充依据。" in out
    assert cli("opinion", "edit", opinion[:8], "--text", "建议写明上位法条文。")[0] == 0
    state_out = cli("review", "show", review, "--format", "json")[1]
    pending = [f"F{f['number']}" for f in json.loads(state_out)["findings"] if f["status"] == "open"]
    if pending:  # closing with findings not yet decided needs saying so
        code, _, err = cli("review", "close", review, "--conclusion", "amend")
        assert code == 2 and "未处理" in err and pending[0] in err
    code, out, _ = cli("review", "close", review, "--conclusion", "amend", "--allow-open")
    assert code == 0 and "修改后通过" in out
    code, out, _ = cli("review", "show", review, "--format", "json", "--history")
    shown = json.loads(out)
    assert shown["conclusion_label"] == "修改后通过" and shown["findings"][0]["status"] == "dismissed"
    assert shown["findings"][0]["disposed_by"] == "李四"
    assert shown["opinions"][0]["text"] == "建议写明上位法条文。" and shown["opinions"][0]["versions"] == 2
    assert [e["type"] for e in shown["history"]][-1] == "review.closed"
    code, out, _ = cli("review", "show", review)
    assert "不采纳：上位法已设定" in out and "王律师" in out
    code, out, _ = cli("log", "verify")
    assert code == 0 and "完好" in out


def test_bad_input_exits_2_with_a_chinese_message(cli, draft, tmp_path):
    code, _, err = cli("review", "open", str(tmp_path / "missing.docx"), "--type", "legality", "--unit", "大气科")
    assert code == 2 and "无法读取文件" in err
    code, out, _ = cli("review", "open", str(draft), "--type", "fair_competition", "--unit", "大气科")
    review = out.splitlines()[0]
    code, _, err = cli("review", "close", review, "--conclusion", "amend")
    assert code == 2 and "符合" in err
    code, _, err = cli("review", "show", "0000")
    assert code == 2 and "没有编号为“0000”的审查" in err
    with pytest.raises(SystemExit) as caught:
        cli("review", "open", str(draft), "--type", "nonsense")
    assert caught.value.code == 2


def test_list_register_backup_export_import(cli, draft, tmp_path, log_path):
    review = cli("review", "open", str(draft), "--type", "legality", "--unit", "大气科", "--received", "2026-04-01")[1].splitlines()[0]
    code, out, _ = cli("review", "list", "--status", "open")
    assert code == 0 and review[:8] in out and "共 1 件" in out
    code, out, _ = cli("log", "register", "--from", "2026-01-01", "--to", "2026-12-31")
    header, row = out.splitlines()[:2]
    assert header.split("\t")[0] == "序号" and "2026-04-01" in row
    code, out, _ = cli("log", "backup", str(tmp_path / "backup.sqlite3"))
    assert code == 0
    with ReviewLog.open(tmp_path / "backup.sqlite3", readonly=True) as copy:
        assert copy.review(review).id == review and copy.verify().ok
    assert cli("log", "export", "--since", "2000-01-01", str(tmp_path / "x.bundle"))[0] == 0
    other = tmp_path / "other.sqlite3"
    assert main(["log", "import", str(tmp_path / "x.bundle"), "--db", str(other)]) == 0
    assert main(["log", "import", str(tmp_path / "x.bundle"), "--db", str(other)]) == 0
    with ReviewLog.open(other, readonly=True) as merged:
        assert [r.id for r in merged.reviews()] == [review]


def test_the_environment_variable_chooses_the_log(tmp_path, draft):
    env_log = tmp_path / "env.sqlite3"
    import os

    env = dict(os.environ, WORKBENCH_DB=str(env_log))
    r = subprocess.run([sys.executable, "-m", "workbench", "review", "open", str(draft), "--type", "legality", "--unit", "大气科"],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 0, r.stderr
    with ReviewLog.open(env_log, readonly=True) as log:
        assert log.reviews()[0].id == r.stdout.splitlines()[0]


def test_closing_with_undecided_findings_needs_allow_open(cli, draft):
    review = cli("review", "open", str(draft), "--type", "legality", "--unit", "大气科")[1].splitlines()[0]
    code, _, err = cli("review", "close", review, "--conclusion", "pass")
    assert code == 2 and "F1" in err and "--allow-open" in err
    assert cli("review", "show", review, "--format", "json")[1].count('"closed": null') == 1
    code, out, _ = cli("review", "close", review, "--conclusion", "pass", "--allow-open")
    assert code == 0 and "已办结" in out


def test_history_reads_as_who_did_what_and_when(cli, draft):
    review = cli("review", "open", str(draft), "--type", "legality", "--unit", "大气科")[1].splitlines()[0]
    cli("review", "dispose", review, "F1", "dismiss", "--reason", "系重申上位法", "--by", "李四")
    cli("review", "dispose", review, "F2", "accept", "--by", "李四")
    cli("review", "close", review, "--conclusion", "amend", "--allow-open", "--date", "2026-12-01")
    out = cli("review", "show", review, "--history")[1]
    assert "登记审查：送审单位 大气科" in out and "李四" in out
    # The finding is named, the conclusion is in Chinese, and no raw key or UTC offset shows.
    assert "处理问题 F1（以“须经本局批准”设定审批" in out and "：不采纳，理由：系重申上位法" in out
    assert "办结审查：修改后通过（办结日期 2026-12-01）" in out
    assert "finding.disposed" not in out and "+00:00" not in out and "amend" not in out


def test_opening_a_registered_file_again_says_so(cli, draft):
    first = cli("review", "open", str(draft), "--type", "legality", "--unit", "大气科")[1].splitlines()[0]
    code, out, err = cli("review", "open", str(draft), "--type", "fair_competition", "--unit", "大气科")
    assert code == 0 and "已于" in err and first[:8] in err
