"""Opinion letters: what the office sends back to the drafting section for a closed review.

``build_letter(review_state, bureau=…)`` turns a closed review into a
``Letter``: a title and a list of blocks (paragraphs of a few kinds and
tables) in the form offices use —

- 合法性审核意见书 for a normative document (``legality``),
- 公平竞争审查表 with its 审查结论 for a policy measure (``fair_competition``),
- 重大执法决定法制审核意见书 for an enforcement decision (``enforcement``).

Each carries its 文号 (numbered per year by the log: ``ReviewLog.issue_letter``),
names the document reviewed, the accepted findings with their legal basis and
where they stand in the draft (第十二条第二款, with the clause quoted), the
counsel opinions, the conclusion (once), and signature and date lines.
The same ``Letter`` is written to .docx (``workbench.reports.docx``) and
printed by Qt (``workbench.gui.printing``), so both show the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.reports.layout import LETTER_BODY_PT, LETTER_TITLE_PT, NO_FURNITURE, PageFurniture, cn_date
from workbench.text.articles import clause_excerpt, item_at, provision_labels

LETTER_TITLES = {
    "legality": "合法性审核意见书",
    "fair_competition": "公平竞争审查表",
    "enforcement": "重大执法决定法制审核意见书",
}
CN_ORDINALS = "一二三四五六七八九十"

# Block kinds: the .docx writer and the Qt renderer give each its style.
TITLE, NUMBER, RECIPIENT, BODY, HEADING1, HEADING2, TABLE, SIGNATURE, DATE, LINES = (
    "title", "number", "recipient", "body", "heading1", "heading2", "table", "signature", "date", "lines",
)

# How each kind of block looks, for the .docx writer and the Qt printer alike: (font role,
# size, alignment, first-line indent in characters, right indent in characters, lines before).
STYLES = {
    TITLE: ("title", LETTER_TITLE_PT, "center", 0, 0, 0),
    NUMBER: ("body", LETTER_BODY_PT, "right", 0, 0, 0.5),
    RECIPIENT: ("body", LETTER_BODY_PT, "left", 0, 0, 1),
    BODY: ("body", LETTER_BODY_PT, "justify", 2, 0, 0),
    HEADING1: ("heading1", LETTER_BODY_PT, "justify", 2, 0, 0),
    HEADING2: ("heading2", LETTER_BODY_PT, "justify", 2, 0, 0),
    LINES: ("body", LETTER_BODY_PT, "left", 2, 0, 1),
    SIGNATURE: ("body", LETTER_BODY_PT, "right", 0, 4, 2),
    DATE: ("body", LETTER_BODY_PT, "right", 0, 4, 0),
}

_CONCLUSION_SENTENCES = {
    "legality": {
        "pass": "该文件可按程序提请审议、发布。",
        "amend": "该文件存在上述问题，请按本意见修改完善后，按程序提请审议、发布。",
        "reject": "该文件存在上述问题，不宜按现稿出台，请重新研究起草后再行送审。",
    },
    "enforcement": {
        "pass": "同意作出该决定。",
        "amend": "请承办机构按本意见修改完善后，按程序提请行政机关负责人决定。",
        "reject": "不同意按现稿作出该决定，请承办机构依法重新调查核实或者作出处理。",
    },
    "fair_competition": {
        "pass": "该政策措施符合公平竞争审查标准，可以出台。",
        "reject": "该政策措施不符合公平竞争审查标准，不得出台；修改后应当重新进行公平竞争审查。",
    },
}


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()  # TABLE: label and value per row
    widths: tuple[float, ...] = ()  # TABLE: relative column widths


@dataclass(frozen=True)
class Letter:
    type: str
    title: str
    review_id: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    number: str = ""  # 文号, e.g. 焦环法审〔2026〕12号
    furniture: PageFurniture = NO_FURNITURE

    def text(self) -> str:
        """The letter as plain text (one block a line; tables as “label：value”)."""
        out = []
        for b in self.blocks:
            if b.kind == TABLE:
                out.extend(f"{r[0]}：{r[1]}" if len(r) > 1 else r[0] for r in b.rows)
            else:
                out.append(b.text)
        return "\n".join(out)


def ordinal(n: int) -> str:
    """（一）…（十）, then（11）."""
    return f"（{CN_ORDINALS[n - 1]}）" if 1 <= n <= len(CN_ORDINALS) else f"（{n}）"


def _doc_name(state) -> str:
    d = state.document
    name = d.title or Path(d.file_name).stem
    return name if name.startswith("《") else f"《{name}》"


class Places:
    """Where each finding stands in the draft (第十二条第二款) and its clause quoted, when the
    draft's text is at hand; else the paragraph number and the excerpt the log keeps."""

    def __init__(self, document=None):
        self.document = document
        self.labels = []
        if document is not None:
            texts = [document.paragraph_text(i) if p.source in ("body", "table") else ""
                     for i, p in enumerate(document.paragraphs)]
            self.labels = provision_labels(texts)

    def where(self, f) -> str:
        if not f.paragraph:
            return ""
        index = f.paragraph - 1
        provision = self.labels[index] if 0 <= index < len(self.labels) else None
        if provision is None:
            return f"第{f.paragraph}段"
        paragraph = self.document.paragraph_text(index)
        column = f.start - self.document.paragraphs[index].start
        return provision.label("" if provision.item else item_at(paragraph, column))

    def quote(self, f) -> str:
        if self.document is None or not f.paragraph or f.end <= f.start:
            return f.excerpt
        index = f.paragraph - 1
        if not 0 <= index < len(self.document.paragraphs):
            return f.excerpt
        p = self.document.paragraphs[index]
        return clause_excerpt(self.document.paragraph_text(index), f.start - p.start, f.end - p.start) or f.excerpt


