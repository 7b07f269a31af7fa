"""Read the registry files (YAML), refusing anything malformed with file and line.

The shipped registry is every ``*.yaml`` under ``rules/registry/`` (installed
as ``workbench.rulepacks/registry``), read in file-name order; then the user's
overlay ``<data dir>/registry_overlay.yaml`` in the same format. A file holds::

    laws:
      - title: 中华人民共和国大气污染防治法      # required
        short: [大气污染防治法, 大气法]          # names people write
        level: law                              # constitution|law|regulation|rule|local|normative
        promulgated: 2015-08-29
        in_force: 2016-01-01
        articles: 129                           # null/absent: unknown (no article check)
        versions: [{published: 2018-10-26, in_force: 2018-10-26, articles: 129, source: …}]
        status:
          - {event: repealed, on: 2026-08-15, by: 中华人民共和国生态环境法典, article: 第一千二百四十二条, source: …}
        source: where the facts came from
    mappings:   # article of a repealed law → the article that replaces it
      - {law: …, article: 99, items: [2], to_law: …, to_article: 第一千一百零七条, source: …}
    fines:      # fine ranges (yuan)
      - {law: …, article: 99, paragraph: 1, items: [], min: 100000, max: 1000000, when: 情节严重, source: …}

A title met again (in a later file or the overlay) updates that entry: given
fields replace, ``short``, ``versions`` and ``status`` are added to. So an
office records a repeal with just ``title`` and ``status``.
"""

from __future__ import annotations

from datetime import date
from importlib import resources

import yaml

from workbench.errors import RuleFileError
from workbench.laws.model import EVENTS, LEVELS, ArticleMapping, FineRange, LawEntry, StatusEvent, Version

FILE_KEYS = {"laws", "mappings", "fines"}
LAW_KEYS = {"title", "short", "level", "promulgated", "in_force", "articles", "versions", "status", "source"}
VERSION_KEYS = {"published", "in_force", "articles", "source"}
EVENT_KEYS = {"event", "on", "by", "article", "note", "source"}
MAPPING_KEYS = {"law", "article", "items", "to_law", "to_article", "note", "source"}
FINE_KEYS = {"law", "article", "paragraph", "items", "min", "max", "per_unit", "when", "relative", "source"}
OVERLAY_NAME = "registry_overlay.yaml"

_constructor = yaml.SafeLoader("")
# libyaml composes ~10x faster and still gives every node its line.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Reader:
    def __init__(self, path: str):
        self.path = path

    def fail(self, node, problem: str):
        raise RuleFileError(self.path, node.start_mark.line + 1 if node is not None else None, problem)

    def mapping(self, node, allowed: set[str], what: str, required=frozenset()) -> dict:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what}应为“键: 值”的映射")
        out: dict = {}
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else None
            if key not in allowed:
                self.fail(k, f"{what}中有未知的键“{key}”（允许的键：{'、'.join(sorted(allowed))}）")
            if key in out:
                self.fail(k, f"{what}中的键“{key}”重复出现")
            out[key] = v
        missing = sorted(set(required) - out.keys())
        if missing:
            self.fail(node, f"{what}缺少必需的键：{'、'.join(missing)}")
        return out

    def value(self, node, what: str):
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{what}应为单个值")
        try:
            return _constructor.construct_object(node)
        except ValueError as exc:  # 2026-13-01 looks like a date but is none
            self.fail(node, f"{what}的值“{node.value}”无效（{exc}）；日期应写作 2026-08-15")

    def text(self, node, what: str, optional: bool = False) -> str:
        v = self.value(node, what)
        if v is None and optional:
            return ""
        if not isinstance(v, str) or not v.strip():
            self.fail(node, f"{what}应为非空文字")
        return v.strip()

    def date(self, node, what: str) -> date | None:
        v = self.value(node, what)
        if v is None or isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v))
        except ValueError:
            self.fail(node, f"{what}应为日期，如 2026-08-15")

    def int(self, node, what: str, optional: bool = True, minimum: int = 0) -> int | None:
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

    def seq(self, node, what: str) -> list:
        if isinstance(node, yaml.ScalarNode) and _constructor.construct_object(node) is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{what}应为列表")
        return node.value

    def ints(self, node, what: str) -> tuple[int, ...]:
        return tuple(self.int(n, what + "的项", optional=False, minimum=1) for n in self.seq(node, what))


