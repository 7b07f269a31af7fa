"""``workbench log``: the review log file itself.

    workbench log path                        where the log is
    workbench log verify                      integrity, hash chain, records vs events (exit 1 if not intact)
    workbench log backup PATH                 a consistent copy through SQLite's backup API
    workbench log export [--since DATE] OUT   a merge bundle of the records written since DATE
    workbench log import BUNDLE               merge a bundle (importing twice changes nothing)
    workbench log register --from DATE --to DATE [--type T] [--format tsv|json]

Every subcommand takes ``--db PATH`` (else ``$WORKBENCH_DB``, else the data directory).
"""

from __future__ import annotations

import json
import sys

from workbench.commands import EXIT_FINDINGS, EXIT_OK
from workbench.commands.check import iso_date


def add_db_argument(parser) -> None:
    parser.add_argument("--db", metavar="PATH", help="审查日志文件（默认取环境变量 WORKBENCH_DB，否则为数据目录下的 log.sqlite3）")


def open_log(args, *, readonly: bool = False):
    from workbench.log import ReviewLog

    return ReviewLog.open(args.db, readonly=readonly)


def add_parser(sub) -> None:
    log = sub.add_parser("log", help="审查日志：校验、备份、导出与合并")
    actions = log.add_subparsers(dest="log_action", required=True, metavar="ACTION")
    add_db_argument(actions.add_parser("path", help="显示审查日志文件的位置"))
    add_db_argument(actions.add_parser("verify", help="校验日志是否完整、未被其他程序改动"))
    backup = actions.add_parser("backup", help="备份日志（可在使用中备份）")
    backup.add_argument("target", metavar="PATH", help="备份文件（或文件夹）")
    add_db_argument(backup)
    export = actions.add_parser("export", help="导出合并包，供另一台电脑导入")
    export.add_argument("--since", type=iso_date, help="只导出该日（含）以来写入的记录，格式 YYYY-MM-DD；默认全部")
    export.add_argument("out", metavar="OUT", help="合并包文件")
    add_db_argument(export)
    imp = actions.add_parser("import", help="导入另一台电脑导出的合并包")
    imp.add_argument("bundle", metavar="BUNDLE", help="合并包文件")
    add_db_argument(imp)
    reg = actions.add_parser("register", help="按收文日期列出审查台账")
    reg.add_argument("--from", dest="date_from", type=iso_date, required=True, help="起始日期 YYYY-MM-DD")
    reg.add_argument("--to", dest="date_to", type=iso_date, required=True, help="截止日期 YYYY-MM-DD（含）")
    reg.add_argument("--type", choices=["legality", "fair_competition", "enforcement"], help="只列该类审查")
    reg.add_argument("--format", choices=["tsv", "json"], default="tsv", help="输出格式（tsv 可直接粘贴进 Excel）")
    add_db_argument(reg)


def run(args) -> int:
    action = args.log_action
    if action == "path":
        from workbench.log import resolve_log_path

        print(resolve_log_path(args.db))
        return EXIT_OK
    if action == "import":
        with open_log(args) as log:
            report = log.import_bundle(args.bundle)
        print(f"已导入 {report.added} 条新记录，跳过 {report.skipped} 条已有记录。")
        return EXIT_OK
    with open_log(args, readonly=True) as log:
        if action == "verify":
            return _verify(log)
        if action == "backup":
            target = log.backup(args.target)
            print(f"已备份到 {target}")
            return EXIT_OK
        if action == "export":
            count = log.export_bundle(args.since, args.out)
            print(f"已导出 {count} 条记录到 {args.out}")
            return EXIT_OK
        if action == "register":
            return _register(log, args)
    raise AssertionError(action)


def _verify(log) -> int:
    report = log.verify()
    if report.ok:
        print(f"审查日志完好：{report.events} 条事件，哈希链完整，记录与事件一致。")
        print(f"链尾哈希：{report.head}（可记下，日后比对以发现末尾记录被删）")
        return EXIT_OK
    if report.integrity != "ok":
        print(f"SQLite 完整性检查未通过：{report.integrity}")
    first = report.first
    if first:
        print(f"审查日志已被其他程序改动。第一处：{first.message}")
        for p in report.problems[1:20]:
            print(f"  另：{p.message}")
        if len(report.problems) > 20:
            print(f"  ……共 {len(report.problems)} 处")
    print("请用备份核对，并查明是谁改动了日志文件。")
    return EXIT_FINDINGS


def _register(log, args) -> int:
    from workbench.reports import build_register

    if args.format == "json":  # the facts, for other programs
        json.dump(log.register_rows(args.date_from, args.date_to, type=args.type), sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    register = build_register(log, args.date_from, args.date_to, type=args.type, bureau="")
    print("\t".join(register.columns))
    for row in register.rows:
        print("\t".join(register.cells(row)))
    return EXIT_OK
