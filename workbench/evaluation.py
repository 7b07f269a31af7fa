"""Measure the rule packs on a labelled set (``workbench eval``).

Three kinds of material, as laid out in ``shared/eval/``:

- ``cases.jsonl``: clauses that inspections found in breach of the
  fair-competition standards, one JSON object a line with ``clause`` and
  ``category`` (市场准入和退出 | 商品要素自由流动 | 生产经营成本 | 生产经营行为).
  A case is *found* when any fair_competition finding fires on its clause, and
  its *category matches* when one of those findings is of an accepted category
  (see ``accepted_categories``).
- ``normative_documents/``: published documents with no known violation. What
  fires there is counted per 10,000 characters, split into findings anchored to
  a passage and whole-document findings (a missing 施行日期 …).
- ``penalty_decisions/``: published 行政处罚决定书. Each file has a header
  (``键：值`` lines up to a line of ``=``) whose ``完整性`` line says whether the
  text is complete. A missing-element finding is scored only on complete
  texts, against the labels (``workbench.evaluation_labels``: a data file in the
  source repository, not in the package); on truncated texts such findings are
  counted apart as "not scored". Other errors and warnings the labels do not call
  real are false findings; the labels' variants (real decisions edited) are run too.

Every file under ``shared/eval`` is read-only input; nothing is written.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from workbench.intake import document_from_text
from workbench.rules.engine import Engine
from workbench.rules.model import CATEGORIES, Finding

# The notices' category names → the pack's category keys.
CATEGORY_KEYS = {
    "市场准入和退出": "market_entry_exit",
    "商品要素自由流动": "free_movement",
    "商品和要素自由流动": "free_movement",
    "生产经营成本": "production_cost",
    "影响生产经营成本": "production_cost",
    "生产经营行为": "business_conduct",
    "影响生产经营行为": "business_conduct",
}
# 公平竞争审查条例 articles 8–11 → category; a notice that cites several
# articles accepts each of their categories.
_REGULATION_ARTICLES = {"第八条": "market_entry_exit", "第九条": "free_movement", "第十条": "production_cost", "第十一条": "business_conduct"}
# The 2021 实施细则 filed hindering an operator from moving out (搬迁转移,
# 退出障碍) under entry and exit; the 条例 (art. 9(1)) files it under free
# movement. We follow the 条例 and also accept the notice's own category.
_MOVING_OUT_RE = re.compile(r"搬迁转移|迁出|迁离")

SEPARATOR_RE = re.compile(r"^={6,}\s*$", re.M)
_HEADER_LINE_RE = re.compile(r"^([^：:\n]{1,30})[：:]\s*(.*)$")

# Elements of a 行政处罚决定书 and the rules that report each one missing.
ELEMENT_RULES = {
    "party_address": "enf.element.no_party_address",
    "facts": "enf.element.no_facts",
    "evidence": "enf.element.no_evidence",
    "penalty_basis": "enf.element.no_penalty_basis",
    "penalty_kind": "enf.element.no_penalty_kind",
    "performance": "enf.element.no_performance",
    "remedy": "enf.element.no_remedy",
    "organ": "enf.element.no_organ",
    "date": "enf.element.no_date",
    "statement_rights": "enf.procedure.no_statement_rights",
}
# -- input -----------------------------------------------------------------


def split_header(raw: str) -> tuple[dict[str, str], str]:
    """(header fields, body) of an eval file; no separator → ({}, raw)."""
    m = SEPARATOR_RE.search(raw)
    if not m:
        return {}, raw
    header: dict[str, str] = {}
    for line in raw[: m.start()].splitlines():
        hm = _HEADER_LINE_RE.match(line.strip())
        if hm and hm.group(1) not in header:
            header[hm.group(1).strip()] = hm.group(2).strip()
    return header, raw[m.end():].lstrip("\n")


def is_complete(header: dict[str, str]) -> bool | None:
    """True if the header's 完整性 says the text is whole; None if it says nothing."""
    value = header.get("完整性")
    if value is None:
        return None
    return value.startswith("全文")


