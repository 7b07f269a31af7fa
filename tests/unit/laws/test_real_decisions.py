"""The 12 published penalty decisions: no false findings; the old laws flagged after 2026-08-15."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from workbench.intake import load_document

DECISIONS = Path(__file__).resolve().parents[4] / "shared" / "eval" / "penalty_decisions"
FILES = sorted(DECISIONS.glob("*.txt")) if DECISIONS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason="eval set not present")


def _as_of(path: Path) -> date:
    # The year in the file name; mid-year (all are before the 法典).
    return date(int(re.search(r"_(20\d\d)_", path.name).group(1)), 7, 1)


# What the decisions really get wrong in their citations (the collector's header notes it too:
# 《环境影响评价法》第三十一条第一项“应为第一款” — that article has three 款 and no 项).
REAL_CITATION_ERRORS = {
    "kaijiang_2021_xingma_eia_unapproved_construction": {("cit.article.no_such_item", "第三十一条第一项")},
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name[:30])
def test_no_false_citation_findings_on_their_own_date(citation_engine, path):
    doc = load_document(path, "enforcement")
    findings = citation_engine.check(doc, as_of=_as_of(path))
    assert {(f.rule, f.matched) for f in findings} == REAL_CITATION_ERRORS.get(path.stem, set())


def test_after_the_code_the_old_laws_are_flagged_with_the_code_article(citation_engine):
    doc = load_document(DECISIONS / "puyang_taiqian_2025_6_hongxuan_vocs_unsealed.txt", "enforcement")
    findings = [f for f in citation_engine.check(doc, as_of=date(2026, 10, 20)) if f.rule == "cit.repealed.env_code_2026"]
    assert findings and all("生态环境法典" in f.message for f in findings)
    assert any("第一千一百二十条第一款第（二）项" in f.message for f in findings)
