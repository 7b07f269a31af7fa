"""The reviewed draft sent back marked up: the unit's own file with our comments in it.

``annotate(state, file_name, data, out)`` works on the draft as received (the
log keeps its bytes) and touches nothing else, so it may run on a worker
thread; ``annotate_review(log, review_id, out)`` reads both from the log
first. A .docx draft is annotated in place (every run outside a passage is
left as it was); a .txt, .pdf, .doc or .wps draft becomes a plain .docx of
its text, one paragraph per paragraph, and that is annotated.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as open_docx

from workbench.annotate.notes import plan_notes
from workbench.annotate.writer import place_notes
from workbench.errors import WorkbenchError
from workbench.intake import Document, load_stored
from workbench.intake.metadata import reading_date
from workbench.laws.registry import default_registry
from workbench.log.model import DOCUMENT_KIND_FOR_TYPE, ReviewState
from workbench.progress import NO_PROGRESS, Progress

# Characters a .docx cannot hold, or that python-docx would write as another
# character than the intake reads back: a space keeps every offset in place.
_UNSAFE = {c: " " for c in [*range(0, 9), 11, 12, *range(14, 32), 13]}


@dataclass
class AnnotateResult:
    path: Path
    comments: int
    tracked: int
    plain: bool  # the draft was not a .docx: its text was laid out as a plain one
    open_findings: int
    dismissed_left_out: int
    remarks: list[str] = field(default_factory=list)  # what the user should know (Chinese)

    def summary(self) -> str:
        parts = [f"批注 {self.comments} 条", f"修订 {self.tracked} 处"]
        if self.open_findings:
            parts.append(f"{self.open_findings} 项问题尚未处理，未写入")
        if self.dismissed_left_out:
            parts.append(f"{self.dismissed_left_out} 项不采纳的问题未写入")
        return "，".join(parts)


def plain_docx(doc: Document):
    """A .docx of ``doc``'s text, one paragraph per paragraph (A4, 仿宋 3号), and the
    document as that file reads (unsafe characters turned into spaces)."""
    from workbench.reports.docx import declare_fonts, set_up_page, set_up_styles

    docx = open_docx()
    set_up_page(docx)
    set_up_styles(docx)
    items = []
    for i, p in enumerate(doc.paragraphs):
        text = doc.paragraph_text(i).translate(_UNSAFE)
        docx.add_paragraph().add_run(text)
        items.append((text, {"source": p.source, "table": p.table, "style": p.style}))
    declare_fonts(docx)
    docx.core_properties.title = doc.title or Path(doc.path).stem
    docx.core_properties.author = "合法性审查工作台"  # not python-docx's template's own name
    safe = Document.from_paragraphs(doc.path, items, "docx")
    return docx, safe


def annotate(state: ReviewState, file_name: str, data: bytes, out, *, include_dismissed: bool = False,
             tracked_changes: bool = True, progress: Progress = NO_PROGRESS) -> AnnotateResult:
    """Write the annotated draft of ``state`` to ``out`` (.docx); returns what went in."""
    out = Path(out)
    progress.step("正在读取送审原文", 0.05)
    doc = load_stored(file_name, data, DOCUMENT_KIND_FOR_TYPE[state.type])
    plan = plan_notes(state, doc, registry=default_registry(), as_of=reading_date(doc, None),
                      include_dismissed=include_dismissed, tracked_changes=tracked_changes)
    progress.step("正在定位批注", 0.2)
    plain = doc.format != "docx"
    if plain:
        docx, target = plain_docx(doc)
    else:
        docx, target = open_docx(io.BytesIO(data)), doc
    try:
        placed = place_notes(docx, target, plan.notes, progress)
    except ValueError:
        raise WorkbenchError(
            "日志中保存的草案原文与审查时读取的文字不一致，无法确定批注位置。请重新打开该草案登记审查后再导出。"
        ) from None
    _save(docx, out)  # no step after this: a cancel now would come after the file is written
    remarks = []
    if plain:
        remarks.append(f"送审文件为 {Path(file_name).suffix or '文本'} 格式，已按原文段落生成 Word 文档后加注。")
    if plan.moved:
        remarks.append("以下各项在原文中未找到原位置，已就近或在首段加注：" + "、".join(plan.moved) + "。")
    if placed.untracked:
        remarks.append("以下各项的法律名称未能以修订方式替换（原文格式复杂），已在批注中说明：" + "、".join(placed.untracked) + "。")
    return AnnotateResult(out, placed.comments, placed.tracked, plain, plan.open_findings, plan.dismissed_left_out, remarks)


def annotate_review(log, review_id: str, out, **options) -> AnnotateResult:
    """Read the review and its draft from ``log`` (on its thread), then ``annotate``."""
    state = log.review(review_id)
    stored = log.document_file(state.id)
    if stored is None:
        raise WorkbenchError("本日志中没有这份草案的原文（可能是从其他电脑合并来的记录），无法生成批注稿。"
                             "请在原电脑上导出，或重新打开该草案登记审查。")
    return annotate(state, *stored, out, **options)


def _save(docx, out: Path) -> None:
    """Write next to ``out`` first, then move it into place: a failed write leaves no half file."""
    if out.suffix.lower() != ".docx":
        raise WorkbenchError(f"批注稿须保存为 .docx 文件（收到“{out.name}”）。请改用 .docx 扩展名。")
    tmp = out.with_name(f".{out.name}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        docx.save(str(tmp))
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(f"无法写入“{out}”（{exc.strerror or exc}）。请关闭已打开的该文件，或另选保存位置。") from None
