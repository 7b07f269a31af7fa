"""Whole-process start-up of ``workbench check`` and its peak memory (run by hand).

Targets (issue #15), each a whole process from exec to exit, median of repeated runs:
``workbench check`` on a 5,000-character draft <= 0.3 s; on a folder of 100 drafts
<= 5 s; peak memory on a 4 MB text <= 100 MB. (The window: bench/gui_speed.py.)

    .venv/bin/python bench/startup_speed.py [--shared ../shared] [--runs 15] [--bundle dist/legality-workbench]

The drafts are cut from the real documents under shared/eval/. Each command runs
once to warm the caches (as every start after the first does), then ``--runs``
times; the machine is shared, so the median is the figure, and the load average
is printed beside it, with the median CPU time (user + system; /usr/bin/time's
resolution is 10 ms), which a loaded machine does not inflate. ``PYTHONDONTWRITEBYTECODE`` is removed from the children's
environment: with it set, every start compiles the sources anew (~85 ms), which
no installed copy does. ``--cold`` also times a start with empty caches.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paragraphs(shared: Path) -> list[str]:
    out = []
    for path in sorted((shared / "eval").rglob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    return out


def draft_text(paras: list[str], chars: int, rng: random.Random) -> str:
    out, n = ["关于加强建设项目环境管理的若干规定（征求意见稿）"], 0
    while n < chars:
        p = rng.choice(paras)
        out.append(p)
        n += len(p) + 1
    return "\n".join(out)[:chars]


def write_docx(path: Path, text: str) -> None:
    from docx import Document

    doc = Document()
    for line in text.split("\n"):
        doc.add_paragraph(line)
    doc.save(path)


GNU_TIME = "/usr/bin/time"  # Debian's "time": the child's own peak RSS (a fork of this script would count ours)


def run_once(cmd: list[str], env: dict) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one whole process, as /usr/bin/time reports them.

    CPU time (user + system) is what the process itself costs: on a loaded machine the
    wall time also counts the time it waited for a core."""
    t = time.perf_counter()
    r = subprocess.run([GNU_TIME, "-f", "TIME %e %M %U %S", *cmd], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    line = [x for x in r.stderr.splitlines() if x.startswith("TIME ")]
    if r.returncode not in (0, 1) or not line:
        raise SystemExit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr[-500:]}")
    _, _, rss, user, system = line[-1].split()
    return wall, float(user) + float(system), int(rss) / 1024


def measure(label: str, cmd: list[str], env: dict, runs: int, target: str) -> None:
    run_once(cmd, env)  # warm: caches written, files in the page cache
    load = os.getloadavg()[0]
    samples = [run_once(cmd, env) for _ in range(runs)]
    walls = [s[0] for s in samples]
    cpus = [s[1] for s in samples]
    rss = max(s[2] for s in samples)
    print(f"{label:<44} wall median {statistics.median(walls):6.3f} s  min {min(walls):6.3f} s  max {max(walls):6.3f} s  "
          f"CPU median {statistics.median(cpus):6.3f} s  peak {rss:5.0f} MB  "
          f"({runs} runs, load {load:.2f}→{os.getloadavg()[0]:.2f})  target {target}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--bundle", type=Path, help="also time the PyInstaller bundle in this folder")
    ap.add_argument("--cold", action="store_true", help="also time one start with empty caches")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="workbench-startup-"))
    rng = random.Random(15)
    paras = paragraphs(args.shared)
    small_txt = tmp / "draft-5000.txt"
    small_txt.write_text(draft_text(paras, 5000, rng), encoding="utf-8")
    small_docx = tmp / "draft-5000.docx"
    write_docx(small_docx, small_txt.read_text(encoding="utf-8"))
    folder = tmp / "folder"
    folder.mkdir()
    for i in range(100):
        text = draft_text(paras, rng.randint(3000, 8000), rng)
        if i % 2:
            write_docx(folder / f"draft-{i:03}.docx", text)
        else:
            (folder / f"draft-{i:03}.txt").write_text(text, encoding="utf-8")
    big = tmp / "big-4mb.txt"
    big.write_text(draft_text(paras, 4 * 1024 * 1024 // 3, rng), encoding="utf-8")  # ~4 MB of UTF-8

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["WORKBENCH_DATA_DIR"] = str(tmp / "data")
    programs = [("venv", [str(Path(sys.executable).with_name("workbench"))])]
    if args.bundle:
        exe = args.bundle / ("legality-workbench.exe" if sys.platform == "win32" else "legality-workbench")
        size = sum(f.stat().st_size for f in args.bundle.rglob("*") if f.is_file() and not f.is_symlink())
        print(f"bundle {args.bundle}: {size / 1024 / 1024:.0f} MB in {sum(1 for _ in args.bundle.rglob('*'))} files")
        programs.append(("bundle", [str(exe)]))
    print(f"{os.cpu_count()} cores; 5,000-character draft; folder of 100 drafts (50 .docx, 50 .txt, 3,000–8,000 characters); "
          f"{big.stat().st_size / 1024 / 1024:.1f} MB text")
    for name, prog in programs:
        if args.cold:
            shutil.rmtree(tmp / "data", ignore_errors=True)
            wall, cpu, rss = run_once(prog + ["check", str(small_txt)], env)
            print(f"{name}: check 5,000-char .txt, empty caches (first start ever): {wall:.3f} s (CPU {cpu:.2f} s), peak {rss:.0f} MB")
        measure(f"{name}: check 5,000-char .txt", prog + ["check", str(small_txt)], env, args.runs, "<= 0.3 s")
        measure(f"{name}: check 5,000-char .docx", prog + ["check", str(small_docx)], env, args.runs, "<= 0.3 s")
        measure(f"{name}: check folder of 100 drafts", prog + ["check", str(folder)], env, max(3, args.runs // 5), "<= 5 s")
        measure(f"{name}: check 4 MB text", prog + ["check", str(big)], env, 3, "peak <= 100 MB")
        measure(f"{name}: --version (interpreter and CLI only)", prog + ["--version"], env, args.runs, "-")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
