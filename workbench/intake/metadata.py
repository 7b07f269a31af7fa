"""What can be read off a draft: title, 文号, date, issuing organ, and its kind."""

from __future__ import annotations

import re
from datetime import date

from workbench.intake.model import Document, DocumentKind
from workbench.text.numbers import to_int

# 焦环罚〔2026〕87号, 豫环罚[2024]5号, 京政办发（2026）3号 — brackets vary in drafts.
DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*(?:第\s*)?[0-9０-９]{1,5}\s*号")
_YEAR = r"(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九○Ｏ]{4})"
_MD = r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
DATE_RE = re.compile(_YEAR + r"\s*年\s*" + _MD)

ENFORCEMENT_TITLES = (
    "行政处罚决定书", "不予行政处罚决定书", "责令改正违法行为决定书", "责令改正决定书", "查封扣押决定书",
    "查封（扣押）决定书", "查封、扣押决定书", "扣押决定书", "查封决定书", "按日连续处罚决定书",
    "责令限制生产决定书", "责令停产整治决定书", "责令停产整顿决定书", "行政强制执行决定书",
    "行政处罚事先告知书", "听证告知书", "行政命令", "处罚决定书",
)
_ENFORCEMENT_BODY = ("当事人", "违法事实", "处罚依据", "申请行政复议", "提起行政诉讼")
_NORMATIVE_TITLE_RE = re.compile(r"(办法|规定|细则|意见|通知|方案|规则|措施|决定|公告|通告|规划|指引|指南|制度|标准|条例|规程)(（[^）]*）)?$")
_ORGAN_RE = re.compile(r"^[\u4e00-\u9fff（）]{2,30}(人民政府|生态环境局|生态环境厅|环境保护局|委员会|局|厅|部|办公室|办公厅|管理委员会|分局|支队|大队)$")


def parse_date(text: str) -> date | None:
    m = DATE_RE.search(text)
    return _to_date(m) if m else None


def _to_date(m: re.Match) -> date | None:
    y, mo, d = to_int(m.group("y")), to_int(m.group("m")), to_int(m.group("d"))
    try:
        return date(y, mo, d) if y and mo and d else None
    except ValueError:
        return None


def _body_lines(doc: Document) -> list[str]:
    return [doc.paragraph_text(i).strip() for i, p in enumerate(doc.paragraphs) if p.source in ("body", "table")]


def detect_kind(doc: Document) -> tuple[DocumentKind, str]:
    """Normative document or enforcement decision, with the reason (shown to the user)."""
    head = "".join(line.replace(" ", "").replace("\u3000", "") for line in _body_lines(doc)[:8])
    for title in ENFORCEMENT_TITLES:
        if title in head:
            return DocumentKind.ENFORCEMENT, f"标题含“{title}”"
    body = doc.norm.text[:20000]
    hits = [w for w in _ENFORCEMENT_BODY if w in body]
    if len(hits) >= 3:
        return DocumentKind.ENFORCEMENT, "正文含" + "、".join(f"“{w}”" for w in hits)
    return DocumentKind.NORMATIVE, "未见执法决定书的标题或要素，按规范性文件（政策措施）审查"


def read_metadata(doc: Document) -> None:
    """Fill title, 文号, date and organ in place (best effort; never raises)."""
    lines = [line for line in _body_lines(doc) if line]
    head = lines[:12]
    m = DOC_NUMBER_RE.search("\n".join(head)) or DOC_NUMBER_RE.search(doc.text[:5000])
    if m:
        doc.doc_number = re.sub(r"\s+", "", m.group(0))
    for line in head:
        compact = line.replace(" ", "").replace("\u3000", "")
        if not doc.organ and _ORGAN_RE.match(compact):
            doc.organ = compact
            continue
        if DOC_NUMBER_RE.search(compact) or compact.startswith(("附件", "索引号", "发布")):
            continue
        if not doc.title and 2 <= len(compact) <= 80 and not compact.endswith(("。", "；", "：")):
            doc.title = compact
    if doc.title and doc.organ and doc.title in ENFORCEMENT_TITLES:
        doc.title = doc.organ + doc.title
    # The signing date stands at the end; fall back to the first date anywhere.
    tail_dates = [d for d in (_to_date(m) for m in DATE_RE.finditer(doc.text[-3000:])) if d]
    doc.date = tail_dates[-1] if tail_dates else parse_date(doc.text[:20000])
    if not doc.organ:
        for line in reversed(lines[-10:]):
            compact = line.replace(" ", "")
            if _ORGAN_RE.match(compact):
                doc.organ = compact
                break
