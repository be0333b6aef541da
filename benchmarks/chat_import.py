"""Chat import: accuracy on generated exports in every listed locale, and throughput/memory at scale.

  accuracy  WhatsApp exports of the hand-written script (tests/chatgen.py main_script) and of a
            held-out random script (held_out_script, never used while writing the parser), in
            11 app languages x Android/iOS, as .txt and as .zip with media; every message's
            sender, UTC time, text, system flag and attachment compared with the script.
  scale     one generated WhatsApp export of N messages (Android en-GB, multi-line messages,
            phone numbers) imported into a fresh encrypted case with every plug-in of this build;
            wall time, messages/s and the peak memory (max RSS) of the importing process.

Run:  /work/venv/bin/python benchmarks/chat_import.py accuracy
      /work/venv/bin/python benchmarks/chat_import.py scale --messages 50000
      /work/venv/bin/python benchmarks/chat_import.py parse --messages 1000000   (parser alone, no case)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import chatgen  # noqa: E402

ZONE = "Europe/Amsterdam"


def _case(folder: Path):  # type: ignore[no-untyped-def]
    from workstation.case import Case

    return Case.create(folder / "bench.case", "benchmark passphrase", title="bench", analyst="bench", timezone=ZONE)


def accuracy() -> dict[str, object]:
    from workstation.conversations import list_conversations, list_messages
    from workstation.importing.pipeline import run_import

    table: dict[str, dict[str, list[int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        case = _case(folder)
        inputs = []
        for part, script in (("main", chatgen.main_script()), ("held-out", chatgen.held_out_script())):
            media = chatgen.media_for(script)
            for locale in chatgen.LOCALES:
                for platform in ("android", "ios"):
                    txt = folder / f"{part}__{locale}__{platform}__txt.txt"
                    txt.write_text(chatgen.render(script, locale, platform, ZONE), encoding="utf-8")
                    archive = folder / f"{part}__{locale}__{platform}__zip.zip"
                    archive.write_bytes(chatgen.export_zip(script, locale, platform, ZONE, media))
                    inputs += [
                        (part, locale, platform, "txt", txt, script),
                        (part, locale, platform, "zip", archive, script),
                    ]
        result = run_import(case, [i[4] for i in inputs], workers=0)
        names = {r[0]: r[1] for r in case.db.execute("SELECT id, original_name FROM items WHERE kind != 'message'")}
        by_source = {c.source_path.split("/")[-1].split("!")[0]: c for c in list_conversations(case)}
        failures: dict[str, list[str]] = {}
        for part, locale, platform, form, path, script in inputs:
            conv = by_source.get(path.name)
            records = [m.to_json() for m in list_messages(case, conv.id)] if conv else []
            wrong = chatgen.score(script, locale, platform, records, names, media=form == "zip")
            row = table.setdefault(part, {}).setdefault(f"{locale} {platform}", [0, 0])
            row[0] += len(script)
            row[1] += len(script) if not conv else len(script) - len({w.split(" ")[0] for w in wrong})
            if wrong:
                failures[f"{part} {locale} {platform} {form}"] = wrong[:5]
        case.close()
    return {"table": table, "failures": failures, "import_errors": result.errors}


def _export(path: Path, n: int) -> None:
    """N messages in the Android en-GB format, written line by line (bounded memory)."""
    rng = random.Random(1)
    senders = ["Maria", "+31 6 12345678", "Olena", "Ion"]
    words = "work hotel visa room cash tomorrow passport ok Amsterdam праця muncă 🙂".split()
    t = datetime(2023, 1, 1, 8, 0, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            t += timedelta(seconds=rng.randrange(5, 600))
            local = t.astimezone(chatgen.ZoneInfo(ZONE))
            text = " ".join(rng.choice(words) for _ in range(rng.randrange(2, 14)))
            if k % 10 == 0:
                text += f"\ncall +31 6 {rng.randrange(10000000, 99999999)}"
            fh.write(f"{local:%d/%m/%Y, %H:%M} - {rng.choice(senders)}: {text}\n")


def scale(n: int, workers: int | None) -> dict[str, object]:
    from workstation.importing.pipeline import run_import

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "WhatsApp Chat with Maria.txt"
        _export(export, n)
        size = export.stat().st_size
        case = _case(folder)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.monotonic()
        cpu0 = time.process_time()
        result = run_import(case, [export], workers=workers)
        wall = time.monotonic() - started
        cpu = time.process_time() - cpu0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        count = case.db.execute("SELECT count(*) FROM chat_messages").fetchone()[0]
        case.close()
    return {
        "messages": count,
        "export_mb": round(size / 1e6, 1),
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "messages_per_s": round(count / wall),
        "peak_rss_mb_before": round(before / 1024),
        "peak_rss_mb": round(peak / 1024),
        "errors": len(result.errors),
        "extrapolated_1m_min": round(1_000_000 / (count / wall) / 60, 1),
    }


def parse_only(n: int) -> dict[str, object]:
    """The parser alone (no case): CPU per message and peak memory while streaming N messages."""
    from workstation.conversations import whatsapp_text as wa
    from workstation.conversations.model import conversation_item, message_item
    from workstation.conversations.times import LocalClock
    from workstation.importing.model import Source

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "WhatsApp Chat with Maria.txt"
        _export(path, n)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cpu0 = time.process_time()
        with path.open("rb") as fh:
            text, _ = wa.open_text(fh)
            order = wa.scan_order(iter(text))
        conv = conversation_item(
            Source.from_path(path), "whatsapp", platform="whatsapp", title="x", source_format="bench", zone=ZONE
        )
        clock = LocalClock(ZONE)
        count = 0
        with path.open("rb") as fh:
            text, _ = wa.open_text(fh)
            for parsed in wa.parse(iter(text), order, []):
                count += 1
                message_item(conv, count, parsed.message, clock=clock, importer="")
        cpu = time.process_time() - cpu0
        size = path.stat().st_size
    return {
        "messages": count,
        "export_mb": round(size / 1e6, 1),
        "cpu_s": round(cpu, 1),
        "cpu_us_per_message": round(cpu / max(1, count) * 1e6),
        "peak_rss_mb_before": round(before / 1024),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("accuracy", "scale", "parse"))
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    os.environ.setdefault("WORKSTATION_OCR", "off")
    if args.what == "accuracy":
        out = accuracy()
    elif args.what == "parse":
        out = parse_only(args.messages)
    else:
        out = scale(args.messages, args.workers)
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
