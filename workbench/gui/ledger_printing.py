"""Printing a ``Ledger`` (清理结果, 评查台账) exactly as the review register is printed.

The register's painter (``workbench.gui.printing``) lays out a landscape table whose rows
never split across pages and whose headings repeat; a ledger differs only in its columns
and their widths, so this subclasses it and takes the widths from the ledger. Preview,
print dialog and PDF go through one ``render``, as everywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from workbench.errors import WorkbenchError
from workbench.gui import printing
from workbench.reports.ledger import Ledger


class _LedgerPainter(printing._RegisterPainter):
    def _column_widths(self) -> list[float]:
        ledger: Ledger = self.register
        total = self.page.right - self.page.left
        pad = 2 * self.pad_x + 2
        # Dates get just the width of one on a line, as in the register; the other columns
        # share the rest by the ledger's weights, each wide enough for a short name or ①已整改 (headings wrap).
        date_width = self.body_fm.horizontalAdvance("2026年12月31日") + pad
        fixed = {c: max(date_width, self.head_fm.horizontalAdvance(c) + pad)
                 for c in self.columns if c.endswith(("日期", "有效期至"))}
        flexible = [c for c in self.columns if c not in fixed]
        rest = total - sum(fixed.values())
        weight = sum(ledger.weights.get(c, 5.0) for c in flexible)
        narrowest = max(self.head_fm.horizontalAdvance("序号"), self.body_fm.horizontalAdvance("①已整改")) + pad
        widths = {c: max(narrowest, rest * ledger.weights.get(c, 5.0) / weight) for c in flexible}
        widest = max(flexible, key=lambda c: widths[c])
        widths[widest] -= sum(widths.values()) - rest  # what the minimums took, from the widest column
        widths.update(fixed)
        return [widths[c] for c in self.columns]

    def _row_cells(self, values, font, centred_all: bool = False):
        cells = []
        for name, value, width in zip(self.columns, values, self.widths):
            centred = centred_all or name in self.register.centred
            align = Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
            cells.append(self._lay_out(value, font, width - 2 * self.pad_x, align))
        return cells


def prepare_device(device, ledger: Ledger) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    if hasattr(device, "setFullPage"):
        device.setFullPage(True)
    if hasattr(device, "setDocName"):
        device.setDocName(ledger.heading)


def render(device, ledger: Ledger) -> int:
    painter = QPainter()
    if not painter.begin(device):
        raise WorkbenchError("无法开始打印：打印机或文件不可用。")
    try:
        return _LedgerPainter(device, painter, ledger).paint()
    finally:
        painter.end()


def export_ledger_pdf(path, ledger: Ledger) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(1200)
    writer.setCreator("合法性审查工作台")
    writer.setTitle(ledger.heading)
    prepare_device(writer, ledger)
    render(writer, ledger)
    del writer
    return path


def preview_ledger(parent, ledger: Ledger):
    """A QPrintPreviewDialog for the ledger (not yet shown)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_device(printer, ledger)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {ledger.heading}")
    dialog.paintRequested.connect(lambda device: render(device, ledger))
    dialog.resize(1100, 800)
    dialog._printer = printer
    return dialog
