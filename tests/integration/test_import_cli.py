"""CLI end to end: `workstation import` and `workstation search` on real-format captures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UK, ZH, NL = "Дівчата шукають роботу", "我们提供高薪工作", "Wij zoeken meisjes voor de horeca"


def cli(*args, check=True):
    env = dict(os.environ, WORKSTATION_PASSPHRASE="integration-pw", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "workstation.cli", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and proc.returncode not in (0, 1):
        raise AssertionError(proc.stderr)
    return proc


@pytest.fixture()
def material(tmp_path):
    from PIL import Image
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    root = tmp_path / "material"
    root.mkdir()
    page = f"<html><head><title>Vacature</title></head><body><p>{UK}. {ZH}. {NL}.</p></body></html>"
    (root / "ad.html").write_text(page, encoding="utf-8")
    Image.new("RGB", (120, 90), (200, 0, 0)).save(root / "photo.jpg")
    with (root / "capture.warc.gz").open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        import io

        writer.write_record(
            writer.create_warc_record(
                "https://ads.example.com/1", "response", payload=io.BytesIO(page.encode()), http_headers=http
            )
        )
    with zipfile.ZipFile(root / "seized.zip", "w") as z:
        z.writestr("../escape.txt", "x")
        z.writestr("dcim/p.jpg", (root / "photo.jpg").read_bytes())
    (root / "empty.dat").write_bytes(b"")
    return root


def test_import_then_search_json_contract(tmp_path, material):
    case = tmp_path / "c.case"
    assert cli("new", case, "--title", "Integration").returncode == 0
    proc = cli("import", case, material, "--json", "--workers", "2")
    assert proc.returncode == 1  # some files were refused: non-zero, one line each on stderr
    data = json.loads(proc.stdout)
    assert data["imported"] == 6  # ad.html, photo.jpg, warc + page, zip + member
    assert data["exact_duplicates"] == 2  # the photo inside the zip, the page body in the WARC
    paths = {e["path"]: e["error"] for e in data["errors"]}
    assert any(p.endswith("seized.zip!../escape.txt") and "zip-slip" in r for p, r in paths.items())
    assert any(p.endswith("empty.dat") for p in paths)
    for item in data["items"]:
        assert set(item) >= {"id", "sha256", "original_name", "source_path", "kind"}
    for query in (UK.split()[1], ZH[2:4], "horeca"):
        hits = json.loads(cli("search", case, query, "--json").stdout)["hits"]
        assert {h["kind"] for h in hits} == {"page"}, query
        assert len(hits) == 2  # the saved page and the page in the WARC
        assert all(set(h) >= {"id", "original_name", "kind", "snippet"} for h in hits)
    again = json.loads(cli("import", case, material, "--json").stdout)
    assert again["imported"] == 0 and again["already_imported"] == 6
    verify = cli("verify", case, "--json")
    assert verify.returncode == 0 and json.loads(verify.stdout)["ok"] is True
