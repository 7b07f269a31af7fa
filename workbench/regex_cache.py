"""Compiled regular expressions kept between starts.

Python compiles every regex anew in each process, in Python code: ~100 patterns
at import (the guards, metadata, citations, fines …) and the frames a draft
needs, ~70 ms of a ``workbench check`` that otherwise takes ~0.3 s. Most of it is
the compiler's character-set pass, which walks every code point of a range
such as ``[\\u4e00-\\u9fff]`` one by one.

``install()`` (called by the program's entry points, ``workbench.cli.main``)
puts a table of compiled patterns from the cache folder in front of the
standard compiler, ``re._compiler.compile``: a pattern found there is built
from its stored opcode list by ``_sre.compile``, as the standard compiler's last
step does; any other is compiled as usual and recorded. ``save()`` writes the
patterns this process used when it compiled one not in the table.

Why this is safe to trust:

- a compiled pattern is a pure function of (pattern, flags) for one build of
  Python's regex engine: the file's key holds ``sys.version`` and the engine's
  ``_sre.MAGIC``, so another Python is a miss, never a wrong opcode list;
  ``re.LOCALE`` (depends on the locale) and ``re.DEBUG`` are never cached;
- the file is read through ``workbench.compiled_cache`` (header, key, payload
  checksum, an unpickler that resolves no global): a damaged file is a miss;
- ``_sre.compile`` validates an opcode list and raises on an invalid one; such a
  record is dropped and the pattern compiled as usual;
- any failure of the table only falls back to the standard compiler.

Only CPython 3.11–3.13, whose ``re._compiler.compile`` this mirrors, use the
table; elsewhere ``install()`` does nothing.
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading

FORMAT = 1
_CACHE_NAME = "regex"
_MAX_PATTERNS = 1000  # written at most (each ~0.1 ms to read back); a process's own patterns first
_UNCACHED_FLAGS = re.LOCALE | re.DEBUG

_installed: RegexCache | None = None


def supported() -> bool:
    return sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)


class RegexCache:
    """A table (pattern, flags) → what ``_sre.compile`` takes, read from and written to the cache folder."""

    def __init__(self, name: str = "", table: dict | None = None):
        self.name = name  # one table a command: each reads back only the patterns it uses
        self._table: dict = dict(table or {})
        self._used: dict = {}  # records this process compiled or read
        self._new = 0
        self._lock = threading.Lock()

    @classmethod
    def load(cls, name: str = "") -> RegexCache:
        from workbench.compiled_cache import _MISS, _cache_file, _read

        path = _cache_file(_CACHE_NAME, [name])
        table = _read(path, _key(), ()) if path is not None else _MISS
        return cls(name, table if isinstance(table, dict) else None)

    def compile(self, pattern, flags: int = 0, fallback=None):
        """The compiled pattern, as ``re._compiler.compile(pattern, flags)`` returns it."""
        import _sre
        from re import _compiler, _parser

        if not isinstance(pattern, (str, bytes)) or flags & _UNCACHED_FLAGS:
            return (fallback or _compiler.compile)(pattern, flags)
        flags = int(flags)  # a RegexFlag would pickle as a global, which the cache's reader refuses
        key = (pattern, flags)
        record = self._table.get(key)
        if record is not None:
            try:
                compiled = _sre.compile(pattern, *record)
            except Exception:  # an opcode list the engine refuses: compile it as usual
                record = None
                self._table.pop(key, None)
            else:
                self._used[key] = record
                return compiled
        # re._compiler.compile, keeping what it hands to _sre.compile.
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses: plain ints
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        record = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *record)
        with self._lock:
            self._table[key] = self._used[key] = record
            self._new += 1
        return compiled

    def save(self) -> bool:
        """Write the table if this process compiled a pattern it lacked; True if written."""
        from workbench.compiled_cache import _cache_file, _write

        with self._lock:
            if not self._new:
                return False
            out = dict(self._used)
            for key, record in self._table.items():
                if len(out) >= _MAX_PATTERNS:
                    break
                out.setdefault(key, record)
            self._new = 0
        path = _cache_file(_CACHE_NAME, [self.name])
        if path is None:
            return False
        _write(path, _key(), out)
        return True


def _key() -> bytes:
    import _sre

    return hashlib.sha256(f"{FORMAT}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).digest()


def install(name: str = "") -> None:
    """Compile regexes through the table ``name`` (the command) from now on, in this process
    (once: a later call keeps the first table)."""
    global _installed
    if _installed is not None or not supported():
        return
    from re import _compiler

    try:
        cache = RegexCache.load(name)
    except Exception:  # no cache folder, an unreadable file …: compile as usual
        return
    standard = _compiler.compile

    def compile_through_cache(pattern, flags=0):
        return cache.compile(pattern, flags, standard)

    _installed = cache
    _compiler.compile = compile_through_cache


def save() -> None:
    """Keep the patterns this process compiled for the next start (never fails)."""
    if _installed is not None:
        try:
            _installed.save()
        except Exception:  # a full disk, a read-only folder: the next start compiles them again
            pass
