"""The bureau's stock in the review log: issued documents, 清理 runs, case files and their 评查.

Kept exactly as reviews are (``workbench.log.store``): every row is the payload of a
hash-chained event, nothing is updated, a correction is a row that ``supersedes``
another, and a chain's head is its current state. So ``log verify`` checks these
rows, and merge bundles carry them, with no code of their own (migration 0003).

    stock = StockRecords(log)
    ids = stock.add_issued([IssuedInput(...), …])        # one transaction, same bytes twice: one record
    stock.correct_issued(doc_id, {"expires": "2028-12-31"}, reason="以印发稿为准")
    run = stock.start_run(date(2026, 8, 15), "登记册")
    changes = stock.propose(run, [(doc_id, "amend", [Reason(...)], registry_code), …])
    stock.decide(run, doc_id, "repeal", reason="上位法已废止")
    stock.items(run)                                    # CleanupItem per document
    case = stock.add_cases([CaseInput(...)])[0]
    problem = stock.add_problem(case, "procedure", "未告知听证权利")
    stock.rectify(problem, responsible="张三", deadline=date(2026, 9, 30), progress="已补正", done=True)
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from workbench.errors import WorkbenchError
from workbench.log.chain import canonical
from workbench.log.errors import LogError
from workbench.log.store import ReviewLog, _iso, _pick_head, default_actor, new_uuid, utc_now
from workbench.stock.model import (
    CASE_CATEGORY_LABELS,
    EVALUATION_CONCLUSIONS,
    EVALUATION_LABELS,
    OUTCOME_LABELS,
    CaseFile,
    CaseProblem,
    CleanupItem,
    CleanupRun,
    IssuedDocument,
    Reason,
    Rectification,
    category_key,
    outcome_key,
)

ISSUED_FIELDS = ("title", "doc_number", "organ", "issued", "effective", "expires", "validity", "provisional")
ISSUED_FIELD_LABELS = {"title": "标题", "doc_number": "文号", "organ": "制定机关", "issued": "印发日期",
                       "effective": "施行日期", "expires": "有效期至", "validity": "有效期", "provisional": "暂行/试行"}
DATE_FIELDS = ("issued", "effective", "expires")
CASE_FIELDS = ("title", "doc_number", "party", "organ", "decided")
CASE_FIELD_LABELS = {"title": "标题", "doc_number": "文号", "party": "当事人", "organ": "作出机关", "decided": "作出日期"}


@dataclass(frozen=True)
class FileInput:
    """A file to register, and what was read off it."""

    file_name: str
    data: bytes
    sha256: str
    fields: dict  # issued: ISSUED_FIELDS; case files: title, doc_number, party, organ, decided


def _reasons(text: str) -> tuple[Reason, ...]:
    return tuple(Reason(r["kind"], r["text"], r.get("rule", "")) for r in json.loads(text or "[]"))


def _only_correctable(changes: dict, labels: dict) -> None:
    unknown = set(changes) - set(labels)
    if unknown:
        raise WorkbenchError(f"不能更正“{'、'.join(sorted(unknown))}”；可更正：{'、'.join(labels.values())}。")


def _correction_note(changed: list[str], labels: dict, reason: str) -> str:
    """更正标题、文号：以印发稿为准 — what a correction changed, and why."""
    return "更正" + "、".join(labels[k] for k in changed) + (f"：{reason.strip()}" if reason.strip() else "")


def _heads(rows: list[dict], key: str) -> dict[str, tuple[dict, int]]:
    """The head row of each chain grouped by ``key``, with the chain's length."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return {k: (_pick_head(v), len(v)) for k, v in groups.items()}


