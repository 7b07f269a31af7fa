"""Reading the unit's answers back from the revised draft it returns."""

from __future__ import annotations

from docx import Document as open_docx

from tests.helpers.returned_draft import comment_on_same_passage, reply_in_thread, write_threads
from workbench.annotate import annotate_review
from workbench.annotate.replies import answers_of_revision, group_answers, read_comments
from workbench.checking import check_file
from workbench.cli import main
from workbench.log import ReviewLog


def _returned(reviewed, tmp_path, labels):
    with ReviewLog.open(reviewed.log_path, readonly=True) as log:
        annotate_review(log, reviewed.review_id, tmp_path / "批注稿.docx")
    docx = open_docx(tmp_path / "批注稿.docx")
    ours = {c.text.split("（", 1)[0]: c for c in docx.comments if c.text[:1] == "F"}
    reply_in_thread(docx, ours[labels["leg.creates.licence"]], "已删除审批要求，改为依法办理排污许可。", "大气环境科 王五")
    comment_on_same_passage(docx, ours[labels["cit.repealed.env_code_2026"]], "已改引法典第一千一百二十条。", "大气环境科 王五")
    body_run = docx.paragraphs[1].runs[0]
    docx.add_comment(body_run, text="抬头已按发文范围调整。", author="大气环境科 王五")
    write_threads(docx)
    path = tmp_path / "挥发性有机物通知（修改稿）.docx"
    docx.save(str(path))
    return path


def test_each_answer_is_read_under_the_point_it_answers(reviewed, tmp_path):
    with ReviewLog.open(reviewed.log_path, readonly=True) as log:
        labels = {f.rule: f.label for f in log.review(reviewed.review_id).findings}
    path = _returned(reviewed, tmp_path, labels)
    comments = read_comments(path.read_bytes())
    threaded = next(c for c in comments if c.text.startswith("已删除审批"))
    assert threaded.parent is not None and threaded.anchor == "须经本局批准"
    answers = group_answers(comments)
    assert answers.text(labels["leg.creates.licence"]) == "大气环境科 王五：已删除审批要求，改为依法办理排污许可。"
    assert answers.text(labels["cit.repealed.env_code_2026"]) == "大气环境科 王五：已改引法典第一千一百二十条。"
    assert [c.text for c in answers.others] == ["抬头已按发文范围调整。"]
    assert answers.text(labels["fc.entry.list_library"]) == ""


def test_a_revised_draft_in_the_log_shows_the_answers(reviewed, tmp_path, capsys):
    db = tmp_path / "log.sqlite3"
    import shutil

    shutil.copy(reviewed.log_path, db)
    with ReviewLog.open(db) as log:
        labels = {f.rule: f.label for f in log.review(reviewed.review_id).findings}
        path = _returned(reviewed, tmp_path, labels)
        earlier = log.review(reviewed.review_id)
        revised = log.open_review(check_file(path, "normative"), "legality", reviewer="张三",
                                  previous_document=earlier.document.id)
        found_earlier, answers = answers_of_revision(log, revised)
        assert found_earlier.id == earlier.id and labels["leg.creates.licence"] in answers.by_point
        assert answers_of_revision(log, reviewed.review_id) is None  # the first draft revises nothing
    assert main(["annotate", revised[:8], "--replies", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "答复：大气环境科 王五：已删除审批要求" in out and "其他批注（大气环境科 王五）：抬头已按发文范围调整。" in out
    assert "（未答复）" in out
