"""Context guards: when a match is the correct way to write a rule, not a breach.

Each guard looks at the *act* of a match — the verb or marker that makes the
breach (指定、要求、处、给予…; a frame rule names it with ``(?P<act>…)``, other
rules use the match's start) — and only at a bounded stretch of text before
it, so a guard costs the same however long the sentence (a 400,000-character
line without a full stop is checked in linear time).

- ``citation``: the match stands inside a title 《…》, so it names a law, or
  inside the quoted text of a provision (第三十一条规定：“……处……罚款”), so it
  quotes the law rather than deciding or prescribing anything itself. For
  fair-competition rules a provision quoted from a local policy document
  (《××区关于……的意见》第五条规定：“……”, as a 督查通报 quotes it) is the
  measure itself and is not guarded.
- ``prohibition``: 不得/禁止/严禁/不准/不应… governs the act in its clause
  (不得指定交易), or the match is an item of a list introduced by a
  prohibition (不得有下列行为：（一）限定……). The scope is the act: 不得 in
  ``鉴定机构未经登记不得开展业务`` governs 开展, not the approval a frame finds
  in 未经登记. A prohibition addressed to a market party (企业不得在外地设立
  分支机构) restricts that party and does not guard. A purpose clause
  (为避免无序竞争、为防止……) states an aim: it prohibits nothing. A
  prohibition on content (不得含有、不得设置……) reaches over its whole
  clause, and a prohibiting list lead (不得含有下列……的内容：) over its
  sentence. A ``together`` match spanning several clauses is guarded also
  when one of its later terms is governed in its own clause.
- ``restating``: the act is grounded in law — 依法、依照《…》的规定 in the
  act's own clause, or a sentence that opens with 依照/根据/按照……规定， (a
  lead that cites the law also grounds the later items of its ；-series), or
  one that ends by sending the case to cited laws (……的，依照《…》《…》及其
  实施条例的规定进行). A
  marker inside a condition (不按规定缴费的，处……) or negated (未依法、违反
  规定) grounds nothing.
- ``alike`` (fair competition): the act's sentence says in so many words that
  the measure treats all operators alike whatever their origin or form
  (不区分注册地、无论注册地是否在本市均可、本地和外地产品执行统一标准): a
  discrimination the sentence itself denies is not there.
- ``welfare`` (fair competition): the sentence sets a residence condition
  (户籍、居住证) for the people a welfare measure serves (老年人、学生……): no
  operator is chosen. A worker's residence (本市户籍骑手) is not this.
- ``exception`` (fair competition): the act's paragraph invokes the exception of
  条例第十二条 and sets a term (期限、期满即停止执行、至2027年……): the drafter has
  stated the case the 条例 allows; the review of that statement is the reviewer's.
- ``enacting`` (fair competition): the act stands in the enacting clause
  (为了支持……，根据《……》，制定本办法。), which names the text's aim and
  grounds; the measures are in the articles that follow.
- ``negated``: the act itself is negated (不对外公布、不再给予、不向老年人收取):
  不 directly before the act verb, with at most 对外/向社会/予以 or a short
  向……/对…… between. Fair-competition rules get it from the loader; a
  legality rule names it (leg.creates.fee).

The loader gives every fair-competition rule that keeps the ``prohibition``
guard these as well (``FAIR_COMPETITION_GUARDS``): they read the same
standard — a breach of equal treatment or of free choice — in the negative.

All work on the normalised text; positions are normalised offsets.
"""

from __future__ import annotations

import re

from workbench.text.segment import Segments

# Negations of a measure a lawful text states in passing (本市不要求在本市设立分支机构、不以户籍为条件、
# 无需另行提供、县级不自行设定减免、不设定本地业绩要求) govern like a prohibition. 不予、不享受 are refusals, which restrict, and are not here.
PROHIBITION_WORDS = ("不自行", "不设定", "不要求", "不按照", "不以", "不将", "不把", "不制定", "不另设", "不另行", "不作为", "不限定", "不指定", "不强制",
                     "不区分", "不限制", "不包括", "不包含", "不计入", "无需", "无须", "不需要", "不需", "不必", "不存在", "未发现", "不含有", "不得", "不因", "不再将", "不再", "禁止", "严禁", "不准", "不应", "不能", "不许", "不可", "杜绝", "防止", "避免", "不允许", "不应当", "无权", "取消", "清理", "废止")
