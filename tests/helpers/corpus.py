"""The bad-input corpus: named hostile or malformed files, and a seeded fuzzing generator.

Each named case makes its file and says what the program promises for it:
``reads`` (a Document comes back, with the words given) or ``refuses`` (an
InputError whose message has the words given). The fuzzer mutates good
drafts of every format with a fixed seed, so a failure is reproduced by its
number; its only promise is the general one: a Document or an InputError,
never another exception.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.helpers.bad_files import W, good_docx_bytes, lying_zip, part, replace_parts
from tests.helpers.review_log import NOTICE


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]
    outcome: str  # "reads" | "refuses"
    words: str  # in the text (reads) or in the message (refuses)


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _docx_with(parts: dict[str, bytes | None], name: str = "draft.docx") -> Callable[[Path], Path]:
    return lambda folder: _write(name, replace_parts(good_docx_bytes(NOTICE), parts))(folder)


def _types_with(old: str, new: str) -> bytes:
    return part(good_docx_bytes(), "[Content_Types].xml").decode().replace(old, new).encode()


def _zip_method(method: int) -> bytes:
    """A .docx whose body member claims a compression method zipfile does not know."""
    data = bytearray(good_docx_bytes(NOTICE))
    at = data.find(b"word/document.xml")
    local = data.rfind(b"PK\x03\x04", 0, at)
    struct.pack_into("<H", data, local + 8, method)
    for offset in _all(data, b"PK\x01\x02"):
        name_len = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<H", data, offset + 10, method)
    return bytes(data)


def _all(data: bytes, needle: bytes):
    at = data.find(needle)
    while at >= 0:
        yield at
        at = data.find(needle, at + 1)


def _pdf() -> bytes:
    """A PDF with one blank page: no text layer, nothing for OCR to find."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _lying(folder: Path) -> Path:
    return lying_zip(folder / "liar.docx", inflated_mb=8)


DRAFT_UTF8 = NOTICE.encode("utf-8")

NAMED: tuple[Case, ...] = (
    Case("empty.txt", _write("empty.txt", b""), "refuses", "0 字节"),
    Case("spaces.txt", _write("spaces.txt", b" \n\t\n"), "refuses", "没有任何文字"),
    Case("nul.txt", _write("nul.txt", b"\x00" * 4096), "refuses", "二进制"),
    Case("binary.txt", _write("binary.txt", bytes(range(256)) * 32), "refuses", "二进制"),
    Case("utf8-stray-byte.txt", _write("stray.txt", DRAFT_UTF8[:40] + b"\xff" + DRAFT_UTF8[40:]), "reads", "排污单位"),
    Case("utf8-bom.txt", _write("bom.txt", b"\xef\xbb\xbf" + DRAFT_UTF8), "reads", "排污单位"),
    Case("utf16be-no-bom.txt", _write("be.txt", NOTICE.encode("utf-16-be")), "reads", "排污单位"),
    Case("utf16le-bom.txt", _write("le.txt", b"\xff\xfe" + NOTICE.encode("utf-16-le")), "reads", "排污单位"),
    Case("gbk.txt", _write("gbk.txt", NOTICE.encode("gbk")), "reads", "排污单位"),
    Case("noise.txt", _write("noise.txt", bytes(random.Random(1).randrange(0x80, 0x100) for _ in range(3000))), "refuses", "无法识别"),
    Case("half-damaged-utf8.txt", _write("half.txt", bytes(b if i % 7 else 0xFF for i, b in enumerate(DRAFT_UTF8 * 4))), "refuses", "无法识别"),
    Case("docx-not-zip.docx", _write("notzip.docx", b"hello, this is not a zip" * 20), "refuses", "不是有效的"),
    Case("zip-without-body.docx", _write("nobody.docx", replace_parts(good_docx_bytes(), {"word/document.xml": None})), "refuses", "缺少正文"),
    Case("broken-xml.docx", _docx_with({"word/document.xml": b"<w:document><w:body><w:p>"}), "refuses", "XML 格式错误"),
    Case("empty-document-element.docx", _docx_with({"word/document.xml": f"<w:document {W}/>".encode()}), "refuses", "正文"),
    Case("docm-renamed.docx", _docx_with({"[Content_Types].xml": _types_with("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")}), "refuses", "启用宏"),
    Case("dotx-renamed.docx", _docx_with({"[Content_Types].xml": _types_with("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml")}), "refuses", "模板"),
    Case("lying-zip.docx", _lying, "refuses", "Word"),
    Case("unknown-compression.docx", _write("method.docx", _zip_method(99)), "refuses", "已损坏"),
    Case("truncated.docx", _write("cut.docx", good_docx_bytes(NOTICE)[:1500]), "refuses", "已损坏"),
    Case("encrypted-office.docx", _write("enc.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024), "refuses", "密码"),
    Case("pdf-truncated.pdf", _write("cut.pdf", _pdf()[:200]), "refuses", "PDF"),
    Case("pdf-garbage.pdf", _write("garbage.pdf", b"%PDF-1.7\n" + bytes(random.Random(2).randrange(256) for _ in range(2000))), "refuses", "PDF"),
    Case("pdf-blank-scan.pdf", _write("blank.pdf", _pdf()), "refuses", "PDF"),
    Case("pdf-named-docx.docx", _write("pdf.docx", _pdf()), "refuses", "PDF"),
)


# -- fuzzing -------------------------------------------------------------------------

def _seeds() -> list[tuple[str, bytes]]:
    return [
        ("docx", good_docx_bytes(NOTICE)),
        ("txt", DRAFT_UTF8),
        ("txt", NOTICE.encode("gbk")),
        ("txt", b"\xff\xfe" + NOTICE.encode("utf-16-le")),
    ]


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    how = rng.randrange(4)
    if how == 0:  # flip some bytes
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how == 1:  # cut short
        data = data[: rng.randrange(1, len(data))]
    elif how == 2:  # insert junk
        at = rng.randrange(len(data))
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    else:  # repeat a slice
        a = rng.randrange(len(data))
        b = min(len(data), a + rng.randint(1, 400))
        data[a:a] = data[a:b] * rng.randint(1, 5)
    return bytes(data)


def _mutate_docx_xml(rng: random.Random, data: bytes) -> bytes:
    """Keep the zip valid, damage one XML part inside it (the hard case: no BadZipFile to catch)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = [n for n in zf.namelist() if n.endswith((".xml", ".rels"))]
    name = rng.choice(names)
    return replace_parts(data, {name: _mutate_bytes(rng, part(data, name))})


def fuzzed(folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` mutated drafts written to ``folder``; the same files for the same seed."""
    rng = random.Random(seed)
    seeds = _seeds()
    out = []
    for i in range(count):
        fmt, data = seeds[i % len(seeds)]
        if fmt == "docx" and rng.random() < 0.7:
            data = _mutate_docx_xml(rng, data)
        else:
            data = _mutate_bytes(rng, data)
        path = folder / f"fuzz{i:03d}.{fmt}"
        path.write_bytes(data)
        out.append(path)
    return out


__all__ = ["NAMED", "Case", "fuzzed"]
