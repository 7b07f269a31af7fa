"""Garbage collection while stock jobs run on worker threads (it holds the GIL, so the window waits).

Measured with bench/stock_cleanup.py in a fresh program (the user's first 清理 of 500
documents): the law registry and packs are loaded by the job's first document, after the
heap was frozen, so each full pass between documents walked them — 450 ms with the GIL held,
a stall between every two documents; after the job, the first automatic full pass (on the GUI
thread, when a confirmation re-read the log) walked them again, 140–240 ms. So:

- the first checking job loads what the program keeps (packs, registry, word index) before it
  freezes the heap (``gc.freeze``): no later pass, here or on the GUI thread, walks it;
- during a job automatic passes are off, and between documents only the young generations
  are collected (what one document left behind), never the whole heap.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_jobs = 0
_frozen = False  # something was frozen (the window, before any job)
_warm = False  # what checking keeps has been loaded and frozen


def _load_what_lasts() -> None:
    from workbench.checking import builtin_engine
    from workbench.laws import default_registry
    from workbench.stock import cases, cleanup, reading  # noqa: F401 — their imports too
    from workbench.text.segment import preload_words

    builtin_engine()
    default_registry()
    preload_words()


@contextmanager
def collection_between_documents(*, checking: bool = False):
    """Around a stock job on a worker thread; ``checking``: the job checks documents (load and
    freeze what checking keeps first, once per program)."""
    global _jobs, _frozen, _warm
    with _lock:
        owner = gc.isenabled() or _jobs > 0
        if owner:
            if not _frozen:
                gc.freeze()
                _frozen = True
            _jobs += 1
            gc.disable()
    try:
        if checking and not _warm:
            with _lock:
                if not _warm:
                    gc.collect()  # cheap: only what is not frozen yet; frozen garbage would never be freed
                    _load_what_lasts()
                    gc.freeze()
                    _warm = True
        yield
    finally:
        if owner:
            with _lock:
                _jobs -= 1
                if _jobs == 0:
                    gc.enable()


def collect_now() -> None:
    """Between documents: free what the last one left in cycles (generations 0 and 1 only)."""
    if _jobs:
        gc.collect(1)
