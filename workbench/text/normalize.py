"""Normalised text for matching, with every offset still pointing into the original.

Drafts mix full-width and half-width forms (１２３ / 123, （ / (), put stray spaces
between Chinese characters (“行 政 处 罚”) and break lines inside a sentence.
Rules are written in one canonical form; ``normalize`` turns any text into that
form and keeps, for each character it outputs, the index of the original
character it came from. A match at ``[i, j)`` of the normalised text is then
``[to_orig[i], to_orig[j - 1] + 1)`` of the original.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

# Full-width ASCII variants (！ to ～) become half-width, except the punctuation
# that Chinese text writes full-width and that rules are written with.
_KEEP_FULLWIDTH = set("，；：（）！？")
# Half-width punctuation that Chinese text writes full-width. A comma or colon
# between two digits (100,000  10:30) is part of a number and stays.
_TO_FULLWIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
_DIGIT_SEPARATORS = {",", ":"}
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


def normalize(original: str) -> NormText:
    """Normalise ``original`` for matching; see the module docstring."""
    out: list[str] = []
    idx = array("i")
    n = len(original)
    i = 0
    while i < n:
        ch = original[i]
        if ch in _SPACES or ch == "\r":
            # Drop spaces next to a Chinese character or punctuation; a run of
            # spaces between two Latin words or numbers becomes one space.
            j = i
            while j < n and (original[j] in _SPACES or original[j] == "\r"):
                j += 1
            prev = out[-1] if out else ""
            nxt = original[j] if j < n else ""
            if prev and nxt and not _is_cjk_or_cjk_punct(prev) and not _is_cjk_or_cjk_punct(fold_char(nxt)) and nxt != "\n" and prev != "\n":
                out.append(" ")
                idx.append(i)
            i = j
            continue
        if ch == "\n":
            prev = out[-1] if out else ""
            j = i + 1
            while j < n and original[j] in _SPACES:
                j += 1
            nxt = original[j] if j < n else ""
            # A hard wrap inside a Chinese sentence: both sides are text and the
            # line before did not end the sentence.
            if prev and nxt and prev not in _SENTENCE_END and is_cjk(prev) and (is_cjk(nxt) or fold_char(nxt) in "，、"):
                i = j
                continue
            out.append("\n")
            idx.append(i)
            i += 1
            continue
        c = fold_char(ch)
        if c in _TO_FULLWIDTH:
            prev = out[-1] if out else ""
            nxt = fold_char(original[i + 1]) if i + 1 < n else ""
            if not (c in _DIGIT_SEPARATORS and prev.isdigit() and nxt.isdigit()):
                c = _TO_FULLWIDTH[c]
        out.append(c)
        idx.append(i)
        i += 1
    return NormText("".join(out), idx, n)


def normalize_term(term: str) -> str:
    """The canonical form of a rule's keyword or example (no offsets needed)."""
    return normalize(term).text
