"""False passage findings on synthetic lawful local normative documents (bench/eval/lawful_docs/).

The documents were written blind to the rules and are lawful by design (see lawful_docs/README.md),
so every passage finding (Finding.paragraph is not None) they draw is presumed false until a reader
decides otherwise. Prints, per batch (A = a*.txt and B = b*.txt, both tuned on; C = c*.txt and D = d*.txt, now tuned on too;
E = e*.txt, F = f*.txt and G = g*.txt, once held out, now tuned on;
H = h*.txt, tuned on from 2026-12-03; I = i*.txt, tuned on from 3 Dec 2026 (no longer held out);
J = j*.txt, a tuning batch; K = k*.txt and L = l*.txt, held out (the newest; L is still being written,
and a batch with no files is skipped); the batch is the file-name prefix letter) and per review
(fair_competition, legality, citation), the passage findings per 10,000 characters.

    .venv/bin/python bench/eval/lawful_measure.py [--batch A|…|L] [--list] [--json OUT]

--list also prints every passage finding: its verdict, rule id, file, and a 40-character excerpt
around it, then the findings per rule id (most frequent first). Whole-document findings (paragraph
None, e.g. a missing effective date) are counted apart.

Verdicts come from lawful_docs/judged_A.tsv, judged_B.tsv, judged_C.tsv, judged_D.tsv, judged_E.tsv, judged_F.tsv, judged_G.tsv, judged_H.tsv, judged_I.tsv, judged_J.tsv, judged_K.tsv and judged_L.tsv: a reader's judgement of each finding
(false = the passage is lawful; real = a real problem), keyed by file, rule id and the first 24
characters of the paragraph. A finding not in those files is shown as "unjudged": read it, decide,
and add a line. judged_K.tsv and judged_L.tsv belong to the held-out batches K and L: do not
open them (or k*.txt, l*.txt) while tuning rules (E–J are tuned on now).
"""
import argparse
import collections
import datetime
import json
import sys
from pathlib import Path

from workbench.checking import check_document, missing_pack_notes
from workbench.intake import document_from_text

HERE = Path(__file__).resolve().parent
DOCS = HERE / "lawful_docs"
AS_OF = datetime.date(2026, 12, 1)  # fixed, so a rerun judges the same law
REVIEWS = ("fair_competition", "legality", "citation")
BATCHES = {"A": "a", "B": "b", "C": "c", "D": "d", "E": "e", "F": "f", "G": "g", "H": "h", "I": "i", "J": "j", "K": "k", "L": "l", "M": "m", "N": "n", "O": "o"}  # batch = file-name prefix letter
# Batches still held out: measured only when named with --batch, so that a rule engineer who runs
# the script without arguments does not see their findings.
HELD_OUT = {"M", "N", "O"}
KEY_CHARS = 24  # a paragraph is identified by its first characters, not its number


def load_verdicts():
    verdicts = {}
    for path in sorted(DOCS.glob("judged_*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            file, rule, start, verdict = line.split("\t")[:4]
            verdicts[(file, rule, start)] = verdict
    return verdicts


def excerpt(text, start, end, width=40):
    """About `width` characters centred on the finding, newlines shown as spaces."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    pad = max(0, (width - (end - start)) // 2)
    s = max(0, start - pad)
    return text[s:s + max(width, end - start)].replace("\n", " ")


def measure(batch, verdicts):
    files = sorted(DOCS.glob(BATCHES[batch] + "*.txt"))
    chars = 0
    passage = collections.Counter()
    whole = collections.Counter()
    rows = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        doc = document_from_text(text, "normative", path=str(path))
        result = check_document(doc, as_of=AS_OF)
        for f in result.findings:
            review = getattr(f, "review", None) or "?"
            if f.paragraph is None:
                whole[review] += 1
                continue
            passage[review] += 1
            start = text.split("\n")[f.paragraph - 1][:KEY_CHARS]
            rows.append({"batch": batch, "review": review, "rule": f.rule, "file": path.name,
                         "paragraph": f.paragraph, "paragraph_start": start,
                         "verdict": verdicts.get((path.name, f.rule, start), "unjudged"),
                         "excerpt": excerpt(doc.text if hasattr(doc, "text") else text,
                                            f.start, f.end)})
    return {"batch": batch, "files": len(files), "chars": chars,
            "passage": dict(passage), "whole_document": dict(whole), "findings": rows}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", choices=sorted(BATCHES), action="append",
                    help="batch to measure (default: all but the held-out " + ", ".join(sorted(HELD_OUT)) + ")")
    ap.add_argument("--list", action="store_true", help="list every passage finding")
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    args = ap.parse_args(argv)
    # A pack that fails to load would report zero findings for its review: refuse instead.
    notes = missing_pack_notes()
    if notes:
        sys.exit("rule packs did not load, so the figures would be wrong:\n" + "\n".join(notes))
    verdicts = load_verdicts()
    results = [measure(b, verdicts) for b in (args.batch or sorted(set(BATCHES) - HELD_OUT))]
    for r in results:
        if not r["files"]:
            print(f"batch {r['batch']}: no files", file=sys.stderr)
            continue
        total = sum(r["passage"].values())
        print(f"batch {r['batch']}: {r['files']} files, {r['chars']} chars, "
              f"passage findings {total} ({total / r['chars'] * 1e4:.2f}/10k)")
        for review in REVIEWS + tuple(sorted(set(r["passage"]) - set(REVIEWS))):
            n = r["passage"].get(review, 0)
            print(f"  {review:17s} {n:3d}  {n / r['chars'] * 1e4:.2f}/10k")
        tally = collections.Counter(row["verdict"] for row in r["findings"])
        print("  verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
        if r["whole_document"]:
            print("  whole-document findings (not counted):",
                  ", ".join(f"{k} {v}" for k, v in sorted(r["whole_document"].items())))
        if args.list:
            for row in r["findings"]:
                print(f"    {row['verdict']}\t{row['rule']}\t{row['file']}\t{row['excerpt']}")
            by_rule = collections.Counter(row["rule"] for row in r["findings"]
                                          if row["verdict"] != "real")
            print("  false or unjudged findings by rule:")
            for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                print(f"    {n:3d}  {rule}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                   encoding="utf-8")


if __name__ == "__main__":
    main()
