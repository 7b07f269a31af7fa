"""``workbench laws list|lookup TITLE [--as-of DATE]``: the law registry."""

from __future__ import annotations

from collections import Counter
from datetime import date

from workbench.commands import EXIT_FINDINGS, EXIT_OK


def add_parser(sub) -> None:
    from workbench.commands.check import iso_date

    laws = sub.add_parser("laws", help="查询法律登记册（法律文件是否有效、条文数、被何者取代）")
    laws.add_argument("action", choices=["list", "lookup"], help="list 列出登记册，lookup 查询一部法律")
    laws.add_argument("title", nargs="?", help="lookup：法律文件名称（全称、简称均可）")
    laws.add_argument("--as-of", type=iso_date, help="按哪一天的法律状态（默认今天）")


def run(args) -> int:
    from workbench.laws import default_registry
    from workbench.laws.model import LEVEL_LABELS

    reg = default_registry()
    as_of = args.as_of or date.today()
    if args.action == "list":
        for entry in sorted(reg.entries.values(), key=lambda e: (e.level, e.title)):
            state = reg.verdict(entry.title, as_of).state
            print(f"{entry.title}\t{LEVEL_LABELS[entry.level]}\t{_STATE[state]}")
        levels = Counter(LEVEL_LABELS[e.level] for e in reg.entries.values())
        print(f"共 {len(reg)} 件（" + "，".join(f"{k} {v}" for k, v in levels.most_common()) + "）")
        return EXIT_OK
    if not args.title:
        print("请给出要查询的法律文件名称，如：workbench laws lookup 环评法")
        return EXIT_FINDINGS
    v = reg.verdict(args.title, as_of)
    if v.entry is None:
        print(f"登记册中没有《{args.title.strip('《》')}》" + (f"，是否指《{v.suggestion}》？" if v.suggestion else "。"))
        return EXIT_FINDINGS
    e = v.entry
    print(f"《{e.title}》（{LEVEL_LABELS[e.level]}）")
    if e.short:
        print("简称：" + "、".join(e.short))
    if e.promulgated or e.in_force:
        print(f"公布：{e.promulgated or '未载'}  施行：{e.in_force or '未载'}")
    count = e.article_count(as_of)
    print(f"条文数：{count if count else '未知'}")
    print(f"{as_of} 的状态：{_STATE[v.state]}" + (f"（{v.event.on or '日期未载'}，{v.event.by}）" if v.event and v.event.by else ""))
    for ev in e.status:
        print(f"  {_EVENT.get(ev.event, ev.event)} {ev.on or '日期未载'} {ev.by} {ev.article}  出处：{ev.source}")
    print(f"出处：{e.source}")
    return EXIT_OK


_EVENT = {"repealed": "废止", "amended": "修改"}
_STATE = {"in_force": "有效", "repealed": "已废止", "amended": "已修改", "not_yet_in_force": "尚未施行", "unknown": "未知"}
