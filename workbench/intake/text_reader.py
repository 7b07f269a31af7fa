"""Plain-text drafts: the encoding is detected from the bytes, never assumed.

Offices save .txt as UTF-8 (with or without BOM), GB18030/GBK or UTF-16. UTF-8
is tried strictly first because GBK bytes almost never form valid UTF-8, then
UTF-16 (by BOM, or by the pattern of zero bytes), then GB18030, a superset of
GBK and GB2312. A file with stray zero or control bytes is a binary file.
"""

from __future__ import annotations

import codecs

from workbench.errors import InputError

_CONTROL_OK = {0x09, 0x0A, 0x0C, 0x0D, 0x1A}


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sum(1 for b in sample[0::2] if b == 0)
    odd_zero = sum(1 for b in sample[1::2] if b == 0)
    half = len(sample) / 2
    # ASCII-heavy UTF-16 has zeros in one byte of every pair; Chinese UTF-16
    # has few zeros at all, so also accept a clean decode of an even length.
    if odd_zero > 0.3 * half and even_zero < 0.05 * half:
        return "utf-16-le"
    if even_zero > 0.3 * half and odd_zero < 0.05 * half:
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ord(ch) not in _CONTROL_OK)
    return bad > max(2, len(sample) // 200)


def decode_text(data: bytes, path: str = "") -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of a text file."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"]
        guess16 = _looks_utf16(data)
        if guess16:
            candidates.append(guess16)
        candidates.append("gb18030")
        if len(data) % 2 == 0 and not guess16:
            candidates.append("utf-16-le")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or _is_binary(text):
            continue
        label = {"utf-8-sig": "UTF-8（带BOM）", "utf-8": "UTF-8", "gb18030": "GB18030/GBK"}.get(enc, "UTF-16")
        return text, label
    if b"\x00" in data[:4096] or _is_binary(data[:4096].decode("latin-1")):
        raise InputError(path, "这不是文本文件（内容是二进制数据）", "请确认选择的是草案文件；Word 文档请直接打开 .docx")
    raise InputError(path, "无法识别文件的文字编码", "请用记事本或 WPS 将其另存为 UTF-8 编码的 .txt 后再打开")


def read_text_file(path: str, data: bytes):
    from workbench.intake.model import Document

    text, encoding = decode_text(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "文件没有任何文字", "请确认文件内容后重新打开")
    items = [(line, {}) for line in text.split("\n")]
    return Document.from_paragraphs(path, items, "txt", encoding=encoding)
