"""Team hub and my-cases index at scale (issue 19).

1. A throw-away PostgreSQL cluster (as the hub tests) gets N random keyed tokens in 1,000
   publications (default 1,000,000), plus the real publication of a small case B; a case A
   (200 ads with phones, 20 photos, 5 of them shared with B) asks for its matches; the time of
   `hub matches` (token computation + query) is reported, best of 3.
2. The local index: a case of 100,000 items' values (synthetic rows: 100,000 photo SHA-256s,
   50,000 phones, 20,000 PDQs; 2 % of them also in 20 other indexed cases) answers `seen`;
   best of 3.

    PYTHONPATH=$PWD python benchmarks/hub_scale.py [--tokens 1000000] [--items 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("WORKSTATION_OCR", "off")


def _cluster(root: Path) -> tuple[str, object]:
    from tests.unit.workstation.hub import conftest

    gen = conftest.hub_url.__wrapped__()  # type: ignore[attr-defined]
    return next(gen), gen


def _case(tmp: Path, name: str, texts: list[str], photos: list[Path]):  # type: ignore[no-untyped-def]
    from workstation.case import Case
    from workstation.importing.pipeline import run_import

    folder = tmp / f"{name}-in"
    folder.mkdir()
    for i, t in enumerate(texts):
        (folder / f"ad{i}.txt").write_text(t, encoding="utf-8")
    for p in photos:
        (folder / p.name).write_bytes(p.read_bytes())
    case = Case.create(
        tmp / f"{name}.case",
        "pw",
        title=name,
        case_number=name,
        agency=name,
        analyst="b",
        timezone="UTC",
        default_region="NL",
    )
    run_import(case, [folder], workers=0)
    return case


def bench_hub(tmp: Path, n_tokens: int) -> dict[str, float]:
    import psycopg

    from tests.conftest import make_jpeg
    from workstation.hub import client
    from workstation.hub.tokens import new_team_key

    url, gen = _cluster(tmp)
    try:
        key = tmp / "team.key"
        new_team_key(key)
        photos = [make_jpeg(tmp / "src" / f"p{i}.jpg", seed=100 + i) for i in range(20)]
        a = _case(tmp, "A", [f"Escort, call 06 {10000000 + i * 7919:08d}" for i in range(200)], photos)
        b = _case(tmp, "B", [f"06 {10000000 + i * 7919:08d}" for i in range(0, 200, 20)], photos[:5])
        client.publish(b, url, key)
        t0 = time.perf_counter()
        with psycopg.connect(url) as conn:
            copy_publications = "COPY hub_publications (id, publisher, agency, contact) FROM STDIN"
            with conn.cursor() as cur, cur.copy(copy_publications) as cp:
                for p in range(1000):
                    cp.write_row((10_000 + p, secrets.token_bytes(32), f"agency {p}", f"desk {p}"))
            with conn.cursor() as cur, cur.copy("COPY hub_tokens (token, publication_id) FROM STDIN") as cp:
                for i in range(n_tokens):
                    cp.write_row((os.urandom(32), 10_000 + i % 1000))
            conn.execute("ANALYZE hub_tokens")
        load = time.perf_counter() - t0
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            found = client.matches(a, url, key)["matches"]
            times.append(time.perf_counter() - t0)
        kinds = {m["kind"] for m in found}
        n = len(found)
        a.close()
        b.close()
        return {
            "tokens": n_tokens,
            "load_s": round(load, 1),
            "matches_s": round(min(times), 3),
            "matches": n,
            "kinds": sorted(kinds),
        }  # type: ignore[dict-item]
    finally:
        next(gen, None)  # type: ignore[call-overload]


def bench_seen(tmp: Path, n_items: int) -> dict[str, float]:
    os.environ["WORKSTATION_HOME"] = str(tmp / "home")
    from workstation.case import Case, utc_now
    from workstation.crosscase import index

    case = Case.create(
        tmp / "big.case",
        "pw",
        title="Big",
        case_number="BIG",
        agency="a",
        analyst="b",
        timezone="UTC",
        default_region="NL",
    )
    index.refresh(case)  # registers it with its real fingerprint
    now = utc_now()
    with index._open() as conn:
        assert conn is not None
        big = conn.execute("SELECT id FROM cases WHERE path = ?", [str(case.path.resolve())]).fetchone()[0]
        others = []
        for c in range(20):
            cur = conn.execute(
                "INSERT INTO cases (path, title, fingerprint, updated_at) VALUES (?, ?, 'x', ?)",
                [f"/cases/other{c}.case", f"Other {c}", now],
            )
            others.append(cur.lastrowid)
        rows = []
        for i in range(n_items):
            rows.append((big, "photo", f"{i:064x}", json.dumps([i + 1]), 1, now, now))
            if i % 2 == 0:
                rows.append((big, "phone", f"+316{i:08d}", json.dumps([i + 1]), 1, now, now))
            if i % 5 == 0:
                rows.append((big, "pdq", f"{i * 3:064x}", json.dumps([i + 1]), 1, now, now))
            if i % 50 == 0:
                rows.append((others[i % 20], "photo", f"{i:064x}", "[7]", 1, now, now))
                rows.append((others[(i + 1) % 20], "phone", f"+316{i:08d}", "[8, 9]", 2, now, now))
        for c in others:  # each other case has 100,000 values of its own
            rows.extend((c, "photo", secrets.token_hex(32), "[1]", 1, now, now) for _ in range(n_items // 20))
        conn.executemany("INSERT OR IGNORE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        found = index.seen(case)
        times.append(time.perf_counter() - t0)
    case.close()
    return {"items": n_items, "index_rows": len(rows), "seen_s": round(min(times), 3), "seen": len(found)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokens", type=int, default=1_000_000)
    ap.add_argument("--items", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        print("hub:", bench_hub(Path(d), args.tokens), flush=True)
    with tempfile.TemporaryDirectory() as d:
        print("seen:", bench_seen(Path(d), args.items), flush=True)


if __name__ == "__main__":
    main()
