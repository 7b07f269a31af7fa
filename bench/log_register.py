"""Benchmark: the register for one year from a log holding 1,000,000 opinions.

    .venv/bin/python bench/log_register.py [--opinions 1000000] [--years 75] [--db PATH]

Builds the log through the log's own append path (records, events and hash
chain exactly as the program writes them, in large transactions), then times
``ReviewLog.register_rows`` for the last year: the first call on a freshly
opened log (cold cache) and the median of repeated calls. Target: < 100 ms.

The opinions are spread evenly over ``--years`` years, 10 per review, with
3 findings and 2 dispositions per review; so a year holds opinions/years
opinions: 13,333 by default, ten times the 1,341 a busy bureau reports (see
DOMAIN.md). The register's cost follows the size of the year, not of the log
(all its queries go through the index on reviews.received); ``--years 20``
(50,000 opinions in the year) shows that.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.log import ReviewLog  # noqa: E402
from workbench.log.chain import canonical  # noqa: E402
from workbench.log.store import new_uuid  # noqa: E402

OPINIONS_PER_REVIEW = 10
FINDINGS_PER_REVIEW = 3
BATCH_REVIEWS = 2000


def build(log: ReviewLog, opinions: int, years: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    reviews = opinions // OPINIONS_PER_REVIEW
    first_day = date(date.today().year - years + 1, 1, 1)
    span = (date(date.today().year, 12, 31) - first_day).days + 1
    basis = canonical(["《某法》第一条"])
    done = 0
    started = time.perf_counter()
    while done < reviews:
        entries = []
        for i in range(done, min(done + BATCH_REVIEWS, reviews)):
            received = first_day + timedelta(days=i * span // reviews)
            at = f"{received.isoformat()}T01:00:00.{i % 1000000:06d}+00:00"
            doc, review = new_uuid(), new_uuid()
            actor = rng.choice(["张三", "李四", "王五"])
            entries.append(("documents", "document.received", {
                "uuid": doc, "sha256": f"{rng.getrandbits(256):064x}", "file_name": f"草案{i}.docx",
                "kind": "normative", "title": f"关于第{i}项工作的通知", "doc_number": "", "unit": f"第{i % 12}科",
                "received": received.isoformat(), "previous_uuid": None, "actor": actor, "at": at,
            }))
            entries.append(("reviews", "review.opened", {
                "uuid": review, "document_uuid": doc, "type": rng.choice(["legality", "fair_competition", "enforcement"]),
                "reviewer": actor, "unit": f"第{i % 12}科", "received": received.isoformat(),
                "opened": received.isoformat(), "due": None, "legal_review_required": None, "actor": actor, "at": at,
            }))
            findings = []
            for n in range(1, FINDINGS_PER_REVIEW + 1):
                findings.append(new_uuid())
                entries.append(("findings", "finding.recorded", {
                    "uuid": findings[-1], "review_uuid": review, "number": n, "rule": "leg.creates.licence",
                    "rule_review": "legality", "category": "creates_power", "severity": "error",
                    "start_offset": 10 * n, "end_offset": 10 * n + 6, "paragraph": n, "col": 1,
                    "excerpt": "须经本局批准后方可排放污染物", "message": "规范性文件不得设定行政许可", "basis": basis,
                    "matched": "须经本局批准", "actor": actor, "at": at,
                }))
            for n, status in enumerate(("accepted", "dismissed")):
                entries.append(("dispositions", "finding.disposed", {
                    "uuid": new_uuid(), "finding_uuid": findings[n], "review_uuid": review, "status": status,
                    "reason": "上位法已有规定" if status == "dismissed" else "", "supersedes": None,
                    "actor": actor, "at": at,
                }))
            for n in range(OPINIONS_PER_REVIEW):
                op = new_uuid()
                entries.append(("opinions", "opinion.added", {
                    "uuid": op, "opinion_uuid": op, "review_uuid": review, "finding_uuid": findings[n % 3],
                    "passage": "", "passage_start": None, "passage_end": None, "counsel": rng.choice(["王律师", "赵律师"]),
                    "text": f"建议修改第{n + 1}处表述，写明上位法依据。", "written": received.isoformat(),
                    "supersedes": None, "actor": actor, "at": at,
                }))
            entries.append(("closures", "review.closed", {
                "uuid": new_uuid(), "review_uuid": review, "conclusion": rng.choice(["pass", "reject"]),
                "closed": (received + timedelta(days=10)).isoformat(), "supersedes": None, "actor": actor, "at": at,
            }))
        with log._write():
            log._append(entries)
        done += BATCH_REVIEWS
        rate = done * OPINIONS_PER_REVIEW / (time.perf_counter() - started)
        print(f"\r  {done * OPINIONS_PER_REVIEW:,} opinions ({rate:,.0f}/s)", end="", flush=True)
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--opinions", type=int, default=1_000_000)
    ap.add_argument("--years", type=int, default=75)
    ap.add_argument("--db", help="build the log here, or reuse it if it exists (default: a temporary file)")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    tmp = None
    if args.db:
        path = Path(args.db)
    else:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "bench.sqlite3"
    if not path.exists():
        print(f"building {path}: {args.opinions:,} opinions over {args.years} years")
        t = time.perf_counter()
        with ReviewLog.open(path) as log:
            build(log, args.opinions, args.years)
            log.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            log.conn.execute("ANALYZE")
        print(f"  built in {time.perf_counter() - t:.1f} s, {path.stat().st_size / 1e6:.0f} MB")
    year = date.today().year
    with ReviewLog.open(path, readonly=True) as log:
        counts = {t: log.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("reviews", "opinions", "events")}
        t = time.perf_counter()
        rows = log.register_rows(date(year, 1, 1), date(year, 12, 31))
        cold = (time.perf_counter() - t) * 1000
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            log.register_rows(date(year, 1, 1), date(year, 12, 31))
            times.append((time.perf_counter() - t) * 1000)
        in_year = sum(r["法律顾问意见"].count("\n") + 1 for r in rows if r["法律顾问意见"])
        print(f"log: {counts['reviews']:,} reviews, {counts['opinions']:,} opinions, {counts['events']:,} events")
        print(f"register {year}: {len(rows):,} rows, {in_year:,} opinions in them")
        print(f"  first call (new connection; the OS file cache as it happens to be): {cold:.1f} ms")
        print(f"  median of {args.repeat}: {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f})")
        plan = log.conn.execute(
            "EXPLAIN QUERY PLAN SELECT uuid FROM opinions WHERE review_uuid IN "
            "(SELECT r.uuid FROM reviews r WHERE r.received BETWEEN ? AND ?)", ["2026-01-01", "2026-12-31"]
        ).fetchall()
        print("  plan: " + "; ".join(p[-1] for p in plan))
    if tmp:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
