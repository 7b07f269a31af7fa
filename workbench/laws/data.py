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
    articles:   # how an article of one text is divided: the 项 of each 款 (0: none)
      - {law: …, version: 2021-07-15, article: 63, paragraphs: [6, 0], source: …}
    renumbered: # an article of an older text → its number in a later one ([old 款, old 项, new article, 款, 项])
      - {law: …, from_version: 2017-09-01, to_version: 2021-07-15, article: 51, to_article: 72, items: [[1, 1, 72, 1, 1]], source: …}

A title met again (in a later file or the overlay) updates that entry: given
fields replace, ``short``, ``versions`` and ``status`` are added to. So an
office records a repeal with just ``title`` and ``status``.
"""

from __future__ import annotations

from workbench.errors import RegistryFileError
from workbench.yaml_nodes import NodeReader, compose
from workbench.laws.model import EVENTS, LEVELS, ArticleMapping, ArticleShape, FineRange, LawEntry, Renumbering, StatusEvent, Version
from workbench.laws.sources import OVERLAY_NAME, default_overlay_path, shipped_registry_root

FILE_KEYS = {"laws", "mappings", "fines", "articles", "renumbered"}
LAW_KEYS = {"title", "short", "level", "promulgated", "in_force", "articles", "versions", "status", "source"}
VERSION_KEYS = {"published", "in_force", "articles", "source"}
EVENT_KEYS = {"event", "on", "by", "article", "note", "source"}
MAPPING_KEYS = {"law", "article", "items", "to_law", "to_article", "note", "source"}
ARTICLE_KEYS = {"law", "version", "article", "paragraphs", "item_texts", "source"}
RENUMBER_KEYS = {"law", "from_version", "to_version", "article", "to_article", "items", "score", "source"}
FINE_KEYS = {"law", "article", "paragraph", "items", "min", "max", "per_unit", "when", "relative", "source"}

# libyaml composes ~10x faster and still gives every node its line.


class RegistryData:
    """Everything read so far; ``add_file`` merges one more file in."""

    def __init__(self):
        self.laws: dict[str, LawEntry] = {}  # by title
        self.mappings: list[ArticleMapping] = []
        self.fines: list[FineRange] = []
        self.articles: list[ArticleShape] = []
        self.renumbered: list[Renumbering] = []
        self.files: list[str] = []

    def add_text(self, text: str, path: str) -> None:
        r = _RegistryReader(path)
        root = compose(text, path, RegistryFileError)
        self.files.append(path)
        if root is None:
            return
        top = r.mapping(root, FILE_KEYS, "法律登记册文件")
        for node in r.seq(top["laws"], "laws", empty_ok=True) if "laws" in top else ():
            self._law(r, node)
        for node in r.seq(top["mappings"], "mappings", empty_ok=True) if "mappings" in top else ():
            self.mappings.append(self._mapping(r, node))
        for node in r.seq(top["fines"], "fines", empty_ok=True) if "fines" in top else ():
            self.fines.append(self._fine(r, node))
        for node in r.seq(top["articles"], "articles", empty_ok=True) if "articles" in top else ():
            self.articles.append(self._article(r, node))
        for node in r.seq(top["renumbered"], "renumbered", empty_ok=True) if "renumbered" in top else ():
            self.renumbered.append(self._renumbering(r, node))

    def _article(self, r: NodeReader, node) -> ArticleShape:
        m = r.mapping(node, ARTICLE_KEYS, "条文结构", required={"law", "article", "paragraphs", "source"})
        texts = ()
        if "item_texts" in m:
            texts = tuple(tuple(r.text(t, "item_texts 的项") for t in r.seq(p, "item_texts 的款", empty_ok=True))
                          for p in r.seq(m["item_texts"], "item_texts"))
        return ArticleShape(
            law=r.text(m["law"], "law").strip("《》"),
            version=r.date(m["version"], "version", optional=True) if "version" in m else None,
            article=r.int(m["article"], "article", optional=False, minimum=1),
            paragraphs=tuple(r.int(n, "paragraphs 的项数", optional=False) for n in r.seq(m["paragraphs"], "paragraphs")),
            item_texts=texts,
            source=r.text(m["source"], "source"),
        )

    def _renumbering(self, r: NodeReader, node) -> Renumbering:
        m = r.mapping(node, RENUMBER_KEYS, "条文序号变化", required={"law", "from_version", "to_version", "article", "to_article", "source"})
        items = []
        for row in r.seq(m["items"], "items", empty_ok=True) if "items" in m else ():
            nums = r.ints(row, "items 的一项")
            if len(nums) != 5:
                r.fail(row, "items 的每一项应为 [原款, 原项, 新条, 新款, 新项]")
            items.append(nums)
        return Renumbering(
            law=r.text(m["law"], "law").strip("《》"),
            from_version=r.date(m["from_version"], "from_version"),
            to_version=r.date(m["to_version"], "to_version"),
            article=r.int(m["article"], "article", optional=False, minimum=1),
            to_article=r.int(m["to_article"], "to_article", optional=False, minimum=1),
            items=tuple(items),
            source=r.text(m["source"], "source"),
        )

    def _law(self, r: NodeReader, node) -> None:
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
        for name in r.seq(m["short"], "short", empty_ok=True) if "short" in m else ():
            s = r.text(name, "short 的名称").strip("《》")
            if s not in entry.short:
                entry.short.append(s)
        if "promulgated" in m:
            entry.promulgated = r.date(m["promulgated"], "promulgated", optional=True)
        if "in_force" in m:
            entry.in_force = r.date(m["in_force"], "in_force", optional=True)
        if "articles" in m:
            entry.articles = r.int(m["articles"], "articles", minimum=1, optional=True)
        if "source" in m:
            entry.source = r.text(m["source"], "source")
        for v in r.seq(m["versions"], "versions", empty_ok=True) if "versions" in m else ():
            vm = r.mapping(v, VERSION_KEYS, "versions 的一项")
            version = Version(
                published=r.date(vm["published"], "published", optional=True) if "published" in vm else None,
                in_force=r.date(vm["in_force"], "in_force", optional=True) if "in_force" in vm else None,
                articles=r.int(vm["articles"], "articles", minimum=1, optional=True) if "articles" in vm else None,
                source=r.text(vm["source"], "source", optional=True) if "source" in vm else "",
            )
            if version not in entry.versions:
                entry.versions.append(version)
        for ev in r.seq(m["status"], "status", empty_ok=True) if "status" in m else ():
            em = r.mapping(ev, EVENT_KEYS, "status 的一项", required={"event"})
            kind = r.value(em["event"], "event")
            if kind not in EVENTS:
                r.fail(em["event"], f"event“{kind}”无效（可选：{'、'.join(EVENTS)}）")
            event = StatusEvent(
                event=kind,
                on=r.date(em["on"], "on", optional=True) if "on" in em else None,
                by=r.text(em["by"], "by").strip("《》") if "by" in em else "",
                article=r.text(em["article"], "article") if "article" in em else "",
                note=r.text(em["note"], "note") if "note" in em else "",
                source=r.text(em["source"], "source") if "source" in em else "",
            )
            if event not in entry.status:
                entry.status.append(event)
        if not entry.source and not entry.status and not entry.versions:
            r.fail(node, f"条目《{title}》须写明 source（事实出处）")

    def _mapping(self, r: NodeReader, node) -> ArticleMapping:
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

    def _fine(self, r: NodeReader, node) -> FineRange:
        m = r.mapping(node, FINE_KEYS, "罚款幅度", required={"law", "article", "min", "source"})
        lo = r.int(m["min"], "min", optional=False)
        hi = r.int(m["max"], "max", optional=True) if "max" in m else None
        per_unit = r.int(m["per_unit"], "per_unit", minimum=1, optional=True) if "per_unit" in m else None
        if hi is None and per_unit is None:
            r.fail(node, "罚款幅度须有 max（上限）或 per_unit（按件计罚的单价）")
        if hi is not None and hi < lo:
            r.fail(m["max"], f"max（{hi}）小于 min（{lo}）")
        return FineRange(
            law=r.text(m["law"], "law").strip("《》"),
            article=r.int(m["article"], "article", optional=False, minimum=1),
            paragraph=r.int(m["paragraph"], "paragraph", minimum=1, optional=True) if "paragraph" in m else None,
            items=r.ints(m["items"], "items") if "items" in m else (),
            min=lo,
            max=hi,
            per_unit=per_unit,
            when=(r.text(m["when"], "when", optional=True) or None) if "when" in m else None,
            relative=r.bool(m["relative"], "relative") if "relative" in m else False,
            source=r.text(m["source"], "source"),
        )


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
            overlay = default_overlay_path()
        if overlay.is_file():
            data.add_text(_read(overlay, str(overlay)), str(overlay))
    return data


class _RegistryReader(NodeReader):
    error = RegistryFileError


def _read(entry, shown: str) -> str:
    try:
        return entry.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RegistryFileError(shown, None, "文件不是 UTF-8 编码") from None
