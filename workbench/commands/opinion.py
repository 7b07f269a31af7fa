"""``workbench opinion``: counsel's opinions on a review.

    workbench opinion add REVIEW --counsel NAME --text TEXT [--finding F1 | --passage TEXT] [--date DATE]
    workbench opinion edit OPINION --text TEXT

``add`` prints the opinion's id on the first line (for scripts), then what was recorded. ``edit`` keeps the earlier text in the log and
makes the new text current. Both take ``--db`` and ``--by NAME`` (who entered it).
"""

from __future__ import annotations

from workbench.commands import EXIT_OK
from workbench.commands.check import iso_date
from workbench.commands.log import add_db_argument, open_log


def add_parser(sub) -> None:
    opinion = sub.add_parser("opinion", help="记录法律顾问意见")
    actions = opinion.add_subparsers(dest="opinion_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="记录一条法律顾问意见，输出其编号")
    add.add_argument("review", metavar="REVIEW", help="审查编号（或其前几位，见 workbench review list）")
    add.add_argument("--counsel", required=True, help="法律顾问姓名")
    add.add_argument("--text", required=True, help="意见内容")
    anchor = add.add_mutually_exclusive_group()
    anchor.add_argument("--finding", help="针对的问题编号，如 F1")
    anchor.add_argument("--passage", help="针对的原文段落（摘录）")
    add.add_argument("--date", type=iso_date, help="出具日期（默认今天）")
    add.add_argument("--by", default=None, help="录入人（默认取设置中的审查人）")
    add_db_argument(add)
    edit = actions.add_parser("edit", help="修改一条意见（原文保留在记录中）")
    edit.add_argument("opinion", metavar="OPINION", help="意见编号（或其前几位，见 workbench review show）")
    edit.add_argument("--text", required=True, help="新的意见内容")
    edit.add_argument("--by", default=None, help="修改人（默认取设置中的审查人）")
    add_db_argument(edit)


def run(args) -> int:
    with open_log(args) as log:
        if args.opinion_action == "add":
            opinion_id = log.add_opinion(
                args.review, args.counsel, args.text, finding_id=args.finding, passage=args.passage or "",
                written=args.date, actor=args.by,
            )
            state = log.review(args.review)
            opinion = next(o for o in state.opinions if o.id == opinion_id)
            labels = {f.id: f.label for f in state.findings}
            about = (f"针对问题 {labels[opinion.finding_id]}" if opinion.finding_id in labels
                     else f"针对“{opinion.passage}”" if opinion.passage else "针对全文")
            title = state.document.title or state.document.file_name
            print(opinion_id)
            print(f"已记录 {opinion.counsel} 对《{title.strip('《》')}》的法律意见（{about}，出具日期 {opinion.written}）："
                  f"{opinion.text}")
            print(f"该审查现有法律意见 {len(state.opinions)} 条；修改用 workbench opinion edit {opinion_id[:8]} --text …")
            return EXIT_OK
        log.edit_opinion(args.opinion, args.text, actor=args.by)
        print(f"意见 {log.find_opinion(args.opinion)} 已修改，原文保留在记录中。")
        return EXIT_OK