class StockRecords:
    """Reads and writes the stock tables of one open ``ReviewLog`` (on the log's thread)."""

    def __init__(self, log: ReviewLog):
        self.log = log

    # -- files -----------------------------------------------------------------

    def _store_files(self, files: list[FileInput], at: str) -> None:
        self.log.conn.executemany(
            "INSERT OR IGNORE INTO document_files (sha256, file_name, size, data, at) VALUES (?, ?, ?, ?, ?)",
            [(f.sha256, f.file_name, len(f.data), f.data, at) for f in files],
        )

    def file(self, sha256: str) -> tuple[str, bytes] | None:
        rows = self.log._query("SELECT file_name, data FROM document_files WHERE sha256 = ?", [sha256])
        return (rows[0]["file_name"], bytes(rows[0]["data"])) if rows else None

    # -- issued documents ------------------------------------------------------

    def _register(self, table: str, key: str, event: str, files: list[FileInput], make_row, actor: str | None):
        """Record one row per file whose bytes ``table`` does not hold yet, and keep the files;
        returns (id, newly added) per file, in order. ``key``: the column holding the id."""
        actor = actor or default_actor()
        at = utc_now()
        out: list[tuple[str, bool]] = []
        with self.log._write():
            known = {}
            for row in self.log._query(f"SELECT sha256, {key} FROM {table} ORDER BY at, uuid"):
                known.setdefault(row["sha256"], row[key])
            entries, new_files = [], []
            for f in files:
                if f.sha256 in known:
                    out.append((known[f.sha256], False))
                    continue
                uuid = known[f.sha256] = new_uuid()
                entries.append((table, event, {"uuid": uuid, "sha256": f.sha256, "file_name": f.file_name,
                                               **make_row(uuid, f.fields), "actor": actor, "at": at}))
                new_files.append(f)
                out.append((uuid, True))
            if entries:
                self.log._append(entries)
                self._store_files(new_files, at)
        return out

    def add_issued(self, files: list[FileInput], actor: str | None = None) -> list[tuple[str, bool]]:
        """Register issued documents; returns (document id, newly added) per file, in order.

        A file whose bytes are already registered keeps its record (and its corrections)."""
        return self._register("issued_documents", "document_id", "issued.registered", files, lambda uuid, v: {
            "document_id": uuid, **issued_values(v), "note": "", "supersedes": None}, actor)

    def correct_issued(self, document_id: str, changes: dict, *, reason: str = "", actor: str | None = None) -> str:
        """Correct what was misread (title, 文号, dates …); returns the new version's id."""
        _only_correctable(changes, ISSUED_FIELD_LABELS)
        actor = actor or default_actor()
        with self.log._write():
            doc_id = self.find_issued(document_id)
            head = _pick_head(self.log._query("SELECT * FROM issued_documents WHERE document_id = ?", [doc_id]))
            values = issued_values({**{k: head[k] for k in ISSUED_FIELDS}, **changes})
            changed = [k for k in ISSUED_FIELDS if values[k] != head[k]]
            if not changed:
                return head["uuid"]
            note = _correction_note(changed, ISSUED_FIELD_LABELS, reason)
            row = dict(head, **values, uuid=new_uuid(), note=note, supersedes=head["uuid"], actor=actor, at=utc_now())
            self.log._append([("issued_documents", "issued.corrected", row)])
        return row["uuid"]

    def find_issued(self, ref: str) -> str:
        """A document's stable id from its id (prefix) or its exact 文号."""
        ref = (ref or "").strip()
        rows = self.log._query("SELECT DISTINCT document_id FROM issued_documents WHERE doc_number = ?", [ref]) if ref else []
        if len(rows) == 1:
            return rows[0]["document_id"]
        with self.log._expected():
            return self.log._by_prefix("issued_documents", "document_id", ref, "登记的规范性文件")

    def issued(self) -> list[IssuedDocument]:
        """Every registered document's current particulars, by issuing date (newest first)."""
        heads = _heads(self.log._query("SELECT * FROM issued_documents"), "document_id")
        decided = self._latest_decisions()
        docs = [_issued_state(h, n, decided.get(k)) for k, (h, n) in heads.items()]
        return sorted(docs, key=lambda d: (d.issued or "", d.at, d.id), reverse=True)

    def issued_document(self, document_id: str) -> IssuedDocument:
        doc_id = self.find_issued(document_id)
        rows = self.log._query("SELECT * FROM issued_documents WHERE document_id = ?", [doc_id])
        return _issued_state(_pick_head(rows), len(rows), self._latest_decisions(doc_id).get(doc_id))

    def issued_history(self, document_id: str) -> list[IssuedDocument]:
        rows = self.log._query("SELECT * FROM issued_documents WHERE document_id = ? ORDER BY at, uuid", [document_id])
        return [_issued_state(r, i + 1, None) for i, r in enumerate(rows)]

    def _latest_decisions(self, document_id: str | None = None) -> dict[str, str]:
        """Each document's most recent confirmed 清理 outcome, over every run."""
        sql = "SELECT * FROM cleanup_decisions" + (" WHERE document_id = ?" if document_id else "")
        rows = self.log._query(sql, [document_id] if document_id else [])
        by_pair: dict[tuple, list[dict]] = defaultdict(list)
        for r in rows:
            by_pair[(r["run_uuid"], r["document_id"])].append(r)
        latest: dict[str, dict] = {}
        for chain in by_pair.values():
            head = _pick_head(chain)
            cur = latest.get(head["document_id"])
            if cur is None or (head["at"], head["uuid"]) > (cur["at"], cur["uuid"]):
                latest[head["document_id"]] = head
        return {k: v["outcome"] for k, v in latest.items()}

    # -- 清理 ------------------------------------------------------------------

    def start_run(self, as_of: date, source: str, actor: str | None = None) -> str:
        actor = actor or default_actor()
        row = {"uuid": new_uuid(), "as_of": _iso(as_of), "source": source, "actor": actor, "at": utc_now()}
        with self.log._write():
            self.log._append([("cleanup_runs", "cleanup.started", row)])
        return row["uuid"]

    def find_run(self, ref: str) -> str:
        with self.log._expected():
            return self.log._by_prefix("cleanup_runs", "uuid", ref, "清理")

    def runs(self) -> list[CleanupRun]:
        rows = self.log._query(
            """SELECT r.*, (SELECT COUNT(DISTINCT document_id) FROM cleanup_proposals p WHERE p.run_uuid = r.uuid) AS documents,
                      (SELECT COUNT(DISTINCT document_id) FROM cleanup_decisions d WHERE d.run_uuid = r.uuid) AS decided
               FROM cleanup_runs r ORDER BY r.at DESC, r.uuid"""
        )
        return [CleanupRun(r["uuid"], r["as_of"], r["source"], r["actor"], r["at"], r["documents"], r["decided"]) for r in rows]

    def run(self, run_id: str) -> CleanupRun:
        run_id = self.find_run(run_id)
        return next(r for r in self.runs() if r.id == run_id)

    def propose(self, run_id: str, proposals, actor: str | None = None) -> list[str]:
        """Record each (document id, outcome, reasons, registry code) that differs from the
        run's current proposal for that document; returns the ids of documents whose proposal changed
        (not those proposed for the first time)."""
        actor = actor or "工作台"  # the program proposes; people decide
        at = utc_now()
        changed: list[str] = []
        with self.log._write():
            current = {k: h for k, (h, _) in _heads(
                self.log._query("SELECT * FROM cleanup_proposals WHERE run_uuid = ?", [run_id]), "document_id").items()}
            entries = []
            for document_id, outcome, reasons, registry in proposals:
                if outcome not in OUTCOME_LABELS:
                    raise WorkbenchError(f"清理结论“{outcome}”无效。")
                text = canonical([r.to_json() for r in reasons])
                head = current.get(document_id)
                if head and head["outcome"] == outcome and head["reasons"] == text:
                    continue
                if head:
                    changed.append(document_id)
                entries.append(("cleanup_proposals", "cleanup.proposed", {
                    "uuid": new_uuid(), "run_uuid": run_id, "document_id": document_id, "outcome": outcome,
                    "reasons": text, "registry": registry, "supersedes": head["uuid"] if head else None,
                    "actor": actor, "at": at,
                }))
            if entries:
                self.log._append(entries)
        return changed

    def decide(self, run_id: str, document_id: str, outcome: str, *, reason: str = "", actor: str | None = None) -> str:
        """The bureau confirms or changes the proposed outcome; a change needs a reason."""
        key = outcome_key(outcome)
        if key is None:
            raise WorkbenchError(f"清理结论“{outcome}”无效，应为 {'、'.join(OUTCOME_LABELS.values())} 之一。")
        reason = (reason or "").strip()
        actor = actor or default_actor()
        with self.log._write():
            run_id = self.log._by_prefix("cleanup_runs", "uuid", run_id, "清理")
            doc_id = self.find_issued(document_id)
            proposal = _pick_head(self.log._query(
                "SELECT * FROM cleanup_proposals WHERE run_uuid = ? AND document_id = ?", [run_id, doc_id]))
            if proposal is None:
                raise WorkbenchError("该文件不在这次清理中。请先对它运行清理（workbench cleanup）。")
            if key != proposal["outcome"] and not reason:
                raise WorkbenchError(
                    f"清理建议为“{OUTCOME_LABELS[proposal['outcome']]}”，改为“{OUTCOME_LABELS[key]}”时须写明理由（--reason）。")
            head = _pick_head(self.log._query(
                "SELECT * FROM cleanup_decisions WHERE run_uuid = ? AND document_id = ?", [run_id, doc_id]))
            if head and head["outcome"] == key and head["reason"] == reason and head["proposal_uuid"] == proposal["uuid"]:
                return head["uuid"]
            row = {"uuid": new_uuid(), "run_uuid": run_id, "document_id": doc_id, "proposal_uuid": proposal["uuid"],
                   "outcome": key, "reason": reason, "supersedes": head["uuid"] if head else None,
                   "actor": actor, "at": utc_now()}
            self.log._append([("cleanup_decisions", "cleanup.decided", row)])
        return row["uuid"]

    def items(self, run_id: str, issued: list[IssuedDocument] | None = None) -> list[CleanupItem]:
        """Every document of a run with its current proposal, what the last re-check changed, and the decision.

        ``issued``: ``self.issued()`` when the caller has just read it."""
        run_id = self.find_run(run_id)
        proposals = self.log._query("SELECT * FROM cleanup_proposals WHERE run_uuid = ?", [run_id])
        decisions = self.log._query("SELECT * FROM cleanup_decisions WHERE run_uuid = ?", [run_id])
        docs = {d.id: d for d in (issued if issued is not None else self.issued())}
        items = _items(proposals, decisions, docs)
        return sorted(items, key=lambda i: (i.document.issued or "", i.document.id))

    def item(self, run_id: str, document_id: str) -> CleanupItem:
        """One document of a run, as ``items`` gives it, read from that document's rows only
        (what the window shows after a decision, without re-reading the run)."""
        run_id = self.find_run(run_id)
        doc = self.issued_document(document_id)
        where = "WHERE run_uuid = ? AND document_id = ?"
        [item] = _items(self.log._query(f"SELECT * FROM cleanup_proposals {where}", [run_id, doc.id]),
                        self.log._query(f"SELECT * FROM cleanup_decisions {where}", [run_id, doc.id]), {doc.id: doc})
        return item

    # -- case files (案卷评查) ----------------------------------------------------

    def add_cases(self, files: list[FileInput], actor: str | None = None) -> list[tuple[str, bool]]:
        """Register closed decisions as case files; the same bytes twice are one case file."""
        return self._register("case_files", "uuid", "case.registered", files, lambda uuid, v: case_values(v), actor)

    def find_case(self, ref: str) -> str:
        """A case file's id from its id (prefix) or its exact 文号 (as read or as corrected)."""
        ref = (ref or "").strip()
        rows = self.log._query("SELECT uuid FROM case_files WHERE doc_number = ? UNION "
                               "SELECT case_uuid FROM case_corrections WHERE doc_number = ?", [ref, ref]) if ref else []
        if len(rows) == 1:
            return rows[0]["uuid"]
        with self.log._expected():
            return self.log._by_prefix("case_files", "uuid", ref, "案卷")

    def correct_case(self, case_id: str, changes: dict, *, reason: str = "", actor: str | None = None) -> str | None:
        """Correct what was misread off a decision (当事人, 作出日期, title, 文号, organ): a row of
        ``case_corrections`` holding the whole corrected particulars; the registered row stays.
        Returns the correction's id, or None when nothing differs from what is recorded."""
        _only_correctable(changes, CASE_FIELD_LABELS)
        actor = actor or default_actor()
        with self.log._write():
            case_id = self.find_case(case_id)
            [registered] = self.log._query("SELECT * FROM case_files WHERE uuid = ?", [case_id])
            head = _pick_head(self.log._query("SELECT * FROM case_corrections WHERE case_uuid = ?", [case_id]))
            current = {k: (head or registered)[k] for k in CASE_FIELDS}
            values = case_values({**current, **changes})
            changed = [k for k in CASE_FIELDS if values[k] != current[k]]
            if not changed:
                return None
            note = _correction_note(changed, CASE_FIELD_LABELS, reason)
            row = {"uuid": new_uuid(), "case_uuid": case_id, **values, "note": note,
                   "supersedes": head["uuid"] if head else None, "actor": actor, "at": utc_now()}
            self.log._append([("case_corrections", "case.particulars_corrected", row)])
        return row["uuid"]

    def case_history(self, case_id: str) -> list[dict]:
        """The particulars as registered, then each correction (oldest first): dicts of CASE_FIELDS
        with ``note``, ``actor`` and ``at``."""
        case_id = self.find_case(case_id)
        rows = self.log._query("SELECT * FROM case_files WHERE uuid = ?", [case_id])
        rows += self.log._query("SELECT * FROM case_corrections WHERE case_uuid = ? ORDER BY at, uuid", [case_id])
        return [{**{k: r[k] for k in CASE_FIELDS}, "note": r.get("note") or "", "actor": r["actor"], "at": r["at"]}
                for r in rows]

    def find_problem(self, ref: str) -> str:
        with self.log._expected():
            return self.log._by_prefix("case_problems", "problem_id", ref, "评查问题")

    def cases(self, year: int | None = None) -> list[CaseFile]:
        """Case files (with their evaluation, problems and rectifications), by decision date.

        ``year``: the case files evaluated in that year, and those not yet evaluated that were
        decided in it or await evaluation now (``year`` is this year)."""
        cases = self.log._query("SELECT * FROM case_files")
        corrections = _heads(self.log._query("SELECT * FROM case_corrections"), "case_uuid")
        evaluations = {k: h for k, (h, _) in _heads(self.log._query("SELECT * FROM case_evaluations"), "case_uuid").items()}
        problems = defaultdict(list)
        rect = {k: h for k, (h, _) in _heads(self.log._query("SELECT * FROM rectifications"), "problem_id").items()}
        for head, _n in _heads(self.log._query("SELECT * FROM case_problems"), "problem_id").values():
            if not head["withdrawn"]:
                problems[head["case_uuid"]].append(_problem_state(head, rect.get(head["problem_id"])))
        out = []
        for c in cases:
            ev = evaluations.get(c["uuid"])
            fixed, n = corrections.get(c["uuid"], (None, 0))
            now = fixed or c  # the particulars as last corrected
            state = CaseFile(
                id=c["uuid"], sha256=c["sha256"], file_name=c["file_name"], title=now["title"], doc_number=now["doc_number"],
                party=now["party"], organ=now["organ"], decided=now["decided"], actor=c["actor"], at=c["at"],
                note=fixed["note"] if fixed else "", versions=n + 1,
                evaluator=ev["evaluator"] if ev else "", evaluated=ev["evaluated"] if ev else None,
                conclusion=ev["conclusion"] if ev else "",
                problems=tuple(sorted(problems.get(c["uuid"], []), key=lambda p: (p.at, p.id))),
            )
            if year is not None and not _in_year(state, year, c["at"]):
                continue
            out.append(state)
        return sorted(out, key=lambda c: (c.decided or "", c.at, c.id))

    def case(self, case_id: str) -> CaseFile:
        case_id = self.find_case(case_id)
        return next(c for c in self.cases() if c.id == case_id)

    def evaluate(self, case_id: str, conclusion: str, *, evaluator: str = "", evaluated: date | None = None,
                 actor: str | None = None) -> str:
        """Record (or correct) the evaluation of a case file: who, when, and the 评查结论."""
        keys = {v: k for k, v in EVALUATION_LABELS.items()}
        conclusion = keys.get(conclusion, conclusion)
        if conclusion not in EVALUATION_CONCLUSIONS:
            raise WorkbenchError(f"评查结论“{conclusion}”无效，应为 {'、'.join(EVALUATION_LABELS.values())} 之一。")
        actor = actor or default_actor()
        with self.log._write():
            case_id = self.find_case(case_id)
            head = _pick_head(self.log._query("SELECT * FROM case_evaluations WHERE case_uuid = ?", [case_id]))
            row = {"uuid": new_uuid(), "case_uuid": case_id, "evaluator": evaluator or actor,
                   "evaluated": _iso(evaluated or date.today()), "conclusion": conclusion,
                   "supersedes": head["uuid"] if head else None, "actor": actor, "at": utc_now()}
            self.log._append([("case_evaluations", "case.corrected" if head else "case.evaluated", row)])
        return row["uuid"]

    def add_problem(self, case_id: str, category: str, description: str, *, rule: str = "", excerpt: str = "",
                    basis=(), actor: str | None = None) -> str:
        """Record a problem the evaluator found (from a finding, or by hand); returns its id."""
        key = category_key(category)
        if key is None:
            raise WorkbenchError(f"问题类别“{category}”无效，应为 {'、'.join(CASE_CATEGORY_LABELS.values())} 之一。")
        description = (description or "").strip()
        if not description:
            raise WorkbenchError("请写明存在的问题（--text）。")
        actor = actor or default_actor()
        with self.log._write():
            case_id = self.find_case(case_id)
            uuid = new_uuid()
            self.log._append([("case_problems", "case.problem", {
                "uuid": uuid, "problem_id": uuid, "case_uuid": case_id, "category": key, "description": description,
                "rule": rule or "", "excerpt": excerpt or "", "basis": canonical(list(basis)), "withdrawn": 0,
                "supersedes": None, "actor": actor, "at": utc_now(),
            })])
        return uuid

    def edit_problem(self, problem_id: str, *, category: str | None = None, description: str | None = None,
                     withdraw: bool = False, actor: str | None = None) -> str:
        actor = actor or default_actor()
        with self.log._write():
            pid = self.find_problem(problem_id)
            head = _pick_head(self.log._query("SELECT * FROM case_problems WHERE problem_id = ?", [pid]))
            key = category_key(category) if category else head["category"]
            if key is None:
                raise WorkbenchError(f"问题类别“{category}”无效，应为 {'、'.join(CASE_CATEGORY_LABELS.values())} 之一。")
            row = dict(head, uuid=new_uuid(), category=key,
                       description=(description or "").strip() or head["description"],
                       withdrawn=int(withdraw), supersedes=head["uuid"], actor=actor, at=utc_now())
            self.log._append([("case_problems", "case.problem_withdrawn" if withdraw else "case.problem_edited", row)])
        return row["uuid"]

    def rectify(self, problem_id: str, *, responsible: str, deadline: date | None = None, progress: str = "",
                done: bool = False, actor: str | None = None) -> str:
        """Record the rectification of a problem (一案一整改): who, by when, what was done, done or not."""
        responsible = (responsible or "").strip()
        if not responsible:
            raise WorkbenchError("请写明整改责任人（--by）。")
        actor = actor or default_actor()
        with self.log._write():
            pid = self.find_problem(problem_id)
            problem = _pick_head(self.log._query("SELECT * FROM case_problems WHERE problem_id = ?", [pid]))
            if problem["withdrawn"]:
                raise LogError("该问题已撤销，无需整改。")
            head = _pick_head(self.log._query("SELECT * FROM rectifications WHERE problem_id = ?", [pid]))
            row = {"uuid": new_uuid(), "problem_id": pid, "case_uuid": problem["case_uuid"], "responsible": responsible,
                   "deadline": _iso(deadline), "progress": (progress or "").strip(), "done": int(bool(done)),
                   "supersedes": head["uuid"] if head else None, "actor": actor, "at": utc_now()}
            if head and all(head[k] == row[k] for k in ("responsible", "deadline", "progress", "done")):
                return head["uuid"]
            self.log._append([("rectifications", "case.rectification", row)])
        return row["uuid"]


