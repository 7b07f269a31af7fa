"""A negation an operator undertakes (企业承诺……不将……迁出) is a duty laid on it, not a prohibition."""

from datetime import date

from workbench.checking import builtin_engine, check_document
from workbench.intake import document_from_text


def fair_competition_rules(text: str) -> set[str]:
    doc = document_from_text(text, "normative")
    result = check_document(doc, as_of=date(2026, 12, 1), engine=builtin_engine(), reviews=("fair_competition",))
    return {f.rule for f in result.findings if f.paragraph is not None}


def test_commitment_past_a_comma_is_still_the_operators_duty():
    assert "fc.movement.exit_commitment" in fair_competition_rules(
        "获得奖励的企业须向县政府出具承诺书，八年内不将注册地迁出本县。")


def test_an_organs_own_negation_still_guards():
    assert fair_competition_rules("各部门不将在本地注册作为享受政策的条件。") == set()
