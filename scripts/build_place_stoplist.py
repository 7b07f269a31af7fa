"""Write rules/place_common_words.txt: short place names that are also common words.

A county's short name (新建 for 新建区, 和平 for 和平区) is often an ordinary
word; marking it as a place would make 新建项目 a "local" project. Which short
names are ordinary words is read from jieba's dictionary (its word frequency),
not decided by hand: a two-character short form whose frequency in jieba's
corpus is at least MIN_FREQUENCY is listed, and the tagger then does not take
it for a place without its suffix (新建区 is still a place).

usage: .venv/bin/python scripts/build_place_stoplist.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from workbench.rules.entities import _PLACE_SUFFIXES, division_codes  # noqa: E402

MIN_FREQUENCY = 300


def main() -> None:
    freq: dict[str, int] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and len(parts[0]) == 2:
                freq[parts[0]] = int(parts[1])
    # Only county-level names (code not ending in 00): a province's or a city's
    # short name (上海, 保定) is used as a place name in running text.
    full = {name for code, name in division_codes().items()}

    def short_form(name: str) -> str | None:
        for suffix in _PLACE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return name[: -len(suffix)]
        return None

    upper = {short_form(n) for c, n in division_codes().items() if c.endswith("00")} - {None}
    short = set()
    for code, name in division_codes().items():
        if code.endswith("00"):
            continue
        for suffix in _PLACE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) == 2:
                s = name[: -len(suffix)]
                if s not in full and s not in upper and freq.get(s, 0) >= MIN_FREQUENCY:
                    short.add(s)
                break
    short = sorted(short)
    out = ROOT / "rules" / "place_common_words.txt"
    header = (f"# 生成文件（scripts/build_place_stoplist.py）：行政区划简称中同时是常用词的（jieba 词典词频 ≥ {MIN_FREQUENCY}），\n"
              "# 不带“省、市、县、区”等后缀时不作地名。请重新运行脚本而不要手改。\n")
    out.write_text(header + "\n".join(short) + "\n", encoding="utf-8")
    print(f"{out}: {len(short)} 个")


if __name__ == "__main__":
    main()
