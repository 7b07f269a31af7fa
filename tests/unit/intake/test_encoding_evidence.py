"""The encoding is decided by evidence: a stray byte in UTF-8 is not a reason to read UTF-16 garbage."""

from __future__ import annotations

import random

import pytest

from tests.helpers.review_log import NOTICE, POLICY
from workbench.checking import check_file
from workbench.errors import InputError
from workbench.intake import load_document

DRAFT = (NOTICE + POLICY) * 3  # long enough for the rules to find many problems


def _findings(path) -> list[str]:
    return sorted(f.rule for f in check_file(path, "normative").findings)


def test_one_stray_byte_in_utf8_keeps_utf8_and_every_finding(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_bytes(DRAFT.encode("utf-8"))
    expected = _findings(clean)
    assert len(expected) >= 5
    rng = random.Random(16)  # fixed seed: the same 60 files on every run
    data = DRAFT.encode("utf-8")
    tried = 0
    while tried < 60:
        cut = rng.randrange(1, len(data) - 1)
        broken = data[:cut] + bytes([rng.choice([0x80, 0xA0, 0xBF, 0xC0, 0xFE, 0xFF])]) + data[cut:]
        if len(broken) % 2:  # the old fallback read even lengths as UTF-16LE
            continue
        tried += 1
        path = tmp_path / f"stray{tried}.txt"
        path.write_bytes(broken)
        doc = load_document(path)
        assert doc.encoding == "UTF-8", (cut, doc.encoding)
        assert "关于加强排污单位管理的通知" in doc.text
        assert any("无法识别的字节" in note and "第" in note for note in doc.notes), doc.notes
        found = _findings(path)
        # The stray byte may break the one word it landed in, no more.
        assert len(set(expected) - set(found)) <= 1, (cut, sorted(set(expected) - set(found)))


def test_mostly_undecodable_text_is_refused_not_reviewed(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))  # no zero bytes, no ASCII
    with pytest.raises(InputError, match="大部分文字无法识别"):
        load_document(path)


def test_utf8_with_many_bad_bytes_is_refused(tmp_path):
    data = bytearray(DRAFT.encode("utf-8"))
    for i in range(0, len(data), 40):
        data[i] = 0xFF
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="无法识别"):
        load_document(path)


def test_utf16_be_without_bom_is_text_not_binary(tmp_path):
    path = tmp_path / "be.txt"
    path.write_bytes(DRAFT.encode("utf-16-be"))
    doc = load_document(path)
    assert doc.encoding == "UTF-16" and doc.text.startswith("关于加强排污单位管理的通知")


def test_chinese_utf16_without_bom_or_zero_bytes_is_not_guessed(tmp_path):
    # No ASCII at all, so no zero bytes: nothing says UTF-16, and it must not be read as such.
    path = tmp_path / "no-evidence.txt"
    path.write_bytes("关于加强排污单位管理的通知各单位本市范围内的排污单位须经本局批准后方可排放污染物".encode("utf-16-le"))
    try:
        doc = load_document(path)
    except InputError:
        return
    assert doc.encoding != "UTF-16"


def test_gbk_with_one_stray_byte_is_read_as_gbk_and_reported(tmp_path):
    data = DRAFT.encode("gbk")
    path = tmp_path / "gbk.txt"
    path.write_bytes(data[:301] + b"\xff" + data[301:])
    doc = load_document(path)
    assert doc.encoding == "GB18030/GBK"
    assert any("无法识别的字节" in n for n in doc.notes)
