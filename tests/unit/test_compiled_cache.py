"""The compiled cache: read back when fresh, rebuilt when anything it was made from
changed, never trusted when damaged, and never a reason to fail."""

from __future__ import annotations

import importlib
import os
import sys

import pytest

from workbench import compiled_cache
from workbench.compiled_cache import load_or_build
from workbench.errors import RuleFileError


class Counted:
    """A build function that reads its source files and counts its calls."""

    def __init__(self, *paths):
        self.paths = paths
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {p.name: p.read_text(encoding="utf-8") if p.exists() else None for p in self.paths}


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "src" / "a.yaml"
    path.parent.mkdir()
    path.write_text("rules: [甲]\n", encoding="utf-8")
    return path


def cache_files(data_dir):
    return sorted((data_dir / "cache").glob("*.pickle"))


def test_a_second_load_reads_the_file_instead_of_building(source, isolated_data_dir):
    build = Counted(source)
    first = load_or_build("t", [source], build, modules=())
    second = load_or_build("t", [source], build, modules=())
    assert first == second == {"a.yaml": "rules: [甲]\n"}
    assert build.calls == 1
    assert len(cache_files(isolated_data_dir)) == 1


def test_an_edit_is_seen_even_with_the_same_size_and_mtime(source):
    build = Counted(source)
    load_or_build("t", [source], build, modules=())
    st = source.stat()
    source.write_text("rules: [乙]\n", encoding="utf-8")  # same length
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert load_or_build("t", [source], build, modules=()) == {"a.yaml": "rules: [乙]\n"}
    assert build.calls == 2


def test_a_source_added_or_removed_is_a_miss(source, tmp_path):
    other = tmp_path / "src" / "b.yaml"
    build = Counted(source, other)
    assert load_or_build("t", [source, other], build, modules=())["b.yaml"] is None
    other.write_text("x\n", encoding="utf-8")
    assert load_or_build("t", [source, other], build, modules=())["b.yaml"] == "x\n"
    other.unlink()
    assert load_or_build("t", [source, other], build, modules=())["b.yaml"] is None
    assert build.calls == 3


@pytest.mark.parametrize("damage", ["truncate", "payload", "checksum", "key", "garbage", "empty"])
def test_a_damaged_file_is_rebuilt_and_replaced(source, isolated_data_dir, damage):
    build = Counted(source)
    expected = load_or_build("t", [source], build, modules=())
    (path,) = cache_files(isolated_data_dir)
    blob = bytearray(path.read_bytes())
    head = len(compiled_cache._MAGIC)
    if damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "payload":
        blob[-3] ^= 0xFF
    elif damage == "checksum":
        blob[head + 40] ^= 0xFF
    elif damage == "key":
        blob[head + 1] ^= 0xFF
    elif damage == "garbage":
        blob = bytearray(b"not a cache at all" * 10)
    else:
        blob = bytearray()
    path.write_bytes(bytes(blob))
    assert load_or_build("t", [source], build, modules=()) == expected
    assert build.calls == 2
    # The rebuilt file is good again.
    assert load_or_build("t", [source], build, modules=()) == expected
    assert build.calls == 2


class _Planted:
    """What an attacker would pickle: loading it with plain pickle calls os.mkdir."""

    def __init__(self, target):
        self.target = str(target)

    def __reduce__(self):
        return (os.mkdir, (self.target,))


def test_a_file_naming_any_other_callable_is_refused_not_run(source, tmp_path):
    build = Counted(source)
    key = compiled_cache._key("t", [source], (), ())
    path = compiled_cache._cache_file("t", ())
    marker = tmp_path / "planted-code-ran"
    compiled_cache._write(path, key, _Planted(marker))  # right header, right checksums
    assert load_or_build("t", [source], build, modules=()) == {"a.yaml": "rules: [甲]\n"}
    assert not marker.exists()
    assert build.calls == 1


def test_a_dataclass_that_gains_a_field_makes_the_cache_stale(source, tmp_path, monkeypatch):
    module_dir = tmp_path / "mods"
    module_dir.mkdir()
    module_file = module_dir / "cache_probe_model.py"
    module_file.write_text(
        "from dataclasses import dataclass\n\n@dataclass(frozen=True)\nclass Point:\n    x: int\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(module_dir))
    module = importlib.import_module("cache_probe_model")
    calls = []

    def build():
        calls.append(1)
        return [sys.modules["cache_probe_model"].Point(1)]

    try:
        first = load_or_build("t", [source], build, modules=("cache_probe_model",))
        assert load_or_build("t", [source], build, modules=("cache_probe_model",)) == first and len(calls) == 1
        module_file.write_text(
            "from dataclasses import dataclass\n\n@dataclass(frozen=True)\nclass Point:\n    x: int\n    y: int = 0\n",
            encoding="utf-8")
        importlib.reload(module)
        again = load_or_build("t", [source], build, modules=("cache_probe_model",))
        assert len(calls) == 2 and again[0].y == 0  # an old pickle would lack y
    finally:
        sys.modules.pop("cache_probe_model", None)


def test_an_unwritable_cache_folder_still_gives_the_value(source, isolated_data_dir):
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "cache").write_text("a file where the folder should be", encoding="utf-8")
    build = Counted(source)
    assert load_or_build("t", [source], build, modules=()) == {"a.yaml": "rules: [甲]\n"}
    assert load_or_build("t", [source], build, modules=()) == {"a.yaml": "rules: [甲]\n"}
    assert build.calls == 2


