"""Read issued documents and closed decisions off their files, for the stock registers.

The same intake as a draft (``workbench.intake.load_document``); then what a register
needs: for an issued document its 施行日期 and 有效期 (``workbench.stock.validity``), for a
case file the party (当事人). A folder is read in name order, every supported file in
it and its sub-folders; a file that cannot be read is reported by name and skipped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import InputError
from workbench.intake import SUPPORTED_SUFFIXES, Document, load_document
from workbench.intake.metadata import DOC_NUMBER_RE
from workbench.log.stock import FileInput
from workbench.progress import NO_PROGRESS, Progress
from workbench.stock.validity import read_validity

# 当事人：某某有限公司 / 当事人名称: … / 被处罚单位：…
_PARTY_RE = re.compile(r"(?:当事人(?:名称|姓名)?|被处罚(?:单位|人))\s*[:：]\s*(?P<name>[^\n，,；;。]{2,40})")
_ORG_SUFFIXES = ("有限公司", "有限责任公司", "股份公司", "公司", "厂", "合作社", "中心", "医院", "学校", "经营部", "门市部", "店", "场")


@dataclass
class ReadFile:
    path: Path
    document: Document | None
    record: FileInput | None
    error: str = ""


def files_in(target) -> list[Path]:
    """The files to read: ``target`` itself, or every supported file under the folder, in name order."""
    target = Path(target).expanduser()
    if target.is_dir():
        return sorted(p for p in target.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                      and not p.name.startswith(("~$", ".")))
    return [target]


def issued_fields(doc: Document) -> dict:
    v = read_validity(doc)
    return {
        "title": doc.title, "doc_number": doc.doc_number, "organ": doc.organ, "issued": doc.date,
        "effective": v.effective, "expires": v.expires, "validity": v.stated, "provisional": v.provisional,
    }


def case_fields(doc: Document) -> dict:
    return {"title": doc.title, "doc_number": doc.doc_number, "party": read_party(doc), "organ": doc.organ,
            "decided": doc.date}


def read_party(doc: Document) -> str:
    """The party a decision is addressed to: 当事人：…, else the first line naming an organisation."""
    for i in range(min(len(doc.paragraphs), 40)):
        line = re.sub(r"[ \u3000]", "", doc.paragraph_text(i))  # “当 事 人：…” has stray spaces
        m = _PARTY_RE.search(line)
        if m:
            return re.sub(r"^(?:当事人|名称)[:：]", "", m.group("name").strip())
    for i in range(min(len(doc.paragraphs), 12)):
        # "豫0927环罚决字〔2025〕6号台前县宏轩电器厂": a web page ran the 文号 and the party together.
        line = DOC_NUMBER_RE.sub("", doc.paragraph_text(i).replace(" ", "")).strip().rstrip("：:")
        if 4 <= len(line) <= 40 and line.endswith(_ORG_SUFFIXES) and "局" not in line[-3:]:
            return line
    return ""


def read_files(paths, kind: str, progress: Progress = NO_PROGRESS, first: float = 0.0, last: float = 1.0) -> list[ReadFile]:
    """Read each file (``kind``: "normative" for issued documents, "enforcement" for case files)."""
    fields = issued_fields if kind == "normative" else case_fields
    out = []
    paths = list(paths)
    for n, path in enumerate(paths):
        progress.step(f"正在读取 {path.name}（{n + 1}/{len(paths)}）", first + (last - first) * n / max(len(paths), 1))
        try:
            data = path.read_bytes()
            doc = load_document(path, kind)
        except InputError as exc:
            out.append(ReadFile(path, None, None, exc.message))
            continue
        except OSError as exc:
            out.append(ReadFile(path, None, None, f"无法读取“{path}”（{exc.strerror or exc}）"))
            continue
        out.append(ReadFile(path, doc, FileInput(path.name, data, hashlib.sha256(data).hexdigest(), fields(doc))))
    return out


def parse_stored(file_name: str, data: bytes, kind: str) -> Document:
    """A document kept in the log, read by the same intake as when it was registered."""
    from workbench.workspace import Workspace

    return Workspace.parse_stored(file_name, data, kind)
