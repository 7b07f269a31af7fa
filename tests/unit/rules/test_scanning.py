"""ScanAutomaton finds exactly what a plain pyahocorasick automaton finds."""

import random

import ahocorasick

from workbench.rules.scanning import FILLER, ScanAutomaton


def _plain(pairs):
    automaton = ahocorasick.Automaton()
    for word, value in pairs:
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


def _words(rng: random.Random, alphabet: str, count: int) -> list[tuple[str, int]]:
    return [("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))), k) for k in range(count)]


def test_same_hits_as_a_plain_automaton_on_random_text():
    rng = random.Random(3)
    # A wide root (filtered text) and a narrow one; words added twice keep their later value.
    wide_alphabet = "".join(chr(0x4E00 + k) for k in range(600))
    for alphabet, count in ((wide_alphabet, 2500), ("市县区省本地外", 40)):
        pairs = _words(rng, alphabet, count)
        pairs += [(w, -v) for w, v in pairs[:20]]
        scan, plain = ScanAutomaton(pairs), _plain(pairs)
        assert sorted(scan.items()) == sorted(plain.items())
        text_alphabet = alphabet[:80] + "。，\n ab1" + FILLER + "\x00" + "\U00020000\U0001F600" + "".join(chr(0x5000 + k) for k in range(40))
        for _ in range(200):
            text = "".join(rng.choice(text_alphabet) for _ in range(rng.randint(0, 120)))
            assert list(scan.iter(text)) == list(plain.iter(text))
            assert list(scan.iter_long(text)) == list(plain.iter_long(text))


def test_no_words_finds_nothing():
    scan = ScanAutomaton([])
    assert len(scan) == 0
    assert list(scan.iter("本市企业")) == []
    assert list(scan.iter_long("本市企业")) == []
