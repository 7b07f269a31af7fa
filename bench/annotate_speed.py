"""Benchmark: the annotated draft (批注稿) of long drafts; cost should grow linearly with the text.

    .venv/bin/python bench/annotate_speed.py [--paragraphs 250 500 1000 2000]

For each size writes a .docx whose every paragraph has mixed formatting (three
runs, one bold) and one clause the rules flag, with a Word-numbered paragraph
every ten and a cited repealed law every fifty; checks it with the rule
engine, records it in a fresh log with every finding accepted and an opinion
every ten paragraphs, then times ``annotate_review`` (read the stored draft,
map offsets to runs, cut runs, write comments and tracked changes, save).
Prints seconds and comments per size, and seconds per 1,000 paragraphs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docx import Document  # noqa: E402

from workbench.annotate import annotate_review  # noqa: E402
from workbench.checking import check_file  # noqa: E402
from workbench.log import ReviewLog  # noqa: E402


def write_draft(path: Path, paragraphs: int) -> None:
    doc = Document()
    doc.add_paragraph("某市生态环境局关于加强排污单位管理的若干规定").runs[0].bold = True
    for i in range(paragraphs):
        p = doc.add_paragraph()
        p.add_run(f"第{i + 1}项 本市范围内的排污单位")
        p.add_run("须经本局批准后方可").bold = True
        if i % 50 == 0:
            p.add_run("排放污染物，依据《中华人民共和国大气污染防治法》第一百零八条执行。")
        else:
            p.add_run("排放污染物，具体办法另行制定。")
    doc.add_paragraph("本规定自2026年10月1日起施行，有效期五年。")
    doc.add_paragraph("2026年9月1日")
    doc.save(str(path))


def run(paragraphs: int, folder: Path) -> tuple[float, int]:
    draft = folder / f"draft{paragraphs}.docx"
    write_draft(draft, paragraphs)
    with ReviewLog.open(folder / f"log{paragraphs}.sqlite3") as log:
        rid = log.open_review(check_file(draft, "normative"), "legality", reviewer="张三")
        state = log.review(rid)
        for f in state.findings:
            log.dispose(rid, f.label, "accept")
        for f in state.findings[::10]:
            log.add_opinion(rid, "王律师", "建议删除。", finding_id=f.label)
        t0 = time.perf_counter()
        result = annotate_review(log, rid, folder / f"out{paragraphs}.docx")
        return time.perf_counter() - t0, result.comments


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[250, 500, 1000, 2000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.paragraphs:
            seconds, comments = run(n, Path(tmp))
            print(f"{n:>6} 段  批注 {comments:>5} 条  {seconds:6.2f} s  （每千段 {seconds / n * 1000:5.2f} s）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
