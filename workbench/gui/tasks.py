"""Run slow work off the GUI thread; its result always comes back on the GUI thread.

``run_in_background(fn, on_done, on_error)`` runs ``fn()`` in Qt's global
thread pool. ``on_done(result)`` or ``on_error(exc)`` is then called on the
GUI thread through a queued signal. Tests can call ``set_synchronous(True)``
to run everything inline.

At start, ``hold_until_painted(window)`` keeps work submitted before the window's
first paint (the checking engine's preload, the last review's draft) waiting until
that paint is done: a worker running beside it takes the interpreter lock each
time the paint calls into Python (the tables' models), and the window shows later.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal

_synchronous = False
_alive: set["_Task"] = set()  # keep tasks (and their signal objects) alive until done
_held: list["_Task"] | None = None  # tasks waiting for the window's first paint (hold_until_painted)
_closing = False  # set by drain(): the application is quitting, no new work starts


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
    if _closing:
        return  # the application is quitting (drain): work started now would outlive it
    relay = _Relay()  # created on the GUI thread, so its slots run there
    task = _Task(fn, relay)

    def finish(callback, value):
        _alive.discard(task)
        callback(value)

    relay.done.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    _alive.add(task)
    if _held is not None:
        _held.append(task)
    else:
        QThreadPool.globalInstance().start(task)


def drain(timeout_ms: int = 10000) -> bool:
    """At quit: drop work that has not started and wait (at most ``timeout_ms``) for what runs.

    A worker still running when Qt tears the application down emits into a relay whose
    thread is gone, and the process dies of a segmentation fault on its way out (seen when
    the window closed during the engine's preload). Nothing is lost either way — the log
    commits as it goes — but a program should not crash when it is closed. True if all
    work finished in time."""
    global _held, _closing
    _held = None  # held work never started: nothing to wait for
    _closing = True  # nor may work submitted from now on (a callback after the first paint) start
    pool = QThreadPool.globalInstance()
    pool.clear()
    return pool.waitForDone(timeout_ms)


class _FirstPaint(QObject):
    """Calls back once ``widget`` has painted for the first time (or after ``fallback_ms``, if it never does)."""

    def __init__(self, widget, fallback_ms: int):
        super().__init__(widget)
        self.widget = widget
        self.callbacks: list[Callable[[], None]] = []
        self.done = False
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self.fire)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self.fire)  # after the whole paint: the children paint in the same pass
        return False

    def fire(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        callbacks, self.callbacks = self.callbacks, []
        for callback in callbacks:
            callback()


def after_first_paint(widget, fn: Callable[[], None], fallback_ms: int = 2000) -> None:
    """Call ``fn()`` on the GUI thread once ``widget`` has painted for the first time (at the latest
    after ``fallback_ms``; at the next turn of the event loop if it already has): what the window
    does "once it is up" without delaying its first paint."""
    gate = getattr(widget, "_first_paint_gate", None)
    if gate is None:
        gate = widget._first_paint_gate = _FirstPaint(widget, fallback_ms)
    if gate.done:
        QTimer.singleShot(0, widget, fn)
    else:
        gate.callbacks.append(fn)


def hold_until_painted(widget) -> None:
    """Start background work submitted from now on only once ``widget`` (the window, about to be
    shown) has painted for the first time."""
    global _held
    if _synchronous or _held is not None:
        return
    _held = []
    after_first_paint(widget, _release_held)
    widget.destroyed.connect(_drop_held)  # gone before it painted: nobody waits for that work


def _release_held() -> None:
    global _held
    held, _held = _held, None
    for task in held or ():
        QThreadPool.globalInstance().start(task)


def _drop_held() -> None:
    global _held
    held, _held = _held, None
    for task in held or ():
        _alive.discard(task)
