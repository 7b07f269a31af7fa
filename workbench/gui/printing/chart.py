"""The year's figures as bars: for the printed statistics and the window's 图表 tab."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from workbench.gui.printing.fonts import make_font
from workbench.reports.stats import YearStats, percent

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
