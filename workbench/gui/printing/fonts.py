"""Fonts for printing: the first installed family of each role's list (``workbench.reports.layout``)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from workbench.reports.layout import QT_FONT_FALLBACKS


@lru_cache(maxsize=None)
def font_families(role: str) -> tuple[str, ...]:
    """The installed families for ``role`` (body, title, heading1 …), best first."""
    installed = set(QFontDatabase.families())
    found = tuple(name for name in QT_FONT_FALLBACKS[role] if name in installed)
    if found:
        return found
    return (QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family(),)


def font_family(role: str) -> str:
    return font_families(role)[0]


def make_font(role: str, point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    families = list(font_families(role))
    # The other CJK families after ours, so that a glyph missing from one is taken from the next.
    families += [f for f in font_families("body") + font_families("heading1") if f not in families]
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    # Only a real bold face: Qt fakes a missing one by drawing the text twice, which a
    # PDF reader then extracts twice (“序号序号”).
    font.setBold(bold and has_bold(families[0]))
    return font


@lru_cache(maxsize=None)
def has_bold(family: str) -> bool:
    return any("bold" in style.lower() for style in QFontDatabase.styles(family))
