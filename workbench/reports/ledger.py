"""A printed ledger other than the review register: the 清理结果 table and the 评查台账.

A ``Ledger`` has what the register's .xlsx writer and printed layout read off a
``Register`` (``columns``, ``cells(row)``, ``heading``, ``bureau``, ``period``,
``filter_text``, ``totals().text()``, ``made_text()``, ``furniture``), plus its own
column widths. So both are printed (``workbench.gui.printing.ledger``) and exported
exactly like the review register.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workbench.reports.layout import NO_FURNITURE, PageFurniture, cn_date


@dataclass(frozen=True)
class _Totals:
    line: str

    def text(self) -> str:
        return self.line


@dataclass(frozen=True)
class Ledger:
    title: str
    columns: tuple[str, ...]
    rows: list[dict]
    bureau: str = ""
    period: str = ""
    filter_text: str = ""
    totals_line: str = ""
    made: date | None = None
    weights: dict = field(default_factory=dict)  # relative column widths when printed
    xlsx_widths: dict = field(default_factory=dict)  # Excel widths (≈ Latin characters)
    centred: frozenset = frozenset({"序号"})  # columns printed centred
    sheet: str = ""  # the Excel sheet's name
    furniture: PageFurniture = NO_FURNITURE  # footer lines and notes every printed document carries

    @property
    def heading(self) -> str:
        return f"{self.bureau}{self.title}" if self.bureau else self.title

    def cells(self, row: dict) -> list[str]:
        return ["" if row.get(c) is None else str(row.get(c)) for c in self.columns]

    def totals(self) -> _Totals:
        return _Totals(self.totals_line)

    def made_text(self) -> str:
        return cn_date(self.made or date.today())