# 取消/清理/废止 also name a sanction or a task (取消其资格、清理所产生的费用):
# they prohibit only what is itself a restriction or a rule (取消……限制、清理……规定).
_ABOLISH_WORDS = ("取消", "清理", "废止")
_ABOLISHED_OBJECT_RE = re.compile(r"[^，。；]{0,12}?(?:限制|规定|审批|门槛|壁垒|做法|措施|政策|条件|要求|文件)")
# 不按纳税额给予返还、不设名录作为前置条件 negate like 不按照、不设定; but 不按时、不按期、不按规定 (……的，处……)
# name a breach, and 不设立分支机构的 a condition, so these two stand as patterns, not words.
PROHIBITION_PATTERNS = (r"不按(?!照|时|期|规定|要求|程序|约定|标准)", r"不设(?!立|定|计|在|有)(?:置)?")
_PROHIBITION_RE = re.compile("|".join(sorted(PROHIBITION_WORDS, key=len, reverse=True)) + "|" + "|".join(PROHIBITION_PATTERNS))
# Words that also name an aim: after 为/为了/以/旨在 they open a purpose clause.
_AIM_WORDS = ("杜绝", "防止", "避免")
_PURPOSE_LEAD_RE = re.compile(r"(?:为了|为|以|旨在|从而|以便)[^，。；]{0,2}$")
# The prohibition must govern the act: at most this many characters between.
_PROHIBITION_REACH = 16
# How far back any guard looks from the act (characters): a bound, so that
# the work per match is constant.
_LOOK_BACK = 80
# A prohibition whose subject is a market party restricts that party.
# 任何单位、任何单位和个人 address everyone, the organs included: their prohibition guards.
_MARKET_PARTY_RE = re.compile(r"(?<!任何)(?<!任何单位和)(企业|经营者|申请人|投标人|供应商|当事人|公司|个人|市场主体|商户|单位|机构)(均|一律|也|都|仍)?$")
# Words naming outside operators or goods, read by the prohibition guard and by ``negated``.
_OUTSIDE_WORDS = r"外地|外省|外市|外县|县外|市外|省外|区外|域外|外来|非本地|境外|进口"
_OUTSIDE_TARGET_RE = re.compile(r"(?:" + _OUTSIDE_WORDS + r")[^，。；不]{0,10}$")
# 不得以入市为由…… names a pretext (以……为由), not goods stopped at the border.
_BORDER_CROSSING_RE = re.compile(r"[^，。；]{0,4}?(?:运出|调出|销往|外运|外销|出境|出县|出市|出省|入境|入市|进入本|进城|入城|入县|入镇)(?!为由|为理由|为名|为借口)")
_CONDUCT_LIST_LEAD_RE = re.compile(r"(?:不得|禁止|严禁)(?:有|实施|从事|存在)?下列")
_UNLAWFUL_LEAD_RE = re.compile(r"(?:属于|视为|构成|认定为)[^：]{0,30}?(?:限制|排斥|不合理|违法|违规|歧视|妨碍|排除)[^：]{0,30}$")
_LIST_ITEM_RE = re.compile(r"^\s*(（[一二三四五六七八九十百\d]+）|[一二三四五六七八九十]+、|\d+[.、．]|（\d+）|\d+）|[①-⑳])")
_LIST_LEAD_REACH = 3000
_SENTENCE_LEAD_REACH = 300


def _opened_on_line(text: str, start: int, opener: str, closer: str, reach: int = _LIST_LEAD_REACH) -> tuple[int, int]:
    """(line start, position of ``opener``) if an ``opener`` before ``start`` on its
    line (within ``reach``) is not closed before ``start``; the position is -1 otherwise."""
    line_start = text.rfind("\n", max(0, start - reach), start) + 1
    if line_start == 0 and start > reach:
        line_start = start - reach
    opened = text.rfind(opener, line_start, start)
    if opened >= 0 and text.rfind(closer, line_start, start) > opened:
        opened = -1
    return line_start, opened


def inside_title(text: str, start: int, end: int) -> bool:
    """Is ``[start, end)`` inside 《…》 of the same line?"""
    _, opened = _opened_on_line(text, start, "《", "》", reach=200)
    if opened < 0:
        return False
    close = text.find("》", end, end + 200)
    nl = text.find("\n", end, end + 200)
    return close >= 0 and (nl < 0 or close < nl)


# What stands just before “ when the quotation is a provision of law. An item
# number is a provision only as 第（二）项: a bare （2） opens a list item
# (（2）“属地贡献”指标：…), whose quoted words are a heading, not a citation.
_PROVISION_LEAD_RE = re.compile(r"(?:第[一二三四五六七八九十百千零〇\d]+(?:条|款|项)|(?:该|本|此)(?:条|款|项)|第?[（(][一二三四五六七八九十\d]+[）)]项|规定|》)[^“”\n]{0,8}$")
_PROVISION_LEAD_REACH = 24


def inside_quoted_provision(text: str, start: int, end: int, law_only: bool = False) -> bool:
    """Is ``[start, end)`` inside “…” that quotes a provision (第×条规定：“……”)?

    ``law_only`` (fair competition): only when the quoted instrument may be law. A provision
    quoted from a local policy document (《××区关于……的意见》第五条规定：“……”) is the
    measure itself, as a 督查通报 quotes it, not a law the text restates.
    """
    line_start, opened = _opened_on_line(text, start, "“", "”")
    if opened < 0:
        return False
    lead = _PROVISION_LEAD_RE.search(text, max(line_start, opened - _PROVISION_LEAD_REACH), opened)
    if lead is None:
        return False
    if law_only:
        title = _QUOTED_TITLE_RE.search(text, max(line_start, lead.start() - 80), lead.end())
        if title is not None and is_policy_title(title.group(1)):
            return False
    return True


# The title just before a quoted provision: 《……》第五条规定：“ / 《……》规定：“
_QUOTED_TITLE_RE = re.compile(r"《([^《》\n]{2,60})》[^《》“”\n]{0,16}$")
# Law: a statute, an administrative or local regulation, or a State Council act.
_LAW_TITLE_RE = re.compile(r"中华人民共和国|国务院|条例|(?<![办方])法(?:（(?:试行|草案)）)?$|(?<![办方])法实施(?:细则|办法)")
# A policy document by its form (关于……的意见、……实施方案、会议纪要、合作协议……), or a rule
# below the statutes (……管理办法、……实施细则、……规定): the 条例 reviews 规章 too (第二条), so a
# provision quoted from one is a measure under review, not a law the text may restate.
_POLICY_FORM_RE = re.compile(r"关于|(?:政策|意见|通知|方案|纪要|计划|措施|要点|协议|合同|公告|通告|指引|指南|函|批复|规划|清单|决议"
                             r"|办法|细则|规定|规则|标准|制度|准则|守则)(?:（[^）]{1,6}）)?$")
# …or by its subject: a measure to attract, reward or support (《××市招商引资激励办法》、《……若干规定》).
_POLICY_TOPIC_RE = re.compile(r"若干|招商|奖励|扶持|激励|优惠|促进|支持|培育|补助|补贴")
# …or by its author: a county, district, township or street, which makes no rules
# (立法法第九十三条: only provinces and 设区的市 make 规章), or a placeholder for one.
_SUBLOCAL_AUTHOR_RE = re.compile(r"××|某|(?<!自治)区|县|镇|乡|街道")


