"""Bad input gets a clear Chinese message naming the file, never a traceback."""

import io
import zipfile

import pytest

from workbench.errors import InputError
from workbench.intake import load_document
from workbench.intake.limits import MAX_FILE_BYTES


def message_for(path) -> str:
    with pytest.raises(InputError) as info:
        load_document(path)
    message = info.value.message
    assert str(path) in message
    assert "。" in message  # a sentence that also says what to do
    return message


def test_missing_file(tmp_path):
    assert "不存在" in message_for(tmp_path / "nope.docx")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "空" in message_for(path)


def test_whitespace_only_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n  \n", encoding="utf-8")
    assert "没有" in message_for(path)


def test_corrupt_docx(tmp_path):
    path = tmp_path / "corrupt.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 100)
    assert "损坏" in message_for(path)


def test_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes("这其实是一段文字".encode("utf-8"))
    assert "不是有效的" in message_for(path)


def test_zip_without_word_document(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "Word" in message_for(path)


def test_password_protected_docx(tmp_path):
    # An encrypted .docx is an OLE compound file with an EncryptedPackage stream.
    path = tmp_path / "secret.docx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(header + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 4096)
    assert "密码" in message_for(path)


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        chunk = b"\x00" * (64 * 1024 * 1024)
        for i in range(2):  # 128 MB of zeros in XML parts compress to well under 1 MB
            zf.writestr(f"word/pad{i}.xml", chunk)
        zf.writestr("word/media/pad.bin", chunk)  # an image part is never inflated at all
    assert path.stat().st_size < 5 * 1024 * 1024
    assert "解压后" in message_for(path)


def test_binary_file_named_txt(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 64)
    assert "二进制" in message_for(path)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # a sparse 200 MB file: nothing is written
        fh.truncate(200 * 1024 * 1024)
    assert path.stat().st_size > MAX_FILE_BYTES
    assert "太大" in message_for(path)


def test_doc_without_libreoffice_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere on PATH
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    message = message_for(path)
    assert "LibreOffice" in message and "另存为 .docx" in message


def test_pdf_without_text_layer(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    assert "文字层" in message_for(path)


def test_a_directory(tmp_path):
    assert "文件夹" in message_for(tmp_path)


@pytest.fixture(scope="module")
def legacy_doc(tmp_path_factory):
    """A real .doc written by LibreOffice from a .docx (scripts/dev.sh installs it, so CI has it)."""
    import os
    import subprocess

    from docx import Document as NewDocx

    from workbench.intake.convert import find_soffice

    soffice = find_soffice()
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing in CI: scripts/dev.sh installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice is not installed on this machine: run bash scripts/dev.sh setup")
    folder = tmp_path_factory.mktemp("legacy")
    d = NewDocx()
    d.add_paragraph("关于加强建材市场管理的若干规定")
    d.add_paragraph("第一条 全市新建项目须使用市建材公司生产的商品混凝土。")
    d.save(folder / "src.docx")
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc", "--outdir", str(folder),
                    str(folder / "src.docx")], check=True, capture_output=True, timeout=600)
    return folder / "src.doc"


def test_doc_is_converted_by_libreoffice(legacy_doc):
    assert legacy_doc.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a real compound file
    doc = load_document(legacy_doc)
    assert doc.format == "doc" and "须使用市建材公司" in doc.text and doc.title.startswith("关于加强建材市场管理")


def test_wps_is_converted_by_libreoffice(legacy_doc, tmp_path):
    # WPS Office's .wps is the same compound-file word-processing format.
    wps = tmp_path / "草案.wps"
    wps.write_bytes(legacy_doc.read_bytes())
    doc = load_document(wps)
    assert doc.format == "wps" and "须使用市建材公司" in doc.text


def test_os_reasons_are_said_in_chinese(tmp_path):
    from workbench.log import BundleError, ReviewLog

    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)  # ELOOP: the OS would say "Too many levels of symbolic links"
    message = message_for(loop)
    assert "链接" in message and "symbolic" not in message
    with ReviewLog.open(tmp_path / "log.sqlite3") as log, pytest.raises(BundleError) as info:
        log.import_bundle(tmp_path / "none.bundle")
    assert "不存在" in info.value.message and "No such file" not in info.value.message