@dataclass(frozen=True)
class Case:
    id: str
    clause: str
    category: str  # category key
    standard: str = ""
    quoted: bool = True
    alt_categories: tuple[str, ...] = ()  # other categories the collector says the clause fits
    notice: str = ""  # the notice that published it (for leave-one-notice-out)


_NOTICE_RE = re.compile(r"《([^》]+)》")


def load_cases(path: str | Path) -> list[Case]:
    cases = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        if d.get("expect") == "clean":
            continue
        cat = CATEGORY_KEYS.get(d.get("category", ""))
        if cat is None:
            raise ValueError(f"{path}:{n}: 未知的类别“{d.get('category')}”")
        alt = tuple(CATEGORY_KEYS[a] for a in d.get("alt_categories", []) if a in CATEGORY_KEYS)
        notice = d.get("notice") or (m.group(1) if (m := _NOTICE_RE.search(d.get("source", ""))) else "")
        cases.append(Case(d.get("id", f"line{n}"), d["clause"], cat, d.get("standard", ""), bool(d.get("quoted", True)), alt, notice))
    return cases


def load_clean_clauses(path: str | Path) -> list[tuple[str, str]]:
    """(id, clause) of the lawful look-alikes (``"expect": "clean"``)."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            if d.get("expect") == "clean":
                out.append((d.get("id", ""), d["clause"]))
    return out


def accepted_categories(case: Case) -> set[str]:
    """The categories a finding may have and still match the case."""
    out = {case.category} | set(case.alt_categories)
    standard = case.standard
    if "公平竞争审查条例" in standard and "实施办法" not in standard:
        out |= {cat for art, cat in _REGULATION_ARTICLES.items() if art in standard}
    if _MOVING_OUT_RE.search(standard) or (case.category == "market_entry_exit" and "退出障碍" in standard):
        out.add("free_movement")
    return out


# -- scoring ---------------------------------------------------------------


@dataclass
class CaseResult:
    case: Case
    findings: list[Finding]

    @property
    def found(self) -> bool:
        return bool(self.findings)

    @property
    def category_ok(self) -> bool:
        ok = accepted_categories(self.case)
        return any(f.category in ok for f in self.findings)


# The resemblance warning finds a development clause in the case library that
# holds it: on these sets it is measured apart, leave-one-notice-out.
RESEMBLANCE_RULE = "fc.case.resembles_published"


def frame_rule_ids(engine: Engine) -> set[str]:
    return {r.id for r in engine.rules if r.review == "fair_competition" and r.id != RESEMBLANCE_RULE}


def evaluate_cases(cases: list[Case], engine: Engine) -> list[CaseResult]:
    out = []
    frames = frame_rule_ids(engine)
    for case in cases:
        doc = document_from_text(case.clause, kind="normative", path=case.id)
        out.append(CaseResult(case, engine.check(doc, reviews=("fair_competition",), rule_ids=frames)))
    return out


_HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
EXAMPLE_RUN = 15  # characters an example may share with a clause before it counts as copied


def _runs(text: str, n: int) -> set[str]:
    return {part[i : i + n] for part in _HAN_RUN_RE.findall(text) for i in range(len(part) - n + 1)}


def quoted_by_examples(cases: list[Case], engine: Engine) -> set[str]:
    """Ids of the cases that some rule's trigger example quotes (a shared run of
    EXAMPLE_RUN Chinese characters): for them recall says nothing."""
    example_runs: set[str] = set()
    for rule in engine.rules:
        for ex in rule.trigger_examples:
            example_runs |= _runs(ex.text, EXAMPLE_RUN)
    return {c.id for c in cases if _runs(c.clause, EXAMPLE_RUN) & example_runs}


@dataclass
class LibraryResult:
    """The case library's nearest case from another notice, per development case."""
    case: Case
    nearest_id: str | None
    nearest_category: str | None
    score: float

    def right(self, threshold: float) -> bool:
        return self.score >= threshold and self.nearest_category in accepted_categories(self.case)


