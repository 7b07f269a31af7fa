"""``workbench register``: the printed review register (审查台账) without a window.

    workbench register --from DATE --to DATE (--pdf OUT | --xlsx OUT) [--type T] [--conclusion C] [--unit U]
                       [--bureau NAME] [--db PATH]

Rows: reviews received from DATE to DATE (inclusive). The PDF is A4 landscape,
printed by the same code as the window's print preview (Qt, without a screen);
the .xlsx is for offices that keep the register in Excel. The bureau's name
in the heading comes from 设置 (单位名称) unless ``--bureau`` is given.
"""

from __future__ import annotations

from workbench.commands import EXIT_OK
from workbench.commands.check import iso_date
from workbench.commands.log import add_db_argument, open_log
from workbench.errors import WorkbenchError

TYPES = ["legality", "fair_competition", "enforcement"]


def add_parser(sub) -> None:
    reg = sub.add_parser("register", help="输出审查台账（PDF 或 Excel）")
    reg.add_argument("--from", dest="date_from", type=iso_date, required=True, help="收文起始日期 YYYY-MM-DD")
    reg.add_argument("--to", dest="date_to", type=iso_date, required=True, help="收文截止日期 YYYY-MM-DD（含）")
    out = reg.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="OUT", help="输出 PDF（A4 横向，可直接打印）")
    out.add_argument("--xlsx", metavar="OUT", help="输出 Excel 工作簿")
    reg.add_argument("--type", choices=TYPES, help="只列该类审查：legality 规范性文件合法性审核，"
                                                  "fair_competition 公平竞争审查，enforcement 重大执法决定法制审核")
    reg.add_argument("--conclusion", choices=["pass", "amend", "reject"],
                     help="只列该结论的审查：pass 通过/符合，amend 修改后通过，reject 不予通过/不符合")
    reg.add_argument("--unit", help="只列该送审单位的审查")
    reg.add_argument("--bureau", help="单位名称（默认取“设置”中的单位名称）")
    add_db_argument(reg)


def run(args) -> int:
    from workbench.reports import build_register, write_register_xlsx

    if args.date_to < args.date_from:
        raise WorkbenchError("截止日期早于起始日期，请检查 --from 和 --to。")
    with open_log(args, readonly=True) as log:
        register = build_register(log, args.date_from, args.date_to, type=args.type, conclusion=args.conclusion,
                                  unit=args.unit, bureau=args.bureau)
    if args.xlsx:
        path = write_register_xlsx(register, args.xlsx)
    else:
        from workbench.gui.printing import ensure_app, export_register_pdf  # Qt only for the PDF

        ensure_app()
        path = export_register_pdf(args.pdf, register)
    print(f"审查台账已写入 {path}（{len(register.rows)} 件）")
    return EXIT_OK
