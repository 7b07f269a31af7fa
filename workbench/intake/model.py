"""The one document model every part of the workbench reads.

``Document.text`` is the original text: paragraphs joined by ``\\n`` (page
headers and footers first, then body paragraphs and table cells in reading
order, so that the body, with its signature and date, ends the text). A finding's ``start``/``end`` are offsets into it, and
``locate(offset)`` turns one into a paragraph number and column.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cached_property

from workbench.text.normalize import NormText, normalize


class DocumentKind(str, Enum):
    NORMATIVE = "normative"  # 规范性文件（及其他政策措施）
    ENFORCEMENT = "enforcement"  # 执法决定书（行政处罚决定书等）

    @property
    def label(self) -> str:
        return {"normative": "规范性文件", "enforcement": "执法决定"}[self.value]


@dataclass(frozen=True)
class Paragraph:
    start: int  # offset of the first character in Document.text
    end: int  # offset just past the last character
    source: str = "body"  # body | table | textbox | header | footer
    table: tuple[int, int, int] | None = None  # (table, row, column) for table cells
    style: str = ""  # Word style name, e.g. "Heading 1"


@dataclass
class Document:
    path: str
    text: str
    paragraphs: list[Paragraph]
    format: str  # docx | txt | pdf | doc | wps
    encoding: str | None = None  # for .txt: the encoding detected
    kind: DocumentKind | None = None
    kind_reason: str = ""
    title: str = ""
    doc_number: str = ""  # 文号, e.g. 焦环罚〔2026〕87号
    date: date | None = None  # 成文/落款日期
    organ: str = ""  # 制定或作出机关
    notes: list[str] = field(default_factory=list)  # what intake noticed (tracked changes …)
    ocr_confidence: float | None = None  # text recognised by OCR from a scan: Tesseract's mean confidence (0–100)

    @cached_property
    def norm(self) -> NormText:
        """The normalised text that rules match against (computed once)."""
        return normalize(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_index(self, offset: int) -> int:
        """0-based index of the paragraph that holds ``offset``."""
        if not self.paragraphs:
            return 0
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def locate(self, offset: int) -> tuple[int, int]:
        """(paragraph number, column), both 1-based, for an offset into ``text``."""
        i = self.paragraph_index(offset)
        start = self.paragraphs[i].start if self.paragraphs else 0
        return i + 1, offset - start + 1

    def paragraph_text(self, index: int) -> str:
        p = self.paragraphs[index]
        return self.text[p.start : p.end]

    @classmethod
    def from_paragraphs(cls, path: str, items: list[tuple[str, dict]], fmt: str, **kw) -> "Document":
        """Build a document from (paragraph text, Paragraph keyword args) pairs."""
        parts: list[str] = []
        paragraphs: list[Paragraph] = []
        pos = 0
        for text, attrs in items:
            paragraphs.append(Paragraph(pos, pos + len(text), **attrs))
            parts.append(text)
            pos += len(text) + 1
        return cls(path=path, text="\n".join(parts), paragraphs=paragraphs, format=fmt, **kw)
