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


def test_quitting_drops_work_not_started_and_waits_for_work_running(qapp):
    pool = QThreadPool.globalInstance()
    release = threading.Event()
    started = threading.Event()
    ran = []

    def running():
        started.set()
        release.wait(60)
        ran.append("running")

    tasks.run_in_background(running, lambda _: None, lambda _: None)
    assert started.wait(60)
    # Fill the pool so that one more task has to queue behind the running ones.
    blockers = max(0, pool.maxThreadCount() - pool.activeThreadCount())
    for _ in range(blockers):
        tasks.run_in_background(lambda: release.wait(60), lambda _: None, lambda _: None)
    tasks.run_in_background(lambda: ran.append("queued"), lambda _: None, lambda _: None)
    assert not tasks.drain(0)  # the queue is cleared; the running work is still running
    release.set()
    assert tasks.drain(60000)
    assert pool.activeThreadCount() == 0
    assert "running" in ran and "queued" not in ran  # the queued task was dropped, never run
    tasks.run_in_background(lambda: ran.append("late"), lambda _: None, lambda _: None)
    assert tasks.drain(60000) and "late" not in ran  # nothing starts once the application quits
    qapp.processEvents()
    tasks._alive.clear()
    tasks._closing = False  # the test's application goes on
