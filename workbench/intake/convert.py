"""Legacy .doc and WPS .wps drafts, converted to .docx by LibreOffice when installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from workbench.errors import InputError
from workbench.intake.limits import CONVERT_TIMEOUT_SECONDS

INSTALL_HINT = "请安装 LibreOffice（Debian/统信/麒麟：sudo apt-get install libreoffice-writer），或在 Word/WPS 中另存为 .docx 后再打开"


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: str) -> tuple[Path, tempfile.TemporaryDirectory]:
    """Convert with ``soffice --headless``; returns the .docx and its temp dir (keep it alive)."""
    soffice = find_soffice()
    if soffice is None:
        raise InputError(path, f"{Path(path).suffix} 格式需要 LibreOffice 转换，但本机没有安装 LibreOffice", INSTALL_HINT)
    tmp = tempfile.TemporaryDirectory(prefix="workbench-convert-")
    # A private profile: a running LibreOffice of the user's must not block us.
    profile = Path(tmp.name, "profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "docx", "--outdir", tmp.name, os.path.abspath(path)]
    try:
        subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        tmp.cleanup()
        raise InputError(path, f"LibreOffice 转换超过 {CONVERT_TIMEOUT_SECONDS} 秒仍未完成", "请在 Word/WPS 中另存为 .docx 后再打开") from None
    out = Path(tmp.name, Path(path).stem + ".docx")
    if not out.exists():
        tmp.cleanup()
        raise InputError(path, "LibreOffice 无法转换该文件（文件可能已损坏或加密）", "请在 Word/WPS 中打开并另存为 .docx 后再试")
    return out, tmp
