"""``hearing_notice_missing``: a decision (or its 事先告知书) imposing a penalty that
carries the right to a hearing, with no word of that right.

行政处罚法 第六十三条第一款 gives the right to ask for a hearing before:
（一）较大数额罚款; （二）没收较大数额违法所得、没收较大价值非法财物;
（三）降低资质等级、吊销许可证件; （四）责令停产停业、责令关闭、限制从业;
（五）其他较重的行政处罚. The amounts are read with the catalogue's thresholds
for the party's kind (``workbench.catalogue``: 公民/个体工商户 or 法人/其他组织),
as an office sets them in the settings. The measures are found by the catalogue
rules that already read what a decision decides (not what it quotes).

A decision shows the notice when it says 听证 anywhere outside quoted statute
text (《行政处罚事先（听证）告知书》, 告知……要求听证的权利, 未申请听证 …).
"""

from __future__ import annotations

import re

from workbench.catalogue import PARTY_LABELS, decided_fines, format_amount, load_catalogue, party_kind
from workbench.laws.fines import unquoted
from workbench.rules.checks import CheckContext, CheckHit, register

# Measures of art. 63(1)(三)(四)(五) as the catalogue rules find them; their match
# must name one of these (责令限制生产 alone is not among them).
_MEASURE_RULES = ("enf.catalogue.suspension", "enf.catalogue.revocation")
_HEAVY_MEASURE_RE = re.compile(r"停产停业|停业整顿|停产整顿|停产整治|停业|停产|关闭|吊销|降低资质等级|撤销")
_ITEM_OF = [
    (re.compile(r"吊销|撤销|降低资质等级"), "第（三）项"),
    (re.compile(r"停产|停业|关闭"), "第（四）项"),
]
# Measures the catalogue rules do not cover: 限制从业 (item 4) and
# 限制开展生产经营活动 (a penalty of art. 9(4), heavier than a fine).
_OTHER_MEASURE_RE = re.compile(
    r"(?:决定|予以|并|处以|给予|对你[^，。；\n]{0,8})(?:责令)?(限制从业|限制开展生产经营活动)"
)
# 没收违法所得（人民币）X元 / 没收非法财物……价值X元
_CONFISCATION_RE = re.compile(
    r"没收(?:违法所得|非法所得|非法财物)[^，。；\n]{0,20}?(?:人民币|￥|¥)?\s*(?P<amt>[0-9][0-9,，]*(?:\.[0-9]+)?\s*(?:万|亿)?元|[零壹贰叁肆伍陆柒捌玖拾佰仟万亿一二三四五六七八九十百千两]+元)"
)


def _hearing_mentioned(text: str) -> bool:
    return "听证" in unquoted(text)


def _measures(ctx: CheckContext):
    from workbench.rules.checks.catalogue import catalogue_findings

    for f in catalogue_findings(ctx):
        if f.rule in _MEASURE_RULES and _HEAVY_MEASURE_RE.search(f.matched):
            item = next((label for pattern, label in _ITEM_OF if pattern.search(f.matched)), "")
            s, e = ctx.document.norm.norm_offset(f.start), ctx.document.norm.norm_offset(f.end)
            yield s, max(e, s), f"“{f.matched}”（{item}）"
    plain = unquoted(ctx.text)
    for m in _OTHER_MEASURE_RE.finditer(plain):
        item = "第（四）项" if m.group(1) == "限制从业" else "第（五）项，其他较重的行政处罚"
        yield m.start(1), m.end(1), f"“{m.group(1)}”（{item}）"


def _amounts(ctx: CheckContext):
    from workbench.text.numbers import parse_amount

    thresholds = load_catalogue().thresholds
    kind, _ = party_kind(ctx.text)
    limit = thresholds.for_party(kind)
    party = PARTY_LABELS.get(kind, "当事人类型不明，按公民")
    for fine in decided_fines(ctx.text):
        if thresholds.meets(fine.amount, kind):
            yield fine.start, fine.end, f"罚款{format_amount(fine.amount)}，达到{party}较大数额罚款的数额{format_amount(limit)}（第（一）项）"
            break
    plain = unquoted(ctx.text)
    for m in _CONFISCATION_RE.finditer(plain):
        amount = parse_amount(m.group("amt"))
        if amount and thresholds.meets(amount, kind):
            yield m.start(), m.end("amt"), f"没收{format_amount(amount)}，达到{party}较大数额的{format_amount(limit)}（第（二）项）"
            break


@register("hearing_notice_missing")
def hearing_notice_missing(ctx: CheckContext):
    if _hearing_mentioned(ctx.text):
        return
    grounds = sorted(list(_measures(ctx)) + list(_amounts(ctx)))
    if not grounds:
        return
    start, end, _ = grounds[0]
    yield CheckHit(start, end, {"grounds": "；".join(dict.fromkeys(g for _, _, g in grounds))})
