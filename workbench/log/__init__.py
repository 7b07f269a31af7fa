"""The review log (审查记录): reviews, findings, dispositions and counsel opinions in SQLite.

Append-only, hash-chained, crash-safe and mergeable between offline machines;
see ``workbench.log.store`` for how. No Qt here: the GUI, the reports and the
command line all use ``ReviewLog``.
"""

from workbench.log.errors import (
    BundleError,
    LogCorruptError,
    LogError,
    LogFullError,
    LogIOError,
    LogLockedError,
    LogReadOnlyError,
    LogTooNewError,
    LogUnavailableError,
    RecordNotFoundError,
)
from workbench.log.model import (
    CONCLUSION_LABELS,
    DISPOSITION_LABELS,
    REGISTER_COLUMNS,
    REVIEW_TYPE_LABELS,
    REVIEW_TYPES,
    DocumentRecord,
    Event,
    FindingState,
    ImportReport,
    OpinionState,
    Problem,
    ReviewState,
    ReviewSummary,
    VerifyReport,
)
from workbench.log.store import DB_ENV, LOG_FILE_NAME, ReviewLog, default_actor, default_log_path, resolve_log_path

__all__ = [
    "ReviewLog", "default_log_path", "resolve_log_path", "default_actor", "DB_ENV", "LOG_FILE_NAME",
    "LogError", "LogLockedError", "LogReadOnlyError", "LogFullError", "LogCorruptError", "LogTooNewError",
    "LogUnavailableError", "LogIOError", "RecordNotFoundError", "BundleError",
    "REVIEW_TYPES", "REVIEW_TYPE_LABELS", "CONCLUSION_LABELS", "DISPOSITION_LABELS", "REGISTER_COLUMNS",
    "DocumentRecord", "FindingState", "OpinionState", "ReviewState", "ReviewSummary", "Event", "Problem",
    "VerifyReport", "ImportReport",
]
