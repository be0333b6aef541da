"""Watchlists: parsing with per-line errors, matching at import (hook) and on demand, audit, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_jpeg
from workstation.importing.pipeline import run_import
from workstation.watchlists import service
from workstation.watchlists.parse import normalise, parse_text


def test_values_are_normalised_and_bad_lines_listed() -> None:
    wl = parse_text(
        "kind;value;label;agency;platform\n"
        "phone;06 12 34 56 78;pimp;KLPD;\n"
        "handle;@Lisa_Escort;profile;BKA;instagram\n"
        "email;Boss@Example.COM;;;\n"
        "iban;NL91 ABNA 0417 1643 00;account;;\n"
        "domain;https://www.escorts.example.co.uk/x;site;;\n"
        "phone;not a number;;;\n"
        "colour;red;;;\n"
        "md5;abc;;;\n",
        region="NL",
    )
    assert [(e.kind, e.value) for e in wl.entries] == [
        ("phone", "+31612345678"),
        ("handle", "@lisa_escort"),
        ("email", "boss@example.com"),
        ("iban", "NL91ABNA0417164300"),
        ("domain", "example.co.uk"),
    ]
    assert wl.entries[1].platform == "instagram" and wl.entries[0].agency == "KLPD"
    assert [e.split(":")[0] for e in wl.errors] == ["line 7", "line 8", "line 9"]
    assert "unknown kind 'colour'" in wl.errors[1]
    assert normalise("phone", "+49 30 1234567")[1] == "+49301234567"


def test_import_matches_now_and_later_imports_via_the_hook(  # type: ignore[no-untyped-def]
    case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    first = tmp_path / "first"
    first.mkdir()
    (first / "ad.txt").write_text("New in town. WhatsApp 06 12 34 56 78, pay to NL91ABNA0417164300", encoding="utf-8")
    (first / "other.txt").write_text("Bakery assistant wanted, 06 23 45 67 89", encoding="utf-8")
    photo = make_jpeg(first / "photo.jpg", seed=3)
    run_import(case, [first], workers=0)
    ids = {i["original_name"]: i["id"] for i in case.items()}
    from workstation.dedup.phash import compute, open_image

    pdq_hex = compute(open_image(photo)).pdq
    wl = tmp_path / "list.json"
    wl.write_text(
        json.dumps(
            {
                "name": "Action day",
                "agency": "Europol",
                "entries": [
                    {"kind": "phone", "value": "+31 6 12345678", "label": "pimp"},
                    {"kind": "iban", "value": "NL91ABNA0417164300", "label": "payments"},
                    {"kind": "pdq", "value": pdq_hex, "label": "known photo"},
                    {"kind": "email", "value": "later@example.org", "label": "found later"},
                    {"kind": "phone", "value": "12"},
                ],
            }
        ),
        encoding="utf-8",
    )
    result = service.import_watchlist(case, wl)
    assert result["name"] == "Action day" and len(result["errors"]) == 1
    got = {(h["kind"], h["label"]): h["items"] for h in result["hits"]}
    assert got[("phone", "pimp")] == [ids["ad.txt"]]
    assert got[("iban", "payments")] == [ids["ad.txt"]]
    assert got[("pdq", "known photo")] == [ids["photo.jpg"]]
    assert ("email", "found later") not in got
    assert all(h["list"] == "Action day" and h["agency"] == "Europol" for h in result["hits"])
    audit = case.db.execute("SELECT details FROM audit WHERE action = 'watchlist.imported'").fetchone()
    assert json.loads(audit[0])["hits"] == 3

    later = tmp_path / "later"
    later.mkdir()
    (later / "mail.txt").write_text("Write to LATER@example.org", encoding="utf-8")
    run_import(case, [later], workers=0)  # the batch hook flags it
    mail_id = next(i["id"] for i in case.items() if i["original_name"] == "mail.txt")
    assert [h.items for h in service.hits(case) if h.kind == "email"] == [(mail_id,)]
    assert service.hits(case, item_id=ids["other.txt"]) == []
    assert mail_id in service.hit_item_ids(case)


def test_cli_import_and_hits(case, tmp_path: Path, case_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ad.txt").write_text("Telegram @lisa_escort, mail boss@example.com", encoding="utf-8")
    run_import(case, [folder], workers=0)
    path = case.path
    case.close()
    wl = tmp_path / "list.csv"
    wl.write_text("kind,value,label\nemail,boss@example.com,boss\nwallet,nonsense,\n", encoding="utf-8")
    cli = [sys.executable, "-m", "workstation.cli"]
    out = subprocess.run(
        [*cli, "watchlist", "import", str(path), str(wl), "--name", "L", "--json"],
        capture_output=True,
        text=True,
        env=case_env,
        check=True,
    )
    data = json.loads(out.stdout)
    assert data["errors"] and data["errors"][0].startswith("line 3")
    out = subprocess.run(
        [*cli, "watchlist", "hits", str(path), "--json"], capture_output=True, text=True, env=case_env, check=True
    )
    hits = json.loads(out.stdout)["hits"]
    got = [(h["kind"], h["value"], h["list"], h["label"]) for h in hits]
    assert got == [("email", "boss@example.com", "L", "boss")]
    assert set(hits[0]) >= {"kind", "value", "list", "label", "items"}
