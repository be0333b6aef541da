"""Non-UTF-8 and over-long names: how many imports abort, how many names come back byte-exact.

Builds a "seized disk" per set: real file names (from this machine's /usr/share/doc) written in
CP1252, CP437 and CP866 bytes (as FAT/Windows media and old archives give them on Linux), some
with random invalid bytes, a ZIP whose members carry such names without the UTF-8 flag, and a
folder deeper than PATH_MAX. Two sets with different seeds: "dev" and "held-out".

    PYTHONPATH=. python benchmarks/integrity_names.py [--files 300]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import zipfile
from pathlib import Path

from workstation import names
from workstation.case import Case
from workstation.importing.pipeline import run_import

CODECS = ("cp1252", "cp437", "cp866")


def real_names(limit: int, rng: random.Random) -> list[str]:
    found = sorted({p.name for p in Path("/usr/share/doc").iterdir()})
    words = [n for n in found if n.isascii()] or ["document"]
    # Accented and Cyrillic letters that these code pages hold.
    extra = "éèàçñöüßøåÆÉÑЖДЛИРаобв"
    out = []
    for i in range(limit):
        base = rng.choice(words)[:40]
        out.append(f"{base}{rng.choice(extra)}{rng.choice(extra)}_{i}.txt")
    return out


def build(root: Path, count: int, seed: int) -> dict[bytes, bytes]:
    """Write the files; returns {exact path bytes: content} of every file that must be imported."""
    rng = random.Random(seed)
    broot = os.fsencode(root)
    expected: dict[bytes, bytes] = {}
    for i, name in enumerate(real_names(count, rng)):
        codec = CODECS[i % len(CODECS)]
        raw = name.encode(codec, "replace")
        if i % 7 == 0:  # a byte that is invalid in UTF-8 and in the name's own code page guess
            raw = raw.replace(b"_", bytes([rng.choice([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF])]), 1)
        folder = broot + b"/" + (b"Fotos \xe9t\xe9" if i % 3 == 0 else b"docs")
        os.makedirs(folder, exist_ok=True)
        content = f"item {seed}-{i} {name}".encode()
        with open(folder + b"/" + raw, "wb") as fh:
            fh.write(content)
        expected[folder + b"/" + raw] = content
    zpath = root / "old_archive.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for i in range(20):
            zf.writestr(f"m{i:03d}placeholder", f"member {i}".encode())
    data = zpath.read_bytes()
    for i in range(20):
        data = data.replace(f"m{i:03d}placeholder".encode(), f"m{i:03d}r\xe9sum\xe9_wxyz".encode("cp1252"))
    zpath.write_bytes(data)
    expected[os.fsencode(zpath)] = data
    fd = os.open(root, os.O_RDONLY)
    for _ in range(22):
        os.mkdir("d" * 200, dir_fd=fd)
        nxt = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nxt
    os.close(os.open("too_deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd))
    os.close(fd)
    return expected


def run(count: int, seed: int, label: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "seized"
        root.mkdir()
        expected = build(root, count, seed)
        case = Case.create(Path(tmp) / "b.case", "bench", title="names")
        start = time.perf_counter()
        aborted = 0
        try:
            result = run_import(case, [root], workers=0)
        except Exception:  # noqa: BLE001 - what we count
            aborted = 1
            raise
        took = time.perf_counter() - start
        exact = 0
        files = [i for i in case.items() if "!" not in (i["source_path"] or "")]
        for item in files:
            meta = item["metadata"]
            raw = (
                names.raw_name(meta["source_path_bytes"])
                if "source_path_bytes" in meta
                else os.fsencode(item["source_path"])
            )
            if raw in expected and Path(os.fsdecode(raw)).read_bytes() == expected[raw]:
                exact += 1
        members = [i for i in case.items() if "!" in (i["source_path"] or "")]
        zip_exact = sum(
            1
            for m in members
            if bytes.fromhex(m["metadata"]["archive_member"].get("name_bytes", "")).endswith(b"r\xe9sum\xe9_wxyz")
        )
        long_errors = sum(1 for e in result.errors if "too long" in e["error"])
        t0 = time.perf_counter()
        report = case.verify()
        verify_s = time.perf_counter() - t0
        case.close()
        print(
            f"{label}: {len(expected) - 1} files + 1 zip ({len(members)} members) + 1 over-long path; "
            f"imports aborted {aborted}; items from files {len(files)} (incl. the zip), "
            f"byte-exact names {exact}/{len(expected)}; "
            f"zip members with exact name bytes {zip_exact}/{len(members)}; over-long path errors {long_errors}; "
            f"other errors {len(result.errors) - long_errors}; import {took:.1f} s; verify "
            f"{'intact' if report['ok'] else 'PROBLEMS'} ({report['items_checked']} items against the chain) "
            f"{verify_s:.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    run(args.files, 1, "dev")
    run(args.files, 2, "held-out")


if __name__ == "__main__":
    main()
