"""A ``Ledger`` (评查台账, 清理结果) on A4 landscape, laid out as the review register is.

Title, unit and period, the table (headings repeat, rows never cut), the totals and the
signature line on the page of the last row; continuation pages start with “（续表）”.
The ledger names its columns and their relative widths; dates get the width of one on
a line, every other column at least a short name (headings wrap).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from workbench.gui.printing import register as _register
from workbench.gui.printing.canvas import CONTINUED, Canvas, Column, Table, Text
from workbench.gui.printing.fonts import make_font
from workbench.reports.layout import REGISTER_BODY_PT, REGISTER_HEAD_PT, REGISTER_INFO_PT, REGISTER_TITLE_PT
from workbench.reports.ledger import Ledger

LAYOUT = _register.LAYOUT
_DATE_COLUMNS = ("日期", "有效期至")


def paint(device, painter, ledger: Ledger) -> int:
    body = make_font("body", REGISTER_BODY_PT)
    head = make_font("heading1", REGISTER_HEAD_PT, bold=True)
    info = make_font("body", REGISTER_INFO_PT)
    canvas = Canvas(device, painter, LAYOUT, ledger.furniture,
                    running_head=lambda c: _register._info_line(c, info, f"{ledger.heading}（续表）", ledger))
    _register._title(canvas, make_font("title", REGISTER_TITLE_PT, bold=True), info, ledger)
    rows = Table(_columns(canvas, ledger, body, head), [ledger.cells(r) for r in ledger.rows], body, head,
                 line_factor=_register.LINE_FACTOR, pad_mm=_register.PAD_MM,
                 continued=lambda values: f"{values[0]}\n{CONTINUED}", keep_with_next=True)
    totals = Table([Column("", canvas.page.text_width)], [[ledger.totals().text()]], body,
                   line_factor=_register.LINE_FACTOR, keep_with_next=True)
    sign = Text(f"制表人：　　　　　　　　审核人：　　　　　　　　制表日期：{ledger.made_text()}", info,
                before=canvas.page.mm(3))
    canvas.flow([rows, totals, sign] if ledger.rows else [totals, sign])
    return canvas.finish()


def _columns(canvas: Canvas, ledger: Ledger, body, head) -> list[Column]:
    pad = 2 * canvas.page.mm(_register.PAD_MM[0]) + 2
    body_fm, head_fm = QFontMetricsF(body, canvas.device), QFontMetricsF(head, canvas.device)
    date_width = body_fm.horizontalAdvance("2026年12月31日") + pad
    fixed = {c: max(date_width, head_fm.horizontalAdvance(c) + pad) for c in ledger.columns if c.endswith(_DATE_COLUMNS)}
    flexible = [c for c in ledger.columns if c not in fixed]
    rest = canvas.page.text_width - sum(fixed.values())
    weight = sum(ledger.weights.get(c, 5.0) for c in flexible)
    narrowest = max(head_fm.horizontalAdvance("序号"), body_fm.horizontalAdvance("①已整改")) + pad
    widths = {c: max(narrowest, rest * ledger.weights.get(c, 5.0) / weight) for c in flexible}
    widest = max(flexible, key=lambda c: widths[c])
    widths[widest] -= sum(widths.values()) - rest  # what the minimums took, from the widest column
    widths.update(fixed)
    return [Column(c, widths[c], Qt.AlignmentFlag.AlignHCenter if c in ledger.centred else Qt.AlignmentFlag.AlignLeft)
            for c in ledger.columns]
