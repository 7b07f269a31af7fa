"""设置：单位名称、意见书文号前缀、审查人、法律顾问名单、审核目录罚款门槛、日志文件位置。"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from workbench.gui.dialogs import ok_cancel_buttons

THRESHOLDS_KEY = "catalogue_thresholds"  # read by workbench.catalogue


def _money_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 1_000_000_000)
    box.setSingleStep(1000)
    box.setGroupSeparatorShown(True)
    box.setSuffix(" 元")
    box.setValue(int(value))
    return box


class SettingsDialog(QDialog):
    def __init__(self, settings: dict, default_thresholds: dict, default_log_path: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("设置")
        self.setMinimumWidth(560)
        self._settings = dict(settings)
        thresholds = {**default_thresholds, **(settings.get(THRESHOLDS_KEY) or {})}

        self.bureau = QLineEdit(settings.get("bureau_name", ""), placeholderText="如：某市生态环境局")
        self.prefix = QLineEdit(settings.get("letter_prefix", ""), placeholderText="如：焦环法审（文号即 焦环法审〔2026〕1号）")
        self.reviewer = QLineEdit(settings.get("reviewer", ""), placeholderText="默认审查人姓名")
        self.counsel = QPlainTextEdit("\n".join(settings.get("counsel") or []))
        self.counsel.setPlaceholderText("每行一位法律顾问")
        self.counsel.setFixedHeight(90)
        self.individual = _money_box(thresholds.get("individual", 0))
        self.organisation = _money_box(thresholds.get("organisation", 0))
        self.log_path = QLineEdit(settings.get("log_path") or "", placeholderText=default_log_path)
        browse = QPushButton("选择…")
        browse.clicked.connect(self._choose_log)
        log_row = QWidget()
        row = QHBoxLayout(log_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.log_path, 1)
        row.addWidget(browse)

        form = QFormLayout()
        form.addRow("单位名称", self.bureau)
        form.addRow("意见书文号前缀", self.prefix)
        form.addRow("审查人", self.reviewer)
        form.addRow("法律顾问", self.counsel)
        form.addRow("较大数额罚款（公民）", self.individual)
        form.addRow("较大数额罚款（法人及其他组织）", self.organisation)
        form.addRow("审查日志文件", log_row)
        note = QLabel("罚款门槛以本单位印发的重大执法决定法制审核目录清单为准；更改日志文件位置后须重新启动程序。")
        note.setWordWrap(True)
        note.setStyleSheet("color: #666")
        buttons = ok_cancel_buttons(self, "保存")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _choose_log(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "审查日志文件", self.log_path.text(), "SQLite 日志 (*.sqlite3 *.db);;所有文件 (*)", options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.log_path.setText(path)

    def values(self) -> dict:
        """The settings as they should be saved (unknown keys of the original kept)."""
        out = dict(self._settings)
        out["bureau_name"] = self.bureau.text().strip()
        out["letter_prefix"] = self.prefix.text().strip()
        out["reviewer"] = self.reviewer.text().strip()
        out["counsel"] = [line.strip() for line in self.counsel.toPlainText().splitlines() if line.strip()]
        thresholds = dict(out.get(THRESHOLDS_KEY) or {})
        thresholds.update(individual=self.individual.value(), organisation=self.organisation.value())
        out[THRESHOLDS_KEY] = thresholds
        out["log_path"] = self.log_path.text().strip()
        return out
