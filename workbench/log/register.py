"""The register (审查台账): one row per review received in a period.

A handful of indexed queries, each bounded by ``reviews.received`` (indexed),
then grouping in Python: the cost follows the number of reviews in the period,
not the size of the log.

Columns: see ``REGISTER_COLUMNS``. 主要问题及意见 lists the findings not
dismissed (accepted, or still open on a review not yet closed) with the
reviewer's note; 法律顾问意见 the current version of each opinion.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from workbench.log.model import CONCLUSION_LABELS, REVIEW_TYPE_LABELS


def _cn_date(iso: str | None) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def _heads(conn, table: str, key: str, columns: str, scope: str, params) -> dict[str, tuple]:
    """key → (columns…, at, uuid) of the head of each supersedes chain in ``table``
    for the reviews in ``scope``; where a merge left two heads the later (at, uuid)
    wins, as in store._pick_head."""
    heads: dict[str, tuple] = {}
    for row in conn.execute(
        f"SELECT {key}, {columns}, at, uuid FROM {table} t WHERE review_uuid IN ({scope}) "
        f"AND NOT EXISTS (SELECT 1 FROM {table} x WHERE x.supersedes = t.uuid)",
        params,
    ):
        if row[0] not in heads or row[-2:] > heads[row[0]][-2:]:
            heads[row[0]] = tuple(row[1:])
    return heads


# A register row summarises; the opinion letter holds every problem in full.
REGISTER_PROBLEMS_SHOWN = 5


def _summary(items) -> str:
    items = list(items)
    if len(items) <= REGISTER_PROBLEMS_SHOWN:
        return "\n".join(items)
    return "\n".join(items[:REGISTER_PROBLEMS_SHOWN]) + f"\n……等共{len(items)}项（详见审核意见书）"


def register_rows(log, date_from: date, date_to: date, *, type=None, conclusion=None, unit=None) -> list[dict]:
    """Rows for reviews received from ``date_from`` to ``date_to`` inclusive, by date received."""
    where = ["r.received BETWEEN ? AND ?"]
    params: list = [date_from.isoformat(), date_to.isoformat()]
    if type:
        where.append("r.type = ?")
        params.append(type)
    if unit:
        where.append("r.unit = ?")
        params.append(unit)
    cond = " AND ".join(where)
    scope = f"SELECT r.uuid FROM reviews r WHERE {cond}"
    with log._expected():
        conn = log.conn
        conn.execute("BEGIN")  # one snapshot for the queries below
        try:
            reviews = conn.execute(
                "SELECT r.uuid, r.type, r.reviewer, r.unit, r.received, d.title, d.file_name, d.doc_number "
                f"FROM reviews r JOIN documents d ON d.uuid = r.document_uuid WHERE {cond} "
                "ORDER BY r.received, r.at, r.uuid",
                params,
            ).fetchall()
            if not reviews:
                return []
            # Heads of the supersedes chains (the rows nothing supersedes); where a
            # merge left two heads the later (at, uuid) wins, as in store._pick_head.
            closures = _heads(conn, "closures", "review_uuid", "conclusion, closed", scope, params)
            findings = conn.execute(
                f"SELECT uuid, review_uuid, message FROM findings WHERE review_uuid IN ({scope}) "
                "ORDER BY review_uuid, number",
                params,
            ).fetchall()
            dispositions = _heads(conn, "dispositions", "finding_uuid", "status, reason", scope, params)
            # first_at: when the opinion was first written (its first version's
            # uuid is the opinion's id), which orders the opinions of a review.
            opinion_rows = conn.execute(
                "SELECT o.review_uuid, o.opinion_uuid, o.counsel, o.text, o.at, o.uuid,"
                " CASE WHEN o.supersedes IS NULL THEN o.at"
                "  ELSE (SELECT f.at FROM opinions f WHERE f.uuid = o.opinion_uuid) END "
                f"FROM opinions o WHERE o.review_uuid IN ({scope}) "
                "AND NOT EXISTS (SELECT 1 FROM opinions x WHERE x.supersedes = o.uuid)",
                params,
            ).fetchall()
        finally:
            conn.execute("COMMIT")

    if conclusion:
        reviews = [r for r in reviews if r[0] in closures and closures[r[0]][0] == conclusion]
    problems: dict[str, list[str]] = defaultdict(list)
    for finding_uuid, review_uuid, message in findings:
        status, reason = dispositions.get(finding_uuid, ("open", ""))[:2]
        if status == "dismissed" or (status == "open" and review_uuid in closures):
            continue
        items = problems[review_uuid]
        items.append(f"{len(items) + 1}. {message}" + (f"（{reason}）" if reason else ""))
    heads: dict[str, tuple] = {}
    for row in opinion_rows:
        current = heads.get(row[1])
        if current is None or row[4:6] > current[4:6]:
            heads[row[1]] = row
    opinions: dict[str, list[tuple]] = defaultdict(list)
    for row in sorted(heads.values(), key=lambda r: (r[0], r[6], r[1])):
        opinions[row[0]].append(row)

    out = []
    for n, (uid, type_, reviewer, unit_, received, title, file_name, doc_number) in enumerate(reviews, 1):
        closure = closures.get(uid)
        name = title or file_name
        if doc_number:
            name = f"{name}（{doc_number}）"
        out.append({
            "序号": n,
            "收文日期": _cn_date(received),
            "文件名称及文号": name,
            "送审单位": unit_,
            "审查类型": REVIEW_TYPE_LABELS[type_],
            "主要问题及意见": _summary(problems.get(uid, ())),
            "法律顾问意见": "\n".join(f"{r[2]}：{r[3]}" for r in opinions.get(uid, ())),
            "审查结论": CONCLUSION_LABELS[type_].get(closure[0], "") if closure else "",
            "审查人": reviewer,
            "办结日期": _cn_date(closure[1]) if closure else "",
            "review_id": uid,
        })
    return out
