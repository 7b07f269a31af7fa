"""Inventory of inline closed word lists in fair-competition frames.

Lists every innermost alternation group of plain words, e.g. ``(?:承担|负责|提供)``
or ``(?P<act>指定|限定)``, inside ``match.frame`` of the fair-competition rules,
with the rule id and the lexicon class (rules/lexicon.yaml ``classes:``) that it
overlaps most (Jaccard on plain-word entries).  A group that plays a role
(designation verb, modal, list noun …) and overlaps a class is a candidate to be
replaced by ``{class}``, so that a synonym added once reaches every rule.

    .venv/bin/python bench/frame_slots.py                 # the entry/free-movement files
    .venv/bin/python bench/frame_slots.py --all           # every fair_competition file
    .venv/bin/python bench/frame_slots.py --min 2 --sort class
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules" / "fair_competition"
SCOPE = ["market_entry_exit", "entry_exclusive_rights", "entry_mechanisms", "entry_roles",
         "gaps_entry", "free_movement", "gaps_movement", "outside_operators"]

# innermost group: (?:…), (?P<name>…) or plain (…), with no parentheses inside
GROUP = re.compile(r"\((\?:|\?P<(\w+)>)?([^()]*)\)")
PLAIN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")


def plain_words(entries) -> set[str]:
    return {e for e in (entries or []) if isinstance(e, str) and PLAIN.match(e)}


def load_classes() -> dict[str, set[str]]:
    lex = yaml.safe_load((ROOT / "rules" / "lexicon.yaml").read_text(encoding="utf-8"))
    return {name: plain_words(v) for name, v in (lex.get("classes") or {}).items()
            if isinstance(v, list)}


def groups(frame: str):
    for m in GROUP.finditer(frame):
        prefix, name, body = m.group(1), m.group(2), m.group(3)
        if prefix is None and frame[m.start():m.start() + 2] == "(?":
            continue  # look-around etc. are not matched by GROUP's prefix
        alts = body.split("|")
        if len(alts) < 2 or not all(PLAIN.match(a) for a in alts):
            continue
        yield name, alts, m.group(0)


def iter_rules(files):
    for f in files:
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for rule in data.get("rules") or []:
            frame = (rule.get("match") or {}).get("frame")
            if isinstance(frame, str):
                yield f.stem, rule.get("id"), frame


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="every fair_competition file")
    ap.add_argument("--min", type=int, default=2, help="smallest group size to list")
    ap.add_argument("--sort", choices=["rule", "class"], default="rule")
    args = ap.parse_args(argv)
    files = sorted(RULES.glob("*.yaml")) if args.all else [RULES / f"{s}.yaml" for s in SCOPE]
    classes = load_classes()
    rows = []
    for stem, rid, frame in iter_rules(files):
        for name, alts, text in groups(frame):
            if len(alts) < args.min:
                continue
            s = set(alts)
            best, score, missing = "-", 0.0, []
            for cname, words in classes.items():
                if not words:
                    continue
                j = len(s & words) / len(s | words)
                if j > score:
                    best, score = cname, j
            if best != "-":
                missing = sorted(s - classes[best])
            rows.append((stem, rid, name or "", text, best, score, missing))
    if args.sort == "class":
        rows.sort(key=lambda r: (r[4], -r[5], r[1]))
    for stem, rid, name, text, best, score, missing in rows:
        extra = f"  not-in-class:{'|'.join(missing)}" if missing else ""
        label = f"[{name}]" if name else ""
        print(f"{stem}:{rid}{label}\t{text}\t{best}\t{score:.2f}{extra}")
    print(f"# {len(rows)} groups in {len(files)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
