"""The review log: one SQLite file, append-only, hash-chained.

How it is kept
- The ``events`` table is the source of truth. Every change is one event whose
  payload is the complete record it adds; the record tables (documents,
  reviews, findings, dispositions, opinions, closures) hold the same rows so
  that queries are plain SQL with indexes. Both are written in one
  ``BEGIN IMMEDIATE`` transaction, so a crash leaves both or neither.
- Nothing is overwritten: editing an opinion, disposing of a finding again or
  correcting a conclusion adds a row whose ``supersedes`` names the row it
  replaces. The current state is the head of each chain of rows (the row no
  other row supersedes); when a merge leaves two heads, the later ``at`` (then
  the larger uuid) wins, the same on every machine.
- Each event carries the hash of the one before it (``workbench.log.chain``).
  ``verify`` recomputes the chain and compares every record row with the
  payload of its event, so an edit to any stored row by another program is
  named by table, record and event number.
- Merging (``workbench.log.bundle``): records and events carry UUIDs and keep
  them everywhere. An imported event keeps its uuid, origin (the log it was
  first written to), time, actor and payload, and is re-chained into the
  importing log's chain (new local ``seq``, ``prev_hash`` and ``hash``). Each
  file's chain thus stays verifiable on its own; importing an event the log
  already holds is skipped, so importing a bundle twice changes nothing.

Expected failures (locked, read-only, disk full, corrupt, newer schema) raise
``workbench.log.errors`` classes; the transaction is rolled back. A file whose
schema is newer than this program is inspected read-only and refused untouched.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
import uuid as uuidlib
from collections import defaultdict
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.log import schema
from workbench.log.chain import canonical, event_hash
from workbench.log.errors import (
    LogCorruptError,
    LogError,
    LogFullError,
    LogReadOnlyError,
    LogTooNewError,
    LogUnavailableError,
    RecordNotFoundError,
    disk_full,
    raise_expected,
)
from workbench.log.model import (
    CONCLUSION_LABELS,
    DISPOSITION_ACTIONS,
    DISPOSITION_STATUSES,
    FINDING_REVIEWS_FOR_TYPE,
    REVIEW_TYPE_LABELS,
    REVIEW_TYPES,
    DocumentRecord,
    Event,
    FindingState,
    ImportReport,
    OpinionState,
    ReviewState,
    ReviewSummary,
    VerifyReport,
)
from workbench.paths import data_dir

LOG_FILE_NAME = "log.sqlite3"
DB_ENV = "WORKBENCH_DB"
DEFAULT_TIMEOUT = 5.0  # seconds to wait for another writer before giving up


def default_log_path() -> Path:
    """``$WORKBENCH_DB`` if set, else ``log.sqlite3`` in the data directory."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / LOG_FILE_NAME


def resolve_log_path(path=None) -> Path:
    return Path(path).expanduser() if path else default_log_path()


