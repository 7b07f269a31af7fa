"""The main window: open a draft, see it with its findings highlighted.

Loading and checking run in the background (``tasks.run_in_background``);
the window only shows results. The full review workbench (queue, dispositions,
opinions, conclusion) builds on this window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog, QHeaderView, QLabel, QMainWindow, QMessageBox, QProgressBar, QSplitter, QTableView, QTextEdit,
)

from workbench.checking import CheckResult, check_file
from workbench.errors import WorkbenchError
from workbench.gui.findings_model import SEVERITY_COLORS, FindingsModel
from workbench.gui.tasks import run_in_background
from workbench.intake import SUPPORTED_SUFFIXES

FILE_FILTER = "草案文件 (*.docx *.txt *.pdf *.doc *.wps);;所有文件 (*)"


class MainWindow(QMainWindow):
    def __init__(self, sample_path: str | None = None):
        super().__init__()
        self.setWindowTitle("合法性审查工作台")
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        self.sample_path = sample_path
        self.result: CheckResult | None = None
        self.pending = 0
        self.last_error_box: QMessageBox | None = None

        self.document_view = QTextEdit(readOnly=True)
        self.document_view.setObjectName("documentView")
        self.findings_model = FindingsModel(self)
        self.findings_view = QTableView()
        self.findings_view.setObjectName("findingsView")
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setSelectionBehavior(QTableView.SelectRows)
        self.findings_view.setSelectionMode(QTableView.SingleSelection)
        self.findings_view.setWordWrap(False)
        self.findings_view.verticalHeader().setVisible(False)
        header = self.findings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((60, 50, 90, 150, 420, 260)):
            self.findings_view.setColumnWidth(col, width)
        self.findings_view.selectionModel().currentRowChanged.connect(self._show_finding)

        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.document_view)
        splitter.addWidget(self.findings_view)
        splitter.setSizes([480, 280])
        self.setCentralWidget(splitter)

        self.status_label = QLabel("请打开草案文件（文件 → 打开，或把文件拖进窗口）")
        self.progress = QProgressBar(maximumWidth=160)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        open_action = QAction("打开(&O)…", self, shortcut=QKeySequence.Open, triggered=self.choose_files)
        file_menu.addAction(open_action)
        if self.sample_path:
            file_menu.addAction(QAction("打开示例文档(&S)", self, triggered=lambda: self.open_paths([self.sample_path])))
        file_menu.addSeparator()
        file_menu.addAction(QAction("退出(&X)", self, shortcut=QKeySequence.Quit, triggered=self.close))

    # -- opening -----------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "打开草案", "", FILE_FILTER)
        self.open_paths(paths)

    def open_paths(self, paths) -> None:
        for path in paths:
            self.open_path(str(path))

    def open_path(self, path: str) -> None:
        self.pending += 1
        self.progress.show()
        self.status_label.setText(f"正在读取并审查：{Path(path).name}…")
        run_in_background(lambda: check_file(path), self._on_checked, lambda exc: self._on_failed(path, exc))

    def _finish_one(self) -> None:
        self.pending -= 1
        if self.pending <= 0:
            self.pending = 0
            self.progress.hide()

    def _on_checked(self, result: CheckResult) -> None:
        self._finish_one()
        self.show_result(result)

    def _on_failed(self, path: str, exc: BaseException) -> None:
        self._finish_one()
        if isinstance(exc, WorkbenchError):
            message = exc.message
        else:  # a bug: say so plainly, keep the program up
            message = f"处理“{path}”时程序出错（{type(exc).__name__}: {exc}）。请把此信息告知维护人员。"
        self.status_label.setText("打开失败")
        # Window-modal but not blocking: other files dropped together still open.
        box = QMessageBox(QMessageBox.Warning, "无法打开文件", message, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.last_error_box = box

    # -- showing -----------------------------------------------------------

    def show_result(self, result: CheckResult) -> None:
        self.result = result
        doc = result.document
        self.setWindowTitle(f"{Path(doc.path).name} — 合法性审查工作台")
        self.document_view.setPlainText(doc.text)
        cursor = QTextCursor(self.document_view.document())
        for f in result.findings:
            if f.end <= f.start:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(SEVERITY_COLORS[f.severity])
            cursor.setPosition(f.start)
            cursor.setPosition(f.end, QTextCursor.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        self.findings_model.set_findings(result.findings)
        c = result.counts()
        kind = doc.kind.label if doc.kind else ""
        self.status_label.setText(
            f"{doc.title or Path(doc.path).name}（{kind}）：问题 {len(result.findings)} 项——错误 {c['error']}、警示 {c['warning']}、提示 {c['info']}"
        )

    def _show_finding(self, current, _previous) -> None:
        if not current.isValid() or self.result is None:
            return
        f = self.findings_model.finding(current.row())
        if f.end <= f.start:
            return
        cursor = self.document_view.textCursor()
        cursor.setPosition(f.start)
        cursor.setPosition(f.end, QTextCursor.KeepAnchor)
        self.document_view.setTextCursor(cursor)
        self.document_view.ensureCursorVisible()

    # -- drag and drop -----------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if Path(p).suffix.lower() in SUPPORTED_SUFFIXES] or paths
        self.open_paths(paths)
