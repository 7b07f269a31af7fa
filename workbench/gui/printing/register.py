"""The register (审查台账) on A4 landscape: title, unit and period, the ledger, the totals.

Continuation pages start with “……台账（续表）” and the period, then the column
headings again; the totals and the signature line stay on the page of the last
row, so no page holds the totals alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF

from workbench.gui.printing.canvas import CONTINUED, Canvas, Column, Table, Text
from workbench.gui.printing.fonts import make_font
from workbench.reports.layout import (
    REGISTER_BODY_PT,
    REGISTER_COLUMN_WEIGHTS,
    REGISTER_HEAD_PT,
    REGISTER_INFO_PT,
    REGISTER_PAGE,
    REGISTER_TITLE_PT,
)
from workbench.reports.register import Register

LAYOUT = REGISTER_PAGE
_CENTRED = {"序号", "审查结论", "审查人", "收文日期", "办结日期"}
# Columns as wide as their usual content on one line (and at least their heading).
_FIXED = {"序号": "000", "收文日期": "2026-12-31", "办结日期": "2026-12-31", "审查结论": "修改后通过",
          "审查人": "审查人名", "审查类型": "公平竞争审查", "送审单位": "大气环境科"}
LINE_FACTOR = 1.15
PAD_MM = (1.2, 0.7)


def paint(device, painter, register: Register) -> int:
    body = make_font("body", REGISTER_BODY_PT)
    head = make_font("heading1", REGISTER_HEAD_PT, bold=True)
    info = make_font("body", REGISTER_INFO_PT)
    canvas = Canvas(device, painter, LAYOUT, register.furniture,
                    running_head=lambda c: _info_line(c, info, f"{register.heading}（续表）", register))
    _title(canvas, make_font("title", REGISTER_TITLE_PT, bold=True), info, register)
    columns = _columns(canvas, register, body, head)
    ledger = Table(columns, [register.cells(r) for r in register.rows], body, head, line_factor=LINE_FACTOR, pad_mm=PAD_MM,
                   continued=lambda values: f"{values[0]}\n{CONTINUED}", keep_with_next=True)
    totals = Table([Column("", canvas.page.text_width)], [[register.totals().text()]], body,
                   line_factor=LINE_FACTOR, keep_with_next=True)
    sign = Text(f"制表人：　　　　　　　　审核人：　　　　　　　　制表日期：{register.made_text()}", info,
                before=canvas.page.mm(3))
    canvas.flow([ledger, totals, sign] if register.rows else [totals, sign])
    return canvas.finish()


def _title(canvas: Canvas, title_font, info_font, register: Register) -> None:
    p, page = canvas.painter, canvas.page
    p.setPen(QColor("black"))
    p.setFont(title_font)
    fm = QFontMetricsF(title_font, canvas.device)
    p.drawText(QRectF(page.left, canvas.y, page.text_width, fm.height()), int(Qt.AlignmentFlag.AlignCenter),
               register.heading)
    canvas.y += fm.height() * 1.5
    _info_line(canvas, info_font, f"填报单位：{register.bureau}" if register.bureau else "", register)
    canvas._page_start = canvas.y


def _info_line(canvas: Canvas, font, left: str, register: Register) -> None:
    """The unit (or “续表”) on the left, the filters and the period on the right."""
    right = f"期间：{register.period}" if register.period else ""
    if register.filter_text:
        right = f"{register.filter_text}　{right}" if right else register.filter_text
    p, page = canvas.painter, canvas.page
    fm = QFontMetricsF(font, canvas.device)
    p.setPen(QColor("black"))
    p.setFont(font)
    rect = QRectF(page.left, canvas.y, page.text_width, fm.height())
    p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    p.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
    canvas.y += fm.height() * 1.4


def _columns(canvas: Canvas, register: Register, body, head) -> list[Column]:
    names = list(register.columns)
    total = canvas.page.text_width
    pad = 2 * canvas.page.mm(1.2) + 2
    body_fm, head_fm = QFontMetricsF(body, canvas.device), QFontMetricsF(head, canvas.device)

    def least(name: str) -> float:
        return max(body_fm.horizontalAdvance(_FIXED.get(name, "")), head_fm.horizontalAdvance(name)) + pad

    fixed = {name: least(name) for name in names if name in _FIXED}
    flexible = [c for c in names if c not in fixed]
    rest = total - sum(fixed.values())
    weight = sum(REGISTER_COLUMN_WEIGHTS[c] for c in flexible)
    widths = {c: max(least(c), rest * REGISTER_COLUMN_WEIGHTS[c] / weight) for c in flexible}
    widest = max(flexible, key=lambda c: widths[c])
    widths[widest] -= sum(widths.values()) - rest  # give back what the minimums took
    widths.update(fixed)
    return [Column(n, widths[n], Qt.AlignmentFlag.AlignHCenter if n in _CENTRED else Qt.AlignmentFlag.AlignLeft)
            for n in names]
