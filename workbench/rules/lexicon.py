"""Word classes that frame rules are written with (``rules/lexicon.yaml``).

A legal standard names kinds of things — an operator, a locality, a benefit,
a tax base — not the words one drafter used. ``rules/lexicon.yaml`` lists, per
class, the words (regular-expression fragments) that make up the kind; a frame
rule (``match: {frame: …}``) refers to a class as ``{name}``, and the class
expands to one alternation, longest words first. A class may refer to another
class, and to the two typed spans that ``workbench.rules.entities`` marks in
the text: ``{named}`` (a named operator: 潍坊某某科技有限公司, 县燃气公司) and
``{place}`` (a PRC province, city or county name).

Expanding ``{name}`` only where a class of that name exists leaves regex
counted repetitions such as ``{0,12}`` alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from workbench.errors import RuleFileError
from workbench.rules.entities import NAMED_OPERATOR, PLACE

_MACRO_RE = re.compile(r"\{([a-z_]+)\}")
# What stands before a class that opens a branch: ( or (?: or (?P<name> or |.
_BRANCH_OPEN_RE = re.compile(r"(?:\((?:\?:|\?P<\w+>)?|(?<!\\)\|)$")
# Possessive: a tagged run is one name, so a frame never takes part of it
# (a lookahead after {locality} must see what follows the whole place).
_BUILTIN = {"named": NAMED_OPERATOR + "++", "place": PLACE + "++"}
_REGEX_META = set(".^$*+?{}[]\\|()")
LEXICON_KEYS = {"classes", "entities"}
ENTITY_KEYS = {"operator_suffix", "generic_modifier", "industry_word", "left_stop", "place_stop", "place_short_stop"}
# Trade names without a suffix (恒达纺织): optional, a lexicon without them marks none.
BRAND_KEYS = {"brand_trade", "brand_lead", "brand_follow", "brand_head_stop"}


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, tuple[str, ...]]  # class name → its words (regex fragments)
    entities: dict[str, tuple[str, ...]]  # word lists the entity tagger uses
    source: str = ""

    def expand(self, pattern: str, _depth: int = 0) -> str:
        """``pattern`` with every ``{class}`` replaced by its alternation."""
        if _depth > 4:
            raise ValueError("词表类别相互引用过深")

        def one(m: re.Match) -> str:
            name = m.group(1)
            if name in _BUILTIN:
                return f"(?:{_BUILTIN[name]})"
            words = self.classes.get(name)
            if words is None:
                return m.group(0)
            inner = "|".join(self.expand(w, _depth + 1) for w in words)
            # A class that is a whole branch of an alternation (({must}|须有)…)
            # joins it without a group of its own: the regex engine then sees
            # one flat choice of words and can skip positions no word starts at.
            before, after = pattern[: m.start()], pattern[m.end() :]
            if (not before or _BRANCH_OPEN_RE.search(before)) and after[:1] in ("|", ")", ""):
                return inner
            return "(?:" + inner + ")"

        return _MACRO_RE.sub(one, pattern)

    def unknown_classes(self, pattern: str) -> list[str]:
        """Names written as ``{name}`` that are neither a class nor a built-in span."""
        return [n for n in _MACRO_RE.findall(pattern) if n not in self.classes and n not in _BUILTIN]

    def literals(self, term: str) -> tuple[str, ...]:
        """An anchor term as literal words: ``{class}`` gives the class's plain words."""
        m = _MACRO_RE.fullmatch(term)
        if not m:
            return (term,)
        out: list[str] = []
        for w in self.classes.get(m.group(1), ()):
            if _MACRO_RE.fullmatch(w):
                out += self.literals(w)
            elif not (set(w) & _REGEX_META):
                out.append(w)
        return tuple(out)


def _load(text: str, path: str) -> Lexicon:
    from workbench.yaml_nodes import NodeReader, compose  # PyYAML only when the file is parsed

    r = NodeReader(path)
    root = compose(text, path)
    if root is None:
        raise RuleFileError(path, None, "词表文件为空")
    top = r.mapping(root, LEXICON_KEYS, "词表", required=LEXICON_KEYS)
    classes: dict[str, tuple[str, ...]] = {}
    for key_node, value in top["classes"].value:
        name = r.text(key_node, "类别名")
        if not re.fullmatch(r"[a-z_]+", name) or name in _BUILTIN:
            r.fail(key_node, f"类别名“{name}”应为小写英文和下划线，且不能是 named 或 place")
        if name in classes:
            r.fail(key_node, f"类别“{name}”重复")
        words = tuple(r.text(w, f"{name} 的词语") for w in r.seq(value, name))
        if not words:
            r.fail(value, f"类别“{name}”没有词语")
        for w, node in zip(words, value.value):
            try:
                re.compile(w)
            except re.error as exc:
                r.fail(node, f"“{w}”不是有效的正则表达式片段（{exc}）")
        # Longest first, so that an alternation prefers 有限责任公司 over 公司.
        classes[name] = tuple(sorted(words, key=len, reverse=True))
    entities = r.mapping(top["entities"], ENTITY_KEYS | BRAND_KEYS, "entities", required=ENTITY_KEYS)
    ent = {k: tuple(r.text(w, k) for w in r.seq(v, k)) for k, v in entities.items()}
    lex = Lexicon(classes, ent, path)
    for name, words in classes.items():
        for w in words:
            missing = lex.unknown_classes(w)
            if missing:
                raise RuleFileError(path, None, f"类别“{name}”引用了不存在的类别：{'、'.join(missing)}")
    return lex


@lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """The shipped word classes, through the compiled cache (``workbench.compiled_cache``)."""
    from workbench.compiled_cache import load_or_build

    entry = resources.files("workbench.rulepacks") / "lexicon.yaml"
    return load_or_build("lexicon", [entry], lambda: _load(entry.read_text(encoding="utf-8"), str(entry)),
                         modules=("workbench.rules.lexicon",))


def load_lexicon(text: str, path: str = "lexicon.yaml") -> Lexicon:
    return _load(text, path)
