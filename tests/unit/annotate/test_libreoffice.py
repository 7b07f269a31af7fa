"""The annotated draft as a reader's office suite sees it: LibreOffice Writer (installed by
scripts/dev.sh) converts it to PDF, and the PDF carries the draft and every comment.

LibreOffice ≥ 7.5 puts the comments in the page margin (ExportNotesInMargin), as text
on the page; older versions (Debian 12 has 7.4) ignore that option and export them as
PDF comment annotations instead. Either way each comment's text must be there, which
LibreOffice only does for a file it opened whole: a broken one is not converted.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from workbench.annotate import annotate_review
from workbench.intake.convert import find_soffice

MARGIN_PDF = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'


def _compact(text: str) -> str:
    return "".join(text.split())


@pytest.mark.skipif(find_soffice() is None, reason="本机没有 LibreOffice（scripts/dev.sh setup 会安装 libreoffice-writer-nogui）")
def test_libreoffice_opens_the_file_and_prints_every_comment(reviewed, log, tmp_path):
    out = tmp_path / "批注稿.docx"
    annotate_review(log, reviewed.review_id, out)
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: another LibreOffice must not block us
    run = subprocess.run(
        [find_soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", MARGIN_PDF,
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=600,
    )
    pdf = tmp_path / "批注稿.pdf"
    assert run.returncode == 0 and pdf.exists(), run.stdout + run.stderr
    reader = PdfReader(pdf)
    page_text = _compact("".join(page.extract_text() for page in reader.pages))
    notes = [_compact(str(a.get_object().get("/Contents", ""))) for page in reader.pages
             for a in page.get("/Annots") or [] if a.get_object().get("/Subtype") == "/Text"]
    assert _compact("某市生态环境局关于加强挥发性有机物排放管理的通知") in page_text
    assert "生态环境法典" in page_text  # the tracked insertion is shown
    for comment in open_docx(out).comments:
        first_line = _compact(comment.text.split("\n", 1)[0])
        assert first_line in page_text or any(n.startswith(first_line) for n in notes), comment.text
    shutil.rmtree(tmp_path / "lo-profile", ignore_errors=True)
