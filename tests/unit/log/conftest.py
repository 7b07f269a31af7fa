"""Fixtures for the review log tests: real SQLite files under tmp_path, real check results."""

from __future__ import annotations

import pytest

from tests.helpers.review_log import NOTICE as DRAFT  # one sample notice for every log test
from workbench.checking import CheckResult, check_file
from workbench.intake import document_from_text
from workbench.log import ReviewLog
from workbench.rules.model import Finding


def _finding(rule="leg.x", review="legality", category="content", severity="error", message="问题", start=0, end=2):
    return Finding(rule, review, category, severity, start, end, 1, start + 1, "原文摘录", message, ["《某法》第一条"], "原文")


def _result(text="关于某事的通知\n正文。", findings=(), kind="normative", path="<文本>"):
    """A CheckResult built from text and the findings given (no rule engine involved)."""
    return CheckResult(document_from_text(text, kind, path), list(findings))


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "关于加强排污单位管理的通知.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.fixture
def log_path(tmp_path):
    return tmp_path / "log.sqlite3"


@pytest.fixture
def log(log_path):
    # The default wait for another writer: a busy machine must not turn a
    # moment's overlap into a "locked" failure.
    with ReviewLog.open(log_path) as opened:
        yield opened


@pytest.fixture
def checked(draft):
    return check_file(draft, "normative")


@pytest.fixture
def make_finding():
    return _finding


@pytest.fixture
def make_result():
    return _result
