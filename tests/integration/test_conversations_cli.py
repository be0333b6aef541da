"""Chats end to end through the CLI: import --timezone, conversations, messages, excerpt, report transcript."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests import pdfcheck
from tests.integration.test_report_cli import ws

sys.path.insert(0, str(Path(__file__).parents[1]))
import chatgen  # noqa: E402

pytestmark = pdfcheck.needs_poppler


def test_chat_import_listing_excerpt_and_transcript(tmp_path: Path, case_env: dict[str, str]) -> None:
    case = tmp_path / "chats.case"
    from tests.conftest import PASSPHRASE
    from workstation.case import Case

    Case.create(case, PASSPHRASE, title="Chats", analyst="Test Analyst", timezone="Europe/Amsterdam").close()
    script = chatgen.main_script()
    export = tmp_path / "WhatsApp Chat - Maria.zip"
    export.write_bytes(chatgen.export_zip(script, "uk", "ios", "Europe/Kyiv", chatgen.media_for(script)))
    imported = json.loads(
        ws("import", str(case), str(export), "--timezone", "Europe/Kyiv", "--ocr", "off", "--json", env=case_env).stdout
    )
    assert imported["messages"] == len(script) and imported["errors"] == []
    convs = json.loads(ws("conversations", str(case), "--json", env=case_env).stdout)["conversations"]
    assert len(convs) == 1
    conv = convs[0]
    assert set(conv) >= {"id", "platform", "title", "participants", "messages", "first", "last", "source_path"}
    assert (conv["platform"], conv["messages"], conv["first"], conv["zone_assumed"]) == (
        "whatsapp",
        len(script),
        "2024-01-05T08:00:00Z",
        "Europe/Kyiv",
    )
    assert conv["participants"] == ["Maria", "+31 6 12345678"]
    messages = json.loads(ws("messages", str(case), str(conv["id"]), "--json", env=case_env).stdout)["messages"]
    assert [m["sent_at"] for m in messages] == [m.utc.strftime("%Y-%m-%dT%H:%M:%SZ") for m in script]
    assert all(set(m) >= {"id", "sender", "sent_at", "local_time", "text", "attachments", "system"} for m in messages)
    photo = next(m for m in messages if m["attachments"])
    ids = ",".join(str(m["id"]) for m in messages[1:4])
    excerpt = json.loads(ws("excerpt", str(case), ids, "--title", "Offer", "--json", env=case_env).stdout)
    assert excerpt["exhibit"] == 1 and excerpt["messages"] == [m["id"] for m in messages[1:4]]
    out = tmp_path / "report.pdf"
    ws("report", str(case), "--out", str(out), env=case_env)
    text = " ".join(pdfcheck.text(out).split())
    assert "Chat transcripts" in text and "Exhibit 1 — WhatsApp chat" in text
    for m in messages[1:4]:
        assert m["sha256"] in text.replace(" ", "") or m["sha256"][:40] in text.replace(" ", "")
    assert "2024-01-05 08:01:00 UTC" in text and "2024-01-05 09:01:00 (UTC+01:00)" in text  # UTC and case zone
    assert "2024-01-05T10:01:00 (Europe/Kyiv)" in text  # as written, with the zone it was read in
    assert f"#{photo['attachments'][0]}" in text
