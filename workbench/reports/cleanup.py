"""清理结果: the table of one 清理 run (Excel, print) and the list a bureau publishes (.docx).

``cleanup_ledger(run, items, bureau)`` is a ``Ledger`` (one row per document: particulars,
the proposal and its reasons, the bureau's decision and who made it), written by the
register's .xlsx writer. ``write_cleanup_docx`` writes the notice a bureau publishes
(关于公布规范性文件清理结果的通知) with one 附件 list per outcome — 继续有效, 决定修改,
决定废止, 宣布失效 — each a table of 序号, 文件名称, 文号 (and the reason for the last three),
laid out after GB/T 9704 like the opinion letters.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

from workbench.reports.docx import (
    TYPE_AREA_WIDTH_MM,
    _format,
    _page_number_footer,
    declare_fonts,
    set_run_font,
    set_up_page,
    set_up_styles,
)
from workbench.reports.layout import (
    LETTER_BODY_PT,
    LETTER_LINE_PT,
    LETTER_TITLE_PT,
    NO_FURNITURE,
    SIZE_4,
    PageFurniture,
    cn_date,
)
from workbench.reports.ledger import Ledger
from workbench.stock.model import OUTCOME_LABELS, OUTCOMES, CleanupItem, CleanupRun

CLEANUP_TITLE = "规范性文件清理结果"
CLEANUP_COLUMNS = ("序号", "文件名称", "文号", "制定机关", "印发日期", "施行日期", "有效期至", "清理建议", "主要理由",
                   "清理结论", "确认说明", "确认人")
# Printed (A4 landscape): 清理建议 and 清理结论 wide enough for their four-character heading on one line.
_WEIGHTS = {"序号": 3, "文件名称": 15, "文号": 9, "制定机关": 8, "印发日期": 7, "施行日期": 7, "有效期至": 7,
            "清理建议": 8, "主要理由": 25, "清理结论": 8, "确认说明": 8, "确认人": 5}
_XLSX = {"序号": 6, "文件名称": 34, "文号": 18, "制定机关": 16, "印发日期": 12, "施行日期": 12, "有效期至": 12,
         "清理建议": 10, "主要理由": 60, "清理结论": 10, "确认说明": 24, "确认人": 9}
UNCONFIRMED = "待确认"
# 附件 lists of the published notice, in the order bureaus publish them.
LIST_TITLES = {"continue": "继续有效的规范性文件目录", "amend": "决定修改的规范性文件目录",
               "repeal": "决定废止的规范性文件目录", "lapse": "宣布失效的规范性文件目录"}


def _reasons_text(item: CleanupItem) -> str:
    lines = [r.text for r in item.reasons]
    change = item.change_text()
    if change:
        lines.append(f"【重新核查】{change}")
    return "\n".join(lines)


def cleanup_ledger(run: CleanupRun, items: list[CleanupItem], bureau: str = "", made: date | None = None,
                   furniture: PageFurniture = NO_FURNITURE) -> Ledger:
    rows = []
    for n, item in enumerate(items, 1):
        d = item.document
        rows.append({
            "序号": n, "文件名称": d.title or d.file_name, "文号": d.doc_number, "制定机关": d.organ,
            "印发日期": cn_date(d.issued), "施行日期": cn_date(d.effective), "有效期至": cn_date(d.expires),
            "清理建议": OUTCOME_LABELS[item.outcome], "主要理由": _reasons_text(item),
            "清理结论": OUTCOME_LABELS[item.decision] + ("（建议已变化，须重新确认）" if item.decision_stale else "")
            if item.decision else UNCONFIRMED,
            "确认说明": item.decision_reason, "确认人": item.decided_by,
        })
    return Ledger(
        title=CLEANUP_TITLE, columns=CLEANUP_COLUMNS, rows=rows, bureau=bureau,
        filter_text=f"清理基准日：{cn_date(run.as_of)}　清理范围：{run.source}", furniture=furniture,
        totals_line=totals_text(items), made=made, weights=_WEIGHTS, xlsx_widths=_XLSX,
        centred=frozenset({"序号", "清理建议", "清理结论", "确认人"}), sheet="清理结果",
    )


def counts(items: list[CleanupItem]) -> dict[str, int]:
    """Documents per outcome that stands (the decision, else the proposal)."""
    c = Counter(i.final for i in items)
    return {k: c[k] for k in OUTCOMES}


def totals_text(items: list[CleanupItem]) -> str:
    if not items:
        return "合计：本次清理无文件。"
    c = counts(items)
    confirmed = sum(1 for i in items if i.decision and not i.decision_stale)
    return (f"合计：清理规范性文件{len(items)}件，其中" + "、".join(f"{OUTCOME_LABELS[k]}{c[k]}件" for k in OUTCOMES)
            + f"；已确认{confirmed}件，待确认{len(items) - confirmed}件。")


def unconfirmed(items: list[CleanupItem]) -> list[CleanupItem]:
    return [i for i in items if not i.decision or i.decision_stale]


def write_cleanup_docx(run: CleanupRun, items: list[CleanupItem], path, *, bureau: str = "",
                       published: date | None = None) -> Path:
    """The 清理结果 as a bureau publishes it: the notice and one 附件 list per outcome."""
    path = Path(path)
    published = published or date.today()
    c = counts(items)
    doc = Document()
    set_up_page(doc)
    set_up_styles(doc)
    organ = bureau or "本机关"
    _para(doc, f"{bureau}关于公布规范性文件清理结果的通知", "title", LETTER_TITLE_PT, WD_ALIGN_PARAGRAPH.CENTER,
          line=LETTER_LINE_PT * 1.25, after=LETTER_LINE_PT / 2)
    _para(doc, "各有关单位：", "body", LETTER_BODY_PT, WD_ALIGN_PARAGRAPH.LEFT, before=LETTER_LINE_PT)
    listed = [k for k in OUTCOMES if c[k]]
    summary = "，".join(f"{_CLAUSE[k]}{c[k]}件" for k in listed)
    _para(doc, f"为维护法制统一，根据规范性文件管理的有关规定，{organ}对截至{cn_date(run.as_of)}制定的规范性文件进行了清理，"
               f"共清理规范性文件{len(items)}件。经清理，{summary}。现将清理结果予以公布。", indent=2)
    if c["repeal"] or c["lapse"]:
        _para(doc, "决定废止和宣布失效的规范性文件，自本通知公布之日起不再执行；决定修改的规范性文件，"
                   "修改完成前与上位法不一致的内容不再执行。", indent=2)
    for n, k in enumerate(listed, 1):
        prefix = "附件：" if n == 1 else "　　　"
        _para(doc, f"{prefix}{n}．{LIST_TITLES[k]}", "body", LETTER_BODY_PT, WD_ALIGN_PARAGRAPH.LEFT,
              before=LETTER_LINE_PT if n == 1 else 0, indent=2)
    _para(doc, bureau, "body", LETTER_BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT, before=LETTER_LINE_PT * 2, right=4)
    _para(doc, cn_date(published), "body", LETTER_BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT, right=4)
    for n, k in enumerate(listed, 1):
        heading = _para(doc, f"附件{n}", "heading1", LETTER_BODY_PT, WD_ALIGN_PARAGRAPH.LEFT)
        heading.paragraph_format.page_break_before = True
        _para(doc, f"{LIST_TITLES[k]}（{c[k]}件）", "title", SIZE_4 * 1.3, WD_ALIGN_PARAGRAPH.CENTER,
              line=LETTER_LINE_PT * 1.25, after=LETTER_LINE_PT / 2)
        chosen = [i for i in items if i.final == k]
        with_reason = k != "continue"
        header = ("序号", "文件名称", "文号") + (("理由",) if with_reason else ())
        widths = (1.3, 5.4, 4.0, 5.0) if with_reason else (1.3, 8.2, 4.5)
        rows = [(str(j), i.document.title or i.document.file_name, i.document.doc_number)
                + ((published_reason(i),) if with_reason else ()) for j, i in enumerate(chosen, 1)]
        _list_table(doc, header, rows, widths)
    _page_number_footer(doc)
    declare_fonts(doc)
    doc.core_properties.title = f"{bureau}规范性文件清理结果"
    doc.core_properties.author = "合法性审查工作台"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


_CLAUSE = {"continue": "继续有效的", "amend": "决定修改的", "repeal": "决定废止的", "lapse": "宣布失效的"}
_LIST_PT = 12.0  # 小四 in the list tables: a 文件名称 fits on one or two lines
_LIST_LINE_PT = 18.0


_TITLE_RE = re.compile(r"《[^》]+》")


def published_reason(item: CleanupItem) -> str:
    """The short reason a published list gives: the bureau's own words, else one phrase per
    kind of reason (所依据的《…》已废止；有效期已届满 …); the full reasons are in the Excel table."""
    if item.decision_reason:
        return item.decision_reason
    parts: list[str] = []
    repealed = []
    for r in item.reasons:
        if r.kind == "repealed":
            m = _TITLE_RE.search(r.text)
            if m and m.group(0) not in repealed:
                repealed.append(m.group(0))
    if repealed:
        parts.append(f"所依据的{'、'.join(repealed)}已废止")
    kinds = {r.kind for r in item.reasons}
    if "expired" in kinds:
        parts.append("有效期已届满")
    if "unlawful" in kinds:
        parts.append("部分内容与法律、法规或者公平竞争审查标准不一致")
    if any(r.kind == "period" and "超过" in r.text for r in item.reasons):
        parts.append("有效期超过规定期限")
    return "；".join(parts) or "经评估，不再适应管理需要"


def _para(doc, text, role="body", size=LETTER_BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, *, line=LETTER_LINE_PT,
          before=0.0, after=0.0, indent=0, right=0):
    p = doc.add_paragraph()
    _format(p, align=align, indent_chars=indent, right_chars=right, line_pt=line, size=size)
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(after)
    if text:
        set_run_font(p.add_run(text).font, role, size)
    return p


def _list_table(doc, header, rows, widths) -> None:
    total = sum(widths)
    col_mm = [TYPE_AREA_WIDTH_MM * w / total for w in widths]
    table = doc.add_table(rows=0, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for r, values in enumerate([header, *rows]):
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values)):
            cell.width = Mm(col_mm[i])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = cell.paragraphs[0]
            centred = r == 0 or i == 0
            _format(p, align=WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT,
                    line_pt=_LIST_LINE_PT, size=_LIST_PT)
            if text:
                set_run_font(p.add_run(text).font, "heading1" if r == 0 else "body", _LIST_PT)
        tr_pr = table.rows[-1]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if r == 0:  # the heading row repeats on every page
            tr_pr.append(OxmlElement("w:tblHeader"))
    for i, column in enumerate(table.columns):
        column.width = Mm(col_mm[i])


__all__ = ["cleanup_ledger", "write_cleanup_docx", "counts", "totals_text", "unconfirmed", "CLEANUP_COLUMNS",
           "LIST_TITLES"]
