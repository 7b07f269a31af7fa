"""案卷评查 in the window: case files, the packs' findings, problems and their rectification, the 评查台账."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from workbench.gui.dialogs import ok_cancel_buttons
from workbench.gui.issued_view import _selected, _sorted_table
from workbench.gui.models import RecordRole
from workbench.gui.panels import make_table
from workbench.gui.stock_models import CaseModel, FindingModel, ProblemModel
from workbench.gui.tasks import run_in_background
from workbench.stock.cases import case_findings, suggested_category
from workbench.stock.model import CASE_CATEGORIES, CASE_CATEGORY_LABELS, EVALUATION_CONCLUSIONS, EVALUATION_LABELS

RECTIFY_DAYS = 30  # a usual 整改期限


def import_cases_work(folder: str):
    def work(log, progress):
        from workbench.stock.cases import import_cases

        return import_cases(log, folder, progress=progress)

    return work


def _category_box(current: str = "") -> QComboBox:
    box = QComboBox()
    for key in CASE_CATEGORIES:
        box.addItem(CASE_CATEGORY_LABELS[key], key)
    if current in CASE_CATEGORIES:
        box.setCurrentIndex(CASE_CATEGORIES.index(current))
    return box


class CasesView(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.year = QSpinBox(minimum=2000, maximum=2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _v: self.window_.refresh())
        self.case_model = CaseModel(self)
        self.case_proxy, self.cases = _sorted_table(self.case_model, (95, 330, 200, 70, 50))
        self.cases.selectionModel().selectionChanged.connect(lambda *_: self.show_case())
        self.cases.doubleClicked.connect(lambda _i: self.correct())
        self.finding_model = FindingModel(self)
        self.findings = make_table(self.finding_model, (80, 420))
        self.findings.doubleClicked.connect(lambda _i: self.take_finding())
        self.problem_model = ProblemModel(self)
        self.problems = make_table(self.problem_model, (70, 300, 80, 90, 180))
        self.problems.doubleClicked.connect(lambda _i: self.rectify())
        self.conclusion = QComboBox()
        for key in EVALUATION_CONCLUSIONS:
            self.conclusion.addItem(EVALUATION_LABELS[key], key)
        self.case_label = QLabel("选择左侧案卷")
        self.case_label.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QPushButton("导入案卷文件夹…", clicked=self.import_folder))
        top.addWidget(QPushButton("更正所选案卷…", clicked=self.correct))
        top.addWidget(QLabel("评查年度："))
        top.addWidget(self.year)
        top.addStretch(1)
        for text, slot in (("评查台账打印预览…", self.preview), ("评查台账 PDF…", self.export_pdf),
                           ("评查台账 Excel…", self.export_xlsx)):
            top.addWidget(QPushButton(text, clicked=slot))

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.case_label)
        found = QGroupBox("检查结果（执法决定规则包，按作出决定之日的法律）")
        fl = QVBoxLayout(found)
        fl.addWidget(self.findings)
        fl.addWidget(QPushButton("采用为评查问题", clicked=self.take_finding), alignment=Qt.AlignRight)
        rl.addWidget(found, 2)
        probs = QGroupBox("评查问题与整改（一案一整改）")
        pl = QVBoxLayout(probs)
        pl.addWidget(self.problems)
        row = QHBoxLayout()
        row.addWidget(QPushButton("添加问题…", clicked=self.add_problem))
        row.addWidget(QPushButton("记录整改…", clicked=self.rectify))
        row.addWidget(QPushButton("撤销问题", clicked=self.withdraw))
        row.addStretch(1)
        row.addWidget(QLabel("评查结论："))
        row.addWidget(self.conclusion)
        row.addWidget(QPushButton("记录评查结论", clicked=self.evaluate))
        pl.addLayout(row)
        rl.addWidget(probs, 3)

        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.cases)
        split.addWidget(right)
        split.setSizes([560, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.figures)

    # -- showing -----------------------------------------------------------------

    def apply(self, snapshot) -> None:
        """Show the year's case files and figures (read by the window off the GUI thread)."""
        if snapshot.year != self.year.value():
            return  # the year changed meanwhile: its own refresh follows
        selected = _selected(self.cases)
        self.case_model.set_records(snapshot.cases)
        self.figures.setText(snapshot.figures.paragraph())
        if selected is not None:
            for row in range(self.case_proxy.rowCount()):
                if self.case_proxy.index(row, 0).data(RecordRole).id == selected.id:
                    self.cases.selectRow(row)
                    break
        self.show_case()

    def current(self):
        return _selected(self.cases)

    def show_case(self) -> None:
        case = self.current()
        if case is None:
            self.case_label.setText("选择左侧案卷")
            self.finding_model.set_records([])
            self.problem_model.set_records([])
            return
        state = "未评查" if not case.evaluated else f"{EVALUATION_LABELS.get(case.conclusion, '')}（{case.evaluator}，{case.evaluated}）"
        self.case_label.setText(f"<b>{case.label}</b>　当事人：{case.party or '（未读出）'}　作出日期：{case.decided or '（未读出）'}"
                                f"　评查：{state}" + (f"<br>（{case.note}）" if case.note else ""))
        if case.conclusion in EVALUATION_CONCLUSIONS:
            self.conclusion.setCurrentIndex(EVALUATION_CONCLUSIONS.index(case.conclusion))
        self.problem_model.set_records(case.problems)
        self.finding_model.set_records([])
        stock = self.window_.stock
        stored = stock.file(case.sha256)
        if stored is None:
            return
        case_id = case.id

        def parse():  # reading the file and the packs: off the GUI thread
            from workbench.stock.reading import parse_stored

            doc = parse_stored(stored[0], stored[1], "enforcement")
            return case_findings(None, case, doc)

        def done(findings):
            if self.current() is not None and self.current().id == case_id:
                self.finding_model.set_records(findings)

        run_in_background(parse, done, lambda exc: self.window_.status_label.setText(f"案卷无法读取：{exc}"))

    # -- writing -----------------------------------------------------------------

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择存放已办结案卷（处罚决定书等）的文件夹")
        if folder:
            self.import_path(folder)

    def import_path(self, folder: str) -> None:
        def done(report):
            self.window_.status_label.setText(f"登记案卷 {len(report.added)} 件" +
                                              (f"，{len(report.existing)} 件此前已登记" if report.existing else ""))
            if report.errors:
                self.window_.show_error("部分案卷未能登记", "\n".join(report.errors[:20]))

        self.window_.run("登记案卷", import_cases_work(folder), done)

    def correct(self) -> None:
        """Correct what was misread off the decision (当事人, 作出日期 …); the reading stays in the log."""
        case = self.current()
        if case is None:
            return
        dialog = CaseCorrectDialog(case, self)
        if dialog.exec() == QDialog.Accepted:
            changes, reason = dialog.values()
            self.window_.write(self.window_.stock.correct_case, case.id, changes, reason=reason, actor=self.window_.reviewer)

    def take_finding(self) -> None:
        case, f = self.current(), _selected(self.findings)
        if case is None or f is None:
            return
        dialog = ProblemDialog(f.message, suggested_category(f), self)
        if dialog.exec() == QDialog.Accepted:
            category, text = dialog.values()
            self.window_.write(self.window_.stock.add_problem, case.id, category, text, rule=f.rule, excerpt=f.excerpt,
                               basis=f.basis, actor=self.window_.reviewer)

    def add_problem(self) -> None:
        case = self.current()
        if case is None:
            return
        dialog = ProblemDialog("", "procedure", self)
        if dialog.exec() == QDialog.Accepted:
            category, text = dialog.values()
            self.window_.write(self.window_.stock.add_problem, case.id, category, text, actor=self.window_.reviewer)

    def rectify(self) -> None:
        p = _selected(self.problems)
        if p is None:
            return
        dialog = RectifyDialog(p, self)
        if dialog.exec() == QDialog.Accepted:
            self.window_.write(self.window_.stock.rectify, p.id, actor=self.window_.reviewer, **dialog.values())

    def withdraw(self) -> None:
        p = _selected(self.problems)
        if p is not None:
            self.window_.write(self.window_.stock.edit_problem, p.id, withdraw=True, actor=self.window_.reviewer)

    def evaluate(self) -> None:
        case = self.current()
        if case is not None:
            self.window_.write(self.window_.stock.evaluate, case.id, self.conclusion.currentData(),
                               evaluator=self.window_.reviewer, actor=self.window_.reviewer)

    # -- the ledger --------------------------------------------------------------

    def ledger(self):
        from workbench.reports.case_ledger import case_ledger
        from workbench.reports.layout import page_furniture
        from workbench.reports.register import default_bureau

        return case_ledger(self.window_.stock.cases(self.year.value()), self.year.value(), bureau=default_bureau(),
                           furniture=page_furniture(self.window_.log))

    def preview(self) -> None:
        from workbench.gui.printing import preview_dialog

        preview_dialog(self, self.ledger()).exec()

    def _save(self, what: str, suffix: str, write) -> None:
        path, _ = QFileDialog.getSaveFileName(self, f"导出{what}", f"{self.year.value()}年案卷评查台账.{suffix}", f"{what} (*.{suffix})")
        if not path:
            return
        ledger = self.ledger()
        self.window_.status_label.setText(f"正在生成{what}…")
        run_in_background(lambda: write(ledger, path), lambda _r: self.window_.status_label.setText(f"{what}已保存：{path}"),
                          lambda exc: self.window_.show_error(f"{what}未能保存", getattr(exc, "message", str(exc))))

    def export_pdf(self) -> None:
        from workbench.gui.printing import export_pdf

        self._save("评查台账 PDF", "pdf", lambda ledger, path: export_pdf(path, ledger))

    def export_xlsx(self) -> None:
        from workbench.reports import write_register_xlsx

        self._save("评查台账 Excel", "xlsx", lambda ledger, path: write_register_xlsx(ledger, path))


