"""Expected storage failures of the review log, with messages for the user.

Following qutebrowser's ``misc/sql.py``: SQLite errors fall into two kinds.
Expected ones (the file is locked, read-only, on a full disk, damaged, or
written by a newer program) become a ``LogError`` subclass whose message says
what happened and what to do; the transaction is rolled back, so nothing
written before is lost. Every other SQLite error is a bug and is re-raised.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from workbench.errors import WorkbenchError


class LogError(WorkbenchError):
    """An expected failure of the review log."""


class LogLockedError(LogError):
    def __init__(self, path):
        super().__init__(
            f"审查日志“{path}”正被其他程序使用（另一个工作台窗口或命令正在写入）。"
            "请等它完成或关闭它后重试；已记录的内容没有丢失。"
        )


class LogReadOnlyError(LogError):
    def __init__(self, path):
        super().__init__(
            f"审查日志“{path}”是只读的，无法写入。请检查该文件及所在文件夹的写入权限"
            "（或是否在只读的U盘、光盘上），或用 --db 指定一个可写的位置；已记录的内容没有丢失。"
        )


class LogFullError(LogError):
    def __init__(self, path):
        super().__init__(
            f"磁盘空间已满，审查日志“{path}”未能写入本次修改。请清理磁盘空间后重做这一步；"
            "此前已记录的内容没有丢失。"
        )


class LogCorruptError(LogError):
    def __init__(self, path, detail: str = ""):
        extra = f"（{detail}）" if detail else ""
        super().__init__(
            f"文件“{path}”不是审查日志，或已经损坏{extra}。程序没有改动它。"
            "请用 workbench log backup 生成的备份恢复，或用 --db 指定正确的日志文件。"
        )


class LogTooNewError(LogError):
    def __init__(self, path, found: int, known: int, unknown: tuple[str, ...] = ()):
        what = (f"含有本程序不认识的数据结构升级（{'、'.join(unknown)}）" if unknown
                else f"数据结构版本 {found}，本程序只认识到 {known}")
        super().__init__(
            f"审查日志“{path}”由更新版本的工作台写入（{what}）。"
            "为免损坏记录，本程序没有打开也没有改动它。请升级工作台后再打开。"
        )


class LogUnavailableError(LogError):
    def __init__(self, path, detail: str):
        super().__init__(f"无法打开审查日志“{path}”：{detail}。请检查路径和权限后重试。")


class LogIOError(LogError):
    def __init__(self, path):
        super().__init__(
            f"读写审查日志“{path}”时发生磁盘错误（U盘被拔出或磁盘故障？）。"
            "请检查存储设备后重试；已提交的记录没有丢失。"
        )


class RecordNotFoundError(LogError):
    """A review, finding or opinion id that the log does not hold."""


class BundleError(LogError):
    """A merge bundle that cannot be read or does not fit this log."""


FULL_BELOW_BYTES = 1024 * 1024  # less free space than this: a write error means the disk is full


def disk_full(path) -> bool:
    """Is the disk holding ``path`` (all but) full? SQLite reports a full disk as an I/O error
    when the WAL's shared-memory file cannot grow."""
    import shutil

    folder = Path(path).parent
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


def classify(exc: BaseException, path) -> LogError | None:
    """The expected failure ``exc`` stands for, or None when it is a bug."""
    path = str(path)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None:
            return None
        primary = code & 0xFF
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return LogLockedError(path)
        if primary == sqlite3.SQLITE_READONLY:
            return LogReadOnlyError(path)
        if primary == sqlite3.SQLITE_FULL:
            return LogFullError(path)
        if primary in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            return LogCorruptError(path)
        if primary == sqlite3.SQLITE_CANTOPEN:
            if disk_full(path):
                return LogFullError(path)
            return LogUnavailableError(path, "文件不存在或没有访问权限")
        if primary == sqlite3.SQLITE_IOERR:
            return LogFullError(path) if disk_full(path) else LogIOError(path)
        if primary == sqlite3.SQLITE_PERM:
            return LogReadOnlyError(path)
        return None
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return LogFullError(path)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return LogReadOnlyError(exc.filename or path)
        if exc.errno == errno.ENOENT:
            return LogUnavailableError(exc.filename or path, "文件或文件夹不存在")
    return None


def raise_expected(exc: BaseException, path: Path | str) -> None:
    """Re-raise ``exc`` as a LogError when it is expected; otherwise leave it to the caller."""
    expected = classify(exc, path)
    if expected is not None:
        raise expected from exc
