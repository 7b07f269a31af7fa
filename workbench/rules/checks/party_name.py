"""The party's name must be the same throughout an enforcement decision.

A decision names the party at the top (当事人：某某有限公司) and again in the
body; a different name later (a copy-paste from another case) is an error
reviewers look for.
"""

from __future__ import annotations

import re

from workbench.rules.checks import CheckContext, CheckHit, register

_PARTY_RE = re.compile(r"当事人(?:名称|姓名)?[：:]\s*([^\s，。；、（）\n]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|厂|合作社|中心|医院|学校|个体工商户|店|场))")
_ORG_RE = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:有限责任公司|股份有限公司|有限公司)")


@register("party_name_consistency")
def party_name_consistency(ctx: CheckContext):
    m = _PARTY_RE.search(ctx.text)
    if not m:
        return
    party = m.group(1)
    core = party
    for suffix in ("有限责任公司", "股份有限公司", "有限公司"):
        core = core.removesuffix(suffix)
    for other in _ORG_RE.finditer(ctx.text, m.end()):
        name = other.group(0)
        if name == party or name.endswith(party) or party.endswith(name):
            continue
        # Another company named in the body (a supplier, a monitoring firm) is
        # not a mismatch unless it shares most of the party's name.
        common = sum(1 for ch in set(core) if ch in name)
        if len(core) >= 4 and common >= len(set(core)) * 0.6:
            yield CheckHit(other.start(), other.end(), {"party": party, "other": name})