class CaseCorrectDialog(QDialog):
    """当事人, 作出日期, title, 文号 and organ as read off the decision, to correct."""

    def __init__(self, case, parent=None):
        from workbench.gui.issued_view import _qdate

        super().__init__(parent)
        self.setWindowTitle("更正案卷信息")
        self.case = case
        self.party = QLineEdit(case.party)
        self.party.setPlaceholderText("当事人名称或姓名")
        self.decided = QDateEdit(_qdate(case.decided) if case.decided else QDate.currentDate(), calendarPopup=True,
                                 displayFormat="yyyy-MM-dd")
        self.date_touched = bool(case.decided)  # not read: only a date the user sets is recorded
        self.decided.dateChanged.connect(lambda _d: setattr(self, "date_touched", True))
        self.title = QLineEdit(case.title)
        self.number = QLineEdit(case.doc_number)
        self.organ = QLineEdit(case.organ)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("如：以决定书原件为准")
        form = QFormLayout(self)
        form.addRow("当事人", self.party)
        form.addRow("作出日期", self.decided)
        form.addRow("标题", self.title)
        form.addRow("文号", self.number)
        form.addRow("作出机关", self.organ)
        form.addRow("更正理由", self.reason)
        form.addRow(ok_cancel_buttons(self, "保存更正"))

    def values(self) -> tuple[dict, str]:
        changes = {"party": self.party.text(), "title": self.title.text(), "doc_number": self.number.text(),
                   "organ": self.organ.text()}
        if self.date_touched:
            q = self.decided.date()
            changes["decided"] = date(q.year(), q.month(), q.day())
        return changes, self.reason.text()