def evaluate_library_leave_one_notice_out(cases: list[Case]) -> list[LibraryResult]:
    from workbench.rules.caselib import WARNING_SHARED_RARE, builtin_case_library

    library = builtin_case_library()
    by_id = {c.id: c for c in library.cases}
    out = []
    for case in cases:
        notice = by_id[case.id].notice if case.id in by_id else case.notice
        found = library.nearest(case.clause, exclude_notice=notice, min_shared=WARNING_SHARED_RARE)
        out.append(LibraryResult(case, found.case.id if found else None, found.case.category if found else None, found.score if found else 0.0))
    return out


@dataclass
class Recall:
    total: int = 0
    found: int = 0
    category_ok: int = 0

    def line(self, label: str) -> str:
        if not self.total:
            return f"{label}: 无样本"
        return (f"{label}: 检出 {self.found}/{self.total} = {self.found / self.total:.0%}，"
                f"类别一致 {self.category_ok}/{self.total} = {self.category_ok / self.total:.0%}")


def recall_by_category(results: list[CaseResult]) -> dict[str, Recall]:
    out: dict[str, Recall] = defaultdict(Recall)
    for r in results:
        for key in ("all", r.case.category):
            out[key].total += 1
            out[key].found += r.found
            out[key].category_ok += r.category_ok
    return dict(out)


@dataclass
class CleanResult:
    path: str
    chars: int
    findings: list[Finding]

    @property
    def anchored(self) -> list[Finding]:
        return [f for f in self.findings if f.paragraph is not None]

    @property
    def whole_document(self) -> list[Finding]:
        return [f for f in self.findings if f.paragraph is None]


def evaluate_clean(paths: list[Path], engine: Engine, kind: str = "normative", reviews=None) -> list[CleanResult]:
    out = []
    for path in paths:
        _, body = split_header(path.read_text(encoding="utf-8"))
        doc = document_from_text(body, kind=kind, path=str(path))
        kw = {"reviews": reviews} if reviews else {}
        out.append(CleanResult(str(path), len(body), engine.check(doc, **kw)))
    return out


def per_10k(results: list[CleanResult], which: str = "anchored") -> float:
    chars = sum(r.chars for r in results)
    n = sum(len(getattr(r, which)) for r in results)
    return n * 10_000 / chars if chars else 0.0


@dataclass
class PenaltyResult:
    path: str
    complete: bool | None
    findings: list[Finding]
    expected_missing: set[str] | None  # None: not labelled
    review_required: bool = False
    review_items: list = field(default_factory=list)

    @property
    def reported_missing(self) -> set[str]:
        ids = {f.rule for f in self.findings}
        return {el for el, rule in ELEMENT_RULES.items() if rule in ids}

    @property
    def element_findings(self) -> list[Finding]:
        """Whole-document findings of missing elements (what truncation fakes)."""
        rules = set(ELEMENT_RULES.values())
        return [f for f in self.findings if f.rule in rules]


def evaluate_penalties(paths: list[Path], engine: Engine, expected: dict | None = None) -> list[PenaltyResult]:
    from workbench.catalogue import legal_review_required

    out = []
    for path in paths:
        header, body = split_header(path.read_text(encoding="utf-8"))
        doc = document_from_text(body, kind="enforcement", path=str(path))
        findings = engine.check(doc)
        complete = is_complete(header)
        required, items = legal_review_required(findings)
        out.append(PenaltyResult(str(path), complete, findings, (expected or {}).get(path.stem) if complete else None, required, items))
    return out


# -- report ----------------------------------------------------------------


