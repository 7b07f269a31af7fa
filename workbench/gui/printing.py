"""Printing the reports: one ``render(device, report)`` path for print preview, the print dialog and PDF.

``report`` is a ``workbench.reports.Register`` (the 审查台账, A4 landscape), a
``Letter`` (an opinion letter, A4 portrait after GB/T 9704) or a ``YearStats``
(the year's figures with a chart). ``device`` is a ``QPrinter`` (preview,
print dialog) or a ``QPdfWriter``. ``prepare_device`` sets the paper; the
functions below do that and call ``render``:

    print_preview(parent, report)       QPrintPreviewDialog (print from there); preview_dialog() builds it
    print_dialog(parent, report)        QPrintDialog, then print
    export_pdf(path, report)            a PDF file (Chinese fonts embedded)

and, for the window's menu entries, the same by name:
``print_preview_register(parent, register)``, ``export_register_pdf(path, register)``,
``print_preview_letter(parent, letter)``, ``export_letter_pdf(path, letter)``,
``print_preview_stats(parent, stats)``, ``export_stats_pdf(path, stats)``;
``StatsChart`` (a widget) and ``stats_chart_image`` draw the figures as bars.

The register is laid out by hand with QPainter: each row is measured first and
starts a new page when it does not fit, so no row is cut across pages (a row
taller than a whole page is the exception: it is split and its continuation
marked “续” under its number); the column headings repeat on every page. Letters and the
figures flow through a QTextDocument paginated to the type area. Page layout
and font sizes live in ``workbench.reports.layout``.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLayout,
    QTextLength,
    QTextOption,
    QTextTableCellFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.errors import WorkbenchError
from workbench.reports.layout import (
    LETTER_BODY_PT,
    LETTER_LINE_PT,
    LETTER_PAGE,
    LETTER_TABLE_LINE_PT,
    LETTER_TABLE_PT,
    LETTER_TITLE_PT,
    PAGE_NUMBER_PT,
    QT_FONT_FALLBACKS,
    REGISTER_BODY_PT,
    REGISTER_COLUMN_WEIGHTS,
    REGISTER_HEAD_PT,
    REGISTER_INFO_PT,
    REGISTER_PAGE,
    REGISTER_TITLE_PT,
    PageLayout,
    page_number_text,
)
from workbench.reports.letter import (
    BODY,
    DATE,
    HEADING1,
    HEADING2,
    LINES,
    NUMBER,
    RECIPIENT,
    SIGNATURE,
    TABLE,
    TITLE,
    Block,
    Letter,
)
from workbench.reports.register import Register, as_register
from workbench.reports.stats import YearStats, percent


# -- fonts -----------------------------------------------------------------------------


@lru_cache(maxsize=None)
def font_families(role: str) -> tuple[str, ...]:
    """The installed families for ``role`` (body, title, heading1 …), best first."""
    installed = set(QFontDatabase.families())
    found = tuple(name for name in QT_FONT_FALLBACKS[role] if name in installed)
    if found:
        return found
    return (QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(),)


def font_family(role: str) -> str:
    return font_families(role)[0]


def make_font(role: str, point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    families = list(font_families(role))
    # The other CJK families after ours, so that a glyph missing from one is taken from the next.
    families += [f for f in font_families("body") + font_families("heading1") if f not in families]
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    # Only a real bold face: Qt fakes a missing one by drawing the text twice, which a
    # PDF reader then extracts twice (“序号序号”).
    font.setBold(bold and has_bold(families[0]))
    return font


@lru_cache(maxsize=None)
def has_bold(family: str) -> bool:
    return any("bold" in style.lower() for style in QFontDatabase.styles(family))


def ensure_app():
    """The running Qt application, else a new QGuiApplication for printing from the command line
    (on the offscreen platform when there is no display)."""
    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["workbench"])
    return app


# -- devices ---------------------------------------------------------------------------


def page_layout_for(report) -> PageLayout:
    return REGISTER_PAGE if isinstance(report, Register) else LETTER_PAGE


def prepare_device(device, report) -> None:
    """A4 in the report's orientation; we draw the margins ourselves (full page)."""
    layout = page_layout_for(report)
    orientation = QPageLayout.Orientation.Landscape if layout.landscape else QPageLayout.Orientation.Portrait
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Millimeter))
    if hasattr(device, "setFullPage"):  # QPrinter: painter coordinates start at the paper's corner
        device.setFullPage(True)
    if hasattr(device, "setDocName"):
        device.setDocName(_doc_name(report))