class RegistryData:
    """Everything read so far; ``add_file`` merges one more file in."""

    def __init__(self):
        self.laws: dict[str, LawEntry] = {}  # by title
        self.mappings: list[ArticleMapping] = []
        self.fines: list[FineRange] = []
        self.files: list[str] = []

    def add_text(self, text: str, path: str) -> None:
        r = _Reader(path)
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise RuleFileError(path, mark.line + 1 if mark else None, f"YAML 格式错误：{exc.problem or exc.context}") from None
        self.files.append(path)
        if root is None:
            return
        top = r.mapping(root, FILE_KEYS, "法律登记册文件")
        for node in r.seq(top["laws"], "laws") if "laws" in top else ():
            self._law(r, node)
        for node in r.seq(top["mappings"], "mappings") if "mappings" in top else ():
            self.mappings.append(self._mapping(r, node))
        for node in r.seq(top["fines"], "fines") if "fines" in top else ():
            self.fines.append(self._fine(r, node))

    def _law(self, r: _Reader, node) -> None:
        m = r.mapping(node, LAW_KEYS, "法律条目", required={"title"})
        title = r.text(m["title"], "title").strip("《》")
        entry = self.laws.get(title)
        if entry is None:
            if "level" not in m:
                r.fail(node, f"新条目《{title}》缺少 level（{'、'.join(LEVELS)}）")
            entry = self.laws[title] = LawEntry(title=title, level="law")
        if "level" in m:
            level = r.value(m["level"], "level")
            if level not in LEVELS:
                r.fail(m["level"], f"level“{level}”无效（可选：{'、'.join(LEVELS)}）")
            entry.level = level
        for name in r.seq(m["short"], "short") if "short" in m else ():
            s = r.text(name, "short 的名称").strip("《》")
            if s not in entry.short:
                entry.short.append(s)
        if "promulgated" in m:
            entry.promulgated = r.date(m["promulgated"], "promulgated")
        if "in_force" in m:
            entry.in_force = r.date(m["in_force"], "in_force")
        if "articles" in m:
            entry.articles = r.int(m["articles"], "articles", minimum=1)
        if "source" in m:
            entry.source = r.text(m["source"], "source")
        for v in r.seq(m["versions"], "versions") if "versions" in m else ():
            vm = r.mapping(v, VERSION_KEYS, "versions 的一项")
            version = Version(
                published=r.date(vm["published"], "published") if "published" in vm else None,
                in_force=r.date(vm["in_force"], "in_force") if "in_force" in vm else None,
                articles=r.int(vm["articles"], "articles", minimum=1) if "articles" in vm else None,
                source=r.text(vm["source"], "source", optional=True) if "source" in vm else "",
            )
            if version not in entry.versions:
                entry.versions.append(version)
        for ev in r.seq(m["status"], "status") if "status" in m else ():
            em = r.mapping(ev, EVENT_KEYS, "status 的一项", required={"event"})
            kind = r.value(em["event"], "event")
            if kind not in EVENTS:
                r.fail(em["event"], f"event“{kind}”无效（可选：{'、'.join(EVENTS)}）")
            event = StatusEvent(
                event=kind,
                on=r.date(em["on"], "on") if "on" in em else None,
                by=r.text(em["by"], "by").strip("《》") if "by" in em else "",
                article=r.text(em["article"], "article") if "article" in em else "",
                note=r.text(em["note"], "note") if "note" in em else "",
                source=r.text(em["source"], "source") if "source" in em else "",
            )
            if event not in entry.status:
                entry.status.append(event)
        if not entry.source and not entry.status and not entry.versions:
            r.fail(node, f"条目《{title}》须写明 source（事实出处）")

    def _mapping(self, r: _Reader, node) -> ArticleMapping:
        m = r.mapping(node, MAPPING_KEYS, "条文对照", required={"law", "article", "to_law", "to_article", "source"})
        return ArticleMapping(
            law=r.text(m["law"], "law").strip("《》"),
            article=r.int(m["article"], "article", optional=False, minimum=1),
            items=r.ints(m["items"], "items") if "items" in m else (),
            to_law=r.text(m["to_law"], "to_law").strip("《》"),
            to_article=r.text(m["to_article"], "to_article"),
            note=r.text(m["note"], "note") if "note" in m else "",
            source=r.text(m["source"], "source"),
        )

    def _fine(self, r: _Reader, node) -> FineRange:
        m = r.mapping(node, FINE_KEYS, "罚款幅度", required={"law", "article", "min", "source"})
        lo = r.int(m["min"], "min", optional=False)
        hi = r.int(m["max"], "max") if "max" in m else None
        per_unit = r.int(m["per_unit"], "per_unit", minimum=1) if "per_unit" in m else None
        if hi is None and per_unit is None:
            r.fail(node, "罚款幅度须有 max（上限）或 per_unit（按件计罚的单价）")
        if hi is not None and hi < lo:
            r.fail(m["max"], f"max（{hi}）小于 min（{lo}）")
        return FineRange(
            law=r.text(m["law"], "law").strip("《》"),
            article=r.int(m["article"], "article", optional=False, minimum=1),
            paragraph=r.int(m["paragraph"], "paragraph", minimum=1) if "paragraph" in m else None,
            items=r.ints(m["items"], "items") if "items" in m else (),
            min=lo,
            max=hi,
            per_unit=per_unit,
            when=(r.text(m["when"], "when", optional=True) or None) if "when" in m else None,
            relative=r.bool(m["relative"], "relative") if "relative" in m else False,
            source=r.text(m["source"], "source"),
        )


def shipped_registry_root():
    return resources.files("workbench.rulepacks") / "registry"


def load_registry_data(root=None, overlay=None, use_overlay: bool = True) -> RegistryData:
    """Read the shipped registry (or ``root``, a directory) and then the overlay.

    ``overlay``: a path to an overlay file; default ``data_dir()/registry_overlay.yaml``
    (read only if it exists).
    """
    data = RegistryData()
    root = shipped_registry_root() if root is None else root
    entries = sorted((e for e in root.iterdir() if e.name.endswith((".yaml", ".yml"))), key=lambda e: e.name)
    for entry in entries:
        data.add_text(_read(entry, str(entry)), str(entry))
    if use_overlay:
        if overlay is None:
            from workbench.paths import data_dir

            overlay = data_dir(create=False) / OVERLAY_NAME
        if overlay.is_file():
            data.add_text(_read(overlay, str(overlay)), str(overlay))
    return data


def _read(entry, shown: str) -> str:
    try:
        return entry.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleFileError(shown, None, "文件不是 UTF-8 编码") from None
