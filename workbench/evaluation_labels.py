"""The penalty-decision labels of ``workbench eval``, read from a file outside the package.

Labels are evaluation data, not part of what ships: they live in the source
repository (``tests/fixtures/eval/penalty_labels.yaml``) and ``workbench eval``
reads them from there or from ``--labels PATH``. The file says, per real
decision, what a complete text really lacks and which other findings are real
problems, and defines *variants*: a real decision edited (its 听证 notice or its
evidence taken out, its heading cut off, its fine or its citation changed) with
the findings the edit must and must not draw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from workbench.intake import document_from_text
from workbench.rules.model import Finding

DEFAULT_LABELS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "eval" / "penalty_labels.yaml"
LABELS_HINT = "源码仓库中的 tests/fixtures/eval/penalty_labels.yaml"
DEFAULT_LEGALITY_CLAUSES = DEFAULT_LABELS.with_name("legality_clauses.yaml")


class LabelError(ValueError):
    """A labels file that is missing or malformed (the message is in Chinese)."""


@dataclass(frozen=True)
class Variant:
    id: str
    source: str  # file stem of the real decision
    edits: tuple[dict, ...]
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    detect_kind: bool = False
    no_missing_elements: bool = False


@dataclass
class PenaltyLabels:
    missing: dict[str, set[str]] = field(default_factory=dict)  # complete texts: elements really missing
    real: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # (rule, matched) that are real problems
    variants: list[Variant] = field(default_factory=list)
    path: str = ""


def load_penalty_labels(path: str | Path | None = None) -> PenaltyLabels:
    path = Path(path) if path else DEFAULT_LABELS
    if not path.is_file():
        raise LabelError(f"找不到行政处罚决定书的评测标注文件“{path}”：请用 --labels 指定标注文件（{LABELS_HINT}）")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LabelError(f"评测标注文件“{path}”无法读取（{exc}）：请检查其 YAML 格式与 UTF-8 编码") from None
    labels = PenaltyLabels(path=str(path))
    for stem, entry in (data.get("decisions") or {}).items():
        entry = entry or {}
        if "missing" in entry:
            labels.missing[stem] = set(entry["missing"] or ())
        labels.real[stem] = {tuple(r) for r in entry.get("real") or ()}
    for v in data.get("variants") or ():
        try:
            labels.variants.append(Variant(
                id=str(v["id"]), source=str(v["from"]), edits=tuple(v.get("edits") or ()),
                present=tuple(v.get("present") or ()), absent=tuple(v.get("absent") or ()),
                detect_kind=bool(v.get("detect_kind", False)), no_missing_elements=bool(v.get("no_missing_elements", False)),
            ))
        except (KeyError, TypeError) as exc:
            raise LabelError(f"评测标注文件“{path}”中的变体缺少 id 或 from（{exc}）") from None
    return labels


def apply_edits(body: str, variant: Variant) -> str:
    """The real decision's text with the variant's edits made, in order."""
    lines = body.split("\n")
    for edit in variant.edits:
        (op, arg), = edit.items()
        text = "\n".join(lines)
        if op == "replace":
            old, new = arg
            if old not in text:
                raise LabelError(f"变体“{variant.id}”：原文中没有“{old}”，标注与评测数据不一致")
            lines = text.replace(old, new).split("\n")
        elif op == "drop_lines":
            kept = [line for line in lines if arg not in line]
            if len(kept) == len(lines):
                raise LabelError(f"变体“{variant.id}”：没有含“{arg}”的行")
            lines = kept
        elif op == "keep_lines":
            first, last = arg
            try:
                i = next(k for k, line in enumerate(lines) if first in line)
                j = next(k for k, line in enumerate(lines) if k >= i and last in line)
            except StopIteration:
                raise LabelError(f"变体“{variant.id}”：找不到含“{first}”至“{last}”的行") from None
            lines = lines[i : j + 1]
        elif op == "append":
            lines.append(str(arg))
        else:
            raise LabelError(f"变体“{variant.id}”：未知的改法“{op}”（可用 replace、drop_lines、keep_lines、append）")
    return "\n".join(lines)


@dataclass
class VariantResult:
    variant: Variant
    kind: str
    findings: list[Finding]
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def evaluate_variant(variant: Variant, body: str, engine, element_rules: set[str]) -> VariantResult:
    text = apply_edits(body, variant)
    doc = document_from_text(text, kind=None if variant.detect_kind else "enforcement", path=variant.id)
    findings = engine.check(doc)
    fired = {f.rule for f in findings}
    problems = [f"未报出 {r}" for r in variant.present if r not in fired]
    problems += [f"不应报出 {r}" for r in variant.absent if r in fired]
    if variant.detect_kind and doc.kind.value != "enforcement":
        problems.append(f"未识别为执法决定（{doc.kind_reason}）")
    if variant.no_missing_elements:
        problems += [f"片段不应报缺少要素 {r}" for r in sorted(fired & element_rules)]
    return VariantResult(variant, doc.kind.value, findings, problems)


@dataclass
class ClauseRound:
    """One round of hand-written legality clauses (see the file's header for how each was made)."""
    name: str
    note: str
    unlawful: list[tuple[str, str]]  # (category key, clause)
    lawful: list[str]


@dataclass
class LegalityClauses:
    """Rounds of hand-written clauses for the legality pack, and the published lawful
    texts (paths under shared/) to count findings on."""
    rounds: list[ClauseRound] = field(default_factory=list)
    real_lawful: list[str] = field(default_factory=list)
    path: str = ""


def load_legality_clauses(path: str | Path | None = None) -> LegalityClauses | None:
    """The legality clause set, or None when the source repository's file is not there
    (an installed copy has no tests/: the measurement is then left out)."""
    path = Path(path) if path else DEFAULT_LEGALITY_CLAUSES
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rounds = [
            ClauseRound(str(name), str(r.get("note", "")),
                        [(str(c["category"]), str(c["clause"])) for c in r.get("unlawful") or ()],
                        [str(c) for c in r.get("lawful") or ()])
            for name, r in (data.get("rounds") or {}).items()
        ]
        return LegalityClauses(rounds, [str(p) for p in data.get("real_lawful") or ()], str(path))
    except (yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise LabelError(f"合法性审核评测条款文件“{path}”无法读取（{exc}）：每轮须有 unlawful 与 lawful，每条违法条款须有 category 与 clause") from None