def _doc_name(report) -> str:
    if isinstance(report, Register):
        return report.heading
    if isinstance(report, Letter):
        return report.title
    if isinstance(report, YearStats):
        return f"{report.year}年合法性审查工作统计"
    return "报表"


def render(device, report) -> int:
    """Paint ``report`` on ``device`` (QPrinter or QPdfWriter, already prepared); returns the page count."""
    painter = QPainter()
    if not painter.begin(device):
        raise WorkbenchError("无法开始打印：打印机或文件不可用。")
    try:
        if isinstance(report, Register):
            return _RegisterPainter(device, painter, report).paint()
        if isinstance(report, Letter):
            return _paint_flow(device, painter, _letter_document(report, device))
        if isinstance(report, YearStats):
            return _paint_flow(device, painter, _stats_document(report, device))
        raise TypeError(f"cannot print {type(report).__name__}")
    finally:
        painter.end()


def _coerce(report, header: dict):
    if isinstance(report, (Letter, YearStats)):
        return report
    return as_register(report, **header)


def export_pdf(path, report, **header) -> Path:
    """Write ``report`` to a PDF at ``path``; ``header`` builds a Register from plain rows."""
    report = _coerce(report, header)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(1200)  # as QPrinter's HighResolution: the preview and the PDF break pages alike
    writer.setCreator("合法性审查工作台")
    writer.setTitle(_doc_name(report))
    prepare_device(writer, report)
    render(writer, report)
    del writer  # closes the file
    return path


def preview_dialog(parent, report, **header):
    """A QPrintPreviewDialog for ``report`` (not yet shown); printing from it uses the same ``render``."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    report = _coerce(report, header)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_device(printer, report)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {_doc_name(report)}")
    dialog.paintRequested.connect(lambda device: render(device, report))
    dialog.resize(1100, 800)
    dialog._printer = printer  # the dialog does not own it: keep it alive as long as the dialog
    return dialog


def print_preview(parent, report, **header) -> int:
    """Show the print preview (modal); returns the dialog's result."""
    return preview_dialog(parent, report, **header).exec()


def print_dialog(parent, report, **header) -> bool:
    """Ask for a printer, then print. False if the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    report = _coerce(report, header)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_device(printer, report)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"打印 — {_doc_name(report)}")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    render(printer, report)
    return True


# Names the window's menu entries call.
def print_preview_register(parent, register, **header) -> int:
    return print_preview(parent, register, **header)


def print_register(parent, register, **header) -> bool:
    return print_dialog(parent, register, **header)


def export_register_pdf(path, register, **header) -> Path:
    return export_pdf(path, register, **header)


def print_preview_letter(parent, letter: Letter) -> int:
    return print_preview(parent, letter)


def print_letter(parent, letter: Letter) -> bool:
    return print_dialog(parent, letter)


def export_letter_pdf(path, letter: Letter) -> Path:
    return export_pdf(path, letter)


def print_preview_stats(parent, stats: YearStats) -> int:
    return print_preview(parent, stats)


def export_stats_pdf(path, stats: YearStats) -> Path:
    return export_pdf(path, stats)


# -- common drawing ----------------------------------------------------------------------


class _Page:
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

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72.0


def _draw_page_number(painter: QPainter, page: _Page, number: int) -> None:
    painter.setFont(make_font("page_number", PAGE_NUMBER_PT))
    fm = QFontMetricsF(painter.font(), painter.device())
    rect = QRectF(0, page.footer_y - fm.height(), page.width, fm.height())
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), page_number_text(number))


# -- the register ------------------------------------------------------------------------

_CENTRED = {"序号", "审查结论", "审查人", "收文日期", "办结日期"}
_FIXED = {"序号": "000", "收文日期": "2026年12月31日", "办结日期": "2026年12月31日", "审查结论": "修改后通过",
          "审查人": "审查人"}
LINE_FACTOR = 1.3  # line pitch ÷ font height in the register's cells
CONTINUED = "续"  # under the 序号 of a row continued from the page before


class _Cell:
    """A cell's text laid out in lines of one width."""

    __slots__ = ("lines",)

    def __init__(self, lines: list):
        self.lines = lines  # (QTextLayout, line index)


