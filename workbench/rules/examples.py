"""Run a rule's own examples: each ``trigger`` text must make the rule fire,
each ``pass`` text must not. The test suite and ``workbench rules test`` use it."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.intake import document_from_text
from workbench.rules.engine import Engine
from workbench.rules.model import Example, Rule


@dataclass
class ExampleResult:
    rule: Rule
    example: Example
    expected: bool  # should the rule fire?
    fired: bool

    @property
    def ok(self) -> bool:
        return self.expected == self.fired

    def describe(self) -> str:
        want = "应触发" if self.expected else "不应触发"
        got = "触发了" if self.fired else "未触发"
        return f"{self.rule.source}:{self.example.line}: 规则 {self.rule.id} 的示例{want}，实际{got}：{self.example.text[:60]}"


def run_example(engine: Engine, rule: Rule, example: Example, expected: bool) -> ExampleResult:
    doc = document_from_text(example.text, kind=example.kind or rule.applies_to[0], path=f"{rule.id} 示例")
    findings = engine.check(doc, as_of=example.as_of, rule_ids={rule.id})
    return ExampleResult(rule, example, expected, any(f.rule == rule.id for f in findings))


def run_all_examples(rules: list[Rule], engine: Engine | None = None) -> list[ExampleResult]:
    engine = engine or Engine(rules)
    results = []
    for rule in rules:
        results += [run_example(engine, rule, ex, True) for ex in rule.trigger_examples]
        results += [run_example(engine, rule, ex, False) for ex in rule.pass_examples]
    return results
