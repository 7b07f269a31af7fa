"""Code checks: matchers that need more than patterns (a law registry, numbers).

A rule in a YAML pack names one with ``match: {check: NAME}``; the rule still
carries its id, message, basis and examples as data. A check is a function

    check(ctx: CheckContext) -> Iterable[CheckHit]

registered with ``@register("NAME")``. It returns spans in the *normalised*
text (``ctx.text``) and values for the rule's message placeholders
(``{law}``, ``{successor}`` …). Guards and ``word`` apply to its hits as to any
other matcher's. Add a module here and import it at the bottom of this file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable

from workbench.intake.model import Document
from workbench.text.segment import Segments


@dataclass(frozen=True)
class CheckContext:
    document: Document
    text: str  # the normalised text (document.norm.text)
    segments: Segments
    as_of: date  # the date the law is read as of
    # For a fallback rule: indices of the sentences its review already covers
    # (Segments.unit("sentence", …)[0]); a check may skip them.
    covered_sentences: frozenset[int] | None = None
    # The entity tagger's shadow the engine computed for its frames (``EntityShadow``),
    # or None: a check that reads text through the same tagger may take it from here.
    shadow: "EntityShadow | None" = None
    # Shared by the checks of one ``Engine.check`` call: what one check works out about the
    # document that another would work out again (keyed by the check's own names).
    memo: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class EntityShadow:
    """The builtin tagger's shadow of ``CheckContext.text``, in the stretches the engine tagged.

    ``ranges``: sorted, disjoint (start, end) stretches of whole sentences that were tagged
    (None: the whole text). The tagger splits at sentence ends (``EntityTagger.splits_at``),
    so a sentence's stretch of the shadow is that sentence's own shadow, tagged alone."""

    text: str
    ranges: list[tuple[int, int]] | None = None

    def sentence(self, start: int, end: int) -> str | None:
        """The shadow of the sentence ``text[start:end]`` if it was tagged, else None."""
        ranges = self.ranges
        if ranges is not None:
            k = bisect.bisect_right(ranges, (start, _INF)) - 1
            if k < 0 or ranges[k][1] < end:
                return None
        return self.text[start:end]


_INF = float("inf")


@dataclass(frozen=True)
class CheckHit:
    start: int  # normalised offsets
    end: int
    values: dict = field(default_factory=dict)  # for the message's {placeholders}
    message: str | None = None  # replaces the rule's message entirely (rarely needed)
    category: str | None = None  # replaces the rule's category (a resemblance takes its case's)


CheckFunction = Callable[[CheckContext], Iterable[CheckHit]]
CHECKS: dict[str, CheckFunction] = {}


def register(name: str):
    def decorate(fn: CheckFunction) -> CheckFunction:
        if name in CHECKS:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = fn
        return fn

    return decorate


# Modules that register checks (import for their side effect).
from workbench.rules.checks import party_name  # noqa: E402,F401
from workbench.rules.checks import catalogue  # noqa: E402,F401
from workbench.rules.checks import citations, fines  # noqa: E402,F401
from workbench.rules.checks import hearing  # noqa: E402,F401
from workbench.rules.checks import resemblance  # noqa: E402,F401
