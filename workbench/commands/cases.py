"""``workbench cases``: 案卷评查 of closed case files.

    workbench cases import PATH...                         register closed decisions (files or folders)
    workbench cases list [--year Y]
    workbench cases show ID|文号                             the file's findings (enforcement packs) and problems
    workbench cases correct ID|文号 [--party P] [--decided D] [--title T] [--number N] [--organ O] [--reason R]
    workbench cases problem ID|文号 --category 程序|法律适用|文书制作|证据|裁量 (--text T | --finding N)
    workbench cases rectify PROBLEM --by NAME [--deadline D] [--progress T] [--done]
    workbench cases evaluate ID|文号 --conclusion 优秀|合格|不合格 [--evaluator NAME] [--date D]
    workbench cases ledger --year Y (--pdf OUT | --xlsx OUT)
    workbench cases stats --year Y [--format json]
"""

from __future__ import annotations

import json

from workbench.commands import EXIT_OK
from workbench.commands.check import iso_date
from workbench.commands.log import add_db_argument, open_log
from workbench.errors import WorkbenchError
from workbench.stock.model import CASE_CATEGORY_LABELS, EVALUATION_LABELS, RECTIFIED_LABELS


def add_parser(sub) -> None:
    p = sub.add_parser("cases", help="案卷评查：登记案卷、记录问题与整改、评查台账与统计")
    actions = p.add_subparsers(dest="cases_action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="登记已办结的案卷（决定书文件或文件夹）")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    ls = actions.add_parser("list", help="列出案卷")
    ls.add_argument("--year", type=int)
    show = actions.add_parser("show", help="显示案卷的检查结果与已记录的问题")
    show.add_argument("ref", metavar="ID|文号")
    fix = actions.add_parser("correct", help="更正从决定书读错的当事人、作出日期等（原读取结果保留在日志中）")
    fix.add_argument("ref", metavar="ID|文号")
    fix.add_argument("--party", help="当事人")
    fix.add_argument("--decided", type=iso_date, help="作出日期")
    fix.add_argument("--title")
    fix.add_argument("--number", dest="doc_number", help="文号")
    fix.add_argument("--organ", help="作出机关")
    fix.add_argument("--reason", default="", help="更正理由")
    prob = actions.add_parser("problem", help="记录评查发现的问题")
    prob.add_argument("ref", metavar="ID|文号")
    prob.add_argument("--category", required=True, help="、".join(CASE_CATEGORY_LABELS.values()))
    src = prob.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", help="问题描述")
    src.add_argument("--finding", type=int, help="采用 cases show 所列的第 N 项检查结果")
    rect = actions.add_parser("rectify", help="记录问题的整改")
    rect.add_argument("problem", metavar="PROBLEM", help="问题编号（cases show 查看）")
    rect.add_argument("--by", required=True, help="整改责任人")
    rect.add_argument("--deadline", type=iso_date, help="整改期限")
    rect.add_argument("--progress", default="", help="整改情况")
    rect.add_argument("--done", action="store_true", help="已整改")
    ev = actions.add_parser("evaluate", help="记录评查结论")
    ev.add_argument("ref", metavar="ID|文号")
    ev.add_argument("--conclusion", required=True, help="、".join(EVALUATION_LABELS.values()))
    ev.add_argument("--evaluator", default="")
    ev.add_argument("--date", type=iso_date)
    led = actions.add_parser("ledger", help="评查台账（PDF 或 Excel）")
    led.add_argument("--year", type=int, required=True)
    out = led.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="OUT")
    out.add_argument("--xlsx", metavar="OUT")
    led.add_argument("--bureau")
    st = actions.add_parser("stats", help="年度评查统计")
    st.add_argument("--year", type=int, required=True)
    st.add_argument("--format", choices=["text", "json"], default="text")
    for a in (imp, ls, show, fix, prob, rect, ev, led, st):
        add_db_argument(a)


