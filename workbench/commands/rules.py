"""``workbench rules list|test``: the rule packs, and each rule's own examples."""

from __future__ import annotations

from workbench.commands import EXIT_FINDINGS, EXIT_OK


def add_parser(sub) -> None:
    rules = sub.add_parser("rules", help="查看规则包，或运行规则自带的示例")
    rules.add_argument("action", choices=["list", "test"], help="list 列出全部规则，test 运行每条规则自带的示例")


def run(args) -> int:
    return _cmd_rules(args)


def _cmd_rules(args) -> int:
    from workbench.rules import load_builtin_rules
    from workbench.rules.examples import run_all_examples
    from workbench.rules.model import REVIEW_LABELS, SEVERITY_LABELS

    rules = load_builtin_rules()
    if args.action == "list":
        for rule in rules:
            print(f"{rule.id}\t{REVIEW_LABELS[rule.review]}\t{SEVERITY_LABELS[rule.severity]}\t{'；'.join(map(str, rule.basis))}")
        print(f"共 {len(rules)} 条规则")
        return EXIT_OK
    results = run_all_examples(rules)
    failed = [r for r in results if not r.ok]
    for r in failed:
        print(r.describe())
    print(f"规则示例 {len(results)} 项：通过 {len(results) - len(failed)} 项，未通过 {len(failed)} 项")
    return EXIT_FINDINGS if failed else EXIT_OK
