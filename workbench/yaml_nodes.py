"""Read YAML data files so that every value still knows its line.

Rule packs and the law registry are edited by hand; a mistake must be
reported with the file and the line (``RuleFileError``), in Chinese. PyYAML's
``compose`` keeps a mark on every node; ``NodeReader`` walks the nodes, checks
keys against a closed set, and converts values, failing with the line.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from workbench.errors import RuleFileError

_LOOKS_LIKE_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")


# PyYAML's problems in English → what a legal staff member editing the file can act on.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "此处不能写“键: 值”（上一行的引号或括号未闭合，或冒号后的值里又有“: ”？）"),
    ("could not find expected ':'", "缺少“:”（键与值之间须用英文冒号加空格分开）"),
    ("did not find expected key", "缩进不一致，或缺少键"),
    ("did not find expected '-' indicator", "列表项缩进不一致（每项应以“- ”开头并对齐）"),
    ("expected <block end>", "缩进不一致"),
    ("that cannot start any token", "含有不能出现在此处的字符（多为制表符 Tab：请改用空格缩进）"),
    ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了"),
    ("found undefined alias", "使用了未定义的别名（*）"),
    ("while scanning a quoted scalar", "引号未闭合"),
    ("while parsing a flow", "方括号或花括号未闭合"),
)


@lru_cache(maxsize=1)
def _yaml():
    """PyYAML, imported when a file is first parsed: a start that reads the compiled
    cache (``workbench.compiled_cache``) imports the modules holding these readers
    but parses nothing, and PyYAML's import is ~20 ms of it."""
    import yaml

    return yaml


@lru_cache(maxsize=1)
def _loader():
    # The C loader when PyYAML was built with libyaml: several times faster on the
    # registry's thousand entries; the marks are the same.
    yaml = _yaml()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def _constructor():
    return _yaml().SafeLoader("")


def _problem(exc) -> str:
    english = f"{exc.context or ''} {exc.problem or ''}"
    for phrase, chinese in _YAML_PROBLEMS:
        if phrase in english:
            return chinese
    return f"无法解析（{(exc.problem or exc.context or '').strip()}）"


def compose(text: str, path: str, error: type[RuleFileError] = RuleFileError):
    """The root node of ``text`` (None for an empty file); a syntax error names its line."""
    yaml = _yaml()
    try:
        return yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise error(path, mark.line + 1 if mark else None, f"YAML 格式错误：{_problem(exc)}") from None


class NodeReader:
    """Checked access to the nodes of one file; every failure names ``path`` and the line."""

    error: type[RuleFileError] = RuleFileError  # the registry's reader says 法规库文件

    def __init__(self, path: str):
        self.path = path

    def fail(self, node, problem: str):
        raise self.error(self.path, node.start_mark.line + 1 if node is not None else None, problem)

    def mapping(self, node, allowed: set[str], what: str, required=frozenset()) -> dict:
        """Key → value node; unknown, duplicated or missing keys fail."""
        yaml = _yaml()
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what}应为“键: 值”的映射")
        out: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in allowed:
                self.fail(key_node, f"{what}中有未知的键“{key}”（允许的键：{'、'.join(sorted(allowed))}）")
            if key in out:
                self.fail(key_node, f"{what}中的键“{key}”重复出现")
            out[key] = value_node
        missing = sorted(set(required) - out.keys())
        if missing:
            self.fail(node, f"{what}缺少必需的键：{'、'.join(missing)}")
        return out

    def value(self, node, what: str):
        yaml = _yaml()
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{what}应为单个值")
        try:
            return _constructor().construct_object(node)
        except (ValueError, yaml.YAMLError):  # e.g. 2026-13-01 looks like a date but is none
            hint = "不是有效的日期，日期应写作 2026-08-15" if _LOOKS_LIKE_DATE.match(node.value) else "无法识别"
            self.fail(node, f"{what}的值“{node.value}”{hint}")

    def text(self, node, what: str, optional: bool = False) -> str:
        v = self.value(node, what)
        if v is None and optional:
            return ""
        if not isinstance(v, str) or not v.strip():
            self.fail(node, f"{what}应为非空文字")
        return v.strip()

    def choice(self, node, options, what: str) -> str:
        v = self.value(node, what)
        if v not in options:
            self.fail(node, f"{what}“{v}”无效（可选：{'、'.join(options)}）")
        return v

    def date(self, node, what: str, optional: bool = False) -> date | None:
        v = self.value(node, what)
        if v is None and optional:
            return None
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v))
        except ValueError:
            self.fail(node, f"{what}应为日期，如 2026-08-15")

    def int(self, node, what: str, optional: bool = False, minimum: int = 0) -> int | None:
        v = self.value(node, what)
        if v is None and optional:
            return None
        if not isinstance(v, int) or isinstance(v, bool) or v < minimum:
            self.fail(node, f"{what}应为不小于 {minimum} 的整数")
        return v

    def bool(self, node, what: str) -> bool:
        v = self.value(node, what)
        if not isinstance(v, bool):
            self.fail(node, f"{what}应为 true 或 false")
        return v

    def seq(self, node, what: str, empty_ok: bool = False) -> list:
        """The item nodes of a list; ``empty_ok`` also accepts an empty list or null."""
        yaml = _yaml()
        if empty_ok and isinstance(node, yaml.ScalarNode) and _constructor().construct_object(node) is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{what}应为列表")
        if not node.value and not empty_ok:
            self.fail(node, f"{what}不能为空列表")
        return node.value

    def ints(self, node, what: str) -> tuple[int, ...]:
        return tuple(self.int(n, what + "的项", minimum=1) for n in self.seq(node, what, empty_ok=True))
