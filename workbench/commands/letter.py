"""``workbench letter``: the opinion letter (意见书) of a closed review.

    workbench letter REVIEW --docx OUT [--pdf OUT] [--bureau NAME] [--number TEXT] [--db PATH]

合法性审核意见书, 公平竞争审查表 or 重大执法决定法制审核意见书 by the review's
type: the document reviewed, the accepted findings with their basis, counsel's
opinions, the conclusion, signature and date lines. ``--pdf`` also prints it
to PDF as the window's print preview does.
"""

from __future__ import annotations

from workbench.commands import EXIT_OK
from workbench.commands.log import add_db_argument, open_log


def add_parser(sub) -> None:
    letter = sub.add_parser("letter", help="出具已办结审查的意见书（Word 文档）")
    letter.add_argument("review", metavar="REVIEW", help="审查编号（或其前几位）")
    letter.add_argument("--docx", metavar="OUT", required=True, help="输出 .docx")
    letter.add_argument("--pdf", metavar="OUT", help="同时输出 PDF")
    letter.add_argument("--bureau", help="单位名称（默认取设置中的 bureau_name）")
    letter.add_argument("--number", help="意见书编号（默认为审查编号的前8位）")
    add_db_argument(letter)


def run(args) -> int:
    from workbench.reports import build_letter, write_letter_docx
    from workbench.reports.register import default_bureau

    with open_log(args, readonly=True) as log:
        state = log.review(args.review)
    bureau = args.bureau if args.bureau is not None else default_bureau()
    number = f"编号：{args.number}" if args.number else None
    letter = build_letter(state, bureau=bureau, number=number)
    path = write_letter_docx(letter, args.docx)
    print(f"{letter.title}已写入 {path}")
    if args.pdf:
        from workbench.gui.printing import ensure_app, export_letter_pdf  # Qt only for the PDF

        ensure_app()
        print(f"PDF 已写入 {export_letter_pdf(args.pdf, letter)}")
    return EXIT_OK
