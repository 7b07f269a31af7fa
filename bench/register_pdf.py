"""Benchmark: a register of 1,000 reviews to PDF (target < 5 s).

    .venv/bin/python bench/register_pdf.py [--reviews 1000] [--db PATH] [--out register.pdf]

Builds a log through the public ``ReviewLog`` API (each review opened with
three findings, two of them disposed, two counsel opinions, closed), all
received in one year; then times, for that year: reading the rows
(``build_register``), and laying out and writing the A4 landscape PDF
(``workbench.gui.printing.export_register_pdf``, the same ``render`` as the
print preview). Runs without a display (Qt's offscreen platform).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.checking import CheckResult  # noqa: E402
from workbench.intake import document_from_text  # noqa: E402
from workbench.log import ReviewLog  # noqa: E402
from workbench.reports import build_register  # noqa: E402
from workbench.rules.model import Finding  # noqa: E402

YEAR = 2026
MESSAGES = [
    ("leg.creates.licence", "legality", "creates_power", "以“须经本局批准”设定审批，规范性文件不得设定行政许可；如上位法已有规定，请写明依据。"),
    ("fc.entry.designated_operator", "fair_competition", "market_entry_exit", "限定经营、购买或者使用特定经营者提供的商品或者服务（“须使用县建材有限公司”），违反公平竞争审查标准。"),
    ("leg.procedure.no_validity_period", "legality", "procedure", "未写明有效期。规范性文件应当规定有效期（一般不超过5年）。"),
]


def build(path: Path, reviews: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    first = date(YEAR, 1, 1)
    with ReviewLog.open(path) as log:
        for i in range(reviews):
            received = first + timedelta(days=i * 365 // reviews)
            text = f"关于第{i}项工作的通知\n各单位：\n一、本市范围内的排污单位须经本局批准后方可排放污染物。\n"
            findings = [Finding(rule, review, category, "error", 20, 26, 3, 1, "须经本局批准后方可排放污染物", message,
                                ["《中华人民共和国行政许可法》第十七条"], "须经本局批准")
                        for rule, review, category, message in MESSAGES]
            result = CheckResult(document_from_text(text, "normative", f"草案{i}.txt"), findings)
            review = log.open_review(result, "legality", unit=f"第{i % 12}科", reviewer=rng.choice(["张三", "李四"]),
                                     received=received, file_bytes=text.encode("utf-8"))
            log.dispose(review, "F1", "accept")
            log.dispose(review, "F2", "dismiss", reason="不属于本类审查")
            log.add_opinion(review, "王律师", "第一条属于设定行政许可，建议删除。", finding_id="F1", written=received)
            log.add_opinion(review, "赵律师", "同意审查意见。", written=received)
            log.close_review(review, rng.choice(["pass", "amend", "reject"]), closed=received + timedelta(days=5))
            if (i + 1) % 100 == 0:
                print(f"\r  {i + 1} reviews", end="", flush=True)
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reviews", type=int, default=1000)
    ap.add_argument("--db", help="build the log here, or reuse it if it exists (default: a temporary file)")
    ap.add_argument("--out", help="keep the PDF here (default: a temporary file)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    os.environ.setdefault("WORKBENCH_DATA_DIR", str(Path(tmp.name) / "data"))
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.sqlite3"
    if not path.exists():
        print(f"building {path}: {args.reviews} reviews")
        t = time.perf_counter()
        build(path, args.reviews)
        print(f"  built in {time.perf_counter() - t:.1f} s")

    from workbench.gui.printing import ensure_app, export_register_pdf

    ensure_app()
    out = Path(args.out) if args.out else Path(tmp.name) / "register.pdf"
    with ReviewLog.open(path, readonly=True) as log:
        t0 = time.perf_counter()
        register = build_register(log, date(YEAR, 1, 1), date(YEAR, 12, 31), bureau="某市生态环境局")
        t1 = time.perf_counter()
    export_register_pdf(out, register)
    t2 = time.perf_counter()
    from pypdf import PdfReader

    pages = len(PdfReader(out).pages)
    total = t2 - t0
    print(f"register {YEAR}: {len(register.rows)} rows, {pages} pages, {out.stat().st_size / 1e6:.1f} MB")
    print(f"  rows from the log: {(t1 - t0) * 1000:.0f} ms")
    print(f"  layout and PDF:    {(t2 - t1) * 1000:.0f} ms")
    print(f"  total:             {total:.2f} s (target < 5 s) {'OK' if total < 5 else 'TOO SLOW'}")
    return 0 if total < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