def _files(path: Path, suffix: str = ".txt") -> list[Path]:
    return sorted(p for p in path.iterdir() if p.is_file() and p.suffix == suffix)


def report(target: str | Path, engine: Engine | None = None, verbose: bool = False, labels: str | Path | None = None) -> str:
    """Run whatever ``target`` holds (an eval root, a .jsonl, or a folder of .txt) and describe it.

    ``labels``: the penalty-decision labels file (default: the source repository's).
    """
    from workbench.rules import load_builtin_rules

    engine = engine or Engine(load_builtin_rules())
    target = Path(target)
    lines: list[str] = []
    if target.is_file() and target.suffix == ".jsonl":
        if load_clean_clauses(target) and not load_cases(target):
            lines += _report_lookalikes(target, engine, verbose)
        else:
            lines += _report_cases(target, engine, verbose)
    elif target.is_dir():
        fc = target / "fair_competition"
        cases = fc / "cases.jsonl"
        normative = target / "normative_documents"
        penalties = target / "penalty_decisions"
        if cases.exists() or normative.is_dir() or penalties.is_dir():
            case_files = [p for p in (cases, fc / "cases_2.jsonl") if p.exists()]
            for case_file in case_files:
                lines += _report_cases(case_file, engine, verbose)
            if (fc / "clean_lookalikes.jsonl").exists():
                lines += _report_lookalikes(fc / "clean_lookalikes.jsonl", engine, verbose)
            if case_files:
                lines += _report_library([c for p in case_files for c in load_cases(p)], fc / "clean_lookalikes.jsonl", verbose)
            if normative.is_dir():
                lines += _report_clean(normative, engine, verbose)
                lines += _report_legality(target, engine, verbose)
            if penalties.is_dir():
                lines += _report_penalties(penalties, engine, verbose, labels)
        elif target.name == "penalty_decisions":
            lines += _report_penalties(target, engine, verbose, labels)
        else:
            lines += _report_clean(target, engine, verbose)
    else:
        raise FileNotFoundError(f"“{target}”既不是 .jsonl 文件也不是文件夹")
    return "\n".join(lines)


def _report_cases(path: Path, engine: Engine, verbose: bool) -> list[str]:
    cases = load_cases(path)
    results = evaluate_cases(cases, engine)
    rec = recall_by_category(results)
    labels = CATEGORIES["fair_competition"]
    lines = [f"== 公平竞争审查：{path}（{len(results)} 个案例；只计框架规则，不计与案例库相似的提示）", rec["all"].line("全部")]
    for key, label in labels.items():
        lines.append("  " + rec.get(key, Recall()).line(f"{label}（{key}）"))
    quoted = [r for r in results if r.case.quoted]
    if len(quoted) != len(results):
        q = recall_by_category(quoted)["all"] if quoted else Recall()
        lines.append("  " + q.line("其中逐字引用的条款"))
    in_examples = quoted_by_examples(cases, engine)
    rest = [r for r in results if r.case.id not in in_examples]
    lines.append(f"  规则示例引用了其中 {len(in_examples)} 条" + (f"（{'、'.join(sorted(in_examples))}）" if in_examples else ""))
    if in_examples:
        rest_rec = recall_by_category(rest)
        lines.append("  " + rest_rec.get("all", Recall()).line("不计示例引用的条款"))
        for key, label in labels.items():
            lines.append("    " + rest_rec.get(key, Recall()).line(f"{label}"))
    missed = [r for r in results if not r.found]
    wrong = [r for r in results if r.found and not r.category_ok]
    if verbose:
        for r in results:
            mark = "✓" if r.category_ok else ("~" if r.found else "✗")
            rules = "、".join(sorted({f.rule for f in r.findings})) or "-"
            lines.append(f"  {mark} {r.case.id} [{r.case.category}] {rules}：{r.case.clause[:50]}")
    else:
        lines.append("  未检出：" + ("、".join(r.case.id for r in missed) or "无"))
        lines.append("  类别不一致：" + ("、".join(r.case.id for r in wrong) or "无"))
    return lines + [""]


