"""Malformed files inside a valid zip: each is a clear InputError, never an uncaught exception."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from tests.helpers.bad_files import W, good_docx_bytes, lying_zip, part, replace_parts
from workbench.cli import main
from workbench.errors import InputError
from workbench.intake import load_document

NUMBERING = (
    f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{{ilvl}}"><w:start w:val="{{start}}"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def _numbered_docx(ilvl: str, start: str, para_ilvl: str) -> bytes:
    data = good_docx_bytes()
    doc = part(data, "word/document.xml").decode()
    doc = doc.replace("<w:p>", f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{para_ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>', 1)
    return replace_parts(data, {"word/document.xml": doc.encode(), "word/numbering.xml": NUMBERING.format(ilvl=ilvl, start=start).encode()})


@pytest.mark.parametrize("ilvl,start,para_ilvl", [("x", "1", "0"), ("0", "abc", "0"), ("0", "1", "zz"), ("99", "1", "99")])
def test_malformed_numbering_numbers_are_read_past(tmp_path, ilvl, start, para_ilvl):
    path = tmp_path / "numbered.docx"
    path.write_bytes(_numbered_docx(ilvl, start, para_ilvl))
    doc = load_document(path)  # reads: the text is there even if the list number is not
    assert "排污单位须经本局批准" in doc.text


def test_a_document_without_body_is_an_input_error(tmp_path):
    path = tmp_path / "nobody.docx"
    path.write_bytes(replace_parts(good_docx_bytes(), {"word/document.xml": f"<w:document {W}/>".encode()}))
    with pytest.raises(InputError, match="正文"):
        load_document(path)


def test_a_style_without_a_type_is_read_past(tmp_path):
    data = good_docx_bytes()
    styles = part(data, "word/styles.xml").decode().replace('w:type="paragraph" ', "", 3)
    path = tmp_path / "style.docx"
    path.write_bytes(replace_parts(data, {"word/styles.xml": styles.encode()}))
    assert "排污单位" in load_document(path).text


def test_broken_xml_is_an_input_error_in_chinese(tmp_path):
    path = tmp_path / "xml.docx"
    path.write_bytes(replace_parts(good_docx_bytes(), {"word/document.xml": b"<w:document><w:body><w:p>"}))
    with pytest.raises(InputError, match="XML 格式错误"):
        load_document(path)


def test_a_macro_document_renamed_docx_says_what_it_is(tmp_path):
    data = good_docx_bytes()
    types = part(data, "[Content_Types].xml").decode().replace(
        "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")
    path = tmp_path / "macro.docx"
    path.write_bytes(replace_parts(data, {"[Content_Types].xml": types.encode()}))
    with pytest.raises(InputError, match=r"启用宏的 Word 文档（\.docm）") as info:
        load_document(path)
    assert "ValueError" not in info.value.message


def _pdf_with_unknown_filter(path):
    from pypdf import PdfWriter
    from pypdf.generic import EncodedStreamObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    stream = EncodedStreamObject()
    stream._data = b"BT /F1 12 Tf (x) Tj ET"
    stream[NameObject("/Filter")] = NameObject("/NoSuchDecode")  # pypdf: NotImplementedError
    page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as fh:
        writer.write(fh)


def test_a_pdf_with_a_filter_pypdf_cannot_decode_is_an_input_error(tmp_path):
    path = tmp_path / "filter.pdf"
    _pdf_with_unknown_filter(path)
    # pypdf 7 gives up on such a stream inside extract_text; older ones raised
    # NotImplementedError, which the reader turns into this message too.
    with pytest.raises(InputError, match="PDF"):
        load_document(path)


def test_the_lying_zip_is_refused_without_inflating_what_it_hides(tmp_path):
    path = lying_zip(tmp_path / "liar.docx", inflated_mb=200)
    tracemalloc.start()
    try:
        with pytest.raises(InputError):
            load_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_real_xml_past_the_cap_is_refused_while_inflating(tmp_path):
    from workbench.intake.limits import MAX_XML_BYTES

    data = good_docx_bytes()
    doc = part(data, "word/document.xml")
    filler = b"<w:p><w:r><w:t>" + "正文。".encode() * 1000 + b"</w:t></w:r></w:p>"
    big = doc.replace(b"<w:body>", b"<w:body>" + filler * (MAX_XML_BYTES // len(filler) + 10), 1)
    path = tmp_path / "big.docx"
    path.write_bytes(replace_parts(data, {"word/document.xml": big}))
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="解压后超过"):
            load_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_XML_BYTES  # refused while inflating, before python-docx parses anything


def test_one_malformed_file_does_not_empty_a_batch(tmp_path, capsys):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.docx").write_bytes(good_docx_bytes())
    (folder / "b-nobody.docx").write_bytes(replace_parts(good_docx_bytes(), {"word/document.xml": f"<w:document {W}/>".encode()}))
    _pdf_with_unknown_filter(folder / "c-filter.pdf")
    (folder / "d-numbering.docx").write_bytes(_numbered_docx("x", "abc", "zz"))
    (folder / "loop").symlink_to(folder)
    code = main(["check", str(folder), "--format", "json"])
    out = capsys.readouterr()
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.loads(out.out)["documents"]}
    assert set(docs) == {"a-good.docx", "b-nobody.docx", "c-filter.pdf", "d-numbering.docx"}
    assert "findings" in docs["a-good.docx"] and "findings" in docs["d-numbering.docx"]
    assert "error" in docs["b-nobody.docx"] and "error" in docs["c-filter.pdf"]
    assert code == 2
    assert "循环链接" in out.err
