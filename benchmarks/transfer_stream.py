"""Benchmark: streamed bundle export and receive of a case holding one large (2 GB) original.

Each step runs as its own process (the real CLI) and its peak resident memory is read from the
kernel (``wait4`` rusage), so the figure is what an analyst's machine would see. The bar from
issue 8: export and receive stay under 500 MB peak memory.

    /work/venv/bin/python benchmarks/transfer_stream.py            # 2048 MiB original
    /work/venv/bin/python benchmarks/transfer_stream.py --size-mb 256 --dir /tmp/bench

Needs about 4x the size in free disk (case, bundle, received case, WAL).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIMIT_MB = 500
KEY = "benchmark key passphrase"
CASE = "benchmark case passphrase"


class _Pattern:
    """``size`` bytes of incompressible-looking data, produced 1 MiB at a time."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.counter = 0

    def read(self, n: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        n = self.left if n < 0 else min(n, self.left)
        out = bytearray()
        while len(out) < n:
            self.counter += 1
            out += hashlib.sha512(self.counter.to_bytes(8, "big")).digest() * 64  # 4 KiB
        self.left -= n
        return bytes(out[:n])


def make_case(path: Path, size: int) -> None:
    """Child step: a case with one item whose original is ``size`` bytes, stored streamed."""
    from workstation.case import Case

    case = Case.create(path, CASE, title="Transfer benchmark", analyst="bench")
    with case, case.transaction():
        info = case.blobs.put_stream(_Pattern(size))  # type: ignore[arg-type]
        case.db.conn.execute(
            "INSERT INTO items (kind, sha256, md5, size, mime, original_name, imported_at, "
            "analyst, importer, metadata) VALUES ('file', ?, ?, ?, 'application/octet-stream', "
            "'seized-disk.bin', '2026-01-01T00:00:00Z', 'bench', 'benchmark', '{}')",
            (info.sha256, info.md5, info.size),
        )
        case.audit("benchmark.item", {"sha256": info.sha256, "size": info.size})


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run a child; returns (seconds, peak RSS in MB, stderr)."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    out = (proc.stdout.read() if proc.stdout else b"").decode()
    err = (proc.stderr.read() if proc.stderr else b"").decode()
    if proc.returncode != 0:
        raise SystemExit(f"step failed ({' '.join(argv[2:5])}): {err or out}")
    return seconds, usage.ru_maxrss / 1024, out  # ru_maxrss is KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=2048)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--make", nargs=2, metavar=("CASE", "BYTES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_case(Path(args.make[0]), int(args.make[1]))
        return 0

    from workstation import identity as ident

    work = Path(tempfile.mkdtemp(prefix="transfer-bench-", dir=args.dir))
    try:
        size = args.size_mb << 20
        homes = {n: work / f"home-{n}" for n in ("sender", "receiver")}
        for home in homes.values():
            ident.create_identity(KEY, label=home.name, where=home)
        receiver_line = ident.load_public(homes["receiver"])[0].export_line()
        sender_line = ident.load_public(homes["sender"])[0].export_line()
        ident.Contacts(homes["sender"]).add("Receiver", receiver_line)
        ident.Contacts(homes["receiver"]).add("Sender", sender_line)

        base = dict(os.environ, PYTHONPATH=str(ROOT), WORKSTATION_KEY_PASSPHRASE=KEY, WORKSTATION_PASSPHRASE=CASE)
        py = sys.executable
        case, bundle, received = work / "big.case", work / "big.wsbundle", work / "received.case"
        results = []
        t, rss, _ = run([py, __file__, "--make", str(case), str(size)], base)
        results.append(("make case (put_stream)", t, rss))
        env = dict(base, WORKSTATION_HOME=str(homes["sender"]))
        t, rss, out = run(
            [py, "-m", "workstation.cli", "export", str(case), "--to", "Receiver", "--out", str(bundle), "--json"], env
        )
        results.append(("export (age, signed)", t, rss))
        env = dict(base, WORKSTATION_HOME=str(homes["receiver"]))
        t, rss, out = run([py, "-m", "workstation.cli", "receive", str(bundle), "--out", str(received), "--json"], env)
        summary = json.loads(out)
        assert summary["blobs"] == 1 and summary["sender"]["verified"], summary
        results.append(("receive (verify, new case)", t, rss))

        print(f"original: {args.size_mb} MiB; bundle: {bundle.stat().st_size / 2**20:.0f} MiB")
        print(f"{'step':<28} {'seconds':>8} {'MiB/s':>7} {'peak RSS MB':>12}")
        ok = True
        for name, seconds, peak in results:
            print(f"{name:<28} {seconds:8.1f} {args.size_mb / seconds:7.1f} {peak:12.0f}")
            if not name.startswith("make"):
                ok &= peak < LIMIT_MB
        print(f"peak memory under {LIMIT_MB} MB for export and receive: {'yes' if ok else 'NO'}")
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
