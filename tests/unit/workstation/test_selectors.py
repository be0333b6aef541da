"""Selectors: phone normalisation (tricky real-world formats), obfuscation, e-mail, links, wallets."""

from __future__ import annotations

import pytest

from workstation.selectors import (
    base58check,
    bech32_valid,
    canonical_url,
    device_of,
    eth_checksum_ok,
    extract,
    extract_from_item,
    extract_phones,
    keccak256,
    platform_of,
)

# (text as written in ads, default region of the case, E.164)
TRICKY_PHONES = [
    ("Bel 06 12 34 56 78", "NL", "+31612345678"),  # Netherlands
    ("+31 (0)6-12345678", None, "+31612345678"),  # Dutch trunk 0 in brackets
    ("0031 6 1234 5678", "DE", "+31612345678"),  # 00 international prefix
    ("Tel. 0151 2345 6789", "DE", "+4915123456789"),  # Germany
    ("+49 (0) 1512 3456789", None, "+4915123456789"),
    ("06.12.34.56.78", "FR", "+33612345678"),  # France, dotted
    ("07400 123456", "GB", "+447400123456"),  # United Kingdom
    ("+44 (0)7400 123 456", None, "+447400123456"),
    ("(201) 555-0123", "US", "+12015550123"),  # United States
    ("201.555.0123", "US", "+12015550123"),
    ("+380 (50) 123-45-67", None, "+380501234567"),  # Ukraine
    ("050 123 45 67", "UA", "+380501234567"),
    ("8 (912) 345-67-89", "RU", "+79123456789"),  # Russia, trunk 8
    ("+7 912 345 67 89", None, "+79123456789"),
    ("0712 034 567", "RO", "+40712034567"),  # Romania
    ("+359 43 012 345", None, "+35943012345"),  # Bulgaria
    ("131-2345-6789", "CN", "+8613123456789"),  # China
    ("+86 131 2345 6789", None, "+8613123456789"),
    ("612 34 56 78", "ES", "+34612345678"),  # Spain
    ("312 345 6789", "IT", "+393123456789"),  # Italy, mobile without trunk
    ("+39 312 3456789", None, "+393123456789"),
    ("512-345-678", "PL", "+48512345678"),  # Poland
    ("0450 00 12 34", "BE", "+32450001234"),  # Belgium
    ("0802 123 4567", "NG", "+2348021234567"),  # Nigeria
    ("081 234 5678", "TH", "+66812345678"),  # Thailand
    ("0912 345 678", "VN", "+84912345678"),  # Vietnam
]


@pytest.mark.parametrize(("text", "region", "e164"), TRICKY_PHONES)
def test_real_world_phone_formats(text: str, region: str | None, e164: str) -> None:
    phones = extract_phones(text, region)
    assert [p.value for p in phones] == [e164]
    assert not phones[0].obscured
    assert text[phones[0].start : phones[0].end].strip(" .")


def test_phone_formats_cover_at_least_ten_countries() -> None:
    import phonenumbers

    countries = {phonenumbers.region_code_for_number(phonenumbers.parse(e164)) for _, _, e164 in TRICKY_PHONES}
    assert len(countries) >= 10


OBFUSCATED = [
    ("nul zes een twee drie vier vijf zes zeven acht", "NL", "+31612345678"),  # Dutch words
    ("+31 six one two three four five six seven eight", "NL", "+31612345678"),  # English words
    ("zéro six un deux trois quatre cinq six sept huit", "FR", "+33612345678"),  # French
    ("null eins fünf eins zwei drei vier fünf sechs sieben acht neun", "DE", "+4915123456789"),  # German
    ("нуль п'ять нуль один два три чотири п'ять шість сім", "UA", "+380501234567"),  # Ukrainian
    ("восемь девять один два три четыре пять шесть семь восемь девять", "RU", "+79123456789"),  # Russian
    ("一三一二三四五六七八九", "CN", "+8613123456789"),  # Chinese numerals
    ("O6-l2345678", "NL", "+31612345678"),  # letters for digits
    ("0 6 1 2 3 4 5 6 7 8", "NL", "+31612345678"),  # every digit spaced
    ("06*12*34*56*78", "NL", "+31612345678"),  # odd separators
    ("0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣", "NL", "+31612345678"),  # keycap emoji
    ("⓪⑥ ①② ③④ ⑤⑥ ⑦⑧", "NL", "+31612345678"),  # circled digits
    ("0̶6̶ 1̶2̶3̶4̶5̶6̶7̶8̶", "NL", "+31612345678"),  # strike-through combining marks
    ("zero seven four double zero one two three four five six", "GB", "+447400123456"),  # "double"
]


@pytest.mark.parametrize(("text", "region", "e164"), OBFUSCATED)
def test_obfuscated_phones_are_found_and_flagged(text: str, region: str, e164: str) -> None:
    phones = extract_phones(f"Contact: {text} !", region)
    assert [p.value for p in phones] == [e164]
    assert phones[0].obscured


