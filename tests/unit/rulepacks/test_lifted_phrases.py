"""No rule holds a phrase lifted from one evaluation case, and no example copies one.

``../shared/tools/lifted-phrases`` lists pattern text holding a run of six or
more Chinese characters found in one or two evaluation clauses but in no
statute, and trigger examples sharing fifteen characters with a clause. A rule
shaped on one case scores on the development set and misses the standard
written another way; an example copied from a case makes it a training case.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TOOL = ROOT.parent / "shared" / "tools" / "lifted-phrases"


@pytest.mark.skipif(not TOOL.exists(), reason="shared/tools/lifted-phrases is not beside this checkout")
def test_no_rule_holds_a_lifted_phrase_or_a_copied_example():
    out = subprocess.run([sys.executable, str(TOOL), str(ROOT / "rules")], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "0 pattern runs lifted from evaluation clauses, 0 trigger examples copied from them" in out, out
