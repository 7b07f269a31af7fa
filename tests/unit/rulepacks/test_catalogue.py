"""The review catalogue: thresholds as settings, the party's kind, fines, the verdict."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from workbench.catalogue import (
    INDIVIDUAL, ORGANISATION, Thresholds, decided_fines, legal_review_required, load_catalogue, party_kind,
)
from workbench.checking import builtin_engine
from workbench.intake import document_from_text
from workbench.paths import settings_path

ORG_HEAD = "行政处罚决定书\n当事人：某某化工有限公司\n统一社会信用代码：91410700MA00000000\n地址：某市某区\n"


def check(text: str):
    return builtin_engine().check(document_from_text(text, kind="enforcement"), reviews=("enforcement",))


@pytest.mark.parametrize("head,kind", [
    (ORG_HEAD, ORGANISATION),
    ("当事人:武陵区敬冶废旧加工厂\n统一社会信用代码:92430702MA4PJPXXXX\n经营者:谈欢", INDIVIDUAL),  # 个体工商户
    ("当事人：张某某\n居民身份证号码：410711198001010000", INDIVIDUAL),
    ("当事人:杜**。\n你(单位)于2025年1月6日实施了露天焚烧秸秆的行为", INDIVIDUAL),
    ("汨罗市恒锋新材料有限公司:\n法定代表人:吴泉锦", ORGANISATION),
    ("行政处罚决定书\n经查，你方存在违法行为。", None),
])
def test_party_kind(head, kind):
    assert party_kind(head)[0] == kind


def test_fines_are_read_but_not_ranges_nor_quoted_statute():
    text = ("依据该条“处十万元以上一百万元以下的罚款”的规定，并依据第三款“处五万元罚款”，"
            "决定处罚款人民币壹拾伍万元整。另处以30,000元的罚款。")
    assert [f.amount for f in decided_fines(text)] == [Decimal(150000), Decimal(30000)]


def test_threshold_inclusive_or_not():
    t = Thresholds(Decimal(10000), Decimal(100000), inclusive=True)
    assert t.meets(Decimal(100000), ORGANISATION) and not t.meets(Decimal(99999), ORGANISATION)
    assert t.meets(Decimal(10000), INDIVIDUAL)
    assert t.meets(Decimal(10000), None)  # unknown party: the lower threshold
    strict = Thresholds(Decimal(10000), Decimal(100000), inclusive=False)
    assert not strict.meets(Decimal(100000), ORGANISATION)


def test_user_settings_override_the_thresholds():
    assert load_catalogue({}).thresholds.organisation == Decimal(100000)
    override = load_catalogue({"catalogue_thresholds": {"organisation": "5万元"}}).thresholds
    assert override.organisation == Decimal(50000) and override.individual == Decimal(10000)
    broken = load_catalogue({"catalogue_thresholds": {"organisation": "很多"}}).thresholds
    assert broken.organisation == Decimal(100000)


def test_threshold_from_the_settings_file_reaches_the_check():
    text = ORG_HEAD + "我局决定对你公司处以罚款人民币陆万元整。"
    assert not any(f.rule == "enf.catalogue.large_fine" for f in check(text))
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"catalogue_thresholds": {"organisation": 50000}}), encoding="utf-8")
    hits = [f for f in check(text) if f.rule == "enf.catalogue.large_fine"]
    assert hits and "6万元" in hits[0].message and "5万元" in hits[0].message


def test_legal_review_required_names_the_matched_items():
    findings = check(ORG_HEAD + "经法制审核、集体讨论，我局决定责令你公司停产整治，并处罚款人民币贰拾万元整。")
    required, items = legal_review_required(findings)
    assert required
    assert {i.rule for i in items} == {"enf.catalogue.suspension", "enf.catalogue.large_fine"}
    assert all(i.label and i.label != i.rule for i in items)
    assert not any(f.rule.endswith("_unrecorded") for f in findings)


def test_an_ordinary_decision_needs_no_review():
    findings = check(ORG_HEAD + "我局决定对你公司处以罚款人民币叁万元整。")
    assert legal_review_required(findings) == (False, [])


def test_review_record_is_required_when_the_catalogue_applies():
    rules = {f.rule for f in check(ORG_HEAD + "我局决定对你公司处以罚款人民币贰拾万元整。")}
    assert {"enf.procedure.legal_review_unrecorded", "enf.procedure.discussion_unrecorded"} <= rules