def _finding_lines(f, index: int, places: Places, numbering=ordinal) -> list[str]:
    lines = [f"{numbering(index)}{f.message.rstrip('。')}。"]
    quote = places.quote(f)
    if quote:
        where = places.where(f)
        lines.append(f"原文{f'（{where}）' if where else ''}：“{quote}”")
    if f.basis:
        lines.append("依据：" + "；".join(f.basis) + "。")
    if f.reason:
        lines.append(f"审核意见：{f.reason}")
    return lines


def _opinion_lines(state) -> list[str]:
    labels = {f.id: f for f in state.findings}
    out = []
    for n, o in enumerate(state.opinions, 1):
        about = ""
        if o.finding_id and o.finding_id in labels and labels[o.finding_id].excerpt:
            about = f"关于“{labels[o.finding_id].excerpt}”，"
        elif o.passage:
            about = f"关于“{o.passage}”，"
        out.append(f"{ordinal(n)}{o.counsel}（{cn_date(o.written)}）：{about}{o.text}")
    return out


def accepted_findings(state) -> list:
    return [f for f in state.findings if f.status == "accepted"]


def build_letter(state, *, bureau: str = "", number: str | None = None, document=None,
                 furniture: PageFurniture = NO_FURNITURE) -> Letter:
    """The opinion letter for a closed review (``ReviewState``); raises ``WorkbenchError`` if it is still open.

    ``number``: the 文号 to print (default: the one the log gave the letter, if any).
    ``document``: the draft's parsed text, so that findings are cited by 条/款/项.
    """
    if not state.conclusion:
        raise WorkbenchError(
            f"该审查（{state.id[:8]}）尚未办结，不能出具意见书。请先记录审查结论（workbench review close）。"
        )
    if number is None:
        number = state.letter.number if state.letter else ""
    builder = {"legality": _legality, "fair_competition": _fair_competition, "enforcement": _enforcement}[state.type]
    blocks = [b for b in builder(state, bureau, number, Places(document)) if not (b.kind == NUMBER and not b.text)]
    return Letter(type=state.type, title=LETTER_TITLES[state.type], review_id=state.id, blocks=tuple(blocks),
                  number=number, furniture=furniture)


def _signature(state, bureau: str, who: tuple[str, str]) -> list[Block]:
    reviewer_label, head_label = who
    return [
        Block(LINES, f"{reviewer_label}：{state.reviewer}　　　　{head_label}："),
        Block(SIGNATURE, bureau or "（单位名称）"),
        Block(DATE, cn_date(state.closed)),
    ]


def _numbered_sections(sections: list[tuple[str, list[Block]]]) -> list[Block]:
    out = []
    for i, (heading, blocks) in enumerate(sections, 1):
        out.append(Block(HEADING1, f"{CN_ORDINALS[i - 1]}、{heading}"))
        out.extend(blocks)
    return out


def _findings_blocks(findings, none_text: str, places: Places) -> list[Block]:
    if not findings:
        return [Block(BODY, none_text)]
    return [Block(BODY, line) for i, f in enumerate(findings, 1) for line in _finding_lines(f, i, places)]


def _opinion_blocks(state) -> list[Block]:
    lines = _opinion_lines(state)
    return [Block(BODY, line) for line in lines] if lines else [Block(BODY, "本件未征求法律顾问意见。")]


def _conclusion_blocks(state) -> list[Block]:
    """The conclusion, stated once: its label, then what follows from it."""
    return [Block(BODY, f"经审核，结论为“{state.conclusion_label}”。{_CONCLUSION_SENTENCES[state.type][state.conclusion]}")]


