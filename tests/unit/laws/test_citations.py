"""Finding citations: titles, articles, 款, 项, lists and numerals."""

from __future__ import annotations

import pytest

from workbench.laws.citations import cn, find_citations
from workbench.text.normalize import normalize_term


def refs(text: str):
    return [(c.title, [(r.article, r.paragraph, r.item) for r in c.refs]) for c in find_citations(normalize_term(text))]


@pytest.mark.parametrize("text, expected", [
    ("依据《中华人民共和国大气污染防治法》第九十九条第二项的规定", [("中华人民共和国大气污染防治法", [(99, None, 2)])]),
    ("依据《大气污染防治法》第一百零八条第（一）项", [("大气污染防治法", [(108, None, 1)])]),
    ("《固体废物污染环境防治法》第一百一十二条第(六)项", [("固体废物污染环境防治法", [(112, None, 6)])]),
    ("《环评法》第31条第1款", [("环评法", [(31, 1, None)])]),
    ("《环评法》第３１条第三款", [("环评法", [(31, 3, None)])]),
    ("《水污染防治法》第八十五条第一款第（三）项", [("水污染防治法", [(85, 1, 3)])]),
    ("《A法》第十条、第十二条和第十五条第二款第（三）项", [("A法", [(10, None, None), (12, None, None), (15, 2, 3)])]),
    ("《A法》第二十条第一款、第二款", [("A法", [(20, 1, None), (20, 2, None)])]),
    ("《A法》第二十条第（一）、（二）项", [("A法", [(20, None, 1), (20, None, 2)])]),
    ("《A法》第三十一条至第三十四条", [("A法", [(31, None, None), (34, None, None)])]),
    ("《中华人民共和国行政复议法》（2017年修正）第九条", [("中华人民共和国行政复议法", [(9, None, None)])]),
    ("依据《行政处罚法》第二十八条和《固体废物污染环境防治法》第一百一十二条",
     [("行政处罚法", [(28, None, None)]), ("固体废物污染环境防治法", [(112, None, None)])]),
    ("下达《责令改正违法行为决定书》", [("责令改正违法行为决定书", [])]),
])
def test_citation_forms(text, expected):
    assert refs(text) == expected


def test_offsets_cover_title_and_articles():
    text = normalize_term("根据《环评法》第31条第1款的规定")
    (c,) = find_citations(text)
    assert text[c.start:c.end] == "《环评法》第31条第1款"
    assert text[c.refs[0].start:c.refs[0].end] == "第31条第1款"


@pytest.mark.parametrize("n, s", [(1, "一"), (10, "十"), (19, "十九"), (108, "一百零八"), (110, "一百一十"), (1107, "一千一百零七"), (1242, "一千二百四十二"), (1060, "一千零六十")])
def test_article_numbers_in_chinese(n, s):
    assert cn(n) == s
