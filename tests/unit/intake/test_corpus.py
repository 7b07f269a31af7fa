"""The bad-input corpus: every named case keeps its promise; fuzzed files never raise anything but InputError."""

from __future__ import annotations

import json

import pytest

from tests.helpers.corpus import NAMED, fuzzed
from workbench.cli import main
from workbench.errors import InputError
from workbench.intake import load_document

FUZZ_SEED = 16  # fixed: fuzz file N is the same file on every run
FUZZ_COUNT = 160


@pytest.mark.parametrize("case", NAMED, ids=[c.name for c in NAMED])
def test_named_bad_input(case, tmp_path):
    path = case.make(tmp_path)
    if case.outcome == "reads":
        assert case.words in load_document(path).text
    else:
        with pytest.raises(InputError) as info:
            load_document(path)
        message = info.value.message
        assert case.words in message and str(path) in message and "。" in message, message


def test_fuzzed_files_are_a_document_or_an_input_error(tmp_path):
    outcomes = {"read": 0, "refused": 0}
    for path in fuzzed(tmp_path, FUZZ_COUNT, FUZZ_SEED):
        try:
            doc = load_document(path)
        except InputError as exc:
            assert str(path) in exc.message, path.name
            outcomes["refused"] += 1
        except Exception as exc:  # the promise broken: say which file, so it can be kept as a named case
            raise AssertionError(f"{path.name} (seed {FUZZ_SEED}) raised {type(exc).__name__}: {exc}") from exc
        else:
            assert doc.text.strip() and "\x00" not in doc.text, path.name
            outcomes["read"] += 1
    assert outcomes["read"] and outcomes["refused"], outcomes  # the mutations reach both outcomes


def test_a_batch_of_the_whole_corpus_gives_one_entry_per_file(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    made = {c.make(folder).name for c in NAMED}
    made |= {p.name for p in fuzzed(folder, 40, FUZZ_SEED)}
    code = main(["check", str(folder), "--format", "json"])
    docs = json.loads(capsys.readouterr().out)["documents"]
    from workbench.intake import SUPPORTED_SUFFIXES

    expected = {n for n in made if n.lower().endswith(SUPPORTED_SUFFIXES)}
    assert {d["path"].rsplit("/", 1)[-1] for d in docs} == expected
    assert code == 2 and all(("findings" in d) != ("error" in d) for d in docs)
