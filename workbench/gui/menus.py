"""The window's menus and toolbar, built in one place.

``build_menus(window)`` returns the menus by name (``file``, ``reports``,
``review``, ``tools``, ``stock``); the window keeps them as ``window.menus``, so a feature
adds its entry where it belongs, e.g. ``window.menus["file"].insertAction(…)``
or ``window.menus["tools"].addAction(…)``, without touching this module's order.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def _action(window, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window, triggered=slot)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    return action


def build_menus(window) -> dict:
    bar = window.menuBar()
    menus = {}
    findings = window.findings.panel

    file_menu = menus["file"] = bar.addMenu("文件(&F)")
    window.open_action = _action(window, "打开草案…(&O)", window.choose_files, QKeySequence.Open)
    window.revision_action = _action(window, "打开修订稿…(&R)", window.choose_revision, "Ctrl+Shift+O")
    file_menu.addAction(window.open_action)
    file_menu.addAction(window.revision_action)
    from workbench.gui import annotation

    annotation.install(window, file_menu)  # 导出批注稿 and the 单位答复 tab (window.annotation)
    window.recent_menu = file_menu.addMenu("最近打开(&E)")
    window.recent_menu.aboutToShow.connect(window.fill_recent)
    if window.sample_path:
        file_menu.addAction(_action(window, "打开示例草案(&S)", lambda: window.open_paths([window.sample_path])))
    file_menu.addSeparator()
    menus["reports"] = file_menu.addMenu("台账与报表(&P)")
    window.reports_menu = menus["reports"]
    from workbench.gui import reports_menu

    reports_menu.install(window, menus["reports"])
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "退出(&X)", window.close, QKeySequence.Quit))

    review = menus["review"] = bar.addMenu("审查(&R)")
    for action in (findings.accept_action, findings.dismiss_action, findings.reopen_action,
                   window.findings.confirm_action):
        review.addAction(action)
    review.addSeparator()
    review.addAction(_action(window, "撰写法律意见(&M)", window.opinions.focus, "Ctrl+M"))
    review.addAction(_action(window, "审查结论(&C)", lambda: window.tabs.setCurrentWidget(window.conclusion.panel),
                             "Ctrl+E"))
    review.addSeparator()
    for n, (label, target) in enumerate((("审查队列", window.queue.view), ("草案正文", window.document_view),
                                          ("问题列表", findings.table)), start=1):
        review.addAction(_action(window, f"转到{label}", target.setFocus, f"Ctrl+{n}"))

    tools = menus["tools"] = bar.addMenu("工具(&T)")
    tools.addAction(_action(window, "审查规则…(&U)", window.show_rules))
    tools.addAction(_action(window, "设置…(&S)", window.show_settings, QKeySequence.Preferences))
    tools.addSeparator()
    tools.addAction(_action(window, "校验审查日志(&V)", window.verify_log))
    tools.addAction(_action(window, "备份审查日志…(&B)", window.backup_log))
    tools.addAction(_action(window, "导入合并包…(&I)", lambda: window.import_bundle()))
    from workbench.gui import stock_menu

    menus["stock"] = stock_menu.install(window)  # 存量文件: issued documents, 到期提醒, 清理, 案卷评查

    toolbar = window.addToolBar("常用")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for action in (window.open_action, window.revision_action):
        toolbar.addAction(action)
    toolbar.addSeparator()
    for action in (findings.accept_action, findings.dismiss_action, window.findings.confirm_action):
        toolbar.addAction(action)
    window.toolbar = toolbar
    return menus
