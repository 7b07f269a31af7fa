"""Numbers as drafts write them: 第一百零八条, 十万元, 壹拾万元整, 1.5万元, 100,000元.

Used for article numbers in citations and for fine amounts, so it lives in the
core text layer rather than in any one rule.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_DIGITS = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)


def chinese_to_int(s: str) -> int | None:
    """Parse a Chinese numeral (一百零八, 壹拾万, 二〇二六 digit by digit); None if not one."""
    if not s:
        return None
    if all(ch in _DIGITS for ch in s) and len(s) > 1:
        # 二〇二六: read digit by digit (years, serial numbers).
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total = 0  # completed 万/亿 sections
    section = 0  # within the current 万 section
    digit = None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            section += digit or 0
            if section == 0 and total == 0:
                return None
            if total and unit > total:
                total = (total + section) * unit
            else:
                total += section * unit
            section = 0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def to_int(s: str) -> int | None:
    """An article or item number in Arabic (also full-width) or Chinese numerals."""
    s = s.strip()
    if not s:
        return None
    folded = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in s)
    if folded.isdigit():
        return int(folded)
    return chinese_to_int(s)


_AMOUNT_RE = re.compile(
    r"(?:人民币|￥|¥)?\s*"
    r"(?P<num>[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?|[" + CHINESE_NUMERAL_CHARS + r"]+)"
    r"\s*(?P<unit>万元|万|亿元|元)?"
)


def parse_amount(s: str) -> Decimal | None:
    """A money amount in yuan: '10万元', '100,000元', '人民币壹拾万元整', '￥250,000.00'."""
    s = s.strip().removesuffix("整").removesuffix("正")
    for prefix in ("人民币", "￥", "¥"):
        s = s.removeprefix(prefix)
    s = s.strip()
    mult = Decimal(1)
    for unit, m in (("亿元", 100_000_000), ("万元", 10_000), ("元", 1), ("亿", 100_000_000), ("万", 10_000)):
        if s.endswith(unit):
            s, mult = s[: -len(unit)], Decimal(m)
            break
    s = s.strip()
    folded = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c == "．" else c for c in s).replace(",", "").replace("，", "")
    try:
        return Decimal(folded) * mult
    except InvalidOperation:
        pass
    n = chinese_to_int(s)
    return None if n is None else Decimal(n) * mult
