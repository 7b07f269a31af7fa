"""A clause that reads like a published fair-competition violation.

Frames encode the standards; a drafter can still word a breach in a way no
frame knows. Where a sentence comes close to a clause that an inspection
notice published (``workbench.rules.caselib``), the reviewer is told which
case it resembles, under that case's category. The rule that uses this check
is a ``fallback``: it is reported only where no frame found anything in the
sentence, so a sentence a frame flags is not reported twice.
"""

from __future__ import annotations

from workbench.rules.caselib import RESEMBLANCE_THRESHOLD, builtin_case_library
from workbench.rules.checks import CheckContext, CheckHit, register


@register("resembles_published_case")
def resembles_published_case(ctx: CheckContext):
    library = builtin_case_library()
    text = ctx.text
    for s, e in ctx.segments.units("sentence"):
        sentence = text[s:e]
        found = library.nearest(sentence)
        if found is None or found.score < RESEMBLANCE_THRESHOLD:
            continue
        # Trim the sentence's end mark and surrounding spaces from the span.
        while e > s and text[e - 1] in "。；！？\n ":
            e -= 1
        while s < e and text[s] in " \n":
            s += 1
        yield CheckHit(s, e, {"case": found.case.clause[:60], "notice": found.case.citation(), "score": f"{found.score:.2f}"},
                       category=found.case.category)
