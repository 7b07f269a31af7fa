"""The register as an Excel workbook (openpyxl), for offices that keep their 台账 in Excel.

One sheet: the title and the period above the table, the column headings
(frozen, and repeated on every printed page), one row per review, the totals
below. 序号 is a number and the two dates are dates (shown as 2026年3月5日), so
Excel sorts and filters them as such. Set to print on A4 landscape, fitted to
the page width.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from workbench.reports.register import Register

# Column widths in Excel's units (about one Latin character; a Chinese character is ~2).
_WIDTHS = {
    "序号": 6, "收文日期": 15, "文件名称及文号": 40, "送审单位": 14, "审查类型": 18,
    "主要问题": 44, "审查结论": 11, "审查人": 9, "办结日期": 15, "备注": 28,
}
_DATE_FORMAT = 'yyyy"年"m"月"d"日"'
_DATES = {"收文日期": "received_date", "办结日期": "closed_date"}
_BODY_FONT = "仿宋"
_HEAD_FONT = "黑体"


def write_register_xlsx(register: Register, path) -> Path:
    """Write ``register`` (or a ``workbench.reports.ledger.Ledger``) to ``path`` (.xlsx) and return the path."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = getattr(register, "sheet", "") or "审查台账"
    columns = register.columns
    ncol = len(columns)
    last = get_column_letter(ncol)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(wrap_text=True, vertical="center", horizontal="center")

    ws.append([register.heading])
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = Font(name=_HEAD_FONT, size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    info = f"期间：{register.period}" if register.period else ""
    if register.filter_text:
        info += ("　" if info else "") + register.filter_text
    ws.append([info])
    ws.merge_cells(f"A2:{last}2")
    ws["A2"].font = Font(name=_BODY_FONT, size=11)

    ws.append(list(columns))
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(name=_HEAD_FONT, size=11, bold=True)
        cell.alignment = centre
        cell.border = border
    centred = getattr(register, "centred", ("序号", "审查结论", "收文日期", "办结日期"))  # a Ledger names its own
    for row in register.rows:
        cells: list = register.cells(row)
        cells[0] = int(row["序号"])  # a number, so Excel sorts it as one
        for i, name in enumerate(columns):
            if name in _DATES:
                cells[i] = row.get(_DATES[name]) or _as_date(cells[i])
        ws.append(cells)
        for i, cell in enumerate(ws[ws.max_row]):
            cell.font = Font(name=_BODY_FONT, size=10.5)
            cell.alignment = centre if columns[i] in centred else wrap
            cell.border = border
            if columns[i] in _DATES:
                cell.number_format = _DATE_FORMAT
    ws.append([register.totals().text()])
    total_row = ws.max_row
    ws.merge_cells(f"A{total_row}:{last}{total_row}")
    ws[f"A{total_row}"].font = Font(name=_BODY_FONT, size=11, bold=True)
    ws[f"A{total_row}"].alignment = Alignment(wrap_text=True)
    for note in register.furniture.notes:
        ws.append([note])
        ws.merge_cells(f"A{ws.max_row}:{last}{ws.max_row}")
        ws[f"A{ws.max_row}"].font = Font(name=_BODY_FONT, size=10)

    for i, name in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = (getattr(register, "xlsx_widths", None) or _WIDTHS).get(name, 12)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "— &P —"
    if register.furniture.footer_lines:
        ws.oddFooter.left.text = "\n".join(register.furniture.footer_lines)
    if register.bureau:
        ws.oddHeader.left.text = register.bureau
    if register.period:
        ws.oddHeader.right.text = register.period
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _as_date(text: str):
    """A date from a cell printed as 2026年3月5日 (rows built by hand); the text itself otherwise."""
    import re
    from datetime import date

    m = re.fullmatch(r"(\d{4})(?:年|-)(\d{1,2})(?:月|-)(\d{1,2})日?", text or "")
    return date(*map(int, m.groups())) if m else (text or None)