def default_actor() -> str:
    """Who is acting: the reviewer named in the settings, else the login name."""
    from workbench.settings import load_settings

    try:
        name = str(load_settings().get("reviewer") or "")
    except WorkbenchError:
        name = ""
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no login name (some service accounts): still record something
            name = "unknown"
    return name


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def _iso(value: date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def _pick_head(rows: list[dict]) -> dict | None:
    """The current row of a supersedes chain (see the module docstring)."""
    if not rows:
        return None
    superseded = {r["supersedes"] for r in rows if r.get("supersedes")}
    heads = [r for r in rows if r["uuid"] not in superseded] or rows
    return max(heads, key=lambda r: (r["at"], r["uuid"]))


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?mode={mode}"


class ReviewLog:
    """The office's record. One instance per thread; writes take the file's write lock."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool):
        self.conn = conn
        # As sqlite-utils' Database(conn) does; that object is made only for migrations (see ``db``).
        conn.execute("PRAGMA recursive_triggers=on;")
        self._db = None
        self.path = path
        self.readonly = readonly
        self.readonly_reason = ""  # why a log asked for read-write was opened read-only
        self.disk_was_full = False  # opened read-only because the disk was full
        self.log_id = ""

    @property
    def db(self):
        """sqlite-utils' view of the connection, which only the migrations use (imported when needed)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def _pending_migrations(self) -> list:
        """The migrations this file has not run. Asked of SQLite first: an up-to-date log
        (every start but the first) needs no sqlite-utils at all."""
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "_sqlite_migrations" in tables:
            applied = {r[0] for r in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [schema.MIGRATION_SET])}
            if applied.issuperset(schema.MIGRATION_NAMES):
                return []
        return schema.migrations.pending(self.db)

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, path=None, *, readonly: bool = False, timeout: float | None = None) -> "ReviewLog":
        """Open (creating if needed, unless ``readonly``) the log at ``path`` or the default place.

        ``timeout``: seconds to wait for another writer (default ``DEFAULT_TIMEOUT``).
        """
        path = resolve_log_path(path)
        timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        exists = path.exists() and path.stat().st_size > 0
        if exists:
            if path.is_dir():
                raise LogUnavailableError(path, "这是一个文件夹，不是日志文件")
            _inspect(path, timeout)
        elif readonly:
            raise LogUnavailableError(path, "日志文件不存在（尚未记录过任何审查？）")
        elif not path.parent.is_dir():
            raise LogUnavailableError(path, f"文件夹“{path.parent}”不存在")
        if exists and not readonly:
            # Read-only media or a folder without write permission: reading must still work.
            reason = _not_writable(path)
            if reason:
                return cls._connect(path, True, timeout, reason)
            try:
                return cls._connect(path, False, timeout, "")
            except LogFullError:
                log = cls._connect(path, True, timeout, (
                    f"磁盘空间已满，审查日志“{path}”已以只读方式打开：可以查看、打印和导出，不能记录。"
                    "请清理磁盘空间后重新打开工作台"))
                log.disk_was_full = True
                return log
        return cls._connect(path, readonly, timeout, "")

    @classmethod
    def _connect(cls, path: Path, readonly: bool, timeout: float, reason: str) -> "ReviewLog":
        try:
            if readonly:
                conn = _connect_readonly(path, timeout)
            else:
                conn = sqlite3.connect(_uri(path, "rwc"), uri=True, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise_expected(exc, path)
            raise
        log = cls(conn, path, readonly)
        log.readonly_reason = reason
        try:
            log._prepare()
        except BaseException:
            conn.close()
            raise
        return log

    def _prepare(self) -> None:
        with self._expected():
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not self.readonly:
                # FULL: a committed review survives a power cut, not only a crash.
                self.conn.execute("PRAGMA synchronous = FULL")
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
            pending = self._pending_migrations()
            if pending and self.readonly:
                raise LogError(
                    f"审查日志“{self.path}”由旧版本工作台写入，需要先以可写方式打开一次完成升级"
                    "（例如运行 workbench review list）。"
                )
            if pending:
                with self._write():
                    version = self.conn.execute("PRAGMA user_version").fetchone()[0]
                    if version > schema.SCHEMA_VERSION:  # upgraded by a newer program meanwhile
                        raise LogTooNewError(self.path, version, schema.SCHEMA_VERSION)
                    schema.migrations.apply(self.db)
                    self.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
                    if not self._meta("log_id"):
                        log_id = new_uuid()
                        self.conn.execute("INSERT INTO meta (key, value) VALUES ('log_id', ?)", [log_id])
                        self.log_id = log_id
                        self._append([(None, "log.created", {"log_id": log_id})], actor=default_actor())
                    else:
                        self._sign_head()  # a log from before signatures: sign what it holds now
            self.log_id = self._meta("log_id") or ""

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions and errors ----------------------------------------

    @contextmanager
    def _expected(self):
        """Turn expected SQLite/OS failures into LogError; let bugs through."""
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise_expected(exc, self.path)
            raise

    @contextmanager
    def _write(self):
        """One write transaction under the file's write lock (one writer at a time)."""
        if self.readonly:
            raise LogFullError(self.path) if self.disk_was_full else LogReadOnlyError(self.path)
        with self._expected():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass  # the original error matters more; SQLite rolls back on close anyway
                raise

    def _query(self, sql: str, params=()) -> list[dict]:
        with self._expected():
            cur = self.conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    # -- appending -------------------------------------------------------

    def _append(self, entries, actor: str | None = None, at: str | None = None) -> list[str]:
        """Append records and their events; call inside ``_write``. Returns the event uuids.

        ``entries`` is a list of ``(table, event_type, row)``; ``table`` None is
        an event without a record (its ``row`` is the payload).
        """
        return self._append_events(
            [
                {
                    "uuid": new_uuid(),
                    "origin": self.log_id,
                    "at": row["at"] if table else (at or utc_now()),
                    "actor": row["actor"] if table else (actor or default_actor()),
                    "type": etype,
                    "entity": table,
                    "record": row["uuid"] if table else None,
                    "payload": canonical(row),
                    "row": row if table else None,
                }
                for table, etype, row in entries
            ]
        )

    def _append_events(self, events: list[dict]) -> list[str]:
        """Chain ``events`` (dicts with the event fields, ``payload`` text and ``row``) onto the log."""
        last = self.conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = last if last else (0, "")
        rows_by_table: dict[str, list[tuple]] = defaultdict(list)
        event_rows = []
        for ev in events:
            seq += 1
            ev["seq"] = seq
            digest = event_hash(prev, ev, ev["payload"])
            event_rows.append(
                (seq, ev["uuid"], ev["origin"], ev["at"], ev["actor"], ev["type"], ev["entity"],
                 ev["record"], ev["payload"], prev, digest)
            )
            prev = digest
            if ev["entity"]:
                cols = schema.RECORD_COLUMNS[ev["entity"]]
                rows_by_table[ev["entity"]].append(tuple(ev["row"][c] for c in cols))
        # Referenced tables come first in RECORD_COLUMNS, and rows keep their
        # order within a table, so every foreign key points at a row already in.
        for table, cols in schema.RECORD_COLUMNS.items():
            if rows_by_table.get(table):
                self.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    rows_by_table[table],
                )
        self.conn.executemany(
            "INSERT INTO events (seq, uuid, origin, at, actor, type, entity, record, payload, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            event_rows,
        )
        self._sign_head()
        return [ev["uuid"] for ev in events]

    def _sign_head(self) -> None:
        """Sign the chain head in the current write transaction (one signature covers every event before it)."""
        from workbench.log.signing import head_message, installation_key

        last = self.conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
        if not last or self.conn.execute("SELECT 1 FROM signatures WHERE seq = ?", [last[0]]).fetchone():
            return
        key = installation_key()
        self.conn.execute(
            "INSERT INTO signatures (seq, key, signature) VALUES (?, ?, ?)",
            [last[0], key.public_hex, key.sign(head_message(*last))],
        )

    # -- finding records by id -------------------------------------------

    def _by_prefix(self, table: str, column: str, ref: str, what: str) -> str:
        ref = (ref or "").strip().lower()
        if not ref:
            raise RecordNotFoundError(f"未给出{what}编号。")
        rows = self.conn.execute(
            f"SELECT DISTINCT {column} FROM {table} WHERE {column} >= ? AND {column} < ? LIMIT 2",
            [ref, ref + "~"],
        ).fetchall()
        if not rows:
            raise RecordNotFoundError(
                f"审查日志“{self.path}”中没有编号为“{ref}”的{what}。请用 workbench review list 查看编号，"
                "或检查 --db 是否指向正确的日志。"
            )
        if len(rows) > 1:
            raise RecordNotFoundError(f"编号“{ref}”对应不止一个{what}，请多输入几位。")
        return rows[0][0]

    def find_review(self, ref: str) -> str:
        """The review's uuid from its uuid or a unique prefix of it."""
        with self._expected():
            return self._by_prefix("reviews", "uuid", ref, "审查")

    def find_finding(self, review_id: str, ref: str) -> str:
        """A finding of ``review_id`` from ``F3``, ``3``, or its uuid (prefix)."""
        ref = (ref or "").strip()
        number = ref[1:] if ref[:1] in ("F", "f") else ref
        with self._expected():
            if number.isdigit():
                row = self.conn.execute(
                    "SELECT uuid FROM findings WHERE review_uuid = ? AND number = ?", [review_id, int(number)]
                ).fetchone()
                if not row:
                    raise RecordNotFoundError(
                        f"该审查没有问题 F{int(number)}。请用 workbench review show 查看问题编号。"
                    )
                return row[0]
            found = self._by_prefix("findings", "uuid", ref, "问题")
            if self.conn.execute("SELECT review_uuid FROM findings WHERE uuid = ?", [found]).fetchone()[0] != review_id:
                raise RecordNotFoundError(f"问题“{ref}”不属于该审查。请用 workbench review show 查看问题编号。")
            return found

    def find_opinion(self, ref: str) -> str:
        """The opinion's stable id from its id (or a unique prefix)."""
        with self._expected():
            return self._by_prefix("opinions", "opinion_uuid", ref, "法律顾问意见")

    def _closure(self, review_id: str) -> dict | None:
        return _pick_head(self._query("SELECT * FROM closures WHERE review_uuid = ?", [review_id]))

    def _ensure_open(self, review_id: str) -> None:
        closure = self._closure(review_id)
        if closure:
            raise LogError(
                f"该审查已于 {closure['closed']} 办结，不能再修改问题处理或法律顾问意见。"
                "如确需更正，请更正审查结论（workbench review close --correct）并说明。"
            )

    # -- writing ---------------------------------------------------------

    def open_review(
        self,
        result,
        type: str,
        *,
        unit: str = "",
        reviewer: str = "",
        due: date | None = None,
        received: date | None = None,
        file_bytes: bytes | None = None,
        previous_document: str | None = None,
        actor: str | None = None,
    ) -> str:
        """Record a new review of ``result.document`` with the findings of its check; returns its id.

        ``result`` is a ``workbench.checking.CheckResult``. The document is
        recorded once per content hash; a new version is linked to the earlier
        one (``previous_document``, else the latest with the same 文号, or the
        same title from the same unit, or for an untitled draft the same file
        name from the same unit).
        """
        if type not in REVIEW_TYPES:
            raise WorkbenchError(f"审查类型“{type}”无效，应为 {' / '.join(REVIEW_TYPES)} 之一。")
        doc = result.document
        if file_bytes is None:
            try:
                file_bytes = Path(doc.path).read_bytes()
            except OSError:  # checked from text that has no file (or it moved): hash the text
                pass
        stored_name = Path(doc.path).name
        if file_bytes is None:  # no file on disk (pasted or example text): keep the text itself
            file_bytes = doc.text.encode("utf-8")
            stored_name = Path(doc.path).stem + ".txt"
        sha = hashlib.sha256(file_bytes).hexdigest()
        actor = actor or reviewer or default_actor()
        reviewer = reviewer or actor
        at = utc_now()
        today = date.today()
        keep = FINDING_REVIEWS_FOR_TYPE[type]
        findings = [f for f in result.findings if f.review in keep]
        required = None
        if type == "enforcement":
            required = int(any(f.review == "enforcement" and f.category == "catalogue" for f in result.findings))
        review_uuid = new_uuid()
        with self._write():
            entries = []
            row = self.conn.execute(
                "SELECT uuid FROM documents WHERE sha256 = ? ORDER BY at, uuid LIMIT 1", [sha]
            ).fetchone()
            if row:
                doc_uuid = row[0]
            else:
                doc_uuid = new_uuid()
                file_name = Path(doc.path).name
                previous = previous_document or self._earlier_version(doc, file_name, unit, sha)
                entries.append(("documents", "document.received", {
                    "uuid": doc_uuid, "sha256": sha, "file_name": file_name,
                    "kind": doc.kind.value if doc.kind else None, "title": doc.title or "",
                    "doc_number": doc.doc_number or "", "unit": unit, "received": _iso(received or today),
                    "previous_uuid": previous, "actor": actor, "at": at,
                }))
            entries.append(("reviews", "review.opened", {
                "uuid": review_uuid, "document_uuid": doc_uuid, "type": type, "reviewer": reviewer,
                "unit": unit, "received": _iso(received or today), "opened": today.isoformat(),
                "due": _iso(due), "legal_review_required": required, "actor": actor, "at": at,
            }))
            for number, f in enumerate(findings, 1):
                entries.append(("findings", "finding.recorded", {
                    "uuid": new_uuid(), "review_uuid": review_uuid, "number": number, "rule": f.rule,
                    "rule_review": f.review, "category": f.category, "severity": f.severity,
                    "start_offset": f.start, "end_offset": f.end, "paragraph": f.paragraph,
                    "col": f.column, "excerpt": f.excerpt, "message": f.message,
                    "basis": canonical(list(f.basis)), "matched": f.matched or "", "actor": actor, "at": at,
                }))
            self._append(entries)
            self.conn.execute(
                "INSERT OR IGNORE INTO document_files (sha256, file_name, size, data, at) VALUES (?, ?, ?, ?, ?)",
                [sha, stored_name, len(file_bytes), file_bytes, at],
            )
        return review_uuid

    def reviews_of_content(self, sha256: str) -> list[str]:
        """Ids of the reviews of a file with these exact bytes, newest first."""
        return [r["uuid"] for r in self._query(
            "SELECT r.uuid FROM reviews r JOIN documents d ON d.uuid = r.document_uuid"
            " WHERE d.sha256 = ? ORDER BY r.at DESC, r.uuid DESC", [sha256])]

    def reviews_of_document(self, document_id: str) -> list[str]:
        """Ids of the reviews of one document version, newest first (indexed)."""
        return [r["uuid"] for r in self._query(
            "SELECT uuid FROM reviews WHERE document_uuid = ? ORDER BY at DESC, uuid DESC", [document_id])]

    def document_file(self, review_id: str) -> tuple[str, bytes] | None:
        """The reviewed draft as received (file name, bytes), or None if this log
        does not hold it (e.g. a review merged in from another machine)."""
        row = self._query(
            "SELECT f.file_name, f.data FROM reviews r JOIN documents d ON d.uuid = r.document_uuid"
            " JOIN document_files f ON f.sha256 = d.sha256 WHERE r.uuid = ?",
            [review_id],
        )
        row = row[0] if row else None
        return (row["file_name"], bytes(row["data"])) if row else None

    def _earlier_version(self, doc, file_name: str, unit: str, sha: str) -> str | None:
        row = self.conn.execute(
            "SELECT uuid FROM documents WHERE sha256 != :sha AND ("
            " (:num != '' AND doc_number = :num)"
            # a title alone links drafts, not two decisions that carry different 文号
            " OR (:title != '' AND title = :title AND unit = :unit AND (doc_number = '' OR :num = ''))"
            " OR (:title = '' AND file_name = :file AND unit = :unit))"
            " ORDER BY at DESC, uuid DESC LIMIT 1",
            {"sha": sha, "num": doc.doc_number or "", "title": doc.title or "", "unit": unit, "file": file_name},
        ).fetchone()
        return row[0] if row else None

    def dispose(self, review_id: str, finding_id: str, action: str, *, reason: str = "", actor: str | None = None) -> str:
        """Accept, dismiss (with a reason) or reopen a finding; returns the disposition row's id.

        Disposing the same way again with the same reason adds nothing.
        """
        status = DISPOSITION_ACTIONS.get(action, action)
        if status not in DISPOSITION_STATUSES:
            raise WorkbenchError(f"处理方式“{action}”无效，应为 accept（采纳）、dismiss（不采纳）或 reopen（重新待处理）。")
        reason = (reason or "").strip()
        if status == "dismissed" and not reason:
            raise WorkbenchError("不采纳一项问题时须写明理由（--reason “……”）。")
        actor = actor or default_actor()
        with self._write():
            review_uuid = self._by_prefix("reviews", "uuid", review_id, "审查")
            self._ensure_open(review_uuid)
            finding_uuid = self.find_finding(review_uuid, finding_id)
            head = _pick_head(self._query("SELECT * FROM dispositions WHERE finding_uuid = ?", [finding_uuid]))
            if head and head["status"] == status and head["reason"] == reason:
                return head["uuid"]
            if not head and status == "open":
                raise WorkbenchError("该问题尚未处理，无需重新置为待处理。")
            row = {
                "uuid": new_uuid(), "finding_uuid": finding_uuid, "review_uuid": review_uuid,
                "status": status, "reason": reason, "supersedes": head["uuid"] if head else None,
                "actor": actor, "at": utc_now(),
            }
            self._append([("dispositions", "finding.disposed", row)])
        return row["uuid"]

    def add_opinion(
        self,
        review_id: str,
        counsel: str,
        text: str,
        *,
        finding_id: str | None = None,
        passage: str = "",
        passage_span: tuple[int, int] | None = None,
        written: date | None = None,
        actor: str | None = None,
    ) -> str:
        """Record counsel's opinion, anchored to a finding or a passage; returns the opinion's id."""
        counsel, text = (counsel or "").strip(), (text or "").strip()
        if not counsel:
            raise WorkbenchError("请写明法律顾问的姓名（--counsel）。")
        if not text:
            raise WorkbenchError("法律顾问意见不能为空（--text）。")
        actor = actor or default_actor()
        with self._write():
            review_uuid = self._by_prefix("reviews", "uuid", review_id, "审查")
            self._ensure_open(review_uuid)
            finding_uuid = self.find_finding(review_uuid, finding_id) if finding_id else None
            opinion_uuid = new_uuid()
            row = {
                "uuid": opinion_uuid, "opinion_uuid": opinion_uuid, "review_uuid": review_uuid,
                "finding_uuid": finding_uuid, "passage": passage or "",
                "passage_start": passage_span[0] if passage_span else None,
                "passage_end": passage_span[1] if passage_span else None,
                "counsel": counsel, "text": text, "written": _iso(written or date.today()),
                "supersedes": None, "actor": actor, "at": utc_now(),
            }
            self._append([("opinions", "opinion.added", row)])
        return opinion_uuid

    def edit_opinion(self, opinion_id: str, text: str, *, actor: str | None = None) -> str:
        """Replace an opinion's text by a new version that supersedes the current one; returns the version id."""
        text = (text or "").strip()
        if not text:
            raise WorkbenchError("法律顾问意见不能为空（--text）。")
        actor = actor or default_actor()
        with self._write():
            opinion_uuid = self._by_prefix("opinions", "opinion_uuid", opinion_id, "法律顾问意见")
            head = _pick_head(self._query("SELECT * FROM opinions WHERE opinion_uuid = ?", [opinion_uuid]))
            self._ensure_open(head["review_uuid"])
            if head["text"] == text:
                return head["uuid"]
            row = dict(head, uuid=new_uuid(), text=text, supersedes=head["uuid"], actor=actor, at=utc_now())
            self._append([("opinions", "opinion.edited", row)])
        return row["uuid"]

    def opinion_versions(self, opinion_id: str) -> list[tuple[str, str, str]]:
        """Every version of one opinion, oldest first, as (when UTC, who, text): nothing is lost by an edit."""
        rows = self._query("SELECT at, actor, text, uuid FROM opinions WHERE opinion_uuid = ? ORDER BY at, uuid", [opinion_id])
        return [(r["at"], r["actor"], r["text"]) for r in rows]

    def close_review(
        self,
        review_id: str,
        conclusion: str,
        *,
        closed: date | None = None,
        actor: str | None = None,
        correction: bool = False,
    ) -> str:
        """Record the conclusion (pass / amend / reject); ``correction`` replaces an earlier one."""
        actor = actor or default_actor()
        with self._write():
            review_uuid = self._by_prefix("reviews", "uuid", review_id, "审查")
            type_ = self.conn.execute("SELECT type FROM reviews WHERE uuid = ?", [review_uuid]).fetchone()[0]
            labels = CONCLUSION_LABELS[type_]
            if conclusion not in labels:
                allowed = "、".join(f"{k}（{v}）" for k, v in labels.items())
                raise WorkbenchError(f"{REVIEW_TYPE_LABELS[type_]}的结论只能是 {allowed}，不能是“{conclusion}”。")
            head = self._closure(review_uuid)
            if head and not correction:
                raise LogError(
                    f"该审查已于 {head['closed']} 办结，结论为“{labels.get(head['conclusion'], head['conclusion'])}”。"
                    "如需更正结论，请加 --correct（原结论仍保留在记录中）。"
                )
            if not head and correction:
                raise WorkbenchError("该审查尚未办结，无需更正；请去掉 --correct。")
            row = {
                "uuid": new_uuid(), "review_uuid": review_uuid, "conclusion": conclusion,
                "closed": _iso(closed or date.today()), "supersedes": head["uuid"] if head else None,
                "actor": actor, "at": utc_now(),
            }
            self._append([("closures", "review.corrected" if head else "review.closed", row)])
        return row["uuid"]

    # -- reading ---------------------------------------------------------

    def review(self, review_id: str) -> ReviewState:
        """The current state of one review (derived from its rows)."""
        review_uuid = self.find_review(review_id)
        r = self._query("SELECT * FROM reviews WHERE uuid = ?", [review_uuid])[0]
        d = self._query("SELECT * FROM documents WHERE uuid = ?", [r["document_uuid"]])[0]
        dispositions = defaultdict(list)
        for row in self._query("SELECT * FROM dispositions WHERE review_uuid = ?", [review_uuid]):
            dispositions[row["finding_uuid"]].append(row)
        findings = []
        for f in self._query("SELECT * FROM findings WHERE review_uuid = ? ORDER BY number", [review_uuid]):
            head = _pick_head(dispositions.get(f["uuid"], []))
            findings.append(_finding_state(f, head))
        opinions = _opinion_states(self._query("SELECT * FROM opinions WHERE review_uuid = ?", [review_uuid]))
        closure = self._closure(review_uuid)
        from workbench.log.letters import letter_of

        return ReviewState(
            id=r["uuid"], type=r["type"], reviewer=r["reviewer"], unit=r["unit"], received=r["received"],
            opened=r["opened"], due=r["due"],
            legal_review_required=None if r["legal_review_required"] is None else bool(r["legal_review_required"]),
            document=_document_record(d),
            closed=closure["closed"] if closure else None,
            conclusion=closure["conclusion"] if closure else None,
            closed_by=closure["actor"] if closure else "",
            findings=tuple(findings), opinions=tuple(opinions),
            letter=letter_of(self, review_uuid) if closure else None,
        )

    def reviews(
        self, *, status: str | None = None, type: str | None = None, text: str | None = None, limit: int | None = None
    ) -> list[ReviewSummary]:
        """The review queue, newest first: filter by status (open/closed), type and free text."""
        where, params = [], []
        if type:
            where.append("r.type = ?")
            params.append(type)
        if status == "open":
            where.append("c.conclusion IS NULL")
        elif status == "closed":
            where.append("c.conclusion IS NOT NULL")
        if text:
            where.append(
                "(d.title LIKE ? OR d.file_name LIKE ? OR d.doc_number LIKE ? OR r.unit LIKE ? OR r.reviewer LIKE ?)"
            )
            params += [f"%{text}%"] * 5
        sql = f"""
            SELECT r.*, d.title, d.file_name, d.doc_number, c.conclusion, c.closed,
              (SELECT COUNT(*) FROM findings f WHERE f.review_uuid = r.uuid AND NOT EXISTS (
                 SELECT 1 FROM dispositions x WHERE x.finding_uuid = f.uuid AND x.status != 'open'
                   AND NOT EXISTS (SELECT 1 FROM dispositions y WHERE y.supersedes = x.uuid))) AS open_findings
            FROM reviews r JOIN documents d ON d.uuid = r.document_uuid
            LEFT JOIN (SELECT review_uuid, conclusion, closed, MAX(at || uuid) FROM closures k
                       WHERE NOT EXISTS (SELECT 1 FROM closures s WHERE s.supersedes = k.uuid)
                       GROUP BY review_uuid) c ON c.review_uuid = r.uuid
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY r.received DESC, r.at DESC, r.uuid
            {"LIMIT " + str(int(limit)) if limit else ""}
        """
        rows = self._query(sql, params)
        versions = self.draft_versions({row["document_uuid"] for row in rows}) if rows else {}
        return [
            ReviewSummary(
                id=row["uuid"], type=row["type"], title=row["title"] or "", file_name=row["file_name"],
                doc_number=row["doc_number"] or "", unit=row["unit"], reviewer=row["reviewer"],
                received=row["received"], due=row["due"], closed=row["closed"], conclusion=row["conclusion"],
                open_findings=row["open_findings"], version=versions.get(row["document_uuid"], 1),
            )
            for row in rows
        ]

    def draft_versions(self, document_ids=None) -> dict[str, int]:
        """稿次 of each document (or of ``document_ids``): 1 plus the earlier versions it is linked to.

        Walks the ``previous_uuid`` links a step at a time (indexed by primary key), so the
        cost follows the documents asked about and the length of their chains."""
        ids = list(document_ids) if document_ids is not None else [
            r[0] for r in self.conn.execute("SELECT uuid FROM documents")]
        frontier = {doc: doc for doc in ids}
        counts = {doc: 1 for doc in ids}
        seen = {doc: {doc} for doc in ids}
        while frontier:
            nodes = list(set(frontier.values()))
            previous: dict[str, str | None] = {}
            for i in range(0, len(nodes), 500):
                chunk = nodes[i:i + 500]
                previous.update(self.conn.execute(
                    f"SELECT uuid, previous_uuid FROM documents WHERE uuid IN ({', '.join('?' * len(chunk))})", chunk))
            nxt = {}
            for doc, node in frontier.items():
                before = previous.get(node)
                if before and before not in seen[doc]:  # a merge cannot make a loop, but never hang on one
                    seen[doc].add(before)
                    counts[doc] += 1
                    nxt[doc] = before
            frontier = nxt
        return counts

    # -- opinion letters' 文号 (workbench.log.letters) ---------------------------

    def letter_number(self, review_id: str, prefix: str = "") -> str:
        """The 文号 the review's letter has, or would take if issued now."""
        from workbench.log.letters import proposed_number

        return proposed_number(self, review_id, prefix)

    def issue_letter(self, review_id: str, *, prefix: str = "", number: str | None = None, actor: str | None = None):
        """Give the review's letter its 文号 and log it; returns the ``LetterRecord``."""
        from workbench.log.letters import issue_letter

        return issue_letter(self, review_id, prefix=prefix, number=number, actor=actor or default_actor())

    def history(self, review_id: str) -> list[Event]:
        """Every event about one review, its document and its rows, oldest first: who did what when."""
        review_uuid = self.find_review(review_id)
        rows = self._query(
            """SELECT * FROM events WHERE record IN (
                 SELECT :r UNION SELECT document_uuid FROM reviews WHERE uuid = :r
                 UNION SELECT uuid FROM findings WHERE review_uuid = :r
                 UNION SELECT uuid FROM dispositions WHERE review_uuid = :r
                 UNION SELECT uuid FROM opinions WHERE review_uuid = :r
                 UNION SELECT uuid FROM closures WHERE review_uuid = :r
                 UNION SELECT uuid FROM letters WHERE review_uuid = :r)
               ORDER BY seq""",
            {"r": review_uuid},
        )
        return [_event(row) for row in rows]

    def events(self, since_seq: int = 0, limit: int | None = None) -> list[Event]:
        sql = "SELECT * FROM events WHERE seq > ? ORDER BY seq" + (f" LIMIT {int(limit)}" if limit else "")
        return [_event(row) for row in self._query(sql, [since_seq])]

    def register_rows(self, date_from: date, date_to: date, *, type=None, conclusion=None, unit=None) -> list[dict]:
        from workbench.log.register import register_rows

        return register_rows(self, date_from, date_to, type=type, conclusion=conclusion, unit=unit)

    # -- integrity, backup, merge ---------------------------------------

    def verify(self, *, integrity: bool = True) -> VerifyReport:
        from workbench.log.verify import verify

        return verify(self, integrity=integrity)

    def backup(self, path) -> Path:
        """Copy the log to ``path`` through SQLite's backup API (safe while others write)."""
        target = Path(path).expanduser()
        if target.exists() and target.resolve() == self.path.resolve():
            raise WorkbenchError("备份文件不能是日志本身，请换一个文件名。")
        if target.is_dir():
            target = target / f"log-backup-{date.today().isoformat()}.sqlite3"
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            dest = sqlite3.connect(tmp)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(tmp, target)
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise_expected(exc, target)
            raise
        return target

    def export_bundle(self, since: date | None, out) -> int:
        from workbench.log.bundle import export_bundle

        return export_bundle(self, since, out)

    def import_bundle(self, path, *, trust_signer: bool = False) -> ImportReport:
        """Merge a bundle; ``trust_signer`` once the user confirmed the signing machine's key."""
        from workbench.log.bundle import import_bundle

        return import_bundle(self, path, trust_signer=trust_signer)


