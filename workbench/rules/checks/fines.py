"""``fine_above_maximum`` / ``fine_below_minimum``: a fine outside the range of the article the decision cites.

A decision says “依据《…》第X条第Y款第Z项的规定，决定……处罚款人民币X万元”. Each
fine is tied to the nearest *basis* citation before it (one whose sentence says
依据/根据/依照/按照), within a few paragraphs, or to the basis its own sentence
gives after it (处罚款三万元（依据《…》第×条）); all the articles cited in that
sentence with a known range count. Where the tie is unclear (no basis
citation, an article without a table row, or a relative fine such as
总投资额百分之一以上百分之五以下) nothing is reported. A fine below the floor is
accepted when the decision states a ground for 减轻处罚 (the words, or
《行政处罚法》第三十二条, or 法典第一千零五十六条).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from workbench.laws.citations import find_citations
from workbench.laws.fines import describe, find_fines, fits, mitigation_stated, ranges_for, tier_applies, unquoted, yuan
from workbench.laws.registry import default_registry, title_key
from workbench.rules.checks import CheckContext, CheckHit, register

_BASIS_WORDS = re.compile(r"依据|根据|依照|按照")
_MAX_PARAGRAPHS = 3
_MAX_CHARS = 2000
_BASIS_AFTER_REACH = 12  # 罚款三万元（依据《 …: the gap between a fine and the basis that follows it
# Citations that state a legal ground for 减轻处罚: (title key, article).
_MITIGATION_ARTICLES = {("行政处罚法", 32), ("生态环境法典", 1056)}
_AGGRAVATED = {"情节严重", "情节特别严重", "拒不改正", "逾期不改正", "造成严重后果"}


def _out_of_range(ctx: CheckContext):
    """(hit, direction) for each fine outside its range: "above" the highest
    applicable maximum, else "below" (the floor, with no ground for 减轻处罚)."""
    text = ctx.text
    fines = find_fines(text)
    if not fines or "《" not in text:
        return
    registry = default_registry()
    seg = ctx.segments
    plain = unquoted(text)
    citations = find_citations(text)
    mitigated = mitigation_stated(plain) or any(
        (title_key(c.title), r.article) in _MITIGATION_ARTICLES for c in citations for r in c.refs
    )
    # Basis citations: with articles, in a sentence that says 依据/根据/…
    basis: list[tuple] = []
    by_sentence: dict[int, list] = defaultdict(list)
    for c in citations:
        if not c.refs:
            continue
        sentence, s, _ = seg.unit("sentence", c.start)
        if _BASIS_WORDS.search(text, s, c.start):
            basis.append((c, sentence))
            by_sentence[sentence].append(c)
    if not basis:
        return
    ends = [c.end for c, _ in basis]
    reported: set[tuple] = set()
    for fine in fines:
        fine_sentence = seg.unit("sentence", fine.start)[0]
        k = bisect.bisect_right(ends, fine.start)
        # The basis right after the fine, in its own sentence (处罚款三万元（依据《…》第×条）).
        after = next((c for c in by_sentence.get(fine_sentence, ()) if 0 <= c.start - fine.end <= _BASIS_AFTER_REACH), None)
        if after is not None and not (k and basis[k - 1][1] == fine_sentence):
            last, sentence = after, fine_sentence
        elif k:
            last, sentence = basis[k - 1]
        else:
            continue
        if abs(fine.start - last.end) > _MAX_CHARS:
            continue
        if seg.unit("paragraph", fine.start)[0] - seg.unit("paragraph", last.start)[0] > _MAX_PARAGRAPHS:
            continue
        group = by_sentence[sentence]
        rows, labels, unclear = [], [], False
        for c in group:
            entry = registry.lookup(c.title)
            if entry is None:
                continue
            for ref in c.refs:
                table = registry.fine_ranges(entry, ref.article)
                if not table:
                    continue
                chosen = ranges_for(table, ref)
                if chosen is None:
                    unclear = True
                    continue
                rows += chosen
                labels.append(f"《{entry.title}》{ref.label()}")
        if unclear or not rows:
            continue
        if fits(fine.amount, rows, plain, mitigated):
            continue
        # The same amount in words and in figures (贰拾伍万元（250000元）) is one fine.
        key = (seg.unit("sentence", fine.start)[0], fine.amount)
        if key in reported:
            continue
        reported.add(key)
        # The ceiling of the tiers whose condition the decision states; with none
        # stated, of the base tiers (an aggravated tier must be stated to apply).
        priced = [r for r in rows if not r.per_unit and r.max is not None]
        applicable = [r for r in priced if tier_applies(r, plain)] or [r for r in priced if r.when not in _AGGRAVATED]
        ceilings = [r.max for r in applicable]
        direction = "above" if ceilings and fine.amount > max(ceilings) else "below"
        yield CheckHit(fine.start, fine.end, {
            "amount": yuan(fine.amount), "article": "、".join(labels), "range": describe(rows),
        }), direction


def _out_of_range_once(ctx: CheckContext) -> list:
    """``_out_of_range`` of the document, worked out once for both checks (``CheckContext.memo``)."""
    found = ctx.memo.get("fines_out_of_range")
    if found is None:
        found = ctx.memo["fines_out_of_range"] = list(_out_of_range(ctx))
    return found


@register("fine_above_maximum")
def fine_above_maximum(ctx: CheckContext):
    yield from (hit for hit, direction in _out_of_range_once(ctx) if direction == "above")


@register("fine_below_minimum")
def fine_below_minimum(ctx: CheckContext):
    yield from (hit for hit, direction in _out_of_range_once(ctx) if direction == "below")
