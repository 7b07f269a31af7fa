"""Page layout and fonts of everything the workbench prints, in one place (no Qt here).

The .docx writer and the Qt renderer (``workbench.gui.printing``) both read
these numbers, so a letter looks the same from Word and from the window.

GB/T 9704-2012 (党政机关公文格式): A4; top margin 37 mm, binding (left) 28 mm,
type area 156 × 225 mm; title 2号小标宋 (22 pt), body 3号仿宋 (16 pt), 22 lines
of 28 characters a page; first-level headings 黑体, second-level 楷体; page
numbers 4号 (14 pt) as "— 1 —". The register is a landscape table: the same
binding margin on the left, smaller top and bottom margins so that a page
holds a useful number of rows, body 10 pt.
"""

from __future__ import annotations

from dataclasses import dataclass

# Font sizes in points (Chinese size names: 2号 22, 3号 16, 4号 14, 小四 12, 五号 10.5).
SIZE_2 = 22.0
SIZE_XIAO_2 = 18.0
SIZE_3 = 16.0
SIZE_4 = 14.0
SIZE_XIAO_4 = 12.0
SIZE_5 = 10.5


@dataclass(frozen=True)
class PageLayout:
    landscape: bool
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    footer_mm: float  # distance of the page number's baseline area from the paper's bottom edge

    @property
    def paper_mm(self) -> tuple[float, float]:
        return (297.0, 210.0) if self.landscape else (210.0, 297.0)


# Opinion letters: GB/T 9704 portrait (type area 156 × 225 mm).
LETTER_PAGE = PageLayout(landscape=False, top_mm=37.0, bottom_mm=35.0, left_mm=28.0, right_mm=26.0, footer_mm=20.0)
LETTER_BODY_PT = SIZE_3
LETTER_TITLE_PT = SIZE_2
LETTER_TABLE_PT = SIZE_4  # the fair-competition form's cells
# 22 lines in the 225 mm type area: a fixed line pitch of 225 / 22 mm.
LETTER_LINE_PT = 225.0 / 22 / 25.4 * 72  # ≈ 28.98 pt
LETTER_TABLE_LINE_PT = 22.0

# The register: A4 landscape.
# Margins as small as a ledger bound on its left edge allows, so that a page
# holds 15–20 reviews of one or two lines each.
REGISTER_PAGE = PageLayout(landscape=True, top_mm=14.0, bottom_mm=14.0, left_mm=25.0, right_mm=12.0, footer_mm=6.0)
REGISTER_BODY_PT = 9.0  # 小五, as ledgers are printed
REGISTER_HEAD_PT = 9.5  # column headings (黑体)
REGISTER_TITLE_PT = SIZE_XIAO_2
REGISTER_INFO_PT = 11.0  # the unit and the period under the title
PAGE_NUMBER_PT = SIZE_4

# Relative widths of the register's columns. The date, conclusion and reviewer
# columns get just the width their usual content needs on one line, every column
# at least its heading's; the others share the rest by these weights.
REGISTER_COLUMN_WEIGHTS = {
    "序号": 3.0,
    "收文日期": 7.0,
    "文件名称及文号": 22.0,
    "送审单位": 7.0,
    "审查类型": 9.0,
    "主要问题": 30.0,
    "审查结论": 5.0,
    "审查人": 4.5,
    "办结日期": 7.0,
    "备注": 18.0,
}

# Font names. In a .docx: the GB/T 9704 names, each with the font Word and WPS
# should use when it is missing (written to the font table as w:altName).
DOCX_FONTS = {
    "body": ("仿宋_GB2312", "仿宋"),
    "title": ("方正小标宋简体", "宋体"),
    "heading1": ("黑体", "SimHei"),
    "heading2": ("楷体_GB2312", "楷体"),
    "page_number": ("宋体", "SimSun"),
}
# When the workbench itself prints: the first family of each list that is
# installed (Windows names, then the usual Linux CJK families). Body text and
# titles are set in a Song/Ming (serif) face as official documents are: on
# Linux AR PL UMing (Debian's fonts-arphic-uming, 8 MB, which scripts/dev.sh
# installs) unless Noto Serif CJK (56 MB) is there; a sans face only as a last resort.
QT_FONT_FALLBACKS = {
    "body": ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "宋体", "SimSun", "Noto Serif CJK SC",
             "Source Han Serif SC", "AR PL UMing CN", "Noto Sans CJK SC", "WenQuanYi Micro Hei"],
    "title": ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC",
              "AR PL UMing CN", "黑体", "SimHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"],
    "heading1": ["黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"],
    "heading2": ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "仿宋", "FangSong",
                 "Noto Serif CJK SC", "AR PL UMing CN", "WenQuanYi Micro Hei"],
    "page_number": ["宋体", "SimSun", "Noto Serif CJK SC", "AR PL UMing CN", "WenQuanYi Micro Hei"],
}


def page_number_text(n: int) -> str:
    """GB/T 9704 page number: an em dash on either side."""
    return f"— {n} —"


def cn_date(value) -> str:
    """2026年10月20日 (Arabic numerals, no leading zeros) from a date or ISO string; '' for None."""
    from datetime import date

    if not value:
        return ""
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{d.year}年{d.month}月{d.day}日"


# -- lines printed on every page, and notes printed once ---------------------------------


@dataclass(frozen=True)
class PageFurniture:
    """What a printed document carries besides its content.

    ``footer_lines`` are printed small at the foot of every page, above the page
    number (e.g. the log's check value); ``notes`` once, after the content (e.g.
    that a rule pack could not be loaded). Every printer (Qt, .docx, .xlsx) prints both.
    """

    footer_lines: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __add__(self, other: "PageFurniture") -> "PageFurniture":
        return PageFurniture(self.footer_lines + other.footer_lines, self.notes + other.notes)


NO_FURNITURE = PageFurniture()

# Functions ``(log) -> PageFurniture`` that add to every printed document;
# ``page_furniture(log)`` asks each in turn. Register one with ``add_furniture``.
FURNITURE_PROVIDERS: list = []


def add_furniture(provider) -> None:
    if provider not in FURNITURE_PROVIDERS:
        FURNITURE_PROVIDERS.append(provider)


def page_furniture(log=None) -> PageFurniture:
    """The footer lines and notes every document printed now should carry."""
    out = NO_FURNITURE
    for provider in FURNITURE_PROVIDERS:
        out = out + provider(log)
    return out

FOOTER_PT = 8.0  # the furniture's footer lines
