"""The team hub on a real PostgreSQL server: matches both ways, a wrong team key, nothing in
clear on the hub, near-duplicate photos across agencies, an unreachable hub."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import PASSPHRASE, make_jpeg
from tests.unit.workstation.hub.conftest import _bindir
from workstation.case import Case
from workstation.hub import client
from workstation.hub.tokens import HubError, new_team_key
from workstation.importing.pipeline import run_import


def _case(tmp_path: Path, name: str, agency: str, files: dict[str, str], photos: dict[str, Path]) -> Case:
    folder = tmp_path / f"{name}-in"
    folder.mkdir()
    for fname, text in files.items():
        (folder / fname).write_text(text, encoding="utf-8")
    for fname, src in photos.items():
        (folder / fname).write_bytes(src.read_bytes())
    case = Case.create(
        tmp_path / f"{name}.case",
        PASSPHRASE,
        title=name,
        case_number=name.upper(),
        agency=agency,
        analyst=f"analyst of {agency}",
        timezone="UTC",
        default_region="NL",
    )
    run_import(case, [folder], workers=0)
    return case


@pytest.fixture
def two_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WORKSTATION_OCR", "off")
    src = tmp_path / "src"
    original = make_jpeg(src / "original.jpg", seed=11, size=(480, 360))
    near = src / "near.jpg"
    Image.open(original).resize((400, 300), Image.LANCZOS).save(near, "JPEG", quality=70)
    unrelated = make_jpeg(src / "unrelated.jpg", seed=12, size=(480, 360))
    a = _case(
        tmp_path, "alpha", "Politie NL", {"ad.txt": "WhatsApp 06 12 34 56 78, boss@example.com"}, {"girl.jpg": original}
    )
    b = _case(
        tmp_path,
        "bravo",
        "BKA",
        {"note.txt": "Nummer +31 6 12345678 und 0171 1234567"},
        {"copy.jpg": near, "other.jpg": unrelated},
    )
    yield a, b
    a.close()
    b.close()


def test_matches_both_ways_without_anything_in_clear(two_cases, clean_hub: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = two_cases
    key = tmp_path / "team.key"
    new_team_key(key)
    pa = client.publish(a, clean_hub, key, contact="+31 70 000 0000 desk A")
    pb = client.publish(b, clean_hub, key, agency="BKA Wiesbaden", contact="desk B")
    assert pa["selectors"] == 2 and pa["photos"] == 1 and pb["photos"] == 2
    client.publish(a, clean_hub, key, contact="+31 70 000 0000 desk A")  # republishing replaces

    ids_a = {i["original_name"]: i["id"] for i in a.items()}
    ids_b = {i["original_name"]: i["id"] for i in b.items()}
    ma = client.matches(a, clean_hub, key)["matches"]
    got_a = {(m["kind"], m["value"]): m for m in ma}
    assert set(got_a) == {("phone", "+31612345678"), ("photo", a.item(ids_a["girl.jpg"])["sha256"])}
    assert got_a[("phone", "+31612345678")]["items"] == [ids_a["ad.txt"]]
    assert [x["agency"] for x in got_a[("phone", "+31612345678")]["agencies"]] == ["BKA Wiesbaden"]
    mb = client.matches(b, clean_hub, key)["matches"]
    got_b = {(m["kind"], m["value"]): m for m in mb}
    # The near-duplicate (resized, recompressed) meets; the unrelated photo does not.
    assert set(got_b) == {("phone", "+31612345678"), ("photo", b.item(ids_b["copy.jpg"])["sha256"])}
    assert got_b[("phone", "+31612345678")]["agencies"][0]["contact"] == "+31 70 000 0000 desk A"
    assert all(len(m["agencies"]) == 1 for m in mb)  # the old publication of A is gone
    assert (
        json.loads(a.db.execute("SELECT details FROM audit WHERE action = 'hub.matched'").fetchone()[0])["matches"] == 2
    )

    # A wrong team key matches nothing.
    other = tmp_path / "other.key"
    new_team_key(other)
    assert client.matches(b, clean_hub, other)["matches"] == []

    # The hub's tables hold none of the selectors or photo hashes in clear.
    dump = subprocess.run([str(_bindir() / "pg_dump"), "--data-only", clean_hub], capture_output=True, check=True)
    assert b"COPY public.hub_tokens" in dump.stdout
    import psycopg

    with psycopg.connect(clean_hub) as conn:
        rows = [r for t in ("hub_publications", "hub_tokens") for r in conn.execute(f"SELECT * FROM {t}")]
    text = repr(rows).lower() + dump.stdout.decode("utf-8", "replace").lower()
    raw = b"".join(bytes(v) for r in rows for v in r if isinstance(v, bytes | memoryview))
    secrets = ["+31612345678", "31612345678", "612345678", "boss@example.com", "+311711234567"]
    for case in (a, b):
        for item in case.items():
            secrets += [item["sha256"], item["md5"] or "sha"]
        secrets += [r[0] for r in case.db.execute("SELECT pdq FROM dedup_hashes")]
    for s in secrets:
        assert s.lower() not in text and s.encode() not in raw
        assert bytes.fromhex(s) not in raw if len(s) in (32, 64) else True


def test_unreachable_hub_leaves_the_case_untouched(case, tmp_path: Path, case_env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    key = tmp_path / "team.key"
    out = subprocess.run(
        [sys.executable, "-m", "workstation.cli", "hub", "team-key", "new", str(key)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "out of band" in out.stdout and len(key.read_text().strip()) == 64
    path = case.path
    case.close()
    before = path.read_bytes()
    url = "postgresql://hub@127.0.0.1:1/postgres"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "workstation.cli",
            "hub",
            "matches",
            str(path),
            "--hub",
            url,
            "--team-key",
            str(key),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=case_env,
    )
    assert out.returncode != 0 and "cannot reach the team hub at 127.0.0.1:1" in out.stderr
    assert path.read_bytes() == before
    with Case.open(path, PASSPHRASE) as reopened, pytest.raises(HubError, match="team key"):
        client.publish(reopened, url, tmp_path / "missing.key")
