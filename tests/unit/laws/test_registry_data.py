"""The registry files: size, sources, format errors with lines, and the user's overlay."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from workbench.errors import RuleFileError
from workbench.laws.data import OVERLAY_NAME, RegistryData, load_registry_data
from workbench.laws.registry import Registry, default_registry


def test_registry_is_large_and_every_entry_has_a_source(registry):
    assert len(registry) >= 200
    levels = Counter(e.level for e in registry.entries.values())
    assert levels["law"] >= 100 and levels["regulation"] >= 100 and levels["rule"] >= 10
    for entry in registry.entries.values():
        assert entry.source or any(ev.source for ev in entry.status) or any(v.source for v in entry.versions), entry.title


def test_every_mapping_and_fine_row_has_a_source(registry):
    assert registry.data.mappings and registry.data.fines
    assert all(m.source for m in registry.data.mappings)
    assert all(f.source for f in registry.data.fines)


def test_the_ten_laws_repealed_by_the_code(registry):
    code = registry.lookup("中华人民共和国生态环境法典")
    assert code.in_force == date(2026, 8, 15) and code.articles == 1242
    ten = ["环境保护法", "环境影响评价法", "海洋环境保护法", "大气污染防治法", "水污染防治法", "土壤污染防治法",
           "固体废物污染环境防治法", "噪声污染防治法", "放射性污染防治法", "清洁生产促进法"]
    for name in ten:
        ev = registry.lookup(name).repeal(date(2026, 8, 15))
        assert ev and ev.by == code.title and ev.on == date(2026, 8, 15), name
        assert registry.lookup(name).repeal(date(2026, 8, 14)) is None


def test_repeals_from_the_lawrefbook_appendix(registry):
    ev = registry.lookup("《中华人民共和国城市规划法》").repeal()
    assert ev.by == "中华人民共和国城乡规划法" and ev.on == date(2008, 1, 1)
    # A name reused by a later law is not marked repealed (国家安全法 1993 vs 2015).
    assert registry.lookup("中华人民共和国国家安全法").repeal() is None


def _data(text: str) -> RegistryData:
    data = RegistryData()
    data.add_text(text, "test.yaml")
    return data


@pytest.mark.parametrize("text, line, words", [
    ("laws:\n  - title: 某法\n    level: law\n    colour: red\n    source: x\n", 4, "colour"),
    ("laws:\n  - title: 某法\n    level: statute\n    source: x\n", 3, "level"),
    ("laws:\n  - title: 某法\n    level: law\n    in_force: 2026-13-01\n    source: x\n", 4, "日期"),
    ("laws:\n  - title: 某法\n    level: law\n", 2, "source"),
    ("laws:\n  - title: 某法\n    level: law\n    source: x\n    status: [{event: abolished}]\n", 5, "event"),
    ("fines:\n  - {law: 某法, article: 3, min: 10, max: 5, source: x}\n", 2, "max"),
    ("laws:\n  - title: [oops\n", 3, "YAML"),
])
def test_malformed_file_is_refused_with_its_line(text, line, words):
    with pytest.raises(RuleFileError) as err:
        _data(text)
    assert err.value.line == line
    assert words in err.value.problem


def test_overlay_adds_a_law_and_records_a_repeal(tmp_path):
    overlay = tmp_path / OVERLAY_NAME
    overlay.write_text(
        "laws:\n"
        "  - title: 某省生态环境保护条例\n    level: local\n    articles: 50\n    source: 省人大常委会公告\n"
        "  - title: 中华人民共和国行政处罚法\n"
        "    status: [{event: repealed, 'on': 2030-01-01, by: 中华人民共和国行政处罚新法, source: 本局法制科}]\n",
        encoding="utf-8",
    )
    reg = Registry(load_registry_data(overlay=overlay))
    assert reg.lookup("某省生态环境保护条例").articles == 50
    assert reg.verdict("行政处罚法", date(2029, 12, 31)).state == "in_force"
    v = reg.verdict("行政处罚法", date(2030, 1, 2))
    assert v.state == "repealed" and v.event.by == "中华人民共和国行政处罚新法"


def test_default_registry_reads_the_overlay_in_the_data_dir(isolated_data_dir, fresh_default_registry):
    assert default_registry().lookup("某市扬尘污染防治办法") is None
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / OVERLAY_NAME).write_text("laws:\n  - {title: 某市扬尘污染防治办法, level: local, source: 市政府令}\n", encoding="utf-8")
    from workbench.laws.registry import reset_default_registry

    reset_default_registry()
    assert default_registry().lookup("某市扬尘污染防治办法") is not None


def test_broken_overlay_names_its_file_and_line(isolated_data_dir, fresh_default_registry):
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    path = isolated_data_dir / OVERLAY_NAME
    path.write_text("laws:\n  - title: 某法\n    level: law\n    sorce: x\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_registry_data()
    assert err.value.path == str(path) and err.value.line == 4
