"""Run slow work off the GUI thread; its result always comes back on the GUI thread.

``run_in_background(fn, on_done, on_error)`` runs ``fn()`` in Qt's global
thread pool. ``on_done(result)`` or ``on_error(exc)`` is then called on the
GUI thread through a queued signal. Tests can call ``set_synchronous(True)``
to run everything inline.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_synchronous = False
_alive: set["_Task"] = set()  # keep tasks (and their signal objects) alive until done


def set_synchronous(value: bool) -> None:
    global _synchronous
    _synchronous = value


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn, relay):
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(False)

    def run(self):
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 — reported to the GUI, never lost
            exc.__traceback_text__ = traceback.format_exc()
            self._emit(self.relay.failed, exc)
        else:
            self._emit(self.relay.done, result)

    @staticmethod
    def _emit(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # The window closed while the work ran ("Signal source has been
            # deleted"): no one is left to tell, and that is not an error.
            pass


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> None:
    if _synchronous:
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001
            on_error(exc)
        else:
            on_done(result)
        return
    relay = _Relay()  # created on the GUI thread, so its slots run there
    task = _Task(fn, relay)

    def finish(callback, value):
        _alive.discard(task)
        callback(value)

    relay.done.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    _alive.add(task)
    QThreadPool.globalInstance().start(task)
