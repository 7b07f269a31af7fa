"""Start the window: the Qt application, the log, the last review, the sample draft."""

from __future__ import annotations

import sys
from importlib import resources

SAMPLE_NAME = "示例-关于加强建材市场管理的若干规定.docx"


def sample_document_path() -> str:
    return str(resources.files("workbench.resources") / "samples" / SAMPLE_NAME)


# Labels of Qt's file dialog that its own Chinese catalogue (qtbase_zh_CN.qm, shipped with
# PySide6) lacks: the dialog's form asks for them with their keyboard accelerators.
MISSING_QT_TRANSLATIONS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileDialog", "File &name:"): "文件名称(&N)：",
    ("QPlatformTheme", "&Open"): "打开(&O)",
    ("QPlatformTheme", "&Save"): "保存(&S)",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QFileSystemModel", "Folder"): "文件夹",
}


def install_chinese(app) -> bool:
    """Qt's own dialogs (file dialog, standard buttons) in Chinese, dates in Chinese form:
    Qt's translations as PySide6 ships them, and the few labels they lack. False if Qt's
    own Chinese catalogue was not found."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    class Missing(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 (Qt's signature)
            return MISSING_QT_TRANSLATIONS.get((context, source))  # None: not ours, ask the next

        def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
            return False

    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    keep, loaded = [], False
    translator = QTranslator(app)
    if translator.load(QLocale(QLocale.Chinese, QLocale.China), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        keep.append(translator)
        loaded = True
    missing = Missing(app)
    app.installTranslator(missing)  # installed last: asked first, and answers only for its own few labels
    keep.append(missing)
    app._workbench_translators = keep  # keep them alive with the app
    return loaded


def install_bundled_fonts() -> list[str]:
    """Fonts shipped in ``resources/fonts`` (the bundle puts a Chinese font there), so that a
    desktop without Chinese fonts still shows Chinese; the families added."""
    from PySide6.QtGui import QFontDatabase

    folder = resources.files("workbench.resources") / "fonts"
    families: list[str] = []
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.lower().endswith((".ttf", ".ttc", ".otf")):
                families += QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(entry)))
    return families


def no_display_message() -> str | None:
    """On Linux without a screen Qt aborts with English messages; say it in Chinese first."""
    import os

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                                                 or os.environ.get("QT_QPA_PLATFORM")):
        return ("没有可用的图形界面（未设置 DISPLAY）：窗口无法打开。请在桌面环境中运行本程序；"
                "在服务器上可改用命令行，例如 workbench check 文件.docx。")
    return None


def startup_warning(window):
    """Say once, at start, what the window also marks: broken rule files (file and line), a read-only log."""
    from PySide6.QtWidgets import QMessageBox

    lines = window.warnings()
    if not lines:
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, "请注意", "\n\n".join(lines), parent=window)
    box.setInformativeText("工作台照常运行；缺失的规则包改正规则文件后重新启动即可恢复。")
    box.open()  # not exec(): the window stays usable behind it
    window.startup_box = box
    return box


def preload_checking() -> None:
    """What the first check needs, made ready off the GUI thread at start."""
    from workbench.checking import builtin_engine
    from workbench.text.segment import preload_words

    builtin_engine()
    preload_words()


def run_gui(paths: list[str], screenshot: str | None = None) -> int:
    """The window; with ``screenshot``, save a picture of it once shown and quit (checks an installation)."""
    # The core first, then Qt: once PySide6 is loaded it reads the source of every module imported
    # after it (looking for "from __feature__ import"), ~0.1 ms a module; the core never uses Qt.
    from workbench.errors import WorkbenchError
    from workbench.log import ReviewLog
    from workbench.settings import DEFAULTS, load_settings
    from workbench.workspace import Workspace

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from workbench.gui.main_window import MainWindow
    from workbench.gui.tasks import drain, hold_until_painted, run_in_background

    message = no_display_message()
    if message:
        print(message, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translated = install_chinese(app)
    install_bundled_fonts()
    app.aboutToQuit.connect(drain)  # no worker may outlive the application (a crash on the way out)
    app.setApplicationName("合法性审查工作台")
    app.setOrganizationName("workbench")
    try:
        settings = load_settings()
    except WorkbenchError as exc:
        QMessageBox.warning(None, "设置文件有误", exc.message)
        settings = dict(DEFAULTS)
    try:
        log = ReviewLog.open(settings.get("log_path") or None)
    except WorkbenchError as exc:
        # Without its log the workbench must not run: nothing could be recorded.
        QMessageBox.critical(None, "无法打开审查日志", exc.message + "\n\n程序将退出；日志文件未被改动。")
        return 2
    window = MainWindow(Workspace(log, settings), sample_path=sample_document_path())
    hold_until_painted(window)  # the preload below and the last review's draft wait for the first paint
    window.show()
    startup_warning(window)
    window.restore_last_review()
    if screenshot:
        def save_and_quit():
            saved = window.grab().save(screenshot)
            print(f"窗口截图{'已保存：' + screenshot if saved else '保存失败：' + screenshot}")
            print("Qt 中文翻译：" + ("已加载" if translated else "未找到（Qt 自带的对话框按钮将显示英文）"))
            print(f"审查日志：{log.path}")
            app.exit(0 if saved else 2)

        QTimer.singleShot(0, save_and_quit)  # the first turn of the event loop: the window is laid out and painted
        try:
            return app.exec()
        finally:
            log.close()
    # The engine (its import and its automaton) and jieba's word index are not needed to show
    # the window: get them ready now, in the background, for the first check.
    run_in_background(preload_checking, lambda _: None, lambda _exc: None)
    if paths:
        sample = [p for p in paths if p == sample_document_path()]
        if sample and len(paths) == 1:
            # The sample opened at every start: show its earlier review if there is one.
            existing = window.ws.existing_review(sample[0])
            if existing:
                window.show_review(existing)
                paths = []
        if paths:
            window.open_paths(paths)
    try:
        return app.exec()
    finally:
        log.close()
