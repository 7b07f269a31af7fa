"""The one-folder bundle (PyInstaller) and the wheelhouse: built as ``scripts/dev.sh`` builds them,
then run the way an office desktop would run them, without this repository's Python.

Both build for minutes (see the README's figures), so they are ``slow``; CI runs them.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "legality-workbench"
SAMPLE = "示例-关于加强建材市场管理的若干规定.docx"


def clean_env(tmp_path: Path) -> dict:
    """A user with a home folder, no Python on PATH, no virtual environment, no network settings."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    empty_bin = tmp_path / "empty-bin"
    empty_bin.mkdir(exist_ok=True)
    env = {"HOME": str(home), "PATH": str(empty_bin), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    if "DISPLAY" in os.environ:
        env["DISPLAY"] = os.environ["DISPLAY"]
    return env


def findings_lines(output: str) -> list[str]:
    """The findings of ``check``'s text output, without the first line (it names the file's path)."""
    return output.splitlines()[1:]


@pytest.fixture(scope="module")
def bundle():
    r = subprocess.run(["bash", "scripts/dev.sh", "bundle"], cwd=ROOT, capture_output=True, text=True, timeout=3000)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    exe = BUNDLE / ("legality-workbench.exe" if sys.platform == "win32" else "legality-workbench")
    assert exe.is_file()
    return exe


@pytest.mark.slow
def test_the_bundle_checks_the_sample_without_python(bundle, tmp_path):
    env = clean_env(tmp_path)
    samples = list(BUNDLE.rglob(SAMPLE))
    assert samples, "the sample draft is inside the bundle"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    runs = [subprocess.run([str(bundle), "check", str(samples[0])], cwd=elsewhere, env=env, capture_output=True,
                           text=True, timeout=300) for _ in range(2)]  # the second start reads the compiled caches
    for r in runs:
        assert r.returncode == 1, r.stdout + r.stderr  # the sample has error-level findings
    venv_run = subprocess.run([sys.executable, "-m", "workbench", "check", str(ROOT / "resources" / "samples" / SAMPLE)],
                              capture_output=True, text=True, timeout=300)
    assert findings_lines(runs[0].stdout) == findings_lines(runs[1].stdout) == findings_lines(venv_run.stdout)
    assert "fc." in runs[0].stdout
    cache = Path(env["HOME"]) / ".cache" / "legality-workbench"
    assert list(cache.glob("packs-*.pickle")) and list(cache.glob("registry-*.pickle")) and list(cache.glob("regex-*.pickle"))


@pytest.mark.slow
def test_the_bundle_opens_its_window_in_chinese_and_keeps_its_log_in_the_users_folder(bundle, tmp_path):
    env = clean_env(tmp_path)
    shot = tmp_path / "window.png"
    r = subprocess.run([str(bundle), "gui", "--screenshot", str(shot)], cwd=tmp_path, env=env, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Qt 中文翻译：已加载" in r.stdout
    assert shot.is_file() and shot.stat().st_size > 10_000
    log = Path(env["HOME"]) / ".local" / "share" / "legality-workbench" / "log.sqlite3"
    assert str(log) in r.stdout
    with sqlite3.connect(log) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.slow
def test_the_bundle_carries_qts_chinese_and_a_chinese_font(bundle):
    assert list(BUNDLE.rglob("qtbase_zh_CN.qm"))
    assert list(BUNDLE.rglob("jieba/dict.txt"))
    if Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").is_file():  # Debian's fonts-wqy-microhei (dev.sh)
        assert list(BUNDLE.rglob("resources/fonts/wqy-microhei.ttc"))


@pytest.mark.slow
def test_the_wheelhouse_installs_offline_into_a_fresh_venv(tmp_path):
    house = tmp_path / "wheelhouse"
    r = subprocess.run(["bash", "scripts/dev.sh", "wheelhouse", str(house)], cwd=ROOT, capture_output=True, text=True,
                       timeout=1800)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert any(w.name.startswith("legality_review_workbench-") for w in house.glob("*.whl"))
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    # Only the wheelhouse: no index, and none of this machine's pip settings (its mirror, its find-links).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    r = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(house),
                        "legality-review-workbench"], env=env, capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    run_env = dict(clean_env(tmp_path), PATH=str(python.parent))
    r = subprocess.run([str(python.with_name("workbench")), "check", str(ROOT / "resources" / "samples" / SAMPLE)],
                       cwd=tmp_path, env=run_env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "fc." in r.stdout, r.stdout + r.stderr