@pytest.mark.parametrize(
    "text",
    [
        "Prices 10 20 30 40 50 euro",
        "Posted 2026-11-05 12:30, ad 123456",
        "IBAN NL91ABNA0417164300",
        "Order 1234 5678 shipped",
        "one two three, let's go",
    ],
)
def test_things_that_are_not_phone_numbers(text: str) -> None:
    assert extract_phones(text, "NL") == []


def test_phone_platform_from_context() -> None:
    hits = extract("WhatsApp: 06-12345678, of bel 0612345679 (Viber)", "NL")
    by_value = {h.value: h.platform for h in hits if h.kind == "phone"}
    assert by_value == {"+31612345678": "whatsapp", "+31612345679": "viber"}


def test_emails_plain_and_obfuscated() -> None:
    hits = [
        h
        for h in extract("Mail Anna.K@Example.com or anna [at] proton [dot] me or lisa at gmail dot com")
        if h.kind == "email"
    ]
    assert [(h.value, h.obscured) for h in hits] == [
        ("anna.k@example.com", False),
        ("anna@proton.me", True),
        ("lisa@gmail.com", True),
    ]


def test_urls_platforms_and_messenger_links() -> None:
    text = (
        "https://wa.me/31612345678 t.me/anna_vip https://www.instagram.com/anna.nl/ "
        "viber://chat?number=%2B380501234567 https://signal.me/#p/+447400123456 "
        "www.Example.nl/ad?id=7&utm_source=x tg://resolve?domain=lily"
    )
    hits = extract(text, "NL")
    kinds = {(h.kind, h.value, h.platform) for h in hits}
    assert ("phone", "+31612345678", "whatsapp") in kinds
    assert ("handle", "@anna_vip", "telegram") in kinds
    assert ("handle", "@anna.nl", "instagram") in kinds
    assert ("phone", "+380501234567", "viber") in kinds
    assert ("phone", "+447400123456", "signal") in kinds
    assert ("url", "https://example.nl/ad?id=7", "example.nl") in kinds
    assert ("handle", "@lily", "telegram") in kinds


def test_handles_with_platform_labels() -> None:
    hits = extract("Telegram: @lilly_22, WeChat: lily8899, 微信：abc_123, kik=rosie.x, follow @NightRose")
    got = {(h.value, h.platform) for h in hits if h.kind == "handle"}
    assert got == {
        ("@lilly_22", "telegram"),
        ("@lily8899", "wechat"),
        ("@abc_123", "wechat"),
        ("@rosie.x", "kik"),
        ("@nightrose", None),
    }


def test_platform_of_urls_and_domains() -> None:
    assert platform_of("https://m.facebook.com/x") == "facebook"
    assert platform_of("https://www.escort.example.co.uk/ad/1") == "example.co.uk"
    assert platform_of("t.me") == "telegram"
    assert canonical_url("HTTP://WWW.Example.com/a/?utm_medium=x#frag") == "https://example.com/a"


# -- crypto wallets --------------------------------------------------------------------------
def test_wallets_with_valid_checksums_only() -> None:
    good = (
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 "
        "0x52908400098527886E0F7030069857D2E4169EE7 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
    )
    hits = [(h.platform, h.value) for h in extract(good) if h.kind == "wallet"]
    assert [p for p, _ in hits] == ["bitcoin", "bitcoin", "ethereum", "tron"]
    bad = (
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5 "
        "0x52908400098527886E0F7030069857D2E4169Ee7 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"
    )
    assert [h for h in extract(bad) if h.kind == "wallet"] == []


def test_checksum_primitives() -> None:
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert eth_checksum_ok("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    assert not eth_checksum_ok("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")
    assert base58check("1BoatSLRHtKNngkdXEeobR76b53LETtpyT") is not None
    assert bech32_valid("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297")  # bech32m (v1)


# -- items -----------------------------------------------------------------------------------
def test_selectors_from_every_field_of_an_item() -> None:
    item = {
        "text": "Bel me: 06 12 34 56 78",
        "title": "Anna - t.me/anna_nl",
        "original_name": "anna_0612345679.jpg",
        "source_url": "https://www.instagram.com/anna.real/",
        "metadata": {
            "exif": {
                "Artist": "lisa at gmail dot com",
                "Make": "Canon",
                "Model": "EOS 80D",
                "BodySerialNumber": "123456",
            }
        },
    }
    hits = extract_from_item(item, "NL", ocr_text="WhatsApp +31 6 12345680")
    got = {(h.kind, h.value, h.source) for h, _ in hits}
    assert ("phone", "+31612345678", "text") in got
    assert ("handle", "@anna_nl", "title") in got
    assert ("phone", "+31612345679", "file_name") in got
    assert ("handle", "@anna.real", "url") in got
    assert ("email", "lisa@gmail.com", "exif") in got
    assert ("phone", "+31612345680", "ocr") in got
    assert ("device", "canon eos 80d #123456", "exif") in got
    assert not any(k == "url" and s == "url" for k, _, s in got)  # the page's own URL is provenance
    assert device_of({"metadata": {}}) is None
