"""案卷评查: closed decisions as case files, checked by the enforcement packs, and the year's figures.

``import_cases(log, target)`` registers every decision under a folder (same bytes twice:
one case file). ``case_findings(stock, case)`` runs the enforcement and citation packs on
the stored decision as of its own date (the law in force when it was decided) and
suggests the 评查标准 category of each finding, so the evaluator can take it over as a
problem with one action; problems found by reading the file are added by hand.
``year_figures(stock, year)`` counts files evaluated, problems by category and how many
are rectified, as an annual report gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from workbench.checking import builtin_engine
from workbench.intake import Document
from workbench.intake.metadata import reading_date
from workbench.log.stock import StockRecords
from workbench.progress import NO_PROGRESS, Progress
from workbench.rules import Finding
from workbench.stock.model import CASE_CATEGORIES, CASE_CATEGORY_LABELS, EVALUATION_CONCLUSIONS, EVALUATION_LABELS, CaseFile
from workbench.stock.reading import files_in, parse_stored, read_files

CASE_REVIEWS = ("enforcement", "citation")
# The 评查标准 category a finding of each (review, category) belongs to. Catalogue
# findings say the decision needed legal review: not a defect of the file by themselves.
_SUGGESTED = {
    ("enforcement", "required_element"): "document",
    ("enforcement", "consistency"): "document",
    ("enforcement", "procedure"): "procedure",
    ("citation", "fine_out_of_range"): "discretion",
}
_SKIPPED = {("enforcement", "catalogue")}


@dataclass(frozen=True)
class ImportReport:
    added: list[str]
    existing: list[str]
    errors: list[str]


def suggested_category(f: Finding) -> str:
    """程序 / 法律适用 / 文书制作 / 证据 / 裁量 for a finding (citations: 法律适用)."""
    return _SUGGESTED.get((f.review, f.category), "law" if f.review == "citation" else "document")


def import_cases(log, target, *, progress: Progress = NO_PROGRESS, actor: str | None = None) -> ImportReport:
    read = read_files(files_in(target), "enforcement", progress, 0.0, 0.9)
    ok = [r for r in read if r.record is not None]
    progress.step("正在登记案卷", 0.95)
    ids = StockRecords(log).add_cases([r.record for r in ok], actor=actor)
    return ImportReport([i for i, new in ids if new], [i for i, new in ids if not new],
                        [f"{r.path.name}：{r.error}" for r in read if r.record is None])


@lru_cache(maxsize=256)
def _parsed(file_name: str, sha256: str, data: bytes) -> Document:
    return parse_stored(file_name, data, "enforcement")


def case_document(stock: StockRecords, case: CaseFile) -> Document | None:
    stored = stock.file(case.sha256)
    return _parsed(stored[0], case.sha256, stored[1]) if stored else None


def case_findings(stock: StockRecords, case: CaseFile, doc: Document | None = None) -> list[Finding]:
    """The enforcement and citation packs' findings on a case file, as of the date it was decided."""
    doc = doc or case_document(stock, case)
    if doc is None:
        return []
    findings = builtin_engine().check(doc, as_of=reading_date(doc), reviews=CASE_REVIEWS)
    return [f for f in findings if (f.review, f.category) not in _SKIPPED]


@dataclass(frozen=True)
class CaseYearFigures:
    year: int
    registered: int
    evaluated: int
    problems: int
    by_category: dict[str, int]  # label → count, every category
    rectified: int
    by_conclusion: dict[str, int]  # label → count

    @property
    def pending(self) -> int:
        return self.problems - self.rectified

    def paragraph(self) -> str:
        """The sentence for the annual report."""
        if not self.evaluated:
            return f"{self.year}年未开展案卷评查（登记案卷{self.registered}件）。"
        kinds = "、".join(f"{k}{v}个" for k, v in self.by_category.items() if v)
        text = f"{self.year}年共评查行政执法案卷{self.evaluated}件，发现问题{self.problems}个"
        if kinds:
            text += f"（{kinds}）"
        text += f"，已整改{self.rectified}个"
        if self.pending:
            text += f"，正在整改{self.pending}个"
        conclusions = "、".join(f"{k}{v}件" for k, v in self.by_conclusion.items() if v)
        if conclusions:
            text += f"；评查结论：{conclusions}"
        return text + "。"


def year_figures(stock: StockRecords, year: int) -> CaseYearFigures:
    return figures_of(stock.cases(year), year)


def figures_of(cases: list[CaseFile], year: int) -> CaseYearFigures:
    """The figures of ``cases`` (``StockRecords.cases(year)``)."""
    evaluated = [c for c in cases if c.evaluated]
    problems = [p for c in cases for p in c.problems]
    by_category = {CASE_CATEGORY_LABELS[k]: sum(1 for p in problems if p.category == k) for k in CASE_CATEGORIES}
    by_conclusion = {EVALUATION_LABELS[k]: sum(1 for c in evaluated if c.conclusion == k) for k in EVALUATION_CONCLUSIONS}
    return CaseYearFigures(year, len(cases), len(evaluated), len(problems), by_category,
                           sum(1 for p in problems if p.rectified), by_conclusion)
