"""The register as .xlsx, read back with openpyxl."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import load_workbook

from workbench.log import REGISTER_COLUMNS
from workbench.reports import build_register, write_register_xlsx


def test_the_workbook_holds_the_rows_as_the_register_prints_them(log, sample, tmp_path):
    register = build_register(log, date(2026, 1, 1), date(2026, 12, 31), bureau="某市生态环境局")
    path = write_register_xlsx(register, tmp_path / "台账.xlsx")
    ws = load_workbook(path).active
    assert ws.title == "审查台账"
    assert ws["A1"].value == "某市生态环境局合法性审查台账"
    assert ws["A2"].value == "期间：2026年1月1日至2026年12月31日"
    assert [c.value for c in ws[3]] == list(REGISTER_COLUMNS)
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=3 + len(register.rows))]
    assert [r[0] for r in body] == [1, 2, 3, 4, 5]  # numbers, not text
    notice = body[1]
    assert notice[1] == datetime(2026, 4, 1) and notice[8] == datetime(2026, 4, 10)  # dates, not text
    assert ws.cell(row=5, column=2).number_format == 'yyyy"年"m"月"d"日"'
    assert body[4][8] is None  # still open: no 办结日期
    assert notice[2] == "关于加强排污单位管理的通知"
    assert notice[5] == register.rows[1]["主要问题"] == "设定行政许可1项；变相设置审批程序1项"
    assert notice[6] == "修改后通过" and notice[9] == "顾问意见2条"
    assert ws.cell(row=4 + len(register.rows), column=1).value == register.totals().text()
    assert ws.cell(row=5, column=6).alignment.wrap_text
    # Printing from Excel: landscape A4, the headings repeated on every page, frozen below them.
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$3:$3"
    assert ws.freeze_panes == "A4"
