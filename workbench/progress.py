"""Progress and cancellation for slow core work, without Qt.

The core receives a ``Progress`` object and calls ``progress.step(label, fraction)``
between stages; ``step`` raises ``Cancelled`` once the user has asked to stop.
The GUI passes an implementation that forwards steps to a progress bar.
"""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The user cancelled the work; nothing was changed."""


class Progress:
    """Thread-safe: the worker calls ``step``, the GUI calls ``cancel``."""

    def __init__(self, on_step=None):
        self._cancel = threading.Event()
        self._on_step = on_step

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, label: str, fraction: float) -> None:
        if self._cancel.is_set():
            raise Cancelled(label)
        if self._on_step is not None:
            self._on_step(label, fraction)


NO_PROGRESS = Progress()
