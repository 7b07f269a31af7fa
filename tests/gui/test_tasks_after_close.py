"""Background work that ends after its window is gone: no 'Signal source has been deleted' error."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QThreadPool

from workbench.gui import tasks


def test_work_finishing_after_its_receiver_is_deleted_is_silent(qapp, capfd):
    release = threading.Event()
    results = []
    tasks.run_in_background(lambda: release.wait(60) and "done", results.append, results.append)
    task = next(iter(tasks._alive))
    shiboken6.delete(task.relay)  # what closing the window during the work does to the relay
    release.set()
    assert QThreadPool.globalInstance().waitForDone(60000)
    qapp.processEvents()
    err = capfd.readouterr().err
    assert "Signal source has been deleted" not in err and "Traceback" not in err, err
    assert results == []  # nobody was left to tell
