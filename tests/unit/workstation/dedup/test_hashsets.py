"""Partner hash lists: CSV and VICS JSON parsing, exact and perceptual matching."""

import json
from pathlib import Path

import pytest
from PIL import ImageOps

from workstation.dedup import hashsets, synthetic
from workstation.dedup import phash as ph

SHA = "a" * 64
MD5 = "b" * 32


def test_csv_with_header_and_labels(tmp_path: Path) -> None:
    p = tmp_path / "list.csv"
    p.write_text(f"SHA256;MD5;pdq;Label\n{SHA};{MD5};;series A\n;;{'c' * 64};series B\nnot-a-hash;;;x\n")
    hs = hashsets.parse(p)
    assert hs.format == "csv"
    assert [(e.kind, e.value, e.label) for e in hs.entries] == [
        ("sha256", SHA, "series A"),
        ("md5", MD5, "series A"),
        ("pdq", "c" * 64, "series B"),
    ]
    assert hs.skipped == 2  # the bad SHA-256 cell, and its row that had no hash at all


def test_headerless_csv_uses_value_length(tmp_path: Path) -> None:
    p = tmp_path / "list.txt"
    p.write_text(f"{MD5},victim 1\n{'d' * 16},victim 2\n{SHA}\n")
    assert [e.kind for e in hashsets.parse(p).entries] == ["md5", "phash", "sha256"]
    assert [e.kind for e in hashsets.parse(p, default_64="pdq").entries][-1] == "pdq"


def test_vics_json(tmp_path: Path) -> None:
    p = tmp_path / "vics.json"
    doc = {
        "odata.metadata": "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media",
        "value": [
            {"MediaID": 1, "Category": 1, "MD5": MD5.upper(), "SHA1": "e" * 40},
            {"MediaID": 2, "Category": 2, "PhotoDNA": "opaque"},
        ],
    }
    p.write_text(json.dumps(doc))
    hs = hashsets.parse(p)
    assert hs.format == "vics-json"
    assert [(e.kind, e.value) for e in hs.entries] == [("md5", MD5), ("sha1", "e" * 40)]
    assert hs.entries[0].label == "1 (MediaID 1)"
    assert hs.skipped == 1


def test_unreadable_or_empty_lists_raise(tmp_path: Path) -> None:
    with pytest.raises(hashsets.HashSetError, match="cannot read"):
        hashsets.parse(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text("sha256,label\n")
    with pytest.raises(hashsets.HashSetError, match="no usable hash"):
        hashsets.parse(tmp_path / "empty.csv")
    (tmp_path / "bad.json").write_text("{nope")
    with pytest.raises(hashsets.HashSetError, match="not valid JSON"):
        hashsets.parse(tmp_path / "bad.json")


def test_match_exact_and_perceptual_including_mirror() -> None:
    base = synthetic.photo(31)
    mirrored = ph.compute(ImageOps.mirror(base))
    other = ph.compute(synthetic.photo(32))
    partner = ph.compute(base.resize((320, 240)))  # the partner hashed their own copy
    entries = [
        hashsets.Entry("sha256", SHA, "exact"),
        hashsets.Entry("pdq", partner.pdq, "pdq of the original"),
        hashsets.Entry("phash", partner.phash, "phash of the original"),
    ]
    found = hashsets.match(entries, [SHA, "0" * 64], ["", ""], [other, mirrored])
    got = {(m.item, m.entry, m.kind) for m in found}
    assert got == {(0, 0, "sha256"), (1, 1, "pdq"), (1, 2, "phash")}
    assert all(m.distance <= hashsets.DEFAULT_PDQ_RADIUS for m in found)
