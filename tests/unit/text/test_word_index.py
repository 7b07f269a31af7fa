"""Word boundaries from the word index are jieba's own, without loading jieba's dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.laws.data import load_registry_data
from workbench.rules import load_builtin_rules
from workbench.text import segment, word_index
from workbench.text.segment import Segments

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "rulepacks"
MIXED = [
    "按照GB 3095-2012标准收取费用，每吨100元。",
    "企业应向ABC有限公司缴纳押金2,000元（含税）。",
    "收费  标准\t见附件；  ",
    "禁止向C++、C#开发者收取工本费！",
    "",
    "。",
]


@pytest.fixture(autouse=True)
def fresh_index():
    word_index.reset_word_index()
    segment.word_boundaries.cache_clear()
    yield
    word_index.reset_word_index()
    segment.word_boundaries.cache_clear()


def corpus() -> list[str]:
    texts = []
    for rule in load_builtin_rules():
        texts += [e.text for e in rule.trigger_examples + rule.pass_examples] + [rule.message]
    texts += list(load_registry_data(use_overlay=False).laws)
    texts += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    sentences = set(MIXED)
    for text in texts:
        seg = Segments(text)
        pos = 0
        while pos < len(text):
            _, s, e = seg.unit("sentence", pos)
            sentences.add(text[s:e])
            pos = e
    return sorted(sentences)


def jieba_boundaries(sentence: str) -> frozenset[int]:
    bounds, pos = {0}, 0
    for word in segment._tokenizer().cut(sentence, HMM=False):
        pos += len(word)
        bounds.add(pos)
    return frozenset(bounds)


def test_boundaries_from_the_index_equal_jiebas_with_its_whole_dictionary(isolated_data_dir):
    sentences = corpus()
    assert len(sentences) > 1500
    assert word_index.word_index() is not None  # built into the cache folder
    assert (isolated_data_dir / "cache" / word_index.INDEX_NAME).is_file()
    differ = [s for s in sentences if segment.word_boundaries(s) != jieba_boundaries(s)]
    assert differ == []


def test_a_rule_asking_for_words_does_not_load_jiebas_dictionary(isolated_data_dir):
    import jieba

    word_index.word_index()  # the index exists, as after the first start
    before = jieba.dt.initialized
    assert segment.word_boundaries("本市对进入园区的车辆实行收费。") == frozenset({0, 2, 3, 5, 7, 8, 10, 12, 14, 15})
    assert jieba.dt.initialized == before


def test_a_damaged_index_is_rebuilt(isolated_data_dir):
    assert word_index.word_index() is not None
    path = isolated_data_dir / "cache" / word_index.INDEX_NAME
    path.write_bytes(b"not sqlite" * 100)
    word_index.reset_word_index()
    assert word_index.word_index() is not None
    assert segment.word_boundaries("车辆通过收费站时应当减速慢行。") == jieba_boundaries("车辆通过收费站时应当减速慢行。")


def test_without_an_index_the_whole_of_jieba_gives_the_same_words(isolated_data_dir):
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "cache").write_text("a file where the folder should be", encoding="utf-8")
    assert word_index.word_index() is None
    sentence = "申请人应当向管理站缴纳费用后领取证书。"
    assert segment.word_boundaries(sentence) == jieba_boundaries(sentence)
