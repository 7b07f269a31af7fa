"""A real review of a formatted .docx draft: checked by the rule engine, findings
accepted and one dismissed, three counsel opinions (on a finding, on a passage
in a table cell, on the whole draft)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.formatted_draft import write_formatted_draft
from workbench.checking import check_file
from workbench.log import ReviewLog


@dataclass
class Reviewed:
    draft: Path
    log_path: Path
    review_id: str


def review_formatted_draft(folder: Path) -> Reviewed:
    draft = write_formatted_draft(folder / "挥发性有机物通知.docx")
    log_path = folder / "log.sqlite3"
    with ReviewLog.open(log_path, timeout=1) as log:
        rid = log.open_review(check_file(draft, "normative"), "legality", unit="大气环境科", reviewer="张三")
        for f in log.review(rid).findings:
            if f.rule == "fc.entry.approval_procedure":
                log.dispose(rid, f.label, "dismiss", reason="与许可问题重复", actor="张三")
            else:
                log.dispose(rid, f.label, "accept", actor="张三")
        licence = next(f for f in log.review(rid).findings if f.rule == "leg.creates.licence")
        log.add_opinion(rid, "王律师", "建议删除审批要求。", finding_id=licence.label)
        text = check_file(draft, "normative").document.text
        k = text.index("推荐名录")
        log.add_opinion(rid, "李律师", "“推荐名录”无依据，建议删除。", passage="推荐名录", passage_span=(k, k + 4))
        log.add_opinion(rid, "李律师", "全文结构清晰。")
    return Reviewed(draft, log_path, rid)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("annotate")
    with pytest.MonkeyPatch.context() as mp:  # the per-test data directory is not set up yet
        mp.setenv("WORKBENCH_DATA_DIR", str(folder / "data"))
        return review_formatted_draft(folder)


@pytest.fixture
def log(reviewed):
    with ReviewLog.open(reviewed.log_path, readonly=True) as opened:
        yield opened
