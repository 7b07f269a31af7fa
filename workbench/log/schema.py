"""The log's schema: sqlite-utils migrations, appended and never edited.

A migration, once released, is part of every log file that ran it: change the
schema by appending a new function below, never by editing an old one.
``SCHEMA_VERSION`` is the number of migrations this program knows; it is also
written to ``PRAGMA user_version`` so that an older program can see, without
writing anything, that a file is newer than itself.

Every table is STRICT. Record tables are append-only (triggers refuse UPDATE
and DELETE); a change is a new row that ``supersedes`` the old one.
"""

from __future__ import annotations

MIGRATION_SET = "workbench.log"
# "WBLG": marks the file as a workbench log, so a stray SQLite file is refused.
APPLICATION_ID = 0x57424C47


class _DeferredMigrations:
    """sqlite-utils' ``Migrations``, made on first use with the migrations registered here.

    Importing sqlite-utils costs ~0.1 s of every start (window and CLI), and a log
    that is up to date never needs it: ``ReviewLog`` asks SQLite which migrations
    ran, and only a log that lacks one reaches this object.
    """

    def __init__(self, name: str):
        self.name = name
        self._registered: list[tuple[str, object]] = []
        self._migrations = None

    def __call__(self, *, name: str):
        def register(func):
            self._registered.append((name, func))
            return func

        return register

    def __getattr__(self, attr: str):
        if self._migrations is None:
            from sqlite_utils import Migrations

            migrations = Migrations(self.name)
            for name, func in self._registered:
                migrations(name=name)(func)
            self._migrations = migrations
        return getattr(self._migrations, attr)


migrations = _DeferredMigrations(MIGRATION_SET)

# Record tables and their columns, in insert order. Each row is also the
# payload of the event that created it (see workbench.log.store).
RECORD_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "uuid", "sha256", "file_name", "kind", "title", "doc_number", "unit",
        "received", "previous_uuid", "actor", "at",
    ),
    "reviews": (
        "uuid", "document_uuid", "type", "reviewer", "unit", "received", "opened",
        "due", "legal_review_required", "actor", "at",
    ),
    "findings": (
        "uuid", "review_uuid", "number", "rule", "rule_review", "category", "severity",
        "start_offset", "end_offset", "paragraph", "col", "excerpt", "message", "basis",
        "matched", "actor", "at",
    ),
    "dispositions": (
        "uuid", "finding_uuid", "review_uuid", "status", "reason", "supersedes", "actor", "at",
    ),
    "opinions": (
        "uuid", "opinion_uuid", "review_uuid", "finding_uuid", "passage", "passage_start",
        "passage_end", "counsel", "text", "written", "supersedes", "actor", "at",
    ),
    "closures": (
        "uuid", "review_uuid", "conclusion", "closed", "supersedes", "actor", "at",
    ),
    # The 文号 of a review's opinion letter, taken when the letter is first issued.
    "letters": (
        "uuid", "review_uuid", "year", "serial", "number", "issued", "supersedes", "actor", "at",
    ),
    # 0005: the bureau's stock (workbench.log.stock): issued documents, 清理, 案卷评查.
    "issued_documents": (
        "uuid", "document_id", "sha256", "file_name", "title", "doc_number", "organ", "issued",
        "effective", "expires", "validity", "provisional", "note", "supersedes", "actor", "at",
    ),
    "cleanup_runs": ("uuid", "as_of", "source", "actor", "at"),
    "cleanup_proposals": (
        "uuid", "run_uuid", "document_id", "outcome", "reasons", "registry", "supersedes", "actor", "at",
    ),
    "cleanup_decisions": (
        "uuid", "run_uuid", "document_id", "proposal_uuid", "outcome", "reason", "supersedes", "actor", "at",
    ),
    "case_files": (
        "uuid", "sha256", "file_name", "title", "doc_number", "party", "organ", "decided", "actor", "at",
    ),
    "case_evaluations": (
        "uuid", "case_uuid", "evaluator", "evaluated", "conclusion", "supersedes", "actor", "at",
    ),
    "case_problems": (
        "uuid", "problem_id", "case_uuid", "category", "description", "rule", "excerpt", "basis",
        "withdrawn", "supersedes", "actor", "at",
    ),
    "rectifications": (
        "uuid", "problem_id", "case_uuid", "responsible", "deadline", "progress", "done", "supersedes",
        "actor", "at",
    ),
    # 0006: a case file's particulars as corrected by the user (what was misread off the decision).
    "case_corrections": (
        "uuid", "case_uuid", "title", "doc_number", "party", "organ", "decided", "note", "supersedes",
        "actor", "at",
    ),
}

