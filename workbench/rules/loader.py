"""Load rule packs from YAML, refusing anything malformed with file and line.

A pack is a directory named after its review (``rules/legality/`` …) holding
YAML files of the form::

    applies_to: [normative]        # optional default for the file's rules
    rules:
      - id: fc.entry.designated_operator
        category: market_entry_exit
        severity: error
        message: 限定经营者……
        basis: [{law: 公平竞争审查条例, article: 第八条第（三）项}]
        match: {together: [[限定, 指定], [企业, 经营者]]}
        examples:
          trigger: [……]
          pass: [……]

Keys are a closed set; unknown or duplicated keys, a missing key, a wrong type
or an unknown value are all ``RuleFileError`` naming the file and the line.
"""

from __future__ import annotations

import re
from datetime import date
from importlib import resources
from pathlib import Path

import yaml

from workbench.errors import RuleFileError
from workbench.rules.entities import NAMED_OPERATOR, PLACE
from workbench.rules.lexicon import builtin_lexicon

SPAN_ANCHORS = {"{named}": NAMED_OPERATOR, "{place}": PLACE}
from workbench.rules.model import (
    CATEGORIES, DEFAULT_APPLIES_TO, DEFAULT_GUARDS, DOCUMENT_KINDS, FAIR_COMPETITION_GUARDS, GUARDS, REVIEWS, SCOPES, SEVERITIES,
    Basis, Example, Matcher, Rule, RuleSet,
)
from workbench.text.normalize import normalize_term
from workbench.yaml_nodes import NodeReader, compose

FILE_KEYS = {"applies_to", "rules"}
RULE_KEYS = {"id", "category", "severity", "message", "basis", "match", "guards", "applies_to", "applies_from", "applies_until", "examples", "fallback"}
REQUIRED_RULE_KEYS = {"id", "category", "severity", "message", "basis", "match", "examples"}
MATCH_KEYS = {"check", "any", "together", "regex", "fuzzy", "absent", "absent_regex", "when", "within", "near", "word", "exclude", "anchors", "threshold", "frame", "unless"}
MATCH_KINDS = ("any", "together", "regex", "fuzzy", "absent", "check", "frame")
BASIS_KEYS = {"law", "article", "applies_to"}
EXAMPLES_KEYS = {"trigger", "pass"}
EXAMPLE_KEYS = {"text", "kind", "as_of"}
ID_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")

class _Reader(NodeReader):
    """The shared node reader plus what rule packs need: terms, regular expressions and frames."""

    def frame(self, node, what: str) -> str:
        """A frame: a regex with {class} words of the lexicon; checked against it."""
        pattern = self.text(node, what)
        lex = builtin_lexicon()
        unknown = lex.unknown_classes(pattern)
        if unknown:
            self.fail(node, f"{what}引用了词表中没有的类别：{'、'.join(unknown)}（见 rules/lexicon.yaml）")
        # The pattern as written is a regex too ({class} is a literal there):
        # checking it is cheap; the engine compiles the expansion once, when a
        # document first needs the rule (tests compile every one).
        try:
            re.compile(pattern)
        except re.error as exc:
            self.fail(node, f"{what}不是有效的正则表达式（{exc}）")
        return pattern

    def anchors(self, node) -> tuple[str, ...]:
        """Anchor words of a frame: literal words, or {class} for the class's plain words."""
        lex = builtin_lexicon()
        out: list[str] = []
        for item in self.seq(node, "anchors"):
            term = self.text(item, "anchors 的词语")
            if term in SPAN_ANCHORS:  # a typed span: units where the tagger marks one
                out.append(SPAN_ANCHORS[term])
                continue
            words = lex.literals(term)
            if not words or lex.unknown_classes(term):
                self.fail(item, f"anchors 中的“{term}”不是词语，也不是词表中含有普通词语的类别")
            out += [normalize_term(w) for w in words]
        return tuple(dict.fromkeys(out))

    def terms(self, node, what: str) -> tuple[str, ...]:
        return tuple(normalize_term(self.text(item, what + "的词语")) for item in self.seq(node, what))

    def regex(self, node, what: str) -> str:
        pattern = self.text(node, what)
        try:
            re.compile(pattern)
        except re.error as exc:
            self.fail(node, f"{what}不是有效的正则表达式（{exc}）")
        return pattern


