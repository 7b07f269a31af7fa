"""Read-only media and a full disk, on real file systems: say so, and let reads work."""

from __future__ import annotations

import pytest

from tests.helpers.mounts import fill, remount_readonly, tmpfs
from workbench.cli import main
from workbench.log import LogFullError, LogReadOnlyError, ReviewLog


@pytest.fixture
def mount(tmp_path):
    with tmpfs(tmp_path / "media", size="8m") as path:
        yield path


def _write_log(path, make_result):
    with ReviewLog.open(path) as log:
        review = log.open_review(make_result(), "legality")
        log.add_opinion(review, "王律师", "写入成功的意见。")
    return review


def test_a_log_on_read_only_media_opens_read_only_and_says_so(mount, make_result, capsys):
    path = mount / "log.sqlite3"
    review = _write_log(path, make_result)
    remount_readonly(mount)
    with ReviewLog.open(path) as log:  # asked for read-write, as the window does
        assert log.readonly and "只读的存储设备" in log.readonly_reason
        assert [o.text for o in log.review(review).opinions] == ["写入成功的意见。"]
        assert log.verify().ok
        with pytest.raises(LogReadOnlyError, match="只读"):
            log.add_opinion(review, "王律师", "不能写")
    assert main(["review", "list", "--db", str(path)]) == 0  # reads through the CLI work
    assert main(["log", "verify", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["opinion", "add", review, "--counsel", "王律师", "--text", "意见", "--db", str(path)]) == 2
    assert "只读" in capsys.readouterr().err


def test_the_window_marks_a_read_only_log(mount, make_result, qapp):
    from workbench.gui.main_window import MainWindow
    from workbench.workspace import Workspace

    path = mount / "log.sqlite3"
    _write_log(path, make_result)
    remount_readonly(mount)
    log = ReviewLog.open(path)
    try:
        window = MainWindow(Workspace(log, {"reviewer": "王审查", "recent_files": []}))
        assert "日志只读" in window.warning_label.text()
        assert any("只读" in w for w in window.warnings())
        assert window.queue_model.rowCount() == 1
        window.close()
    finally:
        log.close()


def test_a_read_only_file_is_reported_on_write(mount, make_result):
    # The old chmod test, made real for root: the whole file system is read-only.
    path = mount / "log.sqlite3"
    review = _write_log(path, make_result)
    remount_readonly(mount)
    with pytest.raises(LogReadOnlyError):
        with ReviewLog.open(path) as rw:
            rw.add_opinion(review, "王律师", "意见")


def test_a_full_disk_says_full_and_reads_still_work(mount, make_result):
    path = mount / "log.sqlite3"
    review = _write_log(path, make_result)
    fill(mount)
    with ReviewLog.open(path) as log:
        assert [o.text for o in log.review(review).opinions] == ["写入成功的意见。"]
        with pytest.raises(LogFullError, match="磁盘空间已满"):
            log.add_opinion(review, "王律师", "很长的意见。" * 20000)
        assert [o.text for o in log.review(review).opinions] == ["写入成功的意见。"]
    (mount / "filler").unlink()
    with ReviewLog.open(path) as log:
        assert log.verify().ok
        log.add_opinion(review, "王律师", "空间恢复后的意见。")
