"""Shared test set-up.

- Every test runs with its own data directory (WORKBENCH_DATA_DIR), so no test
  reads or writes the user's real settings or log.
- Tests under tests/gui/ get the ``gui`` marker: ``pytest -m "not gui"`` runs
  the core alone, without Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GUI_DIR = Path(__file__).parent / "gui"


def pytest_collection_modifyitems(items):
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data))
    return data
