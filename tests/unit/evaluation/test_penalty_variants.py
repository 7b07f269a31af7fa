"""The penalty-decision labels live outside the package; the variants made from the
real decisions (../shared/eval/penalty_decisions) each draw the findings they must."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.evaluation import ELEMENT_RULES, evaluate_penalties, split_header
from workbench.evaluation_labels import DEFAULT_LABELS, LabelError, apply_edits, evaluate_variant, load_penalty_labels
from workbench.rules import Engine, load_builtin_rules

DECISIONS = Path(__file__).resolve().parents[4] / "shared" / "eval" / "penalty_decisions"
LABELS = load_penalty_labels()
ENGINE = Engine(load_builtin_rules())
needs_eval = pytest.mark.skipif(not DECISIONS.is_dir(), reason="eval set not present")


def test_labels_are_not_in_the_shipped_package():
    import workbench

    package = Path(workbench.__file__).resolve().parent
    assert package not in DEFAULT_LABELS.parents and DEFAULT_LABELS.is_file()
    assert not hasattr(__import__("workbench.evaluation", fromlist=["x"]), "PENALTY_EXPECTED_MISSING")


def test_a_missing_labels_file_is_refused_in_chinese(tmp_path, capsys):
    with pytest.raises(LabelError, match="找不到"):
        load_penalty_labels(tmp_path / "none.yaml")
    (tmp_path / "penalty_decisions").mkdir()
    (tmp_path / "penalty_decisions" / "a.txt").write_text("完整性：全文\n==========\n行政处罚决定书\n", encoding="utf-8")
    assert main(["eval", str(tmp_path), "--labels", str(tmp_path / "none.yaml")]) == 2
    assert "--labels" in capsys.readouterr().out


def test_an_edit_that_no_longer_matches_the_data_is_an_error():
    variant = LABELS.variants[0]
    with pytest.raises(LabelError, match="不一致"):
        apply_edits("与标注无关的正文", variant)


@needs_eval
@pytest.mark.parametrize("variant", LABELS.variants, ids=lambda v: v.id)
def test_each_variant_draws_what_it_must(variant):
    _, body = split_header((DECISIONS / f"{variant.source}.txt").read_text(encoding="utf-8"))
    result = evaluate_variant(variant, body, ENGINE, set(ELEMENT_RULES.values()))
    assert result.ok, result.problems


@needs_eval
def test_no_false_errors_or_warnings_on_the_real_decisions_but_the_undated_one():
    results = evaluate_penalties(sorted(DECISIONS.glob("*.txt")), ENGINE, LABELS.missing)
    false = []
    for r in results:
        stem = Path(r.path).stem
        for f in r.findings:
            if f.severity == "info" or f.rule in ELEMENT_RULES.values() or (f.rule, f.matched) in LABELS.real.get(stem, set()):
                continue
            if not r.complete and f.rule.endswith("_unrecorded"):
                continue
            false.append((stem, f.rule))
    # yichuan_2023_28's page lost its dates and its 文号's year: read as of today, the
    # water law it cites is reported repealed (the finding says it read as of today).
    assert false in ([], [("yichuan_2023_28_hengzhifeng_illegal_outfall", "cit.repealed.env_code_2026")])
    for r in results:
        if r.expected_missing is not None:
            assert r.reported_missing == r.expected_missing, r.path
