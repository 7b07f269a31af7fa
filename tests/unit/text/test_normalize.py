import pytest

from workbench.text.normalize import normalize


def orig(original: str, norm_text: str, needle: str) -> str:
    """The original text under the normalised match of ``needle``."""
    n = normalize(original)
    assert n.text == norm_text
    i = n.text.index(needle)
    a, b = n.orig_span(i, i + len(needle))
    return original[a:b]


def test_full_width_digits_and_letters_fold_to_half_width():
    n = normalize("罚款１００，０００元，ＡＢＣ")
    assert n.text == "罚款100,000元，ABC"


def test_half_width_punctuation_becomes_full_width_except_inside_numbers():
    assert normalize("处罚款(人民币)100,000元;时间10:30,地点").text == "处罚款（人民币）100,000元；时间10:30，地点"


def test_stray_spaces_between_chinese_characters_are_removed_and_offsets_point_into_original():
    original = "依法 处 以　罚 款"
    assert orig(original, "依法处以罚款", "处以罚款") == "处 以　罚 款"


def test_spaces_between_latin_words_are_kept_as_one():
    assert normalize("ISO  9001 标准").text == "ISO 9001标准"


def test_hard_wrap_inside_a_sentence_is_joined_but_sentence_end_keeps_the_break():
    original = "全市新建项目须使\n用市建材公司的混凝土。\n第二条"
    n = normalize(original)
    assert n.text == "全市新建项目须使用市建材公司的混凝土。\n第二条"
    i = n.text.index("须使用")
    a, b = n.orig_span(i, i + 3)
    assert original[a:b] == "须使\n用"


def test_empty_span_maps_to_a_position():
    n = normalize("甲乙")
    assert n.orig_span(1, 1) == (1, 1)
    assert n.orig_span(2, 2) == (2, 2)


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "abc", "《大气污染防治法》第九十九条"])
def test_every_normalised_character_maps_to_an_original_character_that_folds_to_it(text):
    n = normalize(text)
    assert len(n.to_orig) == len(n.text)
    for ch, i in zip(n.text, n.to_orig):
        assert 0 <= i < len(text)


def test_fast_implementation_agrees_with_the_reference_on_random_text():
    import random

    from tests.unit.text.reference_normalize import reference_normalize

    alphabet = list("罚款处以须使用公司。，；：！？、“”《》（）\n\n  \u3000\t\r,;:()!?１２３４，：ＡＢ123abc年月日") + ["\u00a0", "\ufeff"]
    rng = random.Random(2026)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        fast, ref = normalize(text), reference_normalize(text)
        assert fast.text == ref.text, repr(text)
        assert list(fast.to_orig) == list(ref.to_orig), repr(text)


def test_norm_offset_is_the_inverse_of_the_map_on_random_text():
    import bisect
    import random

    alphabet = list("罚款处以须使用。，；\n\n  \u3000\t,;:()１２3ab")
    rng = random.Random(7)
    for _ in range(1000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        n = normalize(text)
        to_orig = list(n.to_orig)
        for orig in range(len(text) + 1):
            assert n.norm_offset(orig) == min(bisect.bisect_left(to_orig, orig), len(n.text)), (text, orig)
