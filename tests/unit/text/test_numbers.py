from decimal import Decimal

import pytest

from workbench.text.numbers import chinese_to_int, parse_amount, to_int


@pytest.mark.parametrize("text,value", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("一百零八", 108), ("一百一十七", 117),
    ("一千二百四十二", 1242), ("一千零五十七", 1057), ("壹拾万", 100000), ("十万", 100000),
    ("一百万", 1000000), ("二〇二六", 2026), ("五千", 5000), ("贰拾伍万", 250000), ("两千", 2000),
])
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


def test_not_a_numeral():
    assert chinese_to_int("罚款") is None
    assert to_int("") is None


@pytest.mark.parametrize("text,value", [("108", 108), ("１０８", 108), ("第", None), ("九十九", 99)])
def test_to_int(text, value):
    assert to_int(text) == value


@pytest.mark.parametrize("text,yuan", [
    ("10万元", "100000"), ("100,000元", "100000"), ("1.5万元", "15000"), ("人民币壹拾万元整", "100000"),
    ("￥250,000.00", "250000"), ("１５万元", "150000"), ("贰拾伍万元", "250000"), ("人民币十万元", "100000"),
    ("5000元", "5000"), ("二千元", "2000"),
])
def test_amounts_in_every_form(text, yuan):
    assert parse_amount(text) == Decimal(yuan)


def test_not_an_amount():
    assert parse_amount("若干") is None
