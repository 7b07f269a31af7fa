"""What we print for a repealed law's article (项 by 项), the 从旧兼轻 note, and the
款/项 and renumbering checks read from the statute texts' structure."""

from __future__ import annotations

from datetime import date

AFTER_CODE = date(2026, 10, 20)
FACTS = "经查，你公司未按照规定对所排放的工业废气进行监测并保存原始监测记录。"


def _repealed(findings):
    return [f for f in findings if f.rule == "cit.repealed.env_code_2026"]


def test_an_article_cited_whole_maps_the_item_its_facts_describe(check):
    text = f"行政处罚决定书\n{FACTS}依据《中华人民共和国大气污染防治法》第一百条的规定，我局决定对你公司处罚款人民币五万元。"
    (f,) = _repealed(check(text, AFTER_CODE))
    assert "第一百条（所述情形属第（二）项）现为法典第一千零八十六条第一款第（一）项" in f.message
    assert "第一千零九十三条" not in f.message and f.message.count("第一百条") == 1


def test_without_telling_facts_each_item_is_named_once_with_its_new_article(check):
    text = "各排污单位违反《中华人民共和国大气污染防治法》第一百条的，依法查处。"
    (f,) = _repealed(check(text, AFTER_CODE, kind="normative"))
    assert f.message.count("第一百条") == 1
    for line in ("第（一）项现为法典第一千零九十三条", "第（二）项现为法典第一千零八十六条第一款第（一）项", "第（五）项现为法典第一千一百零九条"):
        assert line in f.message


def test_a_cited_item_maps_alone(check):
    (f,) = _repealed(check("依据《中华人民共和国大气污染防治法》第一百条第（三）项的规定。", AFTER_CODE))
    assert "第一百条第（三）项现为法典第一千零八十六条第一款第（二）项" in f.message
    assert "第一千零九十三条" not in f.message


def test_the_old_law_note_is_for_decisions_only_and_said_once(check):
    text = ("依据《中华人民共和国大气污染防治法》第九十九条第（二）项、《中华人民共和国大气污染防治法》第一百零八条第（一）项"
            "和《中华人民共和国环境影响评价法》第三十一条的规定，决定如下。")
    decision = _repealed(check(text, AFTER_CODE, kind="enforcement"))
    assert len(decision) == 3 and sum("第一千零五十七条" in f.message for f in decision) == 1
    normative = check(text, AFTER_CODE, kind="normative")
    assert _repealed(normative) and not any("第一千零五十七条" in f.message for f in normative)
    assert not any("第一千零五十七条" in b for f in normative for b in f.basis)


def test_the_structure_comes_from_the_statute_texts_with_its_source(registry):
    penalty = registry.lookup("行政处罚法")
    hearing = registry.shape(penalty, 63, as_of=date(2025, 1, 1))
    assert hearing.paragraphs == (6, 0) and hearing.source == "administrative_penalty_law_2021.md"
    old = registry.shape(penalty, 51, as_of=date(2020, 1, 1))
    assert old.paragraphs == (3,) and "flk.npc.gov.cn" in old.source
    assert registry.shape(penalty, 51, as_of=date(2015, 1, 1)) is None  # no text known that early
    moved = registry.renumbering(penalty, date(2017, 9, 1), 51)
    assert moved.to_article == 72 and moved.item(1) == (72, 1, 1) and "非官方对照表" in moved.source


def test_an_item_the_article_does_not_have(check):
    (f,) = [f for f in check("依据《中华人民共和国生态环境法典》第一千一百零七条第（二）项的规定。", AFTER_CODE) if f.rule == "cit.article.no_such_item"]
    assert "该条不分项" in f.message or "没有第（二）项" in f.message
    assert not [f for f in check("依据《中华人民共和国生态环境法典》第一千零八十六条第一款第（二）项的规定。", AFTER_CODE)
                if f.rule.startswith("cit.article")]


def test_the_documents_date_chooses_the_numbering(check):
    text = "逾期不缴纳罚款的，依据《中华人民共和国行政处罚法》第五十一条第一项的规定，每日按罚款数额的百分之三加处罚款。"
    (f,) = [f for f in check(text, date(2024, 6, 1)) if f.rule.startswith("cit.article")]
    assert f.rule == "cit.article.renumbered" and "第七十二条第一款第（一）项" in f.message
    assert not [f for f in check(text, date(2021, 6, 1)) if f.rule.startswith("cit.article")]


def test_the_version_a_citation_names_chooses_the_numbering(check):
    named = "依据《中华人民共和国行政处罚法》（2017年修正）第五十一条第（一）项的规定加处罚款。"
    rules = {f.rule: f for f in check(named, date(2024, 6, 1))}
    assert "cit.article.renumbered" in rules and "第七十二条第一款第（一）项" in rules["cit.article.renumbered"].message
    assert "cit.article.no_such_item" not in rules  # read in the 2017 text, the 项 exists
