"""Checks that need the same work on a document share it (CheckContext.memo): the catalogue
checks and the hearing check run the catalogue engine once, the two fine-range checks read the
fines once."""
from __future__ import annotations

from workbench.intake import document_from_text
from workbench.rules import Engine, load_builtin_rules
from workbench.rules.checks import catalogue, fines

DECISION = ("行政处罚决定书\n当事人：某某建材有限公司\n经查，当事人未按规定办理排污许可证排放污染物。\n"
            "依据《中华人民共和国大气污染防治法》第九十九条的规定，决定对当事人处罚款人民币伍拾万元整。")


def test_each_check_shares_its_work_on_one_document(monkeypatch):
    calls = {"catalogue": 0, "fines": 0}
    real_engine, real_range = catalogue._catalogue_engine(), fines._out_of_range

    class Counting:
        def check(self, *args, **kwargs):
            calls["catalogue"] += 1
            return real_engine.check(*args, **kwargs)

    def counting_range(ctx):
        calls["fines"] += 1
        return real_range(ctx)

    engine = Engine(load_builtin_rules())
    doc = document_from_text(DECISION, kind="enforcement")
    expected = [(f.rule, f.start, f.end, f.message) for f in engine.check(doc)]
    monkeypatch.setattr(catalogue, "_catalogue_engine", lambda: Counting())
    monkeypatch.setattr(fines, "_out_of_range", counting_range)
    found = [(f.rule, f.start, f.end, f.message) for f in engine.check(document_from_text(DECISION, kind="enforcement"))]
    assert found == expected
    assert calls == {"catalogue": 1, "fines": 1}
    engine.check(document_from_text(DECISION, kind="enforcement"))
    assert calls == {"catalogue": 2, "fines": 2}  # a new document: worked out again
