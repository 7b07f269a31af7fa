"""Compiled regexes kept between starts: read back they match exactly as compiled ones,
and a damaged, foreign or invalid table only falls back to compiling."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from workbench import compiled_cache, regex_cache
from workbench.regex_cache import RegexCache

pytestmark = pytest.mark.skipif(not regex_cache.supported(), reason="the table mirrors CPython 3.11–3.13's compiler")

PATTERNS = [
    (r"[\u4e00-\u9fff][\u4e00-\u9fff0-9A-Za-z]{0,15}\s*[〔\[［(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)）】]", 0),
    (r"(?i)(?P<word>ab+c)|(?P<num>\d+)(?=元)", 0),
    (r"^第[一二三四五六七八九十百]+条", re.MULTILINE),
    (r"(?<![零一二三])(?:[一二三四五六七八九十]+|\d+)(?:日|天)", re.IGNORECASE),
    (rb"ns\d+$", 0),
]
TEXTS = ["某市人民政府办公室〔2024〕3号", "ABBC 12元 abc", "前言\n第十二条 罚款\n第三条", "三十日内、15天", b"xns42"]


def _behaviour(compiled):
    out = [compiled.pattern, compiled.flags, compiled.groups, dict(compiled.groupindex)]
    for text in TEXTS:
        if isinstance(text, type(compiled.pattern)):
            out.append([(m.span(), m.groups()) for m in compiled.finditer(text)])
    return out


def _table_file(data_dir):
    return sorted((data_dir / "cache").glob("regex-*.pickle"))


def test_a_pattern_read_back_matches_as_the_compiled_one(isolated_data_dir, monkeypatch):
    writer = RegexCache.load("t")
    for pattern, flags in PATTERNS:
        assert _behaviour(writer.compile(pattern, flags)) == _behaviour(re.compile(pattern, flags))
    assert writer.save() and len(_table_file(isolated_data_dir)) == 1
    reader = RegexCache.load("t")

    from re import _parser

    standard = _parser.parse
    ours = {pattern for pattern, _ in PATTERNS}

    def parse_others_only(pattern, *args, **kwargs):
        assert pattern not in ours, "parsed although the table holds it"
        return standard(pattern, *args, **kwargs)

    monkeypatch.setattr(_parser, "parse", parse_others_only)  # read back: built from the table alone
    for pattern, flags in PATTERNS:
        assert _behaviour(reader.compile(pattern, flags)) == _behaviour(writer.compile(pattern, flags))
    assert not reader.save()  # nothing new: the file is not written again


@pytest.mark.parametrize("damage", ["payload", "key", "garbage"])
def test_a_damaged_table_is_not_read(isolated_data_dir, damage):
    writer = RegexCache.load("t")
    writer.compile(*PATTERNS[0])
    writer.save()
    (path,) = _table_file(isolated_data_dir)
    blob = bytearray(path.read_bytes())
    if damage == "payload":
        blob[-5] ^= 0xFF
    elif damage == "key":
        blob[len(compiled_cache._MAGIC) + 3] ^= 0xFF
    else:
        blob = bytearray(b"not a table" * 20)
    path.write_bytes(bytes(blob))
    reader = RegexCache.load("t")
    assert reader._table == {}
    assert _behaviour(reader.compile(*PATTERNS[0])) == _behaviour(re.compile(*PATTERNS[0]))


def test_a_table_for_another_python_is_not_read(isolated_data_dir, monkeypatch):
    writer = RegexCache.load("t")
    writer.compile(*PATTERNS[0])
    writer.save()
    monkeypatch.setattr(regex_cache, "_key", lambda: b"\0" * 32)  # another sys.version or _sre.MAGIC
    assert RegexCache.load("t")._table == {}


def test_an_opcode_list_the_engine_refuses_is_compiled_anew(isolated_data_dir):
    pattern, flags = PATTERNS[1]
    record = RegexCache.load("t")
    record.compile(pattern, flags)
    flags_out, code, groups, groupindex, indexgroup = record._table[(pattern, flags)]
    planted = RegexCache("t", {(pattern, flags): (flags_out, [999999] + code[1:], groups, groupindex, indexgroup)})
    assert _behaviour(planted.compile(pattern, flags)) == _behaviour(re.compile(pattern, flags))


def test_locale_and_debug_patterns_are_never_kept():
    cache = RegexCache("t")
    cache.compile(rb"\w+", re.LOCALE)
    assert cache._table == {}


def test_a_second_check_reads_every_pattern_back_and_writes_nothing(tmp_path):
    """Same findings, and no pattern compiled anew: every pattern is the same string in
    every process (none built from a set's iteration order, which changes per process)."""
    draft = tmp_path / "d.txt"
    draft.write_text("关于园区管理的通知\n依据《中华人民共和国大气污染防治法》第九十九条制定本办法。\n"
                     "本市对进入园区的车辆实行收费，须使用本地企业的产品。\n", encoding="utf-8")
    env = dict(os.environ, WORKBENCH_DATA_DIR=str(tmp_path / "data"))
    code = "import sys; from workbench.cli import main; main(['check', sys.argv[1]])"
    outputs, stamps = [], []
    for _ in range(3):  # the first run writes the caches; the second may add the patterns of a warm start
        r = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, env=env, timeout=120)
        outputs.append(r.stdout)
        (table,) = _table_file(tmp_path / "data")
        stamps.append(table.stat().st_mtime_ns)
    assert outputs[0] == outputs[1] == outputs[2] and "leg.creates.fee" in outputs[0]
    assert stamps[1] == stamps[2]
