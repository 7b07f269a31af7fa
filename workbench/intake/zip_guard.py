"""Unpack a .docx safely: bytes are counted as they inflate, never trusted from the zip.

A zip declares each member's size, and a hostile one lies (4 MB declaring
1,000 bytes inflated to 2.1 GB inside python-docx). So python-docx never sees
the original zip: the XML parts are inflated here in small chunks, counting
the bytes and stopping at the cap, into a new uncompressed zip in memory that
python-docx then reads. Parts that are not XML (images, embedded objects)
carry no text: they are left empty and never inflated.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from workbench.errors import InputError
from workbench.intake.limits import MAX_XML_BYTES

CHUNK = 64 * 1024
CONTENT_TYPES = "[Content_Types].xml"
_DEFAULT = re.compile(rb'<(?:\w+:)?Default\b[^>]*?Extension="([^"]*)"[^>]*?ContentType="([^"]*)"', re.I)
_DEFAULT_REV = re.compile(rb'<(?:\w+:)?Default\b[^>]*?ContentType="([^"]*)"[^>]*?Extension="([^"]*)"', re.I)
_OVERRIDE = re.compile(rb'<(?:\w+:)?Override\b[^>]*?PartName="([^"]*)"[^>]*?ContentType="([^"]*)"', re.I)
_OVERRIDE_REV = re.compile(rb'<(?:\w+:)?Override\b[^>]*?ContentType="([^"]*)"[^>]*?PartName="([^"]*)"', re.I)

_REMEDY = "请在 Word/WPS 中打开并另存为新的 .docx 后再试"


def too_big(path: str) -> InputError:
    return InputError(path, f"文件解压后超过 {MAX_XML_BYTES // 1024 // 1024} MB 文字内容，可能是损坏或恶意构造的文件", _REMEDY)


class _Budget:
    def __init__(self, path: str):
        self.path, self.left = path, MAX_XML_BYTES

    def inflate(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        out = bytearray()
        with zf.open(info) as member:
            while chunk := member.read(CHUNK):  # each read inflates at most CHUNK bytes
                self.left -= len(chunk)
                if self.left < 0:
                    raise too_big(self.path)
                out += chunk
        return bytes(out)


def _is_xml(name: str, defaults: dict[str, str], overrides: dict[str, str]) -> bool:
    content_type = overrides.get("/" + name.lower())
    if content_type is None:
        content_type = defaults.get(name.rsplit(".", 1)[-1].lower() if "." in name else "", "")
    return content_type.endswith("xml") or name.lower().endswith((".xml", ".rels"))


def safe_package(path: str) -> io.BytesIO:
    """The .docx at ``path`` rebuilt with only its XML parts, inflated under the cap.

    Raises InputError for a file that is not a zip, lacks the body, lies about
    its sizes or inflates past ``MAX_XML_BYTES``.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as rebuilt:
        for name, data in safe_parts(path).items():
            rebuilt.writestr(name, data)
    out.seek(0)
    return out


def safe_parts(path: str) -> dict[str, bytes]:
    """The members of the .docx at ``path`` by name, in the zip's order: XML parts inflated
    under the cap, the others empty. The same checks and refusals as ``safe_package``."""
    budget = _Budget(path)
    parts: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            names = {i.filename for i in zf.infolist()}
            if "word/document.xml" not in names:
                raise InputError(path, "文件不是 Word 文档（缺少正文部分）", "请在 Word/WPS 中打开并另存为 .docx 后再试")
            types = budget.inflate(zf, zf.getinfo(CONTENT_TYPES)) if CONTENT_TYPES in names else b""
            defaults = {e.decode("utf-8", "replace").lower(): t.decode("utf-8", "replace") for e, t in _DEFAULT.findall(types)}
            defaults.update({e.decode("utf-8", "replace").lower(): t.decode("utf-8", "replace") for t, e in _DEFAULT_REV.findall(types)})
            overrides = {p.decode("utf-8", "replace").lower(): t.decode("utf-8", "replace") for p, t in _OVERRIDE.findall(types)}
            overrides.update({p.decode("utf-8", "replace").lower(): t.decode("utf-8", "replace") for t, p in _OVERRIDE_REV.findall(types)})
            main_type = overrides.get("/word/document.xml", "")
            if "macroEnabled" in main_type:
                raise InputError(path, "这是启用宏的 Word 文档（.docm），扩展名却是 .docx", "请在 Word/WPS 中打开，另存为“Word 文档（*.docx）”后再打开")
            if "template" in main_type:
                raise InputError(path, "这是 Word 模板（.dotx/.dotm），不是文档", "请在 Word/WPS 中用该模板新建文档，另存为 .docx 后再打开")
            for info in zf.infolist():
                if info.is_dir() or info.filename in parts:
                    continue
                if info.filename == CONTENT_TYPES:
                    data = types
                elif _is_xml(info.filename, defaults, overrides):
                    data = budget.inflate(zf, info)
                else:
                    data = b""  # an image or embedded object: no text to read
                parts[info.filename] = data
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError,
            RuntimeError):
        # zlib.error: damaged deflate data; RuntimeError: an encrypted member; NotImplementedError: an unknown
        # compression method.
        raise InputError(path, "文件已损坏，或不是 .docx 格式的 Word 文档", _REMEDY) from None
    return parts
