"""The review catalogue (重大执法决定法制审核目录清单): thresholds, party kind, fines.

The catalogue's items are rules of the ``enforcement`` pack with category
``catalogue`` (``rules/enforcement/catalogue.yaml``); their display names and
the fine thresholds are data in ``rules/enforcement/data/catalogue.yaml``, which
an office edits to match its own catalogue. A user's settings may override the
thresholds with the key ``catalogue_thresholds``.

``legal_review_required(findings)`` answers the question a reviewer asks of an
enforcement decision: must it go through 法制审核, and because of which items?
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.text.numbers import CHINESE_NUMERAL_CHARS, parse_amount

if TYPE_CHECKING:  # the rules package imports this module through its checks
    from workbench.rules.model import Finding

INDIVIDUAL, ORGANISATION = "individual", "organisation"
PARTY_LABELS = {INDIVIDUAL: "公民或者个体工商户", ORGANISATION: "法人或者其他组织"}
SETTINGS_KEY = "catalogue_thresholds"


@dataclass(frozen=True)
class Thresholds:
    individual: Decimal
    organisation: Decimal
    inclusive: bool = True  # “以上”含本数

    def for_party(self, kind: str | None) -> Decimal:
        # A party of unknown kind gets the lower threshold: better to ask for a
        # review that was not needed than to miss one.
        return self.organisation if kind == ORGANISATION else self.individual

    def meets(self, amount: Decimal, kind: str | None) -> bool:
        limit = self.for_party(kind)
        return amount >= limit if self.inclusive else amount > limit


@dataclass(frozen=True)
class Catalogue:
    thresholds: Thresholds
    items: dict[str, str]  # rule id → item name shown to the user


def _thresholds(data: dict, base: Thresholds | None = None) -> Thresholds:
    def amount(key: str, default):
        value = data.get(key, default)
        if value is None:
            raise ValueError(f"目录清单门槛缺少 {key}")
        parsed = parse_amount(str(value)) if not isinstance(value, (int, float)) else Decimal(str(value))
        if parsed is None or parsed < 0:
            raise ValueError(f"目录清单门槛 {key} 的值“{value}”不是金额")
        return parsed

    return Thresholds(
        individual=amount("individual", base.individual if base else None),
        organisation=amount("organisation", base.organisation if base else None),
        inclusive=bool(data.get("inclusive", base.inclusive if base else True)),
    )


@lru_cache(maxsize=1)
def _builtin_data() -> dict:
    from importlib import resources

    from workbench.compiled_cache import load_or_build
    from workbench.rules.compiled import RULEPACKS_PACKAGE

    source = resources.files(RULEPACKS_PACKAGE) / "enforcement" / "data" / "catalogue.yaml"

    def parse() -> dict:
        import yaml

        return yaml.safe_load(source.read_text(encoding="utf-8")) or {}

    return load_or_build("catalogue", [source], parse, modules=())


def load_catalogue(settings: dict | None = None) -> Catalogue:
    """The built-in catalogue data, with the user's threshold override applied.

    ``settings`` defaults to ``workbench.settings.load_settings()``; an
    unreadable settings file falls back to the built-in thresholds.
    """
    data = _builtin_data()
    thresholds = _thresholds(data.get("thresholds") or {})
    if settings is None:
        from workbench.errors import WorkbenchError
        from workbench.settings import load_settings

        try:
            settings = load_settings()
        except WorkbenchError:
            settings = {}
    override = settings.get(SETTINGS_KEY) if isinstance(settings, dict) else None
    if isinstance(override, dict) and override:
        try:
            thresholds = _thresholds(override, thresholds)
        except ValueError:
            pass  # a malformed override is ignored; the built-in thresholds stand
    return Catalogue(thresholds, dict(data.get("items") or {}))


# -- the party ---------------------------------------------------------------

_CREDIT_CODE_RE = re.compile(r"统一社会信用代码[（(]?[^）)\n：:]{0,10}[）)]?[：:]?\s*([0-9A-Z]{2})")
_ID_CARD_RE = re.compile(r"身份证(?:号码|号)?[：:]?\s*[0-9]{6}")
_PARTY_LINE_RE = re.compile(r"(?:当事人|被处罚人|被处罚单位)(?:名称|姓名)?[：:]\s*([^\n，。；：:]{1,60})")
_ORG_SUFFIX_RE = re.compile(r"(?:公司|厂|合作社|中心|医院|学校|协会|学会|研究院|研究所|集团|委员会|政府|管理局|事务所|酒店|宾馆|基地|联合社)")
_OPENING_NAME_RE = re.compile(r"^\s*([\u4e00-\u9fff（）()]{2,40}?)[：:]\s*$", re.M)
_ADDRESSED_ORG_RE = re.compile(r"你(?:公司|单位|厂|合作社|中心|医院|学校)(?![)）])")


def party_kind(text: str) -> tuple[str | None, str]:
    """(INDIVIDUAL | ORGANISATION | None, the reason) for the party of a decision."""
    head = text[:3000]
    code = _CREDIT_CODE_RE.search(head)
    if code:
        if code.group(1) == "92":
            return INDIVIDUAL, "统一社会信用代码以92开头（个体工商户）"
        return ORGANISATION, "载有统一社会信用代码"
    m = _PARTY_LINE_RE.search(head)
    name = m.group(1).strip() if m else ""
    if not name:
        om = _OPENING_NAME_RE.search(head)
        name = om.group(1) if om else ""
    if name and _ORG_SUFFIX_RE.search(name):
        return ORGANISATION, f"当事人“{name}”为单位名称"
    if _ID_CARD_RE.search(head):
        return INDIVIDUAL, "载有居民身份证号码"
    if name and (len(name.rstrip("*＊×x")) <= 4 or "*" in name):
        return INDIVIDUAL, f"当事人“{name}”为个人姓名"
    # A fragment without the party's particulars: the second person it addresses
    # (你公司、你单位; not 你（单位）, the form that serves individuals too).
    addressed = _ADDRESSED_ORG_RE.search(head)
    if addressed:
        return ORGANISATION, f"决定称当事人为“{addressed.group(0)}”"
    return None, "未能识别当事人是个人还是单位"


# -- fine amounts --------------------------------------------------------------

_NUM = r"(?:[0-9][0-9,，]*(?:\.[0-9]+)?\s*(?:万|亿)?元|[" + CHINESE_NUMERAL_CHARS + r"]+元整?)"
_AMOUNT = r"(?:人民币|￥|¥)?\s*(?P<amt>" + _NUM + r")"
_FINE_RES = (
    # 罚款人民币伍万元整 / 罚款5万元 / 罚款金额为100,000元
    re.compile(r"罚款(?:金额|数额)?(?:为|共计|合计|计)?[：:]?\s*" + _AMOUNT),
    # 处以人民币十万元罚款 / 处50000元的罚款
    re.compile(r"处以?\s*" + _AMOUNT + r"(?:的)?罚款"),
)
_RANGE_AFTER_RE = re.compile(r"^\s*(?:以上|以下|至|到|～|~|-)")


def _inside_quotes(text: str, pos: int) -> bool:
    """Is ``pos`` inside “…” of its paragraph (a quoted statute, not the decision)?"""
    line_start = text.rfind("\n", 0, pos) + 1
    return text.rfind("“", line_start, pos) > text.rfind("”", line_start, pos)


@dataclass(frozen=True)
class Fine:
    start: int
    end: int
    amount: Decimal
    text: str


def decided_fines(text: str) -> list[Fine]:
    """Fines the decision imposes (not ranges, not quoted statute text)."""
    out: dict[int, Fine] = {}
    for pattern in _FINE_RES:
        for m in pattern.finditer(text):
            s, e = m.span("amt")
            if _RANGE_AFTER_RE.match(text, e) or _inside_quotes(text, s) or s in out:
                continue
            amount = parse_amount(m.group("amt"))
            if amount is None or amount <= 0:
                continue
            out[s] = Fine(s, e, amount, m.group("amt"))
    return sorted(out.values(), key=lambda f: f.start)


def format_amount(amount: Decimal) -> str:
    if amount >= 10_000 and amount % 10_000 == 0:
        return f"{amount / 10_000:,.0f}万元"
    return f"{amount:,.2f}".rstrip("0").rstrip(".") + "元"


# -- the answer ------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueMatch:
    rule: str
    label: str
    matched: str
    finding: Finding


def legal_review_required(findings: list[Finding], catalogue: Catalogue | None = None) -> tuple[bool, list[CatalogueMatch]]:
    """Must this enforcement decision go through 法制审核, and which items matched?

    ``findings`` are the engine's findings for the decision; the catalogue
    items are those of category ``catalogue`` (one entry per rule, first match).
    """
    catalogue = catalogue or Catalogue(Thresholds(Decimal(0), Decimal(0)), dict(_builtin_data().get("items") or {}))
    seen: dict[str, CatalogueMatch] = {}
    for f in findings:
        if f.review == "enforcement" and f.category == "catalogue" and f.rule not in seen:
            seen[f.rule] = CatalogueMatch(f.rule, catalogue.items.get(f.rule, f.rule), f.matched, f)
    items = list(seen.values())
    return bool(items), items
