"""The annotated draft: a real formatted .docx exported with its review's findings and
opinions, then read back from the file's XML and through python-docx."""

from __future__ import annotations

from datetime import datetime

import pytest
from docx import Document as open_docx
from lxml import etree

from workbench.annotate import annotate_review
from workbench.annotate.notes import finding_span
from workbench.cli import main
from workbench.intake import load_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLD_TITLE, NEW_TITLE = "中华人民共和国大气污染防治法", "中华人民共和国生态环境法典"


def _inside(el, tag) -> bool:
    return any(a.tag == tag for a in el.iterancestors())


def characters(body, *, original: bool = True) -> list[tuple[str, bytes]]:
    """(character, its run's w:rPr) for the body text: as written before the tracked
    changes (``original``) or after accepting them."""
    out = []
    for el in body.iter(W + "t", W + "delText"):
        if original and _inside(el, W + "ins") or not original and el.tag == W + "delText":
            continue
        rpr = el.getparent().find(W + "rPr")
        key = etree.tostring(rpr) if rpr is not None else b""
        out += [(ch, key) for ch in el.text or ""]
    return out


def anchored_text(body) -> dict[int, str]:
    """Comment id → the original text between its range start and end."""
    open_ids: set[int] = set()
    texts: dict[int, str] = {}
    for el in body.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t", W + "delText"):
        if el.tag == W + "commentRangeStart":
            open_ids.add(int(el.get(W + "id")))
            texts.setdefault(int(el.get(W + "id")), "")
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(int(el.get(W + "id")))
        elif not _inside(el, W + "ins"):
            for cid in open_ids:
                texts[cid] += el.text or ""
    return texts


@pytest.fixture(scope="module")
def exported(reviewed, tmp_path_factory):
    from workbench.log import ReviewLog

    out = tmp_path_factory.mktemp("out") / "批注稿.docx"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_DATA_DIR", str(out.parent / "data"))
        with ReviewLog.open(reviewed.log_path, readonly=True) as log:
            result = annotate_review(log, reviewed.review_id, out)
            state = log.review(reviewed.review_id)
    return result, state, out


def test_every_comment_sits_on_its_passage(exported, reviewed):
    result, state, out = exported
    docx = open_docx(out)
    comments = {c.comment_id: c for c in docx.comments}
    anchors = anchored_text(docx.element.body)
    placed = {c.text.split("\n", 1)[0].split("）", 1)[0] + "）" + (c.text.split("：", 1)[1][:4] if c.text.startswith("法律") else ""): anchors[cid]
              for cid, c in comments.items()}
    label = {f.rule: f.label for f in state.findings}
    assert placed == {
        f"{label['cit.repealed.env_code_2026']}（错误）": f"《{OLD_TITLE}》第一百零八条",
        f"{label['leg.creates.licence']}（错误）": "须经本局批准",  # in a paragraph numbered 一、 by Word
        f"{label['fc.entry.list_library']}（错误）": "使用本局推荐名录内",  # in a table cell, across two runs
        "法律顾问意见（王律师）建议删除": "须经本局批准",  # on its finding's passage
        "法律顾问意见（李律师）“推荐名": "推荐名录",  # on the passage selected, inside an underlined run
        "法律顾问意见（李律师）全文结构": "某市生态环境局关于加强挥发性有机物排放管理的通知",  # the whole draft: its title
    }
    assert result.comments == len(comments) == 6 and result.tracked == 1 and result.dismissed_left_out == 1


def test_comments_say_problem_basis_decision_and_counsel_with_author_and_time_from_the_log(exported):
    _, state, out = exported
    comments = list(open_docx(out).comments)
    licence = next(f for f in state.findings if f.rule == "leg.creates.licence")
    c = next(c for c in comments if c.text.startswith(licence.label + "（"))
    assert licence.message in c.text and "审查意见：采纳。" in c.text
    assert "法律依据：" + "；".join(licence.basis) in c.text
    assert c.author == "张三" and c.initials == "张"
    assert c.timestamp == datetime.fromisoformat(licence.disposed_at).replace(microsecond=0)
    opinion = next(o for o in state.opinions if o.counsel == "王律师")
    c = next(c for c in comments if c.author == "王律师")
    assert c.text.startswith("法律顾问意见（王律师）：建议删除审批要求。") and f"针对 {licence.label}" in c.text
    assert c.timestamp == datetime.fromisoformat(opinion.at).replace(microsecond=0)
    dismissed = next(f for f in state.findings if f.status == "dismissed")
    assert not any(c.text.startswith(dismissed.label + "（") for c in comments)


def test_every_run_keeps_its_formatting(exported, reviewed):
    _, _, out = exported
    before = characters(open_docx(reviewed.draft).element.body)
    after = characters(open_docx(out).element.body)
    assert "".join(ch for ch, _ in after) == "".join(ch for ch, _ in before)
    assert after == before  # every character, cut runs included, has its run's properties
    # the bold title, the red italic run and the underlined cell text are still there, split or not
    text = "".join(ch for ch, _ in after)
    assert b"<w:b/>" in after[text.index("挥发性")][1]
    assert b"C00000" in after[text.index("污染防治法")][1]
    assert b'w:u w:val="single"' in after[text.index("推荐名录")][1]


