"""PDF drafts: the text layer (pypdf); a scanned PDF, which has none, is read by offline OCR."""

from __future__ import annotations

from workbench.errors import InputError
from workbench.intake.model import Document


def read_pdf(path: str, progress=None) -> Document:
    import logging

    from pypdf import PdfReader

    # pypdf logs its repairs ("EOF marker not found") to the console; the user
    # gets one Chinese message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR + 10)
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise InputError(path, "PDF 设置了打开密码", "请取得未加密的版本，或在阅读器中去除密码后另存")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError, RecursionError, ZeroDivisionError) as exc:
        raise InputError(path, "PDF 文件已损坏，无法读取", "请重新导出 PDF，或改用 Word 版本") from None
    except NotImplementedError:
        # pypdf has no decoder for the filter (compression) this file uses.
        raise InputError(path, "PDF 使用了本程序无法解码的压缩方式", "请用其他软件重新导出（另存为）PDF，或改用 Word 版本") from None
    items: list[tuple[str, dict]] = []
    for page in pages:
        items.extend((line, {}) for line in page.replace("\r", "").split("\n"))
    if not "".join(pages).strip():
        return _read_scanned(path, len(pages), progress)
    return Document.from_paragraphs(path, items, "pdf")


def _read_scanned(path: str, pages: int, progress) -> Document:
    from workbench.intake.ocr import read_scanned_pdf
    from workbench.progress import NO_PROGRESS

    recognised = read_scanned_pdf(path, pages, progress or NO_PROGRESS)
    items = [(line, {}) for page in recognised.pages for line in page]
    if not any(line.strip() for line, _ in items):
        raise InputError(path, "PDF 没有文字层，文字识别也没有认出文字（扫描件可能太模糊或是空白页）", "请重新扫描或取得 Word 版本后再打开")
    doc = Document.from_paragraphs(path, items, "pdf")
    doc.ocr_confidence = recognised.confidence
    doc.notes.insert(0, f"OCR 识别文字（扫描件，平均置信度 {recognised.confidence:.0f}%）：可能有错字，请与原件核对后再下结论。")
    return doc
