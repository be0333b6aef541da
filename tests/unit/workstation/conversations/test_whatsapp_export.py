"""WhatsApp exports: every listed app language, Android and iOS, txt and zip, checked message by message."""

from __future__ import annotations

import zipfile

import chatgen
import pytest

LOCALES = list(chatgen.LOCALES)


def test_every_locale_and_platform_parses_exactly(tmp_path, case, do_import, messages_json):
    script = chatgen.main_script()
    paths = []
    for locale in LOCALES:
        for platform in ("android", "ios"):
            path = tmp_path / f"{locale}-{platform}.txt"
            path.write_text(chatgen.render(script, locale, platform, "Europe/Amsterdam"), encoding="utf-8")
            paths.append(path)
    result, _ = do_import(*paths)
    assert result.errors == []
    kinds = dict(case.db.execute("SELECT kind, count(*) FROM items GROUP BY kind").fetchall())
    assert kinds == {"conversation": len(paths), "message": len(paths) * len(script)}
    failures = {}
    for locale in LOCALES:
        for platform in ("android", "ios"):
            records, names = messages_json(f"{locale}-{platform}.txt")
            wrong = chatgen.score(script, locale, platform, records, names, media=False)
            if wrong:
                failures[f"{locale}-{platform}"] = wrong
    assert failures == {}
    from workstation.conversations import find_in_conversation, list_conversations

    uk = next(c for c in list_conversations(case) if c.source_path.endswith("uk-ios.txt"))
    assert find_in_conversation(case, uk.id, "привіт") == [11]  # any case, any script
    assert find_in_conversation(case, uk.id, "PASSPORT") == [6]
    assert find_in_conversation(case, uk.id, "100%_") == []


def test_zip_with_media_links_attachments_to_their_messages(tmp_path, case, do_import, messages_json):
    script = chatgen.main_script()
    media = chatgen.media_for(script)
    for platform in ("android", "ios"):
        (tmp_path / f"WhatsApp Chat - Maria {platform}.zip").write_bytes(
            chatgen.export_zip(script, "nl", platform, "Europe/Amsterdam", media)
        )
    result, _ = do_import(tmp_path / "WhatsApp Chat - Maria android.zip", tmp_path / "WhatsApp Chat - Maria ios.zip")
    assert result.errors == []
    for platform in ("android", "ios"):
        records, names = messages_json(f"Maria {platform}.zip")
        assert chatgen.score(script, "nl", platform, records, names, media=True) == []
    photo = case.db.execute(
        "SELECT i.kind, i.width, p.kind FROM items i JOIN items p ON p.id = i.parent_id "
        "WHERE i.original_name = 'IMG-20240105-WA0001.jpg'"
    ).fetchall()
    assert photo == [("image", 64, "message"), ("image", 64, "message")]  # a real image item, under its message
    titles = {r[0] for r in case.db.execute("SELECT title FROM chat_conversations")}
    assert titles == {"Maria", "Maria ios"}


def test_zone_assumed_is_the_case_zone_or_the_import_option(tmp_path, case, do_import, messages_json):
    script = chatgen.main_script()[:3]
    path = tmp_path / "chat.txt"
    path.write_text(chatgen.render(script, "en-GB", "android", "America/New_York"), encoding="utf-8")
    do_import(path, timezone="America/New_York")
    records, _ = messages_json("chat.txt")
    assert [r["sent_at"] for r in records] == [m.utc.strftime("%Y-%m-%dT%H:%M:00Z") for m in script]
    assert {r["zone"] for r in records} == {"America/New_York"}
    assert records[1]["local_time"] == "2024-01-05T03:01:00"


def test_clock_changes_are_resolved_and_recorded():
    from datetime import datetime

    from workstation.conversations.times import LocalClock

    clock = LocalClock("Europe/Amsterdam")
    gap = clock.resolve(datetime(2024, 3, 31, 2, 30))  # never shown on an Amsterdam clock
    assert gap.note == "nonexistent" and gap.offset == "+01:00"
    first = clock.resolve(datetime(2024, 10, 27, 2, 40))
    second = clock.resolve(datetime(2024, 10, 27, 2, 5))  # earlier reading after a later one: winter time
    assert (first.note, first.offset, second.note, second.offset) == ("ambiguous", "+02:00", "ambiguous", "+01:00")
    assert second.utc > first.utc


