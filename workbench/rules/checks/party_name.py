"""The party's name must be the same throughout an enforcement decision.

A decision names the party at the top (当事人：某某有限公司) and again in the
body; a different name later (a copy-paste from another case) is an error
reviewers look for.
"""

from __future__ import annotations

import re

from workbench.rules.checks import CheckContext, CheckHit, register

_PARTY_RE = re.compile(r"当事人(?:名称|姓名)?[：:]\s*([^\s，。；、（）\n]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|厂|合作社|中心|医院|学校|个体工商户|店|场))")
_ORG_SUFFIX_RE = re.compile(r"有限责任公司|股份有限公司|有限公司")
_ORG_NAME_MAX = 30


def _organisations(text: str, start: int):
    """Company names after ``start``: found by their suffix, then read back over
    Chinese characters (a lazy regex tried at every position is far slower)."""
    for m in _ORG_SUFFIX_RE.finditer(text, start):
        k = m.start()
        while k > m.start() - _ORG_NAME_MAX and k > start and "\u4e00" <= text[k - 1] <= "\u9fff":
            k -= 1
        if m.start() - k >= 2:
            yield k, m.end(), text[k : m.end()]


@register("party_name_consistency")
def party_name_consistency(ctx: CheckContext):
    m = _PARTY_RE.search(ctx.text)
    if not m:
        return
    party = m.group(1)
    core = party
    for suffix in ("有限责任公司", "股份有限公司", "有限公司"):
        core = core.removesuffix(suffix)
    for other_start, other_end, name in _organisations(ctx.text, m.end()):
        if name == party or name.endswith(party) or party.endswith(name):
            continue
        # Another company named in the body (a supplier, a monitoring firm) is
        # not a mismatch unless it shares most of the party's name.
        common = sum(1 for ch in set(core) if ch in name)
        if len(core) >= 4 and common >= len(set(core)) * 0.6:
            yield CheckHit(other_start, other_end, {"party": party, "other": name})