def _not_writable(path: Path) -> str:
    """Why the log at ``path`` cannot be written ('' when it can): read-only media, or no permission.

    ``os.access`` asks the kernel, so a read-only file system is seen even by root.
    """
    folder = path.parent
    if os.access(path, os.W_OK) and os.access(folder, os.W_OK):
        return ""
    try:
        media = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        media = False
    where = "位于只读的存储设备上（只读U盘、光盘或写保护的磁盘）" if media else "或其所在文件夹没有写入权限"
    return (f"审查日志“{path}”{where}，已以只读方式打开：可以查看、打印和导出，不能记录。"
            "需要记录时，请把日志复制到可写的位置，或用 --db 指定可写的日志")


def _connect_readonly(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection, also where SQLite cannot make the WAL's shared-memory file.

    On read-only media a closed log (no -wal file) opens only as ``immutable``,
    which is right there: nothing can change it. A log whose -wal still holds
    writes must be read through the WAL, never as immutable (that would show
    an older state).
    """
    conn = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        pending = wal.exists() and wal.stat().st_size > 0
        primary = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        cannot_share = primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR)
        if not cannot_share or pending or not (_not_writable(path) or disk_full(path)):
            raise
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, timeout=timeout, isolation_level=None)


def _inspect(path: Path, timeout: float) -> None:
    """Look at an existing file read-only; refuse it untouched if it is not ours or is newer."""
    try:
        conn = _connect_readonly(path, timeout)
    except sqlite3.Error as exc:
        raise_expected(exc, path)
        raise
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [schema.MIGRATION_SET]
                )
            }
    except sqlite3.Error as exc:
        raise_expected(exc, path)
        raise
    finally:
        conn.close()
    unknown = tuple(sorted(applied - set(schema.MIGRATION_NAMES)))
    if version > schema.SCHEMA_VERSION or unknown:
        raise LogTooNewError(path, version, schema.SCHEMA_VERSION, unknown)
    if app_id != schema.APPLICATION_ID and (app_id != 0 or tables):
        raise LogCorruptError(path, "这是其他程序的数据库")


def _document_record(d: dict) -> DocumentRecord:
    return DocumentRecord(
        id=d["uuid"], sha256=d["sha256"], file_name=d["file_name"], kind=d["kind"], title=d["title"] or "",
        doc_number=d["doc_number"] or "", unit=d["unit"] or "", received=d["received"], previous_id=d["previous_uuid"],
    )


def _finding_state(f: dict, head: dict | None) -> FindingState:
    return FindingState(
        id=f["uuid"], number=f["number"], rule=f["rule"], rule_review=f["rule_review"] or "",
        category=f["category"] or "", severity=f["severity"], start=f["start_offset"] or 0,
        end=f["end_offset"] or 0, paragraph=f["paragraph"], column=f["col"], excerpt=f["excerpt"] or "",
        message=f["message"], basis=tuple(json.loads(f["basis"] or "[]")),
        status=head["status"] if head else "open", reason=head["reason"] if head else "",
        disposed_by=head["actor"] if head else "", disposed_at=head["at"] if head else "",
        matched=f["matched"] or "",
    )


def _opinion_states(rows: list[dict]) -> list[OpinionState]:
    """Current version of each opinion, in the order they were first written."""
    by_opinion: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_opinion[row["opinion_uuid"]].append(row)
    out = []
    for versions in by_opinion.values():
        first = min(versions, key=lambda r: (r["at"], r["uuid"]))
        head = _pick_head(versions)
        out.append((first["at"], OpinionState(
            id=head["opinion_uuid"], version=head["uuid"], review_id=head["review_uuid"],
            finding_id=head["finding_uuid"], passage=head["passage"] or "", counsel=head["counsel"],
            text=head["text"], written=head["written"], actor=head["actor"], at=head["at"], versions=len(versions),
            passage_start=head["passage_start"], passage_end=head["passage_end"],
        )))
    return [o for _, o in sorted(out, key=lambda t: (t[0], t[1].id))]


def _event(row: dict) -> Event:
    return Event(
        seq=row["seq"], uuid=row["uuid"], origin=row["origin"], at=row["at"], actor=row["actor"],
        type=row["type"], entity=row["entity"], record=row["record"], payload=json.loads(row["payload"]),
    )
