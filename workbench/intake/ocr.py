"""Offline OCR for scanned PDFs: pdftoppm renders the pages, Tesseract (chi_sim) reads them.

Both are Debian packages (poppler-utils, tesseract-ocr, tesseract-ocr-chi-sim)
installed by scripts/dev.sh; the Chinese model ships with the package, so
nothing is downloaded at run time. Tesseract's TSV output gives a confidence
per word: the document carries the character-weighted mean, and the window
marks the text as recognised by OCR with that figure.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import InputError
from workbench.progress import NO_PROGRESS, Progress

LANGUAGE = "chi_sim"
DPI = 300  # Tesseract reads Chinese best at 300 dpi
MAX_PAGES = 200  # a scanned draft is a few pages; this bounds a hostile file
PAGE_TIMEOUT_SECONDS = 600  # generous: a busy 2-core machine is slow, never wrong
_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<={_CJK})\s+(?={_CJK})")

INSTALL_HINT = ("请安装 OCR 组件（Debian/统信/麒麟：sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils），"
                "或取得 Word 版本后再打开")


@dataclass(frozen=True)
class OcrText:
    pages: list[list[str]]  # lines of each page
    confidence: float  # 0–100, weighted by characters


def missing() -> str | None:
    """What is not installed for OCR (None when everything is)."""
    if not shutil.which("pdftoppm"):
        return "pdftoppm（poppler-utils）"
    if not shutil.which("tesseract"):
        return "Tesseract"
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return "Tesseract"
    return None if LANGUAGE in langs else "Tesseract 中文模型（tesseract-ocr-chi-sim）"


def _env() -> dict:
    # One thread per Tesseract: the machine is shared; OpenMP would spin all cores.
    return dict(os.environ, OMP_THREAD_LIMIT="1")


def read_scanned_pdf(path: str, pages: int, progress: Progress = NO_PROGRESS) -> OcrText:
    """Recognise the text of the first ``pages`` pages of the PDF at ``path``."""
    lacking = missing()
    if lacking:
        raise InputError(path, f"PDF 没有文字层（可能是扫描件），本机缺少文字识别所需的 {lacking}", INSTALL_HINT)
    if pages > MAX_PAGES:
        raise InputError(path, f"扫描件有 {pages} 页，超过文字识别的上限 {MAX_PAGES} 页", "请只保留草案的页面后再打开")
    out_pages: list[list[str]] = []
    weighted = chars = 0.0
    with tempfile.TemporaryDirectory(prefix="workbench-ocr-") as tmp:
        for number in range(1, pages + 1):
            progress.step(f"正在识别扫描件文字（第 {number}/{pages} 页）", 0.05 + 0.5 * (number - 1) / pages)
            image = Path(tmp, f"p{number}")
            _run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                  os.path.abspath(path), str(image)], path)
            tsv = _run(["tesseract", str(image) + ".png", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"], path)
            lines, page_weighted, page_chars = _lines(tsv)
            out_pages.append(lines)
            weighted += page_weighted
            chars += page_chars
            Path(str(image) + ".png").unlink(missing_ok=True)
    return OcrText(out_pages, weighted / chars if chars else 0.0)


def _run(cmd: list[str], path: str) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=PAGE_TIMEOUT_SECONDS, env=_env(), check=False)
    except subprocess.TimeoutExpired:
        raise InputError(path, f"扫描件一页的文字识别超过 {PAGE_TIMEOUT_SECONDS} 秒仍未完成", "请取得 Word 版本后再打开") from None
    except OSError:
        raise InputError(path, "无法运行文字识别程序", INSTALL_HINT) from None
    if done.returncode != 0:
        raise InputError(path, "扫描件的页面无法识别（文件可能已损坏）", "请重新扫描或取得 Word 版本后再打开")
    return done.stdout.decode("utf-8", "replace")


def _lines(tsv: str) -> tuple[list[str], float, float]:
    """Text lines from Tesseract's TSV, and the confidence sum weighted by characters."""
    lines: dict[tuple, list[str]] = {}
    weighted = chars = 0.0
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        try:
            conf = float(row.get("conf") or -1)
        except ValueError:
            conf = -1
        if not text or conf < 0:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append(text)
        weighted += conf * len(text)
        chars += len(text)
    # Tesseract puts a space between Chinese characters; the draft has none.
    return [_SPACE_BETWEEN_CJK.sub("", " ".join(words)) for _, words in sorted(lines.items())], weighted, chars