def _items(proposals: list[dict], decisions: list[dict], docs: dict[str, IssuedDocument]) -> list[CleanupItem]:
    by_uuid = {p["uuid"]: p for p in proposals}
    decided = {k: h for k, (h, _) in _heads(decisions, "document_id").items()}
    items = []
    for doc_id, (head, _n) in _heads(proposals, "document_id").items():
        previous = by_uuid.get(head["supersedes"]) if head["supersedes"] else None
        decision = decided.get(doc_id)
        items.append(CleanupItem(
            document=docs[doc_id], proposal_id=head["uuid"], outcome=head["outcome"], reasons=_reasons(head["reasons"]),
            previous_outcome=previous["outcome"] if previous else None,
            previous_reasons=_reasons(previous["reasons"]) if previous else (),
            decision=decision["outcome"] if decision else None,
            decision_reason=decision["reason"] if decision else "",
            decided_by=decision["actor"] if decision else "", decided_at=decision["at"] if decision else "",
            decision_stale=bool(decision and decision["proposal_uuid"] != head["uuid"]),
        ))
    return items


def _in_year(case: CaseFile, year: int, registered: str) -> bool:
    if case.evaluated:
        return int(case.evaluated[:4]) == year
    return year == date.today().year or int((case.decided or registered)[:4]) == year


