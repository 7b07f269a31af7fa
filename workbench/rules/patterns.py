"""Regular expressions compiled on first use.

A rule's regex is needed only where its anchors hit, which in most documents is
never; compiling all of them when the engine is built cost ~40 ms at every
start of ``workbench check``. The loader has already checked that each one
compiles, so a late compile does not fail.
"""

from __future__ import annotations

import re


class LazyPatterns:
    """A read-only mapping key → compiled pattern, compiling each one the first time it is asked for."""

    def __init__(self, sources: dict):
        self._sources = dict(sources)
        self._compiled: dict = {}

    def __getitem__(self, key) -> re.Pattern:
        pattern = self._compiled.get(key)
        if pattern is None:
            # Two threads may both compile it; either result is the same pattern.
            pattern = self._compiled[key] = re.compile(self._sources[key])
        return pattern

    def __contains__(self, key) -> bool:
        return key in self._sources

    def __len__(self) -> int:
        return len(self._sources)

    def get(self, key, default=None):
        return self[key] if key in self._sources else default