class ProblemDialog(QDialog):
    def __init__(self, text: str, category: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("评查问题")
        self.category = _category_box(category)
        self.text = QLineEdit(text)
        self.text.setMinimumWidth(480)
        form = QFormLayout(self)
        form.addRow("问题类别", self.category)
        form.addRow("存在问题", self.text)
        form.addRow(ok_cancel_buttons(self, "记录"))

    def values(self) -> tuple[str, str]:
        return self.category.currentData(), self.text.text()


class RectifyDialog(QDialog):
    def __init__(self, problem, parent=None):
        super().__init__(parent)
        self.setWindowTitle("整改情况")
        r = problem.rectification
        self.responsible = QLineEdit(r.responsible if r else "")
        deadline = date.fromisoformat(r.deadline) if r and r.deadline else date.today() + timedelta(days=RECTIFY_DAYS)
        self.deadline = QDateEdit(QDate(deadline.year, deadline.month, deadline.day), calendarPopup=True,
                                  displayFormat="yyyy-MM-dd")
        self.progress = QLineEdit(r.progress if r else "")
        self.done_box = QCheckBox("已整改")
        self.done_box.setChecked(bool(r and r.done))
        form = QFormLayout(self)
        form.addRow("存在问题", QLabel(f"【{problem.category_label}】{problem.description}"))
        form.addRow("整改责任人", self.responsible)
        form.addRow("整改期限", self.deadline)
        form.addRow("整改情况", self.progress)
        form.addRow("", self.done_box)
        form.addRow(ok_cancel_buttons(self, "记录"))

    def values(self) -> dict:
        q = self.deadline.date()
        return {"responsible": self.responsible.text(), "deadline": date(q.year(), q.month(), q.day()),
                "progress": self.progress.text(), "done": self.done_box.isChecked()}
