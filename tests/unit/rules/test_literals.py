"""The required literals of a regex, the frame prefilter built on them, and tagging by sentence."""

from __future__ import annotations

import re

from workbench.intake import document_from_text
from workbench.rules import Engine, load_builtin_rules
from workbench.rules.engine import top_level_alternatives
from workbench.rules.entities import NAMED_OPERATOR, PLACE
from workbench.rules.literals import look_behind, required_sets
from workbench.text.segment import Segments


def test_a_sequence_requires_each_of_its_choices():
    sets = required_sets(r"(?P<act>指定|选定)[^。；]{0,20}?(?:公司|企业)")
    assert set(map(frozenset, sets)) == {frozenset({"指定", "选定"}), frozenset({"公司", "企业"})}


def test_adjacent_literals_are_multiplied_out():
    assert required_sets("由(?:甲|乙)负责") == [frozenset({"由甲负责", "由乙负责"})]


def test_an_optional_or_open_part_requires_nothing():
    assert required_sets("(?:指定)?[^，]{0,3}") == []
    assert required_sets(".+") == []


def test_a_choice_requires_a_word_from_every_branch():
    (words,) = required_sets("甲[^，]*乙|丙")
    assert "丙" in words and ("甲" in words or "乙" in words)
    # A branch that requires nothing makes the whole choice require nothing.
    assert required_sets("甲|[^，]") == []


def test_flags_that_change_literals_require_nothing():
    assert required_sets("(?i)abc") == []


def test_typed_span_marks_are_cut_out_of_the_words():
    sets = required_sets("由" + NAMED_OPERATOR + "+负责", skip=NAMED_OPERATOR + PLACE)
    assert sets and all(NAMED_OPERATOR not in w for s in sets for w in s)


def test_look_behind_width():
    assert look_behind("(?<!加)处") == 1
    assert look_behind("(?<![不未])收取") == 1
    assert look_behind("(?<=依照规定)处") == 4
    assert look_behind("处罚") == 0


def test_every_match_of_every_frame_alternative_holds_its_required_words():
    """Run each alternative over every unit of the rules' own examples: a unit
    where it matches must hold a word of each required set (the prefilter's promise)."""
    engine = Engine(load_builtin_rules())
    lex = engine.lexicon()
    tagger = engine.tagger()
    checked = 0
    for rule in engine.rules:
        if rule.match.kind != "frame":
            continue
        texts = [x.text for x in rule.trigger_examples + rule.pass_examples]
        for alt in top_level_alternatives(rule.match.frame):
            source = lex.expand(alt)
            pattern = re.compile(source)
            sets = required_sets(source, skip=NAMED_OPERATOR + PLACE)
            for example in texts:
                text = document_from_text(example, kind="normative").norm.text
                shadow = tagger.shadow(text)
                for _, s, e in Segments(text).units(rule.match.within):
                    if pattern.search(shadow, s, e):
                        checked += 1
                        unit = text[s:e]
                        assert all(any(w in unit for w in words) for words in sets), (rule.id, alt, unit)
    assert checked > 50


def test_tagging_sentence_by_sentence_marks_what_tagging_the_whole_text_marks():
    engine = Engine(load_builtin_rules())
    tagger = engine.tagger()
    assert tagger.splits_at("。！？；\n")
    text = "由潍坊快跑网络科技有限公司负责。在呼和浩特注册的企业，优先选用县燃气公司！\n本市企业须在本区纳税；某公司承办。"
    seg = Segments(text)
    by_sentence = tagger.shadow(text, [(s, e) for _, s, e in seg.units("sentence")])
    assert by_sentence == tagger.shadow(text)
    assert NAMED_OPERATOR in by_sentence and PLACE in by_sentence
    # Only the sentences asked for are tagged.
    first = seg.unit_at("sentence", 0)
    partial = tagger.shadow(text, [first[1:]])
    assert partial[: first[2]] == by_sentence[: first[2]] and partial[first[2]:] == text[first[2]:]
