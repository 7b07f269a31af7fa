"""Whole documents with their exact expected findings (``doc:para:col:rule:message``).

Each ``tests/fixtures/rulepacks/NAME.txt`` is checked with the built-in packs of
the three reviews this suite covers (legality, fair_competition, enforcement);
``NAME.expected`` holds one finding a line. A change in wording, position or
rule shows as a diff. After a deliberate change, regenerate with
``UPDATE_FIXTURES=1 pytest tests/unit/rulepacks/test_fixtures.py`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.checking import builtin_engine
from workbench.intake import document_from_text

FIXTURES = Path(__file__).parents[2] / "fixtures" / "rulepacks"
REVIEWS = ("legality", "fair_competition", "enforcement")
KINDS = {"penalty": "enforcement"}
AS_OF = {"penalty": "2026-06-01"}


def _kind(name: str) -> str:
    return next((k for prefix, k in KINDS.items() if name.startswith(prefix)), "normative")


def render(path: Path) -> list[str]:
    from datetime import date

    doc = document_from_text(path.read_text(encoding="utf-8"), kind=_kind(path.stem), path=path.name)
    as_of = date(2026, 6, 1)
    lines = []
    for f in builtin_engine().check(doc, as_of=as_of, reviews=REVIEWS):
        where = f"{f.paragraph}:{f.column}" if f.paragraph else "0:0"
        lines.append(f"{path.name}:{where}:{f.rule}:{f.message}")
    return lines


DOCS = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_fixture_findings(path):
    expected_path = path.with_suffix(".expected")
    got = render(path)
    if os.environ.get("UPDATE_FIXTURES"):
        expected_path.write_text("".join(line + "\n" for line in got), encoding="utf-8")
    expected = [line for line in expected_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert got == expected


def test_there_are_fixtures_of_both_kinds():
    kinds = {_kind(p.stem) for p in DOCS}
    assert kinds == {"normative", "enforcement"}
