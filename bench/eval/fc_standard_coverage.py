"""Which standards of 公平竞争审查条例实施办法 arts 9-23 (and 条例 arts 8-11) a rule names in its basis.

For every item of 办法 arts 9-23 (read from shared/reference/law), list the ids of the
fair-competition rules whose ``basis`` names that article and item, and print the items
no rule names.  An article cited without an item (第十六条) counts for every item of it.
Run: .venv/bin/python bench/eval/fc_standard_coverage.py [--all]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from workbench.rules.loader import load_builtin_rules  # noqa: E402

LAW = ROOT.parent / "shared" / "reference" / "law"
MEASURES = "公平竞争审查条例实施办法"
REGULATION = "公平竞争审查条例"
CN = "零一二三四五六七八九"


def cn_num(s: str) -> int:
    """一..九十九 to int."""
    if s == "十":
        return 10
    if "十" in s:
        a, b = s.split("十")
        return (CN.index(a) if a else 1) * 10 + (CN.index(b) if b else 0)
    return CN.index(s)


def items(path: Path, first: int, last: int) -> dict[tuple[int, int], str]:
    """(article, item) -> text of the item, for articles first..last."""
    out: dict[tuple[int, int], str] = {}
    art = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*第([一二三四五六七八九十]+)条", line)
        if m:
            art = cn_num(m.group(1))
            continue
        m = re.match(r"\s*（([一二三四五六七八九十]+)）(.*)", line)
        if m and art is not None and first <= art <= last:
            out[(art, cn_num(m.group(1)))] = m.group(2).strip()
    return out


def cited(article: str) -> list[tuple[int, int | None]]:
    """第十一条第（二）项、第（三）项 -> [(11, 2), (11, 3)]; 第十六条 -> [(16, None)]."""
    out: list[tuple[int, int | None]] = []
    for m in re.finditer(r"第([一二三四五六七八九十]+)条((?:[、和及]?第?（[一二三四五六七八九十]+）项?)*)", article):
        art = cn_num(m.group(1))
        its = re.findall(r"（([一二三四五六七八九十]+)）", m.group(2))
        out += [(art, cn_num(i)) for i in its] or [(art, None)]
    return out


def coverage(law: str, table: dict[tuple[int, int], str]) -> dict[tuple[int, int], list[str]]:
    cov: dict[tuple[int, int], list[str]] = {k: [] for k in table}
    for rule in load_builtin_rules(("fair_competition",)):
        for b in rule.basis:
            if b.law != law:
                continue
            for art, it in cited(b.article):
                for key in cov:
                    if key[0] == art and (it is None or key[1] == it) and rule.id not in cov[key]:
                        cov[key].append(rule.id)
    return cov


def main() -> int:
    show_all = "--all" in sys.argv
    sections = [
        (MEASURES, items(LAW / "fair_competition_review_implementing_measures_2025.md", 9, 23)),
        (REGULATION, items(LAW / "fair_competition_review_regulation_2024.md", 8, 11)),
    ]
    missing_total = 0
    for law, table in sections:
        cov = coverage(law, table)
        print(f"== {law}: {len(table)} items, {sum(1 for v in cov.values() if v)} named by a rule's basis")
        for (art, it), ids in sorted(cov.items()):
            if show_all or not ids:
                tag = f"第{art}条({it})"
                print(f"{tag:<12} {len(ids):>3}  {table[(art, it)][:48]}" + (f"  [{', '.join(ids[:6])}{' …' if len(ids) > 6 else ''}]" if ids else "  <none>"))
        missing = [k for k, v in cov.items() if not v]
        missing_total += len(missing)
        print(f"-- {law}: {len(missing)} items without a rule")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
