"""Plain-text drafts in the encodings offices use; detected from the bytes."""

import codecs

import pytest

from workbench.intake import load_document

TEXT = "关于加强建材市场管理的若干规定\n第一条 全市新建项目须使用市建材公司生产的商品混凝土。\n"


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""),
])
def test_encodings_are_detected(tmp_path, encoding, bom):
    path = tmp_path / "draft.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    doc = load_document(path)
    assert doc.text.rstrip("\n") == TEXT.rstrip("\n")
    assert doc.title == "关于加强建材市场管理的若干规定"


def test_gbk_is_reported_as_such(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(TEXT.encode("gbk"))
    assert load_document(path).encoding == "GB18030/GBK"


def test_windows_line_endings(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    doc = load_document(path)
    assert "\r" not in doc.text
    assert doc.paragraph_text(1).startswith("第一条")
