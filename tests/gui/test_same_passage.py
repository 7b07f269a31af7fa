"""Several rules on one passage: the reviewer sees them together and decides them at once."""

from datetime import date

from docx import Document as NewDocx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.conftest import wait_idle
from tests.helpers.qt import answer_next_dialog
from workbench.gui.dialogs import DismissDialog
from workbench.gui.models import RecordRole
from workbench.gui.panels import same_passage
from workbench.log import ReviewLog

FAIR_COMPETITION = {"type": "fair_competition", "unit": "县发展改革局", "received": date(2026, 11, 2), "due": date(2026, 11, 17)}
MEASURES = [
    "关于促进县域经济发展的若干措施",
    "一、由县商务局牵头，组织全县成品油零售企业签订自律公约，统一零售价格下浮幅度。",
    "二、外地企业参与本县政府采购项目的，须在本县设立分支机构。",
    "三、本措施自印发之日起施行。",
]


def open_measures(qtbot, window, tmp_path):
    path = tmp_path / "若干措施（送审稿）.docx"
    d = NewDocx()
    for line in MEASURES:
        d.add_paragraph(line)
    d.save(path)
    window.open_paths([path], particulars=FAIR_COMPETITION)
    wait_idle(qtbot, window)
    assert window.state is not None, window.status_label.text()


def shown(panel):
    return [panel.proxy.data(panel.proxy.index(row, 0), RecordRole) for row in range(panel.proxy.rowCount())]


def a_grouped_finding(window):
    """A finding that shares its passage with another one, and those others."""
    findings = list(window.state.findings)
    for f in findings:
        others = same_passage(findings, f)
        if others:
            return f, others
    raise AssertionError("no passage drew two findings: " + ", ".join(f.rule for f in findings))


def test_position_column_sorts_the_findings_of_a_passage_together(qtbot, make_window, tmp_path):
    window = make_window()
    open_measures(qtbot, window, tmp_path)
    panel = window.findings_panel
    assert panel.model.headerData(3, Qt.Horizontal) == "位置"
    panel.table.sortByColumn(3, Qt.AscendingOrder)
    rows = shown(panel)
    starts = [f.start if f.paragraph else -1 for f in rows]
    assert starts == sorted(starts)
    assert panel.proxy.index(0, 3).data().startswith("第") and panel.proxy.index(0, 3).data().endswith("段")
    # Once sorted by position, the findings of one passage are neighbours.
    f, others = a_grouped_finding(window)
    positions = sorted(rows.index(g) for g in [f, *others])
    assert positions == list(range(positions[0], positions[0] + len(positions)))


def test_detail_names_the_other_findings_on_the_passage(qtbot, make_window, tmp_path):
    window = make_window()
    open_measures(qtbot, window, tmp_path)
    f, others = a_grouped_finding(window)
    assert window.findings_panel.select_finding(f.id)
    detail = window.findings_panel.detail.toPlainText()
    assert "同一处另有" in detail
    for g in others:
        assert f"F{g.number}" in detail


def test_s_selects_the_passage_and_a_accepts_every_finding_on_it(qtbot, make_window, tmp_path):
    window = make_window()
    open_measures(qtbot, window, tmp_path)
    panel = window.findings_panel
    f, others = a_grouped_finding(window)
    panel.select_finding(f.id)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key_S)
    assert {g.id for g in panel.selected()} == {f.id, *(g.id for g in others)}
    qtbot.keyClick(panel.table, Qt.Key_A)
    for g in [f, *others]:
        assert window.state.finding(g.id).status == "accepted"
    untouched = [g for g in window.state.findings if g.id not in {f.id, *(o.id for o in others)}]
    assert untouched and all(g.status == "open" for g in untouched)
    assert window.status_label.text().startswith("已采纳：")


def test_one_reason_dismisses_the_selected_findings(qtbot, make_window, tmp_path, log_path):
    window = make_window()
    open_measures(qtbot, window, tmp_path)
    panel = window.findings_panel
    f, others = a_grouped_finding(window)
    panel.select_finding(f.id)
    panel.select_same_passage()
    asked = []

    def give_reason(dialog):
        assert isinstance(dialog, DismissDialog)
        asked.append(dialog)
        dialog.reason.setPlainText("该条已删除")
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    answer_next_dialog(give_reason)
    panel.dismiss_action.trigger()
    assert len(asked) == 1
    for g in [f, *others]:
        decided = window.state.finding(g.id)
        assert decided.status == "dismissed" and decided.reason == "该条已删除"
    # The log file holds one decision per finding, as if each had been decided alone.
    reread = ReviewLog.open(log_path, readonly=True)
    try:
        events = [e for e in reread.history(window.state.id) if e.payload.get("reason") == "该条已删除"]
        assert len(events) == 1 + len(others)
        assert reread.verify().ok
    finally:
        reread.close()
