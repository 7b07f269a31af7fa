"""Each matcher and guard, on rules written for the test (not the shipped packs)."""

from datetime import date

from tests.helpers.rules import engine_for, fired, rule


def test_any_keeps_the_longest_of_overlapping_terms(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.any", "{any: [使用, 须使用]}", "[]"))
    assert fired(e, "项目须使用本地建材。") == ["须使用"]


def test_together_needs_every_group_in_one_clause(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.tog", "{together: [[指定], [企业, 公司]], within: clause}", "[]"))
    assert fired(e, "指定某某公司供货。") == ["指定某某公司"]
    assert fired(e, "指定地点，公司负责。") == []  # different clauses


def test_together_sentence_scope_spans_clauses(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.tog", "{together: [[迁出], [退回]], within: sentence}", "[]"))
    assert fired(e, "企业迁出本区的，补贴须全部退回。") == ["迁出本区的，补贴须全部退回"]
    assert fired(e, "企业迁出本区。补贴须全部退回。") == []


def test_together_near_limits_the_distance(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.near", "{together: [[须经], [批准]], near: 8, within: sentence}", "[]"))
    assert fired(e, "须经本局批准。") == ["须经本局批准"]
    assert fired(e, "须经过很长很长很长很长的程序后批准。") == []


def test_exclude_drops_a_hit_inside_an_excluded_phrase(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.ex", "{any: [指定], exclude: [指定期限]}", "[]"))
    assert fired(e, "在指定期限内改正。") == []
    assert fired(e, "由本局指定。") == ["指定"]


def test_regex_runs_only_where_an_anchor_hit_and_reports_the_regex_span(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.re", r"{regex: '处[一二三四五六七八九十百千万\d]+元罚款', anchors: [罚款]}", "[]"))
    assert fired(e, "违者处五千元罚款。") == ["处五千元罚款"]
    assert fired(e, "违者处五千元。") == []


def test_fuzzy_finds_a_misspelling_but_not_the_correct_spelling(tmp_path):
    e = engine_for(tmp_path, "citation", rule("cit.t.fz", "{fuzzy: [大气污染防治法》, 水污染防治法》], threshold: 85}", "[]").replace("content", "unknown_law"))
    assert fired(e, "依据《大气污染防止法》第九十九条") == ["大气污染防止法》"]
    assert fired(e, "依据《大气污染防治法》第九十九条") == []


def test_absent_fires_once_for_the_document_and_respects_when(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.abs", "{absent: [有效期], when: [办法]}", "[]"))
    assert fired(e, "某某管理办法\n第一条 甲。") == ["<全文>"]
    assert fired(e, "某某管理办法\n有效期五年。") == []
    assert fired(e, "某某通知\n第一条 甲。") == []  # no 办法: not checked


def test_word_option_needs_whole_words(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.word", "{any: [收费], word: true}", "[]"))
    assert fired(e, "进入园区的车辆实行收费。") == ["收费"]
    assert fired(e, "车辆通过收费站时减速。") == []


def test_citation_guard(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.cit", "{any: [排污许可]}", "[citation]"))
    assert fired(e, "依照《排污许可管理条例》执行。") == []
    assert fired(e, "企业须取得排污许可。") == ["排污许可"]


def test_a_provision_quoted_from_a_local_policy_document_is_the_measure_for_fair_competition(tmp_path):
    # A 督查通报 quotes the offending document: 《××县关于……的意见》第三条规定：“……”. That quote is the
    # measure under review; a quoted statute or regulation stays a citation, and so does any quote for legality.
    fc = engine_for(tmp_path, "fair_competition", rule("fc.t.cit", "{any: [交由城投公司]}", "[citation]").replace("category: content", "category: market_entry_exit"))
    assert fired(fc, "《××县关于加强物业管理的意见》第三条规定：“小区绿化养护交由城投公司负责。”")
    assert fired(fc, "《某区公共停车场管理办法》第八条：“停车场运营交由城投公司负责。”")
    assert fired(fc, "《中华人民共和国测试法》第三条规定：“小区绿化养护交由城投公司负责。”") == []
    assert fired(fc, "《某市物业管理条例》第三条规定：“小区绿化养护交由城投公司负责。”") == []
    assert fired(fc, "第三条规定：“小区绿化养护交由城投公司负责。”") == []  # no title: it may be a law
    leg = engine_for(tmp_path / "l", "legality", rule("leg.t.cit", "{any: [交由城投公司]}", "[citation]"))
    assert fired(leg, "《××县关于加强物业管理的意见》第三条规定：“小区绿化养护交由城投公司负责。”") == []
    # A policy by its subject (招商引资、若干政策) is one too.
    reward = engine_for(tmp_path / "r", "fair_competition", rule("fc.t.cit2", "{any: [落户奖励]}", "[citation]").replace("category: content", "category: production_cost"))
    assert fired(reward, "《中华人民共和国促进法》第九条规定：“给予落户奖励。”") == []
    assert fired(reward, "第九条规定：“给予落户奖励。”") == []
    assert fired(reward, "《某区招商引资激励办法》第九条规定：“给予落户奖励。”") == ["落户奖励"]
    assert fired(reward, "《关于加快总部经济发展的若干政策》第三条：“给予落户奖励。”") == ["落户奖励"]


def test_for_fair_competition_the_draft_itself_or_a_local_wish_grounds_nothing(tmp_path):
    fc = engine_for(tmp_path, "fair_competition", rule("fc.t.rst", "{any: [须经街道同意]}", "[restating]").replace("category: content", "category: market_entry_exit"))
    assert fired(fc, "依照本办法规定，开办茶室须经街道同意。")
    assert fired(fc, "按照县政府要求，开办茶室须经街道同意。")
    assert fired(fc, "按照国务院部署，开办茶室须经街道同意。") == []
    assert fired(fc, "依照《测试条例》第五条规定，开办茶室须经街道同意。") == []
    leg = engine_for(tmp_path / "l", "legality", rule("leg.t.rst", "{any: [须经街道同意]}", "[restating]"))
    assert fired(leg, "按照县政府要求，开办茶室须经街道同意。") == []


def test_prohibition_guard_on_the_organ_but_not_on_a_market_party(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.pro", "{together: [[指定], [企业]]}", "[prohibition]"))
    assert fired(e, "行政机关不得指定企业提供服务。") == []
    assert fired(e, "严禁以任何形式指定企业。") == []
    assert fired(e, "由本局指定企业提供服务。") == ["指定企业"]
    assert fired(e, "企业不得拒绝本局指定企业的检测。") == ["指定企业"]


def test_prohibition_guard_covers_items_of_a_prohibited_list(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.list", "{together: [[指定], [企业]]}", "[prohibition]"))
    text = "起草单位起草的政策措施不得含有下列内容：\n（一）指定企业提供服务；\n（二）其他内容。"
    assert fired(e, text) == []
    text2 = "本办法适用于下列情形：\n（一）指定企业提供服务；"
    assert fired(e, text2) == ["指定企业"]


def test_restating_guard(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.rs", "{together: [[须经], [批准]]}", "[restating]"))
    assert fired(e, "依法须经批准的项目。") == []
    assert fired(e, "按照《某条例》规定，须经批准后实施。") == []
    assert fired(e, "须经本局批准后实施。") == ["须经本局批准"]


def test_applies_from_uses_the_as_of_date(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.date", "{any: [旧法]}", "[]", "\n    applies_from: 2026-08-15"))
    assert fired(e, "依据旧法。", as_of=date(2026, 9, 1)) == ["旧法"]
    assert fired(e, "依据旧法。", as_of=date(2026, 8, 14)) == []


def test_applies_to_kind(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.kind", "{any: [罚款]}", "[]"))
    assert fired(e, "罚款。", kind="normative") == ["罚款"]
    assert fired(e, "罚款。", kind="enforcement") == []


def test_finding_offsets_point_into_the_original_text(tmp_path):
    from workbench.intake import document_from_text

    e = engine_for(tmp_path, "legality", rule("leg.t.off", "{any: [处以罚款]}", "[]"))
    original = "标题\n违者 处 以　罚 款，由本局执行。"
    doc = document_from_text(original, kind="normative")
    (f,) = e.check(doc)
    assert original[f.start:f.end] == "处 以　罚 款"
    assert (f.paragraph, f.column) == (2, 4)
    assert f.message == "命中“处 以　罚 款”"


def test_findings_json_shape(tmp_path):
    from workbench.intake import document_from_text

    e = engine_for(tmp_path, "legality", rule("leg.t.json", "{any: [罚款]}", "[]"))
    (f,) = e.check(document_from_text("罚款。", kind="normative"))
    assert set(f.to_json()) == {"rule", "review", "category", "severity", "start", "end", "paragraph", "column", "excerpt", "message", "basis"}
    assert f.to_json()["basis"] == ["《测试法》第一条"]


def test_a_basis_is_cited_only_for_the_kinds_it_names(tmp_path):
    from workbench.intake import document_from_text

    e = engine_for(tmp_path, "citation", """
rules:
  - id: cit.t.kinds
    category: repealed
    severity: error
    message: 命中
    basis:
      - {law: 行政处罚法, article: 第五十九条, applies_to: [enforcement]}
      - {law: 指导意见, article: 二（六）, applies_to: [normative]}
      - {law: 通用法, article: 第一条}
    guards: []
    match: {any: [旧法]}
    examples: {trigger: [x], pass: [y]}
""")
    (f,) = e.check(document_from_text("依据旧法。", kind="enforcement"))
    assert f.basis == ["《行政处罚法》第五十九条", "《通用法》第一条"]
    (f,) = e.check(document_from_text("依据旧法。", kind="normative"))
    assert f.basis == ["《指导意见》二（六）", "《通用法》第一条"]


def test_fair_competition_rules_read_equal_treatment_and_a_negated_act_as_no_breach(tmp_path):
    # The loader adds the alike and negated guards to a fair-competition rule that keeps prohibition.
    e = engine_for(tmp_path, "fair_competition", rule("fc.t.local", "{together: [[本市], [企业]]}", "[prohibition]").replace("category: content", "category: free_movement"))
    assert fired(e, "申报企业须在本市注册。")
    assert fired(e, "本市企业和外地企业执行相同的申报条件。") == []  # the sentence says all are treated alike
    assert fired(e, "不区分注册地，本市企业均可申报。") == []
    disclose = engine_for(tmp_path / "d", "fair_competition", rule("fc.t.pub", "{frame: '(?P<act>公布)[^。]{0,8}成本', anchors: [公布]}", "[prohibition]").replace("category: content", "category: business_conduct"))
    assert fired(disclose, "要求行业协会公布会员企业的成本。")
    assert fired(disclose, "监测数据不对外公布企业的成本。") == []  # 不 governs the act itself


def test_a_bound_is_not_a_negation(tmp_path):
    e = engine_for(tmp_path, "fair_competition", rule("fc.t.age", "{frame: '成立时间不?(?P<act>超过){number}年', anchors: [成立时间]}", "[prohibition]").replace("category: content", "category: market_entry_exit"))
    assert fired(e, "申请企业成立时间不超过3年。")


def test_a_declined_measure_is_negated_even_when_it_opens_with_a_bound_character(tmp_path):
    # 一企一策 begins with 一, which after 不 would be a bound (不一); after 不实行 it is the measure declined.
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.one", "{frame: '(?P<act>一企一策)[^。]{0,6}政策', anchors: [一企一策]}", "production_cost"))
    assert fired(e, "对重点企业实行一企一策的扶持政策。")
    assert fired(e, "对各类企业不实行一企一策的扶持政策。") == []


def test_an_outside_operator_that_may_apply_likewise_is_equal_treatment(tmp_path):
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.reg2", "{frame: '{locality}[^。]{0,12}(?P<act>登记)', anchors: ['{place}']}"))
    assert fired(e, "申报企业须在本市登记。")
    assert fired(e, "企业迁出本市或者在外省登记的，符合条件的同样可以申报。") == []
    # Reporting conduct named as excluding others forbids it.
    assert fired(e, "发现招标文件存在以不合理条件排斥潜在投标人的，例如要求在本市登记，应当报告。") == []


def test_equal_treatment_does_not_guard_a_legality_rule(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.dep", "{together: [[缴纳], [保证金]]}", "[prohibition]"))
    assert fired(e, "无论注册地是否在本市，均须缴纳保证金。")


def _fc_rule(id_, match, category="free_movement"):
    return rule(id_, match, "[prohibition]").replace("category: content", f"category: {category}")


def test_a_prohibition_of_using_a_list_as_a_condition_governs_the_whole_list(tmp_path):
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.reg", "{frame: '(?P<act>在{locality}注册)', anchors: ['{place}']}"))
    assert fired(e, "申报单位须在本地注册。")
    long_list = "招标人不得将投标人在本地注册、在本地设立分支机构、在本地缴纳税收或者社会保险，以及与本地企业组成联合体，作为投标资格条件。"
    assert fired(e, long_list) == []


def test_items_of_a_list_the_lead_calls_unlawful_are_not_findings(tmp_path):
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.prize", "{frame: '(?P<act>奖项)作为加分条件', anchors: [奖项]}", "market_entry_exit"))
    assert fired(e, "投标人的奖项作为加分条件。")
    assert fired(e, "有下列情形之一的，属于以不合理条件限制、排斥潜在投标人：\n（一）以特定行业的奖项作为加分条件；") == []


def test_a_residence_condition_for_welfare_beneficiaries_names_no_operator(tmp_path):
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.res", "{frame: '(?P<act>具有){locality}户籍', anchors: [户籍]}"))
    assert fired(e, "具有本市户籍的老年人可以申请居家养老服务补贴。") == []
    assert fired(e, "平台派单的骑手应当具有本市户籍。")


def test_any_unit_is_everyone_so_its_prohibition_guards(tmp_path):
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.credit", "{frame: '(?P<act>{locality}信用评价结果)作为', anchors: [信用]}", "market_entry_exit"))
    assert fired(e, "任何单位不得将本地信用评价结果作为投标资格条件。") == []
    assert fired(e, "将本地信用评价结果作为投标资格条件。")


def test_premises_are_not_the_area(tmp_path):
    from workbench.rules.entities import PLACE, tagger_for
    from workbench.rules.lexicon import builtin_lexicon

    tagger = tagger_for(builtin_lexicon())
    assert PLACE not in tagger.shadow("在景区内游览。")
    assert PLACE in tagger.shadow("优先采购区内企业的产品。")


def test_an_act_that_forbids_restricting_is_the_prohibition_not_the_breach(tmp_path):
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.exit", "{frame: '(?P<act>不得)[^，。]{0,8}迁出', anchors: [迁出]}"))
    assert fired(e, "乙方承诺十年内不得迁出本区。")
    assert fired(e, "任何部门不得阻碍经营者依法迁出。") == []
    assert fired(e, "投资协议不得约定投资者在一定期限内不得迁出。") == []


def test_a_negated_restriction_is_lawful_whoever_it_would_fall_on(tmp_path):
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.extra", "{frame: '外地[^，。]{0,8}产品(?P<act>设置)额外', anchors: [外地]}"))
    assert fired(e, "对外地产品设置额外的检验要求。")
    assert fired(e, "不对外地生产的产品设置额外的检验要求。") == []
    tender = engine_for(tmp_path / "t", "fair_competition", _fc_rule("fc.t.tender", "{frame: '县外单位(?P<act>招标)', anchors: [招标]}"))
    assert fired(tender, "原则上不对县外单位招标。")  # refusing outsiders is the discrimination


def test_a_list_of_conduct_forbidden_to_an_operator_is_no_designation(tmp_path):
    e = engine_for(tmp_path, "fair_competition", _fc_rule("fc.t.install", "{frame: '(?P<act>只能由)其指定的单位安装', anchors: [指定]}", "market_entry_exit"))
    assert fired(e, "用户只能由其指定的单位安装。")
    assert fired(e, "供热企业不得有下列行为：\n（一）要求热用户只能由其指定的单位安装；") == []


def test_a_provision_cited_for_the_first_consequence_grounds_the_second(tmp_path):
    e = engine_for(tmp_path, "legality", rule("leg.t.fine", "{frame: '(?P<act>处以)[^，。]{0,8}罚款', anchors: [罚款]}", "[restating]"))
    assert fired(e, "违反本规定的，并处以相应的罚款。")
    assert fired(e, "违反本规定的，依照《某某管理条例》的规定责令限期改正，并处以相应的罚款。") == []
    assert fired(e, "发卡企业可以处以罚款的情形，依照《某某管理办法》的规定。") == []


def test_a_stated_exception_of_article_12_with_a_term_is_no_finding(tmp_path):
    e = engine_for(tmp_path, "fair_competition", rule("fc.t.exc", "{any: [运费补助]}", "[prohibition]").replace("category: content", "category: production_cost"))
    stated = "为抢险救灾，依照《公平竞争审查条例》第十二条第（二）项，对承运救灾物资的企业给予运费补助，期满即停止执行。"
    assert fired(e, stated) == []
    # Without a term the exception is not made out; without the article it is not invoked.
    assert fired(e, "依照《公平竞争审查条例》第十二条，对承运救灾物资的企业给予运费补助。") == ["运费补助"]
    assert fired(e, "对承运救灾物资的企业给予运费补助，期满即停止执行。") == ["运费补助"]
