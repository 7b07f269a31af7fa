"""Where the stock window joins the main window: its menu, and the 到期提醒 at start.

``install(window)`` is the one hook (called once from ``workbench.gui.menus.build_menus``): a
存量 menu opening the stock window on each tab, and, once the window is up, a line in
the status bar naming the documents that lapse within the reminder window, with a
button that opens the 到期提醒 view.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QPushButton

from workbench.errors import WorkbenchError
from workbench.gui.tasks import after_first_paint, run_in_background

# The stock window's tabs. The window and the log's stock records are imported when first
# used, not with the menu: at start they would cost the window ~60 ms before it shows.
TAB_ISSUED, TAB_REMINDERS, TAB_CLEANUP, TAB_CASES = range(4)


def open_stock(window, tab: int):
    stock = getattr(window, "stock_window", None)
    if stock is None:
        from workbench.gui.stock_window import StockWindow

        stock = window.stock_window = StockWindow(window)
    else:
        stock.refresh()
    stock.tabs.setCurrentIndex(tab)
    stock.show()
    bring_to_front(stock)
    return stock


def bring_to_front(widget) -> None:
    if QGuiApplication.platformName() != "offscreen":  # offscreen (tests, screenshots) has no stacking
        widget.raise_()
        widget.activateWindow()


def expiring(window) -> list:
    from workbench.stock.model import DEFAULT_REMINDER_DAYS  # here: the menu is built before the window shows

    try:
        days = int(window.ws.settings.get("expiry_reminder_days") or DEFAULT_REMINDER_DAYS)
    except (TypeError, ValueError):
        days = DEFAULT_REMINDER_DAYS
    from workbench.log.stock import StockRecords

    today = date.today()
    return [d for d in StockRecords(window.ws.log).issued() if d.status(today, days) == "expiring"], days


def show_reminder(window) -> None:
    """At start: say in the status bar how many issued documents lapse soon (nothing if none)."""
    try:
        due, days = expiring(window)
    except WorkbenchError:
        return  # the log's own error is shown by the main window
    if not due:
        return
    button = getattr(window, "reminder_button", None)
    if button is None:
        button = window.reminder_button = QPushButton()
        button.setFlat(True)
        button.setStyleSheet("color: #b3261e; font-weight: bold;")
        button.clicked.connect(lambda: open_stock(window, TAB_REMINDERS))
        window.statusBar().addPermanentWidget(button)
    button.setText(f"到期提醒：{len(due)} 件规范性文件将在 {days} 天内到期")
    button.show()


def _import_stock_records() -> None:
    from workbench.log.stock import StockRecords  # noqa: F401 (its import, with the stock model)


def install(window):
    """Add the 存量文件 menu to ``window`` and schedule the start-up reminder; returns the menu."""
    menu = window.menuBar().addMenu("存量文件(&K)")
    for text, tab in (("已发布规范性文件登记…(&I)", TAB_ISSUED), ("到期提醒…(&D)", TAB_REMINDERS),
                      ("规范性文件清理…(&C)", TAB_CLEANUP), ("案卷评查…(&J)", TAB_CASES)):
        menu.addAction(QAction(text, window, triggered=lambda _checked=False, t=tab: open_stock(window, t)))
    # Once the window is up (painted: the reminder does not delay it), the stock records' code
    # imported off the GUI thread (~10 ms); not if the window was closed first (its log may be closed by then).
    def remind(_=None):
        if shiboken6.isValid(window) and window.isVisible():
            show_reminder(window)

    after_first_paint(window, lambda: run_in_background(_import_stock_records, remind, remind))
    return menu