def _matcher(r: _Reader, node) -> Matcher:
    m = r.mapping(node, MATCH_KEYS, "match")
    kinds = [k for k in ("any", "together", "regex", "fuzzy", "check", "frame") if k in m] + (["absent"] if "absent" in m or "absent_regex" in m else [])
    if len(kinds) != 1:
        r.fail(node, f"match 须恰好使用一种匹配方式（{'、'.join(MATCH_KINDS)}），现为：{'、'.join(kinds) or '无'}")
    kw: dict = {}
    if "check" in m:
        from workbench.rules.checks import CHECKS

        kw["check"] = r.choice(m["check"], tuple(sorted(CHECKS)), "check")
    if "any" in m:
        kw["any"] = r.terms(m["any"], "any")
    if "together" in m:
        groups = r.seq(m["together"], "together")
        if len(groups) < 2:
            r.fail(m["together"], "together 至少需要两组词语")
        kw["together"] = tuple(r.terms(g, "together") for g in groups)
    if "regex" in m:
        kw["regex"] = r.regex(m["regex"], "regex")
    if "frame" in m:
        kw["frame"] = r.frame(m["frame"], "frame")
    if "unless" in m:
        if kinds != ["frame"]:
            r.fail(m["unless"], "unless 只能与 frame 一起使用")
        kw["unless"] = r.frame(m["unless"], "unless")
    if "fuzzy" in m:
        kw["fuzzy"] = r.terms(m["fuzzy"], "fuzzy")
    if "absent" in m:
        kw["absent"] = r.terms(m["absent"], "absent")
    if "absent_regex" in m:
        kw["absent_regex"] = r.regex(m["absent_regex"], "absent_regex")
    if "when" in m:
        if kinds != ["absent"]:
            r.fail(m["when"], "when 只能与 absent 一起使用")
        kw["when"] = r.terms(m["when"], "when")
    if "within" in m:
        kw["within"] = r.choice(m["within"], SCOPES, "within")
    if "near" in m:
        near = r.value(m["near"], "near")
        if not isinstance(near, int) or near <= 0:
            r.fail(m["near"], "near 应为正整数（字数）")
        kw["near"] = near
    if "word" in m:
        word = r.value(m["word"], "word")
        if not isinstance(word, bool):
            r.fail(m["word"], "word 应为 true 或 false")
        kw["word"] = word
    if "exclude" in m:
        kw["exclude"] = r.terms(m["exclude"], "exclude")
    if "anchors" in m:
        kw["anchors"] = r.anchors(m["anchors"]) if kinds == ["frame"] else r.terms(m["anchors"], "anchors")
    if "threshold" in m:
        t = r.value(m["threshold"], "threshold")
        if not isinstance(t, (int, float)) or not 50 <= t <= 100:
            r.fail(m["threshold"], "threshold 应为 50 到 100 之间的数")
        kw["threshold"] = float(t)
    if kinds == ["frame"] and not kw.get("anchors"):
        r.fail(node, "frame 规则须给出 anchors（框架中必然出现的词语或 {类别}，用于快速筛选候选句）")
    if kinds == ["regex"] and not kw.get("anchors"):
        r.fail(node, "regex 规则须给出 anchors（正则匹配文字中必然出现的词语，用于快速筛选候选句）")
    return Matcher(**kw)


def _examples(r: _Reader, node, kind_default: str) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    ex = r.mapping(node, EXAMPLES_KEYS, "examples", required=EXAMPLES_KEYS)
    out = []
    for key in ("trigger", "pass"):
        items = []
        for item in r.seq(ex[key], f"examples.{key}"):
            if isinstance(item, yaml.MappingNode):
                e = r.mapping(item, EXAMPLE_KEYS, "示例", required={"text"})
                items.append(Example(
                    text=r.text(e["text"], "示例 text"),
                    kind=r.choice(e["kind"], DOCUMENT_KINDS, "示例 kind") if "kind" in e else kind_default,
                    as_of=r.date(e["as_of"], "示例 as_of") if "as_of" in e else None,
                    line=item.start_mark.line + 1,
                ))
            else:
                items.append(Example(text=r.text(item, "示例"), kind=kind_default, line=item.start_mark.line + 1))
        out.append(tuple(items))
    return out[0], out[1]


