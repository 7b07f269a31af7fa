"""The workbench window: review a draft from opening to conclusion.

Left, the review queue (from the log). Centre, the draft with findings
highlighted. Right, tabs: findings, citations, counsel opinions, conclusion,
comparison with the earlier version. Each panel has its controller
(``workbench.gui.controllers``); the menus are built in ``workbench.gui.menus``.
Every action is written to the log at once through the ``Workspace``; the
widgets only show what the log holds. Loading and checking run in the
background (``tasks.run_in_background``) with progress and a cancel button.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter, QTabWidget, QVBoxLayout,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.gui.controllers import (
    ConclusionController, FindingsController, OpinionsController, QueueController, RevisionController,
)
from workbench.gui.document_view import DocumentView
from workbench.gui.menus import build_menus
from workbench.gui.models import cn_date
from workbench.gui.panels import CitationsPanel
from workbench.gui.tasks import run_in_background
from workbench.intake import SUPPORTED_SUFFIXES
from workbench.log.model import REVIEW_TYPE_LABELS
from workbench.progress import Cancelled, Progress
from workbench.workspace import Workspace, default_type_for, kind_for_type

# Imported where first used, not with the window (issue #15): the file and particulars dialogs
# (workbench.gui.file_dialogs, .dialogs) and the law overview of the 引用 tab (workbench.laws.overview,
# with the law registry's code), none of which the window needs to show.

TAB_FINDINGS, TAB_CITATIONS, TAB_OPINIONS, TAB_CONCLUSION, TAB_REVISION = range(5)
PREFERRED_SIZE = QSize(1440, 900)


def fit_to_screen(preferred: QSize, available: QRect) -> QRect:
    """The window's first geometry: its preferred size, no larger than the screen's free area
    (a 1366×768 laptop has about 1366×728 below its task bar), centred on it."""
    width = min(preferred.width(), available.width())
    height = min(preferred.height(), available.height())
    return QRect(available.x() + (available.width() - width) // 2, available.y() + (available.height() - height) // 2,
                 width, height)


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
        self._build_queue()
        self._build_centre()
        self._build_status()
        self.menus = build_menus(self)
        self._place_on_screen()
        self._restore_window()
        self.refresh_queue()
        self.show_review(None)
        # A/D/U act on the findings list: start there (or in the queue), never in the search box.
        self.queue.view.setFocus()

    # -- building --------------------------------------------------------------

    def _build_queue(self) -> None:
        self.queue = QueueController(self)
        # The names the window's callers and tests know.
        self.queue_model, self.queue_proxy, self.queue_view = self.queue.model, self.queue.proxy, self.queue.view
        self.queue_search, self.queue_status, self.queue_type = self.queue.search, self.queue.status, self.queue.type
        self.queue_dock = QDockWidget("审查队列", self)
        self.queue_dock.setObjectName("queueDock")
        self.queue_dock.setWidget(self.queue.widget)
        self.queue_dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.queue_dock)
        self.resizeDocks([self.queue_dock], [380], Qt.Horizontal)

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

        self.findings = FindingsController(self)
        self.opinions = OpinionsController(self)
        self.conclusion = ConclusionController(self)
        self.revision = RevisionController(self)
        self.citations_panel = CitationsPanel()
        self.citations_panel.citation_selected.connect(lambda c: self.document_view.select_offsets(c.start, c.end))
        # Shown in this order; revision first, so that its proposals reach the findings tab.
        self.controllers = (self.revision, self.findings, self.opinions, self.conclusion)
        self.findings_panel, self.opinions_panel = self.findings.panel, self.opinions.panel
        self.conclusion_panel, self.revision_panel = self.conclusion.panel, self.revision.panel
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

    def _build_status(self) -> None:
        self.status_label = QLabel()
        self.progress = QProgressBar(maximumWidth=200, textVisible=False)
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.clicked.connect(self.cancel_work)
        self.statusBar().addWidget(self.status_label, 1)
        # What the user must not overlook while working: missing rule packs, a read-only log.
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.statusBar().addPermanentWidget(self.warning_label)
        self.show_warnings()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_busy(False)
        self.relay = _ProgressRelay(self)
        self.relay.stepped.connect(self._on_step)

    def warnings(self) -> list[str]:
        """Standing warnings: rule packs that did not load, a log opened read-only."""
        from workbench.checking import missing_pack_notes

        out = list(missing_pack_notes())
        if self.ws.log.readonly:
            out.append(self.ws.log.readonly_reason or "审查日志以只读方式打开：可以查看，不能记录")
        return out

    def show_warnings(self) -> None:
        from workbench.checking import missing_packs
        from workbench.rules.model import REVIEW_LABELS

        short = [f"规则包缺失：{REVIEW_LABELS.get(r, r)}" for r in missing_packs()]
        if self.ws.log.readonly:
            short.append("日志只读")
        self.warning_label.setText("⚠ " + "；".join(short) if short else "")
        self.warning_label.setToolTip("\n".join(self.warnings()))
        self.warning_label.setVisible(bool(short))

    # -- window state ----------------------------------------------------------

    def _available(self) -> QRect:
        screen = self.screen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)

    def _place_on_screen(self) -> None:
        self.setGeometry(fit_to_screen(PREFERRED_SIZE, self._available()))

    def _restore_window(self) -> None:
        s = self.ws.settings
        if s.get("window_geometry"):
            self.restoreGeometry(QByteArray.fromHex(s["window_geometry"].encode()))
            # Saved on a larger screen: bring it back onto this one.
            available = self._available()
            if self.width() > available.width() or self.height() > available.height():
                self.setGeometry(fit_to_screen(self.size(), available))
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
        self._save_settings()
        if self.progress_token:
            self.progress_token.cancel()
        super().closeEvent(event)

    def _save_settings(self) -> None:
        try:
            self.ws.save_settings()
        except OSError:
            pass  # settings are a convenience; the log holds the work

    def restore_last_review(self) -> None:
        last = self.ws.settings.get("last_review")
        if last:
            try:
                self.show_review(last)
            except WorkbenchError:
                self.show_review(None)

    # -- the queue -------------------------------------------------------------

    def refresh_queue(self) -> None:
        self.queue.refresh()

    # -- opening files ---------------------------------------------------------

    def choose_files(self) -> None:
        from workbench.gui import file_dialogs

        paths = file_dialogs.open_drafts(self, self.ws.settings)
        if paths:
            self._save_settings()
            self.open_paths(paths)

    def choose_revision(self) -> None:
        if self.state is None:
            self.show_error("请先选择前一稿", "请先在审查队列中选中前一稿的审查，再打开它的修订稿。")
            return
        from workbench.gui import file_dialogs

        paths = file_dialogs.open_drafts(self, self.ws.settings, "打开修订稿", many=False)
        if paths:
            self._save_settings()
            self.open_paths(paths, revision_of=self.state.id)

    def fill_recent(self) -> None:
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
            from workbench.gui.dialogs import NewReviewDialog

            units = self.queue.units()
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
        from workbench.gui.dialogs import AUTO_TYPE

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
        from workbench.gui.dialogs import AUTO_TYPE

        type_ = job["type"] if job["type"] != AUTO_TYPE else default_type_for(result.document.kind.value)
        if not job["revision_of"]:
            job["revision_of"] = self._offer_as_revision(job["path"], result.document)
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

    def _offer_as_revision(self, path: str, document) -> str | None:
        """A newly opened file titled as a review still open is likely its revised draft: ask."""
        import hashlib

        try:
            sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            sha = ""
        candidates = self.ws.open_reviews_titled(document.title, exclude_sha=sha)
        if not candidates:
            return None
        earlier = candidates[0]
        box = QMessageBox(QMessageBox.Question, "是否为修订稿",
                          f"《{document.title.strip('《》')}》与审查中的一件同名（{cn_date(earlier.received)} 收文，"
                          f"送审单位 {earlier.unit or '—'}）。\n\n作为它的修订稿登记，可与前稿对比，并沿用前稿对问题的处理。",
                          parent=self)
        link = box.addButton("作为修订稿登记", QMessageBox.AcceptRole)
        box.addButton("作为新文件登记", QMessageBox.RejectRole)
        box.exec()
        return earlier.id if box.clickedButton() is link else None

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
            for controller in self.controllers:
                controller.clear()
            self.annotation.show(None, None, None)
            self.citations_panel.set_rows([], "")
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
        if document is not None:
            self.document_view.show_document(document)
        else:
            self.document_view.clear()
        self._show(state, new_review=True)
        self.annotation.show(state, document, self.revision.revision)
        as_of = document.date if document is not None and document.date else date.fromisoformat(state.received)
        self.citations_panel.set_rows([], "")
        if document is not None:  # a long draft cites thousands of times: work it out off the GUI thread
            def citation_rows():
                from workbench.laws.overview import grouped_citation_rows

                return grouped_citation_rows(document, as_of)

            run_in_background(
                citation_rows,
                lambda rows: self.document is document and self.citations_panel.set_rows(rows, as_of.isoformat()),
                lambda exc: self.status_label.setText(f"引用核查失败：{exc}"),
            )
        self.setWindowTitle(f"{state.document.title or state.document.file_name} — 合法性审查工作台")
        self.queue.select(state.id)
        # Remembered now, not only on close: after a crash or power cut the
        # window still comes back to the review that was open.
        if self.ws.settings.get("last_review") != state.id:
            self.ws.settings["last_review"] = state.id
            self._save_settings()

    def show_current(self) -> None:
        """Re-read the shown review from the log and show it again (after a write)."""
        self._show(self.ws.review(self.state.id))
        self.refresh_queue()

    def _show(self, state, new_review: bool = False) -> None:
        self.state = state
        for controller in self.controllers:
            controller.show(state, self.document, new_review=new_review)
        d = state.document
        status = f"已办结·{state.conclusion_label}" if state.conclusion else "审查中"
        due = f"　期限 {cn_date(state.due)}" if state.due else ""
        letter = f"　意见书 {_esc(state.letter.number)}" if state.letter else ""
        self.header.setText(
            f"<b style='font-size:15px'>{_esc(d.title or d.file_name)}</b>　{_esc(d.doc_number)}<br>"
            f"<span style='color:#555'>{REVIEW_TYPE_LABELS[state.type]}　送审单位 {_esc(state.unit) or '—'}　"
            f"收文 {cn_date(state.received)}{due}　审查人 {_esc(state.reviewer)}　<b>{status}</b>{letter}</span>"
            + self._document_notes_html()
        )
        counts = {"open": 0, "accepted": 0, "dismissed": 0}
        for f in state.findings:
            counts[f.status] += 1
        self.status_label.setText(f"问题 {len(state.findings)} 项：待处理 {counts['open']}、采纳 {counts['accepted']}、不采纳 {counts['dismissed']}")

    def _document_notes_html(self) -> str:
        """What intake noticed about the shown draft (text recognised by OCR, stray bytes, tracked changes)."""
        if self.document is None or not self.document.notes:
            return ""
        return "".join(f"<br><span style='color:#b35900'>⚠ {_esc(note)}</span>" for note in self.document.notes)

    def _on_text_selected(self, start: int, end: int) -> None:
        if self.state is None or self.document is None:
            return
        text = self.document.text[start:end].strip()
        if not text:
            return
        self.opinions.anchor_passage(text, start, end)
        if self.findings_panel.table.hasFocus():
            return  # the selection came from clicking a finding
        self.findings.show_selection(start, end)

    @property
    def anchor(self) -> dict:
        return self.opinions.anchor

    # -- actions written to the log -------------------------------------------

    def write(self, fn, *args, **kwargs) -> bool:
        """Write through the workspace; a failure is shown, and nothing already in the log is lost."""
        try:
            fn(*args, **kwargs)
        except WorkbenchError as exc:
            self.show_error("未能写入审查日志", exc.message)
            return False
        return True

    def dispose(self, finding, action: str) -> None:
        self.findings.dispose(finding, action)

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

    def ensure_letter_prefix(self) -> None:
        """Letters carry a 文号 (焦环法审〔2026〕12号): ask once for its prefix, remember it."""
        if self.ws.settings.get("letter_prefix"):
            return
        from PySide6.QtWidgets import QInputDialog

        prefix, ok = QInputDialog.getText(self, "意见书文号前缀", "意见书文号的前缀（如“焦环法审”，文号即 焦环法审〔2026〕1号）：")
        if ok and prefix.strip():
            self.ws.settings["letter_prefix"] = prefix.strip()
            self._save_settings()

    def verify_log(self) -> None:
        report = self.ws.log.verify()
        if report.ok:
            from workbench.log.anchor import head_code

            QMessageBox.information(self, "校验审查日志", f"审查日志完整，未被改动，{report.signed} 处签名有效。\n"
                                    f"文件：{self.ws.log.path}\n日志校验码：{head_code(self.ws.log)}")
        else:
            lines = "\n".join(p.message for p in report.problems[:10])
            self.show_error("审查日志校验未通过", f"日志文件“{self.ws.log.path}”被其他程序改动过：\n{lines}")

    def backup_log(self) -> None:
        from workbench.gui import file_dialogs

        path = file_dialogs.save_path(self, "备份审查日志", f"审查日志备份-{date.today().isoformat()}.sqlite3",
                                      "SQLite 日志 (*.sqlite3)")
        if path:
            try:
                self.ws.log.backup(path)
            except WorkbenchError as exc:
                self.show_error("备份失败", exc.message)
            else:
                self.status_label.setText(f"已备份到 {path}")

    def import_bundle(self, path: str | None = None) -> None:
        """Merge another machine's bundle; its key is shown and trusted once per machine."""
        from workbench.log.bundle import bundle_signer

        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(self, "导入合并包", "", "合并包 (*.bundle *.jsonl);;所有文件 (*)")
        if not path:
            return
        try:
            signer = bundle_signer(path)
        except WorkbenchError as exc:
            self.show_error("无法导入合并包", exc.message)
            return
        trust = False
        if not signer.trusted:
            answer = QMessageBox.question(
                self, "信任合并包",
                f"信任来自{signer.name}的合并包？\n\n密钥指纹：{signer.fingerprint}\n\n"
                "请先向对方核对这个指纹（对方运行 workbench log verify 或查看其导出时的提示）。"
                "信任后，本机今后导入该电脑的合并包不再询问。",
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.status_label.setText("未导入：没有信任该合并包的签名密钥。")
                return
            trust = True
        # On the GUI thread: the log's connection belongs to it, and a bundle
        # of a year's records imports in well under a second.
        try:
            report = self.ws.log.import_bundle(path, trust_signer=trust)
        except WorkbenchError as exc:
            self.show_error("无法导入合并包", exc.message)
            return
        self.status_label.setText(f"已从{signer.name}导入 {report.added} 条新记录，跳过 {report.skipped} 条已有记录。")
        self.refresh_queue()

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