def _report_lookalikes(path: Path, engine: Engine, verbose: bool) -> list[str]:
    clauses = load_clean_clauses(path)
    flagged = []
    for cid, clause in clauses:
        found = [f for f in engine.check(document_from_text(clause, kind="normative", path=cid), reviews=("fair_competition",)) if f.paragraph is not None]
        if found:
            flagged.append((cid, found))
    lines = [f"== 合法的相似条款：{path}（{len(clauses)} 条）",
             f"误报：{len(flagged)}/{len(clauses)} = {len(flagged) / len(clauses):.0%}" if clauses else "无样本"]
    for cid, found in flagged:
        lines.append(f"  {cid}：" + "、".join(sorted({f.rule for f in found})))
    return lines + [""]


def _report_library(cases: list[Case], lookalikes: Path, verbose: bool) -> list[str]:
    """The case library, leave-one-notice-out: how often the nearest case from
    another notice has the clause's category, above each threshold."""
    from workbench.rules.caselib import RESEMBLANCE_THRESHOLD, builtin_case_library

    results = evaluate_library_leave_one_notice_out(cases)
    library = builtin_case_library()
    from workbench.rules.caselib import WARNING_SHARED_RARE

    # Every look-alike counts, those with no case near enough to score too (at 0).
    clean = [s.score if (s := library.nearest(c, min_shared=WARNING_SHARED_RARE)) else 0.0
             for _, c in (load_clean_clauses(lookalikes) if lookalikes.exists() else [])]
    lines = [f"== 案例库（{len(library.cases)} 个已通报案例），逐份通报留出：每个案例只与其他通报的案例比较",
             "相似度：逐条款（在；。处切分）比较字二元组 TF-IDF 余弦，经营者名称、地名、数字先换成占位符，只定补贴金额的分句略去，IDF 兼计法规条文",
             f"当前阈值 {RESEMBLANCE_THRESHOLD:.2f}："]
    for th in sorted({0.2, 0.25, 0.3, 0.35, 0.4, RESEMBLANCE_THRESHOLD}):
        right = sum(r.right(th) for r in results)
        wrong = sum(1 for r in results if r.score >= th and not r.right(th))
        fp = sum(1 for s in clean if s >= th)
        mark = "→" if th == RESEMBLANCE_THRESHOLD else " "
        lines.append(f" {mark} 相似度 ≥ {th:.2f}：类别正确 {right}/{len(results)} = {right / len(results):.0%}，类别错误 {wrong}，合法相似条款误报 {fp}/{len(clean)}")
    if verbose:
        for r in sorted(results, key=lambda r: -r.score)[:20]:
            lines.append(f"    {r.case.id} → {r.nearest_id} {r.score:.2f} {'✓' if r.right(0) else '✗'}")
    return lines + [""]


def _report_clean(path: Path, engine: Engine, verbose: bool) -> list[str]:
    results = evaluate_clean(_files(path), engine)
    chars = sum(r.chars for r in results)
    lines = [f"== 无已知违法的规范性文件：{path}（{len(results)} 件，{chars} 字）",
             f"定位到原文的提示：{sum(len(r.anchored) for r in results)} 项，每万字 {per_10k(results):.1f} 项",
             f"全文性提示（缺少某要素）：{sum(len(r.whole_document) for r in results)} 项，每万字 {per_10k(results, 'whole_document'):.1f} 项"]
    by_review = Counter(f.review for r in results for f in r.anchored)
    if by_review:
        lines.append("  按审查类别（定位到原文）：" + "，".join(f"{k} {v}" for k, v in sorted(by_review.items())))
    for r in results:
        lines.append(f"  {Path(r.path).name}：{len(r.anchored)} + {len(r.whole_document)} 全文性")
        if verbose:
            for f in r.findings:
                lines.append(f"      {f.rule}  {f.matched or '（全文）'}  {f.excerpt[:60]}")
    return lines + [""]


