"""A template's styles part is read once: the drafts made from it read as before (issue #15).

The plain reader keeps what a styles part gave (which styles number their paragraphs) by the
part's SHA-256, in the process and in a table in the cache folder; these drafts use a
numbered style, so the remembered part decides their numbering labels.
"""

from __future__ import annotations

from docx import Document as NewDocx

from workbench.intake import docx_reader, docx_text
from workbench.paths import cache_dir


def _draft(path, items):
    doc = NewDocx()
    doc.add_paragraph("某市生态环境局关于加强建材市场管理的规定")
    for text in items:
        doc.add_paragraph(text, style="List Number")  # numbered by its style (w:style/w:pPr/w:numPr)
    doc.save(path)
    return path


def _outcome(read, path):
    doc = read(str(path))
    return doc.text, doc.paragraphs, doc.notes


def _forget_in_process(monkeypatch):
    monkeypatch.setattr(docx_text, "_styles_known", None)  # as a new process starts


def test_drafts_of_one_template_read_alike_from_the_remembered_styles(tmp_path, monkeypatch):
    _forget_in_process(monkeypatch)
    first = _draft(tmp_path / "一.docx", ["建设单位应当依法申领排污许可证。", "各区应当加强监管。"])
    second = _draft(tmp_path / "二.docx", ["第二份草案的第一项。", "第二项。", "第三项。"])
    for path in (first, second):  # the second from the part the first left in this process
        assert _outcome(docx_text.read_plain, path) == _outcome(docx_reader.read_docx, path)
    assert len(docx_text._styles_known) == 1
    assert list(cache_dir().glob("docx-styles-*.pickle"))
    _forget_in_process(monkeypatch)  # the next process reads the table from the cache folder
    assert _outcome(docx_text.read_plain, second) == _outcome(docx_reader.read_docx, second)
    assert len(docx_text._styles_known) == 1


def test_a_damaged_table_is_a_miss(tmp_path, monkeypatch):
    _forget_in_process(monkeypatch)
    path = _draft(tmp_path / "草案.docx", ["一项。", "二项。"])
    docx_text.read_plain(str(path))
    for table in cache_dir().glob("docx-styles-*.pickle"):
        data = bytearray(table.read_bytes())
        data[-3] ^= 0xFF
        table.write_bytes(bytes(data))
    _forget_in_process(monkeypatch)
    assert _outcome(docx_text.read_plain, path) == _outcome(docx_reader.read_docx, path)
