"""The characters a regular expression's match can begin with.

Python's regex engine tries a pattern at every position of the text unless
the pattern opens with a plain choice of literal characters; a frame opens
with a group of word classes and so is tried everywhere. Knowing the set of
characters a match can start with, the engine jumps from one such character
to the next (one C-level search) and tries the frame only there.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore
    import sre_parse as _p  # type: ignore

_MAX_RANGE = 20000  # a class wider than this (e.g. every Chinese character) is "any"


def _first(items) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, nullable) of a sequence of parsed items."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.NEGATE or kind is _c.CATEGORY:
                return None, False
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE:
                lo, hi = value
                if hi - lo > _MAX_RANGE:
                    return None, False
                chars |= {chr(c) for c in range(lo, hi + 1)}
            else:
                return None, False
        return chars, False
    if op is _c.SUBPATTERN:
        return _first(av[-1])
    if op is _c.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, n = _first(branch)
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or n
        return out, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, _hi, item = av
        chars, n = _first(item)
        if chars is None:
            return None, False
        return chars, n or lo == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # takes no character
    return None, False  # ANY, CATEGORY, GROUPREF …: could start anywhere


def first_characters(pattern: str) -> str | None:
    """Every character a match of ``pattern`` can start with, or None when any
    character can (or the pattern can match the empty string)."""
    chars, nullable = _first(_p.parse(pattern))
    if chars is None or nullable or not chars:
        return None
    return "".join(sorted(chars))


def skips_by_itself(pattern: str) -> bool:
    """Does the regex engine itself skip impossible starts for ``pattern``?

    It does when the pattern (inside leading groups) opens with a literal, a
    character class, or a choice whose every branch opens with a literal
    (CPython's ``_get_charset_prefix``); then ``finditer`` is fastest as it is.
    """
    items = _p.parse(pattern)
    while items and items[0][0] is _c.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][-1]
    if not items:
        return False
    op, av = items[0]
    if op in (_c.LITERAL, _c.IN):
        return True
    if op is _c.BRANCH:
        return all(branch and branch[0][0] is _c.LITERAL for branch in av[1])
    return False


def start_finder(pattern: str) -> re.Pattern | None:
    """A one-class regex that finds where ``pattern`` could start, or None
    (also when the engine skips impossible starts by itself)."""
    if skips_by_itself(pattern):
        return None
    chars = first_characters(pattern)
    if chars is None:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")