# The tables 0001 made append-only; later migrations protect their own tables.
INITIAL_APPEND_ONLY_TABLES = ("meta", "events", "documents", "reviews", "findings", "dispositions", "opinions", "closures")
STOCK_TABLES = (
    "issued_documents", "cleanup_runs", "cleanup_proposals", "cleanup_decisions",
    "case_files", "case_evaluations", "case_problems", "rectifications",
)
APPEND_ONLY_TABLES = (*INITIAL_APPEND_ONLY_TABLES, "document_files", "letters", "signatures", *STOCK_TABLES,
                      "case_corrections")

# Record tables whose rows name a file kept in document_files (by sha256).
FILE_TABLES = ("documents", "issued_documents", "case_files")

# Which columns of a record point at other records (table), for merge bundles.
REFERENCES: dict[str, dict[str, str]] = {
    "documents": {"previous_uuid": "documents"},
    "reviews": {"document_uuid": "documents"},
    "findings": {"review_uuid": "reviews"},
    "dispositions": {"finding_uuid": "findings", "review_uuid": "reviews", "supersedes": "dispositions"},
    "opinions": {"review_uuid": "reviews", "finding_uuid": "findings", "supersedes": "opinions"},
    "closures": {"review_uuid": "reviews", "supersedes": "closures"},
    "letters": {"review_uuid": "reviews", "supersedes": "letters"},
    "issued_documents": {"document_id": "issued_documents", "supersedes": "issued_documents"},
    "cleanup_runs": {},
    "cleanup_proposals": {"run_uuid": "cleanup_runs", "document_id": "issued_documents",
                          "supersedes": "cleanup_proposals"},
    "cleanup_decisions": {"run_uuid": "cleanup_runs", "document_id": "issued_documents",
                          "proposal_uuid": "cleanup_proposals", "supersedes": "cleanup_decisions"},
    "case_files": {},
    "case_evaluations": {"case_uuid": "case_files", "supersedes": "case_evaluations"},
    "case_problems": {"problem_id": "case_problems", "case_uuid": "case_files", "supersedes": "case_problems"},
    "rectifications": {"problem_id": "case_problems", "case_uuid": "case_files", "supersedes": "rectifications"},
    "case_corrections": {"case_uuid": "case_files", "supersedes": "case_corrections"},
}


def _append_only(db, table: str) -> None:
    # Our code never updates or deletes; the triggers make an accident fail
    # loudly. Another program can drop them, which `log verify` then reports.
    for op in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


