"""Run rules over a document: one Aho-Corasick pass, then work only where it hit.

Every literal a rule needs (its terms, its ``together`` groups, the anchors of
its regex or fuzzy pattern, its exclusions, its ``when`` and ``absent`` terms)
goes into one automaton, with the frame prefilter's trigger words
(``workbench.rules.prefilter``); there is one such automaton per set of active
rules, holding only what they need. One scan of the normalised text yields all
hits; a rule is then evaluated only in the sentences or clauses where its own
hits lie, so a 1 MB text costs one C-speed scan plus work proportional to the
hits. A frame's hits are kept per term (the units a term stands in are found
once for all the frames that name it), and the hits as ints, sorted in C.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import defaultdict, deque
from itertools import chain, repeat
from operator import add, itemgetter, sub
from datetime import date

from workbench.intake.metadata import reading_date
from workbench.intake.model import Document
from workbench.rules.checks import CHECKS, CheckContext, CheckHit, EntityShadow
from workbench.rules.entities import NAMED_OPERATOR, PLACE, tagger_for
from workbench.rules.firstchars import start_finder
from workbench.rules.guards import guarded
from workbench.rules.lexicon import Lexicon, builtin_lexicon
from workbench.rules.model import REVIEWS, Finding, Rule
from workbench.rules.patterns import LazyPatterns
from workbench.rules.prefilter import FramePrefilter
from workbench.rules.scanning import ScanAutomaton
from workbench.text.segment import Segments, word_boundaries

SPAN_MARKS = (NAMED_OPERATOR, PLACE)
# Roles a literal plays for its rule.
TERM, GROUP, EXCLUDE, WHEN, ABSENT = range(5)
_EXCERPT_CONTEXT = 30


# A hit is a plain tuple (start, end, role, group): a 1 MB text can yield
# 100,000 of them, and a tuple costs a fraction of any class instance.
_Hit = tuple
START, END, ROLE, GROUP_NO = range(4)
# A scan's hit as one int: word number << 32 | end index (``_scan``).
_END_LIMIT = 1 << 32
_WORD_BITS = ~(_END_LIMIT - 1)
_END_START = itemgetter(END, START)


class Engine:
    """Compiled rules, reusable across documents and threads (it keeps no per-document state)."""

    def __init__(self, rules: list[Rule], lexicon: Lexicon | None = None):
        self.rules = list(rules)
        self._regex = LazyPatterns({i: r.match.regex for i, r in enumerate(self.rules) if r.match.regex})
        # Frames are compiled, and the entity tagger built, when a document first
        # needs them: an expanded frame is a large regex (tens of ms to compile),
        # and a command that checks one short draft needs only some of them.
        self._lexicon = lexicon
        self._tagger = None
        self._frame: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}
        self._prefilter: FramePrefilter | None = None
        self._by_sentence: bool | None = None  # may the tagger read one sentence at a time?
        self._compile_lock = threading.Lock()
        self._absent_regex = LazyPatterns({i: r.match.absent_regex for i, r in enumerate(self.rules) if r.match.absent_regex})
        # A frame rule needs only where its terms and exclusions stand, so its
        # hits are kept per term, not per rule: a term shared by twenty frames is
        # looked up in the units once, not twenty times.
        table: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
        for i, rule in enumerate(self.rules):
            m = rule.match
            literals = [(t, TERM, 0) for t in m.any]
            literals += [(t, TERM, 0) for t in (m.anchors or _fuzzy_anchors(m.fuzzy)) if t not in SPAN_MARKS]
            literals += [(t, GROUP, g) for g, group in enumerate(m.together) for t in group]
            literals += [(t, EXCLUDE, 0) for t in m.exclude]
            literals += [(t, WHEN, 0) for t in m.when]
            literals += [(t, ABSENT, 0) for t in m.absent]
            for term, role, group in literals:
                table[term].append((i, role, group, len(term)))
        self._term_length: list[int] = []  # of each frame term
        # frame rule → term numbers of its anchors, of its exclusions
        self._frame_terms: dict[int, list[int]] = defaultdict(list)
        self._frame_excludes: dict[int, list[int]] = defaultdict(list)
        # literal → (its entries (rule, role, group, length) for rules other than frames, its frame term number or -1)
        self._words: dict[str, tuple[tuple[tuple[int, int, int, int], ...], int]] = {}
        for term, payload in table.items():
            others = tuple(e for e in payload if self.rules[e[0]].match.kind != "frame")
            framed = [e for e in payload if self.rules[e[0]].match.kind == "frame" and e[1] in (TERM, EXCLUDE)]
            tid = -1
            if framed:
                tid = len(self._term_length)
                self._term_length.append(len(term))
                for rule_idx, role, _g, _n in framed:
                    (self._frame_terms if role == TERM else self._frame_excludes)[rule_idx].append(tid)
            self._words[term] = (others, tid)
        # frozenset of active rules → the automaton of the literals they need (``_scanner``)
        self._scanners: dict[frozenset[int], tuple] = {}

    def select(self, kind: str | None, as_of: date | None, reviews=REVIEWS, rule_ids=None) -> set[int]:
        return {
            i for i, r in enumerate(self.rules)
            if r.review in reviews
            and (kind is None or kind in r.applies_to)
            and r.applies_on(as_of)
            and (rule_ids is None or r.id in rule_ids)
        }

    def check(self, doc: Document, as_of: date | None = None, reviews=REVIEWS, rule_ids=None,
              segments: Segments | None = None) -> list[Finding]:
        """Findings for ``doc``, sorted by position.

        ``as_of`` is the date the law is read as of; by default
        ``workbench.intake.metadata.reading_date`` (the document's own date,
        else its 文号's year, else today). ``segments``: the ``Segments`` of
        ``doc.norm.text`` when already made (a check that runs another engine
        over its document), so its boundaries are not found again.
        """
        as_of = reading_date(doc, as_of)
        kind = doc.kind.value if doc.kind else None
        active = self.select(kind, as_of, reviews, rule_ids)
        if not active:
            return []
        text = doc.norm.text
        seg = segments if segments is not None and segments.text is text else Segments(text)
        hits, term_ends, trigger_starts = self._scan(text, active)
        frame_matches, shadow = self._frame_matches(active, hits, term_ends, trigger_starts, text, seg)
        # (rule index, norm start, norm end, CheckHit or None); start == end == -1: whole document
        spans: list[tuple[int, int, int, CheckHit | None]] = []
        memo: dict = {}  # shared by the code checks of this document (CheckContext.memo)
        # Fallback rules run last, told which sentences their review already covers.
        for i in sorted(active, key=lambda k: (self.rules[k].fallback, k)):
            rule = self.rules[i]
            kind_ = rule.match.kind
            if kind_ == "absent":
                if self._is_absent(i, rule, hits.get(i, ()), text, seg):
                    spans.append((i, -1, -1, None))
                continue
            if kind_ == "check":
                covered = None
                if rule.fallback:
                    covered = frozenset(seg.unit("sentence", s)[0] for k, s, _e, _h in spans if s >= 0 and self.rules[k].review == rule.review)
                ctx = CheckContext(doc, text, seg, as_of, covered, shadow, memo)
                for hit in CHECKS[rule.match.check](ctx):
                    if guarded(rule.guards, text, seg, hit.start, hit.end, review=rule.review):
                        continue
                    spans.append((i, hit.start, hit.end, hit))
                continue
            if kind_ == "frame":
                last_end = -1
                for start, end, act in frame_matches.get(i, ()):
                    if start < last_end:
                        continue
                    # The match's start and its last character count as terms: 不得以上市为条件，给予…
                    # prohibits in the clause where the frame begins, and ……的组织，不得将在本地
                    # 注册作为条件 in the clause where it ends (a frame's act may stand clauses earlier).
                    if guarded(rule.guards, text, seg, start, end, (start, end - 1), act=act, review=rule.review):
                        continue
                    last_end = end
                    spans.append((i, start, end, None))
                continue
            rule_hits = hits.get(i)
            if not rule_hits:
                continue
            for start, end, *terms in self._candidates(i, rule, rule_hits, text, seg):
                if guarded(rule.guards, text, seg, start, end, terms[0] if terms else (), review=rule.review):
                    continue
                if rule.match.word and not _on_word_boundaries(text, seg, start, end):
                    continue
                spans.append((i, start, end, None))
        if any(self.rules[i].fallback for i, *_ in spans):
            spans = self._drop_covered_fallbacks(spans, seg)
        return self._findings(doc, spans, seg)

    def _scan(self, text: str, active: set[int]):
        """One Aho-Corasick pass over ``text``: (the hits of each active rule other
        than a frame, the ends of each term of an active frame, the starts of each
        prefilter trigger group or None when no frame is active).

        The pass yields (end, word); a 1 MB draft has ~70,000 of them. They are
        sorted by word in C and sliced per word, so the Python work per hit is
        one subtraction in a comprehension."""
        hits: dict[int, list[_Hit]] = defaultdict(list)
        term_ends: dict[int, list[int]] = {}
        automaton, payloads, frames_on = self._scanner(active)
        starts: list[list[int]] | None = [[] for _ in self.prefilter().groups] if frames_on else None
        if automaton is None:
            return hits, term_ends, starts
        # Each hit as one int, word number << 32 | end: the (end, word) tuples the pass
        # yields are dropped as they come, so a large text does not leave ~70,000 of
        # them for the garbage collector to walk.
        flat = list(chain.from_iterable(automaton.iter(text)))
        if not flat:
            return hits, term_ends, starts
        keys = list(map(add, flat[1::2], flat[0::2]))
        del flat
        keys.sort()
        lo, n = 0, len(keys)
        while lo < n:
            base = keys[lo] & _WORD_BITS
            hi = bisect.bisect_left(keys, base + _END_LIMIT, lo)
            its_ends = list(map(sub, keys[lo:hi], repeat(base)))  # in C: a comprehension costs a bytecode loop per hit
            entries, tid, back, group = payloads[base >> 32]
            if entries:
                for rule_idx, role, g, length in entries:
                    hits[rule_idx] += [(e - length + 1, e + 1, role, g) for e in its_ends]
            if tid >= 0:
                term_ends[tid] = its_ends
            if group >= 0:
                starts[group] += map(sub, its_ends, repeat(back)) if back else its_ends
            lo = hi
        # In the order the pass met them: by end, the longer word first (a rule's
        # entries for one word in their own order: the sort is stable).
        for rule_hits in hits.values():
            rule_hits.sort(key=_END_START)
        return hits, term_ends, starts

    def _scanner(self, active: set[int]):
        """(The automaton of the literals the ``active`` rules need — and the frame
        prefilter's trigger words, when a frame is active — or None; each word's
        payload; whether a frame is active), built once per set of rules. A word's
        payload is (its entries for the active rules other than frames, or None;
        its term number if an active frame needs it, else -1; the prefilter's
        (length less one, group) of a trigger word, else (0, -1)); the automaton
        holds the word's number in that list."""
        key = frozenset(active)
        found = self._scanners.get(key)
        if found is not None:
            return found
        frames_on = any(self.rules[i].match.kind == "frame" for i in active)
        pre = self.prefilter() if frames_on else None
        with self._compile_lock:
            found = self._scanners.get(key)
            if found is None:
                frame_tids = {tid for i in active for tid in self._frame_terms.get(i, []) + self._frame_excludes.get(i, [])}
                words: dict[str, tuple] = {}
                for term, (others, tid) in self._words.items():
                    entries = tuple(e for e in others if e[0] in active) or None
                    tid = tid if tid in frame_tids else -1
                    if entries or tid >= 0:
                        words[term] = (entries, tid, 0, -1)
                for word, (back, group) in (pre.words.items() if pre is not None else ()):
                    entries, tid, _b, _g = words.get(word, (None, -1, 0, -1))
                    words[word] = (entries, tid, back, group)
                payloads = list(words.values())
                found = (_automaton_of((w, k << 32) for k, w in enumerate(words)), payloads, frames_on)
                if len(self._scanners) >= 16:
                    self._scanners.clear()
                self._scanners[key] = found
        return found

    def _drop_covered_fallbacks(self, spans, seg: Segments):
        """A fallback rule speaks only in a sentence where no other rule of its review did."""
        covered = {(self.rules[i].review, seg.unit("sentence", s)[0]) for i, s, _e, _h in spans if s >= 0 and not self.rules[i].fallback}
        return [sp for sp in spans if not (self.rules[sp[0]].fallback and (self.rules[sp[0]].review, seg.unit("sentence", sp[1])[0]) in covered)]

    # -- matchers -----------------------------------------------------------

    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = builtin_lexicon()
        return self._lexicon

    def tagger(self):
        with self._compile_lock:
            if self._tagger is None:
                self._tagger = tagger_for(self.lexicon())
        return self._tagger

    def compiled_frame(self, i: int) -> tuple[list[tuple[re.Pattern, re.Pattern | None, list[str]]], re.Pattern | None]:
        """The frame's alternatives — each (its pattern, its probe or None, the
        names of its act groups) — and its unless pattern, compiled on first use.

        Each top-level alternative is compiled on its own: Python's regex
        engine skips positions that cannot start a match only when a pattern
        opens with a choice of literal characters, which a whole frame
        (``(?P<act>…)…|(?P<act2>…)…``) never does and each alternative does;
        this makes frames ten to twenty times faster. An alternative that opens
        otherwise (with an optional part, a class of any length) gets a *probe*
        (``_probe``): the same match, found by the regex engine's own skip.
        """
        found = self._frame.get(i)
        if found is None:
            m = self.rules[i].match
            lex = self.lexicon()
            alternatives = []
            for alt in top_level_alternatives(m.frame):
                alt = lex.expand(alt)
                pattern = re.compile(alt)
                # The act may be named in several alternatives: act, act2, act3 …
                acts = [g for g in pattern.groupindex if g == "act" or (g.startswith("act") and g[3:].isdigit())]
                alternatives.append((pattern, _probe(alt), acts))
            found = (alternatives, re.compile(lex.expand(m.unless)) if m.unless else None)
            self._frame[i] = found
        return found

    def prefilter(self) -> FramePrefilter:
        """The required words of every frame alternative, derived on first use."""
        with self._compile_lock:
            if self._prefilter is None:
                lex = self.lexicon()
                self._prefilter = FramePrefilter([
                    (i, r.match.within, [lex.expand(alt) for alt in top_level_alternatives(r.match.frame)],
                     lex.expand(r.match.unless) if r.match.unless else None)
                    for i, r in enumerate(self.rules) if r.match.kind == "frame"
                ])
        return self._prefilter

    def _tags_by_sentence(self) -> bool:
        if self._by_sentence is None:
            self._by_sentence = self.tagger().splits_at(_SENTENCE_ENDS)
        return self._by_sentence

    def _frame_matches(self, active: set[int], hits, term_ends, trigger_starts, text: str, seg: Segments
                       ) -> tuple[dict[int, list[tuple[int, int, int]]], EntityShadow | None]:
        """(rule → (start, end, act) of each match of each active frame rule; the
        entity shadow it computed, when it is the builtin tagger's and may be read
        sentence by sentence (``CheckContext.shadow``), else None).

        A frame runs in the units its anchors hit (a typed-span anchor: where
        the shadow marks one); of those, each alternative runs only in the
        units the prefilter keeps for it, and the entity tagger reads only the
        sentences where some alternative will run.
        """
        frames = [i for i in sorted(active) if self.rules[i].match.kind == "frame"]
        if not frames:
            return {}, None
        pre = self.prefilter()
        word_units: dict[int, set[int]] = {}
        span_marks: dict[int, str] = {}
        term_units: dict[tuple[int, str], set[int]] = {}  # (term, within) → units it stands in

        def units_of(tid: int, within: str) -> set[int]:
            found = term_units.get((tid, within))
            if found is None:
                ends = term_ends.get(tid)
                if ends:
                    bounds, back = seg.ends(within), self._term_length[tid] - 1
                    found = set(map(bisect.bisect_right, repeat(bounds), map(sub, ends, repeat(back)) if back else ends))
                else:
                    found = set()
                term_units[(tid, within)] = found
            return found

        for i in frames:
            m = self.rules[i].match
            # Only the terms that occur: a short draft holds few of a frame's dozens.
            units = set().union(*(units_of(tid, m.within) for tid in self._frame_terms.get(i, ()) if tid in term_ends))
            marks = "".join(mark for mark in SPAN_MARKS if mark in m.anchors)
            if units or marks:
                word_units[i] = units
                span_marks[i] = marks
        if not word_units:
            return {}, None
        # A span-anchored frame may run in a unit no word anchor hits: it is known only once tagged.
        possible = pre.units(text, seg, {k: (None if span_marks[i] else units) for i, units in word_units.items() for k in pre.by_rule[i]},
                             starts=trigger_starts)
        # Units where an alternative may run, before the typed-span anchors are known.
        tentative: dict[int, set[int]] = {}
        whole_text = False
        for i, units in word_units.items():
            tentative[i] = set()
            for k in pre.by_rule[i]:
                found = possible.get(k)
                if found is None:  # no required word: wherever the anchors are
                    whole_text = whole_text or bool(span_marks[i])
                    found = units
                tentative[i] |= found if span_marks[i] else found & units
        tagger = self.tagger()
        ranges = None
        if whole_text or not self._tags_by_sentence():
            shadow = tagger.shadow(text)
        else:
            ranges = _sentence_ranges(seg, ((self.rules[i].match.within, us) for i, us in tentative.items()), pre.look_behind)
            shadow = tagger.shadow(text, ranges)
        # Shared with the checks only where it is what the builtin tagger makes of each sentence alone.
        shared = EntityShadow(shadow, ranges) if self._tags_by_sentence() and self.lexicon() is builtin_lexicon() else None
        marked_units: dict[tuple[str, str], set[int]] = {}  # (marks, within) → units holding one of the marks
        run_starts: dict[str, list[int]] = {}  # mark → where each run of it starts in the shadow

        def units_marked(marks: str, within: str) -> set[int]:
            found = marked_units.get((marks, within))
            if found is None:
                # A run of marks lies inside one unit: no unit boundary is a mark.
                bounds = seg.ends(within)
                found = set()
                for mark in marks:
                    starts = run_starts.get(mark)
                    if starts is None:
                        starts = run_starts[mark] = [m.start() for m in re.finditer(mark + "+", shadow)]
                    found |= set(map(bisect.bisect_right, repeat(bounds), starts))
                marked_units[(marks, within)] = found
            return found

        out: dict[int, list[tuple[int, int, int]]] = {}
        for i, units in word_units.items():
            rule = self.rules[i]
            within = rule.match.within
            marks = span_marks[i]
            if marks:
                if whole_text:
                    units = units | units_marked(marks, within)
                else:
                    units = units | (tentative[i] & units_marked(marks, within))
            # unit → the alternatives that may match in it
            plan: dict[int, list[int]] = defaultdict(list)
            for n, k in enumerate(pre.by_rule[i]):
                found = possible.get(k)
                for u in (units if found is None else found & units):
                    plan[u].append(n)
            if plan:
                excluded = [(term_ends.get(tid, ()), self._term_length[tid]) for tid in self._frame_excludes.get(i, ())]
                covered = {p for ends, n in excluded for e in ends for p in range(e - n + 1, e + 1)}
                found_matches = list(self._frames(i, rule, covered, shadow, seg, plan))
                if found_matches:
                    out[i] = found_matches
        return out, shared

    def _frames(self, i: int, rule: Rule, covered: set[int], shadow: str, seg: Segments, plan: dict[int, list[int]]):
        """(start, end, act) of each match of a frame rule in the units of ``plan``
        (unit → numbers of the alternatives to run there); ``covered``: the
        positions its exclusion phrases cover."""
        patterns, unless = self.compiled_frame(i)
        within = rule.match.within
        bounds = seg.ends(within)
        unless_search = unless.search if unless is not None else None
        for unit in sorted(plan):
            us, ue = (bounds[unit - 1] if unit else 0), bounds[unit]
            # A unit the unless pattern matches yields nothing: it is looked at first,
            # and the alternatives do not run there.
            if unless_search is not None and unless_search(shadow, us, ue):
                continue
            found = []
            for n in plan[unit]:
                pattern, probe, groups = patterns[n]
                if probe is None:
                    for match in pattern.finditer(shadow, us, ue):
                        ms, me = match.span()
                        if me <= ms or (covered and any(p in covered for p in range(ms, me))):
                            continue
                        found.append((ms, me, next((match.start(g) for g in groups if match.start(g) >= 0), ms)))
                    continue
                # The probe matches one character wherever the alternative matches; the
                # alternative's own matches, non-overlapping, left to right, as
                # ``pattern.match`` tried at each possible start would give them.
                # Searched again from each match's end: no start inside a match is tried.
                pos, search = us, probe.search
                while (match := search(shadow, pos, ue)) is not None:
                    ms = match.start()
                    me = match.start(_PROBE_END)
                    if me <= ms:
                        pos = ms + 1
                        continue
                    pos = me
                    if covered and any(p in covered for p in range(ms, me)):
                        continue
                    found.append((ms, me, next((match.start(g) for g in groups if match.start(g) >= 0), ms)))
            # Leftmost first, then longest; the caller keeps them non-overlapping among
            # those its guards let stand (as one alternation would, but a guarded match
            # does not hide a shorter one inside it).
            yield from sorted(found, key=lambda f: (f[0], -f[1]))

    def _is_absent(self, i: int, rule: Rule, rule_hits, text: str, seg: Segments) -> bool:
        # A ``when`` term counts only where the rule's guards let it stand: a
        # 吊销 inside a quoted provision does not make the decision one that revokes.
        if rule.match.when and not any(
            h[ROLE] == WHEN and not guarded(rule.guards, text, seg, h[START], h[END], review=rule.review) for h in rule_hits
        ):
            return False
        if any(h[ROLE] == ABSENT for h in rule_hits):
            return False
        pattern = self._absent_regex.get(i)
        if pattern is not None and pattern.search(text):
            return False
        return True

    def _candidates(self, i: int, rule: Rule, rule_hits: list[_Hit], text: str, seg: Segments):
        m = rule.match
        # Positions covered by an exclusion phrase: exclusion phrases are short,
        # so a set makes each test O(length of the hit), not O(exclusions).
        covered = {p for h in rule_hits if h[ROLE] == EXCLUDE for p in range(h[START], h[END])}

        def is_excluded(s: int, e: int) -> bool:
            return bool(covered) and any(p in covered for p in range(s, e))

        kind = m.kind
        if kind == "any":
            terms = [h for h in rule_hits if h[ROLE] == TERM and not is_excluded(h[START], h[END])]
            yield from _longest_non_overlapping((h[START], h[END]) for h in terms)
        elif kind == "together":
            yield from self._together(m, [h for h in rule_hits if h[ROLE] == GROUP and not is_excluded(h[START], h[END])], seg)
        elif kind == "regex":
            pattern = self._regex[i]
            for s, e in _candidate_units(rule_hits, seg, m.within):
                for match in pattern.finditer(text, s, e):
                    if match.end() > match.start() and not is_excluded(match.start(), match.end()):
                        yield match.start(), match.end()
        elif kind == "fuzzy":
            from rapidfuzz import fuzz  # here: its import (~20 ms) is paid only where a fuzzy rule has hits

            for s, e in _candidate_units(rule_hits, seg, m.within):
                chunk = text[s:e]
                # A correct spelling of any listed term is not a variant of another.
                exact = [(k, k + len(t)) for t in m.fuzzy for k in _occurrences(chunk, t)]
                for term in m.fuzzy:
                    al = fuzz.partial_ratio_alignment(term, chunk, score_cutoff=m.threshold)
                    if al is None or any(a < al.dest_end and al.dest_start < b for a, b in exact):
                        continue
                    if not is_excluded(s + al.dest_start, s + al.dest_end):
                        yield s + al.dest_start, s + al.dest_end
                        break

    @staticmethod
    def _together(m, group_hits: list[_Hit], seg: Segments):
        n_groups = len(m.together)
        by_group: list[list[_Hit]] = [[] for _ in range(n_groups)]
        for h in group_hits:
            by_group[h[GROUP_NO]].append(h)
        if any(not hits for hits in by_group):
            return
        # Units are found for the rarest group's hits only; the other groups'
        # hits inside each such unit are found by bisection on their starts.
        for hits in by_group:
            hits.sort()
        starts = [[h[START] for h in hits] for hits in by_group]
        rarest = min(range(n_groups), key=lambda g: len(by_group[g]))
        units = sorted({seg.unit(m.within, h[START])[1:] for h in by_group[rarest]})
        for us, ue in units:
            unit_hits: list[_Hit] = []
            for g in range(n_groups):
                lo = bisect.bisect_left(starts[g], us)
                hi = bisect.bisect_left(starts[g], ue)
                if lo == hi:
                    break
                unit_hits += by_group[g][lo:hi]
            else:
                window = _smallest_window(unit_hits, n_groups)
                if window is None:
                    continue
                s, e = window
                if m.near is not None and e - s > m.near:
                    continue
                # Where each term of the window starts: a guard may need to look
                # at a later term's own clause (为保护环境，不得限定……).
                yield s, e, tuple(sorted({h[START] for h in unit_hits if s <= h[START] and h[END] <= e}))

    # -- output -------------------------------------------------------------

    def _findings(self, doc: Document, spans, seg: Segments) -> list[Finding]:
        norm = doc.norm
        out: list[Finding] = []
        kind = doc.kind.value if doc.kind else None
        for i, s, e, hit in spans:
            rule = self.rules[i]
            basis = [str(b) for b in rule.basis if b.cited_for(kind)]
            if s < 0:
                out.append(Finding(rule.id, rule.review, rule.category, rule.severity, 0, 0, None, None, "", rule.message, basis))
                continue
            start, end = norm.orig_span(s, e)
            para, col = doc.locate(start)
            matched = doc.text[start:end]
            # The closest published case is looked up when a finding is shown
            # (caselib.attach_related_cases), not here: most are never shown.
            related = hit.values.get("related_case") if hit is not None else None
            out.append(Finding(
                rule.id, rule.review, (hit.category if hit is not None and hit.category else rule.category), rule.severity, start, end, para, col,
                excerpt(doc, start, end), _message(rule, matched, hit), basis, matched, related,
            ))
        out.sort(key=lambda f: (f.paragraph is not None, f.start, f.end, f.rule))
        return out


def _message(rule: Rule, matched: str, hit: CheckHit | None) -> str:
    """The rule's message with {match} and a code check's {placeholders} filled in."""
    if hit is not None and hit.message:
        return hit.message
    message = rule.message.replace("{match}", matched)
    for key, value in (hit.values if hit else {}).items():
        message = message.replace("{" + key + "}", str(value))
    return message


_SENTENCE_ENDS = "。！？；\n"


def _sentence_ranges(seg: Segments, units, look_behind: int) -> list[tuple[int, int]]:
    """The whole sentences covering the given (scope, unit indices) pairs, merged
    where they touch, each with the sentence before it when a pattern looks
    back more than one character (one character back is a sentence end)."""
    sentences: set[int] = set()
    sentence_ends = seg.ends("sentence")
    for within, us in units:
        if within == "sentence":
            sentences |= us
            continue
        ends = seg.ends(within)
        for u in us:
            s, e = (ends[u - 1] if u else 0), ends[u]
            first = bisect.bisect_right(sentence_ends, s)
            last = first if within != "paragraph" else bisect.bisect_right(sentence_ends, max(s, e - 1))
            sentences.update(range(first, last + 1))
    if look_behind > 1:
        sentences |= {n - 1 for n in sentences if n > 0}
    ranges: list[tuple[int, int]] = []
    for n in sorted(sentences):
        s, e = (sentence_ends[n - 1] if n else 0), sentence_ends[n]
        if ranges and ranges[-1][1] == s:
            ranges[-1] = (ranges[-1][0], e)
        else:
            ranges.append((s, e))
    return ranges


_PROBE_END = "_probe_end"


def _probe(pattern: str) -> re.Pattern | None:
    """A regex that matches one character at each position where ``pattern``
    matches, with ``pattern``'s groups and its end (group ``_PROBE_END``), or
    None where ``pattern.finditer`` is as fast (``firstchars.start_finder``).

    ``pattern`` is tried only where its first character can stand: the probe
    opens with the class of those characters, which the regex engine skips to
    in C, then looks back at that character and ahead from it for the whole
    pattern. Tried left to right, a probe's matches are every start where
    ``pattern.match`` succeeds, each with the same groups and end."""
    starts = start_finder(pattern)
    if starts is None:
        return None
    try:
        return re.compile(f"{starts.pattern}(?<=(?=(?:{pattern})(?P<{_PROBE_END}>))(?s:.))")
    except re.error:  # pragma: no cover - a pattern the probe cannot wrap
        return None


def top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (outside groups, classes and escapes)."""
    parts, depth, in_class, escaped, start = [], 0, False, False, 0
    for k, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:k])
            start = k + 1
    parts.append(pattern[start:])
    return parts


def _automaton_of(words):
    """An Aho-Corasick automaton of (word, payload) pairs, or None when there are none."""
    automaton = ScanAutomaton(words)
    return automaton if len(automaton) else None


def _fuzzy_anchors(terms: tuple[str, ...]) -> list[str]:
    # Without anchors, look where the first or last two characters of a term appear.
    return sorted({t[:2] for t in terms} | {t[-2:] for t in terms}) if terms else []


def _candidate_units(rule_hits, seg: Segments, within: str):
    """(start, end) of each sentence or clause holding an anchor hit, once each."""
    done: set[int] = set()
    for h in rule_hits:
        if h[ROLE] != TERM:
            continue
        unit, s, e = seg.unit(within, h[START])
        if unit not in done:
            done.add(unit)
            yield s, e


def _occurrences(text: str, term: str):
    k = text.find(term)
    while k >= 0:
        yield k
        k = text.find(term, k + 1)


def _longest_non_overlapping(spans):
    """Of overlapping spans keep the longest (须使用 over 使用), then the earliest."""
    kept: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda se: (se[0], -(se[1] - se[0]))):
        if kept and s < kept[-1][1]:
            if e - s > kept[-1][1] - kept[-1][0]:
                kept[-1] = (s, e)
            continue
        kept.append((s, e))
    return kept


def _smallest_window(hits: list[_Hit], n_groups: int) -> tuple[int, int] | None:
    """The shortest span holding one hit of every group (classic sliding window).

    The window's end is the largest END among its hits, kept in a monotonic
    deque, so the whole search is linear in the number of hits.
    """
    hits = sorted(hits, key=lambda h: h[START])
    counts: dict[int, int] = defaultdict(int)
    best = None
    left = 0
    covered = 0
    ends: deque[int] = deque()  # indices into hits, their END decreasing
    for right, h in enumerate(hits):
        while ends and hits[ends[-1]][END] <= h[END]:
            ends.pop()
        ends.append(right)
        if counts[h[GROUP_NO]] == 0:
            covered += 1
        counts[h[GROUP_NO]] += 1
        while covered == n_groups:
            while ends[0] < left:
                ends.popleft()
            s, e = hits[left][START], hits[ends[0]][END]
            if best is None or e - s < best[1] - best[0]:
                best = (s, e)
            counts[hits[left][GROUP_NO]] -= 1
            if counts[hits[left][GROUP_NO]] == 0:
                covered -= 1
            left += 1
    return best


_WORD_WINDOW = 40


def _on_word_boundaries(text: str, seg: Segments, start: int, end: int) -> bool:
    # Segment the sentence around the match, at most _WORD_WINDOW characters
    # each side: jieba's cut of a 400,000-character line per match would make
    # the check quadratic, and a word depends only on its neighbourhood.
    _, s, e = seg.unit("sentence", start)
    s, e = max(s, start - _WORD_WINDOW), min(e, end + _WORD_WINDOW)
    bounds = word_boundaries(text[s:e])
    return (start - s) in bounds and (end - s) in bounds


def excerpt(doc: Document, start: int, end: int) -> str:
    """The match with some context from its paragraph, as it stands in the original."""
    p = doc.paragraphs[doc.paragraph_index(start)] if doc.paragraphs else None
    lo = max(p.start if p else 0, start - _EXCERPT_CONTEXT)
    hi = min(p.end if p else len(doc.text), end + _EXCERPT_CONTEXT)
    text = doc.text[lo:hi].replace("\n", " ").strip()
    return ("…" if lo > (p.start if p else 0) else "") + text + ("…" if hi < (p.end if p else len(doc.text)) else "")
