"""Normalised text for matching, with every offset still pointing into the original.

Drafts mix full-width and half-width forms (１２３ / 123, （ / (), put stray spaces
between Chinese characters (“行 政 处 罚”) and break lines inside a sentence.
Rules are written in one canonical form; ``normalize`` turns any text into that
form and keeps, for each character it outputs, the index of the original
character it came from. A match at ``[i, j)`` of the normalised text is then
``[to_orig[i], to_orig[j - 1] + 1)`` of the original.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass

# Full-width ASCII variants (！ to ～) become half-width, except the punctuation
# that Chinese text writes full-width and that rules are written with.
_KEEP_FULLWIDTH = set("，；：（）！？")
# Half-width punctuation that Chinese text writes full-width. A comma or colon
# between two digits (100,000  10:30) is part of a number and stays.
_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_DIGIT_SEPARATORS = {",", ":"}
# …and a full-width one between digits (１００，０００) is a thousands separator.
_FULLWIDTH_SEPARATORS = {"，": ",", "：": ":"}
_SPACES = {" ", "\t", "\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff"}
# A line break after one of these ends a sentence; after anything else it is a
# hard wrap inside the sentence and is dropped.
_SENTENCE_END = set("。！？；：…\n") | set("」』”）)")


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F


def _is_cjk_or_cjk_punct(ch: str) -> bool:
    o = ord(ch)
    return is_cjk(ch) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’《》〔〕【】、"


def fold_char(ch: str) -> str:
    """The canonical form of one character (width only; no context)."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E and ch not in _KEEP_FULLWIDTH:
        return chr(o - 0xFEE0)
    return ch


@dataclass(frozen=True)
class NormText:
    """Normalised text and the map back to the original.

    The map is piecewise linear: normalisation only drops or collapses spaces
    and line breaks, so the normalised text is a series of runs copied from
    the original. Run ``k`` starts at normalised offset ``starts[k]`` and sits
    ``shifts[k]`` characters further on in the original.
    """

    text: str
    starts: array  # normalised offset where each run starts (ascending)
    shifts: array  # original offset − normalised offset within that run
    orig_len: int

    def to_orig_at(self, i: int) -> int:
        """Index in the original of ``text[i]``."""
        k = bisect.bisect_right(self.starts, i) - 1
        return i + self.shifts[k]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span ``[a, b)`` that the normalised span ``[start, end)`` covers."""
        if end <= start:
            pos = self.to_orig_at(start) if start < len(self.text) else self.orig_len
            return pos, pos
        return self.to_orig_at(start), self.to_orig_at(end - 1) + 1

    def norm_offset(self, orig: int) -> int:
        """The first normalised offset whose character stands at or after ``orig`` in the original."""
        k = bisect.bisect_right(self._orig_starts, orig) - 1
        if k < 0:
            return 0
        run_end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        local = orig - (self.starts[k] + self.shifts[k])
        return self.starts[k] + local if self.starts[k] + local < run_end else run_end

    @property
    def _orig_starts(self) -> list[int]:
        return [a + b for a, b in zip(self.starts, self.shifts)]

    @property
    def to_orig(self) -> array:
        """The whole map as one array (for tests and small texts; O(length))."""
        out = array("i")
        for k, start in enumerate(self.starts):
            end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            out.extend(range(start + self.shifts[k], end + self.shifts[k]))
        return out


# Width folding and punctuation are one-to-one (offsets do not move), so they
# are done for the whole text with str.translate; a comma or colon between two
# digits is then put back to half-width by one regex (100,000 and １００，０００).
_ONE_TO_ONE = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F) if chr(o) not in _KEEP_FULLWIDTH}
_ONE_TO_ONE.update({ord(half): full for half, full in _TO_FULLWIDTH.items()})
# str.translate looks every character up in the table (~0.1 µs each); in Chinese text
# few characters are in it, so a regex finds those (in C) and only they are looked up.
_ONE_TO_ONE_CHARS = {chr(k): (chr(v) if isinstance(v, int) else v) for k, v in _ONE_TO_ONE.items()}
_ONE_TO_ONE_RE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_ONE_TO_ONE_CHARS)) + "]")
# The separator first, its digit before it looked at after: a pattern that opens with a
# character class is skipped to in C, one that opens with a look-behind is tried everywhere.
_DIGIT_SEPARATOR_RE = re.compile(r"[，：](?<=[0-9][，：])(?=[0-9])")
_SPACE_CLASS = "".join(sorted(_SPACES)) + "\r"  # sorted: the same pattern in every process (workbench.regex_cache)
# Only spaces and line breaks change the offsets; only they need a decision.
_SPECIAL_RE = re.compile(f"\n[{_SPACE_CLASS}]*|[{_SPACE_CLASS}]+")


def normalize(original: str) -> NormText:
    """Normalise ``original`` for matching; see the module docstring.

    Text between spaces and line breaks is copied in slices (and its offsets
    added with one ``range``), so the cost is C-speed except at those.
    """
    folded = _ONE_TO_ONE_RE.sub(lambda m: _ONE_TO_ONE_CHARS[m.group()], original)  # as original.translate(_ONE_TO_ONE)
    folded = _DIGIT_SEPARATOR_RE.sub(lambda m: _FULLWIDTH_SEPARATORS[m.group()], folded)
    n = len(folded)
    parts: list[str] = []
    starts, shifts = array("i"), array("i")
    out_len = 0  # length of the normalised text so far

    def copy(a: int, b: int) -> None:
        # Copy folded[a:b]; a new run unless it continues the previous one.
        nonlocal out_len
        if not shifts or a - out_len != shifts[-1]:
            starts.append(out_len)
            shifts.append(a - out_len)
        parts.append(folded[a:b])
        out_len += b - a

    prev = ""  # the last character output so far
    last = 0  # where the previous special run ended
    pending = 0  # folded[pending:…] is output as it stands, copied when something differs
    for m in _SPECIAL_RE.finditer(folded):
        s, e = m.span()
        if s > last:
            prev = folded[s - 1]
        last = e
        nxt = folded[e] if e < n else ""
        if folded[s] == "\n":
            # A hard wrap inside a Chinese sentence: both sides are text and the
            # line before did not end the sentence. Spaces after a kept break go.
            if prev and nxt and prev not in _SENTENCE_END and is_cjk(prev) and (is_cjk(nxt) or nxt in "，、"):
                if s > pending:
                    copy(pending, s)
                pending = e
                continue
            prev = "\n"
            if e == s + 1:  # a break kept as it stands (most are): nothing to copy yet
                continue
            copy(pending, s + 1)
        elif prev and nxt and prev != "\n" and nxt != "\n" and not _is_cjk_or_cjk_punct(prev) and not _is_cjk_or_cjk_punct(nxt):
            # A run of spaces between two Latin words or numbers becomes one space;
            # next to Chinese it goes.
            prev = " "
            if e == s + 1 and folded[s] == " ":  # one plain space, kept as it stands
                continue
            copy(pending, s + 1)
            parts[-1] = parts[-1][:-1] + " "
        elif s > pending:
            copy(pending, s)
        pending = e
    if pending < n:
        copy(pending, n)
    if not starts:
        starts.append(0)
        shifts.append(0)
    return NormText("".join(parts), starts, shifts, len(original))


def normalize_term(term: str) -> str:
    """The canonical form of a rule's keyword or example (no offsets needed)."""
    return normalize(term).text
