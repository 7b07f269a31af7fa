"""The workbench window: review a draft from opening to conclusion.

Left, the review queue (from the log). Centre, the draft with findings
highlighted. Right, tabs: findings, citations, counsel opinions, conclusion,
comparison with the earlier version. Every action is written to the log at
once through the ``Workspace``; the widgets only show what the log holds.
Loading and checking run in the background (``tasks.run_in_background``) with
progress and a cancel button.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDockWidget, QFileDialog, QLabel, QLineEdit, QMainWindow, QMessageBox, QProgressBar, QPushButton,
    QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from workbench.errors import WorkbenchError
from workbench.gui.dialogs import AUTO_TYPE, DismissDialog, NewReviewDialog
from workbench.gui.document_view import DISMISSED_COLOR, SEVERITY_COLORS, DocumentView
from workbench.gui.models import QueueModel, RecordRole, SortRole, cn_date
from workbench.gui.panels import CitationsPanel, ConclusionPanel, FindingsPanel, OpinionsPanel, RevisionPanel, make_table
from workbench.gui.tasks import run_in_background
from workbench.intake import SUPPORTED_SUFFIXES
from workbench.laws.overview import grouped_citation_rows
from workbench.log.model import CONCLUSION_LABELS, REVIEW_TYPE_LABELS
from workbench.progress import Cancelled, Progress
from workbench.workspace import Workspace, default_type_for, kind_for_type

FILE_FILTER = "草案文件 (*.docx *.txt *.pdf *.doc *.wps);;所有文件 (*)"
TAB_FINDINGS, TAB_CITATIONS, TAB_OPINIONS, TAB_CONCLUSION, TAB_REVISION = range(5)


class _ProgressRelay(QObject):
    """Carries progress from a worker thread to the GUI thread (queued signal)."""

    stepped = Signal(str, float)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, sample_path: str | None = None):
        super().__init__()
        self.ws = workspace
        self.sample_path = sample_path
        self.state = None  # ReviewState shown
        self.document = None  # its Document
        self.documents: dict[str, object] = {}  # review id → parsed Document (this session)
        self.pending: list[dict] = []  # files waiting to be checked
        self.progress_token: Progress | None = None
        self.busy = False
        self.last_error_box: QMessageBox | None = None
        self.setWindowTitle("合法性审查工作台")
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self._build_queue()
        self._build_centre()
        self._build_status()
        self._build_actions()
        self._restore_window()
        self.refresh_queue()
        self.show_review(None)

    # -- building --------------------------------------------------------------

    def _build_queue(self) -> None:
        self.queue_model = QueueModel(self)
        self.queue_proxy = QSortFilterProxyModel(self)
        self.queue_proxy.setSourceModel(self.queue_model)
        self.queue_proxy.setFilterKeyColumn(-1)
        self.queue_proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.queue_proxy.setSortRole(SortRole)
        self.queue_search = QLineEdit(placeholderText="搜索文件名、文号、送审单位…", clearButtonEnabled=True)
        self.queue_search.textChanged.connect(self.queue_proxy.setFilterFixedString)
        self.queue_status = QComboBox()
        for text, key in (("全部", None), ("审查中", "open"), ("已办结", "closed")):
            self.queue_status.addItem(text, key)
        self.queue_status.currentIndexChanged.connect(self.refresh_queue)
        self.queue_type = QComboBox()
        self.queue_type.addItem("全部类型", None)
        for key, text in REVIEW_TYPE_LABELS.items():
            self.queue_type.addItem(text, key)
        self.queue_type.currentIndexChanged.connect(self.refresh_queue)
        self.queue_view = make_table(self.queue_proxy, (64, 190, 120, 90, 84, 84), sortable=False)
        self.queue_view.setObjectName("queueView")
        self.queue_view.activated.connect(self._open_from_queue)
        self.queue_view.clicked.connect(self._open_from_queue)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.queue_search)
        row = QSplitter(Qt.Horizontal)
        row.addWidget(self.queue_status)
        row.addWidget(self.queue_type)
        layout.addWidget(row)
        layout.addWidget(self.queue_view, 1)
        self.queue_dock = QDockWidget("审查队列", self)
        self.queue_dock.setObjectName("queueDock")
        self.queue_dock.setWidget(box)
        self.queue_dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.queue_dock)
        self.resizeDocks([self.queue_dock], [420], Qt.Horizontal)

    def _build_centre(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("reviewHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.RichText)
        self.header.setContentsMargins(8, 6, 8, 6)
        self.document_view = DocumentView()
        self.document_view.selection_offsets.connect(self._on_text_selected)
        doc_box = QWidget()
        doc_layout = QVBoxLayout(doc_box)
        doc_layout.setContentsMargins(0, 0, 0, 0)
        doc_layout.addWidget(self.header)
        doc_layout.addWidget(self.document_view, 1)

        self.findings_panel = FindingsPanel()
        self.findings_panel.finding_selected.connect(self._on_finding_selected)
        self.findings_panel.dispose_requested.connect(self.dispose)
        self.citations_panel = CitationsPanel()
        self.citations_panel.citation_selected.connect(lambda c: self.document_view.select_offsets(c.start, c.end))
        self.opinions_panel = OpinionsPanel()
        self.opinions_panel.add_requested.connect(self.add_opinion)
        self.opinions_panel.edit_requested.connect(self.edit_opinion)
        self.opinions_panel.opinion_selected.connect(self._on_opinion_selected)
        self.conclusion_panel = ConclusionPanel()
        self.conclusion_panel.close_requested.connect(self.close_review)
        self.revision_panel = RevisionPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self.findings_panel, "问题")
        self.tabs.addTab(self.citations_panel, "引用")
        self.tabs.addTab(self.opinions_panel, "法律意见")
        self.tabs.addTab(self.conclusion_panel, "结论")
        self.tabs.addTab(self.revision_panel, "与前稿对比")

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("centreSplitter")
        self.splitter.addWidget(doc_box)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)
        self.anchor: dict = {}  # what a new opinion is anchored to

    def _build_status(self) -> None:
        self.status_label = QLabel()
        self.progress = QProgressBar(maximumWidth=200, textVisible=False)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.clicked.connect(self.cancel_work)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_busy(False)
        self.relay = _ProgressRelay(self)
        self.relay.stepped.connect(self._on_step)

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self.open_action = QAction("打开草案…(&O)", self, shortcut=QKeySequence.Open, triggered=self.choose_files)
        self.revision_action = QAction("打开修订稿…(&R)", self, shortcut=QKeySequence("Ctrl+Shift+O"), triggered=self.choose_revision)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.revision_action)
        from workbench.gui import annotation

        annotation.install(self, file_menu)  # 导出批注稿 and the 单位答复 tab
        self.recent_menu = file_menu.addMenu("最近打开(&E)")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        if self.sample_path:
            file_menu.addAction(QAction("打开示例草案(&S)", self, triggered=lambda: self.open_paths([self.sample_path])))
        file_menu.addSeparator()
        self.reports_menu = file_menu.addMenu("台账与报表(&P)")
        from workbench.gui import reports_menu

        reports_menu.install(self, self.reports_menu)
        file_menu.addSeparator()
        file_menu.addAction(QAction("退出(&X)", self, shortcut=QKeySequence.Quit, triggered=self.close))

        review_menu = bar.addMenu("审查(&R)")
        review_menu.addAction(self.findings_panel.accept_action)
        review_menu.addAction(self.findings_panel.dismiss_action)
        review_menu.addAction(self.findings_panel.reopen_action)
        review_menu.addSeparator()
        review_menu.addAction(QAction("撰写法律意见(&M)", self, shortcut=QKeySequence("Ctrl+M"), triggered=self.focus_opinion))
        review_menu.addAction(QAction("审查结论(&C)", self, shortcut=QKeySequence("Ctrl+E"), triggered=lambda: self.tabs.setCurrentIndex(TAB_CONCLUSION)))
        review_menu.addSeparator()
        for n, (label, target) in enumerate((("审查队列", self.queue_view), ("草案正文", self.document_view),
                                              ("问题列表", self.findings_panel.table)), start=1):
            review_menu.addAction(QAction(f"转到{label}", self, shortcut=QKeySequence(f"Ctrl+{n}"), triggered=target.setFocus))

        tools = bar.addMenu("工具(&T)")
        tools.addAction(QAction("审查规则…(&U)", self, triggered=self.show_rules))
        tools.addAction(QAction("设置…(&S)", self, shortcut=QKeySequence.Preferences, triggered=self.show_settings))
        tools.addSeparator()
        tools.addAction(QAction("校验审查日志(&V)", self, triggered=self.verify_log))
        tools.addAction(QAction("备份审查日志…(&B)", self, triggered=self.backup_log))

        toolbar = self.addToolBar("常用")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        for action in (self.open_action, self.revision_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.findings_panel.accept_action, self.findings_panel.dismiss_action):
            toolbar.addAction(action)

    # -- window state ----------------------------------------------------------

    def _restore_window(self) -> None:
        s = self.ws.settings
        if s.get("window_geometry"):
            self.restoreGeometry(QByteArray.fromHex(s["window_geometry"].encode()))
        if s.get("window_state"):
            self.restoreState(QByteArray.fromHex(s["window_state"].encode()))
        if s.get("splitter_state"):
            self.splitter.restoreState(QByteArray.fromHex(s["splitter_state"].encode()))

    def closeEvent(self, event) -> None:
        s = self.ws.settings
        s["window_geometry"] = bytes(self.saveGeometry().toHex()).decode()
        s["window_state"] = bytes(self.saveState().toHex()).decode()
        s["splitter_state"] = bytes(self.splitter.saveState().toHex()).decode()
        s["last_review"] = self.state.id if self.state else ""
        try:
            self.ws.save_settings()
        except OSError:
            pass  # settings are a convenience; the log holds the work
        if self.progress_token:
            self.progress_token.cancel()
        super().closeEvent(event)

    def restore_last_review(self) -> None:
        last = self.ws.settings.get("last_review")
        if last:
            try:
                self.show_review(last)
            except WorkbenchError:
                self.show_review(None)

    # -- the queue -------------------------------------------------------------

    def refresh_queue(self) -> None:
        try:
            rows = self.ws.log.reviews(status=self.queue_status.currentData(), type=self.queue_type.currentData())
        except WorkbenchError as exc:
            self.show_error("无法读取审查日志", exc.message)
            rows = []
        self.queue_model.set_records(rows)
        if self.state:
            self._select_in_queue(self.state.id)

    def _select_in_queue(self, review_id: str) -> None:
        for row in range(self.queue_proxy.rowCount()):
            if self.queue_proxy.data(self.queue_proxy.index(row, 0), RecordRole).id == review_id:
                self.queue_view.selectRow(row)
                return

    def _open_from_queue(self, index) -> None:
        record = self.queue_proxy.data(index.siblingAtColumn(0), RecordRole)
        if record is not None and (self.state is None or record.id != self.state.id):
            self.show_review(record.id)

    # -- opening files ---------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "打开草案", "", FILE_FILTER)
        if paths:
            self.open_paths(paths)

    def choose_revision(self) -> None:
        if self.state is None:
            self.show_error("请先选择前一稿", "请先在审查队列中选中前一稿的审查，再打开它的修订稿。")
            return
        path, _ = QFileDialog.getOpenFileName(self, "打开修订稿", "", FILE_FILTER)
        if path:
            self.open_paths([path], revision_of=self.state.id)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.ws.recent_files()
        for path in recent:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_paths([p])).setToolTip(path)
        if not recent:
            self.recent_menu.addAction("（无）").setEnabled(False)

    def open_paths(self, paths, revision_of: str | None = None, particulars: dict | None = None) -> None:
        """Register and check files. ``particulars`` (type, unit, received, due) skips the dialog."""
        paths = [str(p) for p in paths]
        if not paths:
            return
        if len(paths) == 1 and revision_of is None and particulars is None:
            existing = self.ws.existing_review(paths[0])
            if existing and self._prefer_existing(existing):
                self.show_review(existing)
                return
        if particulars is None:
            units = sorted({r.unit for r in self.queue_model.records() if r.unit})
            earlier = self.ws.review(revision_of) if revision_of else None
            dialog = NewReviewDialog([Path(p).name for p in paths], units, earlier.document.title if earlier else "", self,
                                     reviewer=self.ws.settings.get("reviewer", ""))
            if earlier is not None:
                dialog.set_type(earlier.type)
                dialog.unit_box.setCurrentText(earlier.unit)
            if dialog.exec() != NewReviewDialog.Accepted:
                return
            particulars = dialog.values()
            reviewer = particulars.pop("reviewer", "")
            if reviewer and reviewer != self.ws.settings.get("reviewer"):
                self.ws.settings["reviewer"] = reviewer
                self.ws.save_settings()
        for path in paths:
            self.pending.append({"path": path, "revision_of": revision_of, **particulars})
        self._next_check()

    def _prefer_existing(self, review_id: str) -> bool:
        """The same file was registered before: show that review, or register a new one?"""
        earlier = self.ws.review(review_id)
        box = QMessageBox(QMessageBox.Question, "文件已登记",
                          f"该文件已于 {cn_date(earlier.received)} 登记为{REVIEW_TYPE_LABELS[earlier.type]}"
                          f"（{'已办结' if earlier.conclusion else '审查中'}）。", parent=self)
        show = box.addButton("打开已有审查", QMessageBox.AcceptRole)
        box.addButton("另行登记审查", QMessageBox.ActionRole)
        box.exec()
        return box.clickedButton() is show

    def _next_check(self) -> None:
        if self.busy or not self.pending:
            return
        job = self.pending.pop(0)
        kind = None if job["type"] == AUTO_TYPE else kind_for_type(job["type"])
        token = Progress(on_step=self.relay.stepped.emit)
        self.progress_token = token
        self._set_busy(True, f"正在审查：{Path(job['path']).name}")
        run_in_background(
            lambda: self.ws.check(job["path"], kind, token),
            lambda result: self._on_checked(job, result),
            lambda exc: self._on_check_failed(job, exc),
        )

    def _on_step(self, label: str, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))
        if self.busy:
            self.status_label.setText(f"{label}…" + (f"（另有 {len(self.pending)} 个文件等待）" if self.pending else ""))

    def cancel_work(self) -> None:
        if self.progress_token:
            self.progress_token.cancel()
        self.pending.clear()

    def _on_checked(self, job: dict, result) -> None:
        cancelled = self.progress_token is not None and self.progress_token.cancelled
        self._set_busy(False)
        if cancelled:
            self.status_label.setText("已取消")
            return
        type_ = job["type"] if job["type"] != AUTO_TYPE else default_type_for(result.document.kind.value)
        try:
            review_id = self.ws.record(result, type_, unit=job["unit"], received=job["received"], due=job["due"],
                                       previous_review=job["revision_of"])
            self.ws.remember_file(job["path"])
        except WorkbenchError as exc:
            self.show_error("无法记录审查", exc.message)
        else:
            self.documents[review_id] = result.document
            self.refresh_queue()
            self.show_review(review_id)
            if job["revision_of"]:
                self.tabs.setCurrentIndex(TAB_REVISION)
        self._next_check()

    def _on_check_failed(self, job: dict, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self.status_label.setText("已取消")
            self.pending.clear()
            return
        self.status_label.setText("打开失败")
        if isinstance(exc, WorkbenchError):
            self.show_error("无法打开文件", exc.message)
        else:  # a bug: say so plainly, keep the program up
            self.show_error("程序出错", f"处理“{job['path']}”时程序出错（{type(exc).__name__}: {exc}）。请把此信息告知维护人员。")
        self._next_check()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress.setValue(0)
        if text:
            self.status_label.setText(text)

    # -- showing a review ------------------------------------------------------

    def show_review(self, review_id: str | None) -> None:
        if review_id is None:
            self.state = self.document = None
            self.header.setText("<span style='color:#666'>打开草案（Ctrl+O，或把文件拖进窗口）开始审查，或在左侧队列中选择一项审查。</span>")
            self.document_view.clear()
            self.findings_panel.set_findings([], False)
            self.opinions_panel.set_opinions([], {}, False)
            self.citations_panel.set_rows([], "")
            self.revision_panel.set_revision(None)
            self.annotation.show(None, None, None)
            self.status_label.setText("就绪")
            return
        state = self.ws.review(review_id)
        document = self.documents.get(state.id)
        if document is not None:
            self._display(state, document)
            return
        stored = self.ws.stored_file(state.id)
        if stored is None:
            self.show_error("原文不可用", "本日志中没有这份草案的原文（可能是从其他电脑合并来的记录）。问题与意见仍可查看。")
            self._display(state, None)
            return
        kind = kind_for_type(state.type)
        self._set_busy(True, f"正在载入：{state.document.file_name}")
        run_in_background(
            lambda: Workspace.parse_stored(*stored, kind),
            lambda doc: self._on_parsed(state.id, doc),
            lambda exc: (self._set_busy(False), self.show_error("无法载入原文", getattr(exc, "message", str(exc)))),
        )

    def _on_parsed(self, review_id: str, document) -> None:
        self._set_busy(False)
        self.documents[review_id] = document
        self._display(self.ws.review(review_id), document)

    def _display(self, state, document) -> None:
        self.state, self.document = state, document
        self.findings_panel.selection_note.clear()
        if document is not None:
            self.document_view.show_document(document)
        else:
            self.document_view.clear()
        self._refresh_review(state)
        as_of = document.date if document is not None and document.date else date.fromisoformat(state.received)
        self.citations_panel.set_rows([], "")
        if document is not None:  # a long draft cites thousands of times: work it out off the GUI thread
            run_in_background(
                lambda: grouped_citation_rows(document, as_of),
                lambda rows: self.document is document and self.citations_panel.set_rows(rows, as_of.isoformat()),
                lambda exc: self.status_label.setText(f"引用核查失败：{exc}"),
            )
        revision = self.ws.revision(state, document) if document is not None else None
        self.revision_panel.set_revision(revision)
        self.annotation.show(state, document, revision)
        self.setWindowTitle(f"{state.document.title or state.document.file_name} — 合法性审查工作台")
        self._select_in_queue(state.id)
        self._set_anchor_to_document()
        # Remembered now, not only on close: after a crash or power cut the
        # window still comes back to the review that was open.
        if self.ws.settings.get("last_review") != state.id:
            self.ws.settings["last_review"] = state.id
            try:
                self.ws.save_settings()
            except OSError:
                pass  # a convenience only; the log holds the work

    def _refresh_review(self, state=None) -> None:
        """Re-read the review from the log and refresh everything that shows it."""
        state = state or self.ws.review(self.state.id)
        self.state = state
        editable = state.conclusion is None
        self.findings_panel.set_findings(list(state.findings), editable)
        self.opinions_panel.set_counsel_list(self.ws.settings.get("counsel") or [])
        self.opinions_panel.set_opinions(list(state.opinions), {f.id: f.number for f in state.findings}, editable)
        catalogue = None
        if state.type == "enforcement" and self.document is not None:
            catalogue = self.ws.catalogue_items(state, self.document.text)
        self.conclusion_panel.set_review(state, catalogue)
        self._paint_findings()
        d = state.document
        status = f"已办结·{state.conclusion_label}" if state.conclusion else "审查中"
        due = f"　期限 {cn_date(state.due)}" if state.due else ""
        self.header.setText(
            f"<b style='font-size:15px'>{_esc(d.title or d.file_name)}</b>　{_esc(d.doc_number)}<br>"
            f"<span style='color:#555'>{REVIEW_TYPE_LABELS[state.type]}　送审单位 {_esc(state.unit) or '—'}　"
            f"收文 {cn_date(state.received)}{due}　审查人 {_esc(state.reviewer)}　<b>{status}</b></span>"
        )
        counts = {"open": 0, "accepted": 0, "dismissed": 0}
        for f in state.findings:
            counts[f.status] += 1
        self.status_label.setText(f"问题 {len(state.findings)} 项：待处理 {counts['open']}、采纳 {counts['accepted']}、不采纳 {counts['dismissed']}")

    def _paint_findings(self) -> None:
        if self.document is None:
            return
        spans = [(f.start, f.end, DISMISSED_COLOR if f.status == "dismissed" else SEVERITY_COLORS[f.severity])
                 for f in sorted(self.state.findings, key=lambda f: ("info", "warning", "error").index(f.severity))]
        self.document_view.highlight(spans)

    # -- selection and anchors -------------------------------------------------

    def _on_finding_selected(self, f) -> None:
        if f.end > f.start and self.document is not None:
            self.document_view.select_offsets(f.start, f.end)
        self.anchor = {"finding_id": f.id}
        self.opinions_panel.set_anchor(f"问题 F{f.number}：{f.message[:40]}")

    def _on_text_selected(self, start: int, end: int) -> None:
        if self.state is None or self.document is None:
            return
        text = self.document.text[start:end].strip()
        if not text:
            return
        self.anchor = {"passage": text, "passage_span": (start, end)}
        self.opinions_panel.set_anchor(f"所选文字“{text[:40]}{'…' if len(text) > 40 else ''}”")
        if self.findings_panel.table.hasFocus():
            return  # the selection came from clicking a finding
        hits = [f for f in self.state.findings if f.end > f.start and f.start < end and start < f.end]
        self.findings_panel.show_selection_findings(hits)

    def _on_opinion_selected(self, opinion) -> None:
        self.opinions_panel.editor.setPlainText(opinion.text)
        self.opinions_panel.show_versions(self.ws.log.opinion_versions(opinion.id))

    def _set_anchor_to_document(self) -> None:
        self.anchor = {}
        self.opinions_panel.set_anchor("全文")

    def focus_opinion(self) -> None:
        self.tabs.setCurrentIndex(TAB_OPINIONS)
        self.opinions_panel.editor.setFocus()

    # -- actions written to the log -------------------------------------------

    def _write(self, fn, *args, **kwargs) -> bool:
        try:
            fn(*args, **kwargs)
        except WorkbenchError as exc:
            self.show_error("未能写入审查日志", exc.message)
            return False
        self._refresh_review()
        self.refresh_queue()
        return True

    def dispose(self, finding, action: str) -> None:
        if self.state is None or self.state.conclusion is not None:
            return
        reason = ""
        if action == "dismiss":
            dialog = DismissDialog(f"F{finding.number} {finding.message[:40]}", self)
            if dialog.exec() != DismissDialog.Accepted:
                return
            reason = dialog.text()
        if action == "reopen" and finding.status == "open":
            return
        if self._write(self.ws.dispose, self.state.id, finding.id, action, reason):
            self._select_next_open(finding)

    def _select_next_open(self, finding) -> None:
        """After a decision, move on to the next finding still open (as a mail client does)."""
        ordered = sorted(self.state.findings, key=lambda f: f.number)
        after = [f for f in ordered if f.number > finding.number and f.status == "open"]
        target = (after or [f for f in ordered if f.status == "open"] or [finding])[0]
        self.findings_panel.select_finding(target.id)

    def add_opinion(self, counsel: str, text: str) -> None:
        if self.state is None:
            return
        if not counsel:
            self.show_error("请填写法律顾问", "请先选择或填写提出意见的法律顾问姓名（可在“工具 → 设置”中维护名单）。")
            return
        if self._write(self.ws.add_opinion, self.state.id, counsel, text, **self.anchor):
            self.opinions_panel.editor.clear()
            self.status_label.setText("意见已记录")

    def edit_opinion(self, opinion, text: str) -> None:
        if text != opinion.text and self._write(self.ws.edit_opinion, opinion.id, text):
            self.status_label.setText("意见已修改（原文保留在历史中）")

    def close_review(self, conclusion: str) -> None:
        if self.state is None:
            return
        open_count = sum(1 for f in self.state.findings if f.status == "open")
        label = CONCLUSION_LABELS[self.state.type][conclusion]
        question = f"以“{label}”办结本次审查？办结后不能再处理问题或添加意见。"
        if open_count:
            question += f"\n\n尚有 {open_count} 个问题未处理。"
        box = QMessageBox(QMessageBox.Question, "办结审查", question, QMessageBox.Yes | QMessageBox.No, self)
        box.button(QMessageBox.Yes).setText("办结")
        box.button(QMessageBox.No).setText("取消")
        if box.exec() == QMessageBox.Yes and self._write(self.ws.close_review, self.state.id, conclusion):
            self.status_label.setText(f"已办结：{label}")

    # -- tools -----------------------------------------------------------------

    def show_rules(self) -> None:
        from workbench.gui.rule_browser import RuleBrowser

        browser = RuleBrowser(self.ws.engine.rules, self.ws.settings.get("disabled_packs"), self)
        browser.packs_changed.connect(self._set_disabled_packs)
        browser.exec()

    def _set_disabled_packs(self, disabled: list) -> None:
        self.ws.settings["disabled_packs"] = disabled
        self.ws.save_settings()
        self.status_label.setText("规则包设置已保存，对此后打开的草案生效")

    def show_settings(self) -> None:
        from workbench.catalogue import load_catalogue
        from workbench.gui.settings_dialog import SettingsDialog
        from workbench.log import default_log_path

        cat = load_catalogue({})
        defaults = {"individual": int(cat.thresholds.individual), "organisation": int(cat.thresholds.organisation)}
        dialog = SettingsDialog(self.ws.settings, defaults, str(default_log_path()), self)
        if dialog.exec() == SettingsDialog.Accepted:
            self.ws.settings.clear()
            self.ws.settings.update(dialog.values())
            self.ws.save_settings()
            self.opinions_panel.set_counsel_list(self.ws.settings.get("counsel") or [])
            self.status_label.setText("设置已保存")

    def verify_log(self) -> None:
        report = self.ws.log.verify()
        if report.ok:
            QMessageBox.information(self, "校验审查日志", f"审查日志完整，未被改动。\n文件：{self.ws.log.path}\n最后一条记录的校验值：{report.head[:16]}…")
        else:
            lines = "\n".join(p.message for p in report.problems[:10])
            self.show_error("审查日志校验未通过", f"日志文件“{self.ws.log.path}”被其他程序改动过：\n{lines}")

    def backup_log(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "备份审查日志", f"审查日志备份-{date.today().isoformat()}.sqlite3", "SQLite 日志 (*.sqlite3)")
        if path:
            try:
                self.ws.log.backup(path)
            except WorkbenchError as exc:
                self.show_error("备份失败", exc.message)
            else:
                self.status_label.setText(f"已备份到 {path}")

    def ensure_bureau_name(self) -> bool:
        """Registers and letters carry the bureau's name: ask once, remember it."""
        if self.ws.settings.get("bureau_name"):
            return True
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, "单位名称", "台账和意见书上的单位名称（如：某市生态环境局）：")
        if not ok or not name.strip():
            return False
        self.ws.settings["bureau_name"] = name.strip()
        self.ws.save_settings()
        return True

    # -- messages and drops ----------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        # Window-modal but not blocking: other files dropped together still open.
        box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.last_error_box = box

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if Path(p).suffix.lower() in SUPPORTED_SUFFIXES] or paths
        # Let the drop finish before the particulars dialog opens.
        QTimer.singleShot(0, lambda: self.open_paths(paths))


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
