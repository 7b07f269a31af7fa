"""``workbench issued``: the register of the bureau's issued normative documents.

    workbench issued import PATH...                      register files or folders (same bytes twice: once)
    workbench issued list [--as-of DATE] [--status S] [--within DAYS] [--format tsv|json]
    workbench issued correct ID|文号 [--title T] [--number N] [--organ O] [--issued D] [--effective D]
                             [--expires D] [--validity TEXT] [--provisional yes|no] [--reason R]
    workbench issued remind [--as-of DATE] [--within DAYS]   documents lapsing within the window (exit 1 if any)

Title, 文号, organ, date, 施行日期 and 有效期 are read from the text; ``correct`` records
what was misread (the reading stays in the log). Status: 有效 / 即将到期 / 已失效 / 已废止.
"""

from __future__ import annotations

import json
from datetime import date

from workbench.commands import EXIT_FINDINGS, EXIT_OK
from workbench.commands.check import iso_date
from workbench.commands.log import add_db_argument, open_log
from workbench.errors import WorkbenchError
from workbench.stock.model import DEFAULT_REMINDER_DAYS, STATUS_LABELS


def reminder_days(args) -> int:
    if getattr(args, "within", None) is not None:
        return args.within
    from workbench.settings import load_settings

    try:
        return int(load_settings().get("expiry_reminder_days") or DEFAULT_REMINDER_DAYS)
    except (WorkbenchError, ValueError, TypeError):
        return DEFAULT_REMINDER_DAYS


def add_parser(sub) -> None:
    p = sub.add_parser("issued", help="已发布规范性文件登记册：导入、列表、更正、到期提醒")
    actions = p.add_subparsers(dest="issued_action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="登记已发布的规范性文件（文件或文件夹）")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    add_db_argument(imp)
    ls = actions.add_parser("list", help="列出登记的规范性文件及其状态")
    ls.add_argument("--as-of", type=iso_date, help="按该日判断状态（默认今天）")
    ls.add_argument("--status", choices=list(STATUS_LABELS), help="只列该状态：valid 有效、expiring 即将到期、lapsed 已失效、repealed 已废止")
    ls.add_argument("--within", type=int, help="“即将到期”的天数（默认设置中的 expiry_reminder_days，即 90 天）")
    ls.add_argument("--format", choices=["tsv", "json"], default="tsv")
    add_db_argument(ls)
    fix = actions.add_parser("correct", help="更正读错的标题、文号、日期或有效期（原读取结果保留在日志中）")
    fix.add_argument("ref", metavar="ID|文号")
    fix.add_argument("--title")
    fix.add_argument("--number", dest="doc_number", help="文号")
    fix.add_argument("--organ", help="制定机关")
    fix.add_argument("--issued", type=iso_date, help="印发日期")
    fix.add_argument("--effective", type=iso_date, help="施行日期")
    fix.add_argument("--expires", type=iso_date, help="有效期至（最后一日）")
    fix.add_argument("--validity", help="有效期的原文表述，如“有效期五年”")
    fix.add_argument("--provisional", choices=["yes", "no"], help="名称是否冠以“暂行”“试行”")
    fix.add_argument("--reason", default="", help="更正理由")
    add_db_argument(fix)
    rem = actions.add_parser("remind", help="列出即将到期（默认 90 天内）的规范性文件")
    rem.add_argument("--as-of", type=iso_date)
    rem.add_argument("--within", type=int)
    add_db_argument(rem)


def _row(d, as_of: date, window: int) -> dict:
    return {"id": d.id, "title": d.title or d.file_name, "doc_number": d.doc_number, "organ": d.organ,
            "issued": d.issued, "effective": d.effective, "expires": d.expires, "validity": d.validity,
            "status": d.status(as_of, window), "status_label": STATUS_LABELS[d.status(as_of, window)],
            "corrected": d.versions > 1}


def run(args) -> int:
    from workbench.log.stock import StockRecords

    action = args.issued_action
    if action == "import":
        from workbench.stock.reading import files_in, read_files

        paths = [p for target in args.paths for p in files_in(target)]
        read = read_files(paths, "normative")
        with open_log(args) as log:
            ids = StockRecords(log).add_issued([r.record for r in read if r.record])
        for r in read:
            if r.record is None:
                print(f"未登记 {r.path}：{r.error}")
        new = sum(1 for _, n in ids if n)
        print(f"登记规范性文件 {new} 件" + (f"（另有 {len(ids) - new} 件此前已登记）" if len(ids) > new else ""))
        return EXIT_OK
    if action == "correct":
        changes = {k: getattr(args, k) for k in ("title", "doc_number", "organ", "issued", "effective", "expires", "validity")
                   if getattr(args, k) is not None}
        if args.provisional:
            changes["provisional"] = args.provisional == "yes"
        if not changes:
            raise WorkbenchError("请给出要更正的内容，如 --expires 2028-12-31。")
        with open_log(args) as log:
            stock = StockRecords(log)
            stock.correct_issued(args.ref, changes, reason=args.reason)
            d = stock.issued_document(args.ref)
        print(f"已更正：{d.label}（{d.note}）")
        return EXIT_OK
    as_of = args.as_of or date.today()
    window = reminder_days(args)
    with open_log(args, readonly=True) as log:
        docs = StockRecords(log).issued()
    if action == "remind":
        due = sorted((d for d in docs if d.status(as_of, window) == "expiring"), key=lambda d: d.expires)
        if not due:
            print(f"{window} 天内没有到期的规范性文件。")
            return EXIT_OK
        print(f"{window} 天内到期的规范性文件 {len(due)} 件：")
        for d in due:
            print(f"{d.expires}\t尚余{d.days_left(as_of)}日\t{d.label}\t{d.id[:8]}")
        return EXIT_FINDINGS
    rows = [_row(d, as_of, window) for d in docs]
    if args.status:
        rows = [r for r in rows if r["status"] == args.status]
    if args.format == "json":
        print(json.dumps({"as_of": as_of.isoformat(), "documents": rows}, ensure_ascii=False, indent=1))
    else:
        print("编号\t状态\t文件名称\t文号\t制定机关\t印发日期\t施行日期\t有效期至\t有效期")
        for r in rows:
            print(f"{r['id'][:8]}\t{r['status_label']}\t{r['title']}\t{r['doc_number']}\t{r['organ']}\t{r['issued'] or ''}\t"
                  f"{r['effective'] or ''}\t{r['expires'] or ''}\t{r['validity'] or '（未载明）'}")
    return EXIT_OK
