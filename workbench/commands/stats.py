"""``workbench stats``: the year's figures from the review log.

    workbench stats --year YYYY [--format text|json] [--db PATH]

Reviews by type (received, completed, by conclusion, pass rate), counsel
opinions by counsel, findings by review type and category, the rules that
fired most, the catalogue items that required legal review, and a paragraph
for the annual rule-of-law report. What counts: see ``workbench.reports.stats``.
"""

from __future__ import annotations

import json
import sys

from workbench.commands import EXIT_OK
from workbench.commands.log import add_db_argument, open_log


def _year(value: str) -> int:
    import argparse

    if not (value.isdigit() and len(value) == 4):
        raise argparse.ArgumentTypeError(f"年份“{value}”应为四位数字，如 2026")
    return int(value)


def add_parser(sub) -> None:
    stats = sub.add_parser("stats", help="年度统计：审查件数、通过率、法律顾问意见、常见问题")
    stats.add_argument("--year", type=_year, required=True, help="年份，如 2026")
    stats.add_argument("--format", choices=["text", "json"], default="text", help="输出格式：text 文字，json 供其他程序读取")
    add_db_argument(stats)


def run(args) -> int:
    from workbench.reports import year_stats

    with open_log(args, readonly=True) as log:
        stats = year_stats(log, args.year)
    if args.format == "json":
        json.dump(stats.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(stats.text())
    return EXIT_OK