class _RegisterPainter:
    def __init__(self, device, painter: QPainter, register: Register):
        self.device, self.painter, self.register = device, painter, register
        self.page = _Page(device, REGISTER_PAGE)
        self.body_font = make_font("body", REGISTER_BODY_PT)
        self.head_font = make_font("heading1", REGISTER_HEAD_PT, bold=True)
        self.title_font = make_font("title", REGISTER_TITLE_PT, bold=True)
        self.info_font = make_font("body", REGISTER_INFO_PT)
        self.body_fm = QFontMetricsF(self.body_font, device)
        self.head_fm = QFontMetricsF(self.head_font, device)
        self.line_h = self.body_fm.height() * LINE_FACTOR
        self.head_line_h = self.head_fm.height() * LINE_FACTOR
        self.pad_x = self.page.mm(1.2)
        self.pad_y = self.page.mm(1.0)
        self.columns = list(register.columns)
        self.widths = self._column_widths()
        self.xs = [self.page.left]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.options = {}
        self.pen = QPen(QColor("black"))
        self.pen.setWidthF(self.page.pt(0.6))
        self.number = 0

    # layout

    def _column_widths(self) -> list[float]:
        total = self.page.right - self.page.left
        pad = 2 * self.pad_x + 2

        def least(name: str) -> float:
            sample = self.body_fm.horizontalAdvance(_FIXED.get(name, ""))
            return max(sample, self.head_fm.horizontalAdvance(name)) + pad

        fixed = {name: least(name) for name in _FIXED}
        flexible = [c for c in self.columns if c not in fixed]
        rest = total - sum(fixed[c] for c in self.columns if c in fixed)
        weight = sum(REGISTER_COLUMN_WEIGHTS[c] for c in flexible)
        widths = {c: max(least(c), rest * REGISTER_COLUMN_WEIGHTS[c] / weight) for c in flexible}
        # Give back what the minimums took, from the widest column.
        excess = sum(widths.values()) - rest
        widest = max(flexible, key=lambda c: widths[c])
        widths[widest] -= excess
        widths.update(fixed)
        return [widths[c] for c in self.columns]

    def _option(self, align) -> QTextOption:
        option = self.options.get(align)
        if option is None:
            option = QTextOption(align)
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self.options[align] = option
        return option

    def _lay_out(self, text: str, font: QFont, width: float, align) -> _Cell:
        lines = []
        for para in (text.split("\n") if text else []):
            layout = QTextLayout(para, font, self.device)
            layout.setTextOption(self._option(align))
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
            layout.endLayout()
            lines.extend((layout, i) for i in range(layout.lineCount()))
        return _Cell(lines)

    def _row_cells(self, values: list[str], font: QFont, centred_all: bool = False) -> list[_Cell]:
        cells = []
        for name, value, width in zip(self.columns, values, self.widths):
            centred = centred_all or name in _CENTRED
            align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
            cells.append(self._lay_out(value, font, width - 2 * self.pad_x, align))
        return cells

    # drawing

    def _draw_lines(self, cell: _Cell, start: int, count: int, x: float, y: float, line_h: float) -> None:
        for k in range(start, min(start + count, len(cell.lines))):
            layout, index = cell.lines[k]
            line = layout.lineAt(index)
            top = y + (k - start) * line_h + (line_h - line.height()) / 2
            line.draw(self.painter, QPointF(x, top - line.y()))

    def _draw_segment(self, cells, offsets, lines, y, line_h, centre_vertically=False) -> float:
        """Draw ``lines`` lines of each cell from its offset as one bordered row at ``y``; returns its height."""
        height = lines * line_h + 2 * self.pad_y
        p = self.painter
        p.setPen(self.pen)
        for i, cell in enumerate(cells):
            count = max(0, min(lines, len(cell.lines) - offsets[i]))
            inner_y = y + self.pad_y
            if centre_vertically:
                inner_y += (lines - count) * line_h / 2
            self._draw_lines(cell, offsets[i], count, self.xs[i] + self.pad_x, inner_y, line_h)
            p.drawRect(QRectF(self.xs[i], y, self.widths[i], height))
        return height

    def _start_page(self) -> float:
        """Begin a page: heading, then the column headings; returns where the rows start."""
        if self.number:
            self.device.newPage()
        self.number += 1
        p, page, reg = self.painter, self.page, self.register
        p.setPen(QColor("black"))
        y = page.top
        info_fm = QFontMetricsF(self.info_font, self.device)
        width = page.right - page.left
        if self.number == 1:
            p.setFont(self.title_font)
            title_fm = QFontMetricsF(self.title_font, self.device)
            p.drawText(QRectF(page.left, y, width, title_fm.height()), int(Qt.AlignmentFlag.AlignCenter), reg.heading)
            y += title_fm.height() * 1.6
            left = f"填报单位：{reg.bureau}" if reg.bureau else ""
        else:
            left = f"{reg.heading}（续表）"
        right = f"期间：{reg.period}" if reg.period else ""
        if reg.filter_text:
            right = f"{reg.filter_text}　{right}" if right else reg.filter_text
        p.setFont(self.info_font)
        rect = QRectF(page.left, y, width, info_fm.height())
        p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
        p.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
        y += info_fm.height() * 1.4
        lines = max(len(c.lines) for c in self.header_cells)
        y += self._draw_segment(self.header_cells, [0] * len(self.header_cells), lines, y, self.head_line_h, True)
        _draw_page_number(p, page, self.number)
        self.rows_top = y
        return y

    def paint(self) -> int:
        self.header_cells = self._row_cells(self.columns, self.head_font, centred_all=True)
        y = self._start_page()
        bottom = self.page.bottom
        for row in self.register.rows:
            cells = self._row_cells(self.register.cells(row), self.body_font)
            offsets = [0] * len(cells)
            while True:
                remaining = max(len(c.lines) - o for c, o in zip(cells, offsets))
                remaining = max(remaining, 1)
                need = remaining * self.line_h + 2 * self.pad_y
                if y + need <= bottom:
                    self.painter.setFont(self.body_font)
                    y += self._draw_segment(cells, offsets, remaining, y, self.line_h)
                    break
                if y > self.rows_top + 0.5 and self.rows_top + need <= bottom:
                    y = self._start_page()  # the row fits on a fresh page: never cut it
                    continue
                fit = int((bottom - y - 2 * self.pad_y) // self.line_h)
                if fit < 1:
                    y = self._start_page()
                    continue
                # Taller than a whole page: split it, and mark the continuation on the next page.
                self._draw_segment(cells, offsets, fit, y, self.line_h)
                offsets = [o + fit for o in offsets]
                cells[0] = self._lay_out(f"{row.get('序号', '')}\n{CONTINUED}", self.body_font,
                                         self.widths[0] - 2 * self.pad_x, Qt.AlignmentFlag.AlignHCenter)
                offsets[0] = 0
                y = self._start_page()
        self._paint_totals(y)
        return self.number

    def _paint_totals(self, y: float) -> None:
        page, reg = self.page, self.register
        width = page.right - page.left
        totals = self._lay_out(reg.totals().text(), self.body_font, width - 2 * self.pad_x, Qt.AlignmentFlag.AlignLeft)
        sign = self._lay_out(f"制表人：　　　　　　　　审核人：　　　　　　　　制表日期：{reg.made_text()}",
                             self.info_font, width - 2 * self.pad_x, Qt.AlignmentFlag.AlignLeft)
        info_line_h = QFontMetricsF(self.info_font, self.device).height() * LINE_FACTOR
        box = len(totals.lines) * self.line_h + 2 * self.pad_y
        need = box + self.page.mm(4) + len(sign.lines) * info_line_h
        if y + need > page.bottom and y > self.rows_top + 0.5:
            y = self._start_page()
        p = self.painter
        p.setPen(self.pen)
        p.drawRect(QRectF(page.left, y, width, box))
        self._draw_lines(totals, 0, len(totals.lines), page.left + self.pad_x, y + self.pad_y, self.line_h)
        y += box + self.page.mm(4)
        self._draw_lines(sign, 0, len(sign.lines), page.left + self.pad_x, y, info_line_h)


# -- letters and the figures: a QTextDocument paginated to the type area -----------------------------


def _paint_flow(device, painter: QPainter, doc: QTextDocument) -> int:
    page = _Page(device, LETTER_PAGE)
    width, height = page.right - page.left, page.bottom - page.top
    pages = doc.pageCount()
    for i in range(pages):
        if i:
            device.newPage()
        painter.save()
        painter.translate(page.left, page.top - i * height)
        doc.drawContents(painter, QRectF(0, i * height, width, height))
        painter.restore()
        painter.setPen(QColor("black"))
        _draw_page_number(painter, page, i + 1)
    return pages


_BLOCK_STYLES = {  # role, size, alignment, first-line indent (chars), right indent (chars), lines before
    TITLE: ("title", LETTER_TITLE_PT, Qt.AlignmentFlag.AlignHCenter, 0, 0, 0),
    NUMBER: ("body", LETTER_BODY_PT, Qt.AlignmentFlag.AlignRight, 0, 0, 0.5),
    RECIPIENT: ("body", LETTER_BODY_PT, Qt.AlignmentFlag.AlignLeft, 0, 0, 1),
    BODY: ("body", LETTER_BODY_PT, Qt.AlignmentFlag.AlignJustify, 2, 0, 0),
    HEADING1: ("heading1", LETTER_BODY_PT, Qt.AlignmentFlag.AlignJustify, 2, 0, 0),
    HEADING2: ("heading2", LETTER_BODY_PT, Qt.AlignmentFlag.AlignJustify, 2, 0, 0),
    LINES: ("body", LETTER_BODY_PT, Qt.AlignmentFlag.AlignLeft, 2, 0, 1),
    SIGNATURE: ("body", LETTER_BODY_PT, Qt.AlignmentFlag.AlignRight, 0, 4, 2),
    DATE: ("body", LETTER_BODY_PT, Qt.AlignmentFlag.AlignRight, 0, 4, 0),
}


class _FlowBuilder:
    """Builds a QTextDocument of blocks on the device's type area."""

    def __init__(self, device):
        self.device = device
        self.page = _Page(device, LETTER_PAGE)
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDocumentMargin(0)
        self.doc.setPageSize(QSizeF(self.page.right - self.page.left, self.page.bottom - self.page.top))
        self.cursor = QTextCursor(self.doc)
        self.first = True
        self.blocks = []  # (kind, QTextBlock) of the paragraphs added

        self.indent_unit = _indent_unit(device)

    # Lengths in text formats (top margins, line heights, borders, padding, image sizes) are
    # in 1/96 inch whatever the device: the layout scales them by the device's resolution.
    # A block's text indent and right margin are not scaled (Qt 6.11): ``indent_pt`` measures.
    @staticmethod
    def pt(value: float) -> float:
        return value * 96.0 / 72.0

    @staticmethod
    def mm(value: float) -> float:
        return value * 96.0 / 25.4

    def indent_pt(self, value: float) -> float:
        return value * 96.0 / 72.0 * self.indent_unit

    def _block_format(self, align, indent_pt=0.0, right_pt=0.0, before_pt=0.0, line_pt=LETTER_LINE_PT):
        bf = QTextBlockFormat()
        bf.setAlignment(align)
        bf.setTextIndent(self.indent_pt(indent_pt))
        bf.setRightMargin(self.indent_pt(right_pt))
        bf.setTopMargin(self.pt(before_pt))
        bf.setBottomMargin(0)
        bf.setLineHeight(self.pt(line_pt), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        return bf

    @staticmethod
    def _char_format(role: str, size: float, bold: bool = False) -> QTextCharFormat:
        cf = QTextCharFormat()
        cf.setFont(make_font(role, size, bold))
        return cf

    def paragraph(self, block: Block) -> None:
        role, size, align, indent, right, before = _BLOCK_STYLES[block.kind]
        line = LETTER_LINE_PT * (1.25 if block.kind == TITLE else 1)
        bf = self._block_format(align, indent * size, right * size, before * LETTER_LINE_PT, line)
        if block.kind == TITLE:
            bf.setBottomMargin(self.pt(LETTER_LINE_PT / 2))
        cf = self._char_format(role, size)
        if self.first:
            self.cursor.setBlockFormat(bf)
            self.cursor.setBlockCharFormat(cf)
            self.first = False
        else:
            self.cursor.insertBlock(bf, cf)
        self.cursor.insertText(block.text, cf)
        self.blocks.append((block.kind, self.cursor.block()))

    def keep_together(self, kinds) -> None:
        """Move the blocks of ``kinds`` (the signature and the date) and the paragraph before
        them to the next page when a page break would fall inside them."""
        indexes = [i for i, (kind, _) in enumerate(self.blocks) if kind in kinds]
        if not indexes:
            return
        # With the paragraph before it, so that no page holds the signature alone.
        run = [b for _, b in self.blocks[max(indexes[0] - 1, 0):indexes[-1] + 1]]
        layout = self.doc.documentLayout()
        height = self.doc.pageSize().height()
        top = layout.blockBoundingRect(run[0]).top()
        bottom = layout.blockBoundingRect(run[-1]).bottom()
        if int(top // height) != int((bottom - 1) // height):
            fmt = run[0].blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(run[0]).setBlockFormat(fmt)

    def table(self, rows, widths, *, header: bool = False, size: float = LETTER_TABLE_PT) -> None:
        if self.first:
            self.first = False
        ncols = max(len(r) for r in rows)
        fmt = QTextTableFormat()
        fmt.setBorder(self.pt(0.6))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QBrush(QColor("black")))
        fmt.setBorderCollapse(True)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(self.mm(1.5))
        fmt.setTopMargin(self.pt(LETTER_LINE_PT / 3))
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        total = sum(widths)
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100 * w / total) for w in widths])
        if header:
            fmt.setHeaderRowCount(1)
        table = self.cursor.insertTable(len(rows), ncols, fmt)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                bold_label = (header and r == 0) or (not header and c == 0)
                cell_cursor = table.cellAt(r, c).firstCursorPosition()
                align = Qt.AlignmentFlag.AlignHCenter if bold_label or (header and c > 0 and _numeric(value)) \
                    else Qt.AlignmentFlag.AlignLeft
                bf = self._block_format(align, line_pt=size * LETTER_TABLE_LINE_PT / LETTER_TABLE_PT)
                cf = self._char_format("heading1" if bold_label else "body", size)
                for j, line in enumerate(str(value).split("\n")):
                    if j:
                        cell_cursor.insertBlock(bf, cf)
                    else:
                        cell_cursor.setBlockFormat(bf)
                        cell_cursor.setBlockCharFormat(cf)
                    cell_cursor.insertText(line, cf)
                table.cellAt(r, c).setFormat(self._cell_format())
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

    def _cell_format(self) -> QTextTableCellFormat:
        """Vertically centred, with a thin black border (collapsed tables draw the cells' borders)."""
        fmt = QTextTableCellFormat()
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
        fmt.setBorder(self.pt(0.6))
        fmt.setBorderBrush(QBrush(QColor("black")))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setPadding(self.mm(1.5))
        return fmt

    def image(self, name: str, image: QImage, width_px: float) -> None:
        self.doc.addResource(QTextDocument.ResourceType.ImageResource, name, image)
        bf = self._block_format(Qt.AlignmentFlag.AlignHCenter, before_pt=LETTER_LINE_PT / 2, line_pt=0)
        bf.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self.cursor.insertBlock(bf)
        fmt = QTextImageFormat()
        fmt.setName(name)
        fmt.setWidth(width_px)
        fmt.setHeight(width_px * image.height() / image.width())
        self.cursor.insertImage(fmt)