def run(args) -> int:
    from workbench.log.stock import StockRecords
    from workbench.stock.cases import case_findings, import_cases, suggested_category, year_figures

    action = args.cases_action
    readonly = action in ("list", "show", "ledger", "stats")
    with open_log(args, readonly=readonly) as log:
        stock = StockRecords(log)
        if action == "import":
            added, existing, errors = [], [], []
            for target in args.paths:
                report = import_cases(log, target)
                added += report.added
                existing += report.existing
                errors += report.errors
            for e in errors:
                print(f"未登记 {e}")
            print(f"登记案卷 {len(added)} 件" + (f"（另有 {len(existing)} 件此前已登记）" if existing else ""))
        elif action == "list":
            for c in stock.cases(args.year):
                state = EVALUATION_LABELS.get(c.conclusion, "") if c.evaluated else "未评查"
                print(f"{c.id[:8]}\t{c.decided or ''}\t{c.label}\t{c.party}\t{state}\t问题 {len(c.problems)} 个，已整改 {c.rectified} 个")
        elif action == "show":
            c = stock.case(args.ref)
            print(f"{c.label}\t当事人：{c.party}\t作出日期：{c.decided or '（未读出）'}")
            if c.note:
                print(f"（{c.note}）")
            print("检查结果：")
            for n, f in enumerate(case_findings(stock, c), 1):
                print(f"  {n}. [{CASE_CATEGORY_LABELS[suggested_category(f)]}] {f.message}")
            print("评查问题：")
            for p in c.problems:
                r = p.rectification
                rect = (f"；整改：{r.responsible}，期限 {r.deadline or '未定'}，{r.progress or '—'}，{RECTIFIED_LABELS[r.done]}"
                        if r else "；尚未安排整改")
                print(f"  {p.id[:8]} [{p.category_label}] {p.description}{rect}")
        elif action == "correct":
            changes = {k: getattr(args, k) for k in ("party", "decided", "title", "doc_number", "organ")
                       if getattr(args, k) is not None}
            if not changes:
                raise WorkbenchError("请给出要更正的内容，如 --party 某某公司 或 --decided 2025-03-01。")
            corrected = stock.correct_case(args.ref, changes, reason=args.reason)
            c = stock.case(args.ref)
            print(f"已更正：{c.label}（{c.note}）" if corrected else f"与已记录的内容相同，未作更正：{c.label}")
        elif action == "problem":
            c = stock.case(args.ref)
            if args.finding is not None:
                findings = case_findings(stock, c)
                if not 1 <= args.finding <= len(findings):
                    raise WorkbenchError(f"该案卷的检查结果只有 {len(findings)} 项，请用 workbench cases show 查看。")
                f = findings[args.finding - 1]
                pid = stock.add_problem(c.id, args.category, f.message, rule=f.rule, excerpt=f.excerpt, basis=f.basis)
            else:
                pid = stock.add_problem(c.id, args.category, args.text)
            print(f"已记录问题 {pid[:8]}")
        elif action == "rectify":
            stock.rectify(args.problem, responsible=args.by, deadline=args.deadline, progress=args.progress, done=args.done)
            print("已记录整改情况")
        elif action == "evaluate":
            stock.evaluate(args.ref, args.conclusion, evaluator=args.evaluator, evaluated=args.date)
            print("已记录评查结论")
        elif action == "ledger":
            from workbench.reports.case_ledger import case_ledger
            from workbench.reports.layout import page_furniture
            from workbench.reports.register import default_bureau

            bureau = args.bureau if args.bureau is not None else default_bureau()
            ledger = case_ledger(stock.cases(args.year), args.year, bureau=bureau, furniture=page_furniture(log))
            if args.xlsx:
                from workbench.reports import write_register_xlsx

                path = write_register_xlsx(ledger, args.xlsx)
            else:
                from workbench.gui.printing import ensure_app, export_pdf  # Qt only for the PDF

                ensure_app()
                path = export_pdf(args.pdf, ledger)
            print(f"评查台账已写入 {path}（{len(ledger.rows)} 件）")
        elif action == "stats":
            fig = year_figures(stock, args.year)
            if args.format == "json":
                print(json.dumps({"year": fig.year, "registered": fig.registered, "evaluated": fig.evaluated,
                                  "problems": fig.problems, "by_category": fig.by_category, "rectified": fig.rectified,
                                  "pending": fig.pending, "by_conclusion": fig.by_conclusion}, ensure_ascii=False, indent=1))
            else:
                print(fig.paragraph())
    return EXIT_OK

