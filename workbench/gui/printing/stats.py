"""The year's figures on A4 portrait: the paragraph for the annual report, each table, the chart.

Tables are ruled by the shared ``Canvas``: a row never breaks across pages and
the headings repeat above the rows of a new page, never under them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.gui.printing.canvas import Canvas, Column, Image, Table, Text
from workbench.gui.printing.chart import stats_chart_image
from workbench.gui.printing.fonts import make_font
from workbench.reports.layout import LETTER_BODY_PT, LETTER_LINE_PT, LETTER_PAGE, LETTER_TITLE_PT
from workbench.reports.stats import YearStats

LAYOUT = LETTER_PAGE
TABLE_PT = 10.5
A = Qt.AlignmentFlag


def title(stats: YearStats) -> str:
    return f"{stats.year}年合法性审查工作统计"


def paint(device, painter, stats: YearStats) -> int:
    canvas = Canvas(device, painter, LAYOUT, stats.furniture)
    page = canvas.page
    pitch = page.pt(LETTER_LINE_PT)
    body = make_font("body", LETTER_BODY_PT)
    blocks = [
        Text(title(stats), make_font("title", LETTER_TITLE_PT), A.AlignHCenter, pitch=pitch * 1.25, after=pitch / 2),
        Text(stats.paragraph(), body, A.AlignJustify, indent=page.pt(2 * LETTER_BODY_PT), pitch=pitch),
    ]
    cell_font, head_font = make_font("body", TABLE_PT), make_font("heading1", TABLE_PT)
    for i, section in enumerate(stats.sections()):
        blocks.append(Text(section.title, make_font("heading1", LETTER_BODY_PT), pitch=pitch, before=pitch / 3,
                           keep_with_next=True))
        rows = [[str(v) for v in row] for row in section.rows] or [["（无）"] + [""] * (len(section.columns) - 1)]
        widths = [3 + min(40, max(4, *(_display_width(r[c]) for r in [list(section.columns)] + rows)))
                  for c in range(len(section.columns))]
        total = sum(widths)
        columns = [Column(name, page.text_width * w / total,
                          A.AlignHCenter if c > 0 and all(_numeric(r[c]) for r in rows) else A.AlignLeft)
                   for c, (name, w) in enumerate(zip(section.columns, widths))]
        blocks.append(Table(columns, rows, cell_font, head_font, line_factor=1.25, after=pitch / 3))
        if i == 0:
            width = page.text_width
            blocks.append(Image(stats_chart_image(stats, 1600, 700), width, before=pitch / 3, after=pitch / 3))
    canvas.flow(blocks)
    return canvas.finish()


def _display_width(text: str) -> int:
    """Width of the longest line in half-width units (a Chinese character counts 2)."""
    return max((sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in str(text).split("\n")), default=0)


def _numeric(value) -> bool:
    text = str(value)
    return bool(text) and (text.replace("%", "").replace(".", "").isdigit() or text == "—")
