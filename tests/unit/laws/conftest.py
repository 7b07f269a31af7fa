from __future__ import annotations

from datetime import date

import pytest

from workbench.intake import document_from_text
from workbench.laws.data import load_registry_data
from workbench.laws.registry import Registry, reset_default_registry
from workbench.rules import Engine, load_builtin_rules


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry(load_registry_data(use_overlay=False))


@pytest.fixture(scope="session")
def citation_engine() -> Engine:
    return Engine(load_builtin_rules(("citation",)))


@pytest.fixture
def fresh_default_registry():
    # The default registry reads the overlay in the (per-test) data directory.
    reset_default_registry()
    yield
    reset_default_registry()


@pytest.fixture
def check(citation_engine):
    def run(text: str, as_of: date | None = None, kind: str = "enforcement"):
        return citation_engine.check(document_from_text(text, kind=kind), as_of=as_of)

    return run
