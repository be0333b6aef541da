"""Telegram Desktop exports: result.json (one chat, the whole account) and the HTML pages."""

from __future__ import annotations

import json

import chatgen


def _messages():
    return [
        {
            "id": 1,
            "type": "service",
            "date": "2024-03-30T23:00:00",
            "date_unixtime": "1711836000",
            "actor": "Olena",
            "actor_id": "user1",
            "action": "create_group",
            "title": "Jobs",
            "text": "",
        },
        {
            "id": 2,
            "type": "message",
            "date": "2024-03-31T01:30:00",
            "date_unixtime": "1711845000",
            "from": "Olena",
            "from_id": "user1",
            "text": "Work in Warsaw, call me",
            "text_entities": [{"type": "plain", "text": "Work in Warsaw, call me"}],
        },
        {
            "id": 3,
            "type": "message",
            "date": "2024-03-31T03:10:00",
            "date_unixtime": "1711847400",
            "from": "Recruiter",
            "from_id": "user2",
            "reply_to_message_id": 2,
            "text": [
                "Call ",
                {"type": "phone", "text": "+48 512 345 678"},
                " or ",
                {"type": "mention", "text": "@jobs_pl"},
            ],
            "photo": "photos/photo_1@31-03-2024_03-10-00.jpg",
            "width": 64,
            "height": 48,
        },
        {
            "id": 4,
            "type": "message",
            "date": "2024-03-31T03:11:00",
            "date_unixtime": "1711847460",
            "from": "Recruiter",
            "from_id": "user2",
            "forwarded_from": "Jobs Channel",
            "text": "Visa included",
        },
    ]


def test_single_chat_json_with_entities_replies_and_photo(tmp_path, case, do_import, messages_json):
    export = tmp_path / "ChatExport_2024-04-01"
    (export / "photos").mkdir(parents=True)
    (export / "photos" / "photo_1@31-03-2024_03-10-00.jpg").write_bytes(chatgen.jpeg(7))
    doc = {"name": "Jobs", "type": "private_group", "id": 4242, "messages": _messages()}
    (export / "result.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    result, _ = do_import(export / "result.json")
    assert result.errors == []
    records, names = messages_json("result.json")
    assert [r["sent_at"] for r in records] == [
        "2024-03-30T22:00:00Z",
        "2024-03-31T00:30:00Z",
        "2024-03-31T01:10:00Z",
        "2024-03-31T01:11:00Z",
    ]
    assert [r["sender"] for r in records] == ["Olena", "Olena", "Recruiter", "Recruiter"]
    assert [r["system"] for r in records] == [True, False, False, False]
    assert records[2]["text"] == "Call +48 512 345 678 or @jobs_pl"
    assert records[2]["reply_to"] == "2" and records[3]["forwarded"] is True
    assert [names[i] for i in records[2]["attachments"]] == ["photo_1@31-03-2024_03-10-00.jpg"]
    assert records[2]["local_time"] == "2024-03-31T03:10:00"
    # the phone number in the message is a selector of the message item itself
    phones = case.db.execute(
        "SELECT s.value, l.item_id FROM selectors s JOIN selector_links l ON l.selector_id = s.id "
        "WHERE s.kind = 'phone'"
    ).fetchall()
    assert ("+48512345678", records[2]["id"]) in phones
    conv = case.db.execute("SELECT platform, title, chat_id, source_format FROM chat_conversations").fetchall()
    assert conv == [("telegram", "Jobs", "4242", "telegram-json")]


def test_account_export_yields_one_conversation_per_chat(tmp_path, case, do_import):
    from workstation.conversations import list_conversations

    doc = {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 1, "first_name": "Olena"},
        "chats": {
            "about": "chats",
            "list": [
                {"name": "Jobs", "type": "private_group", "id": 1, "messages": _messages()},
                {"name": "Recruiter", "type": "personal_chat", "id": 2, "messages": _messages()[1:3]},
            ],
        },
    }
    (tmp_path / "result.json").write_text(json.dumps(doc), encoding="utf-8")
    result, _ = do_import(tmp_path / "result.json")
    assert result.errors == []
    convs = list_conversations(case)
    assert [(c.title, c.messages, c.platform) for c in convs] == [("Jobs", 4, "telegram"), ("Recruiter", 2, "telegram")]
    assert convs[1].participants == ("Olena", "Recruiter")


