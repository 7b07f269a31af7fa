"""A clause that reads like a published fair-competition violation.

Frames encode the standards; a drafter can still word a breach in a way no
frame knows. Where a sentence comes close to a clause that an inspection
notice published (``workbench.rules.caselib``), the reviewer is told which
case it resembles, under that case's category. The rule that uses this check
is a ``fallback``: it is reported only where no frame found anything in the
sentence, so a sentence a frame flags is not reported twice.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import compress, repeat
from operator import and_, itemgetter

from workbench.rules.caselib import RESEMBLANCE_THRESHOLD, WARNING_SHARED_RARE, builtin_case_library
from workbench.rules.checks import CheckContext, CheckHit, register
from workbench.rules.guards import negates_measure
from workbench.rules.scanning import ScanAutomaton

# A sentence is compared with the library only if it speaks of an operator, a
# benefit, a locality or an act of designating: the rest of a draft cannot
# breach a fair-competition standard, and costs one automaton pass.
_RELEVANT_CLASSES = ("operator_noun", "benefit", "local_word", "outside", "designate", "list_noun", "tax_base", "fee")
# …and only if it prescribes or grants something: a sentence that describes
# (对农民……进行技术指导) breaches no standard however close its words.
_ACT_CLASSES = ("must", "benefit", "designate", "buy", "scoring", "condition", "prohibit")

_QUOTED_RE = re.compile(r"“[^”]*”?|《[^》]*》?")
_FORBIDS_RESTRICTING_RE = re.compile(
    r"(?:不得|禁止|严禁|不准|不应|无权)(?:以任何(?:理由|形式|方式))?(?:违法|违规|擅自|变相)?(?:限定|限制|指定|排斥|阻碍|强制|歧视|设置|设定|要求|给予|含有)"
)
# A measure that says in so many words that it treats all operators alike (业绩不限地域、
# 不区分所有制) states its lawful condition, in its own sentence or elsewhere in the paragraph.
_TREATS_ALIKE_RE = re.compile(r"不区分|不限地域|不限注册地|不限所有制|一视同仁|平等对待|同等对待|各类[^，。；]{0,8}?(?:经营者|企业|市场主体|出租汽车|车辆|商户)")
# A lead that only introduces a list (应当符合下列条件：) states no condition itself: its items are
# sentences of their own, compared one by one.
_LIST_LEAD_ONLY_RE = re.compile(r"下列[^，。；：]{0,12}[：:]\s*$")
# The purpose-and-basis article (为了……，根据……，制定本办法) decides nothing.
_PURPOSE_ARTICLE_RE = re.compile(r"制定本(?:办法|规定|细则|措施|方案|意见|实施细则)")
_END = itemgetter(0)
_FLAGS = itemgetter(1)
_PARAGRAPH_REACH = 600  # characters read on each side of the sentence: a bound, so a huge paragraph stays linear


@lru_cache(maxsize=1)
def _automaton():
    """One automaton for both tests: a word's value has bit 1 when it is a word
    (of two characters or more) of the ``_RELEVANT_CLASSES``, bit 2 when it is
    a word of the ``_ACT_CLASSES``; one pass over the text finds the hits of both."""
    from workbench.rules.lexicon import builtin_lexicon

    lex = builtin_lexicon()
    flags: dict[str, int] = {}
    for classes, min_length, bit in ((_RELEVANT_CLASSES, 2, 1), (_ACT_CLASSES, 1, 2)):
        for cls in classes:
            for word in lex.literals("{" + cls + "}"):
                if len(word) >= min_length:
                    flags[word] = flags.get(word, 0) | bit
    # ScanAutomaton: the hits a plain automaton finds, faster on Chinese text.
    return ScanAutomaton(flags.items())


@register("resembles_published_case")
def resembles_published_case(ctx: CheckContext):
    library = builtin_case_library()
    text = ctx.text
    seg = ctx.segments
    covered = ctx.covered_sentences or frozenset()
    ends = seg.ends("sentence")
    shadow = ctx.shadow
    # The sentence of each hit's end, found in C (map over the automaton's (end, value) pairs),
    # then the sentences that hold a hit of each list.
    pairs = list(_automaton().iter(text))
    sentences = list(map(bisect.bisect_right, repeat(ends), map(_END, pairs)))
    flags = list(map(_FLAGS, pairs))
    relevant = set(compress(sentences, map(and_, flags, repeat(1)))) & set(compress(sentences, map(and_, flags, repeat(2))))
    for k in sorted(relevant - covered):
        _, s, e = seg.unit_at("sentence", k)
        # Quoted text and titles are the law's words or names, not the draft's.
        raw = text[s:e]
        quoted = "“" in raw or "《" in raw
        sentence = _QUOTED_RE.sub("", raw) if quoted else raw
        # A sentence that forbids restricting others (行政机关不得限定……) is the
        # correct way to write the standard, however close to a case it reads; one that negates
        # the measure it names (不要求……、不另设条件) imposes none (the guards' reading).
        if (_FORBIDS_RESTRICTING_RE.search(sentence) or _PURPOSE_ARTICLE_RE.search(sentence)
                or negates_measure(sentence) or _LIST_LEAD_ONLY_RE.search(sentence)):
            continue
        _, ps, pe = seg.unit("paragraph", s)
        if _TREATS_ALIKE_RE.search(text, max(ps, s - _PARAGRAPH_REACH), min(pe, e + _PARAGRAPH_REACH)):
            continue
        # The engine's shadow of the sentence, where it tagged it and nothing was cut out of it.
        tagged = shadow.sentence(s, e) if shadow is not None and not quoted else None
        found = library.nearest(sentence, min_shared=WARNING_SHARED_RARE, shadow=tagged)
        if found is None or found.score < RESEMBLANCE_THRESHOLD:
            continue
        # Trim the sentence's end mark and surrounding spaces from the span.
        while e > s and text[e - 1] in "。；！？\n ":
            e -= 1
        while s < e and text[s] in " \n":
            s += 1
        yield CheckHit(s, e, {"case": found.case.clause[:60], "notice": found.case.citation(), "score": f"{found.score:.2f}",
                              "related_case": found.to_json()},
                       category=found.case.category)
