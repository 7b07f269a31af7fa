"""A bureau's stock made from real texts, for the stock tests and bench/stock_cleanup.py.

Issued normative documents are put together from the statutes under
shared/reference/law (the articles they cite, quoted as a bureau quotes them), the three
published ministry opinions under shared/eval/normative_documents, and clauses of
shared/eval/fair_competition (real provisions that inspection notices found unlawful, and
real lawful look-alikes), with a title, 文号, issuing organ, date and a 施行/有效期 clause as a
city bureau writes them. Case files are the published penalty decisions. Everything is
chosen by a seeded ``random.Random``, so the same ``n`` gives the same files.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from docx import Document as DocxDocument

from workbench.text.numbers import to_int

SHARED = Path(__file__).resolve().parents[3] / "shared"
LAW = SHARED / "reference" / "law"
EVAL = SHARED / "eval"
ORGAN = "示例市生态环境局"

# (file, full title, article, item, subject): liability articles with a 法典 successor.
CITED = [
    ("air_pollution_prevention_law_2018.md", "中华人民共和国大气污染防治法", 99, 2, "大气污染物排放"),
    ("air_pollution_prevention_law_2018.md", "中华人民共和国大气污染防治法", 108, 1, "挥发性有机物治理"),
    ("air_pollution_prevention_law_2018.md", "中华人民共和国大气污染防治法", 117, None, "扬尘污染防治"),
    ("water_pollution_prevention_law_2017.md", "中华人民共和国水污染防治法", 83, 2, "水污染物排放"),
    ("solid_waste_law_2020.md", "中华人民共和国固体废物污染环境防治法", 112, 1, "危险废物管理"),
    ("eia_law_2018.md", "中华人民共和国环境影响评价法", 31, None, "建设项目环境影响评价"),
    ("environmental_protection_law_2014.md", "中华人民共和国环境保护法", 59, None, "按日连续处罚"),
    ("noise_pollution_prevention_law_2021.md", "中华人民共和国噪声污染防治法", 75, None, "工业噪声污染防治"),
]
IN_FORCE = [
    ("administrative_licensing_law.md", "中华人民共和国行政许可法", 29, None, "行政许可办理"),
    ("administrative_penalty_law_2021.md", "中华人民共和国行政处罚法", 44, None, "行政处罚告知"),
]
CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    units = ["", "十", "百", "千"]
    if n < 10:
        return CN_DIGITS[n]
    out, digits = "", str(n)
    for i, d in enumerate(digits):
        p = len(digits) - 1 - i
        if d == "0":
            if out and not out.endswith("零") and any(x != "0" for x in digits[i:]):
                out += "零"
            continue
        out += ("" if (d == "1" and p == 1 and i == 0) else CN_DIGITS[int(d)]) + units[p]
    return out.rstrip("零")


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _articles(file: str) -> dict[int, str]:
    out = {}
    for line in (LAW / file).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^第([一二三四五六七八九十百零〇]+)条\s+(.+)$", line.strip())
        if m:
            out.setdefault(to_int(m.group(1)), m.group(2).strip())
    return out


def _eval_body(path: Path) -> tuple[str, str]:
    """(title, body) of a published text under shared/eval (its header names the title)."""
    text = path.read_text(encoding="utf-8")
    head, body = text.split("==========", 1)
    m = re.search(r"^文件：(.+)$", head, re.M)
    return (m.group(1).strip() if m else ""), body.strip()


def _clauses(name: str) -> list[str]:
    path = EVAL / "fair_competition" / name
    return [json.loads(line)["clause"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class Issued:
    path: Path
    title: str
    doc_number: str
    issued: date
    effective: date
    expires: date | None  # as stated or inferred (5 / 2 years)
    kind: str  # what was built in: repeal | amend | unlawful | lapse | period | expiring | continue | real
    law: str = ""  # the law it cites


def _validity_clause(rng, kind: str, effective: date, issued: date, provisional: bool) -> tuple[str, date | None]:
    if kind == "period":  # a 暂行 document with a period beyond two years
        years = 3
    elif kind == "nostated":
        return f"本办法自{cn_date(effective)}起施行。", None
    else:
        years = 2 if provisional else rng.choice([3, 5])
    start = "自印发之日起施行" if effective == issued else f"自{cn_date(effective)}起施行"
    expires = effective.replace(year=effective.year + years) - timedelta(days=1)
    if rng.random() < 0.3:
        return f"本办法{start}，有效期至{cn_date(expires)}。", expires
    return f"本办法{start}，有效期{cn_number(years)}年。", expires


def build_issued(folder: Path, n: int, *, as_of: date = date(2026, 8, 15), seed: int = 14) -> list[Issued]:
    """``n`` issued documents (half .docx, half .txt) under ``folder``, plus the three ministry opinions."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts = {f: _articles(f) for f, *_ in CITED + IN_FORCE}
    unlawful = _clauses("cases.jsonl")
    lawful = _clauses("clean_lookalikes.jsonl")
    opinions = [_eval_body(p) for p in sorted((EVAL / "normative_documents").glob("*.txt"))]
    kinds = ["amend", "repeal", "unlawful", "lapse", "period", "expiring", "continue", "continue"]
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        law_file, law, article, item, subject = rng.choice(IN_FORCE if kind in ("continue", "expiring", "lapse", "unlawful")
                                                          else CITED)
        provisional = kind == "period" or (kind != "expiring" and rng.random() < 0.15)
        name = f"{subject}{'暂行' if provisional else ''}管理办法"
        if kind == "repeal":
            title = f"{ORGAN}关于贯彻实施《{law}》的通知"
        else:
            title = f"{ORGAN}关于印发《{name}》的通知"
        if kind == "lapse":
            issued = as_of - timedelta(days=rng.randint(6 * 365, 8 * 365))
        elif kind == "expiring":
            issued = as_of - timedelta(days=5 * 365 - rng.randint(10, 80))
        else:
            issued = as_of - timedelta(days=rng.randint(200, 4 * 365))
        effective = issued if rng.random() < 0.5 else issued + timedelta(days=30)
        if kind == "expiring":
            effective = issued
            expires = effective.replace(year=effective.year + 5) - timedelta(days=1)
            validity = "本办法自印发之日起施行，有效期五年。"
        else:
            stated = "nostated" if kind == "lapse" and rng.random() < 0.5 else kind
            validity, expires = _validity_clause(rng, stated, effective, issued, provisional)
            if expires is None:
                expires = effective.replace(year=effective.year + (2 if provisional else 5)) - timedelta(days=1)
        ref = f"第{cn_number(article)}条" + (f"第（{cn_number(item)}）项" if item else "")
        article_text = texts[law_file].get(article, "")
        body = [
            f"各县（市、区）生态环境分局，局机关各科室：",
            f"为加强{subject}工作，根据《{law}》等法律法规，结合本市实际，制定本办法。",
            f"第一条 依照《{law}》{ref}的规定，对违法行为依法查处。该条规定：“{article_text}”",
            f"第二条 {rng.choice(lawful)}",
        ]
        if opinions and rng.random() < 0.5:
            _t, op = rng.choice(opinions)
            body.append("第三条 " + op.split("\n")[0].strip())
        if kind == "unlawful":
            body.append("第四条 " + rng.choice(unlawful))
        body.append(validity)
        body.append(f"本办法由{ORGAN}负责解释。")
        number = f"示环发〔{issued.year}〕{i + 1}号"
        lines = [title, number, *body, ORGAN, cn_date(issued)]
        stem = f"{issued.year}-{i + 1:04d}-{subject}"
        if i % 2:
            path = folder / f"{stem}.txt"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            path = folder / f"{stem}.docx"
            doc = DocxDocument()
            for line in lines:
                doc.add_paragraph(line)
            doc.save(path)
        out.append(Issued(path, title, number, issued, effective, expires, kind, law))
    for j, (title, body) in enumerate(opinions):
        path = folder / f"部委-{j + 1}.txt"
        path.write_text(f"{title}\n{body}\n", encoding="utf-8")
        out.append(Issued(path, title, "", date(2019, 1, 1), date(2019, 1, 1), None, "real"))
    return out


def build_cases(folder: Path) -> list[Path]:
    """The published penalty decisions as case files (their body, without the collector's header)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for src in sorted((EVAL / "penalty_decisions").glob("*.txt")):
        body = src.read_text(encoding="utf-8").split("==========", 1)[1].strip()
        path = folder / src.name
        path.write_text(body + "\n", encoding="utf-8")
        out.append(path)
    return out
