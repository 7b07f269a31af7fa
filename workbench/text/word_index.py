"""jieba's dictionary as an indexed file, so that a sentence is segmented
without loading all of jieba's 350,000 words (~1.2 s and ~150 MB at every start).

jieba without HMM (``Tokenizer.cut(sentence, HMM=False)``) reads its
dictionary only for substrings of the sentence: from each character it extends
a fragment while the fragment is a word or the prefix of one (jieba keeps every
prefix, with frequency 0), and scores the words found. ``WordIndex.frequencies``
walks the sentence the same way against the index, one query per fragment
length, and returns exactly the entries jieba would read; a Tokenizer given
just those segments the sentence as jieba does with its whole dictionary
(``workbench.text.segment``; a test compares the two on real drafts).

The index is built once from jieba's own ``dict.txt`` (by jieba's own
``gen_pfdict``) into the user's cache folder, a few seconds, written under a
temporary name and renamed; it is rebuilt when ``dict.txt`` changes (another
jieba). Any failure returns None and the caller loads jieba whole, as before.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path

FORMAT = "1"
INDEX_NAME = "jieba-words.sqlite3"
_QUERY_CHUNK = 500  # parameters per query, well under SQLite's limit


def jieba_dictionary() -> Path | None:
    """jieba's dict.txt, found without importing jieba (an import costs ~50 ms)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "dict.txt"
    return path if path.is_file() else None


class WordIndex:
    def __init__(self, path: Path):
        import sqlite3  # here, not at the top: a check that needs no word boundary never opens the index

        self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        self.meta = meta
        self.total = int(meta["total"])
        self.longest = int(meta["longest"])

    def frequencies(self, sentence: str) -> dict[str, int]:
        """jieba's FREQ entries for every fragment of ``sentence`` that jieba's get_DAG looks at."""
        found: dict[str, int] = {}
        starts = list(range(len(sentence)))  # fragments still being extended, by start
        length = 1
        while starts and length <= self.longest:
            fragments = {sentence[k : k + length] for k in starts if k + length <= len(sentence)}
            hits = self._lookup(fragments)
            found.update(hits)
            starts = [k for k in starts if sentence[k : k + length] in hits]
            length += 1
        return found

    def _lookup(self, fragments: set[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        items = list(fragments)
        with self._lock:
            for i in range(0, len(items), _QUERY_CHUNK):
                chunk = items[i : i + _QUERY_CHUNK]
                marks = ",".join("?" * len(chunk))
                out.update(self._db.execute(f"SELECT word, freq FROM freq WHERE word IN ({marks})", chunk))
        return out


def _fingerprint(dictionary: Path) -> dict[str, str]:
    st = dictionary.stat()
    return {"format": FORMAT, "dictionary": str(dictionary), "size": str(st.st_size), "mtime_ns": str(st.st_mtime_ns)}


def _open_if_current(path: Path, expected: dict[str, str]) -> WordIndex | None:
    if not path.is_file():
        return None
    import sqlite3

    try:
        index = WordIndex(path)
    except (sqlite3.Error, KeyError, ValueError):
        return None
    if any(index.meta.get(k) != v for k, v in expected.items()):
        return None
    return index


def _build(path: Path, dictionary: Path, fingerprint: dict[str, str]) -> Path:
    """Write the index beside ``path`` and rename it into place; the file that holds it."""
    import sqlite3

    from jieba import Tokenizer

    with open(dictionary, "rb") as fh:
        freq, total = Tokenizer.gen_pfdict(fh)  # jieba's own reading: words and their prefixes
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            meta = dict(fingerprint, total=str(total), longest=str(max(map(len, freq))))
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
        return path
    except OSError:
        # On Windows another process may hold the old index open: use the new one from where it is.
        if tmp.is_file():
            return tmp
        raise


_lock = threading.Lock()
_index: WordIndex | None = None
_tried = False


def word_index() -> WordIndex | None:
    """The index for this process, built on first need; None when it cannot be had."""
    global _index, _tried
    with _lock:
        if not _tried:
            _tried = True
            try:
                _index = _load()
            except Exception:  # any failure: the caller falls back to the whole of jieba
                _index = None
        return _index


def _load() -> WordIndex | None:
    from workbench.paths import cache_dir

    dictionary = jieba_dictionary()
    if dictionary is None:
        return None
    fingerprint = _fingerprint(dictionary)
    path = cache_dir() / INDEX_NAME
    index = _open_if_current(path, fingerprint)
    if index is None:
        index = _open_if_current(_build(path, dictionary, fingerprint), fingerprint)
    return index


def reset_word_index() -> None:
    """Forget the opened index (tests that change the cache folder)."""
    global _index, _tried
    with _lock:
        _index, _tried = None, False