@migrations(name="0001_initial")
def m0001_initial(db) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key", strict=True, not_null=["value"])
    db["events"].create(
        {
            "seq": int, "uuid": str, "origin": str, "at": str, "actor": str, "type": str,
            "entity": str, "record": str, "payload": str, "prev_hash": str, "hash": str,
        },
        pk="seq",
        not_null=["uuid", "origin", "at", "actor", "type", "payload", "prev_hash", "hash"],
        strict=True,
    )
    db["events"].create_index(["uuid"], unique=True)
    db["events"].create_index(["record"])
    db["events"].create_index(["at"])
    db["documents"].create(
        {
            "uuid": str, "sha256": str, "file_name": str, "kind": str, "title": str,
            "doc_number": str, "unit": str, "received": str, "previous_uuid": str,
            "actor": str, "at": str,
        },
        pk="uuid",
        not_null=["sha256", "file_name", "received", "actor", "at"],
        foreign_keys=[("previous_uuid", "documents", "uuid")],
        strict=True,
    )
    db["documents"].create_index(["sha256"])
    db["reviews"].create(
        {
            "uuid": str, "document_uuid": str, "type": str, "reviewer": str, "unit": str,
            "received": str, "opened": str, "due": str, "legal_review_required": int,
            "actor": str, "at": str,
        },
        pk="uuid",
        not_null=["document_uuid", "type", "reviewer", "unit", "received", "opened", "actor", "at"],
        foreign_keys=[("document_uuid", "documents", "uuid")],
        strict=True,
    )
    db["reviews"].create_index(["received"])
    db["reviews"].create_index(["document_uuid"])
    db["findings"].create(
        {
            "uuid": str, "review_uuid": str, "number": int, "rule": str, "rule_review": str,
            "category": str, "severity": str, "start_offset": int, "end_offset": int,
            "paragraph": int, "col": int, "excerpt": str, "message": str, "basis": str,
            "matched": str, "actor": str, "at": str,
        },
        pk="uuid",
        not_null=["review_uuid", "number", "rule", "severity", "message", "actor", "at"],
        foreign_keys=[("review_uuid", "reviews", "uuid")],
        strict=True,
    )
    db["findings"].create_index(["review_uuid", "number"])
    db["dispositions"].create(
        {
            "uuid": str, "finding_uuid": str, "review_uuid": str, "status": str, "reason": str,
            "supersedes": str, "actor": str, "at": str,
        },
        pk="uuid",
        not_null=["finding_uuid", "review_uuid", "status", "reason", "actor", "at"],
        foreign_keys=[
            ("finding_uuid", "findings", "uuid"),
            ("review_uuid", "reviews", "uuid"),
            ("supersedes", "dispositions", "uuid"),
        ],
        strict=True,
    )
    db["dispositions"].create_index(["finding_uuid"])
    db["dispositions"].create_index(["review_uuid"])
    db["dispositions"].create_index(["supersedes"])
    db["opinions"].create(
        {
            "uuid": str, "opinion_uuid": str, "review_uuid": str, "finding_uuid": str,
            "passage": str, "passage_start": int, "passage_end": int, "counsel": str,
            "text": str, "written": str, "supersedes": str, "actor": str, "at": str,
        },
        pk="uuid",
        not_null=["opinion_uuid", "review_uuid", "counsel", "text", "written", "actor", "at"],
        foreign_keys=[
            ("review_uuid", "reviews", "uuid"),
            ("finding_uuid", "findings", "uuid"),
            ("supersedes", "opinions", "uuid"),
        ],
        strict=True,
    )
    db["opinions"].create_index(["review_uuid"])
    db["opinions"].create_index(["opinion_uuid"])
    db["opinions"].create_index(["supersedes"])
    db["closures"].create(
        {
            "uuid": str, "review_uuid": str, "conclusion": str, "closed": str,
            "supersedes": str, "actor": str, "at": str,
        },
        pk="uuid",
        not_null=["review_uuid", "conclusion", "closed", "actor", "at"],
        foreign_keys=[("review_uuid", "reviews", "uuid"), ("supersedes", "closures", "uuid")],
        strict=True,
    )
    db["closures"].create_index(["review_uuid"])
    db["closures"].create_index(["supersedes"])
    for table in INITIAL_APPEND_ONLY_TABLES:
        _append_only(db, table)
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_document_files")
def m0002_document_files(db) -> None:
    # The draft as received, so a review reopens with its text even when the
    # file has moved. Keyed by the SHA-256 that the hash-chained documents
    # record already carries, so `verify` can check each blob against it.
    db["document_files"].create(
        {"sha256": str, "file_name": str, "size": int, "data": bytes, "at": str},
        pk="sha256",
        not_null=["file_name", "size", "data", "at"],
        strict=True,
    )
    _append_only(db, "document_files")
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_letters")
def m0003_letters(db) -> None:
    # Opinion letters carry a 文号 numbered per year (焦环法审〔2026〕12号): the log
    # keeps each number given, so the next is never a repeat and leaves no gap.
    db["letters"].create(
        {
            "uuid": str, "review_uuid": str, "year": int, "serial": int, "number": str, "issued": str,
            "supersedes": str, "actor": str, "at": str,
        },
        pk="uuid",
        not_null=["review_uuid", "year", "number", "issued", "actor", "at"],
        foreign_keys=[("review_uuid", "reviews", "uuid"), ("supersedes", "letters", "uuid")],
        strict=True,
    )
    db["letters"].create_index(["review_uuid"])
    db["letters"].create_index(["year"])
    db["letters"].create_index(["supersedes"])
    _append_only(db, "letters")
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_signatures")
def m0004_signatures(db) -> None:
    # One row per write transaction: this installation's Ed25519 signature of
    # the chain head after it (workbench.log.signing). The key is kept outside
    # the file, so a chain recomputed by another program no longer verifies.
    db["signatures"].create(
        {"seq": int, "key": str, "signature": str},
        pk="seq",
        not_null=["key", "signature"],
        strict=True,
    )
    _append_only(db, "signatures")
    db.execute("PRAGMA user_version = 4")


