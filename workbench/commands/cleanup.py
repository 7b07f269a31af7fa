"""``workbench cleanup``: 规范性文件清理 as of a date.

    workbench cleanup FOLDER|register --as-of DATE [--xlsx OUT] [--docx OUT]
    workbench cleanup --run ID [--recheck] [--xlsx OUT] [--docx OUT]
    workbench cleanup --run ID --decide ID|文号 --outcome 继续有效|修改|废止|宣布失效 [--reason R]
    workbench cleanup --list

FOLDER: the files are registered (``workbench issued import``) and checked; ``register``:
every registered document still in force. Each gets a proposal with its reasons (repealed
citations with their 法典 articles, expiry, unlawful provisions). ``--recheck`` runs an
earlier run again with the registry as it is now (e.g. after ``registry_overlay.yaml``
recorded a repeal) and shows what changed. ``--docx`` writes the list as a bureau
publishes it (refused while outcomes are unconfirmed, unless ``--allow-unconfirmed``).
"""

from __future__ import annotations

import sys

from workbench.commands import EXIT_OK
from workbench.commands.check import iso_date
from workbench.commands.issued import reminder_days
from workbench.commands.log import add_db_argument, open_log
from workbench.errors import WorkbenchError
from workbench.stock.model import OUTCOME_LABELS


def add_parser(sub) -> None:
    p = sub.add_parser("cleanup", help="规范性文件清理：逐件核查并提出继续有效、修改、废止或宣布失效的建议")
    p.add_argument("target", nargs="?", metavar="FOLDER|register", help="要清理的文件夹，或 register（登记册中全部现行文件）")
    p.add_argument("--as-of", type=iso_date, help="清理基准日 YYYY-MM-DD（如 2026-08-15）")
    p.add_argument("--run", help="已有的清理编号（workbench cleanup --list 查看）")
    p.add_argument("--recheck", action="store_true", help="按现行登记册重新核查该次清理，列出变化")
    p.add_argument("--decide", metavar="ID|文号", help="确认或改变一件文件的清理结论")
    p.add_argument("--outcome", help="清理结论：继续有效、修改、废止、宣布失效")
    p.add_argument("--reason", default="", help="理由（改变建议时必须写明）")
    p.add_argument("--xlsx", metavar="OUT", help="清理结果写入 Excel")
    p.add_argument("--docx", metavar="OUT", help="清理结果目录（公布用）写入 Word")
    p.add_argument("--allow-unconfirmed", action="store_true", help="尚有未确认的文件时也写出 Word 目录（按清理建议列入）")
    p.add_argument("--bureau", help="单位名称（默认取设置中的单位名称）")
    p.add_argument("--list", action="store_true", help="列出历次清理")
    add_db_argument(p)


def _progress():
    from workbench.progress import Progress

    last = [-1]

    def step(label, fraction):
        pct = int(fraction * 100)
        if sys.stderr.isatty() and pct != last[0]:
            last[0] = pct
            print(f"\r{pct:3d}% {label[:40]}", end="", file=sys.stderr, flush=True)

    return Progress(on_step=step)


def run(args) -> int:
    from workbench.log.stock import StockRecords
    from workbench.stock.cleanup import REGISTER_SOURCE, recheck, run_cleanup

    with open_log(args) as log:
        stock = StockRecords(log)
        if args.list:
            for r in stock.runs():
                print(f"{r.id[:8]}\t基准日 {r.as_of}\t{r.source}\t{r.documents} 件，已确认 {r.decided} 件\t{r.actor}\t{r.at[:10]}")
            return EXIT_OK
        if args.decide:
            if not args.run or not args.outcome:
                raise WorkbenchError("确认清理结论须同时给出 --run 清理编号 和 --outcome 结论。")
            stock.decide(args.run, args.decide, args.outcome, reason=args.reason)
            d = stock.issued_document(args.decide)
            print(f"已确认：{d.label} —— {args.outcome}")
            return EXIT_OK
        window = reminder_days(args)
        changed = []
        if args.run:
            run_id = stock.find_run(args.run)
            if args.recheck:
                report = recheck(log, run_id, progress=_progress(), window_days=window)
                changed = report.changed
        else:
            if not args.target or not args.as_of:
                raise WorkbenchError("请给出要清理的文件夹（或 register）和清理基准日，如：workbench cleanup register --as-of 2026-08-15")
            target = None if args.target in ("register", REGISTER_SOURCE) else args.target
            report = run_cleanup(log, args.as_of, target, progress=_progress(), window_days=window)
            if sys.stderr.isatty():
                print(file=sys.stderr)
            for e in report.errors:
                print(f"未能读取 {e}", file=sys.stderr)
            run_id = report.run_id
        items = stock.items(run_id)
        run = stock.run(run_id)
        _print(run, items, changed)
        _export(args, run, items, log)
    return EXIT_OK


def _print(run, items, changed) -> None:
    from workbench.reports.cleanup import totals_text

    print(f"清理编号 {run.id[:8]}，基准日 {run.as_of}，范围：{run.source}")
    for n, i in enumerate(items, 1):
        decided = f"；结论：{OUTCOME_LABELS[i.decision]}" if i.decision else ""
        print(f"{n}. [{OUTCOME_LABELS[i.outcome]}{decided}] {i.document.label}  （{i.document.id[:8]}）")
        for r in i.reasons:
            print(f"     - {r.text}")
        if i.change_text():
            print(f"     * 重新核查：{i.change_text()}")
        if i.decision_stale:
            print("     * 建议已变化，原确认须重新确认")
    if changed is not None and changed:
        print(f"重新核查：{len(changed)} 件文件的建议有变化。")
    print(totals_text(items))


def _export(args, run, items, log) -> None:
    from workbench.reports.cleanup import cleanup_ledger, unconfirmed, write_cleanup_docx
    from workbench.reports.register import default_bureau

    bureau = args.bureau if args.bureau is not None else default_bureau()
    if args.xlsx:
        from workbench.reports import write_register_xlsx

        from workbench.reports.layout import page_furniture

        path = write_register_xlsx(cleanup_ledger(run, items, bureau, furniture=page_furniture(log)), args.xlsx)
        print(f"清理结果已写入 {path}")
    if args.docx:
        pending = unconfirmed(items)
        if pending and not args.allow_unconfirmed:
            raise WorkbenchError(
                f"尚有 {len(pending)} 件文件的清理结论未确认（如 {pending[0].document.label}）。"
                "请逐件确认（--decide … --outcome …），或加 --allow-unconfirmed 按清理建议列入。")
        path = write_cleanup_docx(run, items, args.docx, bureau=bureau)
        print(f"清理结果目录已写入 {path}")
