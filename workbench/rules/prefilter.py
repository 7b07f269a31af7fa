"""Which units of a text each frame alternative could match in, found at C speed.

Each top-level alternative of a frame has *required sets* of literal words
(``workbench.rules.literals``): every match holds one word of each set. One
Aho-Corasick pass over the text finds one set per alternative, its *trigger*
(the set least likely to occur); a unit holding a trigger word is kept only
if it also holds a word of each other set (one C-level search per set). The
alternative's regex then runs only in the units kept: exactly the units
where it could match, since a match lies inside one unit. An alternative
without any required set is kept in every unit.

The words are looked for in the text, while frames match the shadow
(``workbench.rules.entities``); a word without a typed-span mark stands in
the shadow only where it stands in the text, so the units kept are a superset
of those where the shadow holds it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import repeat

import ahocorasick

from workbench.rules.entities import NAMED_OPERATOR, PLACE
from workbench.rules.literals import look_behind, required_sets

_MARKS = NAMED_OPERATOR + PLACE
# How often a word of n characters is taken to occur, relative to one character.
# In thousandths, so that a set's cost is an integer: a float sum would depend on the
# order a frozenset yields its words (which follows the hash seed) and break ties differently.
_WORD_WEIGHT = {1: 1000, 2: 100, 3: 20}
_LONG_WORD_WEIGHT = 5


def _set_order(words) -> tuple:
    """Cost first, then the words themselves: the same choice in every process (a set's
    iteration order changes with the hash seed, and the regex cache keys on the pattern)."""
    return (_set_cost(words), sorted(words))


def _set_cost(words: frozenset[str]) -> int:
    return sum(_WORD_WEIGHT.get(len(w), _LONG_WORD_WEIGHT) for w in words)


@dataclass
class Alternative:
    rule: int  # index of the rule in the engine
    number: int  # which top-level alternative of its frame
    within: str
    trigger: frozenset[str] | None  # None: no required set, runs in every unit
    others: tuple[re.Pattern, ...]  # one search per other required set


class FramePrefilter:
    """Built once per engine from its frame rules and lexicon (see the module docstring)."""

    def __init__(self, frames: list[tuple[int, str, list[str], str | None]]):
        """``frames``: (rule index, within, expanded top-level alternatives,
        expanded unless pattern or None) of each frame rule."""
        self.alternatives: list[Alternative] = []
        # How far any pattern looks back before where it is tried.
        self.look_behind = max((look_behind(p) for _r, _w, alts, unless in frames for p in alts + [unless or ""]), default=0)
        self.by_rule: dict[int, list[int]] = {}
        table: dict[str, list[int]] = {}
        for rule, within, alternatives, _unless in frames:
            for number, source in enumerate(alternatives):
                sets = required_sets(source, skip=_MARKS)
                trigger = min(sets, key=_set_order) if sets else None
                # The least likely set first: a unit missing it is dropped after one search.
                others = tuple(re.compile("|".join(map(re.escape, sorted(s, key=lambda w: (-len(w), w)))))
                               for s in sorted((s for s in sets if s is not trigger), key=_set_order))
                k = len(self.alternatives)
                self.alternatives.append(Alternative(rule, number, within, trigger, others))
                self.by_rule.setdefault(rule, []).append(k)
                for word in trigger or ():
                    table.setdefault(word, []).append(k)
        # Words triggering the same alternatives share one group: a hit costs one append.
        self.groups: list[tuple[int, ...]] = []
        group_of: dict[tuple[int, ...], int] = {}
        # word → (its length less one, its group): the engine scans for these words
        # in the same pass as the rules' own literals (``Engine.frame_automaton``).
        self.words: dict[str, tuple[int, int]] = {}
        for word, alternatives in table.items():
            key = tuple(alternatives)
            if key not in group_of:
                group_of[key] = len(self.groups)
                self.groups.append(key)
            self.words[word] = (len(word) - 1, group_of[key])
        self._automaton = None

    def trigger_starts(self, text: str) -> list[list[int]]:
        """group → where each of its trigger words starts in ``text``."""
        starts: list[list[int]] = [[] for _ in self.groups]
        if self.words:
            if self._automaton is None:
                automaton = ahocorasick.Automaton()
                for word, payload in self.words.items():
                    automaton.add_word(word, payload)
                automaton.make_automaton()
                self._automaton = automaton
            for last, (back, group) in self._automaton.iter(text):
                starts[group].append(last - back)
        return starts

    def units(self, text: str, seg, wanted: dict[int, set[int] | None], starts: list[list[int]] | None = None) -> dict[int, set[int]]:
        """alternative → indices of the units (of its ``within``) where it could match,
        for each of the ``wanted`` alternatives that has a trigger (the others may
        match anywhere). ``wanted`` maps an alternative to the only units it is
        looked for in, or to None for any unit. ``starts``: ``trigger_starts(text)``,
        when already found."""
        wanted = {k: v for k, v in wanted.items() if self.alternatives[k].trigger is not None}
        found: dict[int, set[int]] = {k: set() for k in wanted}
        if not wanted or not self.words:
            return found
        if starts is None:
            starts = self.trigger_starts(text)
        for group, alternatives in enumerate(self.groups):
            if not starts[group]:
                continue
            units_by_scope: dict[str, set[int]] = {}
            for k in alternatives:
                if k in wanted:
                    within = self.alternatives[k].within
                    units = units_by_scope.get(within)
                    if units is None:
                        bounds = seg.ends(within)
                        units = units_by_scope[within] = set(map(bisect.bisect_right, repeat(bounds), starts[group]))
                    found[k] |= units
        unit_starts: dict[str, list[int]] = {}
        for k, allowed in wanted.items():
            if allowed is not None:
                found[k] &= allowed
            alt = self.alternatives[k]
            units = found[k]
            if alt.others and units:
                ends = seg.ends(alt.within)
                begins = unit_starts.get(alt.within)
                if begins is None:
                    begins = unit_starts[alt.within] = [0] + ends[:-1]
                # One set at a time, the least likely first: each search narrows the next.
                for p in alt.others:
                    search = p.search
                    units = {u for u in units if search(text, begins[u], ends[u])}
                    if not units:
                        break
                found[k] = units
        return found