def _record_table(db, table: str, types: dict, not_null: list[str], foreign_keys: list, indexes: list) -> None:
    columns = {c: types.get(c, str) for c in RECORD_COLUMNS[table]}
    db[table].create(columns, pk="uuid", not_null=not_null + ["actor", "at"], foreign_keys=foreign_keys, strict=True)
    for index in indexes:
        db[table].create_index(index)
    _append_only(db, table)


@migrations(name="0005_stock")
def m0005_stock(db) -> None:
    # The bureau's stock of issued documents, their 清理 and the 案卷评查 of
    # closed case files. Same rules as the review records: every row is an
    # event's payload, a change is a row that supersedes another. Stable ids
    # (document_id, problem_id) are the uuid of the first row of their chain.
    # Their files are kept in document_files, keyed by sha256 as drafts are.
    _record_table(
        db, "issued_documents", {"provisional": int},
        ["document_id", "sha256", "file_name", "provisional"],
        [("document_id", "issued_documents", "uuid"), ("supersedes", "issued_documents", "uuid")],
        [["document_id"], ["sha256"], ["supersedes"]],
    )
    _record_table(db, "cleanup_runs", {}, ["as_of", "source"], [], [["as_of"]])
    _record_table(
        db, "cleanup_proposals", {},
        ["run_uuid", "document_id", "outcome", "reasons", "registry"],
        [("run_uuid", "cleanup_runs", "uuid"), ("document_id", "issued_documents", "uuid"),
         ("supersedes", "cleanup_proposals", "uuid")],
        [["run_uuid", "document_id"], ["supersedes"]],
    )
    _record_table(
        db, "cleanup_decisions", {},
        ["run_uuid", "document_id", "proposal_uuid", "outcome", "reason"],
        [("run_uuid", "cleanup_runs", "uuid"), ("document_id", "issued_documents", "uuid"),
         ("proposal_uuid", "cleanup_proposals", "uuid"), ("supersedes", "cleanup_decisions", "uuid")],
        [["run_uuid", "document_id"], ["document_id"], ["supersedes"]],
    )
    _record_table(db, "case_files", {}, ["sha256", "file_name"], [], [["sha256"], ["decided"]])
    _record_table(
        db, "case_evaluations", {},
        ["case_uuid", "evaluator", "evaluated", "conclusion"],
        [("case_uuid", "case_files", "uuid"), ("supersedes", "case_evaluations", "uuid")],
        [["case_uuid"], ["evaluated"], ["supersedes"]],
    )
    _record_table(
        db, "case_problems", {"withdrawn": int},
        ["problem_id", "case_uuid", "category", "description", "withdrawn"],
        [("problem_id", "case_problems", "uuid"), ("case_uuid", "case_files", "uuid"),
         ("supersedes", "case_problems", "uuid")],
        [["case_uuid"], ["problem_id"], ["supersedes"]],
    )
    _record_table(
        db, "rectifications", {"done": int},
        ["problem_id", "case_uuid", "responsible", "done"],
        [("problem_id", "case_problems", "uuid"), ("case_uuid", "case_files", "uuid"),
         ("supersedes", "rectifications", "uuid")],
        [["problem_id"], ["case_uuid"], ["supersedes"]],
    )
    db.execute("PRAGMA user_version = 5")


@migrations(name="0006_case_corrections")
def m0006_case_corrections(db) -> None:
    # case_files rows (0005) have no chain of their own: a correction of what was read off a
    # decision (当事人, 作出日期 …) is a row here, the whole corrected particulars, superseding the
    # case's previous correction; the registered row stays as it was read.
    _record_table(
        db, "case_corrections", {},
        ["case_uuid", "note"],
        [("case_uuid", "case_files", "uuid"), ("supersedes", "case_corrections", "uuid")],
        [["case_uuid"], ["supersedes"]],
    )
    db.execute("PRAGMA user_version = 6")


# Append new migrations above this line, each ending with its PRAGMA user_version.
SCHEMA_VERSION = 6
# The names above, in order (a test checks this against `migrations`): a file
# that records a name not in this list was written by a newer program.
MIGRATION_NAMES = ("0001_initial", "0002_document_files", "0003_letters", "0004_signatures", "0005_stock",
                   "0006_case_corrections")

APPEND_ONLY_TRIGGERS = frozenset(f"{t}_no_{op}" for t in APPEND_ONLY_TABLES for op in ("update", "delete"))