def is_policy_title(title: str) -> bool:
    """Does the title name a local policy document rather than a law?"""
    if _LAW_TITLE_RE.search(title):
        return False
    return any(p.search(title) is not None for p in (_POLICY_FORM_RE, _POLICY_TOPIC_RE, _SUBLOCAL_AUTHOR_RE))


# What a prohibition forbids when it forbids restricting others (不得限制、不得
# 要求……): such a prohibition is the correct way to write a rule whoever its
# subject is (任何单位不得限制外地商品……).
_RESTRICTING_VERB_RE = re.compile(
    r"(?:以任何(?:理由|形式|方式)|以任何理由和形式|变相|擅自|违法|违规|随意|再)?(?:限制|限定|指定|排斥|阻碍|阻止|强制|歧视|妨碍|设置障碍|要求|给予|设定|设置|组织|引导|划分)"
)


def _is_purpose(fragment: str, word: re.Match) -> bool:
    return word.group() in _AIM_WORDS and _PURPOSE_LEAD_RE.search(fragment, 0, word.start()) is not None


def _prohibition_before(fragment: str, extended: str | None = None):
    """The last prohibition word in ``fragment`` unless it binds a market party
    or opens a purpose clause.

    ``extended`` is ``fragment`` followed by the text after it, to read what
    the prohibition forbids when that is the match itself.
    """
    found = None
    for m in _PROHIBITION_RE.finditer(fragment):
        found = m
    if found is None or _is_purpose(fragment, found):
        return None
    if found.group() in _ABOLISH_WORDS and not _ABOLISHED_OBJECT_RE.match(extended or fragment, found.end()):
        return None
    if _MARKET_PARTY_RE.search(fragment[: found.start()]) and not _RESTRICTING_VERB_RE.match(extended or fragment, found.end()):
        return None
    # 未经登记的外地农产品不得入市: a prohibition laid on outside operators or goods is the
    # restriction itself, not a guard against it.
    if _OUTSIDE_TARGET_RE.search(fragment, max(0, found.start() - 16), found.start()):
        return None
    # …一律不得运出县境: so is one that stops goods crossing the area's border.
    if _BORDER_CROSSING_RE.match(extended or fragment, found.end()):
        return None
    return found


# A prohibition on what a text may contain (不得含有、不得设置……) governs its
# whole clause, however long the description of the forbidden content.
# So does one on disposing of a thing (不得将……作为条件、不得对……规定……、不因……设置……):
# the forbidden verb comes at the end of the clause, after its object.
_CONTENT_PROHIBITION_RE = re.compile(r"(?:不得|禁止|严禁|不应|不准|不因)(?:含有|包含|出现|存在|设置|设定|规定|约定|作出|制定|附加|违法|违规|将|把|对|以|因|作为|增设|另设)|不(?:以|将|把|按照|作为|要求|包括|包含|计入)")
# 不得含有下列……的内容：a list lead that prohibits governs its whole sentence.
_CLAUSE_OPENING_PROHIBITION_RE = re.compile(
    r"\s*(?:（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、|\d+[.、．])?\s*(?:任何单位和个人|任何单位|任何组织|各单位|各部门|招标人|采购人)?"
    r"(?:不得|禁止|严禁|不应|不准)(?:将|把|以|对)")
_CONTENT_VERB_RE = re.compile(r"约定|含有|设置|设定|规定|附加|阻碍|妨碍")
# 不得在本办法之外对劳动者增设户籍、参保年限等条件: a prohibition of adding conditions reaches over its clause.
_ADDED_CONDITION_RE = re.compile(r"增设|另设|加设|附加")
_LIST_LEAD_PROHIBITION_RE = re.compile(r"(?:不得|禁止|严禁|不应|不准)[^。；\n]{0,12}下列")


# 获得扶持的企业须出具书面承诺，十年内不将注册地迁出: the negation is what the operator
# undertakes, a duty laid on it, not a rule the drafter keeps (it may stand past a comma).
_PARTY_COMMITMENT_RE = re.compile(
    r"(?:企业|经营者|申请人|投标人|供应商|公司|乙方|项目方)[^。；]{0,20}?(?:承诺|保证|签订[^，。；]{0,6}?(?:承诺书|保证书))[^。；]{0,24}$")
_COMMITMENT_REACH = 60


def _party_commitment_before(text: str, pos: int) -> bool:
    """Does an operator's undertaking (企业……承诺……) lead up to ``pos``? Not when that undertaking is
    itself what a prohibition disposes of (不得以经营者……承诺产值、税收作为……条件，不得……): it is then
    the condition the organ refuses to set, and the later prohibition is the organ's own."""
    lo = max(0, pos - _COMMITMENT_REACH)
    m = _PARTY_COMMITMENT_RE.search(text, lo, pos)
    if m is None:
        return False
    clause_start = max(text.rfind(c, lo, m.start()) for c in "，。；\n") + 1
    return _DISPOSAL_OPEN_RE.search(text, max(clause_start, lo), m.start()) is None


def _governed_by_prohibition(text: str, clause_start: int, act: int) -> bool:
    lo = max(clause_start, act - _LOOK_BACK)
    before = text[lo:act]
    found = _prohibition_before(before, text[lo : act + 12])
    if found is not None and _party_commitment_before(text, lo + found.start()):
        return False
    if found is None:
        # 不得将在本地注册、在本地纳税、……以及与本地企业组成联合体，作为……条件: a clause that
        # opens by prohibiting content governs all of it, however long its list.
        opening = _CLAUSE_OPENING_PROHIBITION_RE.match(text, clause_start, min(act, clause_start + 24))
        return opening is not None and act - clause_start > _LOOK_BACK
    if len(before) - found.end() <= _PROHIBITION_REACH:
        return True
    # 不得限定……、不得要求……: a prohibition of restricting reaches over its
    # whole clause (不得限定单位或者个人购买、使用其指定的经营者提供的商品).
    if _RESTRICTING_VERB_RE.match(before, found.end()) or _ADDED_CONDITION_RE.search(before, found.end()):
        return True
    return _CONTENT_PROHIBITION_RE.match(before, found.start()) is not None


