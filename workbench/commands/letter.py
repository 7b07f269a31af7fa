"""``workbench letter``: the opinion letter (意见书) of a closed review.

    workbench letter REVIEW [--docx OUT] [--pdf OUT] [--number 文号] [--prefix 文号前缀] [--bureau NAME] [--db PATH]

合法性审核意见书, 公平竞争审查表 or 重大执法决定法制审核意见书 by the review's
type: its 文号, the document reviewed, the accepted findings with their basis
and where they stand (第十二条第二款), counsel's opinions, the conclusion,
signature and date lines. Written as .docx, as PDF (printed as the window's
print preview does), or both.

The first time a review's letter is written it takes its 文号: the next number
of the year in the log (``焦环法审〔2026〕12号``; the prefix set once in 设置, or
``--prefix``), or the one given with ``--number`` (a whole 文号, or only the
serial). Later runs print the same number.
"""

from __future__ import annotations

from workbench.commands import EXIT_OK
from workbench.commands.log import add_db_argument, open_log
from workbench.errors import WorkbenchError


def add_parser(sub) -> None:
    letter = sub.add_parser("letter", help="出具已办结审查的意见书（Word 文档或 PDF）")
    letter.add_argument("review", metavar="REVIEW", help="审查编号（或其前几位）")
    letter.add_argument("--docx", metavar="OUT", help="输出 Word 文档（.docx）")
    letter.add_argument("--pdf", metavar="OUT", help="输出 PDF（与窗口中打印的相同）")
    letter.add_argument("--number", help="意见书文号，如“焦环法审〔2026〕12号”，或只写序号“12”"
                                         "（默认按年度顺排下一个号；已编号的沿用原号）")
    letter.add_argument("--prefix", help="文号前缀，如“焦环法审”（默认取“设置”中的文号前缀）")
    letter.add_argument("--bureau", help="单位名称（默认取“设置”中的单位名称）")
    add_db_argument(letter)


def run(args) -> int:
    from workbench.reports import build_letter, write_letter_docx
    from workbench.reports.layout import page_furniture
    from workbench.reports.register import default_bureau
    from workbench.settings import setting

    if not (args.docx or args.pdf):
        raise WorkbenchError("请指定输出文件：--docx 意见书.docx，或 --pdf 意见书.pdf（也可两个都给）。")
    prefix = args.prefix if args.prefix is not None else setting("letter_prefix")
    with open_log(args) as log:
        state = log.review(args.review)
        if not state.conclusion:  # said before a number is taken
            build_letter(state)
        issued = log.issue_letter(state.id, prefix=prefix, number=args.number)
        state = log.review(state.id)
        document = _stored_document(log, state)
        furniture = page_furniture(log)
    bureau = args.bureau if args.bureau is not None else default_bureau()
    letter = build_letter(state, bureau=bureau, document=document, furniture=furniture)
    print(f"{letter.title}文号：{issued.number}")
    if not prefix and not args.number:
        print("提示：文号没有前缀。可在窗口“工具 → 设置”中填写文号前缀（如“焦环法审”），或加 --prefix。")
    if args.docx:
        print(f"Word 文档已写入 {write_letter_docx(letter, args.docx)}")
    if args.pdf:
        from workbench.gui.printing import ensure_app, export_letter_pdf  # Qt only for the PDF

        ensure_app()
        print(f"PDF 已写入 {export_letter_pdf(args.pdf, letter)}")
    return EXIT_OK


def _stored_document(log, state):
    """The draft as the log keeps it, read again so that findings are cited by 条/款/项 (None if absent)."""
    from workbench.log.model import DOCUMENT_KIND_FOR_TYPE
    from workbench.workspace import Workspace

    stored = log.document_file(state.id)
    if stored is None:
        return None
    try:
        return Workspace.parse_stored(*stored, DOCUMENT_KIND_FOR_TYPE[state.type])
    except WorkbenchError:
        return None
