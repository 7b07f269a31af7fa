"""Normalised text for matching, with every offset still pointing into the original.

Drafts mix full-width and half-width forms (１２３ / 123, （ / (), put stray spaces
between Chinese characters (“行 政 处 罚”) and break lines inside a sentence.
Rules are written in one canonical form; ``normalize`` turns any text into that
form and keeps, for each character it outputs, the index of the original
character it came from. A match at ``[i, j)`` of the normalised text is then
``[to_orig[i], to_orig[j - 1] + 1)`` of the original.
"""

from __future__ import annotations

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
    """Normalised text and the map from each of its characters to the original."""

    text: str
    to_orig: array  # to_orig[i] = index in the original of text[i]
    orig_len: int

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span ``[a, b)`` that the normalised span ``[start, end)`` covers."""
        if end <= start:
            pos = self.to_orig[start] if start < len(self.to_orig) else self.orig_len
            return pos, pos
        return self.to_orig[start], self.to_orig[end - 1] + 1


# Width folding is one-to-one, so it is done for the whole text at once.
_WIDTH_TABLE = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F) if chr(o) not in _KEEP_FULLWIDTH}
_SPACE_CLASS = "".join(_SPACES) + "\r"
# Only these characters need a decision that depends on their neighbours.
_SPECIAL_RE = re.compile(f"\n[{_SPACE_CLASS}]*|[{_SPACE_CLASS}]+|[,;:()!?，：]")


def normalize(original: str) -> NormText:
    """Normalise ``original`` for matching; see the module docstring.

    Text between special characters is copied in slices (and its offsets added
    with one ``range``), so the cost is C-speed except at spaces, line breaks
    and ASCII punctuation.
    """
    folded = original.translate(_WIDTH_TABLE)
    n = len(folded)
    parts: list[str] = []
    idx = array("i")
    prev = ""  # the last character output so far
    last = 0
    for m in _SPECIAL_RE.finditer(folded):
        s, e = m.span()
        if s > last:
            parts.append(folded[last:s])
            idx.extend(range(last, s))
            prev = folded[s - 1]
        last = e
        c = folded[s]
        nxt = folded[e] if e < n else ""
        if c == "\n":
            # A hard wrap inside a Chinese sentence: both sides are text and the
            # line before did not end the sentence. Spaces after a kept break go.
            if prev and nxt and prev not in _SENTENCE_END and is_cjk(prev) and (is_cjk(nxt) or nxt in "，、"):
                continue
            parts.append("\n")
            idx.append(s)
            prev = "\n"
        elif c in _SPACE_CLASS:
            # Drop spaces next to Chinese; a run between two Latin words or numbers becomes one space.
            if prev and nxt and prev != "\n" and nxt != "\n" and not _is_cjk_or_cjk_punct(prev) and not _is_cjk_or_cjk_punct(nxt):
                parts.append(" ")
                idx.append(s)
                prev = " "
        else:
            between_digits = prev.isdigit() and nxt.isdigit()
            if c in _FULLWIDTH_SEPARATORS:
                c = _FULLWIDTH_SEPARATORS[c] if between_digits else c
            elif not (c in _DIGIT_SEPARATORS and between_digits):
                c = _TO_FULLWIDTH[c]
            parts.append(c)
            idx.append(s)
            prev = c
    if last < n:
        parts.append(folded[last:])
        idx.extend(range(last, n))
    return NormText("".join(parts), idx, len(original))


def normalize_term(term: str) -> str:
    """The canonical form of a rule's keyword or example (no offsets needed)."""
    return normalize(term).text
