"""A compiled copy of parsed data files, so that start-up does not parse YAML each time.

``load_or_build(name, sources, build, modules)`` returns what ``build()`` returns:
from a file in the user's cache folder (``workbench.paths.cache_dir``) when that
file was written from the same sources by the same program, else by calling
``build()`` and writing the file for the next start. The loaders stay as they
are; this is a wrapper around them (``workbench.rules.compiled``,
``workbench.laws.registry.default_registry``).

The cache is never trusted when it may be stale or damaged:

- its key hashes the content of every source file (and which are absent), the
  program's version, Python's version, the workbench's own code (size and mtime
  of each of its ``.py`` files; in a bundle, its executable) and the fields of
  every class of the ``modules`` whose objects it holds: a rule dataclass that
  gains a field, or any edit of the code, makes the old file a miss;
- a file whose header, key or payload checksum does not match, or that does not
  unpickle, is a miss;
- any error while reading or writing falls back to ``build()``: the cache can
  make a start faster, never wrong and never failing. Errors of ``build()``
  itself (a broken rule file) propagate as without the cache, and nothing is
  written.

A file is written under a temporary name and then renamed over the old one, so a
reader (another process) sees the old file or the new one, never half of one.

Why pickle is safe here: pickle's danger is that a crafted file can name any
callable (``os.system``) to be called while it loads. The unpickler below
resolves only an allow-list: builtin containers and scalars, ``datetime`` and
``defaultdict``, and the classes defined in the ``modules`` the caller names
(plain data classes whose constructors only store values). Any other name is
refused and the file is a miss. A file planted in the cache folder can at worst
hold wrong data, and whoever can write there can already write the user's
registry overlay and settings beside it.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import importlib
import io
import json
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

FORMAT = 1  # bump when the file layout below changes
_MAGIC = b"LWBCACHE"
_DIGEST = 32  # bytes of a sha256 digest
_MISS = object()

_SAFE_GLOBALS = frozenset(
    [("builtins", name) for name in ("list", "dict", "set", "frozenset", "tuple", "str", "bytes", "int", "float", "bool", "complex")]
    + [("datetime", "date"), ("datetime", "datetime"), ("datetime", "timedelta"), ("datetime", "timezone"),
       ("collections", "defaultdict"), ("collections", "OrderedDict"), ("decimal", "Decimal")]
)


def load_or_build(name: str, sources: Iterable, build: Callable[[], T], modules: tuple[str, ...], extra=(),
                  keep: Callable[[T], bool] = lambda value: True) -> T:
    """``build()``'s value, from the cache named ``name`` when it is fresh.

    ``sources``: the files ``build`` reads (``Path`` or ``importlib.resources``
    traversables; one that does not exist counts as absent). ``modules``: the
    modules whose classes the value holds. ``extra``: anything else (JSON-able)
    that changes what ``build`` returns, e.g. which packs. ``keep``: whether a built value may be
    written (a value that records a broken file is not).
    """
    sources = list(sources)
    key = _key(name, sources, modules, extra)
    path = _cache_file(name, extra)
    if path is not None:
        value = _read(path, key, modules)
        if value is not _MISS:
            return value
    value = build()
    # A source edited while ``build`` ran: the value may not match the key; do not keep it.
    if path is not None and keep(value) and _key(name, sources, modules, extra) == key:
        _write(path, key, value)
    return value


def files_under(folders) -> list:
    """Every file under ``folders`` (paths or resource traversables), in a stable order."""
    out = []
    for folder in folders:
        if not folder.is_dir():
            out.append(folder)  # absent: its absence is part of the key
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name == "__pycache__":
                continue
            out += files_under([entry]) if entry.is_dir() else [entry]
    return out


# -- the key ---------------------------------------------------------------------


def _key(name: str, sources: list, modules: tuple[str, ...], extra) -> bytes:
    from workbench import __version__

    parts = {
        "format": FORMAT,
        "name": name,
        "version": __version__,
        "python": sys.version,
        "code": _code_fingerprint(),
        "schema": [_schema(m) for m in modules],
        "sources": [_source_fingerprint(s) for s in sources],
        "extra": extra,
    }
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")).digest()


def _source_fingerprint(source) -> list:
    try:
        data = source.read_bytes()
    except OSError:  # absent or unreadable: ``build`` says what is wrong, if anything
        return [str(source), None]
    return [str(source), hashlib.sha256(data).hexdigest()]


@lru_cache(maxsize=1)
def _code_fingerprint() -> list:
    """Size and mtime of each .py file of the workbench package (its executable in a bundle)."""
    if getattr(sys, "frozen", False):  # PyInstaller: the code lives inside the bundle
        st = os.stat(sys.executable)
        return [["executable", st.st_size, st.st_mtime_ns]]
    root = Path(__file__).resolve().parent
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for f in sorted(files):
            if f.endswith(".py"):
                st = os.stat(os.path.join(folder, f))
                out.append([os.path.relpath(os.path.join(folder, f), root), st.st_size, st.st_mtime_ns])
    return out


def _schema(module_name: str) -> list:
    """Every class of the module with its dataclass fields and their types, in order."""
    module = importlib.import_module(module_name)
    out = []
    for attr, obj in sorted(vars(module).items()):
        if isinstance(obj, type) and obj.__module__ == module_name:
            fields = [[f.name, str(f.type)] for f in dataclasses.fields(obj)] if dataclasses.is_dataclass(obj) else []
            out.append([obj.__qualname__, fields])
    return [module_name, out]


# -- the file ---------------------------------------------------------------------


def _cache_file(name: str, extra) -> Path | None:
    from workbench.paths import cache_dir

    suffix = hashlib.sha256(json.dumps(extra, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:12]
    try:
        return cache_dir() / f"{name}-{suffix}.pickle"
    except OSError:  # no home folder, a read-only disk …: run without the cache
        return None


def _read(path: Path, key: bytes, modules: tuple[str, ...]):
    try:
        blob = path.read_bytes()
    except OSError:
        return _MISS
    head = len(_MAGIC)
    if len(blob) < head + 2 * _DIGEST or blob[:head] != _MAGIC or blob[head : head + _DIGEST] != key:
        return _MISS
    payload = blob[head + 2 * _DIGEST :]
    if hashlib.sha256(payload).digest() != blob[head + _DIGEST : head + 2 * _DIGEST]:
        return _MISS
    # Tens of thousands of objects and no cycles among them: the cyclic collector would only
    # walk them over and over while they are made.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Unpickler(io.BytesIO(payload), modules).load()
    except Exception:  # a damaged or foreign payload is a miss, whatever it raises
        return _MISS
    finally:
        if was_enabled:
            gc.enable()


def _write(path: Path, key: bytes, value) -> None:
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # a value we cannot store is rebuilt each time, as before the cache
    write_atomically(path, _MAGIC + key + hashlib.sha256(payload).digest() + payload)


def write_atomically(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename; False if that failed."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        return True
    except OSError:  # full disk, read-only folder, a reader holding the file on Windows …
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False


class _Unpickler(pickle.Unpickler):
    """Resolves only the allow-list (module docstring): any other global is refused."""

    def __init__(self, file, modules: tuple[str, ...]):
        super().__init__(file)
        self._modules = frozenset(modules)

    def find_class(self, module: str, name: str):
        if (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        if module in self._modules:
            obj = getattr(importlib.import_module(module), name, None)
            if isinstance(obj, type) and obj.__module__ == module:
                return obj
        raise pickle.UnpicklingError(f"compiled cache refers to {module}.{name}, which is not allowed")