_DISPOSAL_OPEN_RE = re.compile(r"(?:不得|禁止|严禁|不应|不准|不)(?:将|把|以)")


def _inside_disposal_prohibition(text: str, seg: Segments, act: int) -> bool:
    """Is ``act`` inside 不得将……作为……, the list between them running over commas
    (不得将投标人在本地注册、……，以及与本地企业组成联合体，作为投标资格条件)?"""
    _, sentence_start, sentence_end = seg.unit("sentence", act)
    last = None
    for m in _DISPOSAL_OPEN_RE.finditer(text, max(sentence_start, act - _SENTENCE_LEAD_REACH), act):
        last = m
    if last is None or "；" in text[last.end() : act]:
        return False
    # The act after 作为 (……作为投标资格条件、加分条件): in 作为's own clause.
    inner = text.rfind("作为", last.end(), act)
    if inner >= 0:
        return _CLAUSE_END_RE.search(text, inner, act) is None
    closing = _DISPOSAL_CLOSE_RE.search(text, act, min(sentence_end, act + _SENTENCE_LEAD_REACH))
    return closing is not None and closing.group() == "作为"


_CLAUSE_END_RE = re.compile(r"[，；。]")
_DISPOSAL_CLOSE_RE = re.compile(r"作为|；")

# The same reading for a check that has a sentence and no act word (the published-case
# resemblance, workbench.rules.checks.resemblance): a sentence negates the measure it names when
# it disposes of it (不得将、不将……作为), says it does not require or add it (不要求、不另设、不另行、
# 不设定……), does not make it a condition (不以……为条件) or needs nothing further (无需另行).
_MEASURE_NEGATIONS = ("不要求", "不另设", "不另行", "不设定", "不设置", "不增设")
NEGATED_MEASURE_RE = re.compile(
    _DISPOSAL_OPEN_RE.pattern + r"[^，。；]{0,40}?作为"
    + "|" + "|".join(_MEASURE_NEGATIONS)
    + r"|不以[^，。；]{0,30}?(?:作为|为)[^，。；]{0,6}?(?:条件|前提|因素|标准)"
    + r"|(?:无需|无须|不需要|不必)[^，。；]{0,6}?另行"
)


def negates_measure(sentence: str) -> bool:
    """Does ``sentence`` negate the measure it states (see ``NEGATED_MEASURE_RE``)?"""
    return NEGATED_MEASURE_RE.search(sentence) is not None


def _list_colon(text: str, seg: Segments, start: int) -> int:
    """The colon of the list lead-in whose items ``start`` stands in, or -1.

    Either the items follow on the lead's line (……：（一）……；（二）……) with no
    full stop before ``start``, or every line in between is a list item."""
    colon = text.rfind("：", max(0, start - _LIST_LEAD_REACH), start)
    if colon < 0:
        return -1
    between = text[colon + 1 : start]
    lines = between.split("\n")
    if len(lines) == 1:
        return colon if "。" not in between else -1
    return colon if all(not line.strip() or _LIST_ITEM_RE.match(line) for line in lines[1:]) else -1


def _in_prohibited_list(text: str, seg: Segments, start: int) -> bool:
    """Is ``start`` in an item of a list whose lead-in (ending in ：) prohibits?"""
    colon = _list_colon(text, seg, start)
    if colon < 0:
        return False
    _, lead_start, _ = seg.unit("sentence", colon)
    lead = text[max(lead_start, colon - _LOOK_BACK):colon]
    # ……有下列情形之一的，属于以不合理条件限制、排斥潜在投标人：the items are what the law forbids.
    # 供热企业不得有下列行为：…… forbids the listed conduct, whoever is addressed.
    return (_prohibition_before(lead) is not None or _UNLAWFUL_LEAD_RE.search(lead) is not None
            or _CONDUCT_LIST_LEAD_RE.search(lead) is not None)


_AFTER_ACT_REACH = 8


def _prohibition_after_act(text: str, act: int, pos: int) -> bool:
    fragment = text[act + 1 : pos]
    found = _prohibition_before(fragment[: _AFTER_ACT_REACH + 4], text[act + 1 : pos + 12])
    if found is None or found.start() > _AFTER_ACT_REACH:
        return False
    return (_RESTRICTING_VERB_RE.match(fragment, found.end()) is not None
            or _CONTENT_PROHIBITION_RE.match(fragment, found.start()) is not None)


# 不得在国家规定之外，要求……: a prohibition whose own clause says only where, how or beyond what
# (在……之外、以任何形式) governs the clause after its comma, which holds the forbidden verb.
_ADVERBIAL_PROHIBITION_RE = re.compile(
    r"(?:不得|禁止|严禁|不应|不准|不能)(?:擅自|随意|再)?(?:在|于|除|超出|超越|以任何|借|以)[^，。；\n]{0,24}?"
    r"(?:之外|以外|外|之内|以内|范围内|形式|方式|名义|理由|为由)\s*$")


def _adverbial_prohibition_before(text: str, clause_start: int) -> bool:
    if clause_start < 2 or text[clause_start - 1] not in "，,":
        return False
    lo = max(0, clause_start - 40)
    prev_start = max(text.rfind(c, lo, clause_start - 1) for c in "，,。；\n") + 1
    return _ADVERBIAL_PROHIBITION_RE.search(text, max(prev_start, lo), clause_start - 1) is not None


