"""Every built-in rule's own examples: trigger texts must fire it, pass texts must not."""

import pytest

from workbench.checking import builtin_engine
from workbench.rules.examples import run_example

ENGINE = builtin_engine()
CASES = [
    pytest.param(rule, ex, expected, id=f"{rule.id}:{'trigger' if expected else 'pass'}:{ex.line}")
    for rule in ENGINE.rules
    for expected, examples in ((True, rule.trigger_examples), (False, rule.pass_examples))
    for ex in examples
]


@pytest.mark.parametrize("rule,example,expected", CASES)
def test_rule_example(rule, example, expected):
    result = run_example(ENGINE, rule, example, expected)
    assert result.ok, result.describe()


def test_there_are_examples_to_run():
    assert len(CASES) >= 2 * len(ENGINE.rules)
