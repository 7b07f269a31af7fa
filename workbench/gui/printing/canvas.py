"""The one page layout every printed document is drawn on: paragraphs, ruled tables and images
flowing down A4 pages, with the page number and the document's footer lines on every page.

A document module (``register``, ``letter``, ``stats``) turns its report into a
list of blocks and hands them to ``Canvas.flow``:

- ``Text``: a paragraph (font, alignment, first-line indent, fixed line pitch);
  it breaks across pages between lines;
- ``Table``: a ruled table; each row is measured first and starts a new page
  when it does not fit, so no row is cut (a row taller than a whole page is the
  exception: it is split, and its continuation is marked); the column headings
  repeat on every page, so nothing is ever drawn over them;
- ``Image``: a picture (the chart of the year's figures);

and ``keep_with_next`` on any block keeps it on one page with the block after
it (a heading with its table, the last rows of a letter with its signature).
``running_head`` draws what continuation pages start with (the register's
“（续表）” line). ``finish`` prints the furniture's notes after the content and
closes the last page: every page carries its number (GB/T 9704: “— 1 —”) and
the furniture's footer lines (``workbench.reports.layout.PageFurniture``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPainter, QPen, QTextLayout, QTextOption

from workbench.gui.printing.fonts import make_font
from workbench.reports.layout import FOOTER_PT, NO_FURNITURE, PAGE_NUMBER_PT, PageFurniture, PageLayout, page_number_text

LINE_FACTOR = 1.3  # line pitch ÷ font height where a block gives no pitch of its own
CONTINUED = "续"


class Page:
    """The paper and type area of a device, in device pixels."""

    def __init__(self, device, layout: PageLayout):
        self.dpi = device.logicalDpiY()
        paper = device.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
        self.width = self.mm(paper.width())
        self.height = self.mm(paper.height())
        self.left = self.mm(layout.left_mm)
        self.right = self.width - self.mm(layout.right_mm)
        self.top = self.mm(layout.top_mm)
        self.bottom = self.height - self.mm(layout.bottom_mm)
        self.footer_y = self.height - self.mm(layout.footer_mm)

    @property
    def text_width(self) -> float:
        return self.right - self.left

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72.0


@dataclass
class Text:
    text: str
    font: QFont
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    indent: float = 0.0  # first line, px
    left: float = 0.0  # every line, px
    right: float = 0.0  # px
    pitch: float | None = None  # line pitch, px
    before: float = 0.0  # space above, px
    after: float = 0.0  # space below, px
    keep_with_next: bool = False


@dataclass
class Column:
    title: str
    width: float  # px
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    font: QFont | None = None  # the body cells' font when not the table's


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[str]]
    body_font: QFont
    head_font: QFont | None = None  # None: no heading row
    line_factor: float = LINE_FACTOR
    pad_mm: tuple[float, float] = (1.2, 1.0)  # cell padding, horizontal and vertical
    continued: Callable[[list[str]], str] | None = None  # first cell of a split row's continuation
    keep_with_next: bool = False  # the last row stays on one page with the next block
    before: float = 0.0
    after: float = 0.0
    min_row_lines: int = 1


@dataclass
class Image:
    image: QImage
    width: float  # px
    before: float = 0.0
    after: float = 0.0
    keep_with_next: bool = False


@dataclass
class _Lines:
    """A paragraph laid out: its QTextLayouts' lines, in order."""

    lines: list = field(default_factory=list)  # (QTextLayout, line index)

    def __len__(self) -> int:
        return len(self.lines)


