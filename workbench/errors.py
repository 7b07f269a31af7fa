"""Errors the user is meant to read.

Every expected failure (bad input file, broken rule file, ...) is raised as a
``WorkbenchError`` whose ``message`` is a complete Chinese sentence that says
what went wrong and what to do. Anything else is a bug and is allowed to raise.
"""

from __future__ import annotations

import errno

# The operating system's reasons, said in Chinese (its own words are English on most machines).
_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "操作不被允许",
    errno.EROFS: "存储设备是只读的",
    errno.ENOSPC: "磁盘空间已满",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EBUSY: "文件正被占用",
    errno.EIO: "读写设备时出错（U盘被拔出或磁盘故障？）",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "路径中的链接循环指向自身",
    errno.EMFILE: "打开的文件太多",
}


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Chinese."""
    return _OS_REASONS.get(exc.errno, f"系统错误 {exc.errno}" if exc.errno else "系统错误")


class WorkbenchError(Exception):
    """An expected failure with a message for the user (in Chinese)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(WorkbenchError):
    """A document could not be read; the message names the file and the remedy."""

    def __init__(self, path, problem: str, remedy: str):
        self.path = str(path)
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"无法读取文件“{self.path}”：{problem}。{remedy}")


class RuleFileError(WorkbenchError):
    """A rule file is malformed; the message names the file and the line."""

    label = "规则文件"

    def __init__(self, path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        super().__init__(f"{self.label}有误（{self.where}）：{problem}。请改正该{self.label}后重新启动。")

    @property
    def where(self) -> str:
        return f"{self.path} 第 {self.line} 行" if self.line else self.path


class RegistryFileError(RuleFileError):
    """A file of the law registry (``laws`` data, or the office's overlay) is malformed."""

    label = "法规库文件"
