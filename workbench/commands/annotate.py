"""``workbench annotate``: the reviewed draft with our comments, for the drafting unit.

    workbench annotate REVIEW --docx OUT [--with-dismissed] [--no-tracked-changes] [--db PATH]
    workbench annotate REVIEW --replies [--db PATH]

The first writes the draft as received with one Word comment per adopted
finding and per counsel opinion (and a tracked change where a cited law's
title was replaced); the second lists, for a revised draft the unit sent back,
its answers (comments) to each point of the earlier review.
"""

from __future__ import annotations

from workbench.commands import EXIT_BAD_INPUT, EXIT_OK
from workbench.commands.log import add_db_argument, open_log


def add_parser(sub) -> None:
    p = sub.add_parser("annotate", help="导出批注稿：在送审单位的原文中以批注写明问题与意见；或读取修订稿中的答复")
    p.add_argument("review", metavar="REVIEW", help="审查编号（或其前几位）")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--docx", metavar="OUT", help="输出批注稿 .docx")
    what.add_argument("--replies", action="store_true", help="列出送审单位在修订稿批注中对前稿各项问题的答复")
    p.add_argument("--with-dismissed", action="store_true", help="不采纳的问题也写入批注（注明理由）")
    p.add_argument("--no-tracked-changes", action="store_true", help="不以修订方式替换已废止法律的名称，只写批注")
    add_db_argument(p)


def run(args) -> int:
    if args.replies:
        return _replies(args)
    from workbench.annotate import annotate_review

    with open_log(args, readonly=True) as log:
        result = annotate_review(log, args.review, args.docx, include_dismissed=args.with_dismissed,
                                 tracked_changes=not args.no_tracked_changes)
    print(f"批注稿已写入 {result.path}（{result.summary()}）")
    for remark in result.remarks:
        print(remark)
    return EXIT_OK


def _replies(args) -> int:
    from workbench.annotate.replies import answers_of_revision

    with open_log(args, readonly=True) as log:
        found = answers_of_revision(log, args.review)
    if found is None:
        print("该审查的送审文件不是已审查文件的修订稿，或不是 Word 文档，没有可读取的批注答复。")
        return EXIT_BAD_INPUT
    earlier, answers = found
    for f in earlier.findings:
        if f.status != "accepted":
            continue
        print(f"{f.label}  {f.message}")
        print("    答复：" + (answers.text(f.label).replace("\n", "\n          ") or "（未答复）"))
    for point in answers.by_point:
        if not point.startswith("F"):
            print(f"{point}\n    答复：" + answers.text(point).replace("\n", "\n          "))
    for c in answers.others:
        print(f"其他批注（{c.author}）：{c.text}" + (f"（针对“{c.anchor}”）" if c.anchor else ""))
    return EXIT_OK
