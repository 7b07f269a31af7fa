"""Word's automatic list numbering ("第一条", "（一）"), computed from numbering.xml.

Plain ElementTree API only (find/findall/get), so that both .docx readers use it:
the python-docx one (lxml elements) and the standard-library one on the check path.
"""

from __future__ import annotations

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def qn(tag: str) -> str:
    """"w:numPr" → Clark notation, without importing python-docx."""
    prefix, _, local = tag.partition(":")
    assert prefix == "w", tag
    return W_NS + local


W_VAL = qn("w:val")
W_PPR, W_NUMPR, W_NUMID, W_ILVL = qn("w:pPr"), qn("w:numPr"), qn("w:numId"), qn("w:ilvl")

_CN_DIGITS = "零一二三四五六七八九"


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _CN_DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _CN_DIGITS[rest]
        tail = chinese_counting(rest)
        return head + ("一" + tail if tail.startswith("十") else tail)
    return str(n)


def _int(value, default: int = 0) -> int:
    """A number attribute as Word writes it; a malformed one counts as the default."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified", "taiwaneseCountingThousand"):
        return chinese_counting(n)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperRoman" or fmt == "lowerRoman":
        vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        out, m = "", n
        for v, s in vals:
            while m >= v:
                out, m = out + s, m - v
        return out if fmt == "upperRoman" else out.lower()
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Numbering:
    """Counters for Word's automatic numbering, fed paragraph by paragraph."""

    def __init__(self, numbering):
        """``numbering``: the w:numbering element, or None when the document has none."""
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (fmt, lvlText, start)
        self.counters: dict[str, list[int]] = {}
        if numbering is None:
            return
        abstract = {}
        for an in numbering.findall(qn("w:abstractNum")):
            lv = {}
            for lvl in an.findall(qn("w:lvl")):
                ilvl = _int(lvl.get(qn("w:ilvl"), "0"))
                if not 0 <= ilvl < 9:
                    continue
                fmt_el, text_el, start_el = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
                lv[ilvl] = (
                    fmt_el.get(W_VAL) if fmt_el is not None else "decimal",
                    text_el.get(W_VAL) if text_el is not None else "",
                    _int(start_el.get(W_VAL), 1) if start_el is not None else 1,
                )
            abstract[an.get(qn("w:abstractNumId"))] = lv
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(W_VAL), {}).items():
                self.levels[(num.get(qn("w:numId")), ilvl)] = spec

    def label(self, p_el, style_numpr=None) -> str:
        ppr = p_el.find(W_PPR)
        numpr = ppr.find(W_NUMPR) if ppr is not None else None
        if numpr is None:
            numpr = style_numpr
        num_id_el = numpr.find(W_NUMID) if numpr is not None else None
        if num_id_el is None:
            return ""
        # Raw attributes, as Word wrote them (a typed value would raise on a malformed number).
        num_id = str(num_id_el.get(W_VAL))
        ilvl_el = numpr.find(W_ILVL)
        ilvl = _int(ilvl_el.get(W_VAL)) if ilvl_el is not None else 0
        if num_id == "0" or not 0 <= ilvl < 9 or (num_id, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        if counters[ilvl] == 0:
            counters[ilvl] = self.levels[(num_id, ilvl)][2]
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, text, _ = self.levels[(num_id, ilvl)]
        if fmt in ("bullet", "none"):
            return ""
        for lv in range(ilvl + 1):
            value = counters[lv] or self.levels.get((num_id, lv), ("decimal", "", 1))[2]
            lv_fmt = self.levels.get((num_id, lv), ("decimal", "", 1))[0]
            text = text.replace(f"%{lv + 1}", _format_number(value, lv_fmt))
        return text
