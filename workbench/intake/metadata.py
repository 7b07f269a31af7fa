"""What can be read off a draft: title, 文号, date, issuing organ, and its kind."""

from __future__ import annotations

import re
from datetime import date

from workbench.intake.model import Document, DocumentKind
from workbench.text.numbers import to_int

# 焦环罚〔2026〕87号, 豫环罚[2024]5号, 京政办发（2026）3号 — brackets vary in drafts.
# The prefix may hold digits and letters too (豫0721环罚决字〔2026〕6号).
DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff0-9A-Za-z]{0,15}\s*[〔\[［(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】]\s*(?:第\s*)?[0-9０-９]{1,5}\s*号")
# Lines of a web page's index block or a party's particulars, never a title.
_NOT_TITLE_PREFIXES = ("附件", "索引号", "发布", "发文", "成文", "失效", "有效性", "公开形式", "来源", "主题分类", "统一社会信用代码",
                       "法定代表人", "地址", "住所", "地 址", "身份证", "当事人")
_YEAR = r"(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九○Ｏ]{4})"
_MD = r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
DATE_RE = re.compile(_YEAR + r"\s*年\s*" + _MD)

ENFORCEMENT_TITLES = (
    "行政处罚决定书", "不予行政处罚决定书", "责令改正违法行为决定书", "责令改正决定书", "查封扣押决定书",
    "查封（扣押）决定书", "查封、扣押决定书", "扣押决定书", "查封决定书", "按日连续处罚决定书",
    "责令限制生产决定书", "责令停产整治决定书", "责令停产整顿决定书", "行政强制执行决定书",
    "行政处罚事先告知书", "听证告知书", "行政命令", "处罚决定书",
)
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
    return [doc.paragraph_text(i).strip() for i, p in enumerate(doc.paragraphs) if p.source in ("body", "table", "textbox")]


# Wording that marks a decision addressed to a party, and wording that marks a
# generally binding document. Decisions copied from web pages often lack the
# title near the top (an index block comes first) or never say 当事人.
_ENFORCEMENT_MARKERS = (
    "当事人", "违法事实", "处罚依据", "申请行政复议", "提起行政诉讼", "你公司", "你单位", "你厂", "你（单位）",
    "环境违法行为", "决定如下", "陈述申辩", "陈述、申辩", "统一社会信用代码", "法定代表人", "责令", "罚款",
)
_NORMATIVE_MARKERS = (
    "第一条", "本办法", "本规定", "本细则", "本通知", "本意见", "本方案", "各区", "各县", "各有关单位", "各单位",
    "有效期", "制定本", "现将", "现就", "特制定", "印发",
)
_TITLE_LINES = 40

# What a decision decides, read from its wording rather than its heading: an
# organ that decides (本机关决定、我局决定、我局拟), a party addressed in the second
# person (你公司、你单位), and a measure imposed on it (处以、处罚款、责令你单位).
# A fragment pasted without its heading is still a decision when two of these meet.
_ORGAN_DECIDES_RE = re.compile(
    r"(?:本机关|本局|我局|本厅|我厅|本委|我委|本分局|我分局|本支队|我支队|本大队|我大队|本所|我所|本府|我府|本镇|我镇|本办|我办)"
    r"(?:依法|现|经研究|经集体讨论)?(?:决定|拟|作出如下)"
)
_ADDRESSED_RE = re.compile(r"你(?:公司|单位|厂|店|场|社|院|中心|\(单位\)|（单位）)|对你(?:处|罚)")
_MEASURE_RE = re.compile(r"处以|处罚款|罚款人民币|并处|责令(?:你|其|当事人|该)|没收(?:你|其|当事人)|吊销(?:你|其|当事人)")


def decision_wording(text: str) -> list[str]:
    """The pieces of decision wording found in ``text`` (organ decides, party addressed, measure)."""
    found = []
    for pattern in (_ORGAN_DECIDES_RE, _ADDRESSED_RE, _MEASURE_RE):
        m = pattern.search(text)
        if m:
            found.append(m.group(0))
    return found


def detect_kind(doc: Document) -> tuple[DocumentKind, str]:
    """Normative document or enforcement decision, with the reason (shown to the user)."""
    lines = [line.replace(" ", "").replace("\u3000", "") for line in _body_lines(doc)[:_TITLE_LINES]]
    for line in lines:
        for title in ENFORCEMENT_TITLES:
            # A title line, not a mention inside a sentence (依据……行政处罚决定书).
            if title in line and len(line) <= len(title) + 24 and not line.endswith(("。", "；")):
                return DocumentKind.ENFORCEMENT, f"标题含“{title}”"
    body = doc.norm.text[:20000]
    wording = decision_wording(body)
    if len(wording) >= 2:
        return DocumentKind.ENFORCEMENT, "正文是对当事人作出的决定（" + "、".join(f"“{w}”" for w in wording) + "）"
    enforcement = [w for w in _ENFORCEMENT_MARKERS if w in body]
    normative = [w for w in _NORMATIVE_MARKERS if w in body]
    if len(enforcement) >= 3 and len(enforcement) > len(normative):
        return DocumentKind.ENFORCEMENT, "正文含" + "、".join(f"“{w}”" for w in enforcement[:5])
    return DocumentKind.NORMATIVE, "未见执法决定书的标题或要素，按规范性文件（政策措施）审查"


_TITLE_ENDINGS = ("书", "通知", "决定", "意见", "办法", "规定")
_LIST_ITEM_RE = re.compile(r"^(\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")


def _is_title(line: str) -> bool:
    # A title has no colon (当事人：…, 证据1：…), is not a list item and ends no sentence.
    if not 2 <= len(line) <= 80 or line.endswith(("。", "；", "，")) or "：" in line or ":" in line:
        return False
    if line.startswith(_NOT_TITLE_PREFIXES) or _LIST_ITEM_RE.match(line):
        return False
    cjk = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
    return cjk >= len(line) / 2  # an index number or a date is not a title


def _own_doc_number(lines: list[str]) -> str:
    """The document's own 文号: a short line near the top, not a number cited in a sentence."""
    for line in lines:
        m = DOC_NUMBER_RE.search(line)
        if m and len(line) <= 60 and "《" not in line and not line.startswith(("根据", "依据", "按照", "依照")):
            number = re.sub(r"\s+", "", m.group(0))
            # "…行政处罚决定书常环罚字〔2023〕921号" on one line: the number starts after the title.
            head = number[: number.index(m.group("year"))]
            cut = max((head.rfind(t) + len(t) for t in _TITLE_ENDINGS if t in head), default=0)
            return number[cut:]
    return ""


def doc_number_year(doc: Document) -> int | None:
    m = DOC_NUMBER_RE.search(doc.doc_number) if doc.doc_number else None
    return int(m.group("year")) if m else None


def reading_date(doc: Document, as_of: date | None = None) -> date:
    """The date the law is read as of: the one given, else the document's own
    date, else the end of its 文号's year (〔2023〕28号 was issued in 2023),
    else today."""
    if as_of:
        return as_of
    if doc.date:
        return doc.date
    today = date.today()
    year = doc_number_year(doc)
    if year and year < today.year:
        return date(year, 12, 31)
    return today


def read_metadata(doc: Document) -> None:
    """Fill title, 文号, date and organ in place (best effort; never raises)."""
    lines = [line.replace(" ", "").replace("\u3000", "") for line in _body_lines(doc)]
    lines = [line for line in lines if line]
    head = lines[:_TITLE_LINES]
    doc.doc_number = _own_doc_number(head)
    decision_title = next((line for line in head for t in ENFORCEMENT_TITLES if line == t or (t in line and len(line) <= len(t) + 24 and _is_title(line))), "")
    for line in head[:12]:
        if not doc.organ and _ORGAN_RE.match(line):
            doc.organ = line
            continue
        if not doc.title and not decision_title and _is_title(line) and not DOC_NUMBER_RE.search(line):
            doc.title = line
    if decision_title:
        doc.title = decision_title
    if doc.doc_number and doc.doc_number in doc.title:
        doc.title = doc.title.replace(doc.doc_number, "").strip()
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
