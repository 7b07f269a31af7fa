"""The standard-library .docx reader (the reading path) gives exactly what the python-docx reader gives.

Compared on every .docx in the repository, on generated drafts with the features
drafts have (tables, nested tables, merged cells, text boxes, numbering, tracked
changes, headers and footers over several sections, content controls), and on
the bad-input corpus and its fuzzed files: the same Document, or the same
InputError message.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as NewDocx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from tests.helpers.bad_files import good_docx_bytes, part, replace_parts
from tests.helpers.corpus import NAMED, fuzzed
from tests.helpers.docx_factory import add_comment_marker, add_runs, add_tracked, numbered_document, save
from tests.helpers.formatted_draft import write_formatted_draft
from tests.unit.intake.test_text_boxes import _with_box_in
from workbench.errors import InputError
from workbench.intake import docx_reader, docx_text

ROOT = Path(__file__).resolve().parents[3]
W = nsdecls("w")


def outcome(read, path):
    try:
        doc = read(str(path))
    except InputError as exc:
        return ("refused", exc.message)
    return ("read", doc.text, doc.paragraphs, doc.notes, doc.format)


def assert_same(path):
    assert outcome(docx_text.read_docx, path) == outcome(docx_reader.read_docx, path), path.name


def repository_docx():
    return sorted(p for folder in ("tests", "resources") for p in (ROOT / folder).rglob("*.docx"))


@pytest.mark.parametrize("path", repository_docx(), ids=lambda p: p.name)
def test_repository_docx_read_alike_without_python_docx(path):
    assert_same(path)
    docx_text.read_plain(str(path))  # read on the plain path itself, not handed over


def _tables_document(path: Path) -> Path:
    doc = NewDocx()
    doc.sections[0].header.paragraphs[0].text = "某市生态环境局文件"
    doc.sections[0].footer.paragraphs[0].text = "— 1 —"
    doc.add_paragraph("关于印发《排污许可管理办法》的通知")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"第{r}行第{c}列"
    table.cell(0, 0).merge(table.cell(0, 1))  # a merged cell
    table.cell(1, 1).add_paragraph("格内第二段")
    inner = table.cell(2, 2).add_table(rows=2, cols=2)  # a nested table
    for r, row in enumerate(inner.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"内表{r}{c}"
    add_runs(doc, ["排污", "单位", "应当\t依法", "申请"])
    p = doc.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行")
    add_tracked(doc, "责令", "立即", "限期", "改正。")
    add_comment_marker(doc.add_paragraph("有批注的段落"), "请核实")
    sdt = parse_xml(f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>内容控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    doc.element.body.insert(len(doc.element.body) - 1, sdt)
    doc.add_paragraph("小标题", style="Heading 1").runs[0].font.size = Pt(16)
    second = doc.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "第二节的页眉"
    doc.add_paragraph("第二节正文")
    third = doc.add_section()  # linked to the previous: its header is not read again
    doc.add_paragraph("第三节正文")
    assert third.header.is_linked_to_previous
    return save(doc, path)


def test_generated_drafts_read_alike(tmp_path):
    drafts = [
        _tables_document(tmp_path / "tables.docx"),
        save(numbered_document(["排污单位应当申报。", "违反本规定的，责令改正。"] * 6), tmp_path / "numbered.docx"),
        save(numbered_document(["甲", "乙"], lvl_text="（%1）", num_fmt="chineseCounting"), tmp_path / "paren.docx"),
        save(numbered_document(["甲", "乙"], lvl_text="%1.", num_fmt="upperRoman"), tmp_path / "roman.docx"),
        write_formatted_draft(tmp_path / "formatted.docx"),
    ]
    box = tmp_path / "box.docx"
    box.write_bytes(_with_box_in("word/document.xml", good_docx_bytes("行政处罚决定书\n当事人：某公司"), "某环罚〔2026〕87号"))
    drafts.append(box)
    for path in drafts:
        assert_same(path)
        docx_text.read_plain(str(path))


def test_what_the_plain_reader_does_not_vouch_for_goes_to_python_docx(tmp_path):
    """A comment inside a run's text: lxml cuts the text there, ElementTree would not."""
    data = good_docx_bytes("排污单位")
    body = part(data, "word/document.xml").replace("排污单位".encode(), "排污<!-- 注 -->单位".encode())
    path = tmp_path / "comment.docx"
    path.write_bytes(replace_parts(data, {"word/document.xml": body}))
    with pytest.raises(docx_text.Unsure):
        docx_text.read_plain(str(path))
    assert_same(path)


@pytest.mark.parametrize("case", [c for c in NAMED if c.name.endswith(".docx")], ids=lambda c: c.name)
def test_bad_input_cases_read_or_refused_alike(case, tmp_path):
    assert_same(case.make(tmp_path))


def test_fuzzed_drafts_read_or_refused_alike(tmp_path):
    for path in fuzzed(tmp_path, 120, seed=16):
        if path.suffix == ".docx":
            assert_same(path)


def test_checking_a_docx_does_not_import_python_docx():
    sample = next((ROOT / "resources" / "samples").glob("*.docx"))
    code = (
        "import sys; from workbench.intake import load_document; "
        f"load_document({str(sample)!r}); print('docx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
