"""``workbench register`` (xlsx), ``letter``, ``stats`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from docx import Document
from openpyxl import load_workbook

from workbench.cli import main


def test_register_to_xlsx_with_filters(sample, tmp_path, capsys):
    out = tmp_path / "台账.xlsx"
    code = main(["register", "--from", "2026-01-01", "--to", "2026-12-31", "--xlsx", str(out), "--type", "legality",
                 "--bureau", "某市生态环境局", "--db", str(sample.path)])
    assert code == 0
    assert "3 件" in capsys.readouterr().out
    ws = load_workbook(out).active
    assert ws["A1"].value == "某市生态环境局合法性审查台账"
    assert [ws.cell(row=r, column=5).value for r in (4, 5, 6)] == ["合法性审核"] * 3


def test_register_needs_an_output_and_a_sane_period(sample, tmp_path, capsys):
    assert main(["register", "--from", "2026-12-31", "--to", "2026-01-01", "--xlsx", str(tmp_path / "x.xlsx"),
                 "--db", str(sample.path)]) == 2
    assert "截止日期早于起始日期" in capsys.readouterr().err


def test_letter_to_docx(sample, tmp_path, capsys):
    out = tmp_path / "意见书.docx"
    assert main(["letter", sample.ids["decision"][:8], "--docx", str(out), "--bureau", "某市生态环境局",
                 "--number", "某环法审〔2026〕5号", "--db", str(sample.path)]) == 0
    doc = Document(out)
    assert doc.paragraphs[0].text == "重大执法决定法制审核意见书"
    assert doc.paragraphs[1].text == "某环法审〔2026〕5号"
    assert main(["letter", sample.ids["open"], "--docx", str(tmp_path / "no.docx"), "--db", str(sample.path)]) == 2
    assert "尚未办结" in capsys.readouterr().err
    assert not (tmp_path / "no.docx").exists()


def test_stats_json_and_text(sample, capsys):
    assert main(["stats", "--year", "2026", "--format", "json", "--db", str(sample.path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["types"]["enforcement"]["completed"] == 1 and data["opinions"] == 4
    assert main(["stats", "--year", "2026", "--db", str(sample.path)]) == 0
    assert "收到重大执法决定法制审核1件，办结1件" in capsys.readouterr().out


def test_xlsx_and_stats_do_not_load_qt(sample, tmp_path):
    code = (
        "import sys; from workbench.cli import main; "
        "main(['register', '--from', '2026-01-01', '--to', '2026-12-31', '--xlsx', sys.argv[2], '--db', sys.argv[1]]); "
        "main(['stats', '--year', '2026', '--db', sys.argv[1]]); "
        "print('QT:', [m for m in sys.modules if m.startswith('PySide6')])"
    )
    r = subprocess.run([sys.executable, "-c", code, str(sample.path), str(tmp_path / "x.xlsx")],
                       capture_output=True, text=True, timeout=120)
    assert "QT: []" in r.stdout, r.stdout + r.stderr


def test_help_names_settings_in_chinese_not_by_their_keys(capsys):
    for command in (["letter", "--help"], ["register", "--help"], ["review", "open", "--help"]):
        try:
            main(command)
        except SystemExit:
            pass
        text = capsys.readouterr().out
        assert "bureau_name" not in text and "letter_prefix" not in text, command
    main_help = subprocess.run([sys.executable, "-m", "workbench", "letter", "--help"], capture_output=True, text=True)
    assert "“设置”中的单位名称" in main_help.stdout


def test_a_file_alone_opens_the_window_with_it(monkeypatch, tmp_path):
    import workbench.gui.app as app

    opened = []
    monkeypatch.setattr(app, "run_gui", lambda paths: opened.append(paths) or 0)
    draft = tmp_path / "草案.docx"
    draft.write_bytes(b"")
    assert main([str(draft)]) == 0 and opened == [[str(draft)]]
    assert main(["gui", str(draft)]) == 0 and opened[-1] == [str(draft)]


def test_eval_of_a_missing_folder_says_why(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "shared" / "eval")]) == 2
    said = capsys.readouterr().out  # where workbench eval says what it could not evaluate
    assert "不存在" in said and "不随程序和代码仓库发布" in said
