"""A real review log built once per module (drafts checked by the rule engine, disposed, closed)."""

from __future__ import annotations

import pytest

from tests.helpers.review_log import build_sample_log
from workbench.log import ReviewLog


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    with pytest.MonkeyPatch.context() as mp:  # the per-test data directory is not set up yet
        mp.setenv("WORKBENCH_DATA_DIR", str(folder / "data"))
        return build_sample_log(folder / "log")


@pytest.fixture
def log(sample):
    with ReviewLog.open(sample.path, readonly=True) as opened:
        yield opened
