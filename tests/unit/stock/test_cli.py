"""The stock from the command line: issued, cleanup, cases — as a script drives them, on a real log file."""

from __future__ import annotations

import json
import re

import pytest
from openpyxl import load_workbook

from workbench.cli import main


@pytest.fixture
def cli(tmp_path, capsys):
    db = tmp_path / "log.sqlite3"

    def run(*args):
        code = main([*args, "--db", str(db)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_issued_cleanup_decide_and_export(cli, stock_folder, tmp_path):
    folder, built = stock_folder
    code, out, _ = cli("issued", "import", str(folder))
    assert code == 0 and out.strip() == f"登记规范性文件 {len(built)} 件"
    assert cli("issued", "import", str(folder))[1].strip() == f"登记规范性文件 0 件（另有 {len(built)} 件此前已登记）"
    listed = json.loads(cli("issued", "list", "--as-of", "2026-08-15", "--format", "json")[1])["documents"]
    assert len(listed) == len(built) and {d["status"] for d in listed} >= {"valid", "lapsed"}
    number = next(d["doc_number"] for d in listed if d["doc_number"])
    code, out, _ = cli("issued", "correct", number, "--expires", "2026-09-01", "--reason", "以印发稿为准")
    assert code == 0 and "更正有效期至：以印发稿为准" in out
    code, out, _ = cli("issued", "remind", "--as-of", "2026-08-15", "--within", "30")
    assert code == 1 and number in out  # now lapses within 30 days
    code, out, _ = cli("cleanup", "register", "--as-of", "2026-08-15")
    assert code == 0 and out.startswith("清理编号 ")
    run = re.match(r"清理编号 (\w+)", out).group(1)
    assert "2026年8月15日废止" in out and "合计：清理规范性文件" in out
    assert cli("cleanup", "--run", run, "--decide", number, "--outcome", "宣布失效")[0] == 2  # a change needs a reason
    code, out, _ = cli("cleanup", "--run", run, "--decide", number, "--outcome", "宣布失效", "--reason", "不再执行")
    assert code == 0 and "宣布失效" in out
    code, _, err = cli("cleanup", "--run", run, "--docx", str(tmp_path / "目录.docx"))
    assert code == 2 and "尚有" in err and "--allow-unconfirmed" in err
    code, out, _ = cli("cleanup", "--run", run, "--xlsx", str(tmp_path / "清理.xlsx"), "--docx", str(tmp_path / "目录.docx"),
                       "--allow-unconfirmed", "--bureau", "示例市生态环境局")
    assert code == 0 and (tmp_path / "目录.docx").exists()
    ws = load_workbook(tmp_path / "清理.xlsx").active
    assert any(row[9] == "宣布失效" and row[10] == "不再执行" for row in ws.iter_rows(min_row=4, values_only=True))
    assert cli("log", "verify")[0] == 0


def test_cases_from_import_to_ledger_and_figures(cli, cases_folder, tmp_path):
    code, out, _ = cli("cases", "import", str(cases_folder))
    assert code == 0 and out.strip() == "登记案卷 12 件"
    listed = cli("cases", "list")[1].splitlines()
    case = next(line.split("\t")[0] for line in listed if "常环罚字〔2023〕921号" in line)
    shown = cli("cases", "show", case)[1]
    assert "检查结果：" in shown and "  1. [" in shown
    code, out, _ = cli("cases", "problem", case, "--category", "文书制作", "--finding", "1")
    problem = out.split()[-1]
    assert code == 0 and len(problem) == 8
    assert cli("cases", "problem", case, "--category", "程序", "--text", "未告知听证权利")[0] == 0
    assert cli("cases", "rectify", problem, "--by", "张三", "--deadline", "2026-09-30", "--progress", "已补正", "--done")[0] == 0
    assert cli("cases", "evaluate", case, "--conclusion", "合格", "--date", "2026-06-01")[0] == 0
    figures = json.loads(cli("cases", "stats", "--year", "2026", "--format", "json")[1])
    assert (figures["evaluated"], figures["problems"], figures["rectified"]) == (1, 2, 1)
    assert figures["by_category"]["程序"] == 1 and figures["by_category"]["文书制作"] == 1
    code, out, _ = cli("cases", "ledger", "--year", "2026", "--xlsx", str(tmp_path / "评查台账.xlsx"))
    assert code == 0 and "评查台账已写入" in out
    assert cli("cases", "problem", case, "--category", "其他", "--text", "……")[0] == 2
    code, out, _ = cli("cases", "correct", "常环罚字〔2023〕921号", "--party", "常德市某某化工有限公司",
                       "--decided", "2023-09-12", "--reason", "以决定书原件为准")
    assert code == 0 and out.startswith("已更正：") and "更正当事人、作出日期：以决定书原件为准" in out
    shown = cli("cases", "show", case)[1]
    assert "当事人：常德市某某化工有限公司\t作出日期：2023-09-12" in shown
    assert cli("cases", "correct", case)[0] == 2  # nothing to correct: said, not a traceback
    assert cli("log", "verify")[0] == 0
