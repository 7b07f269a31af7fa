"""``workbench review``: the review log without a window (for scripts and tests).

    workbench review open FILE --type TYPE --unit UNIT [--reviewer NAME] [--due DATE] [--received DATE] [--revises REVIEW]
    workbench review dispose REVIEW FINDING accept|dismiss|reopen [--reason TEXT] [--by NAME]
    workbench review close REVIEW --conclusion pass|amend|reject [--date DATE] [--correct] [--by NAME]
    workbench review show REVIEW [--history] [--format text|json]
    workbench review list [--status open|closed] [--type TYPE] [--text TEXT]

``open`` prints the new review's id on the first line. REVIEW is a review id or
a unique prefix of it; FINDING is F1, F2 … as ``show`` lists them. Every
subcommand takes ``--db``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict

from workbench.commands import EXIT_BAD_INPUT, EXIT_OK
from workbench.errors import WorkbenchError
from workbench.commands.check import iso_date
from workbench.commands.log import add_db_argument, open_log

TYPES = ["legality", "fair_competition", "enforcement"]
TYPE_HELP = "审查类型：legality 规范性文件合法性审核，fair_competition 公平竞争审查，enforcement 重大执法决定法制审核"


def add_parser(sub) -> None:
    review = sub.add_parser("review", help="登记、处理和办结审查（无窗口）")
    actions = review.add_subparsers(dest="review_action", required=True, metavar="ACTION")

    op = actions.add_parser("open", help="登记一件审查并运行检查，第一行输出审查编号")
    op.add_argument("file", metavar="FILE", help="送审的文件")
    op.add_argument("--type", required=True, choices=TYPES, help=TYPE_HELP)
    # The letter is addressed to the submitting unit: it is asked for when registering, as in the window.
    op.add_argument("--unit", required=True, help="送审单位（必填，意见书的主送单位，如：大气环境科）")
    op.add_argument("--reviewer", default="", help="审查人（默认取设置中的审查人）")
    op.add_argument("--due", type=iso_date, help="办结期限 YYYY-MM-DD")
    op.add_argument("--received", type=iso_date, help="收文日期 YYYY-MM-DD（默认今天）")
    op.add_argument("--revises", metavar="REVIEW", help="本文件是该审查所审文件的修改稿")
    add_db_argument(op)

    dp = actions.add_parser("dispose", help="处理一项问题：采纳、不采纳（须写理由）或重新待处理")
    dp.add_argument("review", metavar="REVIEW", help="审查编号（或其前几位，见 workbench review list）")
    dp.add_argument("finding", metavar="FINDING", help="问题编号，如 F1")
    dp.add_argument("action", choices=["accept", "dismiss", "reopen"],
                    help="accept 采纳，dismiss 不采纳（须写理由），reopen 撤销处理")
    dp.add_argument("--reason", default="", help="理由（不采纳时必填）")
    dp.add_argument("--by", default=None, help="处理人（默认取设置中的审查人）")
    add_db_argument(dp)

    cl = actions.add_parser("close", help="办结审查并记录结论")
    cl.add_argument("review", metavar="REVIEW", help="审查编号（或其前几位，见 workbench review list）")
    cl.add_argument("--conclusion", required=True, choices=["pass", "amend", "reject"],
                    help="pass 通过/符合，amend 修改后通过，reject 不予通过/不符合")
    cl.add_argument("--date", type=iso_date, help="办结日期（默认今天）")
    cl.add_argument("--correct", action="store_true", help="更正已办结审查的结论（原结论保留在记录中）")
    cl.add_argument("--by", default=None, help="办结人（默认取设置中的审查人）")
    cl.add_argument("--allow-open", action="store_true", help="尚有待处理的问题时仍然办结（这些问题不写入意见书）")
    add_db_argument(cl)

    sh = actions.add_parser("show", help="显示一件审查的当前状态")
    sh.add_argument("review", metavar="REVIEW", help="审查编号（或其前几位，见 workbench review list）")
    sh.add_argument("--history", action="store_true", help="同时列出全部修改记录（谁在何时做了什么）")
    sh.add_argument("--format", choices=["text", "json"], default="text", help="输出格式：text 文字，json 供其他程序读取")
    add_db_argument(sh)

    ls = actions.add_parser("list", help="列出审查")
    ls.add_argument("--status", choices=["open", "closed"], help="open 审查中，closed 已办结")
    ls.add_argument("--type", choices=TYPES, help=TYPE_HELP)
    ls.add_argument("--text", help="按文件名称、文号、送审单位或审查人查找")
    add_db_argument(ls)


def run(args) -> int:
    return {"open": _open, "dispose": _dispose, "close": _close, "show": _show, "list": _list}[args.review_action](args)


def _open(args) -> int:
    from pathlib import Path

    from workbench.checking import check_file
    from workbench.log.model import DOCUMENT_KIND_FOR_TYPE

    result = check_file(args.file, DOCUMENT_KIND_FOR_TYPE[args.type])  # a bad file stops here, before the log
    data = Path(args.file).read_bytes()
    with open_log(args) as log:
        earlier = log.reviews_of_content(hashlib.sha256(data).hexdigest())
        if earlier:  # allowed (e.g. a fair-competition review after a legality one), but say so
            first = log.review(earlier[0])
            print(f"注意：该文件已于 {first.received} 登记为{first.type_label}（审查编号 {first.id[:8]}），本次另行登记。",
                  file=sys.stderr)
        previous = log.review(args.revises).document.id if args.revises else None
        if not args.unit.strip():
            raise WorkbenchError("请写明送审单位（--unit，如：大气环境科）：意见书要发给它。")
        review_id = log.open_review(
            result, args.type, unit=args.unit.strip(), reviewer=args.reviewer, due=args.due, received=args.received,
            file_bytes=data, previous_document=previous,
        )
        state = log.review(review_id)
    print(review_id)
    _print_state(state)
    return EXIT_OK


def _dispose(args) -> int:
    from workbench.log import DISPOSITION_LABELS

    with open_log(args) as log:
        review_id = log.find_review(args.review)
        log.dispose(review_id, args.finding, args.action, reason=args.reason, actor=args.by)
        finding = log.review(review_id).finding(log.find_finding(review_id, args.finding))
    print(f"{finding.label} 已记为：{DISPOSITION_LABELS[finding.status]}" + (f"（{finding.reason}）" if finding.reason else ""))
    return EXIT_OK


def _close(args) -> int:
    from workbench.log.model import CONCLUSION_LABELS

    with open_log(args) as log:
        review_id = log.find_review(args.review)
        state = log.review(review_id)
        pending = [f.label for f in state.findings if f.status == "open"]
        valid = args.conclusion in CONCLUSION_LABELS[state.type]  # else close_review says what is allowed
        if pending and valid and not args.allow_open and not args.correct:
            print(f"尚有 {len(pending)} 个问题未处理（{'、'.join(pending[:10])}{'…' if len(pending) > 10 else ''}）："
                  "请先用 workbench review dispose 逐项采纳或不采纳；确需办结的，加 --allow-open（未处理的问题不写入意见书）。",
                  file=sys.stderr)
            return EXIT_BAD_INPUT
        log.close_review(review_id, args.conclusion, closed=args.date, actor=args.by, correction=args.correct)
        state = log.review(review_id)
    print(f"审查 {state.id} 已办结，结论：{state.conclusion_label}（{state.closed}）")
    return EXIT_OK


def _show(args) -> int:
    from workbench.log.model import EVENT_LABELS

    with open_log(args, readonly=True) as log:
        state = log.review(args.review)
        history = log.history(state.id) if args.history else []
    if args.format == "json":
        payload = asdict(state)
        payload.update(status=state.status, type_label=state.type_label, conclusion_label=state.conclusion_label)
        if args.history:
            payload["history"] = [asdict(e) for e in history]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    print(state.id)
    _print_state(state)
    if history:
        print("修改记录：")
        findings = {f.id: f for f in state.findings}
        for e in history:
            print(f"  #{e.seq}  {local_time(e.at)}  {e.actor}  {EVENT_LABELS.get(e.type, e.type)}"
                  f"{_event_detail(e, state, findings)}")
    return EXIT_OK


def _list(args) -> int:
    from workbench.log import REVIEW_TYPE_LABELS

    with open_log(args, readonly=True) as log:
        rows = log.reviews(status=args.status, type=args.type, text=args.text)
    for r in rows:
        status = f"已办结 {r.closed}" if r.conclusion else f"办理中，待处理问题 {r.open_findings} 项"
        print(f"{r.id[:8]}  {r.received}  {REVIEW_TYPE_LABELS[r.type]}  {r.title or r.file_name}  {r.unit}  {status}")
    print(f"共 {len(rows)} 件")
    return EXIT_OK


def _print_state(state) -> None:
    from workbench.log import DISPOSITION_LABELS
    from workbench.rules.model import SEVERITY_LABELS

    d = state.document
    print(f"{state.type_label}  {d.title or d.file_name}" + (f"（{d.doc_number}）" if d.doc_number else ""))
    print(f"  送审单位：{state.unit or '—'}  收文：{state.received}  审查人：{state.reviewer}"
          + (f"  期限：{state.due}" if state.due else ""))
    if d.previous_id:
        print(f"  修改稿：前一稿记录 {d.previous_id[:8]}")
    if state.legal_review_required is not None:
        print(f"  按目录清单须法制审核：{'是' if state.legal_review_required else '否'}")
    status = f"已办结（{state.closed}），结论：{state.conclusion_label}" if state.conclusion else "办理中"
    print(f"  状态：{status}")
    print(f"  问题 {len(state.findings)} 项：")
    for f in state.findings:
        where = f"第{f.paragraph}段" if f.paragraph else "全文"
        note = f"：{f.reason}" if f.reason else ""
        print(f"    {f.label}  [{DISPOSITION_LABELS[f.status]}{note}]  {SEVERITY_LABELS.get(f.severity, f.severity)}  "
              f"{where}  {f.message}")
        if f.excerpt:
            print(f"        原文：{f.excerpt}")
    if state.opinions:
        print(f"  法律顾问意见 {len(state.opinions)} 条：")
        labels = {f.id: f.label for f in state.findings}
        for o in state.opinions:
            anchor = labels.get(o.finding_id, "") or (f"“{o.passage}”" if o.passage else "")
            edited = f"（修改 {o.versions - 1} 次）" if o.versions > 1 else ""
            print(f"    {o.id[:8]}  {o.counsel}  {o.written}" + (f"  关于 {anchor}" if anchor else "") + f"{edited}：{o.text}")


def local_time(iso_utc: str) -> str:
    """An event's UTC time as the local wall-clock time a reviewer remembers."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso_utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso_utc


