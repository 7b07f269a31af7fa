"""A scanned draft: Chinese text drawn into an image, the image alone put in a PDF (no text layer)."""

from __future__ import annotations

from pathlib import Path

LINES = ("关于加强排污单位管理的通知", "一、本市范围内的排污单位须经本局批准后方可排放污染物。", "某市生态环境局")


def scanned_pdf(path: Path, lines=LINES) -> Path:
    from PySide6.QtCore import QPoint, QRect, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter

    from workbench.gui.printing import ensure_app

    ensure_app()
    image = QImage(2480, 1200, QImage.Format.Format_Grayscale8)  # A4 width at 300 dpi
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont("WenQuanYi Micro Hei")
    font.setPixelSize(64)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    for i, line in enumerate(lines):
        painter.drawText(QPoint(160, 200 + i * 140), line)
    painter.end()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QSizeF(210, 101.6), QPageSize.Unit.Millimeter))
    writer.setResolution(300)
    pdf = QPainter(writer)
    pdf.drawImage(QRect(0, 0, image.width(), image.height()), image)
    pdf.end()
    return path