def _report_penalties(path: Path, engine: Engine, verbose: bool, labels_path=None) -> list[str]:
    from workbench.evaluation_labels import load_penalty_labels

    labels = load_penalty_labels(labels_path)
    results = evaluate_penalties(_files(path), engine, labels.missing)
    lines = [f"== 行政处罚决定书：{path}（{len(results)} 件；标注：{labels.path}）"]
    tp = fp = fn = 0
    unscored = 0
    false_findings: list[str] = []
    for r in results:
        name = Path(r.path).name
        reported = r.reported_missing
        review = "需法制审核：" + "、".join(i.label for i in r.review_items) if r.review_required else "未命中法制审核目录"
        if r.expected_missing is not None:
            exp = r.expected_missing
            tp += len(reported & exp)
            fp += len(reported - exp)
            fn += len(exp - reported)
            lines.append(f"  {name}（全文）：缺要素 报出 {sorted(reported)}；应报 {sorted(exp)}；{review}")
        else:
            unscored += len(r.element_findings)
            state = "全文（未标注）" if r.complete else "不完整"
            lines.append(f"  {name}（{state}）：缺要素提示 {len(r.element_findings)} 项不计分 {sorted(reported)}；{review}")
        real = labels.real.get(Path(r.path).stem, set())
        for f in r.findings:
            if f.severity == "info" or f.rule in ELEMENT_RULES.values() or (f.matched and (f.rule, f.matched) in real):
                continue
            if not r.complete and f.rule in ABSENCE_RULES:
                continue  # recorded, perhaps, in the part the page cut off
            false_findings.append(f"{name}：{f.rule} {f.matched or '（全文）'}")
        if verbose:
            for f in r.findings:
                if f.rule not in ELEMENT_RULES.values():
                    lines.append(f"      {f.rule}  {f.matched or '（全文）'}  {f.message[:60]}")
    scored = tp + fn
    prec = tp / (tp + fp) if tp + fp else 1.0
    lines.append(f"  必备要素（仅全文文本计分）：查全 {tp}/{scored}"
                 + (f" = {tp / scored:.0%}" if scored else "") + f"，查准 {tp}/{tp + fp} = {prec:.0%}")
    lines.append(f"  不完整文本上的缺要素提示（截断所致，不计分）：{unscored} 项")
    lines.append(f"  其他“错误”“警示”中未标注为真实问题的（误报）：{len(false_findings)} 项")
    lines += [f"    {x}" for x in false_findings]
    lines += _report_variants(path, labels, engine, verbose)
    return lines + [""]


def _legality_passage_findings(text: str, engine: Engine, path: str = "") -> list[Finding]:
    doc = document_from_text(text, kind="normative", path=path)
    return [f for f in engine.check(doc, reviews=("legality",)) if f.paragraph is not None]


@dataclass
class LegalityRoundResult:
    name: str
    note: str
    recall: dict[str, Recall]  # category key (and "all") → found / category right
    missed: list[tuple[str, str]]  # (category, clause)
    lawful_flagged: list[tuple[str, list[Finding]]]
    lawful_total: int


def evaluate_legality_round(rnd, engine: Engine) -> LegalityRoundResult:
    """A round of hand-written clauses: each unlawful clause must draw a legality finding of
    its category, each lawful one none anchored in the text."""
    recall: dict[str, Recall] = defaultdict(Recall)
    missed = []
    for category, clause in rnd.unlawful:
        found = _legality_passage_findings(clause, engine)
        ok = any(f.category == category for f in found)
        for key in ("all", category):
            recall[key].total += 1
            recall[key].found += bool(found)
            recall[key].category_ok += ok
        if not ok:
            missed.append((category, clause))
    flagged = [(c, f) for c in rnd.lawful if (f := _legality_passage_findings(c, engine))]
    return LegalityRoundResult(rnd.name, rnd.note, dict(recall), missed, flagged, len(rnd.lawful))


