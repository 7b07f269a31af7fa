"""Hostile and malformed input files, made from scratch (shared by the corpus tests and bench/)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from docx import Document as NewDocx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def good_docx_bytes(text: str = "关于加强排污单位管理的通知\n一、排污单位须经本局批准后方可排放污染物。") -> bytes:
    d = NewDocx()
    for line in text.split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def replace_parts(data: bytes, parts: dict[str, bytes | None]) -> bytes:
    """A copy of the .docx ``data`` with parts replaced (None removes a part)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in parts:
                continue
            dst.writestr(info.filename, src.read(info))
        for name, content in parts.items():
            if content is not None:
                dst.writestr(name, content)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def lying_zip(path: Path, inflated_mb: int = 200, declared: int = 1000) -> Path:
    """A .docx whose word/document.xml inflates to ``inflated_mb`` MB but declares ``declared`` bytes,
    with the CRC of the declared bytes, so the zip itself looks consistent."""
    body = b"<w:p><w:r><w:t>" + "正文。".encode() * 300 + b"</w:t></w:r></w:p>"
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
    total = inflated_mb * 1024 * 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed, written, first = [], 0, b""
    block = head + body * 200
    while written < total:
        compressed.append(compressor.compress(block))
        if len(first) < declared:
            first += block[: declared - len(first)]
        written += len(block)
    compressed.append(compressor.flush())
    deflated = b"".join(compressed)
    crc = zlib.crc32(first[:declared])
    name = b"word/document.xml"
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated), declared, len(name), 0) + name
    rest = replace_parts(good_docx_bytes(), {"word/document.xml": None})
    # Put our member first, then the other parts of a real .docx, with one central directory.
    out = io.BytesIO()
    out.write(local)
    out.write(deflated)
    entries = [(name, 0, crc, len(deflated), declared, 8)]
    with zipfile.ZipFile(io.BytesIO(rest)) as zf:
        for info in zf.infolist():
            data = zf.read(info)
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = comp.compress(data) + comp.flush()
            fname = info.filename.encode()
            offset = out.tell()
            c = zlib.crc32(data)
            out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, c, len(packed), len(data), len(fname), 0) + fname)
            out.write(packed)
            entries.append((fname, offset, c, len(packed), len(data), 8))
    cd_start = out.tell()
    for fname, offset, c, csize, usize, method in entries:
        out.write(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0, 0, c, csize, usize,
                              len(fname), 0, 0, 0, 0, 0, offset) + fname)
    cd_size = out.tell() - cd_start
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), cd_size, cd_start, 0))
    path.write_bytes(out.getvalue())
    return path
