"""``workbench check``: findings per document as text or JSON.

The JSON shape is read by other tools; keep it stable:
``{"documents": [{"path", "kind", "findings": [{"rule", "review", "category",
"severity", "start", "end", "paragraph", "excerpt", "message", "basis"}]}]}``
(a document that could not be read is ``{"path", "error"}``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

from workbench.commands import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from workbench.errors import WorkbenchError


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{value}”格式应为 YYYY-MM-DD，如 2026-10-20") from None


def add_parser(sub) -> None:
    check = sub.add_parser("check", help="审查文件并输出问题清单")
    check.add_argument("paths", nargs="+", metavar="PATH", help=".docx/.txt/.pdf/.doc/.wps 文件或包含这些文件的文件夹")
    check.add_argument("--kind", choices=["auto", "normative", "enforcement"], default="auto", help="文件类型（默认自动识别）")
    check.add_argument("--as-of", type=iso_date, help="按哪一天的法律状态审查（默认取文件落款日期，无日期时取今天）")
    check.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")


def run(args) -> int:
    return _cmd_check(args)


def _expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """The files to check, and notes on what was skipped (a folder linked into itself)."""
    from workbench.intake import SUPPORTED_SUFFIXES

    out: list[str] = []
    notes: list[str] = []
    for p in paths:
        if not Path(p).is_dir():
            out.append(p)
            continue
        seen: set[str] = set()
        for folder, dirs, files in os.walk(p, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:
                notes.append(f"已跳过文件夹“{folder}”：它链接回已审查过的文件夹（循环链接），其中的文件已审查过或将被审查。")
                dirs[:] = []
                continue
            seen.add(real)
            dirs.sort()
            out += [os.path.join(folder, f) for f in sorted(files) if Path(f).suffix.lower() in SUPPORTED_SUFFIXES]
    return out, notes


def _bug_message(path: str, exc: Exception) -> str:
    return (f"审查文件“{path}”时程序出错（内部错误 {type(exc).__name__}）。这是本程序的缺陷：请把该文件交给维护人员；"
            "其余文件照常审查。")


def _cmd_check(args) -> int:
    from workbench.checking import builtin_engine, check_file, missing_pack_notes

    engine = builtin_engine()
    pack_notes = missing_pack_notes()
    for note in pack_notes:
        print(f"注意：{note}。", file=sys.stderr)
    results, errors = [], []
    paths, notes = _expand(args.paths)
    for note in notes:
        print(note, file=sys.stderr)
    for path in paths:
        try:
            results.append(check_file(path, args.kind, args.as_of, engine))
        except WorkbenchError as exc:
            errors.append((path, exc.message))
            if args.format == "text":
                print(exc.message, file=sys.stderr)
        except Exception as exc:  # one file's failure is that file's error entry; the batch goes on
            errors.append((path, _bug_message(path, exc)))
            if args.format == "text":
                print(errors[-1][1], file=sys.stderr)
    if args.format == "json":
        payload = {"documents": [_result_json(r) for r in results] + [{"path": p, "error": m} for p, m in errors]}
        if pack_notes:
            payload["missing_packs"] = pack_notes
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        for _, message in errors:
            print(message, file=sys.stderr)
    else:
        for r in results:
            _print_text(r)
    if errors:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if any(r.has_errors for r in results) else EXIT_OK


def _result_json(r) -> dict:
    from workbench.rules.caselib import attach_related_cases

    attach_related_cases(r.findings)
    d = r.document
    return {
        "path": d.path,
        "kind": d.kind.value if d.kind else None,
        "title": d.title,
        "doc_number": d.doc_number,
        "date": d.date.isoformat() if d.date else None,
        "as_of": r.as_of.isoformat() if r.as_of else None,
        "findings": [f.to_json() for f in r.findings],
        **({"legal_review": {"required": lr[0], "items": lr[1]}} if (lr := r.legal_review()) is not None else {}),
    }


def _print_text(r) -> None:
    from workbench.rules.model import SEVERITY_LABELS

    d = r.document
    head = [d.path, f"[{d.kind.label}]" if d.kind else ""]
    if d.title:
        head.append(d.title)
    if d.doc_number:
        head.append(d.doc_number)
    if d.date:
        head.append(f"{d.date.year}年{d.date.month}月{d.date.day}日")
    print("  ".join(x for x in head if x))
    for note in d.notes:
        print(f"  注：{note}")
    from workbench.rules.caselib import attach_related_cases

    attach_related_cases(r.findings)
    for f in r.findings:
        where = f"{f.paragraph}:{f.column}" if f.paragraph else "全文"
        print(f"  {where:>8}  {SEVERITY_LABELS[f.severity]}  {f.rule}  {f.message}")
        if f.basis:
            print(f"{'':12}依据：{'；'.join(f.basis)}")
        if f.excerpt:
            print(f"{'':12}原文：{f.excerpt}")
        if f.related_case and f.rule != "fc.case.resembles_published":
            case = f.related_case
            print(f"{'':12}类似案例：{case['clause'][:50]}（{case['notice']}，相似度 {case['score']:.2f}）")
    lr = r.legal_review()
    if lr is not None:
        print("  法制审核：" + ("须经法制审核（目录事项：" + "；".join(lr[1]) + "）" if lr[0] else "未列入重大执法决定法制审核目录"))
    c = r.counts()
    print(f"  共 {len(r.findings)} 项：错误 {c['error']}，警示 {c['warning']}，提示 {c['info']}（按 {r.as_of} 的法律状态）\n")
