"""CASE/UCO JSON-LD that the CASE project's own validator accepts, and shareable hash lists."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.transfer.transfer_helpers import CASE_PASSPHRASE, as_json, case_rows
from workstation.case import Case


def case_validate(path: Path) -> subprocess.CompletedProcess[str]:
    """Run the CASE project's validator (case-utils' ``case_validate``, bundled CASE 1.5.0)."""
    exe = shutil.which("case_validate") or str(Path(sys.executable).with_name("case_validate"))
    return subprocess.run([exe, str(path)], capture_output=True, text=True, timeout=600)


@pytest.fixture
def with_perceptual_hashes(sender_case):  # type: ignore[no-untyped-def]
    """pHash/PDQ as the dedup area stored them at import: {item_id: (phash, pdq)}."""
    rows = case_rows(sender_case.path, "SELECT item_id, phash, pdq FROM dedup_hashes ORDER BY item_id")
    assert rows, "the import should have hashed the photos"
    return {item_id: (phash, pdq) for item_id, phash, pdq in rows}


def test_case_uco_export_validates_and_holds_every_exhibit_hash(
    tmp_path, analysts, cli, sender_case, with_perceptual_hashes
):  # type: ignore[no-untyped-def]
    out = tmp_path / "lantern.jsonld"
    code, stdout, err = cli(analysts["ann"], "export-case", sender_case.path, "--out", out, "--json")
    assert code == 0, err
    summary = as_json(stdout)
    assert summary["files"] == 7 and summary["exhibits"] == 2

    result = case_validate(out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "Conforms: True" in result.stdout

    graph = {node["@id"]: node for node in json.loads(out.read_text(encoding="utf-8"))["@graph"]}
    records = [n for n in graph.values() if n["@type"] == "case-investigation:ProvenanceRecord"]
    by_number = {r["case-investigation:exhibitNumber"]: r for r in records if "case-investigation:exhibitNumber" in r}
    exhibits = case_rows(
        sender_case.path,
        "SELECT exhibits.number, items.sha256, items.md5, items.original_name FROM exhibits "
        "JOIN items ON items.id = exhibits.item_id ORDER BY number",
    )
    assert len(exhibits) == 2
    for number, sha256, md5, name in exhibits:
        record = by_number[str(number)]
        (file_ref,) = record["uco-core:object"]
        file_node = graph[file_ref["@id"]]
        assert file_node["@type"] == "uco-observable:File"
        content = next(f for f in file_node["uco-core:hasFacet"] if f["@type"] == "uco-observable:ContentDataFacet")
        hashes = {h["uco-types:hashMethod"]: h["uco-types:hashValue"]["@value"] for h in content["uco-observable:hash"]}
        assert hashes == {"SHA256": sha256, "MD5": md5}
        assert file_node["uco-core:name"] == name

    investigation = next(n for n in graph.values() if n["@type"] == "case-investigation:Investigation")
    assert investigation["uco-core:name"] == "Operation Lantern"
    statements = [n.get("uco-core:statement", "") for n in graph.values() if n["@type"] == "uco-core:Annotation"]
    assert "Same face as in ad 123 — 同一个人" in statements
    for phash, pdq in with_perceptual_hashes.values():
        assert f"pHash {phash}; PDQ {pdq}" in statements
    kinds = {n["uco-core:kindOfRelationship"] for n in graph.values() if n["@type"] == "uco-core:Relationship"}
    assert kinds == {"Contained_Within", "Downloaded_From"}
    # The export is recorded in the case's own audit log.
    assert case_rows(sender_case.path, "SELECT action FROM audit ORDER BY seq DESC LIMIT 1") == [
        ("interop.case_uco_exported",)
    ]


def test_validator_rejects_a_broken_graph(tmp_path):  # type: ignore[no-untyped-def]
    """The validator is a real check: a hash without its value does not conform."""
    bad = tmp_path / "bad.jsonld"
    bad.write_text(
        json.dumps(
            {
                "@context": {
                    "uco-types": "https://ontology.unifiedcyberontology.org/uco/types/",
                    "kb": "urn:evidence-workstation:",
                },
                "@graph": [
                    {
                        "@id": "kb:Hash-0f3c2b1e-5d4a-4c3b-9a8f-7e6d5c4b3a21",
                        "@type": "uco-types:Hash",
                        "uco-types:hashMethod": "SHA256",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    result = case_validate(bad)
    assert result.returncode != 0 and "Conforms: False" in result.stdout


def test_hashset_csv_from_the_cli(tmp_path, analysts, cli, sender_case, with_perceptual_hashes):  # type: ignore[no-untyped-def]
    out = tmp_path / "known.csv"
    code, stdout, err = cli(
        analysts["ann"], "hashset", "export", sender_case.path, "--out", out, "--label", "NL-2026-17", "--json"
    )
    assert code == 0, err
    hashed = with_perceptual_hashes
    assert as_json(stdout)["rows"] == 7 and as_json(stdout)["phash"] == len(hashed)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [
        "sha256",
        "md5",
        "phash",
        "pdq",
        "labels",
        "exhibit",
        "item_id",
        "kind",
        "file_name",
        "size",
    ]
    items = case_rows(sender_case.path, "SELECT id, sha256, md5 FROM items ORDER BY id")
    assert [(int(r["item_id"]), r["sha256"], r["md5"]) for r in rows] == items
    for row in rows:
        assert (row["phash"], row["pdq"]) == hashed.get(int(row["item_id"]), ("", ""))
    photo = next(r for r in rows if int(r["item_id"]) == sender_case.exhibit_ids[0])
    assert photo["exhibit"] == "1"
    page = next(r for r in rows if int(r["item_id"]) == sender_case.page_id)
    assert page["labels"] == "NL-2026-17|recruitment" and page["exhibit"] == "2"


def test_hashset_vics_json(tmp_path, analysts, cli, sender_case):  # type: ignore[no-untyped-def]
    out = tmp_path / "known.json"
    code, _, err = cli(
        analysts["ann"], "hashset", "export", sender_case.path, "--out", out, "--format", "vics", "--exhibits-only"
    )
    assert code == 0, err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@odata.context"].endswith("$metadata#Cases")
    (case_entry,) = doc["value"]
    assert case_entry["CaseNumber"] == "NL-2026-17"
    media = case_entry["Media"]
    assert len(media) == 2
    with Case.open(sender_case.path, CASE_PASSPHRASE) as case:
        for entry, item_id in zip(media, sender_case.exhibit_ids, strict=True):
            item = case.item(item_id)
            data = case.blobs.read(item["sha256"])
            assert entry["MD5"] == item["md5"].upper()
            assert entry["SHA1"] == hashlib.sha1(data).hexdigest().upper()
            assert entry["MediaSize"] == len(data)
            assert item["sha256"] in entry["Comments"]


def test_interop_refuses_to_overwrite(tmp_path, analysts, cli, sender_case):  # type: ignore[no-untyped-def]
    out = tmp_path / "exists.csv"
    out.write_text("keep")
    code, _, err = cli(analysts["ann"], "hashset", "export", sender_case.path, "--out", out)
    assert code != 0 and "already exists" in err and out.read_text() == "keep"