class Canvas:
    def __init__(self, device, painter: QPainter, layout: PageLayout, furniture: PageFurniture = NO_FURNITURE,
                 running_head: Callable[["Canvas"], None] | None = None):
        self.device, self.painter = device, painter
        self.page = Page(device, layout)
        self.furniture = furniture
        self.running_head = running_head
        self.number = 1
        self.footer_font = make_font("body", FOOTER_PT)
        self.number_font = make_font("page_number", PAGE_NUMBER_PT)
        self.bottom = self._body_bottom()
        self.y = self._page_start = self.page.top
        self._rows_top = self.y
        self.pen = QPen(QColor("black"))
        self.pen.setWidthF(self.page.pt(0.6))
        self._options: dict = {}

    # -- pages ---------------------------------------------------------------

    def _body_bottom(self) -> float:
        """Where content stops: the type area, or higher if the footer lines need the room."""
        lines = self.furniture.footer_lines
        if not lines:
            return self.page.bottom
        fm = QFontMetricsF(self.footer_font, self.device)
        number = QFontMetricsF(self.number_font, self.device).height()
        top = self.page.footer_y - number - self.page.mm(1) - fm.height() * len(lines)
        return min(self.page.bottom, top - self.page.mm(1.5))

    def _close_page(self) -> None:
        p, page = self.painter, self.page
        p.setPen(QColor("black"))
        p.setFont(self.number_font)
        fm = QFontMetricsF(self.number_font, self.device)
        rect = QRectF(0, page.footer_y - fm.height(), page.width, fm.height())
        p.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), page_number_text(self.number))
        lines = self.furniture.footer_lines
        if lines:
            p.setFont(self.footer_font)
            small = QFontMetricsF(self.footer_font, self.device)
            y = rect.top() - self.page.mm(1) - small.height() * len(lines)
            for line in lines:
                p.drawText(QRectF(page.left, y, page.text_width, small.height()),
                           int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), line)
                y += small.height()

    def new_page(self) -> None:
        self._close_page()
        self.device.newPage()
        self.number += 1
        self.y = self.page.top
        if self.running_head is not None:
            self.running_head(self)
        self._page_start = self.y

    @property
    def at_top(self) -> bool:
        return self.y <= self._page_start + 0.5

    @property
    def room(self) -> float:
        return self.bottom - self.y

    def finish(self) -> int:
        """Print the notes, close the last page; returns the number of pages."""
        if self.furniture.notes:
            font = make_font("body", 9)
            self.flow([Text(note, font, before=self.page.mm(2) if i == 0 else 0)
                       for i, note in enumerate(self.furniture.notes)])
        self._close_page()
        return self.number

    # -- laying out ----------------------------------------------------------

    def option(self, align) -> QTextOption:
        option = self._options.get(int(align))
        if option is None:
            option = QTextOption(align)
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self._options[int(align)] = option
        return option

    def lay_out(self, text: str, font: QFont, width: float, align, first_indent: float = 0.0) -> _Lines:
        out = _Lines()
        for n, para in enumerate(text.split("\n") if text else []):
            layout = QTextLayout(para, font, self.device)
            layout.setTextOption(self.option(align))
            layout.beginLayout()
            first = True
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                indent = first_indent if (first and n == 0) else 0.0
                line.setLineWidth(max(1.0, width - indent))
                line.setPosition(QPointF(indent, 0))
                first = False
            layout.endLayout()
            out.lines.extend((layout, i) for i in range(layout.lineCount()))
        return out

    def draw_lines(self, lines: _Lines, start: int, count: int, x: float, y: float, pitch: float) -> None:
        for k in range(start, min(start + count, len(lines))):
            layout, index = lines.lines[k]
            line = layout.lineAt(index)
            top = y + (k - start) * pitch + (pitch - line.height()) / 2
            line.draw(self.painter, QPointF(x, top - line.y()))

    def pitch_of(self, block: Text) -> float:
        return block.pitch or QFontMetricsF(block.font, self.device).height() * LINE_FACTOR

    def _text_lines(self, block: Text) -> _Lines:
        width = self.page.text_width - block.left - block.right
        return self.lay_out(block.text, block.font, width, block.align, block.indent)

    def height_of(self, block) -> float:
        """The height a block needs if it is not broken across pages."""
        if isinstance(block, Text):
            return block.before + len(self._text_lines(block)) * self.pitch_of(block) + block.after
        if isinstance(block, Image):
            return block.before + block.width * block.image.height() / max(block.image.width(), 1) + block.after
        if isinstance(block, Table):  # a table keeps only its heading and first row with what comes before
            rows = block.rows[:1]
            return block.before + sum(self._row_height(block, self._row_cells(block, r)) for r in rows) + (
                self._head_height(block) if block.head_font else 0)
        return 0.0

    # -- flowing -------------------------------------------------------------

    def flow(self, blocks: list) -> None:
        for i, block in enumerate(blocks):
            chain = self._chain(blocks, i)
            if chain and not isinstance(block, Table):
                height = sum(self.height_of(b) for b in chain)
                usable = self.bottom - self.page.top
                if height > self.room and height <= usable and not self.at_top:
                    self.new_page()
            if isinstance(block, Text):
                self._text(block)
            elif isinstance(block, Image):
                self._image(block)
            elif isinstance(block, Table):
                tail = sum(self.height_of(b) for b in self._chain(blocks, i)[1:]) if block.keep_with_next else 0.0
                self._table(block, tail)

    @staticmethod
    def _chain(blocks: list, i: int) -> list:
        """The block at ``i`` and those it is kept with (empty if it keeps with nothing)."""
        if not getattr(blocks[i], "keep_with_next", False):
            return []
        j = i
        while j < len(blocks) - 1 and getattr(blocks[j], "keep_with_next", False):
            j += 1
        return blocks[i:j + 1]

    def _text(self, block: Text) -> None:
        lines = self._text_lines(block)
        pitch = self.pitch_of(block)
        if not self.at_top:
            self.y += block.before
        self.painter.setPen(QColor("black"))
        done = 0
        while done < len(lines):
            fit = int((self.room + 0.01) // pitch)
            if fit < 1:
                self.new_page()
                continue
            count = min(fit, len(lines) - done)
            self.draw_lines(lines, done, count, self.page.left + block.left, self.y, pitch)
            self.y += count * pitch
            done += count
            if done < len(lines):
                self.new_page()
        self.y += block.after

    def _image(self, block: Image) -> None:
        height = block.width * block.image.height() / max(block.image.width(), 1)
        if not self.at_top:
            self.y += block.before
        if height > self.room and not self.at_top:
            self.new_page()
        x = self.page.left + (self.page.text_width - block.width) / 2
        self.painter.drawImage(QRectF(x, self.y, block.width, height), block.image)
        self.y += height + block.after

    # -- tables --------------------------------------------------------------

    def _pads(self, table: Table) -> tuple[float, float]:
        return self.page.mm(table.pad_mm[0]), self.page.mm(table.pad_mm[1])

    def _row_cells(self, table: Table, values: list[str], head: bool = False) -> list[_Lines]:
        pad_x, _ = self._pads(table)
        cells = []
        for column, value in zip(table.columns, values):
            font = table.head_font if head else (column.font or table.body_font)
            align = Qt.AlignmentFlag.AlignHCenter if head else column.align
            cells.append(self.lay_out(str(value), font, column.width - 2 * pad_x, align))
        return cells

    def _line_h(self, table: Table, head: bool = False) -> float:
        font = table.head_font if head else table.body_font
        return QFontMetricsF(font, self.device).height() * table.line_factor

    def _row_height(self, table: Table, cells: list[_Lines], head: bool = False) -> float:
        _, pad_y = self._pads(table)
        lines = max([len(c) for c in cells] + [table.min_row_lines])
        return lines * self._line_h(table, head) + 2 * pad_y

    def _head_height(self, table: Table) -> float:
        return self._row_height(table, self._row_cells(table, [c.title for c in table.columns], head=True), head=True)

    def _draw_row(self, table: Table, cells: list[_Lines], offsets: list[int], lines: int, head: bool = False) -> None:
        pad_x, pad_y = self._pads(table)
        line_h = self._line_h(table, head)
        height = lines * line_h + 2 * pad_y
        p = self.painter
        p.setPen(self.pen)
        x = self.page.left
        for column, cell, offset in zip(table.columns, cells, offsets):
            count = max(0, min(lines, len(cell) - offset))
            inner = self.y + pad_y + (lines - count) * line_h / 2  # vertically centred
            self.draw_lines(cell, offset, count, x + pad_x, inner, line_h)
            p.drawRect(QRectF(x, self.y, column.width, height))
            x += column.width
        self.y += height

    def _draw_head(self, table: Table) -> None:
        if table.head_font is None:
            return
        cells = self._row_cells(table, [c.title for c in table.columns], head=True)
        self._draw_row(table, cells, [0] * len(cells), max(len(c) for c in cells), head=True)

    def _table_page(self, table: Table) -> None:
        self.new_page()
        self._draw_head(table)
        self._rows_top = self.y

    def _table(self, table: Table, tail: float) -> None:
        if not self.at_top:
            self.y += table.before
        head = self._head_height(table) if table.head_font else 0.0
        first = self._row_height(table, self._row_cells(table, table.rows[0])) if table.rows else 0.0
        if head + first > self.room and not self.at_top:  # a heading never stands alone at a page's foot
            self.new_page()
        self._draw_head(table)
        self._rows_top = self.y
        line_h = self._line_h(table)
        _, pad_y = self._pads(table)
        last = len(table.rows) - 1
        for n, values in enumerate(table.rows):
            cells = self._row_cells(table, values)
            offsets = [0] * len(cells)
            while True:
                remaining = max([len(c) - o for c, o in zip(cells, offsets)] + [table.min_row_lines])
                need = remaining * line_h + 2 * pad_y
                if n == last and tail and need + tail <= self.bottom - self._rows_top:
                    need += tail  # the last row goes with what follows
                if self.y + need <= self.bottom + 0.01:
                    self._draw_row(table, cells, offsets, remaining)
                    break
                fresh = self.bottom - self._rows_top
                if self.y > self._rows_top + 0.5 and need <= fresh:
                    self._table_page(table)  # the row fits on a fresh page: never cut it
                    continue
                fit = int((self.bottom - self.y - 2 * pad_y) // line_h)
                if fit < 1:
                    self._table_page(table)
                    continue
                # Taller than a whole page: split it, and mark the continuation on the next page.
                self._draw_row(table, cells, offsets, fit)
                offsets = [o + fit for o in offsets]
                if table.continued is not None:
                    pad_x, _ = self._pads(table)
                    column = table.columns[0]
                    cells[0] = self.lay_out(table.continued(values), column.font or table.body_font,
                                            column.width - 2 * pad_x, column.align)
                    offsets[0] = 0
                self._table_page(table)
        self.y += table.after
