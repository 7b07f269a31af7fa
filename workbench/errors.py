"""Errors the user is meant to read.

Every expected failure (bad input file, broken rule file, ...) is raised as a
``WorkbenchError`` whose ``message`` is a complete Chinese sentence that says
what went wrong and what to do. Anything else is a bug and is allowed to raise.
"""

from __future__ import annotations


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

    def __init__(self, path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path} 第 {line} 行" if line else self.path
        super().__init__(f"规则文件有误（{where}）：{problem}。请改正该规则文件后重新启动。")
