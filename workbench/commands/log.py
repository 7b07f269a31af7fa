"""``workbench log``: the review log file itself.

    workbench log path                        where the log is
    workbench log verify [--anchor CODE]      integrity, hash chain, signatures, records vs events (exit 1 if not
                                              intact); CODE: the 日志校验码 of a printed page, still in the log?
    workbench log backup PATH                 a consistent copy through SQLite's backup API
    workbench log export [--since DATE] OUT   a merge bundle of the records written since DATE
    workbench log import BUNDLE [--trust]     merge a bundle (importing twice changes nothing); --trust: trust
                                              the signing machine's key (asked on a terminal)
    workbench log register --from DATE --to DATE [--type T] [--format tsv|json]

Every subcommand takes ``--db PATH`` (else ``$WORKBENCH_DB``, else the data directory).
"""

from __future__ import annotations

import json
import sys

from workbench.commands import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
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
    verify = actions.add_parser("verify", help="校验日志是否完整、未被其他程序改动")
    verify.add_argument("--anchor", metavar="CODE", help="打印件上的“日志校验码”：核对日志是否仍保存着打印时的内容")
    add_db_argument(verify)
    backup = actions.add_parser("backup", help="备份日志（可在使用中备份）")
    backup.add_argument("target", metavar="PATH", help="备份文件（或文件夹）")
    add_db_argument(backup)
    export = actions.add_parser("export", help="导出合并包，供另一台电脑导入")
    export.add_argument("--since", type=iso_date, help="只导出该日（含）以来写入的记录，格式 YYYY-MM-DD；默认全部")
    export.add_argument("out", metavar="OUT", help="合并包文件")
    add_db_argument(export)
    imp = actions.add_parser("import", help="导入另一台电脑导出的合并包")
    imp.add_argument("bundle", metavar="BUNDLE", help="合并包文件")
    imp.add_argument("--trust", action="store_true", help="信任该合并包的签名密钥（请先向对方核对密钥指纹）")
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
        return _import(args)
    with open_log(args, readonly=True) as log:
        if action == "verify":
            return _verify(log, args.anchor)
        if action == "backup":
            target = log.backup(args.target)
            print(f"已备份到 {target}")
            return EXIT_OK
        if action == "export":
            from workbench.log.signing import fingerprint, installation_key

            count = log.export_bundle(args.since, args.out)
            print(f"已导出 {count} 条记录到 {args.out}（本机签名密钥指纹 {fingerprint(installation_key().public_hex)}，"
                  "对方导入时请核对）")
            return EXIT_OK
        if action == "register":
            return _register(log, args)
    raise AssertionError(action)


def _import(args) -> int:
    from workbench.log.bundle import UntrustedBundleError, bundle_signer

    trust = args.trust
    if not trust and sys.stdin is not None and sys.stdin.isatty():
        signer = bundle_signer(args.bundle)
        if not signer.trusted:
            answer = input(f"信任来自“{signer.name}”的合并包？密钥指纹 {signer.fingerprint}（请向对方核对）[y/N] ")
            trust = answer.strip().lower() in ("y", "yes", "是")
    with open_log(args) as log:
        try:
            report = log.import_bundle(args.bundle, trust_signer=trust)
        except UntrustedBundleError as exc:
            print(exc.message, file=sys.stderr)
            return EXIT_BAD_INPUT
    print(f"已导入 {report.added} 条新记录，跳过 {report.skipped} 条已有记录。")
    return EXIT_OK


def _verify(log, anchor: str | None = None) -> int:
    from workbench.log.anchor import check_anchor, head_code

    report = log.verify()
    anchored = check_anchor(log, anchor) if anchor else None
    if anchored:
        print(("打印件校验：" if anchored.ok else "打印件校验未通过：") + anchored.message)
    if report.ok:
        signers = "、".join(f"{who}（{fp}）" for fp, who in report.signers.items()) or "无"
        print(f"审查日志完好：{report.events} 条事件，哈希链完整，{report.signed} 处签名有效（签名密钥：{signers}），记录与事件一致。")
        print(f"日志校验码：{head_code(log)}（打印的台账、意见书和统计表上都有；日后用 --anchor 核对）")
        return EXIT_OK if anchored is None or anchored.ok else EXIT_FINDINGS
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
