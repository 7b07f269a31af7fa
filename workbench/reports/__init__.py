"""Reports built from the review log (no Qt here; ``workbench.gui.printing`` prints them).

- the register (审查台账): ``build_register`` → ``Register``; ``write_register_xlsx``;
- opinion letters (意见书): ``build_letter`` → ``Letter``; ``write_letter_docx``;
- the year's figures (年度统计): ``year_stats`` → ``YearStats`` (tables, JSON, the
  paragraph for the annual report).

Page layout and fonts for all of them: ``workbench.reports.layout``.
"""

from workbench.reports.letter import LETTER_TITLES, Block, Letter, build_letter
from workbench.reports.register import Register, RegisterTotals, as_register, build_register, register_totals
from workbench.reports.stats import Section, YearStats, annual_paragraph, year_stats

from workbench.printed_notes import log_furniture  # noqa: E402 (after the builders it prints on)
from workbench.reports.layout import add_furniture  # noqa: E402

add_furniture(log_furniture)  # the check code and missing rule packs on every printed page


def write_register_xlsx(register, path):
    """The register as .xlsx (openpyxl is imported only when this is called)."""
    from workbench.reports.xlsx import write_register_xlsx as write

    return write(register, path)


def write_letter_docx(letter, path):
    """The letter as .docx."""
    from workbench.reports.docx import write_letter_docx as write

    return write(letter, path)


__all__ = [
    "Register", "RegisterTotals", "build_register", "register_totals", "as_register", "write_register_xlsx",
    "Letter", "Block", "LETTER_TITLES", "build_letter", "write_letter_docx",
    "YearStats", "Section", "year_stats", "annual_paragraph",
]