def _indent_unit(device) -> float:
    """By how much a block's text indent must be multiplied to come out at its 1/96-inch size on ``device``."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setTextWidth(10_000)
    cursor = QTextCursor(doc)
    fmt = QTextBlockFormat()
    fmt.setTextIndent(96.0)
    cursor.setBlockFormat(fmt)
    cursor.insertText("x")
    doc.size()  # lays it out
    shown = doc.begin().layout().lineAt(0).x()
    wanted = 96.0 * device.logicalDpiX() / 96.0
    return wanted / shown if shown > 0 else 1.0


def _display_width(text: str) -> int:
    """Width of the longest line in half-width units (a Chinese character counts 2)."""
    return max((sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in str(text).split("\n")), default=0)


def _numeric(value) -> bool:
    text = str(value)
    return bool(text) and (text.replace("%", "").replace(".", "").isdigit() or text == "—")


def _letter_document(letter: Letter, device) -> QTextDocument:
    builder = _FlowBuilder(device)
    for block in letter.blocks:
        if block.kind == TABLE:
            builder.table(block.rows, block.widths or (1.0, 3.0))
        else:
            builder.paragraph(block)
    builder.keep_together({LINES, SIGNATURE, DATE})
    return builder.doc


def _stats_document(stats: YearStats, device) -> QTextDocument:
    builder = _FlowBuilder(device)
    builder.paragraph(Block(TITLE, f"{stats.year}年合法性审查工作统计"))
    builder.paragraph(Block(BODY, stats.paragraph()))
    sections = stats.sections()
    chart = stats_chart_image(stats, 1600, 700)
    for i, section in enumerate(sections):
        builder.paragraph(Block(HEADING1, section.title))
        rows = [section.columns] + [tuple(str(v) for v in row) for row in section.rows]
        if not section.rows:
            rows.append(("（无）",) + ("",) * (len(section.columns) - 1))
        widths = [3 + min(40, max(4, *(_display_width(r[c]) for r in rows))) for c in range(len(section.columns))]
        builder.table(rows, widths, header=True, size=10.5)
        if i == 0:
            builder.image("chart", chart, builder.mm(210 - LETTER_PAGE.left_mm - LETTER_PAGE.right_mm))
    return builder.doc


# -- the figures as a chart ------------------------------------------------------------------

_CHART_COLOURS = {"pass": QColor("#3a7d44"), "amend": QColor("#d9a441"), "reject": QColor("#b23a48"),
                  "open": QColor("#9aa5b1")}
_CHART_LABELS = {"pass": "通过/符合", "amend": "修改后通过", "reject": "不予通过/不符合", "open": "年末未办结"}


def paint_stats_chart(painter: QPainter, rect: QRectF, stats: YearStats) -> None:
    """Bars per review type: completed reviews by conclusion (stacked), reviews still open beside them."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("white"))
    scale = rect.height() / 400.0
    font = make_font("body", 9)
    font.setPixelSize(max(8, int(13 * scale)))
    painter.setFont(font)
    fm = QFontMetricsF(font)
    title_font = make_font("heading1", 10)
    title_font.setPixelSize(max(9, int(16 * scale)))
    painter.setFont(title_font)
    painter.setPen(QColor("black"))
    top = rect.top() + fm.height() * 0.5
    painter.drawText(QRectF(rect.left(), top, rect.width(), fm.height() * 1.5), int(Qt.AlignmentFlag.AlignCenter),
                     f"{stats.year}年审查办结情况（件）")
    painter.setFont(font)
    plot = QRectF(rect.left() + fm.horizontalAdvance("0000") + 10 * scale, top + fm.height() * 2.5,
                  rect.width() * 0.72, rect.height() - fm.height() * 6)
    types = list(stats.types.values())
    most = max([t.completed for t in types] + [t.open_at_year_end for t in types] + [1])
    steps = min(4, most)
    biggest = -(-most // steps) * steps  # the axis runs in whole numbers of reviews
    # Axis and grid.
    grid = QPen(QColor("#cccccc"))
    painter.setPen(grid)
    for s in range(steps + 1):
        value = biggest * s / steps
        y = plot.bottom() - plot.height() * s / steps
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(rect.left(), y - fm.height() / 2, plot.left() - rect.left() - 4 * scale, fm.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{value:.0f}")
        painter.setPen(grid)
    group = plot.width() / max(len(types), 1)
    bar = group * 0.28
    for i, t in enumerate(types):
        x = plot.left() + group * i + group * 0.15
        y = plot.bottom()
        for key in ("pass", "amend", "reject"):
            n = t.by_conclusion.get(key, 0)
            if not n:
                continue
            h = plot.height() * n / biggest
            painter.fillRect(QRectF(x, y - h, bar, h), _CHART_COLOURS[key])
            y -= h
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(x - bar, y - fm.height() * 1.2, bar * 3, fm.height()), int(Qt.AlignmentFlag.AlignCenter),
                         str(t.completed))
        if t.open_at_year_end:
            h = plot.height() * t.open_at_year_end / biggest
            ox = x + bar * 1.15
            painter.fillRect(QRectF(ox, plot.bottom() - h, bar * 0.8, h), _CHART_COLOURS["open"])
            painter.drawText(QRectF(ox - bar, plot.bottom() - h - fm.height() * 1.2, bar * 2.8, fm.height()),
                             int(Qt.AlignmentFlag.AlignCenter), str(t.open_at_year_end))
        painter.drawText(QRectF(plot.left() + group * i, plot.bottom() + 4 * scale, group, fm.height() * 2.4),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         f"{t.label}\n通过率 {percent(t.pass_rate)}")
    painter.setPen(QColor("black"))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    # Legend.
    lx = plot.right() + 24 * scale
    ly = plot.top()
    for key in ("pass", "amend", "reject", "open"):
        painter.fillRect(QRectF(lx, ly + fm.height() * 0.2, fm.height() * 0.8, fm.height() * 0.8), _CHART_COLOURS[key])
        painter.drawText(QPointF(lx + fm.height() * 1.2, ly + fm.ascent()), _CHART_LABELS[key])
        ly += fm.height() * 1.5
    ly += fm.height()
    painter.drawText(QPointF(lx, ly + fm.ascent()), f"法律顾问意见 {stats.opinions} 条")
    painter.restore()


def stats_chart_image(stats: YearStats, width: int = 900, height: int = 400, path=None) -> QImage:
    """The chart as an image (saved as PNG when ``path`` is given)."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_stats_chart(painter, QRectF(0, 0, width, height), stats)
    finally:
        painter.end()
    if path:
        image.save(str(path), "PNG")
    return image


class StatsChart(QWidget):
    """The year's figures as bars; ``set_stats(stats)`` to show another year."""

    def __init__(self, stats: YearStats | None = None, parent=None):
        super().__init__(parent)
        self._stats = stats
        self.setMinimumSize(480, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_stats(self, stats: YearStats | None) -> None:
        self._stats = stats
        self.update()

    def stats(self) -> YearStats | None:
        return self._stats

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        try:
            if self._stats is None:
                painter.fillRect(self.rect(), QColor("white"))
                return
            paint_stats_chart(painter, QRectF(self.rect()), self._stats)
        finally:
            painter.end()
