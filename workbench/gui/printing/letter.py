"""An opinion letter on A4 portrait after GB/T 9704: 22 lines of 3号 a page, headings in 黑体.

The last section (the conclusion), the signature lines and the date are kept
on one page when they fit on one, so no page holds the signature alone; every
first-level heading stays with the paragraph after it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.gui.printing.canvas import Canvas, Column, Table, Text
from workbench.gui.printing.fonts import make_font
from workbench.reports.layout import LETTER_LINE_PT, LETTER_PAGE, LETTER_TABLE_LINE_PT, LETTER_TABLE_PT
from workbench.reports.letter import HEADING1, SIGNATURE, STYLES, TABLE, TITLE, Letter

LAYOUT = LETTER_PAGE
A = Qt.AlignmentFlag
_ALIGN = {"center": A.AlignHCenter, "right": A.AlignRight, "left": A.AlignLeft, "justify": A.AlignJustify}


def paint(device, painter, letter: Letter) -> int:
    canvas = Canvas(device, painter, LAYOUT, letter.furniture)
    canvas.flow(blocks(canvas, letter))
    return canvas.finish()


def blocks(canvas: Canvas, letter: Letter) -> list:
    page = canvas.page
    pitch = page.pt(LETTER_LINE_PT)
    out = []
    for block in letter.blocks:
        if block.kind == TABLE:
            out.append(_table(canvas, block))
            continue
        role, size, align, indent, right, before = STYLES[block.kind]
        align = _ALIGN[align]
        text = Text(block.text, make_font(role, size), align, indent=page.pt(indent * size), right=page.pt(right * size),
                    pitch=pitch * (1.25 if block.kind == TITLE else 1), before=before * pitch,
                    after=pitch / 2 if block.kind == TITLE else 0.0, keep_with_next=block.kind == HEADING1)
        out.append(text)
    # The conclusion, the signature lines and the date: one page.
    kinds = [b.kind for b in letter.blocks]
    if HEADING1 in kinds and SIGNATURE in kinds:
        start = len(kinds) - 1 - kinds[::-1].index(HEADING1)
        for b in out[start:-1]:
            b.keep_with_next = True
    elif SIGNATURE in kinds:
        for b in out[max(kinds.index(SIGNATURE) - 2, 0):-1]:
            b.keep_with_next = True
    return out


def _table(canvas: Canvas, block) -> Table:
    widths = block.widths or (1.0, 3.0)
    total = sum(widths)
    label_font = make_font("heading1", LETTER_TABLE_PT)
    columns = [Column("", canvas.page.text_width * w / total, A.AlignHCenter if i == 0 else A.AlignLeft,
                      font=label_font if i == 0 else None) for i, w in enumerate(widths)]
    body = make_font("body", LETTER_TABLE_PT)
    factor = LETTER_TABLE_LINE_PT / LETTER_TABLE_PT / 1.15
    return Table(columns, [list(r) for r in block.rows], body, None, line_factor=factor, pad_mm=(1.5, 1.5),
                 continued=lambda values: f"{values[0]}（续）", before=canvas.page.pt(LETTER_LINE_PT / 3))
