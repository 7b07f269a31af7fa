"""Fixtures for the stock tests: a real log file and issued documents and case files made from real texts."""

from __future__ import annotations

import pytest

from tests.helpers.stock_corpus import EVAL, build_cases, build_issued
from workbench.laws import reset_default_registry
from workbench.log import ReviewLog

if not (EVAL / "penalty_decisions").is_dir():
    pytest.skip("shared/eval not present", allow_module_level=True)


@pytest.fixture(autouse=True)
def fresh_registry():
    # The registry is cached per process and reads the user's overlay: a test that writes one must not leak it.
    reset_default_registry()
    yield
    reset_default_registry()


@pytest.fixture
def log(tmp_path):
    with ReviewLog.open(tmp_path / "log.sqlite3", timeout=5) as opened:
        yield opened


@pytest.fixture(scope="session")
def stock_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stock") / "规范性文件"
    return folder, build_issued(folder, 24)


@pytest.fixture(scope="session")
def cases_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cases") / "案卷"
    build_cases(folder)
    return folder