def prohibited(text: str, seg: Segments, act: int, terms: tuple[int, ...] = ()) -> bool:
    """Is the act at ``act`` governed by a prohibition?

    ``terms`` are where the match's other terms start (a ``together`` match
    may run over several clauses): a term in a later clause that is itself
    governed guards the match too (为保护环境，不得限定……).
    """
    clause, clause_start, _ = seg.unit("clause", act)
    if _governed_by_prohibition(text, clause_start, act) or _in_prohibited_list(text, seg, act):
        return True
    if act - clause_start <= _PROHIBITION_REACH and _adverbial_prohibition_before(text, clause_start):
        return True
    if _inside_disposal_prohibition(text, seg, act):
        return True
    # 信用评价不得以……本地奖项作为指标、竞买条件不得设定注册地……要求: the act word (评价、条件)
    # stands before a prohibition that governs the match's later terms in the act's own clause.
    # Only a prohibition of restricting or of content (不得以、不以、不得设定) right after the act
    # word: 一律不再新批 is the refusal itself.
    for pos in terms:
        if pos > act + 1 and seg.unit("clause", pos)[1] == clause_start and _prohibition_after_act(text, act, pos):
            return True
    # The act itself forbids restricting or forbids content (不得阻碍经营者迁出、投资协议不得约定……):
    # a frame that takes 不得 for part of a commitment has found the prohibition of one.
    opening = _PROHIBITION_RE.match(text, act)
    if opening and (_RESTRICTING_VERB_RE.match(text, opening.end()) or _CONTENT_VERB_RE.match(text, opening.end())):
        return True
    _, sentence_start, _ = seg.unit("sentence", act)
    lo = max(sentence_start, act - _SENTENCE_LEAD_REACH)
    lead = _LIST_LEAD_PROHIBITION_RE.search(text, lo, act)
    if lead and _prohibition_before(text[lo : lead.end()]) is not None:
        return True
    for pos in terms:
        other, other_start, _ = seg.unit("clause", pos)
        if other != clause and _governed_by_prohibition(text, other_start, pos):
            return True
    return False


_RESTATING_RE = re.compile(
    r"依法|依照|依据《|根据《|按照《|按照法律|按照有关法律|按照国家|按照相关法律|法律、法规规定|法律法规规定|法律、行政法规规定|法律、法规、规章规定|按规定|按照规定|符合法定"
)
# A marker that is negated or breached grounds nothing (不按规定、未依法、违反……规定).
_NEGATED_MARKER_RE = re.compile(r"(?:不|未|没有|拒不|违反)[^，。；]{0,2}$")
# A sentence that opens by grounding what follows: 依照《……》第×条规定，……
_GROUNDING_LEAD_RE = re.compile(
    r"\s*(?:第[一二三四五六七八九十百千\d]+条\s*)?(?:（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、|\d+[.、．])?\s*"
    r"(?:依照|依据|根据|按照)[^，。；\n]{0,60}?(?:规定|要求|部署|决策部署|第[一二三四五六七八九十百千零〇\d]+条(?:第[一二三四五六七八九十\d]+款)?(?:第（[一二三四五六七八九十\d]+）项)?)[，：]"
)
# …or a clause that grounds what follows a condition: ……的，依照《……》第×条的规定，处……
# A cited provision: 依照《……》第×条 / 依照《……》的规定.
_CITED_PROVISION = r"(?:依照|依据|根据|按照)《[^》]{2,40}》[^，。；\n]{0,30}?(?:规定|第[一二三四五六七八九十百千零〇\d]+条)"
_GROUNDING_CLAUSE_RE = re.compile(_CITED_PROVISION + r"[^，。；\n]{0,12}[，：]")


# A clause that closes a sentence by grounding it: ……，按照国家有关规定执行。
# So does one that sends the whole matter to cited laws (……的，依照《政府采购法》《招标投标法》及其实施条例的规定进行；
# ……，依照《……》及其实施条例执行。): the clause before it is the case the law governs, not a rule of the drafter's.
_CITED_TITLES = r"《[^》]{2,40}》(?:[、和及与]?《[^》]{2,40}》){0,3}"
_TRAILING_GROUNDING_RE = re.compile(r"(?:按照|依照|依据|根据)(?:国家|国务院|法律|有关法律|《|财政部|国家发展改革委|国家发展和改革委员会|省人民政府)[^，。；\n]{0,30}?(?:规定|目录|办法|标准)执行[。；]|(?:按照|依照|依据|根据)《[^》]{2,40}》[^，。；\n]{0,12}?(?:规定|第[一二三四五六七八九十百千零〇\d]+条)(?:执行|办理)?[。；]"
                                    r"|(?:按照|依照|依据|根据)" + _CITED_TITLES + r"(?:及其|和|及)?(?:实施条例|实施细则|配套规定|有关规定)?(?:的规定|的有关规定|规定)?(?:执行|办理|进行|实施)[。；]")


# Fair competition: grounding in the draft itself (依照本办法规定) or in a local organ's wish
# (按照县政府要求、根据县委工作部署、依据会议纪要) is no law; the measure is still the drafter's.
_LOCAL_GROUNDING_RE = re.compile(
    r"^(?:依照|依据|根据|按照)(?:本(?:办法|规定|方案|意见|通知|细则|措施|决定|实施方案|实施意见|实施细则)"
    r"|(?![^，。；\n]{0,24}?(?:国务院|国家|中央|法律|法规|条例|部委|省))[^，。；《\n]{0,24}?(?:要求|部署|决策部署|精神|纪要|批示|安排)[，：]?$)")


def _restating_marker(text: str, lo: int, hi: int, review: str = "") -> bool:
    for m in _RESTATING_RE.finditer(text, lo, hi):
        if _NEGATED_MARKER_RE.search(text, max(lo, m.start() - 4), m.start()):
            continue
        if review == "fair_competition" and text.startswith(("依照本", "依据本", "根据本", "按照本"), m.start()) \
                and _LOCAL_GROUNDING_RE.match(text[m.start():m.start() + 12]):
            continue
        return True
    return False


