"""Sentences, clauses and words of a normalised text.

Rules look at one sentence (。！？；or a line break ends it) or one clause
(also ，：). Boundaries are found once per document with one regex pass;
words come from jieba, but only for the few sentences a rule asks about,
because jieba segments ~0.6 MB/s and loads its dictionary in ~1.5 s. Nor is
that dictionary loaded: each sentence reads only its own fragments from an
index of it (``workbench.text.word_index``); jieba whole is the fallback.
"""

from __future__ import annotations

import bisect
import re
import threading
from functools import lru_cache

from workbench.text.word_index import word_index

_SENTENCE_END = re.compile(r"[。！？；\n]")
_CLAUSE_END = re.compile(r"[。！？；\n，：]")
_PARAGRAPH_END = re.compile(r"\n")
_MATCH_END = re.Match.end


class Segments:
    """Boundaries of sentences, clauses and paragraphs in one text."""

    _patterns = {"sentence": _SENTENCE_END, "clause": _CLAUSE_END, "paragraph": _PARAGRAPH_END}

    def __init__(self, text: str):
        self.text = text
        self._ends: dict[str, list[int]] = {}

    def _boundaries(self, scope: str) -> list[int]:
        ends = self._ends.get(scope)
        if ends is None:
            # Each unit ends just after its delimiter; the last one at len(text).
            ends = list(map(_MATCH_END, self._patterns[scope].finditer(self.text)))  # in C, not a comprehension
            if not ends or ends[-1] != len(self.text):
                ends.append(len(self.text))
            self._ends[scope] = ends
        return ends

    def units(self, scope: str):
        """(index, start, end) of every unit of ``scope``, in order."""
        start = 0
        for i, end in enumerate(self._boundaries(scope)):
            yield i, start, end
            start = end

    def ends(self, scope: str) -> list[int]:
        """Where each unit of ``scope`` ends (the next one starts there), in order."""
        return self._boundaries(scope)

    def unit_at(self, scope: str, i: int) -> tuple[int, int, int]:
        """(index, start, end) of the unit of ``scope`` numbered ``i``."""
        ends = self._boundaries(scope)
        return i, (ends[i - 1] if i > 0 else 0), ends[i]

    def unit(self, scope: str, pos: int) -> tuple[int, int, int]:
        """(index, start, end) of the unit of ``scope`` that holds ``pos``."""
        ends = self._ends.get(scope) or self._boundaries(scope)  # called per hit and per guard: no call when known
        i = bisect.bisect_right(ends, pos)
        if i >= len(ends):
            i = len(ends) - 1
        start = ends[i - 1] if i > 0 else 0
        return i, start, ends[i]


_jieba_lock = threading.Lock()
_jieba = None


def _tokenizer():
    global _jieba
    with _jieba_lock:
        if _jieba is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _jieba = jieba
    return _jieba


def preload_words() -> None:
    """Get word boundaries ready now (the GUI calls this in the background at start):
    open the word index, building it on the first start; without one, load jieba whole."""
    if word_index() is None:
        _tokenizer()


@lru_cache(maxsize=4096)
def word_boundaries(sentence: str) -> frozenset[int]:
    """Offsets in ``sentence`` where a jieba word starts or ends."""
    bounds = {0}
    pos = 0
    for word in _cut(sentence):
        pos += len(word)
        bounds.add(pos)
    return frozenset(bounds)


def _cut(sentence: str):
    index = word_index()
    if index is None:
        return _tokenizer().cut(sentence, HMM=False)
    from jieba import Tokenizer

    # A tokenizer whose dictionary is the sentence's own entries: jieba's code, jieba's result.
    tokenizer = Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = index.frequencies(sentence), index.total, True
    return tokenizer.cut(sentence, HMM=False)