def test_hostile_and_damaged_exports(tmp_path, case, do_import, messages_json):
    text = chatgen.render(chatgen.main_script()[:4], "de", "android", "Europe/Amsterdam")
    # text before the first message, an impossible date, and Windows-1252 bytes in a message
    damaged = "garbage before\n" + text + "31.02.24, 10:00 - X: not a date\n"
    (tmp_path / "damaged.txt").write_bytes(damaged.encode("utf-8") + "ümlaut".encode("cp1252") + b"\n")
    # a zip bomb member beside the chat: refused, the chat still imported
    with zipfile.ZipFile(tmp_path / "WhatsApp Chat - bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("WhatsApp Chat mit Bomb.txt", text)
        zf.writestr("IMG-20240105-WA0001.jpg", b"\0" * (20 << 20))
    result, _ = do_import(tmp_path / "damaged.txt", tmp_path / "WhatsApp Chat - bomb.zip")
    errors = {e["path"].rsplit("/", 1)[-1]: e["error"] for e in result.errors}
    assert "text before the first message" in errors["damaged.txt"]
    assert "compression ratio" in errors["WhatsApp Chat - bomb.zip!IMG-20240105-WA0001.jpg"]
    records, _ = messages_json("damaged.txt")
    assert len(records) == 4
    assert records[-1]["text"].startswith("IMG-20240105-WA0001.jpg (Datei angehängt)\n31.02.24, 10:00 - X: not a date")
    bomb, _ = messages_json("bomb.zip")
    assert len(bomb) == 4 and bomb[3]["attachments"] == []


@pytest.mark.parametrize("zone", ["Europe/Amsterdam"])
def test_resume_does_not_duplicate_messages(tmp_path, case, do_import, zone):
    path = tmp_path / "chat.txt"
    path.write_text(chatgen.render(chatgen.main_script(), "pl", "ios", zone), encoding="utf-8")
    first, _ = do_import(path)
    again, _ = do_import(path)
    assert first.imported == 16 and again.imported == 0 and again.already_imported == 16
    assert case.db.execute("SELECT count(*) FROM chat_messages").fetchone()[0] == 15


def test_unknown_zone_is_refused_before_anything_is_imported(tmp_path, case, do_import):
    from workstation.errors import UsageError

    path = tmp_path / "chat.txt"
    path.write_text(chatgen.render(chatgen.main_script()[:2], "en-GB", "android", "UTC"), encoding="utf-8")
    with pytest.raises(UsageError, match="unknown time zone"):
        do_import(path, timezone="Mars/Olympus")
    assert case.count_items() == 0


def test_a_large_export_is_streamed_in_bounded_memory(tmp_path):
    import tracemalloc

    from workstation.conversations import whatsapp_text as wa
    from workstation.conversations.model import conversation_item, message_item
    from workstation.conversations.times import LocalClock
    from workstation.importing.model import Source

    path = tmp_path / "WhatsApp Chat with Big.txt"
    line = "05/01/2024, 10:{:02d} - Olena: a message about work and a room, call +31 6 1234 {:04d}" + " ok" * 80 + "\n"
    with path.open("w", encoding="utf-8") as fh:
        for k in range(15_000):
            fh.write(line.format(k % 60, k % 10_000))
    size = path.stat().st_size
    conv = conversation_item(
        Source.from_path(path), "whatsapp", platform="whatsapp", title="Big", source_format="t", zone="UTC"
    )
    clock = LocalClock("UTC")
    tracemalloc.start()
    with path.open("rb") as fh:
        text, _ = wa.open_text(fh)
        order = wa.scan_order(iter(text))
    count = 0
    with path.open("rb") as fh:
        text, _ = wa.open_text(fh)
        for parsed in wa.parse(iter(text), order, []):
            count += 1
            message_item(conv, count, parsed.message, clock=clock, importer="")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 15_000
    assert peak < size // 8, (peak, size)  # a few buffers and one message, not the export


def test_unpacked_export_links_media_beside_the_chat(tmp_path, case, do_import, messages_json):
    script = chatgen.main_script()
    folder = tmp_path / "unpacked"
    folder.mkdir()
    (folder / "WhatsApp Chat with Maria.txt").write_text(
        chatgen.render(script, "it", "android", "Europe/Amsterdam"), encoding="utf-8"
    )
    for name, data in chatgen.media_for(script).items():
        (folder / name).write_bytes(data)
    result, _ = do_import(folder / "WhatsApp Chat with Maria.txt")
    assert result.errors == []
    records, names = messages_json("Maria.txt")
    assert chatgen.score(script, "it", "android", records, names, media=True) == []