def restating(text: str, seg: Segments, act: int, review: str = "") -> bool:
    """Is the act grounded in law (see the module docstring)?"""
    _, clause_start, clause_end = seg.unit("clause", act)
    # The act's own clause: from its start to a little after the act (依法予以处罚、处以依法……).
    if _restating_marker(text, max(clause_start, act - _LOOK_BACK), min(clause_end, act + 12), review):
        return True
    _, sentence_start, _ = seg.unit("sentence", act)
    if act - sentence_start <= _SENTENCE_LEAD_REACH:
        lead = _GROUNDING_LEAD_RE.match(text, sentence_start, act)
        if lead and not (review == "fair_competition" and _LOCAL_GROUNDING_RE.match(lead.group().strip())):
            return True
    # 依照《……》的规定，从事甲的，……；从事乙的，……；从事丙的，实行许可管理。: a lead that cites the law
    # grounds every item of the series its full stop closes, not only the first.
    if sentence_start > 0 and text[sentence_start - 1] == "；":
        window = max(0, act - _SENTENCE_LEAD_REACH)
        lo = max(text.rfind(c, window, sentence_start) for c in "。！？\n") + 1
        if lo > 0 or window == 0:
            lead = _GROUNDING_LEAD_RE.match(text, lo, act)
            if lead and _CITED_LAW_RE.search(lead.group()):
                return True
    # A later clause of the sentence may ground it (免征……收费，按照国家规定执行; ……，
    # ……，依照《……》第二十六条的规定执行。).
    _, _, sentence_end = seg.unit("sentence", act)
    for m in _TRAILING_GROUNDING_RE.finditer(text, clause_end, min(sentence_end + 1, clause_end + _SENTENCE_LEAD_REACH)):
        if text[m.start() - 1] == "，":
            return True
    # The clause just before the act's clause may ground it (……的，依照《…》第×条规定，处……).
    if clause_start > sentence_start:
        _, prev_start, _ = seg.unit("clause", clause_start - 1)
        if prev_start >= max(sentence_start, act - _SENTENCE_LEAD_REACH) and _GROUNDING_CLAUSE_RE.match(text, prev_start, clause_start):
            return True
    # ……依照《…》第×条的规定责令改正；拒不改正的，处……: the next step of a grounded chain.
    if sentence_start > 0 and text[sentence_start - 1] == "；" and _CHAINED_STEP_RE.match(text, sentence_start):
        _, paragraph_start, _ = seg.unit("paragraph", sentence_start - 1)
        if _GROUNDING_CITATION_RE.search(text, max(paragraph_start, sentence_start - _SENTENCE_LEAD_REACH), sentence_start):
            return True
    # ……依照《…》第×条的规定，处……罚款。裁量时按照下列标准确定：（一）……的，处……: tiers of a
    # grounded range, listed under a lead that cites the provision in its paragraph.
    colon = _list_colon(text, seg, act)
    if colon >= 0:
        _, paragraph_start, _ = seg.unit("paragraph", colon)
        if _GROUNDING_CITATION_RE.search(text, max(paragraph_start, colon - _SENTENCE_LEAD_REACH), colon):
            return True
    return False


_CITED_LAW_RE = re.compile(r"《[^》]{2,40}》|法律|法规")
_CHAINED_STEP_RE = re.compile(r"\s*(?:(?:个人|单位|当事人|经营者|企业|其)[^，。；]{0,4}?)?(?:拒不改正|逾期不改正|逾期未改正|情节严重|情节较重|造成严重后果|再次违反)的")
_GROUNDING_CITATION_RE = re.compile(_CITED_PROVISION)


