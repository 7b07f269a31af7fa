"""Write a small rule pack to a temp dir and build an engine from it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from workbench.intake import document_from_text
from workbench.rules import Engine, load_rule_dir


def write_pack(root: Path, review: str, yaml_text: str, name: str = "test.yaml") -> Path:
    pack = root / review
    pack.mkdir(parents=True, exist_ok=True)
    path = pack / name
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    return path


def engine_for(root: Path, review: str, yaml_text: str) -> Engine:
    write_pack(root, review, yaml_text)
    return Engine(load_rule_dir(root, (review,)))


def fired(engine: Engine, text: str, kind: str = "normative", **kw) -> list[str]:
    """The matched texts of all findings on ``text``."""
    doc = document_from_text(text, kind=kind)
    return [f.matched or "<全文>" for f in engine.check(doc, **kw)]


def rule(id_: str, match: str, guards: str | None = None, extra: str = "") -> str:
    """YAML for one legality rule with placeholder examples (their pass/fail is not under test here)."""
    g = f"\n    guards: {guards}" if guards is not None else ""
    return f"""
rules:
  - id: {id_}
    category: content
    severity: error
    message: 命中“{{match}}”
    basis: [{{law: 测试法, article: 第一条}}]{g}
    match: {match}{extra}
    examples:
      trigger: [x]
      pass: [y]
"""
