"""Citing a passage by 条/款/项 and quoting it at clause boundaries."""

from workbench.text.articles import clause_excerpt, cn_number, item_at, provision_labels

RULES = [
    "某市扬尘污染防治办法",
    "第一章 总则",
    "第一条 为了防治扬尘污染，制定本办法。",
    "第十二条 施工单位应当在施工现场设置围挡。",
    "违反前款规定的，由市生态环境局处五千元罚款。",
    "有下列情形之一的，从重处罚：",
    "（一）拒不改正的；",
    "（二）造成严重污染的。",
    "第十三条 本办法自2026年12月1日起施行。",
]


def labels(paragraphs):
    return [p.label() if p else None for p in provision_labels(paragraphs)]


def test_articles_clauses_and_items():
    assert labels(RULES) == [None, None, "第一条", "第十二条第一款", "第十二条第二款", "第十二条第三款",
                             "第十二条第三款第（一）项", "第十二条第三款第（二）项", "第十三条"]


def test_numbered_points_are_cited_as_articles():
    notice = ["关于加强排污单位管理的通知", "各单位：", "一、本市范围内的排污单位须经本局批准后方可排放污染物。",
              "二、企业应当使用本局推荐名录内的检测机构。"]
    assert labels(notice) == [None, None, "第一条", "第二条"]


def test_items_inside_a_paragraph():
    paragraph = "有下列情形之一的：（一）未批先建的；（二）须使用本地建材的。"
    assert item_at(paragraph, paragraph.index("须使用")) == "（二）"
    assert item_at(paragraph, 3) == ""


def test_excerpts_start_and_end_at_clause_boundaries():
    paragraph = "第十二条 施工单位应当设置围挡。违反前款规定的，由市生态环境局处五千元罚款。"
    at = paragraph.index("处五千元罚款")
    assert clause_excerpt(paragraph, at, at + 6) == "违反前款规定的，由市生态环境局处五千元罚款。"
    assert clause_excerpt(paragraph, 6, 8) == "施工单位应当设置围挡。"  # the article's number is cited, not quoted
    long = "为了加强本市建材市场管理，规范市场秩序，保障工程质量，根据有关法律法规，结合本市实际，违反本规定的，" \
           "由市生态环境局处五千元罚款，情节严重的，责令停产停业，并予以通报批评，列入黑名单，三年内不得参与政府采购。"
    at = long.index("处五千元罚款")
    cut = clause_excerpt(long, at, at + 6, limit=30)
    assert cut == "……违反本规定的，由市生态环境局处五千元罚款，情节严重的……"
    assert len(cut) <= 30 + 4


def test_cn_number():
    assert [cn_number(n) for n in (1, 2, 10, 12, 20, 21)] == ["一", "二", "十", "十二", "二十", "二十一"]