# What the sentence treats alike must be an operator's origin, form or size, so that
# 无论规模大小，均由县城投公司负责 (a designation) is not taken for equal treatment.
_ATTRIBUTE = r"(?:注册地|所有制|地域|户籍|内外资|内资外资|本地|外地|所在地(?!段|块)|何地|企业性质|组织形式|产地|来源地|是否在本)"
_TREATS_ALIKE_RE = re.compile(
    r"不区分[^。；]{0,8}?" + _ATTRIBUTE
    + r"|不(?:分|论|问)(?:内外|本地外地|本地和外地|所有制|地域|注册地|产地)"
    + r"|不限(?:地域|注册地|所有制|户籍|产地|区域)"
    # 申报主体的注册地、所有制形式和规模不限: the attributes named and then left open.
    + r"|(?:注册地|所有制|地域|户籍|内外资|所在地(?!段|块)|企业性质|组织形式|产地|来源地)[^，。；]{0,16}?(?:均|一律)?(?:不限|不受限制)"
    + r"|统一适用(?!定额|核定|定率|优惠|减免)|同等适用|一律适用|(?:各类|所有|全部|任何)[^。；]{0,30}?均可|与(?:本地|本市|本县|本区|本省)[^，。；]{0,10}?适用(?:同样|相同|同一)"
    # 外地供应商与本地供应商平等参与、各类企业可以平等申报: equal access stated in so many words.
    + r"|平等(?:参与|参加|申报|申请|竞争|享有)|可以平等"
    + r"|一视同仁|平等对待|同等对待|同样视为|视同本地|同等享受|同样享受|适用同样|执行同样|同样的(?:条件|要求|标准|查验|检查|补助|补贴)"
    # Free choice stated in so many words (可以自主委托、自主选择) designates no one.
    + r"|(?:自主选择|自主委托|自行选择|自愿选择|可以自主)(?![^，。；]{0,10}?(?:县内|市内|区内|省内|本地|本市|本县|本区|本省|当地|辖区|指定|推荐))"
    # A sentence about reporting such conduct (存在排斥外地经营者情形的，可以举报) forbids it; so does
    # one that names conduct as restricting or excluding others and has it reported or corrected
    # (发现文件存在以不合理条件限制、排斥潜在投标人的，例如……，应当报告).
    + r"|存在[^。；]{0,40}?情形的[，,][^。；]{0,24}?(?:举报|投诉|反映)"
    + r"|存在[^。；]{0,30}?(?:以不合理的?条件|限制|排斥|歧视)[^。；]{0,60}?的[，,][^。；]{0,200}?(?:举报|投诉|反映|报告|纠正|改正)"
    # 注册地迁出本市或者在外地设立的……同样可以申报: equal access stated in so many words; whether to set up a company
    # left to the operator (是否设立由竞得人自主决定) designates and requires nothing.
    + r"|(?:在(?:外地|市外|省外|县外|区外|本市以外|本地以外)|迁出(?:本市|本地|本县|本区|本省))[^。；]{0,12}?的[^。；]{0,20}?(?:同样|也|均|都|仍然?)可以(?:申报|申请|参加|参与|享受|报名|投标|竞买)"
    + r"|是否[^。；]{0,30}?由(?:竞得人|受让人|中标人|经营者|企业|申请人|投标人|供应商|用地单位|当事人|权利人|其)[^，。；]{0,4}?(?:自主|自行)决定"
    + r"|(?:外地|外埠|省外|市外|进口)[^，。；]{0,12}?(?:和|与|、|及|或者|或)[^，。；]{0,4}?(?:本地|本市|本县|本区|本省|省内)[^。；]{0,24}?(?:统一|相同|同一|同等|一致|同样)"
    + r"|(?:无论|不论)[^。；]{0,20}?" + _ATTRIBUTE + r"[^。；]{0,20}?(?:均|都|一律)"
    # 不论注册地在本市还是外地、无论外地还是本地企业: both origins named as alternatives that do not matter.
    + r"|(?:无论|不论|不分|不问)[^。；]{0,24}?(?:本地|本市|本县|本区|本省|省内|境内|国内)[^，。；]{0,6}?还是[^，。；]{0,4}?(?:外地|外省|外市|市外|省外|县外|区外|境外|国外|其他地区)"
    + r"|(?:无论|不论|不分|不问)[^。；]{0,24}?(?:外地|外省|外市|市外|省外|县外|区外|境外|国外)[^，。；]{0,6}?还是[^，。；]{0,4}?(?:本地|本市|本县|本区|本省|省内|境内|国内)"
    + r"|(?:本地|本市|本县|本区|本省|省内)[^，。；]{0,6}?(?:和|与|、|及|或者|或)(?:外地|外埠|省外|市外|进口)[^。；]{0,24}?(?:统一|相同|同一|同等|一致)"
)
# Across the paragraph only an express waiver of the operator's origin counts (注册地不限、不限所有制、
# 不论注册地在何地均可): a looser phrase there (各类……均可) may belong to another measure.
_ORIGIN = r"(?:注册地|所有制|地域|户籍|内外资|所在地(?!段|块)|企业性质|组织形式|产地|来源地)"
_ORIGIN_OPEN_RE = re.compile(
    r"不限(?:地域|注册地|所有制|户籍|产地)|" + _ORIGIN + r"[^，。；]{0,16}?(?:均|一律)?(?:不限|不受限制)"
    + r"|不区分[^。；]{0,8}?" + _ORIGIN + r"|不(?:分|论|问)(?:内外|本地外地|本地和外地|所有制|地域|注册地|产地)"
    + r"|(?:无论|不论)[^。；]{0,20}?" + _ORIGIN + r"[^。；]{0,20}?(?:均|都|一律)")
_DECLINED_MEASURE_VERBS = ("实行", "采取", "采用", "搞")
_BOUND_VERBS = ("超过", "超出", "低于", "少于", "高于", "多于", "大于", "小于", "满", "足", "及", "如", "同", "一")
# 不对外公布、不再给予、不向老年人收取: 不 before the act, with at most a short 向/对 phrase between.
_OUTSIDE_WORD_RE = re.compile(_OUTSIDE_WORDS)
_NEGATABLE_RESTRICTION_RE = re.compile(r"设置|设定|增加|提高|加收|另行|额外|限制|要求|歧视|重复")
# 不实行一企一策、不采取一事一议: the measure the act names is itself declined, its name quoted or not (不实行“一事一议”).
# 不另行收取、不额外收取、不再另行给予: what is declined is the act itself, on top of what the text allows.
_NEGATED_ACT_RE = re.compile(r"(?:不|不再|不会|不需要|不需|无需|无须|不必)(?:对外|向社会|予以|再|另行|额外|另外|再另行|" + "|".join(_DECLINED_MEASURE_VERBS)
                             + r"|(?:向|对)[^，。；不]{1,10})?[“‘「]?$")


def _sentence_around(seg: Segments, act: int) -> tuple[int, int]:
    """The act's sentence, cut to a bounded window around the act (linear on a huge sentence)."""
    _, sentence_start, sentence_end = seg.unit("sentence", act)
    return max(sentence_start, act - _SENTENCE_LEAD_REACH), min(sentence_end, act + _SENTENCE_LEAD_REACH)


def treats_alike(text: str, seg: Segments, act: int) -> bool:
    """Does the act's sentence, or its paragraph, state that all operators are treated alike?

    A paragraph is one article or item: 给予奖励。申报主体的注册地、所有制形式和规模不限 says so of the
    measure its earlier sentence sets."""
    if _TREATS_ALIKE_RE.search(text, *_sentence_around(seg, act)) is not None:
        return True
    _, para_start, para_end = seg.unit("paragraph", act)
    return _ORIGIN_OPEN_RE.search(text, max(para_start, act - _SENTENCE_LEAD_REACH), min(para_end, act + _SENTENCE_LEAD_REACH)) is not None