def test_the_tracked_change_replaces_exactly_the_law_title(exported, reviewed):
    _, state, out = exported
    body = open_docx(out).element.body
    deletions, insertions = body.findall(f".//{W}del"), body.findall(f".//{W}ins")
    assert len(deletions) == len(insertions) == 1
    assert "".join(t.text for t in deletions[0].iter(W + "delText")) == OLD_TITLE
    assert "".join(t.text for t in insertions[0].iter(W + "t")) == NEW_TITLE
    citation = next(f for f in state.findings if f.rule == "cit.repealed.env_code_2026")
    when = datetime.fromisoformat(citation.disposed_at).strftime("%Y-%m-%dT%H:%M:%SZ")
    for mark in (deletions[0], insertions[0]):
        assert mark.get(W + "author") == "张三" and mark.get(W + "date") == when
    ids = [el.get(W + "id") for el in body.iter() if el.get(W + "id") is not None]
    assert len(set(ids) & {deletions[0].get(W + "id"), insertions[0].get(W + "id")}) == 2
    assert ids.count(deletions[0].get(W + "id")) == 1 and ids.count(insertions[0].get(W + "id")) == 1
    original = "".join(ch for ch, _ in characters(body))
    accepted = "".join(ch for ch, _ in characters(body, original=False))
    assert accepted == original.replace(OLD_TITLE, NEW_TITLE, 1) and accepted.count("第一百零八条") == 1
    # the intake reads the file as Word shows it after “accept all”: the article number is untouched
    reread = load_document(out, "normative")
    assert f"《{NEW_TITLE}》第一百零八条" in reread.text and OLD_TITLE not in reread.text
    comment = next(c for c in open_docx(out).comments if c.text.startswith(citation.label))
    assert "条文序号未改动" in comment.text and "第一百零八条 → 第一千一百二十条" in comment.text


def test_dismissed_findings_come_with_their_reason_when_asked(reviewed, log, tmp_path):
    result = annotate_review(log, reviewed.review_id, tmp_path / "全部.docx", include_dismissed=True,
                             tracked_changes=False)
    comments = list(open_docx(tmp_path / "全部.docx").comments)
    assert result.comments == 7 and result.tracked == 0
    assert any("审查意见：不采纳。理由：与许可问题重复" in c.text for c in comments)
    assert not open_docx(tmp_path / "全部.docx").element.body.findall(f".//{W}del")


def test_a_text_draft_becomes_a_plain_docx_one_paragraph_per_paragraph(tmp_path):
    from tests.helpers.review_log import NOTICE, open_from, write_txt
    from workbench.log import ReviewLog

    with ReviewLog.open(tmp_path / "log.sqlite3") as log:
        rid = open_from(log, write_txt(tmp_path, "通知.txt", NOTICE), "legality", reviewer="李四")
        for f in log.review(rid).findings:
            log.dispose(rid, f.label, "accept")
        result = annotate_review(log, rid, tmp_path / "通知-批注稿.docx")
        state = log.review(rid)
    docx = open_docx(tmp_path / "通知-批注稿.docx")
    assert result.plain and result.remarks
    assert [p.text for p in docx.paragraphs] == NOTICE.split("\n")  # as the intake read it
    anchors = anchored_text(docx.element.body)
    texts = {c.comment_id: c.text for c in docx.comments}
    for f in state.findings:
        cid = next(cid for cid, text in texts.items() if text.startswith(f.label + "（"))
        assert anchors[cid] == (f.matched if f.paragraph else NOTICE.split("\n")[0])


def test_a_passage_is_found_again_when_offsets_moved(reviewed, log):
    from dataclasses import replace

    doc = load_document(reviewed.draft, "normative")
    f = next(f for f in log.review(reviewed.review_id).findings if f.rule == "leg.creates.licence")
    assert finding_span(doc, f) == (f.start, f.end)
    moved = replace(f, start=f.start - 3, end=f.end - 3)  # as if a newer intake read one label shorter
    assert finding_span(doc, moved) == (f.start, f.end)
    assert finding_span(doc, replace(f, matched="本文中没有的文字")) is None


def test_cli_writes_the_annotated_draft(reviewed, tmp_path, capsys):
    out = tmp_path / "cli.docx"
    assert main(["annotate", reviewed.review_id[:8], "--docx", str(out), "--db", str(reviewed.log_path)]) == 0
    assert "批注 6 条，修订 1 处" in capsys.readouterr().out and len(list(open_docx(out).comments)) == 6
    assert main(["annotate", reviewed.review_id, "--docx", str(tmp_path / "x.pdf"), "--db", str(reviewed.log_path)]) == 2
    assert "须保存为 .docx" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()


def test_a_passage_in_the_page_header_is_noted_on_the_first_paragraph(reviewed):
    from datetime import timezone

    from workbench.annotate.notes import Note
    from workbench.annotate.writer import place_notes

    doc = load_document(reviewed.draft, "normative")
    assert doc.paragraphs[0].source == "header"  # 某市生态环境局文件, read first
    docx = open_docx(reviewed.draft)
    note = Note("F9", 0, 4, "F9（提示）页眉", "张三", datetime(2026, 9, 2, tzinfo=timezone.utc))
    placed = place_notes(docx, doc, [note])
    (comment,) = list(docx.comments)
    assert placed.whole_document == ["F9"] and comment.text.startswith("（位于页眉：“某市生态”）F9（提示）")
    assert anchored_text(docx.element.body)[comment.comment_id] == "某市生态环境局关于加强挥发性有机物排放管理的通知"
