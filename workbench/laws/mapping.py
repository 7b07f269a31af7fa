"""Where a cited article of a repealed law now stands, said 项 by 项.

The registry maps an old article to the 法典 item by item (大气法第一百条第（一）项 →
法典第一千零九十三条, 第（二）项 → 第一千零八十六条第一款第（一）项 …). A draft that
cites the 项 gets that 项's row; one that cites the whole article gets the row of
the 项 its facts describe, when one stands out (the 项's wording, from the statute
text, against the text before the citation); otherwise every 项 with its own new
article, the article named once.
"""

from __future__ import annotations


from workbench.laws.citations import ArticleRef, cn
from workbench.laws.fines import unquoted

CODE_TITLE = "中华人民共和国生态环境法典"
RELIED_MIN = 70.0  # how well a 项's wording must match the draft's facts to be the one it relies on
RELIED_MARGIN = 10.0  # …and by how much better than the next 项
FACTS_CHARS = 2000  # the text before the citation (and its own sentence) where the facts stand


def facts_before(text: str, segments, start: int) -> str:
    """The draft's own words before a citation and in its sentence (quoted law blanked out)."""
    _, _, sentence_end = segments.unit("sentence", start)
    return unquoted(text[max(0, start - FACTS_CHARS): sentence_end])


def _short(law: str) -> str:
    return "法典" if law == CODE_TITLE else f"《{law}》"


def relied_item(registry, entry, article: int, facts: str) -> int | None:
    """The 项 of ``article`` that ``facts`` describe, if one stands out."""
    shape = registry.shape(entry, article)
    texts = shape.item_texts[0] if shape and shape.item_texts else ()
    if len(texts) < 2 or not facts:
        return None
    from rapidfuzz import fuzz  # imported where first needed: ~20 ms of a start otherwise

    scores = sorted(((fuzz.partial_ratio(t.rstrip("的；。"), facts), k) for k, t in enumerate(texts, 1)), reverse=True)
    (best, item), (second, _) = scores[0], scores[1]
    return item if best >= RELIED_MIN and best - second >= RELIED_MARGIN else None


def article_moves(registry, entry, ref: ArticleRef, facts: str = "") -> list[str]:
    """Lines such as 第一百条（所述情形属第（二）项）现为法典第一千零八十六条第一款第（一）项."""
    rows = registry.replacement(entry, ref.article, ref.item)
    if not rows:
        return []
    by_item = [m for m in rows if m.items]
    if ref.item or not by_item:
        return [f"{ref.label()}现为{_short(m.to_law)}{m.to_article}" for m in rows]
    relied = relied_item(registry, entry, ref.article, facts)
    chosen = registry.replacement(entry, ref.article, relied) if relied is not None else []
    if chosen:
        return [f"{ref.label()}（所述情形属第（{cn(relied)}）项）现为{_short(m.to_law)}{m.to_article}" for m in chosen]
    parts = [f"{'、'.join(f'第（{cn(i)}）项' for i in m.items)}现为{_short(m.to_law)}{m.to_article}"
             for m in sorted(by_item, key=lambda m: m.items)]
    return [ref.label() + "，".join(parts)]
