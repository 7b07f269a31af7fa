"""After a real (non-editable) install, the program finds its rules and resources
from any directory: they are package data, not paths next to the source."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_installed_package_finds_rules_and_sample_from_anywhere(tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target", str(target), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    assert (target / "workbench" / "rulepacks" / "legality").is_dir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import workbench, pathlib; from workbench.rules import load_builtin_rules; "
        "from workbench.gui.app import sample_document_path; "
        "assert str(pathlib.Path(workbench.__file__).parent).startswith(%r), workbench.__file__; "
        "print(len(load_builtin_rules()), pathlib.Path(sample_document_path()).is_file())" % str(target)
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    count, sample_found = r.stdout.split()
    assert int(count) >= 10 and sample_found == "True"