def _legality(state, bureau: str, number: str, places: Places) -> list[Block]:
    d = state.document
    who = bureau or "我局"
    facts = [f"文件名称：{_doc_name(state)}"]
    if d.doc_number:
        facts.append(f"文号：{d.doc_number}")
    facts += [f"送审单位：{state.unit or '（未填写）'}", f"收文日期：{cn_date(state.received)}",
              f"审核人：{state.reviewer}"]
    return [
        Block(TITLE, LETTER_TITLES["legality"]),
        Block(NUMBER, number),
        Block(RECIPIENT, f"{state.unit or '送审单位'}："),
        Block(BODY, f"你单位于{cn_date(state.received)}送审的{_doc_name(state)}"
                    + (f"（{d.doc_number}）" if d.doc_number else "")
                    + f"收悉。根据《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》"
                      f"（国办发〔2018〕115号）等规定，{who}对该文件进行了合法性审核，现提出审核意见如下："),
        *_numbered_sections([
            ("审核的文件", [Block(BODY, line) for line in facts]),
            ("审核发现的问题及法律依据", _findings_blocks(
                accepted_findings(state), "经审核，未发现该文件存在违反法律、法规、规章和国家政策的问题。", places)),
            ("法律顾问意见", _opinion_blocks(state)),
            ("审核结论", _conclusion_blocks(state)),
        ]),
        *_signature(state, bureau, ("审核人", "负责人")),
    ]


def _enforcement(state, bureau: str, number: str, places: Places) -> list[Block]:
    from workbench.catalogue import load_catalogue

    d = state.document
    who = bureau or "我局"
    items = load_catalogue().items
    catalogue = [f for f in state.findings if f.category == "catalogue" and f.status != "dismissed"]
    problems = [f for f in accepted_findings(state) if f.category != "catalogue"]
    names = list(dict.fromkeys(items.get(f.rule, f.message) for f in catalogue))
    if state.legal_review_required or names:
        listed = "是" + (f"（{'；'.join(names)}）" if names else "")
    elif state.legal_review_required is False:
        listed = "否（按目录清单不属于必须法制审核的事项，承办机构送审）"
    else:
        listed = "未判定"
    facts = [f"决定名称：{_doc_name(state)}"]
    if d.doc_number:
        facts.append(f"文号：{d.doc_number}")
    facts += [f"承办机构：{state.unit or '（未填写）'}", f"收文日期：{cn_date(state.received)}",
              f"是否属于重大执法决定法制审核目录清单事项：{listed}", f"审核人：{state.reviewer}"]
    return [
        Block(TITLE, LETTER_TITLES["enforcement"]),
        Block(NUMBER, number),
        Block(RECIPIENT, f"{state.unit or '承办机构'}："),
        Block(BODY, f"你单位于{cn_date(state.received)}报送的{_doc_name(state)}"
                    + (f"（{d.doc_number}）" if d.doc_number else "")
                    + f"及相关材料收悉。根据《中华人民共和国行政处罚法》第五十八条和《国务院办公厅关于全面推行"
                      f"行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）"
                      f"的规定，{who}对该决定进行了法制审核，现提出审核意见如下："),
        *_numbered_sections([
            ("审核的决定", [Block(BODY, line) for line in facts]),
            ("审核发现的问题及法律依据", _findings_blocks(
                problems, "经审核，未发现该决定在执法主体、程序、事实证据、适用依据和文书制作方面存在问题。", places)),
            ("法律顾问意见", _opinion_blocks(state)),
            ("审核意见", _conclusion_blocks(state)),
        ]),
        *_signature(state, bureau, ("审核人", "法制审核机构负责人")),
    ]


FAIR_COMPETITION_STANDARDS = (
    ("market_entry_exit", "市场准入和退出标准"),
    ("free_movement", "商品和要素自由流动标准"),
    ("production_cost", "影响生产经营成本标准"),
    ("business_conduct", "影响生产经营行为标准"),
)


def _fair_competition(state, bureau: str, number: str, places: Places) -> list[Block]:
    d = state.document
    accepted = accepted_findings(state)

    def listed(findings) -> str:
        if not findings:
            return "未发现违反该项标准的内容。"
        return "\n".join(line for i, f in enumerate(findings, 1)
                         for line in _finding_lines(f, i, places, numbering=lambda n: f"{n}. "))

    rows = [
        ("政策措施名称", _doc_name(state)),
        ("文号", d.doc_number or "（未编号）"),
        ("起草单位", state.unit or "（未填写）"),
        ("送审日期", cn_date(state.received)),
        ("审查机构", bureau or "（单位名称）"),
        ("审查人", state.reviewer),
    ]
    for category, label in FAIR_COMPETITION_STANDARDS:
        rows.append((label, listed([f for f in accepted if f.category == category])))
    others = [f for f in accepted if f.category not in dict(FAIR_COMPETITION_STANDARDS)]
    if others:
        rows.append(("引用法律文件及其他", listed(others)))
    rows += [
        ("法律顾问意见", "\n".join(_opinion_lines(state)) or "本件未征求法律顾问意见。"),
        ("审查结论", f"{state.conclusion_label}。{_CONCLUSION_SENTENCES['fair_competition'][state.conclusion]}"),
        ("适用例外规定", "（如适用《公平竞争审查条例》第十二条规定的例外情形，请说明理由和实施期限）"),
        ("审查机构负责人意见", f"\n\n签字：　　　　　　　　（盖章）\n\n{cn_date(state.closed)}"),
    ]
    return [
        Block(TITLE, LETTER_TITLES["fair_competition"]),
        Block(NUMBER, number),
        Block(TABLE, rows=tuple(rows), widths=(1.0, 3.2)),
    ]
