"""The legality pack measured on hand-written clauses (tests/fixtures/eval/legality_clauses.yaml)
and on published lawful texts, as ``workbench eval`` reports it; and the issue's own points:
conditions (不按规定……的，处……) create a penalty, a benchmark, a referral, a definition and an
attachment title create nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.evaluation import evaluate_legality_real, evaluate_legality_round, per_10k, report
from workbench.evaluation_labels import DEFAULT_LEGALITY_CLAUSES, LabelError, load_legality_clauses
from workbench.intake import document_from_text
from workbench.rules import Engine, load_builtin_rules

ENGINE = Engine(load_builtin_rules())
CLAUSES = load_legality_clauses()
SHARED = Path(__file__).resolve().parents[4] / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="shared/ is not beside this checkout")


def legality(text: str):
    return [f for f in ENGINE.check(document_from_text(text, kind="normative"), reviews=("legality",)) if f.paragraph is not None]


def test_the_clauses_are_outside_the_package_and_well_formed():
    import workbench

    assert Path(workbench.__file__).resolve().parent not in DEFAULT_LEGALITY_CLAUSES.parents
    assert len(CLAUSES.rounds) >= 2
    first = CLAUSES.rounds[0]
    assert len(first.unlawful) >= 40 and {c for c, _ in first.unlawful} == {"creates_power", "rights_obligations", "organ_power"}


def test_a_malformed_clause_file_is_refused_in_chinese(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("rounds:\n  r:\n    unlawful:\n      - {clause: 缺少类别}\n", encoding="utf-8")
    with pytest.raises(LabelError, match="category"):
        load_legality_clauses(bad)
    assert load_legality_clauses(tmp_path / "none.yaml") is None


@pytest.mark.parametrize("rnd", CLAUSES.rounds, ids=[r.name for r in CLAUSES.rounds])
def test_each_round_is_mostly_caught_and_its_lawful_clauses_are_quiet(rnd):
    res = evaluate_legality_round(rnd, ENGINE)
    rec = res.recall["all"]
    assert rec.category_ok / rec.total >= 0.9, res.missed
    assert not res.lawful_flagged, res.lawful_flagged


@needs_shared
def test_published_lawful_texts_draw_at_most_one_legality_finding_per_10000_characters():
    real = evaluate_legality_real(SHARED, ENGINE, CLAUSES.real_lawful)
    assert len(real) == 3 + len(CLAUSES.real_lawful)
    assert per_10k(real, "findings") <= 1.0, [(f.rule, f.matched) for r in real for f in r.findings]


@needs_shared
def test_workbench_eval_reports_the_legality_rounds():
    out = report(SHARED / "eval", ENGINE)
    assert "== 合法性审核" in out and "round1" in out and "已公布的合法文本" in out


@pytest.mark.parametrize("text, rule", [
    ("在小区公共车位停放货车不按规定登记的，处二百元罚款。", "leg.creates.penalty"),
    ("对排放超标的车辆由乡人民政府予以收回并运回原籍，运输费用由车主负担。", "leg.creates.coercive"),
    ("对排放超标的车辆由乡人民政府予以收回并运回原籍，运输费用由车主负担。", "leg.rights.cost_burden"),
    ("执法机构可以调取养殖户家庭成员的通话记录，通信运营商应当无偿配合。", "leg.rights.personal_data"),
    ("执法机构可以调取养殖户家庭成员的通话记录，通信运营商应当无偿配合。", "leg.rights.unpaid_service"),
    ("对列入“优质企业”名单的，执法人员入企检查前应当报经园区管委会同意，每半年检查不超过一次。", "leg.organ.restricts_enforcement"),
])
def test_the_issues_kinds_of_breach_are_caught_in_other_words(text, rule):
    assert rule in {f.rule for f in legality(text)}


@pytest.mark.parametrize("text", [
    "罚款有幅度的，减轻处罚的罚款数额一般不低于法定最低额的一半。",
    "当事人因不可抗力未能按期缴纳罚款的，本局可以不予加处罚款。",
    "对应当给予行政拘留的，移送公安机关处理。",
    "本细则所称名录外污染物，是指未列入国家有毒有害污染物名录的污染物。",
    "附件：生态环境违法行为罚款裁量基准表",
    "依照《中华人民共和国水污染防治法》第八十三条，对超标排放的，处十万元以上一百万元以下罚款。",
])
def test_lawful_benchmarks_referrals_definitions_titles_and_citations_create_nothing(text):
    assert legality(text) == []
    fair = [f for f in ENGINE.check(document_from_text(text, kind="normative"), reviews=("fair_competition",)) if f.paragraph is not None]
    assert not any(f.rule == "fc.entry.list_library" for f in fair)
