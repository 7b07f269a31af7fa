"""Document intake: any supported file → one ``Document`` (no Qt here).

``load_document`` is the one entry point. Every expected failure is an
``InputError`` naming the file and what to do.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workbench.errors import InputError, os_reason
from workbench.intake.limits import MAX_FILE_BYTES, MAX_TEXT_CHARS, MAX_TEXT_FILE_BYTES
from workbench.intake.metadata import detect_kind, read_metadata
from workbench.intake.model import Document, DocumentKind, Paragraph

__all__ = ["load_document", "load_stored", "document_from_text", "Document", "DocumentKind", "Paragraph", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".docx", ".txt", ".pdf", ".doc", ".wps")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, .wps, encrypted .docx
_ZIP_MAGIC = b"PK\x03\x04"


def _sniff(path: str, head: bytes) -> str:
    """The real format from the first bytes; the suffix only breaks ties."""
    suffix = Path(path).suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        return "docx"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(_CFB_MAGIC):
        return "cfb"
    if suffix in (".docx", ".pdf", ".doc", ".wps"):
        return "broken" + suffix
    return "txt"


def _is_encrypted_office(path: str) -> bool:
    # An encrypted .docx is a compound file holding an "EncryptedPackage" stream;
    # its directory names are UTF-16. A legacy .doc has none.
    with open(path, "rb") as fh:
        data = fh.read(2 * 1024 * 1024)
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def load_document(path: str | os.PathLike, kind: DocumentKind | str | None = None, progress=None) -> Document:
    """Read a draft, fill in what can be read off it, and decide its kind.

    ``kind`` overrides the detected kind ("normative" / "enforcement");
    ``progress`` hears of slow reading (OCR of a scan, page by page) and can cancel it.
    """
    path = str(path)
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        raise InputError(path, "文件不存在", "请检查路径是否正确") from None
    except OSError as exc:
        raise InputError(path, f"无法访问文件（{os_reason(exc)}）", "请检查文件权限或是否被其他程序占用") from None
    if os.path.isdir(path):
        raise InputError(path, "这是一个文件夹，不是文件", "请选择其中的 .docx、.txt 或 .pdf 文件")
    if size == 0:
        raise InputError(path, "文件是空的（0 字节）", "请确认文件已正确保存后重新打开")
    if size > MAX_FILE_BYTES:
        raise InputError(path, f"文件太大（{size / 1024 / 1024:.0f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB）", "请确认选择的是草案文件；如确为草案，请删去其中的图片后另存再试")
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError(path, f"无法读取文件（{os_reason(exc)}）", "请检查文件权限或是否被其他程序占用") from None

    fmt = _sniff(path, head)
    if fmt == "docx":
        from workbench.intake.docx_text import read_docx

        doc = read_docx(path)
    elif fmt == "pdf":
        from workbench.intake.pdf_reader import read_pdf

        doc = read_pdf(path, progress)
    elif fmt == "cfb":
        if _is_encrypted_office(path):
            raise InputError(path, "文件设置了打开密码（已加密）", "请在 Word/WPS 中取消密码（文件→信息→保护文档）后另存，再打开")
        from workbench.intake.convert import convert_to_docx
        from workbench.intake.docx_text import read_docx

        converted, tmp = convert_to_docx(path)
        with tmp:
            doc = read_docx(str(converted))
        doc.path = path
        doc.format = Path(path).suffix.lower().lstrip(".") or "doc"
    elif fmt.startswith("broken"):
        raise InputError(path, f"文件内容不是有效的 {fmt[6:]} 格式（可能已损坏或扩展名有误）", "请在原软件中重新另存后再打开")
    else:
        if size > MAX_TEXT_FILE_BYTES:
            raise InputError(path, f"文本文件太大（{size / 1024 / 1024:.0f} MB，上限 {MAX_TEXT_FILE_BYTES // 1024 // 1024} MB）", "请确认选择的是草案文件")
        from workbench.intake.text_reader import read_text_file

        with open(path, "rb") as fh:
            doc = read_text_file(path, fh.read())

    if not doc.text.strip():
        raise InputError(path, "文件中没有可审查的文字", "请确认文件内容")
    if len(doc.text) > MAX_TEXT_CHARS:
        raise InputError(path, f"文件文字过多（{len(doc.text)} 字，上限 {MAX_TEXT_CHARS} 字）", "请确认选择的是草案文件")
    return finish(doc, kind)


def load_stored(file_name: str, data: bytes, kind: DocumentKind | str | None = None) -> Document:
    """Re-read a draft kept in the log: the same intake, so offsets match its findings."""
    with tempfile.TemporaryDirectory(prefix="workbench-") as tmp:
        path = Path(tmp, Path(file_name).name)
        path.write_bytes(data)
        doc = load_document(path, kind)
    doc.path = file_name
    return doc


def finish(doc: Document, kind: DocumentKind | str | None = None) -> Document:
    read_metadata(doc)
    if kind in (None, "auto"):
        doc.kind, doc.kind_reason = detect_kind(doc)
    else:
        doc.kind = DocumentKind(kind)
        doc.kind_reason = "由用户指定"
    return doc


def document_from_text(text: str, kind: DocumentKind | str | None = None, path: str = "<文本>") -> Document:
    """A document made from a string (rule examples, pasted text, tests)."""
    doc = Document.from_paragraphs(path, [(line, {}) for line in text.split("\n")], "txt")
    return finish(doc, kind)