def test_damaged_json_keeps_messages_before_the_damage(tmp_path, case, do_import, messages_json):
    doc = json.dumps({"name": "Jobs", "type": "personal_chat", "id": 9, "messages": _messages()})
    (tmp_path / "result.json").write_text(doc[: doc.index('"id": 4')], encoding="utf-8")
    result, _ = do_import(tmp_path / "result.json")
    assert len(result.errors) == 1 and "damaged JSON after message" in result.errors[0]["error"]
    records, _ = messages_json("result.json")
    assert len(records) == 3


_PAGE = """<!DOCTYPE html>
<html>
 <head>
  <meta charset="utf-8"/>
<title>Exported Data</title>
  <meta content="width=device-width, initial-scale=1.0" name="viewport"/>
  <link href="css/style.css" rel="stylesheet"/>
 </head>
 <body onload="CheckLocation();">
  <div class="page_wrap">
   <div class="page_header"><div class="content"><div class="text bold">Anna Recruiter</div></div></div>
   <div class="page_body chat_page"><div class="history">
{body}
   </div></div>
  </div>
 </body>
</html>
"""


def _html_message(mid, stamp, sender, text, *, joined=False, extra=""):
    name = "" if joined else f'<div class="from_name">{sender} </div>'
    cls = "message default clearfix joined" if joined else "message default clearfix"
    return (
        f'<div class="{cls}" id="message{mid}"><div class="body">'
        f'<div class="pull_right date details" title="{stamp}">x</div>{name}{extra}'
        f'<div class="text">{text}</div></div></div>'
    )


def test_html_export_pages_are_one_conversation(tmp_path, case, do_import, messages_json):
    export = tmp_path / "ChatExport"
    (export / "photos").mkdir(parents=True)
    (export / "photos" / "photo_2.jpg").write_bytes(chatgen.jpeg(3))
    page1 = "\n".join(
        [
            '<div class="message service" id="message-1"><div class="body details">31 March 2024</div></div>',
            _html_message(10, "31.03.2024 01:30:00 UTC+01:00", "Anna", "Hi, job in Berlin"),
            _html_message(11, "31.03.2024 03:05:00 UTC+02:00", "Anna", "Call +49 151 2345 6789", joined=True),
        ]
    )
    page2 = "\n".join(
        [
            _html_message(
                12,
                "31.03.2024 03:06:00",
                "Me",
                "ok",
                extra='<div class="reply_to details">In reply to <a href="#go_to_message11">this</a></div>'
                '<div class="media_wrap clearfix"><a class="photo_wrap clearfix pull_left" href="photos/photo_2.jpg">'
                '<img class="photo" src="photos/photo_2_thumb.jpg"/></a></div>',
            ),
            '<div class="message service" id="message13"><div class="body details">Anna pinned a message</div></div>',
        ]
    )
    (export / "messages.html").write_text(_PAGE.format(body=page1), encoding="utf-8")
    (export / "messages2.html").write_text(_PAGE.format(body=page2), encoding="utf-8")
    result, _ = do_import(export)
    assert result.errors == []
    records, names = messages_json("messages.html")
    assert [(r["sender"], r["sent_at"], r["system"]) for r in records] == [
        ("Anna", "2024-03-31T00:30:00Z", False),
        ("Anna", "2024-03-31T01:05:00Z", False),
        ("Me", "2024-03-31T01:06:00Z", False),  # no offset in the title: the case zone (Amsterdam, summer time)
        (None, None, True),
    ]
    assert records[2]["reply_to"] == "11"
    assert [names[i] for i in records[2]["attachments"]] == ["photo_2.jpg"]
    assert case.db.execute("SELECT title FROM chat_conversations").fetchall() == [("Anna Recruiter",)]
