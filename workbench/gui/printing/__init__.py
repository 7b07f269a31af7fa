"""Printing the reports: one ``render(device, report)`` path for print preview, the print dialog and PDF.

``report`` is a ``workbench.reports.Register`` (the 审查台账, A4 landscape), a
``Letter`` (an opinion letter, A4 portrait after GB/T 9704) or a ``YearStats``
(the year's figures with a chart). ``device`` is a ``QPrinter`` (preview,
print dialog) or a ``QPdfWriter``. ``prepare_device`` sets the paper; the
functions below do that and call ``render``:

    print_preview(parent, report)       QPrintPreviewDialog (print from there); preview_dialog() builds it
    print_dialog(parent, report)        QPrintDialog, then print
    export_pdf(path, report)            a PDF file (Chinese fonts embedded)

Each document has its own module (``register``, ``letter``, ``stats``, ``ledger`` for the
评查台账 and other ``workbench.reports.ledger.Ledger`` objects), all
drawn on the one page layout of ``canvas`` (pagination, ruled tables whose
headings repeat, kept-together blocks, page numbers, footer lines and notes);
``fonts`` picks the installed faces; ``chart`` draws the figures as bars
(``StatsChart`` for the window, ``stats_chart_image`` for paper).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from workbench.errors import WorkbenchError
from workbench.gui.printing import ledger as _ledger
from workbench.gui.printing import letter as _letter
from workbench.gui.printing import register as _register
from workbench.gui.printing import stats as _stats
from workbench.gui.printing.chart import StatsChart, paint_stats_chart, stats_chart_image
from workbench.gui.printing.fonts import font_families, font_family, has_bold, make_font
from workbench.reports.ledger import Ledger
from workbench.reports.letter import Letter
from workbench.reports.register import Register, as_register
from workbench.reports.stats import YearStats

# Each kind of report: its module (with LAYOUT and paint) and its name as a print job.
_DOCUMENTS = {
    Register: (_register, lambda r: r.heading),
    Letter: (_letter, lambda r: r.title),
    YearStats: (_stats, _stats.title),
    Ledger: (_ledger, lambda r: r.heading),  # 评查台账, 清理结果
}


def _document(report):
    for kind, entry in _DOCUMENTS.items():
        if isinstance(report, kind):
            return entry
    raise TypeError(f"cannot print {type(report).__name__}")


def ensure_app():
    """The running Qt application, else a new QGuiApplication for printing from the command line
    (on the offscreen platform when there is no display)."""
    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["workbench"])
    return app


def prepare_device(device, report) -> None:
    """A4 in the report's orientation; we draw the margins ourselves (full page)."""
    module, name = _document(report)
    orientation = QPageLayout.Orientation.Landscape if module.LAYOUT.landscape else QPageLayout.Orientation.Portrait
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Millimeter))
    if hasattr(device, "setFullPage"):  # QPrinter: painter coordinates start at the paper's corner
        device.setFullPage(True)
    if hasattr(device, "setDocName"):
        device.setDocName(name(report))


def render(device, report) -> int:
    """Paint ``report`` on ``device`` (QPrinter or QPdfWriter, already prepared); returns the page count."""
    module, _ = _document(report)
    painter = QPainter()
    if not painter.begin(device):
        raise WorkbenchError("无法开始打印：打印机或文件不可用。")
    try:
        return module.paint(device, painter, report)
    finally:
        painter.end()


def _coerce(report, header: dict):
    if isinstance(report, (Letter, YearStats, Register, Ledger)):
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
    writer.setTitle(_document(report)[1](report))
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
    dialog.setWindowTitle(f"打印预览 — {_document(report)[1](report)}")
    dialog.paintRequested.connect(lambda device: render(device, report))
    screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
    dialog.resize(min(1100, screen.width() - 40), min(800, screen.height() - 60))
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
    dialog.setWindowTitle(f"打印 — {_document(report)[1](report)}")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    render(printer, report)
    return True


# Names the window's menu entries call.
print_preview_register = print_preview_letter = print_preview_stats = print_preview
print_register = print_letter = print_dialog


def export_register_pdf(path, register, **header) -> Path:
    return export_pdf(path, register, **header)


def export_letter_pdf(path, letter: Letter) -> Path:
    return export_pdf(path, letter)


def export_stats_pdf(path, stats: YearStats) -> Path:
    return export_pdf(path, stats)


__all__ = [
    "render", "prepare_device", "export_pdf", "preview_dialog", "print_preview", "print_dialog", "ensure_app",
    "print_preview_register", "print_register", "export_register_pdf", "print_preview_letter", "print_letter",
    "export_letter_pdf", "print_preview_stats", "export_stats_pdf", "StatsChart", "stats_chart_image",
    "paint_stats_chart", "font_families", "font_family", "make_font", "has_bold",
]