def test_a_failing_build_raises_as_without_the_cache_and_writes_nothing(source, isolated_data_dir):
    def build():
        raise RuleFileError(str(source), 1, "坏了")

    with pytest.raises(RuleFileError):
        load_or_build("t", [source], build, modules=())
    assert cache_files(isolated_data_dir) == []


# -- the real data --------------------------------------------------------------


def test_the_cached_rules_are_the_parsed_rules(isolated_data_dir):
    from workbench.rules import load_builtin_rules, loader

    parsed = loader.load_builtin_rules()
    assert load_builtin_rules() == parsed  # written
    assert load_builtin_rules() == parsed  # read back
    assert load_builtin_rules(("citation",)) == loader.load_builtin_rules(("citation",))
    assert len([p for p in cache_files(isolated_data_dir) if p.name.startswith("rules-")]) == 2  # one per set of packs


def test_the_cached_registry_is_the_parsed_registry_and_follows_the_overlay(isolated_data_dir):
    from workbench.laws import OVERLAY_NAME, default_registry, load_registry_data, reset_default_registry

    def fresh():
        reset_default_registry()
        return default_registry()

    parsed = load_registry_data()
    for _ in range(2):  # written, then read back
        cached = fresh()
        assert cached.data.laws == parsed.laws
        assert cached.data.mappings == parsed.mappings and cached.data.fines == parsed.fines
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    overlay = isolated_data_dir / OVERLAY_NAME
    overlay.write_text("laws:\n  - {title: 某市甲乙办法, level: local, source: 本局记录}\n", encoding="utf-8")
    assert fresh().lookup("某市甲乙办法") is not None
    overlay.write_text("laws:\n  - {title: 某市丙丁办法, level: local, source: 本局记录}\n", encoding="utf-8")
    registry = fresh()
    assert registry.lookup("某市丙丁办法") is not None and registry.lookup("某市甲乙办法") is None
    overlay.unlink()
    assert fresh().lookup("某市丙丁办法") is None
    reset_default_registry()


def test_a_broken_overlay_is_still_reported_with_its_line(isolated_data_dir):
    from workbench.laws import OVERLAY_NAME, default_registry, reset_default_registry

    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / OVERLAY_NAME).write_text("laws:\n  - {title: 某市办法}\n", encoding="utf-8")
    reset_default_registry()
    try:
        with pytest.raises(RuleFileError) as err:
            default_registry()
        assert err.value.line == 2
    finally:
        reset_default_registry()


def test_the_cached_case_library_is_the_built_one(isolated_data_dir):
    from importlib import resources

    from workbench.rules.caselib import _build, builtin_case_library

    pack = resources.files("workbench.rulepacks") / "cases"
    built = _build(pack / "fair_competition.jsonl", pack / "statute_bigrams.txt")
    for _ in range(2):  # written, then read back
        builtin_case_library.cache_clear()
        cached = builtin_case_library()
        assert cached.cases == built.cases and cached._unit == built._unit and cached._rare == built._rare
        assert cached._idf == built._idf and cached._owner == built._owner
        clause = built.cases[0].clause
        assert cached.nearest(clause) == built.nearest(clause)
    assert [p.name for p in cache_files(isolated_data_dir) if p.name.startswith("cases-")]
    builtin_case_library.cache_clear()


def test_the_cached_tagger_plan_is_the_worked_out_one_and_follows_its_inputs(isolated_data_dir):
    from dataclasses import replace

    from workbench.rules import entities
    from workbench.rules.lexicon import builtin_lexicon

    lexicon = builtin_lexicon()
    text = "本办法适用于在呼和浩特注册的潍坊某某科技有限公司，以及在沪登记的县燃气公司。"
    direct = entities.EntityTagger(lexicon.entities, tuple(w for c in entities._STOP_CLASSES for w in lexicon.literals("{" + c + "}")),
                                   lexicon.literals("{local_word}"))
    for _ in range(2):  # worked out and written, then read back
        tagger = entities.tagger_for(lexicon)
        assert tagger.shadow(text) == direct.shadow(text) != text
    assert [p for p in cache_files(isolated_data_dir) if p.name.startswith("tagger-")]
    # Another lexicon (no 公司 suffixes) is another plan, never the cached one.
    fewer = dict(lexicon.entities, operator_suffix=tuple(s for s in lexicon.entities["operator_suffix"] if "公司" not in s))
    other = entities.tagger_for(replace(lexicon, entities=fewer)).shadow(text)
    assert other != direct.shadow(text)
    assert other == entities.EntityTagger(fewer, tuple(w for c in entities._STOP_CLASSES for w in lexicon.literals("{" + c + "}")),
                                          lexicon.literals("{local_word}")).shadow(text)


def test_the_rule_cache_follows_the_lexicon_whose_words_become_anchors():
    # The loader expands anchors such as {private_record} from lexicon.yaml: an edit of the
    # lexicon alone must make the cached rules stale.
    from workbench.rules import compiled

    names = [getattr(p, "name", str(p)) for p in compiled._sources(("legality",))]
    assert "lexicon.yaml" in names
