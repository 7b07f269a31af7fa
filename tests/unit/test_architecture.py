"""The core never imports Qt: only workbench/gui/ may (the CLI runs without it)."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import workbench

PACKAGE = Path(workbench.__file__).parent


def qt_imports(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") for n in names):
            lines.append(node.lineno)
    return lines


def test_no_qt_import_outside_the_gui_package():
    offenders = [
        f"{p.relative_to(PACKAGE)}:{line}"
        for p in PACKAGE.rglob("*.py")
        if "gui" not in p.relative_to(PACKAGE).parts
        for line in qt_imports(p)
    ]
    assert offenders == []


def test_checking_a_document_does_not_load_qt(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("关于某事的通知\n须使用某公司产品。", encoding="utf-8")
    code = (
        "import sys; from workbench.cli import main; main(['check', sys.argv[1]]); "
        "bad = [m for m in sys.modules if m.startswith('PySide6')]; print('QT:', bad)"
    )
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert "QT: []" in r.stdout, r.stdout + r.stderr


def test_every_subpackage_is_listed_for_installation():
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_check_with_a_warm_cache_imports_only_what_it_uses(tmp_path):
    """No log (sqlite_utils), no Qt, no Excel, no .docx or PDF reader for a .txt, no PyYAML; jieba's
    dictionary stays unloaded even where a rule asks for word boundaries (the word index)."""
    draft = tmp_path / "d.txt"
    draft.write_text("关于园区管理的通知\n依据《中华人民共和国大气污染防治法》第九十九条制定本办法。\n本市对进入园区的车辆实行收费。\n",
                     encoding="utf-8")
    code = (
        "import sys, json; from workbench.cli import main; status = main(['check', sys.argv[1]]); "
        "jieba = sys.modules.get('jieba'); "
        "print('MODULES:', json.dumps({'status': status, 'loaded': sorted({m.split('.')[0] for m in sys.modules}), "
        "'jieba_dictionary': bool(jieba and jieba.dt.initialized)}))"
    )
    env = dict(os.environ, WORKBENCH_DATA_DIR=str(tmp_path / "data"))
    runs = []
    for _ in range(2):  # the first run writes the caches, the second reads them
        r = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, env=env, timeout=120)
        line = [x for x in r.stdout.splitlines() if x.startswith("MODULES:")]
        assert line, r.stdout + r.stderr
        runs.append((r.stdout.split("MODULES:")[0], json.loads(line[0].split(":", 1)[1])))
    (first_out, _), (second_out, warm) = runs
    assert second_out == first_out and "leg.creates.fee" in second_out  # same findings from the cache
    # No YAML parser either: the packs, the registry and the lexicon come from the compiled cache.
    assert not {"sqlite_utils", "PySide6", "openpyxl", "docx", "pypdf", "yaml"} & set(warm["loaded"])
    assert warm["jieba_dictionary"] is False
