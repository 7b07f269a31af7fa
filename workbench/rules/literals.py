"""Literal words that every match of a regular expression must contain.

A frame alternative such as ``(?P<act>指定|选定)[^。；]{0,20}?(?:公司|企业)`` can
match only in a sentence holding 指定 or 选定 *and* 公司 or 企业. Read from the
parsed pattern (``re._parser``), that is a list of *required sets*: each set
a choice of literal words one of which every match contains. A unit of text
missing some set cannot hold a match, so the regex need not run there; this
is how the engine skips most of a text exactly, whatever the rules say.

Only what is certain is derived: a part of the pattern that could match
other text (a class such as ``[^。；]``, ``.``, a back-reference, a look-around)
gives no set, and a pattern with flags that change what a literal matches
(IGNORECASE …) gives none at all, so the regex then runs everywhere.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore
    import sre_parse as _p  # type: ignore

# Past this many strings an exact choice is not multiplied out any further.
_MAX_PRODUCT = 256
# A character class of at most this many characters is a choice of literals.
_MAX_CLASS = 32
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op is not None)
_LITERAL_FLAGS = re.IGNORECASE | re.VERBOSE  # flags under which a parsed literal is not the text it matches


class _Info:
    """What one parsed piece can match: ``exact`` (the finite set of strings it
    matches, or None when not finite or too many) and ``required`` (sets of
    strings, each of which holds a substring of every match)."""

    __slots__ = ("exact", "required")

    def __init__(self, exact: frozenset[str] | None, required: list[frozenset[str]]):
        self.exact = exact
        self.required = required


_EMPTY = _Info(frozenset({""}), [])
_UNKNOWN = _Info(None, [])


def _useful(words: frozenset[str] | None) -> bool:
    return bool(words) and "" not in words


def _sequence(items) -> _Info:
    exact: frozenset[str] | None = frozenset({""})
    required: list[frozenset[str]] = []
    product: frozenset[str] = frozenset({""})  # the exact run being multiplied out
    for op, av in items:
        info = _item(op, av)
        if info.exact is not None and len(product) * len(info.exact) <= _MAX_PRODUCT:
            product = frozenset(a + b for a in product for b in info.exact)
        else:
            if _useful(product):
                required.append(product)
            required += info.required
            if info.exact is not None:
                product = info.exact
            else:
                if _useful(info.exact):
                    required.append(info.exact)
                product = frozenset({""})
            exact = None
        if exact is not None:
            exact = product
    if _useful(product):
        required.append(product)
    return _Info(exact, required)


def _best(required: list[frozenset[str]]) -> frozenset[str] | None:
    """The most telling set: its shortest word longest, then the fewest words."""
    if not required:
        return None
    return max(required, key=lambda s: (min(map(len, s)), -len(s)))


def _item(op, av) -> _Info:
    if op is _c.LITERAL:
        return _Info(frozenset({chr(av)}), [])
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < _MAX_CLASS:
                chars |= {chr(c) for c in range(value[0], value[1] + 1)}
            else:  # NEGATE, CATEGORY, a wide range
                return _UNKNOWN
        return _Info(frozenset(chars), []) if len(chars) <= _MAX_CLASS else _UNKNOWN
    if op is _c.SUBPATTERN:
        add_flags, del_flags = av[1], av[2]
        if add_flags & _LITERAL_FLAGS:
            return _UNKNOWN
        return _sequence(av[-1])
    if op is _c.BRANCH:
        infos = [_sequence(branch) for branch in av[1]]
        if all(i.exact is not None for i in infos):
            words = frozenset().union(*(i.exact for i in infos))
            if len(words) <= _MAX_PRODUCT:
                return _Info(words, [])
        # Every branch must contribute one set, else the choice requires nothing.
        chosen = []
        for info in infos:
            best = _best(info.required + ([info.exact] if _useful(info.exact) else []))
            if best is None:
                return _UNKNOWN
            chosen.append(best)
        return _Info(None, [frozenset().union(*chosen)])
    if op in _REPEATS:
        lo, hi, item = av
        info = _sequence(item)
        if lo == 0:
            if hi == 1 and info.exact is not None:
                return _Info(info.exact | {""}, [])
            return _UNKNOWN
        if lo == hi == 1:
            return info
        return _Info(None, info.required + ([info.exact] if _useful(info.exact) else []))
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _EMPTY  # consumes no character
    return _UNKNOWN  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, …


def required_sets(pattern: str, skip: str = "") -> list[frozenset[str]]:
    """Sets of words, one word of each held by every match of ``pattern``.

    ``skip``: characters that the text scanned for the words may not hold
    where the pattern's target does (the typed-span marks of the shadow):
    each word is cut to its longest stretch without them, and a set with a
    word that is all such characters is dropped. An empty list means nothing
    is certain: run the pattern everywhere.
    """
    parsed = _p.parse(pattern)
    if parsed.state.flags & _LITERAL_FLAGS:
        return []
    info = _sequence(parsed)
    sets = info.required + ([info.exact] if _useful(info.exact) else [])
    out: list[frozenset[str]] = []
    for words in sets:
        if skip:
            words = frozenset(_longest_stretch(w, skip) for w in words)
        if _useful(words) and words not in out:
            out.append(words)
    return out


def _longest_stretch(word: str, skip: str) -> str:
    return max(re.split("[" + re.escape(skip) + "]", word), key=len)


def look_behind(pattern: str) -> int:
    """How many characters before a match's start ``pattern`` may look at (its widest look-behind)."""
    widest = 0

    def walk(items) -> None:
        nonlocal widest
        for op, av in items:
            if op in (_c.ASSERT, _c.ASSERT_NOT):
                if av[0] < 0:
                    widest = max(widest, min(av[1].getwidth()[1], 1 << 30))
                walk(av[1])
            elif op is _c.SUBPATTERN:
                walk(av[-1])
            elif op is _c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in _REPEATS:
                walk(av[2])

    walk(_p.parse(pattern))
    return widest
