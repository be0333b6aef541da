"""Non-UTF-8 and over-long file names never abort an import; names are kept byte-exact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import PASSPHRASE, make_jpeg
from workstation import names
from workstation.importing.pipeline import run_import

ROOT = Path(__file__).resolve().parents[3]


def _bytes_tree(tmp_path: Path) -> Path:
    """A seized folder as a FAT/Windows disk gives it on Linux: names in CP1252 and CP437."""
    root = tmp_path / "seized"
    root.mkdir()
    broot = os.fsencode(root)
    os.mkdir(broot + b"/Fotos \xe9t\xe9")  # CP1252 folder name: "Fotos été"
    make_jpeg(Path(os.fsdecode(broot + b"/Fotos \xe9t\xe9/ma\xf1ana.jpg")), seed=3)
    with open(broot + b"/caf\xe9 \x81\xff.txt", "wb") as fh:
        fh.write(b"contact +31 6 12345678")
    (root / "plain.txt").write_text("plain name", encoding="utf-8")
    # A ZIP written by an old Windows tool: CP1252 bytes, no UTF-8 flag.
    zpath = root / "archive.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("placehold", b"x")
    raw = zpath.read_bytes().replace(b"placehold", b"r\xe9sum\xe9.tx")
    zpath.write_bytes(raw)
    return root


def test_bytes_names_are_imported_byte_exact(case, tmp_path):
    root = _bytes_tree(tmp_path)
    result = run_import(case, [root], workers=0)
    assert result.errors == []
    items = {i["original_name"]: i for i in case.items()}
    assert "caf\\xe9 \\x81\\xff.txt" in items and "ma\\xf1ana.jpg" in items and "plain.txt" in items
    txt = items["caf\\xe9 \\x81\\xff.txt"]
    assert names.raw_name(txt["metadata"]["original_name_bytes"]) == b"caf\xe9 \x81\xff.txt"
    exact = names.raw_name(txt["metadata"]["source_path_bytes"])
    assert exact == os.fsencode(root) + b"/caf\xe9 \x81\xff.txt"
    assert Path(os.fsdecode(exact)).read_bytes() == b"contact +31 6 12345678"
    photo = items["ma\\xf1ana.jpg"]
    assert photo["source_path"].endswith("/Fotos \\xe9t\\xe9/ma\\xf1ana.jpg") and photo["width"] == 320
    assert "original_name_bytes" not in items["plain.txt"]["metadata"]
    # shown as CP437 (the ZIP default), the exact bytes kept to be read in the right code page
    member = next(i for i in case.items() if i["source_path"].endswith(".zip!r\u0398sum\u0398.tx"))
    assert member["metadata"]["archive_member"]["name_bytes"] == b"r\xe9sum\xe9.tx".hex()
    # resume: the same names are recognised, nothing doubles
    again = run_import(case, [root], workers=0)
    assert again.imported == 0 and again.already_imported == result.imported and again.errors == []
    assert case.verify()["ok"]


def test_over_long_path_is_one_clear_error(case, tmp_path):
    root = tmp_path / "deep"
    root.mkdir()
    make_jpeg(root / "shallow.jpg", seed=1)
    fd = os.open(root, os.O_RDONLY)
    for _ in range(22):  # 22 x 200 bytes: deeper than PATH_MAX (4096)
        os.mkdir("d" * 200, dir_fd=fd)
        nxt = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nxt
    with open(os.open("deep.jpg", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "wb") as fh:
        fh.write((root / "shallow.jpg").read_bytes())
    os.close(fd)
    result = run_import(case, [root, tmp_path / ("x" * 300)], workers=0)
    assert result.imported == 1
    reasons = " | ".join(e["error"] for e in result.errors)
    assert "too long" in reasons and "internal" not in reasons


def test_cli_shows_bytes_names_readably(tmp_path):
    root = _bytes_tree(tmp_path)
    env = dict(os.environ, WORKSTATION_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(ROOT), LC_ALL="C.UTF-8")

    def cli(*args: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "workstation.cli", *map(os.fsencode, map(str, args))],
            env=env,
            capture_output=True,
            timeout=300,
        )

    case = tmp_path / "c.case"
    assert cli("new", case, "--title", "names").returncode == 0
    # the path itself given on the command line is not UTF-8
    bad = os.fsdecode(os.fsencode(root) + b"/caf\xe9 \x81\xff.txt")
    proc = cli("import", case, root, bad, "--json", "--ocr", "off")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["counts"]["errors"] == 0 and data["counts"]["imported"] == 5
    text = cli("items", case).stdout.decode("utf-8")
    assert "caf\\xe9 \\x81\\xff.txt" in text
    audit = json.loads(cli("audit", case, "--json").stdout)
    assert audit["intact"]
