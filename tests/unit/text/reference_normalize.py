"""The first, character-by-character implementation of ``normalize``, kept as
the reference the fast implementation is checked against (test_normalize.py)."""

from array import array
from types import SimpleNamespace

from workbench.text.normalize import (
    _DIGIT_SEPARATORS, _FULLWIDTH_SEPARATORS, _SENTENCE_END, _SPACES, _TO_FULLWIDTH,
    _is_cjk_or_cjk_punct, fold_char, is_cjk,
)


def reference_normalize(original: str):
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
            if prev and nxt and not _is_cjk_or_cjk_punct(prev) and not _is_cjk_or_cjk_punct(_TO_FULLWIDTH.get(fold_char(nxt), fold_char(nxt))) and nxt != "\n" and prev != "\n":
                out.append(" ")
                idx.append(i)
            i = j
            continue
        if ch == "\n":
            prev = out[-1] if out else ""
            j = i + 1
            while j < n and (original[j] in _SPACES or original[j] == "\r"):
                j += 1
            nxt = original[j] if j < n else ""
            # A hard wrap inside a Chinese sentence: both sides are text and the
            # line before did not end the sentence.
            if prev and nxt and prev not in _SENTENCE_END and is_cjk(prev) and (is_cjk(nxt) or _TO_FULLWIDTH.get(fold_char(nxt), fold_char(nxt)) in "，、"):
                i = j
                continue
            out.append("\n")
            idx.append(i)
            i += 1
            continue
        c = fold_char(ch)
        if c in _TO_FULLWIDTH or c in _FULLWIDTH_SEPARATORS:
            # Digits immediately on both sides in the original (ASCII after folding).
            prev = fold_char(original[i - 1]) if i > 0 else ""
            nxt = fold_char(original[i + 1]) if i + 1 < n else ""
            between_digits = prev.isascii() and prev.isdigit() and nxt.isascii() and nxt.isdigit()
            if c in _FULLWIDTH_SEPARATORS:
                c = _FULLWIDTH_SEPARATORS[c] if between_digits else c
            elif not (c in _DIGIT_SEPARATORS and between_digits):
                c = _TO_FULLWIDTH[c]
        out.append(c)
        idx.append(i)
        i += 1
    return SimpleNamespace(text="".join(out), to_orig=idx)