def issued_values(fields: dict) -> dict:
    """The stored form of an issued document's particulars (ISO dates, 0/1), refusing an impossible date."""
    out = {}
    for k in ISSUED_FIELDS:
        v = fields.get(k)
        if k in DATE_FIELDS:
            v = _iso(v) or None
            if v:
                try:
                    date.fromisoformat(v)
                except ValueError:
                    raise WorkbenchError(f"{ISSUED_FIELD_LABELS[k]}“{v}”不是有效日期，请写成 2026-08-15 的形式。") from None
        elif k == "provisional":
            v = int(bool(v))
        else:
            v = (v or "").strip()
        out[k] = v
    return out


def case_values(fields: dict) -> dict:
    """The stored form of a case file's particulars (trimmed text, an ISO date), refusing an impossible date."""
    out = {k: (fields.get(k) or "").strip() for k in CASE_FIELDS if k != "decided"}
    decided = _iso(fields.get("decided")) or None
    if decided:
        try:
            date.fromisoformat(decided)
        except ValueError:
            raise WorkbenchError(f"作出日期“{decided}”不是有效日期，请写成 2026-08-15 的形式。") from None
    out["decided"] = decided
    return out


def _issued_state(row: dict, versions: int, decided: str | None) -> IssuedDocument:
    return IssuedDocument(
        id=row["document_id"], version=row["uuid"], sha256=row["sha256"], file_name=row["file_name"],
        title=row["title"], doc_number=row["doc_number"], organ=row["organ"], issued=row["issued"],
        effective=row["effective"], expires=row["expires"], validity=row["validity"],
        provisional=bool(row["provisional"]), note=row["note"], versions=versions, actor=row["actor"], at=row["at"],
        decided=decided,
    )


def _problem_state(row: dict, rect: dict | None) -> CaseProblem:
    return CaseProblem(
        id=row["problem_id"], version=row["uuid"], case_id=row["case_uuid"], category=row["category"],
        description=row["description"], rule=row["rule"], excerpt=row["excerpt"],
        basis=tuple(json.loads(row["basis"] or "[]")), actor=row["actor"], at=row["at"],
        rectification=Rectification(rect["uuid"], rect["responsible"], rect["deadline"], rect["progress"],
                                    bool(rect["done"]), rect["actor"], rect["at"]) if rect else None,
    )
