from datetime import date

from workbench.intake import document_from_text
from workbench.laws.overview import citation_rows

TEXT = ("依据《中华人民共和国大气污染防治法》第九十九条第二项和《中华人民共和国行政处罚法》第二百条的规定，"
        "参照《中华人民共和国行政处罚法》第五十八条、《大气污染防止法》。")


def test_every_citation_is_listed_with_its_verdict():
    doc = document_from_text(TEXT, kind="enforcement")
    rows = citation_rows(doc, date(2026, 10, 20))
    assert [r.state for r in rows] == ["repealed", "no_such_article", "in_force", "unknown"]
    assert "第一千一百零七条" in rows[0].detail
    assert "是否指《中华人民共和国大气污染防治法》" in rows[3].detail
    assert all(doc.text[r.start:r.end] == r.cited for r in rows)


def test_before_the_code_took_effect_the_old_law_is_in_force():
    doc = document_from_text(TEXT, kind="enforcement")
    assert citation_rows(doc, date(2026, 5, 1))[0].state == "in_force"


def test_repeated_citations_are_grouped_with_their_count():
    from workbench.laws.overview import grouped_citation_rows

    doc = document_from_text(TEXT + "\n再依据《中华人民共和国行政处罚法》第五十八条。", kind="enforcement")
    rows = grouped_citation_rows(doc, date(2026, 10, 20))
    counts = {r.cited: r.count for r in rows}
    assert counts["《中华人民共和国行政处罚法》第五十八条"] == 2
    assert len(rows) == 4