def _rule(r: _Reader, node, review: str, file_applies_to: tuple[str, ...] | None) -> Rule:
    m = r.mapping(node, RULE_KEYS, "规则", required=REQUIRED_RULE_KEYS)
    rule_id = r.text(m["id"], "id")
    if not ID_RE.match(rule_id):
        r.fail(m["id"], f"规则编号“{rule_id}”格式有误（应为小写英文、数字和下划线，用点分段，如 fc.entry.designated_operator）")
    if not rule_id.startswith(_ID_PREFIX[review] + "."):
        r.fail(m["id"], f"{review} 规则包中的规则编号应以“{_ID_PREFIX[review]}.”开头")
    category = r.choice(m["category"], tuple(CATEGORIES[review]), "category")
    basis = []
    for b in r.seq(m["basis"], "basis"):
        bm = r.mapping(b, BASIS_KEYS, "basis", required={"law", "article"})
        kinds = tuple(r.choice(k, DOCUMENT_KINDS, "basis.applies_to") for k in r.seq(bm["applies_to"], "basis.applies_to")) if "applies_to" in bm else ()
        basis.append(Basis(r.text(bm["law"], "basis.law").strip("《》"), r.text(bm["article"], "basis.article"), kinds))
    if "applies_to" in m:
        applies_to = tuple(r.choice(k, DOCUMENT_KINDS, "applies_to") for k in r.seq(m["applies_to"], "applies_to"))
    else:
        applies_to = file_applies_to or DEFAULT_APPLIES_TO[review]
    guards = DEFAULT_GUARDS
    if "guards" in m:
        if isinstance(m["guards"], yaml.SequenceNode) and not m["guards"].value:
            guards = ()
        else:
            guards = tuple(r.choice(g, GUARDS, "guards") for g in r.seq(m["guards"], "guards"))
    if review == "fair_competition" and "prohibition" in guards:
        guards += tuple(g for g in FAIR_COMPETITION_GUARDS if g not in guards)
    trigger, passing = _examples(r, m["examples"], applies_to[0])
    return Rule(
        id=rule_id,
        review=review,
        category=category,
        severity=r.choice(m["severity"], SEVERITIES, "severity"),
        message=r.text(m["message"], "message"),
        basis=tuple(basis),
        match=_matcher(r, m["match"]),
        guards=guards,
        applies_to=applies_to,
        applies_from=r.date(m["applies_from"], "applies_from") if "applies_from" in m else None,
        applies_until=r.date(m["applies_until"], "applies_until") if "applies_until" in m else None,
        trigger_examples=trigger,
        pass_examples=passing,
        fallback=r.bool(m["fallback"], "fallback") if "fallback" in m else False,
        source=r.path,
        line=m["id"].start_mark.line + 1,
    )


_ID_PREFIX = {"legality": "leg", "fair_competition": "fc", "enforcement": "enf", "citation": "cit"}


def load_rule_file(path: str | Path, review: str, text: str | None = None) -> list[Rule]:
    """Load one YAML file of the pack ``review``."""
    path = str(path)
    r = _Reader(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise RuleFileError(path, None, "文件不是 UTF-8 编码") from None
    root = compose(text, path)
    if root is None:
        # An emptied file would silently drop its rules: that is an error, not an empty pack.
        raise RuleFileError(path, None, "文件是空的，没有任何规则")
    top = r.mapping(root, FILE_KEYS, "规则文件", required={"rules"})
    file_applies_to = None
    if "applies_to" in top:
        file_applies_to = tuple(r.choice(k, DOCUMENT_KINDS, "applies_to") for k in r.seq(top["applies_to"], "applies_to"))
    nodes = r.seq(top["rules"], "rules")
    if not nodes:
        r.fail(top["rules"], "rules 中没有任何规则")
    return [_rule(r, node, review, file_applies_to) for node in nodes]


def _load_pack(pack, review: str, seen: dict[str, Rule]) -> list[Rule]:
    rules: list[Rule] = []
    ids: dict[str, Rule] = {}
    for entry in sorted(pack.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith((".yaml", ".yml")):
            continue
        shown = str(entry)
        try:
            text = entry.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise RuleFileError(shown, None, "文件不是 UTF-8 编码") from None
        for rule in load_rule_file(shown, review, text):
            other = ids.get(rule.id) or seen.get(rule.id)
            if other:
                raise RuleFileError(shown, rule.line, f"规则编号“{rule.id}”与 {other.source} 第 {other.line} 行的规则重复")
            ids[rule.id] = rule
            rules.append(rule)
    if not rules:
        raise RuleFileError(str(pack), None, "规则包中没有任何规则文件")
    return rules


def load_rule_packs(root, packs: tuple[str, ...] = REVIEWS) -> RuleSet:
    """Load every pack under ``root``; a pack with a broken file is left out whole and named in ``broken``.

    A pack is all or nothing: half a pack would report a draft as cleaner than it is.
    """
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    broken: dict[str, RuleFileError] = {}
    for review in packs:
        pack = root / review
        if not pack.is_dir():
            continue
        try:
            loaded = _load_pack(pack, review, seen)
        except RuleFileError as exc:
            broken[review] = exc
            continue
        seen.update((r.id, r) for r in loaded)
        rules += loaded
    return RuleSet(rules, broken)


def load_rule_dir(root: str | Path | resources.abc.Traversable, packs: tuple[str, ...] = REVIEWS) -> list[Rule]:
    """Load every pack under ``root`` (a directory holding one folder per review); the first broken file raises."""
    loaded = load_rule_packs(root, packs)
    if loaded.broken:
        raise next(iter(loaded.broken.values()))
    return loaded.rules


def builtin_rules_root():
    """The rule packs installed with the package (``rules/`` in the repository)."""
    return resources.files("workbench.rulepacks")


def load_builtin_rules(packs: tuple[str, ...] = REVIEWS) -> list[Rule]:
    return load_rule_dir(builtin_rules_root(), packs)


def load_builtin_packs(packs: tuple[str, ...] = REVIEWS) -> RuleSet:
    return load_rule_packs(builtin_rules_root(), packs)
