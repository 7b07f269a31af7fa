"""The register's facts (审查台账): one record per review received in a period.

A handful of indexed queries, each bounded by ``reviews.received`` (indexed),
then grouping in Python: the cost follows the number of reviews in the period,
not the size of the log.

Each row holds facts, not printed text: dates as ISO strings, the conclusion
as its key, the findings that count as the review's problems (accepted; on a
review still open, those accepted so far) as (rule, pack, category), and
counts. ``workbench.reports.register`` turns them into the printed ledger.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date


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
                "SELECT r.uuid, r.type, r.reviewer, r.unit, r.received, r.due, d.title, d.file_name, d.doc_number,"
                " d.uuid FROM reviews r JOIN documents d ON d.uuid = r.document_uuid WHERE " + cond
                + " ORDER BY r.received, r.at, r.uuid",
                params,
            ).fetchall()
            if not reviews:
                return []
            closures = _heads(conn, "closures", "review_uuid", "conclusion, closed", scope, params)
            letters = _heads(conn, "letters", "review_uuid", "number", scope, params)
            findings = conn.execute(
                f"SELECT uuid, review_uuid, rule, rule_review, category FROM findings WHERE review_uuid IN ({scope}) "
                "ORDER BY review_uuid, number",
                params,
            ).fetchall()
            dispositions = _heads(conn, "dispositions", "finding_uuid", "status", scope, params)
            opinions = dict(conn.execute(
                f"SELECT review_uuid, COUNT(DISTINCT opinion_uuid) FROM opinions WHERE review_uuid IN ({scope}) "
                "GROUP BY review_uuid",
                params,
            ).fetchall())
        finally:
            conn.execute("COMMIT")
    versions = log.draft_versions({r[9] for r in reviews})

    if conclusion:
        reviews = [r for r in reviews if r[0] in closures and closures[r[0]][0] == conclusion]
    problems: dict[str, list[tuple]] = defaultdict(list)
    pending: dict[str, int] = defaultdict(int)
    for finding_uuid, review_uuid, rule, pack, category in findings:
        status = dispositions.get(finding_uuid, ("open",))[0]
        if status == "accepted":
            problems[review_uuid].append((rule, pack or "", category or ""))
        elif status == "open":
            pending[review_uuid] += 1

    out = []
    for n, (uid, type_, reviewer, unit_, received, due, title, file_name, doc_number, doc_uuid) in enumerate(reviews, 1):
        closure = closures.get(uid)
        out.append({
            "review_id": uid,
            "number": n,
            "type": type_,
            "received": received,
            "due": due,
            "title": title or file_name,
            "doc_number": doc_number or "",
            "unit": unit_,
            "reviewer": reviewer,
            "conclusion": closure[0] if closure else None,
            "closed": closure[1] if closure else None,
            "problems": problems.get(uid, []),
            "open_findings": 0 if closure else pending.get(uid, 0),
            "opinions": opinions.get(uid, 0),
            "version": versions.get(doc_uuid, 1),
            "letter": letters[uid][0] if uid in letters else "",
        })
    return out