def _event_detail(e, state, findings: dict) -> str:
    """What the event did, in words: which finding, which conclusion, which opinion."""
    from workbench.log.model import CONCLUSION_LABELS, DISPOSITION_LABELS

    p = e.payload
    if e.type == "finding.recorded":
        return f"：F{p.get('number')} {_short(p.get('message', ''))}"
    if e.type == "finding.disposed":
        f = findings.get(p.get("finding_uuid"))
        which = f" {f.label}（{_short(f.message, 24)}）" if f else ""
        reason = f"，理由：{p['reason']}" if p.get("reason") else ""
        return f"{which}：{DISPOSITION_LABELS.get(p.get('status'), p.get('status'))}{reason}"
    if e.type in ("opinion.added", "opinion.edited"):
        f = findings.get(p.get("finding_uuid"))
        about = f"（针对 {f.label}）" if f else ""
        return f"：{p.get('counsel', '')}{about} {_short(p.get('text', ''))}"
    if e.type in ("review.closed", "review.corrected"):
        label = CONCLUSION_LABELS.get(state.type, {}).get(p.get("conclusion"), p.get("conclusion", ""))
        return f"：{label}（办结日期 {p.get('closed', '')}）"
    if e.type == "review.opened":
        return f"：送审单位 {p.get('unit') or '—'}，收文 {p.get('received', '')}"
    if e.type == "document.received":
        return f"：{p.get('file_name', '')}"
    if e.type == "letter.numbered":
        return f"：{p.get('number', '')}"
    return ""


def _short(text: str, limit: int = 30) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"