def evaluate_legality_real(shared: Path, engine: Engine, real_lawful: list[str]) -> list[CleanResult]:
    """Legality passage findings on published lawful texts: ``shared/eval/normative_documents``
    and the clause file's ``real_lawful`` paths (under ``shared``)."""
    folder = shared / "eval" / "normative_documents"
    paths = (_files(folder) if folder.is_dir() else []) + [shared / p for p in real_lawful if (shared / p).is_file()]
    out = []
    for path in paths:
        _, body = split_header(path.read_text(encoding="utf-8"))
        out.append(CleanResult(str(path), len(body), _legality_passage_findings(body, engine, str(path))))
    return out


def _report_legality(eval_root: Path, engine: Engine, verbose: bool) -> list[str]:
    from workbench.evaluation_labels import load_legality_clauses

    clauses = load_legality_clauses()
    if clauses is None:
        return ["== 合法性审核：没有评测条款文件（源码仓库的 tests/fixtures/eval/legality_clauses.yaml），略过", ""]
    labels = CATEGORIES["legality"]
    lines = [f"== 合法性审核：{clauses.path}（只计合法性审核、定位到原文的提示）"]
    for rnd in clauses.rounds:
        res = evaluate_legality_round(rnd, engine)
        lines.append(f"  {res.name}（{res.note}）")
        lines.append("  " + res.recall.get("all", Recall()).line("违法条款"))
        for key, label in labels.items():
            if key in res.recall:
                lines.append("    " + res.recall[key].line(f"{label}（{key}）"))
        lines += [f"    未检出或类别不一致：{cat} {clause}" for cat, clause in res.missed]
        lines.append(f"    合法条款误报：{len(res.lawful_flagged)}/{res.lawful_total}")
        lines += [f"      {clause[:40]}：" + "、".join(sorted({f.rule for f in found})) for clause, found in res.lawful_flagged]
    real = evaluate_legality_real(eval_root.resolve().parent, engine, clauses.real_lawful)
    chars = sum(r.chars for r in real)
    lines.append(f"  已公布的合法文本（按规范性文件审查）：{len(real)} 件 {chars} 字，"
                 f"{sum(len(r.findings) for r in real)} 项，每万字 {per_10k(real, 'findings'):.2f} 项")
    for r in real:
        if r.findings or verbose:
            lines.append(f"    {Path(r.path).name}：{len(r.findings)} 项")
            lines += [f"        {f.rule}  {f.matched}  {f.excerpt[:60]}" for f in r.findings]
    return lines + [""]


# Findings of a thing not recorded (法制审核, 集体讨论): on a truncated text it may stand in the part cut off.
ABSENCE_RULES = {"enf.procedure.legal_review_unrecorded", "enf.procedure.discussion_unrecorded"}


def _report_variants(path: Path, labels, engine: Engine, verbose: bool) -> list[str]:
    from workbench.evaluation_labels import evaluate_variant

    if not labels.variants:
        return []
    bodies = {p.stem: split_header(p.read_text(encoding="utf-8"))[1] for p in _files(path)}
    out, right = [], 0
    for v in labels.variants:
        if v.source not in bodies:
            out.append(f"    ✗ {v.id}：评测数据中没有“{v.source}”")
            continue
        res = evaluate_variant(v, bodies[v.source], engine, set(ELEMENT_RULES.values()))
        right += res.ok
        out.append(f"    {'✓' if res.ok else '✗'} {v.id}（由 {v.source} 改出）" + ("" if res.ok else "：" + "；".join(res.problems)))
        if verbose:
            out += [f"        {f.rule}  {f.matched or '（全文）'}" for f in res.findings]
    return [f"  变体（真实决定书改出）：{right}/{len(labels.variants)} 项结果正确"] + out
