"""Plain-text drafts: the encoding is decided by evidence in the bytes, never assumed.

Offices save .txt as UTF-8 (with or without BOM), GB18030/GBK or UTF-16. In order:

1. a byte-order mark says it outright;
2. UTF-16 without a BOM only when the zero bytes say so clearly (ASCII
   characters such as line breaks leave a zero in the same half of every pair);
3. UTF-8, strictly: GBK bytes almost never form valid UTF-8. A few stray bytes
   (a copy cut short, one bad sector) are tolerated only when the rest is
   clearly UTF-8 (many valid multi-byte characters); they become "�" and the
   user is told where;
4. GB18030 (a superset of GBK and GB2312), with the same small tolerance.

Text that is mostly undecodable is refused: reviewing garbage would report a
draft as clean. Never fall back to an encoding that merely decodes without
error (any even-length byte string "decodes" as UTF-16).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from workbench.errors import InputError

_CONTROL_OK = {0x09, 0x0A, 0x0C, 0x0D, 0x1A}
REPLACEMENT = "\ufffd"
_REPLACEMENT_RUN = re.compile("\ufffd+")
SAMPLE_BYTES = 64 * 1024  # enough pairs to see a zero-byte pattern


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the label shown to the user
    bad_bytes: int = 0  # places with stray bytes, shown as U+FFFD
    first_bad_line: int | None = None


def tolerated(bad: int, size: int) -> bool:
    """A few stray bytes: at most 3, or one per 1,000 bytes of the file."""
    return bad <= max(3, size // 1000)


def _strict_or_counted(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode, replacing undecodable bytes; returns (text, number of places with bad bytes).

    One stray byte inside a multi-byte character spoils the bytes around it
    too: a run of replacement characters counts as one place.
    """
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    # A NUL character is no text: a damaged or misaligned spot, counted like an undecodable byte.
    text = text.replace("\x00", REPLACEMENT)
    if REPLACEMENT not in text:
        return text, 0
    places = len(_REPLACEMENT_RUN.findall(text))
    # Replacement characters that were in the file as such are not errors.
    original = data.count(REPLACEMENT.encode("utf-8")) if encoding.startswith("utf-8") else 0
    return text, max(0, places - original)


def _utf16_by_zeros(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when zeros fall clearly in one half of the byte pairs."""
    sample = data[: SAMPLE_BYTES - SAMPLE_BYTES % 2]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    # At least 2 zeros and 1 % of the pairs on one side, far fewer on the other
    # (a CJK character U+xx00 puts a zero there too, about 1 in 256).
    need = max(2, pairs // 100)
    if odd_zero >= need and even_zero * 2 < odd_zero:
        return "utf-16-le"
    if even_zero >= need and odd_zero * 2 < even_zero:
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    """Mostly characters a Chinese draft is written in (not stray symbols from a wrong decode)."""
    sample = text[:20000]
    if not sample:
        return True
    good = 0
    for ch in sample:
        o = ord(ch)
        if (32 <= o < 127 or o in _CONTROL_OK or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
                or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0x00A0 <= o <= 0x00FF
                or 0x2460 <= o <= 0x24FF or 0x3400 <= o <= 0x4DBF or o == 0xFFFD):
            good += 1
    return good >= 0.9 * len(sample)


def _is_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ord(ch) not in _CONTROL_OK)
    return bad > max(2, len(sample) // 200)


def _multibyte_chars(text: str) -> int:
    return sum(1 for ch in text[:200000] if ord(ch) > 127 and ch != REPLACEMENT)


def _first_bad_line(text: str) -> int | None:
    at = text.find(REPLACEMENT)
    return None if at < 0 else text.count("\n", 0, at) + 1


def _result(text: str, label: str, bad: int) -> Decoded:
    return Decoded(text, label, bad, _first_bad_line(text) if bad else None)


def decode(data: bytes, path: str = "") -> Decoded:
    """Decide the encoding of a text file's bytes; raises InputError for binary or undecodable data."""
    if data.startswith(codecs.BOM_UTF8):
        text, bad = _strict_or_counted(data[3:], "utf-8")
        if tolerated(bad, len(data)) and not _is_binary(text):
            return _result(text, "UTF-8（带BOM）", bad)
        raise _undecodable(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        text, bad = _strict_or_counted(data[2:], enc)
        if tolerated(bad, len(data)) and not _is_binary(text) and _plausible(text):
            return _result(text, "UTF-16", bad)
        raise _undecodable(path)

    utf16 = _utf16_by_zeros(data)
    if utf16:
        text, bad = _strict_or_counted(data, utf16)
        if tolerated(bad, len(data)) and not _is_binary(text) and _plausible(text):
            return _result(text, "UTF-16", bad)

    if b"\x00" in data[:SAMPLE_BYTES]:
        raise _binary(path)

    text, bad = _strict_or_counted(data, "utf-8")
    if bad == 0:
        if _is_binary(text):
            raise _binary(path)
        return _result(text, "UTF-8", 0)
    # Stray bytes in what is otherwise clearly UTF-8 (20 good characters for each bad one).
    if tolerated(bad, len(data)) and _multibyte_chars(text) >= 20 * bad and not _is_binary(text):
        return _result(text, "UTF-8", bad)

    text, bad = _strict_or_counted(data, "gb18030")
    if tolerated(bad, len(data)) and not _is_binary(text) and _plausible(text):
        return _result(text, "GB18030/GBK", bad)
    if _is_binary(data[:4096].decode("latin-1")):
        raise _binary(path)
    raise _undecodable(path)


def _binary(path: str) -> InputError:
    return InputError(path, "这不是文本文件（内容是二进制数据）", "请确认选择的是草案文件；Word 文档请直接打开 .docx")


def _undecodable(path: str) -> InputError:
    return InputError(
        path, "文件的大部分文字无法识别（不是 UTF-8、GB18030/GBK 或 UTF-16 编码，或已损坏），为免把乱码当作草案审查，没有打开",
        "请用记事本或 WPS 打开核对，另存为 UTF-8 编码的 .txt 后再打开",
    )


def decode_text(data: bytes, path: str = "") -> tuple[str, str]:
    """Return (text, encoding label) for the bytes of a text file."""
    decoded = decode(data, path)
    return decoded.text, decoded.encoding


def read_text_file(path: str, data: bytes):
    from workbench.intake.model import Document

    decoded = decode(data, path)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace(REPLACEMENT, "").strip():
        raise InputError(path, "文件没有任何文字", "请确认文件内容后重新打开")
    items = [(line, {}) for line in text.split("\n")]
    doc = Document.from_paragraphs(path, items, "txt", encoding=decoded.encoding)
    if decoded.bad_bytes:
        doc.notes.append(
            f"文件中有 {decoded.bad_bytes} 处无法识别的字节（第一处在第 {decoded.first_bad_line} 行），"
            f"已按 {decoded.encoding} 读取并以“�”代替：请与原件核对这几处文字。"
        )
    return doc
