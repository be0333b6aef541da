"""Small ad collections for the networks tests: two sites with chrome, two operations, stock phrases."""

from __future__ import annotations

from pathlib import Path

CHROME = {
    "redlights.example": (
        "Home | Ladies | Login | Post an ad\n{body}\n"
        "All advertisers are 18+. Customer service +31 20 555 0100. Follow us @redlights_official\n"
        "© 2026 redlights.example — all rights reserved"
    ),
    "nachtclub.example": (
        "Startpagina · Advertenties · Inloggen\n{body}\n"
        "Disclaimer: nachtclub.example is niet verantwoordelijk voor advertenties. Helpdesk info@nachtclub.example\n"
        "Privacy · Cookies · Voorwaarden"
    ),
}
STOCK = "100% real photos, no rush, discretion guaranteed."

# Operation A: one English template, rotating phones, on both sites.
OP_A = [
    ("Anna", 21, "Amsterdam", 150, "+31 6 1234 5671"),
    ("Lena", 23, "Rotterdam", 160, "+31 6 1234 5672"),
    ("Mia", 22, "Utrecht", 150, "+31 6 1234 5673"),
    ("Sofia", 24, "Den Haag", 170, "+31 6 1234 5673"),
]
A_TEXT = (
    "New girl in town! My name is {name}, {age} years old, just arrived in {city}. "
    "Sweet and open minded, I love to make you relax in my private apartment near the station. "
    "Only {price} euro for one hour, incall and outcall possible. " + STOCK + " WhatsApp me {phone}"
)
# Operation B: a Russian template (another script), one phone.
OP_B = [("Катя", 20, "+31 6 4123 5401"), ("Оля", 22, "+31 6 4123 5401"), ("Даша", 19, "+31 6 4123 5402")]
B_TEXT = (
    "Привет, меня зовут {name}, мне {age} лет. Я из Украины, недавно в Нидерландах. "
    "Работаю в салоне, приходи в гости, всё сделаю для тебя. " + STOCK + " Звони {phone}"
)
LONE = [
    "Massage therapist with ten years of experience offers relaxing full body massage in Leiden. "
    + STOCK
    + " Call 06 4444 1111 for an appointment.",
    "Sporty couple looks for friends for dinners and weekend trips to the beach; we are vegetarian and love dogs. "
    + STOCK
    + " Mail us at couple.leiden@example.org",
]


def write_ads(folder: Path) -> dict[str, str]:
    """Write the ads as HTML pages in one folder per site; returns file name -> operation."""
    truth: dict[str, str] = {}
    sites = list(CHROME)
    n = 0

    def page(site: str, body: str, label: str) -> None:
        nonlocal n
        n += 1
        d = folder / site
        d.mkdir(parents=True, exist_ok=True)
        name = f"ad{n:02d}.html"
        html = (
            f"<!-- saved from url=(0040)https://www.{site}/ads/{n} -->\n<html><head><title>Ad {n}</title></head><body>"
            + "".join(f"<p>{line}</p>" for line in CHROME[site].format(body=body).split("\n"))
            + "</body></html>"
        )
        (d / name).write_text(html, encoding="utf-8")
        truth[name] = label

    for k, (name, age, city, price, phone) in enumerate(OP_A):
        page(sites[k % 2], A_TEXT.format(name=name, age=age, city=city, price=price, phone=phone), "A")
    for k, (name, age, phone) in enumerate(OP_B):
        page(sites[(k + 1) % 2], B_TEXT.format(name=name, age=age, phone=phone), "B")
    for k, body in enumerate(LONE):
        page(sites[k % 2], body, f"lone{k}")
    return truth
