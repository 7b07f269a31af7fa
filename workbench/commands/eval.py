"""``workbench eval PATH``: measure the rule packs on a labelled set.

PATH is an evaluation root (holding ``fair_competition/cases.jsonl``,
``normative_documents/`` and ``penalty_decisions/``), a ``.jsonl`` file of
fair-competition cases, or a folder of clean ``.txt`` documents. Prints recall
per review and category, findings per 10,000 characters on clean text, and for
each penalty decision the missing elements and whether legal review is required.
"""

from __future__ import annotations

from workbench.commands import EXIT_BAD_INPUT, EXIT_OK


def add_parser(sub) -> None:
    ev = sub.add_parser("eval", help="在标注数据上衡量规则包（查全率、每万字提示数）")
    ev.add_argument("path", metavar="DIR_OR_JSONL", help="评测数据目录（如 shared/eval）或 cases.jsonl")
    ev.add_argument("-v", "--verbose", action="store_true", help="逐条列出案例与提示")
    ev.add_argument("--labels", metavar="YAML", help="行政处罚决定书的标注文件（默认：源码仓库的 tests/fixtures/eval/penalty_labels.yaml）")


def run(args) -> int:
    from pathlib import Path

    from workbench.evaluation import report

    if not Path(args.path).exists():
        # The evaluation sets are development data: they do not ship with the program or the repository.
        print(f"无法评测：“{args.path}”不存在（当前文件夹：{Path.cwd()}）。评测数据不随程序和代码仓库发布，"
              "在开发环境中位于与仓库并列的 shared/eval 文件夹；请给出它的实际位置，"
              "例如 workbench eval /path/to/shared/eval，或一个 cases.jsonl 文件。")
        return EXIT_BAD_INPUT
    try:
        print(report(args.path, verbose=args.verbose, labels=args.labels))
    except (FileNotFoundError, ValueError) as exc:
        print(f"无法评测：{exc}")
        return EXIT_BAD_INPUT
    return EXIT_OK