# Residence conditions for people a welfare measure serves (本市户籍的老年人) concern no
# operator; a worker's residence (本市户籍骑手) is a factor of production and stays a finding.
_WELFARE_PERSON = r"(?:老年人|老人|残疾人|低保|特困|困难群众|困难家庭|儿童|学生|幼儿|婴幼儿|新生儿|子女|孕产妇|退役军人|优抚对象|失业人员|高龄|患者|参保人|家庭)"
_WELFARE_RESIDENCE_RE = re.compile(
    r"(?:户籍|居住证|户口|常住)[^。；]{0,24}?" + _WELFARE_PERSON + r"|" + _WELFARE_PERSON + r"[^。；]{0,12}?(?:户籍|居住证|户口|常住)")


# 条例第十二条: a measure that would otherwise breach arts 8-11 may be adopted for national
# security, public interest, disaster relief … when the drafter states which case applies and
# sets a term. Saying so, with a term, in the act's paragraph is that statement.
_EXCEPTION_CITED_RE = re.compile(r"(?:公平竞争审查)?条例》?第十二条|第十二条[^，。；\n]{0,12}?(?:规定的)?(?:例外|情形)")
_EXCEPTION_TERM_RE = re.compile(r"期限|期满|为期|有效期|截至|届满|停止执行|(?:至|到)\d{4}年|(?:至|到)[〇一二三四五六七八九十]{4}年")
_EXCEPTION_REACH = 300


def states_exception(text: str, seg: Segments, act: int) -> bool:
    """Does the act's paragraph invoke the 条例第十二条 exception and set a term?"""
    _, para_start, para_end = seg.unit("paragraph", act)
    lo, hi = max(para_start, act - _EXCEPTION_REACH), min(para_end, act + _EXCEPTION_REACH)
    return _EXCEPTION_CITED_RE.search(text, lo, hi) is not None and _EXCEPTION_TERM_RE.search(text, lo, hi) is not None


def welfare_residence(text: str, seg: Segments, act: int) -> bool:
    """Is the act's sentence a residence condition on welfare beneficiaries?"""
    return _WELFARE_RESIDENCE_RE.search(text, *_sentence_around(seg, act)) is not None


# The enacting clause (第一条　为了支持……，根据《……》等规定，结合本市实际，制定本办法。) names the aim of the
# text and its grounds: the measures come in the articles after it, and are read there.
_ENACTING_LEAD_RE = re.compile(r"\s*(?:第[一二三四五六七八九十]+条\s*)?(?:为了|为|根据|依据|依照|按照)")
_ENACTING_TAIL_RE = re.compile(r"[，,](?:特)?(?:制定|出台|印发|制订)本(?:办法|规定|细则|实施细则|措施|若干措施|方案|实施方案|意见|实施意见|规则|指引|标准)[。]?\s*$")
_ENACTING_REACH = 400


def enacting(text: str, seg: Segments, act: int) -> bool:
    """Does the act stand in the enacting clause of the text (为了……，制定本办法。)?"""
    _, sentence_start, sentence_end = seg.unit("sentence", act)
    if sentence_end - sentence_start > _ENACTING_REACH or not _ENACTING_LEAD_RE.match(text, sentence_start):
        return False
    return _ENACTING_TAIL_RE.search(text[max(sentence_start, sentence_end - 30) : sentence_end]) is not None


_BREACH_LEAD_RE = re.compile(r"违反[^，。；]{0,24}?(?:规定|约定|要求)的?$")


def negated(text: str, seg: Segments, act: int) -> bool:
    """Is the act verb itself negated (不对外公布)? Read in its own clause only."""
    # 不超过、不低于、不少于 are bounds, not negations: 成立时间不超过3年 is a condition.
    _, clause_start, _ = seg.unit("clause", act)
    # （三）违反本办法第七条规定收取费用的: the act is the breach a liability clause describes.
    if _BREACH_LEAD_RE.search(text, max(clause_start, act - 30), act):
        return True
    m = _NEGATED_ACT_RE.search(text, max(clause_start, act - 14), act)
    if m is None:
        return False
    # ……不实行一企一策: what 实行 takes is the measure, not a bound on a quantity.
    if text.startswith(_BOUND_VERBS, act) and not m.group().rstrip("“‘「").endswith(_DECLINED_MEASURE_VERBS):
        return False
    # 不对县外单位招标 refuses outsiders: that is the discrimination, not its negation; but
    # 不对外地产品设置额外要求 negates a restriction, whoever it would fall on.
    return _OUTSIDE_WORD_RE.search(m.group()) is None or _NEGATABLE_RESTRICTION_RE.match(text, act) is not None


def guarded(guards: tuple[str, ...], text: str, seg: Segments, start: int, end: int, terms: tuple[int, ...] = (), act: int | None = None,
            review: str = "") -> str | None:
    """The name of the first guard that suppresses the match, or None.

    ``act``: where the act of the match stands (default: its start).
    ``terms``: start offsets of the terms of a ``together`` match (see ``prohibited``).
    ``review``: the rule's review; for fair competition a provision quoted from a local
    policy document is the measure, not a citation (``inside_quoted_provision``).
    """
    act = start if act is None else act
    for guard in guards:
        if guard == "citation" and (inside_title(text, start, end)
                                    or inside_quoted_provision(text, start, end, law_only=review == "fair_competition")):
            return guard
        if guard == "prohibition" and prohibited(text, seg, act, terms):
            return guard
        if guard == "restating" and restating(text, seg, act, review):
            return guard
        if guard == "alike" and treats_alike(text, seg, act):
            return guard
        if guard == "negated" and negated(text, seg, act):
            return guard
        if guard == "welfare" and welfare_residence(text, seg, act):
            return guard
        if guard == "exception" and states_exception(text, seg, act):
            return guard
        if guard == "enacting" and enacting(text, seg, act):
            return guard
    return None
