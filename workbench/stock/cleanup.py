"""规范性文件清理: re-check every issued document as of a date and propose what to do with it.

``assess(doc, issued, as_of)`` re-checks one document against the law registry (every
citation: repealed, and which 法典 articles now govern the cited article) and the rule
packs (``Engine.check(doc, as_of=…)``: provisions that create licences, penalties or fees,
reduce rights, restrict competition, fines beyond the statute …), and reads its validity
period; it proposes one of 继续有效 / 修改 / 废止 / 宣布失效 with the reasons:

- 宣布失效 when its validity period ended before the date;
- 废止 when it exists to carry out a law (the law is named in its title) that is repealed;
- 修改 when it cites repealed law, holds an unlawful provision, or states a period beyond the limit;
- 继续有效 otherwise (a period ending within the reminder window is noted).

``run_cleanup`` does this for a folder (registered first) or for the whole register and
records the run in the log; ``recheck`` runs an earlier run again with today's registry
(e.g. after the user's overlay recorded a repeal) and returns what changed. Bureau staff
then confirm or change each outcome (``StockRecords.decide``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from workbench.checking import builtin_engine
from workbench.intake import Document
from workbench.laws import OVERLAY_NAME, default_registry, find_citations, reset_default_registry
from workbench.laws.citations import cn
from workbench.laws.data import shipped_registry_root
from workbench.log.stock import StockRecords, issued_values
from workbench.progress import NO_PROGRESS, Progress
from workbench.rules import Engine
from workbench.stock.model import DEFAULT_REMINDER_DAYS, IssuedDocument, Reason
from workbench.stock.reading import files_in, parse_stored, read_files
from workbench.stock.validity import Validity, add_years, period_problems

REGISTER_SOURCE = "登记册"
# Findings that make a provision unlawful (修改); procedure findings are about drafting
# (a missing 解释机关 …) and the validity period is judged here, not by the packs.
_UNLAWFUL_SEVERITIES = ("error",)
_SKIPPED_CATEGORIES = {("legality", "procedure"), ("citation", "repealed")}


@dataclass(frozen=True)
class Assessment:
    outcome: str
    reasons: tuple[Reason, ...]


@dataclass
class RunReport:
    run_id: str
    as_of: date
    documents: int = 0
    added: int = 0  # newly registered from the folder
    changed: list[str] = field(default_factory=list)  # document ids whose proposal a re-check changed
    errors: list[str] = field(default_factory=list)  # files that could not be read


_overlay_stamp: tuple | None = None  # the overlay as it was when this process last (re)loaded the registry


def _overlay_path():
    from workbench.paths import data_dir

    return data_dir(create=False) / OVERLAY_NAME


def ensure_current_registry() -> None:
    """Reload the registry when the user's overlay changed since it was loaded (e.g. a repeal
    recorded meanwhile). Reloading parses 1,200 entries: done only when needed."""
    global _overlay_stamp
    path = _overlay_path()
    stamp = (str(path), path.stat().st_mtime_ns, path.stat().st_size) if path.is_file() else ("none",)
    if stamp != _overlay_stamp:
        if _overlay_stamp is not None or stamp != ("none",):  # first call without an overlay: shipped data only
            reset_default_registry()
        _overlay_stamp = stamp


def registry_code() -> str:
    """A short fingerprint of the registry files in force (shipped and the user's overlay),
    recorded with each proposal so a later change of the registry can be named."""
    h = hashlib.sha256()
    root = shipped_registry_root()
    for entry in sorted((e for e in root.iterdir() if e.name.endswith((".yaml", ".yml"))), key=lambda e: e.name):
        h.update(entry.read_bytes())
    overlay = _overlay_path()
    if overlay.is_file():
        h.update(b"overlay\n" + overlay.read_bytes())
    return h.hexdigest()[:12]


def _cn_date(d) -> str:
    if d is None:
        return "（日期不详）"
    d = d if isinstance(d, date) else date.fromisoformat(d)
    return f"{d.year}年{d.month}月{d.day}日"


def repealed_citations(doc: Document, as_of: date) -> list[Reason]:
    """One reason per repealed law cited, naming the articles cited and the 法典 article that now governs each."""
    registry = default_registry()
    laws: dict[str, tuple] = {}  # title → (verdict, {article ref text: successors})
    for c in find_citations(doc.norm.text):
        v = registry.verdict(c.title, as_of)
        if v.state != "repealed":
            continue
        _, refs = laws.setdefault(v.entry.title, (v, {}))
        for r in c.refs:
            ref = f"第{cn(r.article)}条" + (f"第（{cn(r.item)}）项" if r.item else "")
            refs.setdefault(ref, [f"《{m.to_law}》{m.to_article}" for m in registry.replacement(v.entry, r.article, r.item)])
    out = []
    for title, (v, refs) in laws.items():
        ev = v.event
        text = f"引用的《{title}》" + ("、".join(refs) if refs else "") + f"已于{_cn_date(ev.on)}废止"
        text += f"（《{ev.by}》{ev.article}）" if ev.by else ""
        mapped = [f"{ref}现为{'、'.join(dict.fromkeys(to))}" for ref, to in refs.items() if to]
        if mapped:
            text += "；" + "，".join(mapped)
        unmapped = [ref for ref, to in refs.items() if not to]
        if ev.by and (unmapped or not refs):
            text += f"；{'、'.join(unmapped) if unmapped else '其'}应改引《{ev.by}》相应条文"
        out.append(Reason("repealed", text, "registry"))
    return out


def _finding_reason(doc: Document, f) -> Reason:
    where = f"第{f.paragraph}段" if f.paragraph else "全文"
    excerpt = (f.excerpt or "").replace("\n", "")
    if len(excerpt) > 40:
        excerpt = excerpt[:40] + "…"
    return Reason("unlawful", f"{f.message}（{where}：“{excerpt}”）" if excerpt else f.message, f.rule)


def _implements_repealed_law(issued: IssuedDocument, as_of: date) -> str:
    """The repealed law this document exists to carry out (named in its title), if any."""
    registry = default_registry()
    for c in find_citations(issued.title or ""):
        v = registry.verdict(c.title, as_of)
        if v.state == "repealed":
            return v.entry.title
    return ""


def assess(doc: Document, issued: IssuedDocument, as_of: date, *, engine: Engine | None = None,
           window_days: int = DEFAULT_REMINDER_DAYS, validity: Validity | None = None) -> Assessment:
    """The proposed outcome for one document as of ``as_of``, with its reasons."""
    engine = engine or builtin_engine()
    reasons: list[Reason] = []
    expires = date.fromisoformat(issued.expires) if issued.expires else None
    if expires and expires < as_of:
        stated = f"（{issued.validity}）" if issued.validity else f"（未载明有效期，按{validity_of(issued).limit.years}年推定）"
        reasons.append(Reason("expired", f"有效期已于{_cn_date(expires)}届满{stated}"))
        return Assessment("lapse", tuple(reasons))
    repealed = repealed_citations(doc, as_of)
    reasons += repealed
    for f in engine.check(doc, as_of=as_of):
        if f.severity in _UNLAWFUL_SEVERITIES and (f.review, f.category) not in _SKIPPED_CATEGORIES:
            reasons.append(_finding_reason(doc, f))
    for text in period_problems(validity or validity_of(issued)):
        reasons.append(Reason("period", text))
    if expires and expires <= as_of + timedelta(days=window_days):
        reasons.append(Reason("expiring", f"有效期将于{_cn_date(expires)}届满（尚余{(expires - as_of).days}日），"
                                          "届满前应评估是否继续施行"))
    implemented = _implements_repealed_law(issued, as_of)
    if implemented:
        reasons.insert(0, Reason("repealed", f"本文件为实施《{implemented}》而制定，该法已废止"))
        return Assessment("repeal", tuple(reasons))
    if repealed or any(r.kind in ("unlawful",) for r in reasons) or any(
            r.kind == "period" and "超过" in r.text for r in reasons):
        return Assessment("amend", tuple(reasons))
    return Assessment("continue", tuple(reasons))


def validity_of(issued: IssuedDocument) -> Validity:
    """The period as registered (the text as read, or as the user corrected it)."""
    effective = date.fromisoformat(issued.effective) if issued.effective else None
    expires = date.fromisoformat(issued.expires) if issued.expires else None
    years = None
    if effective and expires and issued.validity:
        whole = round((expires - effective).days / 365.25)
        exact = whole and add_years(effective, whole) - timedelta(days=1) == expires
        years = float(whole) if exact else round(((expires - effective).days + 1) / 365.25, 2)
    return Validity(effective, expires, issued.validity, issued.provisional, years)


def _documents_of(stock: StockRecords, run_id: str | None) -> list[IssuedDocument]:
    docs = stock.issued()
    if run_id is None:
        return [d for d in docs if d.decided not in ("repeal", "lapse")]
    ids = {i.document.id for i in stock.items(run_id)}
    return [d for d in docs if d.id in ids]


def _assess_all(stock: StockRecords, docs: list[IssuedDocument], as_of: date, progress: Progress, first: float,
                window_days: int) -> list[tuple]:
    engine = builtin_engine()
    code = registry_code()
    out = []
    for n, issued in enumerate(docs):
        progress.step(f"正在核查 {issued.title or issued.file_name}（{n + 1}/{len(docs)}）",
                      first + (0.98 - first) * n / max(len(docs), 1))
        doc = parse_stored(*stock.file(issued.sha256), kind="normative")
        a = assess(doc, issued, as_of, engine=engine, window_days=window_days)
        out.append((issued.id, a.outcome, list(a.reasons), code))
    return out


def _as_registered(record, existing: IssuedDocument | None) -> IssuedDocument:
    """The document as the register will hold it: its record if already registered (with the
    user's corrections), else what was just read off it."""
    if existing is not None:
        return existing
    v = issued_values(record.fields)
    return IssuedDocument(id="", version="", sha256=record.sha256, file_name=record.file_name, title=v["title"],
                          doc_number=v["doc_number"], organ=v["organ"], issued=v["issued"], effective=v["effective"],
                          expires=v["expires"], validity=v["validity"], provisional=bool(v["provisional"]), note="")


def run_cleanup(log, as_of: date, target=None, *, progress: Progress = NO_PROGRESS, actor: str | None = None,
                window_days: int = DEFAULT_REMINDER_DAYS) -> RunReport:
    """A new 清理 run as of ``as_of``: of the files under ``target`` (registered first), or of
    every document in the register still in force when ``target`` is None."""
    stock = StockRecords(log)
    ensure_current_registry()
    if target is None:
        docs = _documents_of(stock, None)
        run_id = stock.start_run(as_of, REGISTER_SOURCE, actor=actor)
        proposals = _assess_all(stock, docs, as_of, progress, 0.0, window_days)
        progress.step("正在记录清理结果", 0.99)
        stock.propose(run_id, proposals)
        return RunReport(run_id, as_of, len(docs), 0, [], [])
    # A folder: read and check each file in turn (one document in memory at a time), then
    # register the new ones and record the run in two transactions.
    engine, code = builtin_engine(), registry_code()
    registered = {d.sha256: d for d in stock.issued()}
    paths = files_in(target)
    records, assessed, errors, seen = [], [], [], set()
    for n, path in enumerate(paths):
        [read] = read_files([path], "normative", progress, 0.98 * n / max(len(paths), 1), 0.98 * n / max(len(paths), 1))
        if read.record is None:
            errors.append(f"{path.name}：{read.error}")
            continue
        progress.step(f"正在核查 {path.name}（{n + 1}/{len(paths)}）", 0.98 * (n + 0.5) / max(len(paths), 1))
        if read.record.sha256 in seen:
            continue  # the same bytes twice in the folder: one document
        seen.add(read.record.sha256)
        issued = _as_registered(read.record, registered.get(read.record.sha256))
        records.append(read.record)
        assessed.append((read.record.sha256, assess(read.document, issued, as_of, engine=engine, window_days=window_days)))
    progress.step("正在登记并记录清理结果", 0.99)
    ids = stock.add_issued(records, actor=actor)
    by_sha = {r.sha256: doc_id for r, (doc_id, _new) in zip(records, ids)}
    run_id = stock.start_run(as_of, str(Path(target).expanduser()), actor=actor)
    stock.propose(run_id, [(by_sha[sha], a.outcome, list(a.reasons), code) for sha, a in assessed])
    return RunReport(run_id, as_of, len(set(by_sha.values())), sum(1 for _, new in ids if new), [], errors)


def recheck(log, run_id: str, *, progress: Progress = NO_PROGRESS, window_days: int = DEFAULT_REMINDER_DAYS) -> RunReport:
    """Run an earlier run again with the registry and packs in force now; the proposals
    that differ are recorded (superseding the old ones) and their documents returned."""
    stock = StockRecords(log)
    ensure_current_registry()
    run = stock.run(run_id)
    as_of = date.fromisoformat(run.as_of)
    docs = _documents_of(stock, run.id)
    proposals = _assess_all(stock, docs, as_of, progress, 0.0, window_days)
    progress.step("正在记录清理结果", 0.99)
    changed = stock.propose(run.id, proposals)
    return RunReport(run.id, as_of, len(docs), 0, changed, [])
