"""Generate the networks evaluation set: ads on fictional sites with known operations.

Run from anywhere:  python benchmarks/data/networks_eval/make_networks_eval.py

Writes next to this script:
  pages/<site>/<site>-<number>.html   one ad per page, wrapped in that site's page chrome
  ground_truth.json                   {"ads": [{"file", "site", "operation", "split"}], ...}

Everything is deterministic (one seeded random generator, fixed iteration order), so
running it again gives byte-identical files. Operation templates and the single ads were written
by hand for this project (CC0). All phone numbers, handles and e-mail addresses are invented.
"""

from __future__ import annotations

import html
import json
import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20261203
HERE = Path(__file__).resolve().parent
OUT_PAGES = HERE / "pages"
DEV_SHARE = 0.4

# ----------------------------------------------------------------------------------------------
# Phone numbers: a number is kept as its national significant number (NSN) and written in one of
# several styles; the obfuscated styles (spaced, words, leet, split) hide it from simple regexes.
# ----------------------------------------------------------------------------------------------

DIGIT_WORDS = {
    "en": "zero one two three four five six seven eight nine".split(),
    "nl": "nul een twee drie vier vijf zes zeven acht negen".split(),
    "de": "null eins zwei drei vier fünf sechs sieben acht neun".split(),
    "fr": "zéro un deux trois quatre cinq six sept huit neuf".split(),
    "ro": "zero unu doi trei patru cinci sase sapte opt noua".split(),
    "bg": "нула едно две три четири пет шест седем осем девет".split(),
    "pl": "zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć".split(),
    "uk": "нуль один два три чотири п'ять шість сім вісім дев'ять".split(),
    "ru": "ноль один два три четыре пять шесть семь восемь девять".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split(),
    "zh": list("零壹贰叁肆伍陆柒捌玖"),
}


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _g(s: str, *sizes: int) -> list[str]:
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k])
        i += k
    if i < len(s):
        out.append(s[i:])
    return out


class Country:
    def __init__(self, cc, new_nsn, nat, intl):
        self.cc, self.new_nsn, self.nat, self.intl = cc, new_nsn, nat, intl


COUNTRIES = {
    "uk": Country("44", lambda r: "7" + r.choice("456789") + _digits(r, 8),
                  lambda n: "0" + n[:4] + " " + n[4:],
                  lambda n: "+44 " + n[:4] + " " + n[4:]),
    "nl": Country("31", lambda r: "6" + r.choice("1234") + _digits(r, 7),
                  lambda n: "06-" + n[1:],
                  lambda n: "+31 6 " + " ".join(_g(n[1:], 4))),
    "de": Country("49", lambda r: "1" + r.choice(["51", "52", "57", "60", "62", "70", "71", "72",
                                                    "73", "75", "76", "77", "78", "79"]) + _digits(r, 8),
                  lambda n: "0" + n[:3] + " " + n[3:],
                  lambda n: "+49 " + n[:3] + " " + n[3:]),
    "fr": Country("33", lambda r: r.choice("67") + _digits(r, 8),
                  lambda n: "0" + n[0] + " " + " ".join(_g(n[1:], 2, 2, 2)),
                  lambda n: "+33 " + n[0] + " " + " ".join(_g(n[1:], 2, 2, 2))),
    "ro": Country("40", lambda r: "7" + r.choice("234567") + _digits(r, 7),
                  lambda n: "0" + " ".join(_g(n, 3, 3)),
                  lambda n: "+40 " + " ".join(_g(n, 3, 3))),
    "bg": Country("359", lambda r: "8" + r.choice("789") + _digits(r, 7),
                  lambda n: "0" + " ".join(_g(n, 3, 3)),
                  lambda n: "+359 " + " ".join(_g(n, 2, 3))),
    "pl": Country("48", lambda r: r.choice("5678") + _digits(r, 8),
                  lambda n: " ".join(_g(n, 3, 3)),
                  lambda n: "+48 " + " ".join(_g(n, 3, 3))),
    "ua": Country("380", lambda r: r.choice(["50", "63", "66", "67", "68", "73", "93", "95", "96",
                                             "97", "98", "99"]) + _digits(r, 7),
                  lambda n: "0" + " ".join(_g(n, 2, 3, 2)),
                  lambda n: "+380 " + " ".join(_g(n, 2, 3))),
    "ru": Country("7", lambda r: "9" + _digits(r, 9),
                  lambda n: "8 (" + n[:3] + ") " + n[3:6] + "-" + n[6:8] + "-" + n[8:],
                  lambda n: "+7 " + n[:3] + " " + n[3:6] + "-" + n[6:8] + "-" + n[8:]),
    "es": Country("34", lambda r: "6" + _digits(r, 8),
                  lambda n: " ".join(_g(n, 3, 2, 2)),
                  lambda n: "+34 " + " ".join(_g(n, 3, 3))),
    "cn": Country("86", lambda r: "1" + r.choice("3589") + _digits(r, 9),
                  lambda n: " ".join(_g(n, 3, 4)),
                  lambda n: "+86 " + " ".join(_g(n, 3, 4))),
}

LANG_COUNTRY = {"en": "uk", "nl": "nl", "de": "de", "fr": "fr", "ro": "ro", "bg": "bg", "pl": "pl",
                "uk": "ua", "ru": "ru", "es": "es", "zh": "cn"}

USED_NSN: set[str] = set()


def new_phone(rng: random.Random, country: str) -> tuple[str, str]:
    while True:
        nsn = COUNTRIES[country].new_nsn(rng)
        if nsn not in USED_NSN:
            USED_NSN.add(nsn)
            return country, nsn


OBFUSCATED = ("spaced", "words", "leet", "split")


def write_phone(rng: random.Random, phone: tuple[str, str], lang: str, style: str) -> str:
    country, nsn = phone
    c = COUNTRIES[country]
    nat = c.nat(nsn)
    if style == "nat":
        return nat
    if style == "intl":
        return c.intl(nsn)
    if style == "compact":
        return "".join(ch for ch in nat if ch.isdigit())
    if style == "plain_intl":
        return "+" + c.cc + nsn
    digits = [ch for ch in nat if ch.isdigit()]
    if style == "spaced":
        return " ".join(digits)
    if style == "words":
        words = [DIGIT_WORDS[lang][int(d)] for d in digits]
        sep = "" if lang == "zh" else rng.choice([" ", "-", " ", " . "])
        if lang != "zh" and rng.random() < 0.5:  # mix words and digits
            words = [w if i % 3 else digits[i] for i, w in enumerate(words)]
        return sep.join(words)
    if style == "leet":
        return nat.replace("0", "O").replace("1", "l")
    if style == "split":  # number broken in two with a note in between
        cut = len(digits) // 2
        return "".join(digits[:cut]) + " ... " + "".join(digits[cut:])
    raise ValueError(style)


def phone_style(rng: random.Random, obf: float) -> str:
    if rng.random() < obf:
        return rng.choice(OBFUSCATED)
    return rng.choice(["nat", "nat", "nat", "intl", "compact", "plain_intl"])


# ----------------------------------------------------------------------------------------------
# Photos: file names look like camera or messenger exports; names are unique unless shared on
# purpose (an operation's recurring photo).
# ----------------------------------------------------------------------------------------------

USED_PHOTOS: set[str] = set()


def new_photo(rng: random.Random) -> str:
    while True:
        k = rng.randrange(6)
        d = datetime(2026, 6, 1) + timedelta(seconds=rng.randrange(160 * 86400))
        if k == 0:
            name = f"IMG_{rng.randrange(1000, 9999)}.jpg"
        elif k == 1:
            name = f"DSC{rng.randrange(10000, 99999):05d}.JPG"
        elif k == 2:
            name = d.strftime("photo_%Y-%m-%d_%H-%M-%S.jpg")
        elif k == 3:
            name = d.strftime("WhatsApp_Image_%Y-%m-%d_at_%H.%M.%S.jpeg")
        elif k == 4:
            name = "%08x.jpg" % rng.getrandbits(32)
        else:
            name = d.strftime("IMG_%Y%m%d_%H%M%S.jpg")
        if name not in USED_PHOTOS:
            USED_PHOTOS.add(name)
            return name


# ----------------------------------------------------------------------------------------------
# Text variation: typos, emoji, sentence order.
# ----------------------------------------------------------------------------------------------


def typo_word(rng: random.Random, w: str) -> str:
    k = rng.randrange(4)
    i = rng.randrange(1, len(w) - 1)
    if k == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if k == 1:
        return w[:i] + w[i + 1:]
    if k == 2:
        return w[:i] + w[i] + w[i:]
    return w.lower() if w[0].isupper() else w


def add_typos(rng: random.Random, text: str, rate: float) -> str:
    out = []
    for w in text.split(" "):
        if len(w) >= 5 and w.isalpha() and rng.random() < rate:
            w = typo_word(rng, w)
        out.append(w)
    return " ".join(out)


def shout(rng: random.Random, text: str) -> str:
    return text.upper() if rng.random() < 0.5 else text.rstrip(".!") + "!!!"


# ----------------------------------------------------------------------------------------------
# Sites and their page chrome (repeated on every ad of the site).
# ----------------------------------------------------------------------------------------------

E = html.escape

SITES = {
    "nightpages": dict(langs={"en", "ro", "pl", "bg", "es", "ru", "uk", "zh", "fr", "nl", "de"},
                       kinds={"escort", "massage", "dating"}),
    "localboard": dict(langs={"en"}, kinds={"escort", "massage", "dating", "job", "housing", "other"}),
    "lokaal": dict(langs={"nl", "en", "pl", "ro", "bg", "de"},
                   kinds={"escort", "massage", "dating", "job", "housing", "other"}),
    "kontaktmarkt": dict(langs={"de", "pl", "ro", "bg", "en"},
                         kinds={"escort", "massage", "dating", "job", "housing", "other"}),
    "vitrine": dict(langs={"fr", "es", "en", "ro"},
                    kinds={"escort", "massage", "dating", "job", "housing", "other"}),
    "doska": dict(langs={"ru", "uk", "bg", "pl"},
                  kinds={"escort", "massage", "dating", "job", "housing", "other"}),
    "jobbridge": dict(langs={"en", "nl", "de", "fr", "ro", "bg", "pl", "uk", "ru", "es", "zh"},
                      kinds={"job"}),
    "tongcheng": dict(langs={"zh"}, kinds={"escort", "massage", "dating", "job", "housing", "other"}),
}

CATEGORY = {
    "nightpages": {"escort": "Escorts", "massage": "Massage", "dating": "Personals"},
    "localboard": {"escort": "Adult / Escorts", "massage": "Adult / Massage", "dating": "Personals",
                   "job": "Jobs", "housing": "Rooms & Flatshare", "other": "Community"},
    "lokaal": {"escort": "Erotiek / Escort", "massage": "Erotiek / Massage", "dating": "Contact",
               "job": "Vacatures", "housing": "Kamers", "other": "Diversen"},
    "kontaktmarkt": {"escort": "Erotik / Begleitung", "massage": "Erotik / Massage",
                     "dating": "Bekanntschaften", "job": "Jobs", "housing": "WG & Zimmer",
                     "other": "Sonstiges"},
    "vitrine": {"escort": "Rencontres adultes", "massage": "Massages", "dating": "Rencontres",
                "job": "Emploi", "housing": "Colocation", "other": "Divers"},
    "doska": {"escort": "Знакомства 18+", "massage": "Массаж", "dating": "Знакомства",
              "job": "Работа", "housing": "Жильё", "other": "Разное"},
    "jobbridge": {"job": "Jobs abroad"},
    "tongcheng": {"escort": "休闲娱乐", "massage": "足浴按摩", "dating": "交友", "job": "招聘",
                  "housing": "租房", "other": "便民"},
}


def _photos_html(photos, fmt):
    return "\n".join(fmt.format(src=E("photos/" + p)) for p in photos)


def _body_html(lines, tag="p"):
    return "\n".join(f"<{tag}>{E(line)}</{tag}>" for line in lines)


def page_nightpages(ad):
    return f"""<!DOCTYPE html>
<html lang="{ad['lang']}">
<head><meta charset="utf-8"><title>{E(ad['title'])} | NightPages</title>
<link rel="stylesheet" href="/static/np/site.css"></head>
<body class="np">
<div id="cookie-banner">We use cookies to remember your age confirmation and for analytics. <button>Accept all</button> <button>Only necessary</button> <a href="/privacy">Privacy policy</a></div>
<header class="np-top"><a href="/"><img src="/static/np/logo.png" alt="NightPages"></a>
<nav><a href="/escorts">Escorts</a> · <a href="/massage">Massage</a> · <a href="/personals">Personals</a> · <a href="/post">Post an ad</a> · <a href="/login">Login</a></nav></header>
<div class="np-warning">18+ ONLY. By viewing this site you confirm you are over 18 and that adult content is legal where you live.</div>
<main>
<div class="crumbs">Home › {E(ad['category'])} › {E(ad['city'])}</div>
<article class="listing" id="ad-{ad['adno']}">
<h1>{E(ad['title'])}</h1>
<div class="posted">Posted {ad['date'].strftime('%d %b %Y, %H:%M')} · {E(ad['city'])} · Ad #{ad['adno']}</div>
<div class="gallery">
{_photos_html(ad['photos'], '<img class="thumb" src="{src}">')}
</div>
<div class="desc">
{_body_html(ad['lines'])}
</div>
{f'<div class="contact">📞 {E(ad["contact"])}</div>' if ad['contact'] else ''}
</article>
<div class="report"><a href="/report?ad={ad['adno']}">Report this ad</a> – suspect someone is under 18 or being exploited? Tell us and call the anti-trafficking line 0800 555 0199.</div>
</main>
<footer class="np-foot">NightPages is an advertising directory only. Advertisers are independent adults and are solely responsible for their ads. We do not arrange meetings and take no commission. © 2026 NightPages · <a href="/terms">Terms</a> · <a href="/privacy">Privacy</a> · <a href="/safety">Safety tips</a></footer>
</body></html>
"""


def page_localboard(ad):
    return f"""<!DOCTYPE html>
<html lang="{ad['lang']}">
<head><meta charset="utf-8"><title>{E(ad['title'])} - LocalBoard UK</title></head>
<body>
<div class="cookies">LocalBoard uses cookies. Continue browsing to accept or <a href="/cookies">manage settings</a>.</div>
<div id="hdr"><span class="brand">LocalBoard UK</span> <a href="/">Home</a> | <a href="/jobs">Jobs</a> | <a href="/rooms">Rooms</a> | <a href="/personals">Personals</a> | <a href="/adult">Adult</a> | <a href="/community">Community</a> | <a href="/post">+ Post free ad</a></div>
<div id="wrap">
<table class="ad"><tr><td class="lbl">Category</td><td>{E(ad['category'])}</td></tr>
<tr><td class="lbl">Location</td><td>{E(ad['city'])}</td></tr>
<tr><td class="lbl">Date</td><td>{ad['date'].strftime('%d/%m/%Y')}</td></tr>
<tr><td class="lbl">Ref</td><td>LB{ad['adno']}</td></tr></table>
<h2>{E(ad['title'])}</h2>
<div class="text">
{_body_html(ad['lines'], 'div')}
</div>
{_photos_html(ad['photos'], '<a href="{src}"><img width="160" src="{src}"></a>')}
{f'<p class="phone"><b>Contact:</b> {E(ad["contact"])}</p>' if ad['contact'] else ''}
<p class="tip">Safety tip: never send money in advance for a job, room or visa. Genuine employers in the UK do not charge fees for work.</p>
</div>
<div id="ftr">LocalBoard UK Ltd is not responsible for the content of user ads. Ads are checked after posting. Report abuse: abuse@localboard.example · © 2026</div>
</body></html>
"""


def page_lokaal(ad):
    return f"""<!DOCTYPE html>
<html lang="{ad['lang']}">
<head><meta charset="utf-8"><title>{E(ad['title'])} – LokaalKontakt.nl</title></head>
<body>
<div class="cookiemelding">Wij gebruiken cookies om de site te verbeteren en advertenties te tonen. <a href="/cookies">Meer info</a> <button>Akkoord</button></div>
<div class="kop"><img src="/img/lokaalkontakt.svg" alt="LokaalKontakt"> <ul><li><a href="/">Home</a></li><li><a href="/vacatures">Vacatures</a></li><li><a href="/kamers">Kamers</a></li><li><a href="/contact">Contact</a></li><li><a href="/erotiek">Erotiek 18+</a></li><li><a href="/plaatsen">Advertentie plaatsen</a></li></ul></div>
<div class="inhoud">
<p class="pad">{E(ad['category'])} › {E(ad['city'])}</p>
<h1 class="titel">{E(ad['title'])}</h1>
<p class="datum">Geplaatst op {ad['date'].strftime('%d-%m-%Y %H:%M')} – advertentienummer {ad['adno']}</p>
<div class="fotos">{_photos_html(ad['photos'], '<img src="{src}" loading="lazy">')}</div>
<div class="omschrijving">
{_body_html(ad['lines'])}
</div>
{f'<div class="contactgegevens">Contact: {E(ad["contact"])}</div>' if ad['contact'] else ''}
<div class="let-op">Let op! Betaal nooit vooruit en geef nooit je paspoort af. Twijfel je over een vacature of advertentie? Meld het via de knop hieronder.</div>
<a class="meld" href="/melden/{ad['adno']}">Advertentie melden</a>
</div>
<div class="voet">LokaalKontakt.nl is alleen een advertentieplatform. Adverteerders zijn zelf verantwoordelijk voor de inhoud. KvK 00000000 · Algemene voorwaarden · Privacy</div>
</body></html>
"""


def page_kontaktmarkt(ad):
    return f"""<!DOCTYPE html>
<html lang="{ad['lang']}">
<head><meta charset="utf-8"><title>{E(ad['title'])} | Kontaktmarkt</title></head>
<body>
<div id="consent"><p>Diese Website verwendet Cookies. Mit „Alle akzeptieren“ stimmen Sie der Nutzung zu. <button>Alle akzeptieren</button> <button>Einstellungen</button></p></div>
<div class="navbar"><b>Kontaktmarkt</b> <a href="/">Startseite</a> <a href="/jobs">Jobs</a> <a href="/wohnen">Wohnen</a> <a href="/bekanntschaften">Bekanntschaften</a> <a href="/erotik">Erotik (18+)</a> <a href="/inserieren">Inserieren</a> <a href="/konto">Mein Konto</a></div>
<section class="anzeige">
<div class="rubrik">Rubrik: {E(ad['category'])} · Ort: {E(ad['city'])} · Online seit {ad['date'].strftime('%d.%m.%Y')} · Anzeigen-ID {ad['adno']}</div>
<h1>{E(ad['title'])}</h1>
{_photos_html(ad['photos'], '<figure><img src="{src}"></figure>')}
<div class="beschreibung">
{_body_html(ad['lines'])}
</div>
{f'<div class="kontakt"><span>Kontakt:</span> {E(ad["contact"])}</div>' if ad['contact'] else ''}
</section>
<div class="hinweis">Hinweis: Kontaktmarkt prüft Anzeigen stichprobenartig. Bei Verdacht auf Zwangsprostitution oder Ausbeutung wenden Sie sich an die Polizei (110) oder eine Fachberatungsstelle.</div>
<footer>Impressum · Datenschutz · AGB · Jugendschutz · © 2026 Kontaktmarkt GmbH (fiktiv)</footer>
</body></html>
"""


def page_vitrine(ad):
    return f"""<!DOCTYPE html>
<html lang="{ad['lang']}">
<head><meta charset="utf-8"><title>{E(ad['title'])} – Vitrine Annonces</title></head>
<body>
<div class="rgpd">Nous et nos partenaires utilisons des cookies pour mesurer l'audience et personnaliser les annonces. <button>Tout accepter</button> <button>Continuer sans accepter</button></div>
<header><div class="logo">Vitrine<span>Annonces</span></div>
<nav><a href="/">Accueil</a> | <a href="/emploi">Emploi</a> | <a href="/colocation">Colocation</a> | <a href="/rencontres">Rencontres</a> | <a href="/massages">Massages</a> | <a href="/deposer">Déposer une annonce</a></nav></header>
<div class="annonce">
<h1>{E(ad['title'])}</h1>
<ul class="infos"><li>Catégorie : {E(ad['category'])}</li><li>Ville : {E(ad['city'])}</li><li>Publiée le {ad['date'].strftime('%d/%m/%Y à %Hh%M')}</li><li>Réf. V-{ad['adno']}</li></ul>
<div class="photos">{_photos_html(ad['photos'], '<img src="{src}" alt="photo">')}</div>
<div class="texte">
{_body_html(ad['lines'])}
</div>
{f'<p class="coordonnees">Coordonnées : {E(ad["contact"])}</p>' if ad['contact'] else ''}
<p class="signaler"><a href="/signaler/{ad['adno']}">Signaler cette annonce</a></p>
</div>
<footer><p>Vitrine Annonces est un hébergeur d'annonces au sens de la LCEN. Les annonceurs sont seuls responsables du contenu publié. Toute annonce à caractère illégal sera supprimée.</p><p>Mentions légales · CGU · Protection des données · © 2026</p></footer>
</body></html>
"""


def page_doska(ad):
    return f"""<!DOCTYPE html>
<html lang="{ad['lang']}">
<head><meta charset="utf-8"><title>{E(ad['title'])} — Доска объявлений</title></head>
<body>
<div class="cookie-notice">Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с этим. <a href="/cookie">Подробнее</a></div>
<div class="top"><a class="logo" href="/">DOSKA</a> <a href="/rabota">Работа</a> · <a href="/zhilyo">Жильё</a> · <a href="/znakomstva">Знакомства</a> · <a href="/uslugi">Услуги</a> · <a href="/podat">Подать объявление</a> · <a href="/vhod">Вход</a></div>
<div class="obyav">
<div class="rubr">{E(ad['category'])} / {E(ad['city'])}</div>
<h1>{E(ad['title'])}</h1>
<div class="dt">Размещено: {ad['date'].strftime('%d.%m.%Y %H:%M')} · № {ad['adno']}</div>
{_photos_html(ad['photos'], '<img class="foto" src="{src}">')}
<div class="txt">
{_body_html(ad['lines'])}
</div>
{f'<div class="tel">Контакты: {E(ad["contact"])}</div>' if ad['contact'] else ''}
<div class="warn">Осторожно, мошенники! Не переводите предоплату и не отдавайте паспорт работодателю.</div>
</div>
<div class="bottom">Администрация не несёт ответственности за содержание объявлений. Пожаловаться: abuse@doska.example · © 2026 Doska</div>
</body></html>
"""


def page_jobbridge(ad):
    return f"""<!DOCTYPE html>
<html lang="{ad['lang']}">
<head><meta charset="utf-8"><title>{E(ad['title'])} · JobBridge Europe</title></head>
<body>
<div class="gdpr">JobBridge uses essential cookies and, with your consent, analytics cookies. <button>Accept</button> <button>Reject</button></div>
<header class="jb"><img src="/assets/jobbridge-logo.svg" alt="JobBridge Europe"><nav><a href="/">Find jobs</a><a href="/abroad">Jobs abroad</a><a href="/employers">For employers</a><a href="/advice">Advice</a><a href="/signin">Sign in</a></nav></header>
<main class="job">
<h1 class="job-title">{E(ad['title'])}</h1>
<dl class="job-meta"><dt>Location</dt><dd>{E(ad['city'])}</dd><dt>Posted</dt><dd>{ad['date'].strftime('%Y-%m-%d')}</dd><dt>Job ID</dt><dd>JB-{ad['adno']}</dd></dl>
{_photos_html(ad['photos'], '<img class="employer-pic" src="{src}">')}
<section class="job-desc">
{_body_html(ad['lines'])}
</section>
{f'<section class="apply"><h3>How to apply</h3><p>{E(ad["contact"])}</p></section>' if ad['contact'] else ''}
<aside class="advice">Know your rights: a genuine employer never asks you to pay for a job, never keeps your passport and gives you a written contract in a language you understand.</aside>
</main>
<footer class="jb-foot">JobBridge Europe does not verify every employer. Listings are posted by third parties. © 2026 JobBridge Europe · Terms · Privacy · Report a listing</footer>
</body></html>
"""


def page_tongcheng(ad):
    return f"""<!DOCTYPE html>
<html lang="zh">
<head><meta charset="utf-8"><title>{E(ad['title'])} - 同城速递</title></head>
<body>
<div class="cookie">本站使用Cookie以改善浏览体验，继续浏览即表示同意。<a href="/privacy">隐私政策</a></div>
<div class="head"><a href="/">同城速递</a> <a href="/zhaopin">招聘</a> <a href="/zufang">租房</a> <a href="/jiaoyou">交友</a> <a href="/anmo">足浴按摩</a> <a href="/fabu">免费发布</a></div>
<div class="info">
<h1>{E(ad['title'])}</h1>
<p class="meta">类别：{E(ad['category'])}　地区：{E(ad['city'])}　发布时间：{ad['date'].strftime('%Y年%m月%d日 %H:%M')}　编号：{ad['adno']}</p>
{_photos_html(ad['photos'], '<img src="{src}">')}
<div class="content">
{_body_html(ad['lines'])}
</div>
{f'<p class="lianxi">联系方式：{E(ad["contact"])}</p>' if ad['contact'] else ''}
<p class="tishi">温馨提示：凡是要求先交押金、保证金、报名费的招聘都可能是诈骗，请勿轻信“高薪出国”。</p>
</div>
<div class="foot">本站信息由用户自行发布，本站不对内容真实性负责。举报邮箱 jubao@tongcheng.example　© 2026 同城速递</div>
</body></html>
"""


RENDER = {
    "nightpages": page_nightpages, "localboard": page_localboard, "lokaal": page_lokaal,
    "kontaktmarkt": page_kontaktmarkt, "vitrine": page_vitrine, "doska": page_doska,
    "jobbridge": page_jobbridge, "tongcheng": page_tongcheng,
}

# Shared by unrelated posters: phone-relay service numbers (the advertiser code differs) and a
# disclaimer many independent advertisers copy from each other. Operations use it too.
SERVICE_NUMBERS = {
    "en": "0909 879 0123 (calls cost £1.53/min plus network charge) – ask for advertiser code {code}",
    "nl": "0900-777 1234 (€0,90 p/m) en vraag naar code {code}",
    "de": "0900 5 123 456 (1,99 €/Min. aus dem dt. Festnetz), Kennziffer {code}",
}
DISCLAIMER = {
    "en": "Disclaimer: I am an independent adult advertiser. Any money exchanged is for time and companionship only, anything else is between consenting adults.",
    "nl": "Disclaimer: ik ben een zelfstandige meerderjarige adverteerder. Betaling is alleen voor tijd en gezelschap.",
    "de": "Hinweis: Ich bin eine selbstständige, volljährige Person. Bezahlt wird nur die Zeit und die Begleitung.",
    "fr": "Avertissement : je suis une annonceuse indépendante et majeure. L'argent échangé rémunère uniquement le temps et la compagnie.",
    "es": "Aviso: soy una anunciante independiente y mayor de edad. El dinero es solo por tiempo y compañía.",
}


# ----------------------------------------------------------------------------------------------
# Operations. Each has hand-written base text per language: title variants, body sentences (each
# a list of alternative phrasings; a leading "?" marks a sentence that is left out in some ads)
# and contact lines. {slots} are filled per ad from "vals"; {phone}, {handle}, {email} come from
# the operation's rotating contact pools.
#   n: ads posted; sites: where it posts; reuse: phone numbers used 2-3 times (the rest are
#   burners used once); obf: share of ads with an obfuscated phone; handles/emails: shared by
#   some of its ads; shared_photos: recurring photo(s) in some of its ads only.
# ----------------------------------------------------------------------------------------------

OPS = [
    dict(id="op-01", kind="escort", sites=["nightpages", "localboard"], n=12, country="uk",
         langs={"en": 1}, reuse=2, obf=0.15, handles=[], emails=[], shared_photos=1,
         emoji="🌸💋🔥✨", typo=0.03, disc_p=0.0,
         vals=dict(name=["Lola", "Mia", "Bella", "Sasha", "Nikki", "Roxy", "Dana"], age=list(range(19, 25)),
                   city=["Leeds", "Bradford", "Sheffield", "Wakefield", "Huddersfield"],
                   price=["60", "60", "70", "50"], nat=["Romanian", "Polish", "Hungarian", "Latvian"],
                   k=["2", "3", "3", "4"]),
         text={"en": dict(
             title=["NEW GIRLS this week in {city}", "{name} & friends – new at our {city} flat",
                    "Young {nat} ladies – {city} private flat", "{k} new girls {city} – from £{price}"],
             body=[["We have {k} new girls this week at our private flat in {city}.",
                    "This week {k} new ladies arrived at our flat in {city}.",
                    "{k} brand new girls at our {city} flat this week!"],
                   ["{name} ({age}) {nat}, very friendly and open minded.",
                    "Meet {name}, {age}, sweet {nat} girl, very open minded.",
                    "{name} is {age}, {nat}, young and fresh, open minded."],
                   ["From £{price} half hour.", "Half hour only £{price}!", "Prices from £{price} 30 min."],
                   ["?Open 24/7, last booking 4am.", "?We are open day and night, 24/7."],
                   ["?Clean, discreet, parking nearby.", "?Discreet location, easy parking."]],
             contact=["Booking through receptionist, text {phone}", "Receptionist: {phone} (text first)",
                      "Call or text reception {phone}"])}),

    dict(id="op-02", kind="job", sites=["jobbridge", "localboard", "kontaktmarkt"], n=10, country="uk",
         langs={"en": 0.5, "ro": 0.5}, reuse=2, obf=0.0, handles=[], emails=["ukjobs.fast@mail.example"],
         shared_photos=1, emoji="💰✅🇬🇧", typo=0.03, disc_p=0.0,
         vals=dict(city=["Northampton", "Corby", "Kettering", "Peterborough", "Wellingborough"],
                   salary=["850", "900", "900", "950"], airport=["Luton", "Stansted", "Luton"],
                   boss=["Marian", "Dorin", "Mr. Marian"]),
         text={"en": dict(
             title=["Warehouse & packing staff needed {city} – £{salary}/week",
                    "URGENT!! Packing jobs {city}, no English needed", "Warehouse work UK – £{salary} a week cash"],
             body=[["Warehouse and packing staff needed in {city}.", "Packing and picking jobs in {city} warehouses."],
                   ["£{salary} per week, paid cash.", "Earn £{salary} every week in cash!"],
                   ["No English needed, no experience.", "No experience or English required."],
                   ["We pick you up from {airport} airport.", "Pick-up from {airport} airport arranged."],
                   ["Room in shared house, rent taken from wages.", "Shared house provided, rent deducted from pay."],
                   ["?Flight paid by us, you pay back from first wages.", "?We pay your ticket, returned from first salary."],
                   ["?Start this week!", "?Leave this week, places going fast."]],
             contact=["WhatsApp only {phone}", "Call/WhatsApp {boss}: {phone}", "Send your name to {email} or WhatsApp {phone}"]),
             "ro": dict(
             title=["Angajam muncitori depozit in {city}, Anglia – £{salary}/saptamana",
                    "URGENT locuri de munca ambalare Anglia, fara engleza"],
             body=[["Angajam personal pentru depozit si ambalare in {city}.", "Locuri de munca la ambalare in depozite din {city}."],
                   ["£{salary} pe saptamana, platit cash.", "Castigi £{salary} in fiecare saptamana, cash!"],
                   ["Nu trebuie engleza, nici experienta.", "Fara experienta, fara limba engleza."],
                   ["Va luam de la aeroportul {airport}.", "Preluare de la aeroport {airport}."],
                   ["Camera in casa comuna, chiria se retine din salariu.", "Casa asigurata, chiria se scade din salariu."],
                   ["?Biletul il platim noi, il dati inapoi din primul salariu."],
                   ["?Plecare saptamana asta!", "?Se pleaca saptamana aceasta, locuri putine."]],
             contact=["Doar WhatsApp {phone}", "Sunati-l pe {boss}: {phone}", "Trimite numele pe {email} sau WhatsApp {phone}"])}),

    dict(id="op-03", kind="escort", sites=["lokaal", "kontaktmarkt", "nightpages"], n=9, country="nl",
         langs={"nl": 0.6, "de": 0.4}, reuse=1, obf=0.3, handles=[], emails=[], shared_photos=1,
         emoji="💋😘🔥", typo=0.04, disc_p=0.35,
         vals=dict(name=["Jessy", "Jessica", "Jess"], age=["22", "23", "22"],
                   city=["Utrecht", "Arnhem", "Nijmegen", "Enschede", "Venlo", "Düsseldorf", "Duisburg"],
                   price=["120", "130", "120"], nat=["Spaanse", "Spaanse"], natde=["Spanierin"]),
         text={"nl": dict(
             title=["Nieuw in {city}!! {name} {age} 💋", "{name} – alleen deze week in {city}", "Net aangekomen in {city}: {name}"],
             body=[["Hoi schatjes, ik ben {name}, lieve {nat} meid van {age}.", "Hey lieverds! {name} hier, {age} jaar, {nat}."],
                   ["Alleen deze week in {city}, daarna ga ik weer verder.", "Ben maar een paar dagen in {city}!"],
                   ["Geen haast, echte GFE.", "Relaxed en zonder haast, GFE."],
                   ["{price} per uur.", "Uurtje {price} euro."],
                   ["?100% echte foto's, geen nep!", "?Foto's zijn echt, geen oplichting."]],
             contact=["Bel of app {phone}", "Alleen appen: {phone}", "Tel {phone} (geen anoniem nummer)"]),
             "de": dict(
             title=["NEU in {city}!! {name} {age}", "{name} – nur diese Woche in {city}"],
             body=[["Hallo ihr Lieben, ich bin {name}, süße {natde}, {age}.", "Hey! {name} hier, {age}, {natde}."],
                   ["Nur diese Woche in {city}, dann ziehe ich weiter.", "Bin nur ein paar Tage in {city}!"],
                   ["Ohne Zeitdruck, echtes GFE.", "Ganz entspannt, ohne Stress."],
                   ["{price} € die Stunde.", "Stunde {price} Euro."],
                   ["?100% echte Bilder, kein Fake!"]],
             contact=["Anrufen oder WhatsApp {phone}", "Nur WhatsApp: {phone}"])}),

    dict(id="op-04", kind="job", sites=["jobbridge", "lokaal", "doska"], n=8, country="nl",
         langs={"nl": 0.4, "pl": 0.6}, reuse=2, obf=0.0, handles=[], emails=["werk.westland@mail.example"],
         shared_photos=1, emoji="🍅🌶️✅", typo=0.02, disc_p=0.0,
         vals=dict(city=["Westland", "Naaldwijk", "Honselersdijk", "Venlo"], salary=["2600", "2800", "2700"],
                   rent=["110", "120"]),
         text={"nl": dict(
             title=["Kassenwerk {city} – €{salary} netto!", "Werk in de kassen ({city}), direct starten"],
             body=[["Wij zoeken harde werkers voor de kassen in {city}.", "Werk in tomaten en paprika, {city}."],
                   ["€{salary} netto per maand.", "Verdien €{salary} netto per maand!"],
                   ["Geen ervaring nodig, Nederlands niet nodig.", "Geen taal en geen ervaring nodig."],
                   ["Busreis vanuit Polen wordt geregeld.", "Wij regelen de bus vanuit Polen."],
                   ["Huisvesting: kamer met 4 personen, €{rent} per week ingehouden op loon.", "Kamer (4 pers.) €{rent}/week, gaat van je loon af."],
                   ["?Reiskosten worden verrekend met het eerste salaris."]],
             contact=["Bel {phone}", "Mail {email} of bel {phone}"]),
             "pl": dict(
             title=["Praca w szklarniach {city} Holandia – {salary}€ na rękę", "Holandia – praca przy pomidorach, wyjazd od zaraz"],
             body=[["Szukamy pracowników do szklarni w {city} (Holandia).", "Praca przy pomidorach i paprykach, {city}."],
                   ["{salary}€ netto miesięcznie.", "Zarobki {salary}€ na rękę co miesiąc!"],
                   ["Bez doświadczenia i bez języka.", "Język i doświadczenie niepotrzebne."],
                   ["Dowozimy busem z Polski.", "Transport busem z Polski zapewniamy."],
                   ["Mieszkanie: pokój 4-osobowy, {rent}€ tygodniowo potrącane z wypłaty.", "Zakwaterowanie w pokoju 4-os., {rent}€/tydzień z pensji."],
                   ["?Koszt dojazdu odliczamy od pierwszej wypłaty."]],
             contact=["Tel. {phone}", "Dzwoń {phone} lub pisz {email}"])}),

    dict(id="op-05", kind="escort", sites=["kontaktmarkt", "lokaal"], n=11, country="de",
         langs={"de": 1}, reuse=2, obf=0.1, handles=[], emails=[], shared_photos=2,
         emoji="🌹💋❤️", typo=0.03, disc_p=0.0,
         vals=dict(city=["Frankfurt", "Offenbach", "Mainz", "Wiesbaden", "Darmstadt"],
                   street=["Bahnhofsviertel", "nähe Hbf", "Innenstadt"], price=["40", "50", "40"],
                   nats=["Ungarn, Bulgarien und Thailand", "Rumänien und Ungarn", "Thailand und Bulgarien"]),
         text={"de": dict(
             title=["Modelwohnung {city} – jeden Tag neue Mädchen", "Neue junge Girls in {city} {street}", "{city}: Neue Damen aus {nats}"],
             body=[["Jeden Tag neue junge Mädchen aus {nats}.", "Neue junge Damen aus {nats} in unserer Wohnung."],
                   ["Modelwohnung {city} {street}.", "Diskrete Wohnung in {city}, {street}."],
                   ["30 Min ab {price}€!!!", "Halbe Stunde schon ab {price} Euro."],
                   ["Rund um die Uhr geöffnet, 24/7.", "Tag und Nacht für euch da."],
                   ["?Parkplätze vorhanden, absolut diskret."]],
             contact=["Tel {phone}", "Terminvereinbarung: {phone}"])}),

    dict(id="op-06", kind="job", sites=["jobbridge", "kontaktmarkt", "doska"], n=7, country="de",
         langs={"de": 0.5, "pl": 0.5}, reuse=1, obf=0.0, handles=[], emails=["pflege.familie@mail.example"],
         shared_photos=0, emoji="", typo=0.02, disc_p=0.0,
         vals=dict(city=["Bayern", "Oberbayern", "Niederbayern", "Franken"], months=["3", "3", "4"]),
         text={"de": dict(
             title=["24-Stunden-Pflegekraft für ältere Dame ({city})", "Betreuerin gesucht, wohnen im Haushalt, {city}"],
             body=[["Wir suchen eine Frau zur Pflege unserer Mutter in {city}.", "Betreuung einer älteren Dame in {city} gesucht."],
                   ["Sie wohnen mit im Haus und sind auch nachts da.", "Wohnen im Haushalt, auch nachts bereit sein."],
                   ["Kein freier Tag vereinbart.", "Freie Tage nach Absprache, anfangs keine."],
                   ["Der Reisepass wird bei der Familie hinterlegt.", "Reisepass bleibt bei uns zur Sicherheit."],
                   ["Bezahlung nach {months} Monaten am Stück.", "Lohn wird nach {months} Monaten gezahlt."]],
             contact=["Tel {phone}", "Bitte melden: {email}"]),
             "pl": dict(
             title=["Opiekunka do starszej pani w Niemczech ({city})", "Praca jako opiekunka, Niemcy, zamieszkanie u rodziny"],
             body=[["Szukamy kobiety do opieki nad mamą w {city} (Niemcy).", "Opieka nad starszą panią, {city}."],
                   ["Mieszkanie z podopieczną, dostępność także w nocy.", "Zamieszkanie u rodziny, gotowość również w nocy."],
                   ["Na początku bez dni wolnych.", "Dni wolne później, na początku brak."],
                   ["Paszport przechowuje rodzina.", "Paszport zostaje u nas dla bezpieczeństwa."],
                   ["Wypłata po {months} miesiącach w całości.", "Pensja płatna po {months} miesiącach."]],
             contact=["Tel {phone}", "Pisz: {email}"])}),

    dict(id="op-07", kind="massage", sites=["vitrine", "nightpages"], n=10, country="fr",
         langs={"fr": 1}, reuse=3, obf=0.1, handles=[], emails=[], shared_photos=1,
         emoji="🌸💆‍♀️✨", typo=0.03, disc_p=0.0,
         vals=dict(city=["Paris 13e", "Paris 11e", "Ivry-sur-Seine", "Vitry-sur-Seine", "Paris 19e"],
                   price=["60", "70", "60"], name=["Lili", "Mei", "Xiao Li", "Nana", "Yoyo"]),
         text={"fr": dict(
             title=["Nouveau salon de massage asiatique {city}", "{name} – massage chinois {city}", "Massage relaxant {city} – nouvelles masseuses"],
             body=[["Nouvelles jeunes masseuses chinoises à {city}.", "Jeunes masseuses asiatiques, toutes nouvelles, {city}."],
                   ["Massage body body et finition sur demande.", "Massage complet avec finition."],
                   ["Ouvert 7j/7 de 10h à minuit.", "Tous les jours 10h-minuit."],
                   ["{price}€ les 45 minutes.", "45 min = {price}€"],
                   ["?Demandez {name}.", "?{name} vous attend."]],
             contact=["Tél : {phone}", "Réservation {phone}"])}),

    dict(id="op-08", kind="job", sites=["vitrine", "jobbridge", "nightpages"], n=6, country="fr",
         langs={"fr": 1}, reuse=1, obf=0.0, handles=["@hotesses_orient_fr"], emails=[], shared_photos=1,
         emoji="✨💃✈️", typo=0.02, disc_p=0.0,
         vals=dict(dest=["au Liban et à Chypre", "à Chypre", "au Liban", "à Beyrouth et Limassol"],
                   salary=["4000 à 7000", "5000 à 7000", "4000"]),
         text={"fr": dict(
             title=["Recrutons hôtesses et danseuses 18-25 ans {dest}", "Hôtesses de club {dest} – {salary}€/mois"],
             body=[["Club recrute jeunes femmes 18-25 ans comme hôtesses et danseuses {dest}.", "Nous recrutons des hôtesses et danseuses {dest}."],
                   ["{salary}€ par mois.", "Salaire {salary}€ mensuel."],
                   ["Billet d'avion offert, visa artiste pris en charge.", "Visa et billet pris en charge par l'agence."],
                   ["Logement fourni.", "Logement gratuit sur place."],
                   ["?Départ rapide, la semaine prochaine !"]],
             contact=["Envoyez 3 photos sur Telegram {handle}", "Photos en pied par Telegram {handle} ou {phone}"])}),

    dict(id="op-09", kind="job", sites=["kontaktmarkt", "vitrine", "lokaal"], n=7, country="ro",
         langs={"ro": 1}, reuse=2, obf=0.2, handles=[], emails=[], shared_photos=1,
         emoji="💃✨💶", typo=0.04, disc_p=0.0,
         vals=dict(dest=["Dubai si Cipru", "Cipru", "Dubai", "Grecia si Cipru"], salary=["5000-7000", "5000", "6000"]),
         text={"ro": dict(
             title=["Cautam fete frumoase pentru dans in {dest}", "Lucru in cluburi {dest} – {salary}€/luna"],
             body=[["Cautam fete frumoase 18-24 ani pentru dans si consumatie in {dest}.", "Fete tinere 18-24 pentru cluburi in {dest}."],
                   ["Castig {salary}€ pe luna.", "Venit {salary} euro lunar."],
                   ["Bilet de avion si viza asigurate de noi.", "Noi platim biletul si facem viza."],
                   ["Cazare gratuita.", "Cazare asigurata gratuit."],
                   ["?Fara experienta!", "?Nu trebuie experienta."]],
             contact=["Suna {phone}", "WhatsApp {phone}"])}),

    dict(id="op-10", kind="other", sites=["kontaktmarkt", "doska"], n=5, country="ro",
         langs={"ro": 0.6, "bg": 0.4}, reuse=1, obf=0.0, handles=[], emails=[], shared_photos=0,
         emoji="", typo=0.04, disc_p=0.0,
         vals=dict(dest_ro=["Franta si Suedia", "Suedia", "Franta"], dest_bg=["Франция и Швеция", "Швеция"]),
         text={"ro": dict(
             title=["Lucru in {dest_ro} pentru persoane cu handicap", "Cautam batrani si persoane cu dizabilitati pentru {dest_ro}"],
             body=[["Cautam persoane cu handicap sau batrani pentru lucru in {dest_ro}.", "Lucru in {dest_ro} pentru persoane in varsta sau cu dizabilitati."],
                   ["Va ducem noi cu masina, aveti loc de dormit.", "Transport si loc de dormit asigurat."],
                   ["Lucrul: stati la intrarea la supermarket si cereti bani.", "Munca usoara: cerut bani in fata magazinelor."],
                   ["Banii se dau la sef pana se acopera drumul.", "Din bani se plateste drumul la sef."]],
             contact=["Tel {phone}", "Intrebati de Ionel {phone}"]),
             "bg": dict(
             title=["Работа в {dest_bg} за хора с увреждания"],
             body=[["Търсим хора с увреждания или възрастни за работа в {dest_bg}.", "Работа в {dest_bg} за възрастни хора и хора с увреждания."],
                   ["Возим ви ние, имате къде да спите.", "Транспорт и спане осигурени."],
                   ["Работата е да стоите пред магазини и да събирате пари.", "Лесна работа: събиране на пари пред магазини."],
                   ["Парите се дават на шефа, докато се изплати пътят."]],
             contact=["Тел. {phone}"])}),

    dict(id="op-11", kind="job", sites=["doska", "jobbridge", "nightpages"], n=12, country="ru",
         langs={"ru": 0.6, "uk": 0.4}, reuse=2, obf=0.0, handles=["@dubai_hostess_job", "@hostess_work_uae"],
         emails=[], shared_photos=2, emoji="💃✨🌴", typo=0.02, disc_p=0.0,
         vals=dict(dest_ru=["Дубай и Турцию", "Дубай", "ОАЭ и Турцию"], dest_uk=["Дубай і Туреччину", "ОАЕ"],
                   salary=["5000", "5000", "6000", "7000"]),
         text={"ru": dict(
             title=["Работа хостес в {dest_ru} от {salary}$", "Приглашаем девушек 18-25 в {dest_ru}", "Хостес и танцовщицы – {dest_ru}"],
             body=[["Приглашаем девушек 18-25 лет на работу хостес и танцовщицами в {dest_ru}.", "Набираем девушек 18-25 в клубы, направление {dest_ru}."],
                   ["Доход от {salary}$ в месяц.", "Зарплата от {salary}$ ежемесячно."],
                   ["Билеты, виза и проживание за наш счёт.", "Оплачиваем билет, визу и жильё."],
                   ["?Опыт не нужен.", "?Без опыта, всему научим."],
                   ["?Вылет в ближайшие дни."]],
             contact=["Фото в полный рост только в Telegram {handle}", "Telegram {handle}, WhatsApp {phone}"]),
             "uk": dict(
             title=["Робота хостес у {dest_uk} від {salary}$", "Шукаємо дівчат 18-25 для роботи в {dest_uk}"],
             body=[["Шукаємо гарних дівчат 18-25 на роботу хостес і танцівниць у {dest_uk}.", "Набір дівчат 18-25 у клуби, {dest_uk}."],
                   ["Від {salary}$ на місяць.", "Заробіток від {salary}$ щомісяця."],
                   ["Квиток, віза і проживання за наш рахунок.", "Оплачуємо квиток, візу і житло."],
                   ["?Досвід не потрібен."]],
             contact=["Фото на повний зріст лише в Telegram {handle}", "Telegram {handle} або Viber {phone}"])}),

    dict(id="op-12", kind="job", sites=["doska", "jobbridge"], n=6, country="ru",
         langs={"ru": 1}, reuse=0, obf=0.0, handles=["@bystro_dengi", "@bystro_dengi_2"], emails=[],
         shared_photos=0, emoji="💸🚀", typo=0.04, disc_p=0.0,
         vals=dict(pay=["5000", "5000", "7000"], city=["Москва", "Казань", "Самара", "Тверь"]),
         text={"ru": dict(
             title=["Курьер {city}, от {pay} руб в день", "Лёгкий заработок курьером – {city}"],
             body=[["Ищем курьеров-кладменов в {city}.", "Требуются курьеры, {city}, работа с закладками."],
                   ["От {pay} руб в день, свободный график.", "Оплата от {pay} в день, график свободный."],
                   ["Опыт не нужен.", "Без опыта."],
                   ["Оплата в биткоинах.", "Выплаты в крипте (BTC/USDT)."]],
             contact=["Пиши только в Telegram {handle}", "Только Telegram: {handle}"])}),

    dict(id="op-13", kind="job", sites=["doska", "jobbridge", "kontaktmarkt"], n=8, country="ua",
         langs={"uk": 0.6, "pl": 0.4}, reuse=1, obf=0.0, handles=["@dopomoha_robota"], emails=[],
         shared_photos=1, emoji="🙏🇺🇦", typo=0.02, disc_p=0.0,
         vals=dict(dest_uk=["Німеччини", "Австрії", "Німеччини та Австрії"], dest_pl=["Niemczech", "Austrii"]),
         text={"uk": dict(
             title=["Допомога жінкам-біженкам: робота в готелях {dest_uk}", "Робота для переселенок у {dest_uk}"],
             body=[["Допомога жінкам-переселенкам і біженкам.", "Для жінок, які втекли від війни."],
                   ["Робота в готелях {dest_uk}, житло безкоштовно.", "Готелі {dest_uk}, безкоштовне житло."],
                   ["Мова не потрібна.", "Знання мови не обов'язкове."],
                   ["Документи і перетин кордону беремо на себе.", "Документи та кордон — наша турбота."],
                   ["?Виїзд вже завтра!"]],
             contact=["Тільки Telegram {handle}", "Telegram {handle}, тел. {phone}"]),
             "pl": dict(
             title=["Praca dla kobiet uchodźczyń z Ukrainy – hotele w {dest_pl}"],
             body=[["Pomoc dla kobiet uchodźczyń z Ukrainy.", "Dla kobiet, które uciekły przed wojną."],
                   ["Praca w hotelach w {dest_pl}, darmowe mieszkanie.", "Hotele w {dest_pl}, mieszkanie za darmo."],
                   ["Język niepotrzebny.", "Bez znajomości języka."],
                   ["Dokumenty i granicę załatwiamy my."]],
             contact=["Kontakt tylko Telegram {handle}", "Telegram {handle} lub {phone}"])}),

    dict(id="op-14", kind="job", sites=["doska", "jobbridge", "nightpages"], n=9, country="ua",
         langs={"uk": 0.5, "ru": 0.5}, reuse=2, obf=0.1, handles=["@webcam_kharkiv"], emails=["studio.kh@mail.example"],
         shared_photos=1, emoji="💻💰✨", typo=0.03, disc_p=0.0,
         vals=dict(pay=["10 000", "8000", "10 000", "12 000"]),
         text={"uk": dict(
             title=["Вебкам-студія у Харкові шукає моделей", "Заробіток до {pay}$ – вебкам модель"],
             body=[["Вебкам-студія у Харкові шукає моделей.", "Набір дівчат у вебкам-студію, Харків."],
                   ["Заробіток до {pay}$ на місяць!", "До {pay}$ щомісяця."],
                   ["Досвід не потрібен.", "Без досвіду, навчимо."],
                   ["Квартира біля студії безкоштовно.", "Безкоштовне житло поруч зі студією."],
                   ["?Щедрі спонсори для дівчат теж є."]],
             contact=["Telegram {handle}", "Пиши {email} або {phone}"]),
             "ru": dict(
             title=["Вебкам-студия в Харькове ищет моделей", "Доход до {pay}$ – вебкам"],
             body=[["Вебкам-студия в Харькове набирает моделей.", "Ищем девушек в вебкам-студию, Харьков."],
                   ["Доход до {pay}$ в месяц!", "До {pay}$ ежемесячно."],
                   ["Опыт не нужен.", "Без опыта, обучаем."],
                   ["Бесплатная квартира рядом со студией.", "Жильё рядом со студией бесплатно."],
                   ["?Щедрые спонсоры для девушек тоже есть."]],
             contact=["Telegram {handle}", "Пиши {email} или звони {phone}"])}),

    dict(id="op-15", kind="escort", sites=["doska", "kontaktmarkt", "nightpages"], n=13, country="pl",
         langs={"pl": 1}, reuse=3, obf=0.2, handles=[], emails=[], shared_photos=2,
         emoji="🌸💋😈", typo=0.03, disc_p=0.0,
         vals=dict(district=["Wola", "Mokotów", "Praga", "Ochota"], price=["150", "150", "200", "180"],
                   name=["Ola", "Kasia", "Nikola", "Wiktoria", "Julka"], age=list(range(19, 24))),
         text={"pl": dict(
             title=["Nowe dziewczyny co tydzień – Warszawa {district}", "Dyskretny apartament {district}", "{name} {age} – nowa w apartamencie {district}"],
             body=[["Dyskretny apartament Warszawa {district}.", "Apartament w Warszawie, dzielnica {district}."],
                   ["Co tydzień nowe młode dziewczyny!", "Nowe młodziutkie panie co tydzień."],
                   ["Dziś polecamy {name}, {age} lat.", "Dzisiaj {name} ({age})."],
                   ["Pół godziny {price} zł.", "30 min – {price} zł."],
                   ["?Całodobowo 24/7.", "?Czynne całą dobę."]],
             contact=["Rezerwacja przez recepcję {phone}", "Recepcja: {phone}"])}),

    dict(id="op-16", kind="job", sites=["jobbridge", "doska", "lokaal"], n=8, country="pl",
         langs={"pl": 1}, reuse=2, obf=0.0, handles=[], emails=["praca.nl.bus@mail.example"], shared_photos=1,
         emoji="🚌✅", typo=0.03, disc_p=0.0,
         vals=dict(city=["Rotterdam", "Tilburg", "Venlo", "Den Bosch"], salary=["2800", "2700", "2900"]),
         text={"pl": dict(
             title=["Praca w Holandii przy pakowaniu – {salary}€", "Holandia {city}: pakowanie warzyw, wyjazd w tym tygodniu"],
             body=[["Praca w Holandii ({city}) przy pakowaniu warzyw.", "Pakowanie warzyw, {city}, Holandia."],
                   ["{salary}€ na rękę.", "Zarobki {salary}€ netto."],
                   ["Bez języka i bez doświadczenia!", "Język niepotrzebny."],
                   ["Dowozimy busem, mieszkanie zapewnione.", "Bus i mieszkanie po naszej stronie."],
                   ["Koszt dojazdu odliczamy od pierwszej pensji.", "Transport potrącamy z pierwszej wypłaty."],
                   ["?Wyjazd w tym tygodniu!"]],
             contact=["Tel. {phone}", "{phone} lub {email}"])}),

    dict(id="op-17", kind="escort", sites=["doska", "nightpages", "kontaktmarkt"], n=10, country="bg",
         langs={"bg": 1}, reuse=2, obf=0.3, handles=[], emails=[], shared_photos=1,
         emoji="🌸💋", typo=0.03, disc_p=0.0,
         vals=dict(city=["Варна", "Бургас", "София", "Слънчев бряг"], price=["60", "80", "60"],
                   name=["Ели", "Дени", "Мими", "Вики"]),
         text={"bg": dict(
             title=["Нови млади момичета – {city}", "Дискретен апартамент {city}", "{name} и приятелки – {city}"],
             body=[["Дискретен апартамент в {city}.", "Апартамент в {city}, пълна дискретност."],
                   ["Всяка седмица нови млади момичета!", "Нови момичета всяка седмица."],
                   ["Половин час {price} лв.", "30 мин – {price} лв."],
                   ["Денонощно 24/7.", "Работим денонощно."],
                   ["?Питайте за {name}."]],
             contact=["Рецепция {phone}", "Резервации {phone}"])}),

    dict(id="op-18", kind="job", sites=["jobbridge", "doska", "kontaktmarkt"], n=6, country="bg",
         langs={"bg": 1}, reuse=1, obf=0.0, handles=[], emails=[], shared_photos=0,
         emoji="💶", typo=0.03, disc_p=0.0,
         vals=dict(city=["Германия", "Гютерсло", "Оснабрюк"], salary=["2500-3000", "2500", "3000"]),
         text={"bg": dict(
             title=["Работа в {city} – кланица, {salary} евро", "Кланица и опаковане – {city}"],
             body=[["Работа в кланица и опаковане, {city}.", "Търсим работници за кланица ({city})."],
                   ["{salary} евро на месец.", "Заплата {salary} евро."],
                   ["Без език и без опит!", "Не се изисква език."],
                   ["Осигурен транспорт с бус и квартира.", "Бус и квартира от нас."],
                   ["Пътят се удържа от първата заплата.", "Транспортът се връща от заплатата."]],
             contact=["Тел. {phone}", "Обадете се на {phone}"])}),

    dict(id="op-19", kind="escort", sites=["vitrine", "nightpages"], n=14, country="es",
         langs={"es": 1}, reuse=3, obf=0.15, handles=[], emails=[], shared_photos=2,
         emoji="🌸💋🔥😘", typo=0.04, disc_p=0.0,
         vals=dict(city=["Valencia", "Castellón", "Alicante", "Murcia", "Benidorm"], price=["40", "40", "50"],
                   name=["Yeni", "Karla", "Daniela", "Andrea", "Luna", "Mari"], nats=["rumanas y latinas", "latinas", "colombianas y paraguayas"]),
         text={"es": dict(
             title=["Chicas nuevas cada semana en {city}", "Piso discreto {city} – {nats}", "{name} y amigas, novedad en {city}"],
             body=[["Piso discreto en {city}.", "Piso privado y discreto en {city}."],
                   ["Chicas nuevas jovencitas cada semana, {nats}.", "Cada semana jovencitas nuevas, {nats}."],
                   ["Media hora {price}€!!", "Media hora solo {price} euros."],
                   ["Abierto 24 horas.", "Abrimos las 24 horas."],
                   ["?Hoy te espera {name}.", "?Pregunta por {name}."]],
             contact=["Cita a la encargada {phone}", "Encargada: {phone}"])}),

    dict(id="op-20", kind="job", sites=["jobbridge", "vitrine", "kontaktmarkt"], n=7, country="es",
         langs={"es": 0.5, "ro": 0.5}, reuse=2, obf=0.0, handles=[], emails=[], shared_photos=1,
         emoji="🍓", typo=0.03, disc_p=0.0,
         vals=dict(city=["Huelva", "Lepe", "Moguer", "Palos de la Frontera"], salary=["2500", "2400"]),
         text={"es": dict(
             title=["Trabajo en el campo en {city} – {salary}€/mes", "Campaña fresa {city}, sin experiencia"],
             body=[["Trabajo en el campo en {city}.", "Campaña de la fresa en {city}."],
                   ["{salary}€ al mes.", "Sueldo {salary}€ mensuales."],
                   ["Sin experiencia ni idioma.", "No hace falta idioma ni experiencia."],
                   ["Te recogemos en el aeropuerto.", "Recogida en el aeropuerto."],
                   ["Vivienda en la finca, 8 personas por caseta, se descuenta del sueldo.", "Alojamiento en caseta (8 personas), descontado de la nómina."],
                   ["?El billete se devuelve con el primer sueldo."]],
             contact=["WhatsApp {phone}", "Llama al {phone}"]),
             "ro": dict(
             title=["Munca la capsuni in Spania ({city}) – {salary}€/luna"],
             body=[["Munca la camp in {city}, Spania.", "Campania de capsuni {city}."],
                   ["{salary}€ pe luna.", "Salariu {salary} euro."],
                   ["Fara experienta, fara limba.", "Nu trebuie limba spaniola."],
                   ["Va luam de la aeroport.", "Preluare de la aeroport."],
                   ["Cazare la ferma, 8 persoane in casuta, se scade din salariu."],
                   ["?Biletul se da inapoi din primul salariu."]],
             contact=["WhatsApp {phone}", "Sunati la {phone}"])}),

    dict(id="op-21", kind="job", sites=["tongcheng", "jobbridge"], n=10, country="cn",
         langs={"zh": 1}, reuse=1, obf=0.0, handles=["@xg_kefu888", "@xg_kefu999"], emails=[], shared_photos=1,
         emoji="💰🔥✈️", typo=0.0, disc_p=0.0,
         vals=dict(place=["柬埔寨西港", "西港", "柬埔寨金边", "缅甸妙瓦底"], salary=["2-3万", "2万", "3万起", "2.5万"]),
         text={"zh": dict(
             title=["【海外高薪】{place}招聘客服 月薪{salary}", "{place}招打字员/客服 包吃包住", "高薪出国 {place} 客服 {salary}"],
             body=[["{place}招聘客服、打字员。", "{place}公司招客服。"],
                   ["月薪{salary}，无需经验，会打字就行！", "月薪{salary}，零经验可做。"],
                   ["包机票包吃包住。", "机票、吃住公司全包。"],
                   ["做网投、“杀猪盘”客户维护。", "负责网投客户维护。"],
                   ["?本周出发！", "?名额有限，这周就走。"]],
             contact=["只加飞机 {handle}", "飞机 {handle}，电话 {phone}"])}),

    dict(id="op-22", kind="escort", sites=["tongcheng", "nightpages"], n=8, country="cn",
         langs={"zh": 1}, reuse=2, obf=0.35, handles=[], emails=[], shared_photos=1,
         emoji="😈🔥💋", typo=0.0, disc_p=0.0,
         vals=dict(area=["朝阳", "海淀", "丰台", "通州"], price=["300", "400", "300"]),
         text={"zh": dict(
             title=["{area}楼凤新到多位妹子", "{area}新到妹子 特价{price}", "{area}小区 新妹子"],
             body=[["{area}小区楼凤，新到多位年轻妹子。", "新到妹子，{area}。"],
                   ["按mo + 全tao，特价{price}一次。", "全套{price}，不满意可换。"],
                   ["24小时营业。", "全天24h。"],
                   ["?真人照片，绝不骗人。"]],
             contact=["联系 {phone}", "电话/微信同号 {phone}"])}),

    dict(id="op-23", kind="massage", sites=["nightpages", "localboard"], n=9, country="uk",
         langs={"en": 1}, reuse=2, obf=0.1, handles=[], emails=[], shared_photos=1,
         emoji="🌸✨", typo=0.03, disc_p=0.0,
         vals=dict(city=["Slough", "Reading", "Luton", "High Wycombe"], price=["50", "60", "50"]),
         text={"en": dict(
             title=["NEW Asian massage {city}", "Oriental massage {city} – young ladies", "{city} Chinese massage, open 7 days"],
             body=[["New Asian massage in {city}.", "Brand new oriental massage parlour, {city}."],
                   ["Young Chinese ladies, full body massage with happy ending.", "Young oriental ladies, full body and happy ending."],
                   ["Open 10am-late, 7 days.", "Open 7 days from 10am till late."],
                   ["£{price} half hour.", "Half hour £{price}."],
                   ["?Walk-ins welcome. Real photos!", "?Walk-ins welcome."]],
             contact=["Ring {phone}", "Call {phone}"])}),

    dict(id="op-24", kind="job", sites=["jobbridge", "localboard", "vitrine"], n=8, country="uk",
         langs={"en": 1}, reuse=1, obf=0.0, handles=[], emails=["canada.lmia.desk@mail.example"], shared_photos=1,
         emoji="🇨🇦✅", typo=0.02, disc_p=0.0,
         vals=dict(job=["fruit picking and meat factory", "fish plant and farm", "meat factory"],
                   salary=["4500", "4200", "4800"], fee=["350", "350", "400"]),
         text={"en": dict(
             title=["Jobs in Canada – LMIA work visa guaranteed", "Canada {job} – CAD {salary}/month", "CANADA WORK VISA 100% GUARANTEED"],
             body=[["Jobs in Canada: {job}.", "Canada needs workers for {job}."],
                   ["Salary CAD {salary}.", "Monthly pay CAD {salary}."],
                   ["LMIA work visa guaranteed!!", "Work visa 100% guaranteed."],
                   ["Processing fee only £{fee}, payable by Amazon gift card or USDT.", "Processing fee £{fee} (gift cards or USDT accepted)."],
                   ["?Limited places.", "?Places are limited, apply now."]],
             contact=["Email {email}", "Email {email} or WhatsApp {phone}"])}),

    dict(id="op-25", kind="escort", sites=["vitrine", "nightpages", "lokaal"], n=9, country="es",
         langs={"es": 0.5, "fr": 0.5}, reuse=2, obf=0.2, handles=[], emails=[], shared_photos=1,
         emoji="⚠️🔥💋", typo=0.04, disc_p=0.3,
         vals=dict(name=["Kiara", "Kiara", "Kiara TS"], city_es=["Málaga", "Marbella", "Sevilla"],
                   city_fr=["Bordeaux", "Toulouse", "Montpellier"], price=["60", "70", "60"]),
         text={"es": dict(
             title=["Últimos días en {city_es} – {name} trans brasileña", "{name} trans en {city_es}, oferta {price}€"],
             body=[["Últimos días en {city_es}!", "Solo unos días más en {city_es}."],
                   ["Trans brasileña {name}, real 100%, cero timos.", "{name}, brasileña trans, 100% real."],
                   ["OFERTA {price}€ la hora.", "Promo: {price}€ hora."],
                   ["Señal por adelantado con Paysafecard.", "Pago de señal por Paysafecard."]],
             contact=["{phone}", "Llámame {phone}"]),
             "fr": dict(
             title=["Derniers jours à {city_fr} – {name} trans brésilienne", "{name} trans à {city_fr}, promo {price}€"],
             body=[["Derniers jours à {city_fr} !", "Plus que quelques jours à {city_fr}."],
                   ["Trans brésilienne {name}, vraie personne, zéro arnaque.", "{name}, trans brésilienne, 100% réelle."],
                   ["PROMO {price}€ l'heure.", "Promo : {price}€ l'heure."],
                   ["Acompte obligatoire en coupon Neosurf.", "Acompte par Neosurf avant le rdv."]],
             contact=["{phone}", "Appelle-moi {phone}"])}),

    dict(id="op-26", kind="other", sites=["localboard", "jobbridge"], n=5, country="uk",
         langs={"en": 1}, reuse=0, obf=0.0, handles=["ez.money.line", "ezmoney.line2"], emails=[], shared_photos=0,
         emoji="💸💯", typo=0.06, disc_p=0.0,
         vals=dict(dest=["the coast", "Norfolk", "the seaside"], pay=["300", "250", "300"]),
         text={"en": dict(
             title=["easy money £{pay} a day", "quick £££ for young ones", "need lads for easy money"],
             body=[["need a few lads 15-17 for easy money.", "looking for young ones 15-17, easy money."],
                   ["£{pay} a day just going down to {dest} and back.", "£{pay} a day, trips to {dest} and back."],
                   ["phone given.", "we give you a phone."],
                   ["?no questions asked.", "?dont ask questions."]],
             contact=["snap me {handle}", "snapchat {handle}"])}),

    dict(id="op-27", kind="job", sites=["tongcheng", "jobbridge", "localboard"], n=6, country="cn",
         langs={"zh": 0.6, "en": 0.4}, reuse=1, obf=0.0, handles=[], emails=["hk.helper.home@mail.example"],
         shared_photos=0, emoji="", typo=0.02, disc_p=0.0,
         vals=dict(place=["香港", "香港九龙", "香港新界"], place_en=["Hong Kong", "Kowloon", "Hong Kong (New Territories)"]),
         text={"zh": dict(
             title=["{place}家庭请住家保姆", "{place}招住家姐姐 菲律宾/印尼优先"],
             body=[["{place}家庭请住家保姆，菲律宾或印尼优先。", "{place}住家工，菲佣印佣优先。"],
                   ["做饭打扫带孩子，照顾老人，随叫随到。", "煮饭、清洁、带两个小孩加照顾老人。"],
                   ["头半年没有休息日。", "开始几个月没有假期。"],
                   ["护照由雇主保管，工资年底一次结清。", "护照雇主保管，工资年底结。"]],
             contact=["电话 {phone}", "邮箱 {email}"]),
             "en": dict(
             title=["Live-in helper needed – {place_en} family", "Domestic helper {place_en}, Filipino or Indonesian"],
             body=[["Family in {place_en} needs live-in helper, Filipino or Indonesian preferred.", "Live-in domestic helper wanted in {place_en}."],
                   ["Cooking, cleaning, 2 kids and grandmother, available anytime.", "Cook, clean, care for children and elderly, on call all day."],
                   ["No rest day for first 6 months.", "Days off after first months."],
                   ["Employer keeps passport, salary paid end of year.", "Passport kept by employer; salary paid at year end."]],
             contact=["Call {phone}", "Email {email}"])}),

    dict(id="op-28", kind="dating", sites=["lokaal", "kontaktmarkt"], n=4, country="nl",
         langs={"nl": 0.5, "de": 0.5}, reuse=1, obf=0.0, handles=["mo.amsterdam24"], emails=[], shared_photos=1,
         emoji="❤️😍", typo=0.04, disc_p=0.0,
         vals=dict(name=["Mo", "Mo", "Momo"], age=["24", "25"]),
         text={"nl": dict(
             title=["{name} ({age}) zoekt echte vriendin ❤️", "Lieve jongen zoekt meisje voor nieuw leven"],
             body=[["Hoi schatje, ik ben {name} ({age}) uit Amsterdam.", "Ik ben {name}, {age}, Amsterdam."],
                   ["Ik zoek een echte vriendin om samen een nieuw leven te beginnen in Duitsland.", "Zoek meisje om samen naar Duitsland te gaan."],
                   ["Ik regel de trein en een plek om te wonen.", "Reis en woning regel ik."],
                   ["Je kunt daar bij mijn vriend werken en snel veel geld verdienen.", "Bij mijn vriend kun je snel veel verdienen."],
                   ["?We gaan deze week al, niemand hoeft het te weten."]],
             contact=["Snap: {handle}", "Alleen snap {handle}"]),
             "de": dict(
             title=["{name} ({age}) sucht seine Prinzessin ❤️"],
             body=[["Hallo Süße, ich bin {name} ({age}).", "Ich bin {name}, {age}."],
                   ["Ich suche eine Freundin für ein neues Leben zusammen in Holland.", "Suche ein Mädchen, das mit mir nach Holland kommt."],
                   ["Ich kaufe dir das Ticket, du wohnst bei mir.", "Ticket und Wohnung zahle ich."],
                   ["Bei meinem Freund kannst du schnell viel Geld verdienen.", "Arbeit bei meinem Freund, schnelles Geld."]],
             contact=["Snap: {handle}", "Nur Snapchat {handle}"])}),
]


# ----------------------------------------------------------------------------------------------
# Unrelated single ads (independent posters), written one by one. {phone} gets a fresh number
# used nowhere else; {svc} is a phone-relay service number shared by unrelated advertisers;
# {disc} is the disclaimer many independents copy. Each is (lang, kind, title, text).
# ----------------------------------------------------------------------------------------------

SINGLES = [
    # --- en ---
    ("en", "escort", "Sophie – mature & elegant, Chester", "Hi, I'm Sophie, 44, an independent English lady. Relaxed unhurried meetings for gentlemen over 30, incall near the station. No rush, ever. Text {phone}."),
    ("en", "escort", "New in town – Ruby 💋", "New in town for a few days! Ruby, 26, curvy and chatty. Incall Nottingham centre. 100% real pics. {phone}"),
    ("en", "escort", "Tall blonde Anya, outcall only", "Anya here 😊 tall, blonde, love good conversation and fine dining. Outcall to hotels in Birmingham only. Please text first with date and time. {phone}"),
    ("en", "escort", "Discreet companion Manchester", "Discreet, friendly, educated companion. Dinner dates and overnights. No texts with explicit content please. {svc}"),
    ("en", "escort", "Jade – Cardiff Bay", "Jade, 31, Welsh girl next door 🏴 relaxed vibes, no rush. Incall Cardiff Bay. Call {phone} between 11 and 9. {disc}"),
    ("en", "escort", "Curvy Caribbean Nia", "Sweet curvy Caribbean lady Nia in Croydon. Genuine, discreet, clean. {phone} – no withheld numbers."),
    ("en", "massage", "Swedish & deep tissue by Tom", "Male therapist, 12 years experience, Swedish and deep tissue in Brighton. Mobile service available. £50/hr. Non-sexual. {phone}"),
    ("en", "massage", "Sensual massage by Lena", "Lena offers sensual full body massage in a calm private flat in Bristol. Discreet, no rush, shower available. {phone}"),
    ("en", "massage", "Thai massage – Norwich", "Traditional Thai massage by qualified therapist Malee, 60 min £45. Licensed premises, appointments only. {phone}"),
    ("en", "job", "Kitchen porter wanted – Bath pub", "Busy gastropub in Bath needs a kitchen porter, 35 hrs, £11.50/hr, meals on shift, written contract. Ask for Gareth on {phone}."),
    ("en", "job", "Cleaners needed Leeds offices", "Evening office cleaners, Mon–Fri 6–9pm, £11.44/hr, paid weekly into bank. Right to work checks apply. {phone}"),
    ("en", "job", "Care assistants – nights", "Residential home in Ipswich recruiting night care assistants. Training, DBS paid, pension. Apply online or call {phone}."),
    ("en", "job", "Delivery drivers own van", "Self-employed multi-drop drivers, own van, £180/day, Monday start available. Must have full UK licence. {phone}"),
    ("en", "job", "Nanny for twins, Surrey", "Looking for an experienced nanny for our 2 year old twins, live-out, Mon–Fri, £16/hr gross, payroll and pension. References please. {phone}"),
    ("en", "job", "Cash in hand labourer", "Need a labourer for 2 weeks in Swindon, cash in hand daily, start 7am. Text {phone}."),
    ("en", "job", "Barista – Soho café", "Independent café in Soho hiring a barista, 4 days/week, £12.50/hr + tips. Latte art a plus. Drop CV or call {phone}."),
    ("en", "housing", "Double room in Hove", "Double room in a 3 bed house in Hove, £750 pcm incl bills, tenancy agreement, deposit protected. Two friendly housemates. {phone}"),
    ("en", "housing", "Room for female lodger", "Quiet room available for female lodger in Luton, £550 pcm inc bills, 6 month minimum, references required. {phone}"),
    ("en", "housing", "Studio flat Glasgow West End", "Small studio, Glasgow West End, £695 pcm, unfurnished, landlord registered. Viewings Saturday. Call {phone}."),
    ("en", "dating", "Looking for my walking buddy", "M 52, Lake District, widower, loves walking, dogs and pub quizzes. Looking for a kind lady for friendship first."),
    ("en", "dating", "Bi-curious couple", "Friendly couple, 30s, Midlands, looking for a like-minded woman for drinks and fun. Discreet. Message {phone}."),
    ("en", "dating", "F 29 – coffee?", "F 29, Newcastle, nurse on nights, love gigs and terrible reality TV. Looking for someone kind, 28-38. Not looking for hookups!"),
    ("en", "other", "Free sofa – collect only", "Grey 3-seater sofa free to a good home, collection from Salford only. Text {phone}."),
    ("en", "other", "Lost cat – Hackney", "Our black cat Mango went missing near Mare Street on Sunday. Small reward. Please call {phone}."),
    ("en", "escort", "Sweet Asian girl Mimi", "Mimi, 24, sweet Thai girl, incall Newcastle. GFE, no rush, 100% real. {phone}"),
    ("en", "escort", "Busty brunette Kayla – Glasgow", "Kayla, 28, busty brunette. Incall Glasgow, outcall by arrangement. Respectful gents only. {svc}"),
    ("en", "massage", "Tantric massage Camden", "Experienced tantric practitioner, slow mindful massage in Camden studio. By appointment only. {phone} {disc}"),
    ("en", "escort", "Verified – Chloe", "Chloe, 23, student, verified on the site. Dinner dates, Edinburgh. Screening required for new clients. {phone}"),
    ("en", "job", "Seasonal farm work Kent", "Apple picking Sept–Oct in Kent. Seasonal worker visa holders only, via licensed operator. £11.44/hr, caravans available at £60/week on site. {phone}"),
    ("en", "escort", "Polish girl Ola – Reading", "Hi it's Ola 😊 Polish, 27, new in town this week. Discreet flat near town centre. {phone}"),
    # --- nl ---
    ("nl", "escort", "Mooie Marokkaanse Yasmina", "Hoi! Ik ben Yasmina, 27, Marokkaans, privé ontvangst in Tilburg. Discreet en geen haast. Bel {phone}."),
    ("nl", "escort", "Nieuw in Zwolle: Kim", "Nieuw in de stad!! Kim, 30, blond, relaxed. 100% echt. Alleen appen {phone}."),
    ("nl", "escort", "Rijpe dame Lotte", "Rijpe dame (49) uit Apeldoorn voor gezellige ontmoetingen. Thuisontvangst, alleen op afspraak. {svc}"),
    ("nl", "massage", "Ontspanningsmassage Haarlem", "Ontspanningsmassage en hot stone in Haarlem, gediplomeerd masseur, 60 min €55. Geen erotiek. {phone}"),
    ("nl", "massage", "Erotische massage Eindhoven", "Erotische massage door Sanne (32), discreet, douche aanwezig, ook voor beginners. {phone} {disc}"),
    ("nl", "job", "Vakkenvuller gezocht", "Supermarkt in Zaandam zoekt vakkenvullers voor de avond, vanaf 16 jaar, cao-loon. Loop binnen of bel {phone}."),
    ("nl", "job", "Schoonmaker hotel Amsterdam", "Hotel in Amsterdam-West zoekt schoonmaker, 32 uur, contract via uitzendbureau, €14 bruto. Bel {phone}."),
    ("nl", "job", "Bezorgers gezocht", "Bezorgers met eigen scooter gezocht in Groningen, €13,50/uur + fooi, flexibele uren. {phone}"),
    ("nl", "housing", "Kamer in Delft", "Kamer 12 m² in studentenhuis Delft, €480 incl., hospiteeravond donderdag. Alleen studenten. {phone}"),
    ("nl", "housing", "Appartement te huur Leeuwarden", "2-kamerappartement Leeuwarden centrum, €1050 kale huur, huurcontract 2 jaar, inkomenseis. {phone}"),
    ("nl", "dating", "Man 45 zoekt vrouw", "Man, 45, Breda, eerlijk en sportief. Zoek een leuke vrouw om mee te wandelen en uit eten te gaan."),
    ("nl", "dating", "Stel zoekt vriendin", "Gezellig stel (38/41) uit Friesland zoekt een vrouw voor vriendschap en misschien meer. Discreet."),
    ("nl", "other", "Fiets te koop", "Gazelle damesfiets, 3 versnellingen, €150. Ophalen in Amersfoort. {phone}"),
    ("nl", "escort", "Trans Bianca Den Haag", "Trans Bianca, 29, Braziliaans, net terug in Den Haag. Geen haast, discreet. {phone}"),
    ("nl", "escort", "Lieve Roemeense Ana", "Ana, 24, lieve Roemeense, privé in Rotterdam-West. Echte foto's. {svc}"),
    # --- de ---
    ("de", "escort", "Reife Sabine verwöhnt", "Sabine, 51, reife Hausfrau aus Bielefeld, privat und diskret. Nur nach Terminabsprache, keine SMS. {phone}"),
    ("de", "escort", "Neu in der Stadt: Lara", "Neu in der Stadt! Lara, 25, aus Litauen, Haus- und Hotelbesuche Hamburg. 100% echt. {phone}"),
    ("de", "escort", "Mia – Escort Berlin", "Mia, 29, Studentin, Begleitung für Dinner und mehr. Berlin Mitte. Screening für Neukunden. {phone} {disc}"),
    ("de", "massage", "Klassische Massage Münster", "Klassische Massage und Hot Stone in Münster, ausgebildete Masseurin, 60 Min 60 €. Keine Erotik. {phone}"),
    ("de", "massage", "Tantramassage Köln", "Tantramassage in ruhiger Atmosphäre, Köln-Ehrenfeld, mit Zeit und Achtsamkeit, ohne Eile. {svc}"),
    ("de", "job", "Aushilfe Bäckerei", "Bäckerei in Kassel sucht Aushilfe für Samstag, Minijob 538 €, ab 6 Uhr. Einfach vorbeikommen oder {phone}."),
    ("de", "job", "Lagerhelfer gesucht", "Lagerhelfer (m/w/d) in Dortmund, Vollzeit, 14,50 €/Std., unbefristet. Staplerschein von Vorteil. {phone}"),
    ("de", "job", "Reinigungskraft Privathaushalt", "Suche Reinigungskraft für Privathaushalt in Freiburg, 4 Std. pro Woche, 15 €/Std., gerne über Minijob-Zentrale. {phone}"),
    ("de", "housing", "WG-Zimmer Mainz", "WG-Zimmer frei in Mainz-Neustadt, 18 m², 450 € warm, wir sind 3 Studis. Casting am Dienstag. {phone}"),
    ("de", "housing", "Wohnung Erfurt", "2-Zimmer-Wohnung in Erfurt, 58 m², 520 € kalt, Balkon, ab sofort. {phone}"),
    ("de", "dating", "Er sucht Sie, Rostock", "Er, 47, Rostock, humorvoll und ehrlich, sucht Sie für gemeinsame Zukunft. Kein ONS."),
    ("de", "other", "Kinderwagen zu verkaufen", "Gut erhaltener Kinderwagen, 80 €, Abholung in Leipzig. {phone}"),
    ("de", "escort", "Thai Lady Noi", "Thai Lady Noi, 35, Massage und mehr, privat in Hannover. Ohne Zeitdruck. {phone}"),
    ("de", "escort", "Brünette Jana – Dresden", "Jana, 33, tschechisch, diskrete Wohnung in Dresden. Nur Anrufe, keine WhatsApp. {phone}"),
    ("de", "job", "Erntehelfer Obsthof", "Obsthof am Bodensee sucht Erntehelfer Aug–Okt, Mindestlohn, Arbeitsvertrag, Zimmer im Wohnheim 8 €/Tag. {phone}"),
    # --- fr ---
    ("fr", "escort", "Élodie, indépendante Lyon", "Élodie, 35 ans, indépendante, reçoit à Lyon 6e. Pas de précipitation, rendez-vous pris la veille. {phone}"),
    ("fr", "escort", "Nouvelle à Nice – Inès", "Nouvelle en ville ! Inès, 27 ans, métisse, reçoit près de la gare. 100% réelle. {phone} {disc}"),
    ("fr", "escort", "Charlotte – escort Paris", "Charlotte, 30 ans, accompagnatrice pour dîners et soirées, Paris 8e. Discrétion assurée. {phone}"),
    ("fr", "massage", "Massage californien Nantes", "Praticienne diplômée, massage californien et suédois à Nantes, 60 min 65€. Non érotique. {phone}"),
    ("fr", "massage", "Massage naturiste Lille", "Massage naturiste par Julie, cadre zen et discret, sans précipitation, Lille centre. {phone}"),
    ("fr", "job", "Serveur/serveuse Annecy", "Brasserie à Annecy recherche serveur/serveuse pour la saison, CDD 35h, logement non fourni. {phone}"),
    ("fr", "job", "Aide maçon", "Entreprise de maçonnerie cherche aide maçon, CDI, permis B, secteur Rennes. {phone}"),
    ("fr", "job", "Garde d'enfants", "Famille à Lyon cherche garde d'enfants sortie d'école 16h30-19h, CESU, 12€/h net. {phone}"),
    ("fr", "housing", "Studio à louer Grenoble", "Studio meublé 22 m² à Grenoble, 520€ CC, proche tram, dossier complet demandé. {phone}"),
    ("fr", "housing", "Chambre chez l'habitant", "Chambre chez l'habitant à Montpellier pour étudiant(e), 400€ charges comprises. {phone}"),
    ("fr", "dating", "Homme 50 ans Bordeaux", "Homme 50 ans, Bordeaux, cultivé et sportif, cherche femme pour relation sérieuse."),
    ("fr", "dating", "Rencontre sans prise de tête", "Femme 38 ans, Toulouse, cherche homme drôle pour sorties et plus si affinités."),
    ("fr", "other", "Vends vélo enfant", "Vélo enfant 16 pouces, bon état, 40€, à récupérer à Dijon. {phone}"),
    ("fr", "escort", "Africaine Awa – Marseille", "Awa, 29 ans, Sénégalaise, reçoit à Marseille 3e, discrète et souriante. {phone}"),
    ("fr", "escort", "Trans Luana Paris", "Luana, trans, 26 ans, de passage à Paris pour une semaine. Vraies photos. {phone}"),
    # --- es ---
    ("es", "escort", "Lucía, independiente Madrid", "Lucía, 32, española, independiente, recibo en Chamberí. Sin prisas, muy discreta. {phone}"),
    ("es", "escort", "Novedad en Bilbao – Sara", "Novedad en la ciudad! Sara, 25, venezolana, fotos 100% reales. {phone} {disc}"),
    ("es", "escort", "Madurita Carmen", "Carmen, 48, madurita cariñosa en Zaragoza, solo con cita previa. {phone}"),
    ("es", "massage", "Masaje tántrico Barcelona", "Masaje tántrico por terapeuta con experiencia, Gràcia, ambiente relajado, sin prisas. {phone}"),
    ("es", "massage", "Quiromasaje en Sevilla", "Quiromasajista titulado, masaje descontracturante 50 min 35€. No erótico. {phone}"),
    ("es", "job", "Camarero/a Salamanca", "Bar en Salamanca busca camarero/a con experiencia, contrato de 30h, fines de semana. {phone}"),
    ("es", "job", "Repartidor con moto", "Pizzería en Gijón busca repartidor con moto propia, contrato, horario de noche. {phone}"),
    ("es", "job", "Limpieza por horas", "Busco persona para limpieza de casa 2 días por semana en Pamplona, 12€/hora, con alta. {phone}"),
    ("es", "housing", "Habitación en Granada", "Habitación en piso de estudiantes, Granada centro, 290€ + gastos, contrato por curso. {phone}"),
    ("es", "housing", "Piso en alquiler Vigo", "Piso de 2 habitaciones en Vigo, 650€/mes, contrato de larga duración. {phone}"),
    ("es", "dating", "Chico 35 busca chica", "Chico de 35, Valencia, deportista y tranquilo, busco chica para conocernos con calma."),
    ("es", "other", "Vendo sofá cama", "Vendo sofá cama en buen estado, 120€, recogida en Málaga. {phone}"),
    ("es", "escort", "Brasileña Thais", "Thais, 27, brasileña, nueva en Alicante esta semana. Discreta. {phone}"),
    ("es", "escort", "Rubia rusa Katia", "Katia, 30, rusa, recibo en hotel en Madrid centro. Solo llamadas. {phone}"),
    # --- ro ---
    ("ro", "escort", "Diana, independenta Bucuresti", "Diana, 29 ani, independenta, primesc in zona Victoriei. Fara graba, discretie totala. {phone}"),
    ("ro", "escort", "Noua in Brasov", "Noua in oras! Alexandra, 24, poze 100% reale, doar programari. {phone}"),
    ("ro", "escort", "Doamna matura Cluj", "Doamna matura, 46, eleganta, Cluj, doar la hotel. {phone}"),
    ("ro", "massage", "Masaj de relaxare Oradea", "Masaj de relaxare si terapeutic in Oradea, maseuza cu diploma, 60 min 120 lei. {phone}"),
    ("ro", "massage", "Masaj erotic Timisoara", "Masaj tantric si erotic in Timisoara, locatie discreta, fara graba. {phone}"),
    ("ro", "job", "Vanzatoare Constanta", "Magazin de haine in Constanta angajeaza vanzatoare, carte de munca, 8 ore. {phone}"),
    ("ro", "job", "Sofer livrari", "Firma de curierat angajam sofer categoria B in Iasi, salariu fix + bonusuri, contract. {phone}"),
    ("ro", "job", "Ingrijitoare Germania prin agentie", "Agentie autorizata recruteaza ingrijitoare pentru Germania, contract si asigurare, 1700€ net. {phone}"),
    ("ro", "housing", "Garsoniera de inchiriat", "Garsoniera in Sibiu, 300€ pe luna, contract la ANAF. {phone}"),
    ("ro", "dating", "Barbat serios Ploiesti", "Barbat 40 ani, Ploiesti, serios, caut o doamna pentru relatie. Fara aventuri."),
    ("ro", "other", "Vand masina de spalat", "Vand masina de spalat Arctic, functionala, 400 lei, Bacau. {phone}"),
    ("ro", "escort", "Bruneta Maria, Craiova", "Maria, 26, bruneta, Craiova, primesc in apartament curat. Numai apeluri. {phone}"),
    ("ro", "escort", "Roxana – London", "Roxana, 28, Romanian girl in London, new in town this week, incall Stratford. {phone}"),
    ("ro", "job", "Lucrator comercial supermarket", "Supermarket in Pitesti angajeaza lucrator comercial, contract nedeterminat, tichete de masa. {phone}"),
    # --- pl ---
    ("pl", "escort", "Monika, niezależna Kraków", "Monika, 34, niezależna, przyjmuję w Krakowie, bez pośpiechu i w pełnej dyskrecji. {phone}"),
    ("pl", "escort", "Nowa w Łodzi – Ada", "Nowa w mieście! Ada, 25, zdjęcia w 100% prawdziwe. {phone}"),
    ("pl", "escort", "Dojrzała Beata", "Beata, 47, dojrzała i ciepła, Gdynia, tylko po wcześniejszym umówieniu. {phone}"),
    ("pl", "massage", "Masaż relaksacyjny Toruń", "Masaż relaksacyjny i leczniczy, dyplomowana masażystka, Toruń, 60 min 140 zł. {phone}"),
    ("pl", "massage", "Masaż tantryczny Wrocław", "Masaż tantryczny w spokojnym gabinecie we Wrocławiu, bez pośpiechu. {phone}"),
    ("pl", "job", "Kierowca kat. C", "Firma transportowa z Radomia zatrudni kierowcę kat. C, umowa o pracę, praca w kraju. {phone}"),
    ("pl", "job", "Pomoc kuchenna", "Restauracja w Zakopanem szuka pomocy kuchennej na sezon, umowa zlecenie, 28 zł/h. {phone}"),
    ("pl", "housing", "Kawalerka Lublin", "Kawalerka 28 m² w Lublinie, 1600 zł + media, umowa najmu okazjonalnego. {phone}"),
    ("pl", "dating", "Szukam towarzyszki", "Mężczyzna 55, Olsztyn, wdowiec, szukam pani do rozmów i spacerów."),
    ("pl", "other", "Sprzedam rower", "Sprzedam rower górski Kross, stan dobry, 600 zł, Bydgoszcz. {phone}"),
    ("pl", "escort", "Ukrainka Wika", "Wika, 26, Ukrainka, Warszawa Śródmieście, hotel lub u mnie. {phone}"),
    ("pl", "job", "Opiekunka dzieci Warszawa", "Szukam niani do dwójki dzieci, Warszawa Ursynów, umowa, 35 zł/h. {phone}"),
    ("pl", "escort", "Zuzia – Poznań", "Zuzia, 28, uśmiechnięta, Poznań Jeżyce, dyskretnie i bez pośpiechu. {phone}"),
    ("pl", "housing", "Pokój w Krakowie", "Pokój w mieszkaniu 3-pokojowym, Kraków Bronowice, 1400 zł z mediami, umowa. {phone}"),
    # --- ru ---
    ("ru", "escort", "Вика, индивидуалка", "Вика, 30 лет, индивидуалка, Москва, м. Фрунзенская. Без спешки, только по предварительной договорённости. {phone}"),
    ("ru", "escort", "Новенькая в Казани", "Новенькая в городе! Рита, 24, фото 100% реальные. {phone}"),
    ("ru", "escort", "Зрелая Ольга", "Ольга, 45, зрелая и ласковая, Екатеринбург, только на дому. {phone}"),
    ("ru", "massage", "Классический массаж Самара", "Классический и спортивный массаж, массажист с медобразованием, 60 мин 2500 руб. {phone}"),
    ("ru", "massage", "Тайский массаж", "Тайский массаж в Новосибирске от мастера из Таиланда, салон с лицензией. {phone}"),
    ("ru", "job", "Продавец в магазин", "В магазин одежды в Туле требуется продавец, официальное оформление, 2/2. {phone}"),
    ("ru", "job", "Водитель такси", "Таксопарк в Перми приглашает водителей на аренду авто, стаж от 3 лет. {phone}"),
    ("ru", "housing", "Сдам квартиру", "Сдам однокомнатную квартиру в Воронеже, 18 000 руб + КУ, на длительный срок. {phone}"),
    ("ru", "dating", "Познакомлюсь с женщиной", "Мужчина 50 лет, Омск, не курю, познакомлюсь с женщиной для серьёзных отношений."),
    ("ru", "other", "Отдам котят", "Отдам котят в добрые руки, 2 месяца, к лотку приучены. Ростов-на-Дону. {phone}"),
    ("ru", "escort", "Алина – эскорт Сочи", "Алина, 27, эскорт-сопровождение на мероприятия, Сочи. Дискретно. {phone}"),
    ("ru", "job", "Грузчики", "Требуются грузчики на склад в Подольске, оплата ежедневно, официально. {phone}"),
    ("ru", "escort", "Стройная Лера", "Лера, 26, стройная брюнетка, Питер, м. Звёздная, без спешки. {phone}"),
    ("ru", "housing", "Комната в Москве", "Сдаётся комната, м. Сокол, 25 000 руб, договор, без животных. {phone}"),
    # --- uk ---
    ("uk", "escort", "Оля, індивідуалка Київ", "Оля, 31, індивідуалка, Київ, Печерськ. Без поспіху, конфіденційно. {phone}"),
    ("uk", "escort", "Нова у Львові – Діана", "Нова в місті! Діана, 23, реальні фото. {phone}"),
    ("uk", "massage", "Лікувальний масаж Полтава", "Лікувальний масаж спини і шиї, масажист з медосвітою, 60 хв 500 грн. {phone}"),
    ("uk", "massage", "Релакс-масаж Одеса", "Релакс-масаж для чоловіків у затишній студії, Одеса, без поспіху. {phone}"),
    ("uk", "job", "Офіціант у кафе", "Кафе в Ужгороді шукає офіціанта, офіційно, графік 2/2, 15 000 грн + чайові. {phone}"),
    ("uk", "job", "Водій категорії C", "Логістична компанія у Рівному шукає водія категорії C, офіційне працевлаштування. {phone}"),
    ("uk", "housing", "Здам квартиру Львів", "Здам однокімнатну квартиру у Львові, Сихів, 11 000 грн, довгостроково. {phone}"),
    ("uk", "dating", "Шукаю супутницю життя", "Чоловік 44, Черкаси, шукаю жінку для серйозних стосунків і спільних подорожей."),
    ("uk", "other", "Продам дитяче ліжечко", "Продам дитяче ліжечко, стан відмінний, 1500 грн, Чернігів. {phone}"),
    ("uk", "escort", "Марина – Харків", "Марина, 29, Харків, апартаменти біля метро, дискретно. {phone}"),
    ("uk", "job", "Кухар у ресторан", "Ресторан у Тернополі шукає кухаря, досвід від року, офіційно. {phone}"),
    ("uk", "escort", "Настя, Дніпро", "Настя, 25, Дніпро, тільки готель, попередній запис. {phone}"),
    # --- bg ---
    ("bg", "escort", "Деси, независима София", "Деси, 30, независима, приемам в Лозенец. Без бързане, дискретно. {phone}"),
    ("bg", "escort", "Нова в Пловдив", "Нова в града! Кристина, 25, 100% реални снимки. {phone}"),
    ("bg", "massage", "Лечебен масаж Русе", "Лечебен и релаксиращ масаж от рехабилитатор, Русе, 60 мин 50 лв. {phone}"),
    ("bg", "massage", "Тантра масаж Варна", "Тантра масаж във Варна, спокойна атмосфера, без бързане. {phone}"),
    ("bg", "job", "Сервитьор Банско", "Ресторант в Банско търси сервитьор за зимния сезон, трудов договор. {phone}"),
    ("bg", "job", "Шофьор на бус", "Куриерска фирма в Стара Загора търси шофьор кат. B, трудов договор. {phone}"),
    ("bg", "housing", "Давам апартамент под наем", "Давам двустаен апартамент в Бургас, 700 лв, дългосрочно. {phone}"),
    ("bg", "dating", "Търся сериозна връзка", "Мъж на 39, Плевен, търся жена за сериозна връзка. Без игри."),
    ("bg", "other", "Продавам пералня", "Продавам пералня Бош, работи, 200 лв, Шумен. {phone}"),
    ("bg", "escort", "Мария – Бургас", "Мария, 28, Бургас, апартамент в центъра, дискретно и спокойно. {phone}"),
    ("bg", "escort", "Нели – Варна", "Нели, 33, Варна, само с предварително обаждане. {phone}"),
    ("bg", "job", "Продавач-консултант", "Магазин за обувки в Пловдив търси продавач-консултант, трудов договор, 1400 лв. {phone}"),
    # --- zh ---
    ("zh", "escort", "独立女生 小雅", "小雅，28岁，独立，上海静安，不赶时间，注重隐私。电话 {phone}"),
    ("zh", "escort", "新到广州 可可", "新到广州！可可，24岁，真人照片100%。{phone}"),
    ("zh", "massage", "中医推拿 正规", "中医推拿理疗，持证上岗，肩颈60分钟168元，正规店不提供特殊服务。{phone}"),
    ("zh", "massage", "泰式按摩 天河", "正宗泰式按摩，天河区，泰国师傅，环境安静。{phone}"),
    ("zh", "job", "餐厅服务员", "成都火锅店招服务员，包工作餐，月休4天，签合同。{phone}"),
    ("zh", "job", "快递员招聘", "杭州快递站招快递员，底薪加提成，缴社保。{phone}"),
    ("zh", "housing", "单间出租", "南京鼓楼单间出租，1800元/月，押一付一，拎包入住。{phone}"),
    ("zh", "dating", "真诚交友", "男，35岁，武汉，IT工作，性格温和，想认识一位真诚的女生。"),
    ("zh", "other", "转让二手冰箱", "九成新海尔冰箱转让，600元，自提，天津。{phone}"),
    ("zh", "escort", "成熟女士 玲姐", "玲姐，42岁，成熟温柔，深圳南山，只接预约。{phone}"),
    ("zh", "job", "家政保洁", "北京正规家政公司招保洁员，签合同，周休一天。{phone}"),
    ("zh", "escort", "学生兼职 小美", "小美，22岁，兼职，东莞，不赶时间。{phone}"),
]


# ----------------------------------------------------------------------------------------------
# Assembly.
# ----------------------------------------------------------------------------------------------

COUNTRY_NAME = {"en": "UK", "nl": "Nederland", "de": "Deutschland", "fr": "France", "es": "España",
                "ro": "România", "pl": "Polska", "ru": "Россия", "uk": "Україна", "bg": "България",
                "zh": "全国"}

CITY_HINTS = [
    ("Soho", "London"), ("Hackney", "London"), ("Camden", "London"), ("Stratford", "London"),
    ("London", "London"), ("Chester", "Chester"), ("Nottingham", "Nottingham"), ("Birmingham", "Birmingham"),
    ("Manchester", "Manchester"), ("Salford", "Salford"), ("Cardiff", "Cardiff"), ("Croydon", "Croydon"),
    ("Brighton", "Brighton"), ("Hove", "Hove"), ("Bristol", "Bristol"), ("Norwich", "Norwich"),
    ("Bath", "Bath"), ("Leeds", "Leeds"), ("Ipswich", "Ipswich"), ("Surrey", "Surrey"), ("Swindon", "Swindon"),
    ("Luton", "Luton"), ("Glasgow", "Glasgow"), ("Lake District", "Cumbria"), ("Midlands", "Midlands"),
    ("Newcastle", "Newcastle"), ("Edinburgh", "Edinburgh"), ("Kent", "Kent"), ("Reading", "Reading"),
    ("Tilburg", "Tilburg"), ("Zwolle", "Zwolle"), ("Apeldoorn", "Apeldoorn"), ("Haarlem", "Haarlem"),
    ("Eindhoven", "Eindhoven"), ("Zaandam", "Zaandam"), ("Amsterdam", "Amsterdam"), ("Groningen", "Groningen"),
    ("Delft", "Delft"), ("Leeuwarden", "Leeuwarden"), ("Breda", "Breda"), ("Friesland", "Friesland"),
    ("Amersfoort", "Amersfoort"), ("Den Haag", "Den Haag"), ("Rotterdam", "Rotterdam"),
    ("Bielefeld", "Bielefeld"), ("Hamburg", "Hamburg"), ("Berlin", "Berlin"), ("Münster", "Münster"),
    ("Köln", "Köln"), ("Kassel", "Kassel"), ("Dortmund", "Dortmund"), ("Freiburg", "Freiburg"),
    ("Mainz", "Mainz"), ("Erfurt", "Erfurt"), ("Rostock", "Rostock"), ("Leipzig", "Leipzig"),
    ("Hannover", "Hannover"), ("Dresden", "Dresden"), ("Bodensee", "Bodensee"),
    ("Lyon", "Lyon"), ("Nice", "Nice"), ("Paris", "Paris"), ("Nantes", "Nantes"), ("Lille", "Lille"),
    ("Annecy", "Annecy"), ("Rennes", "Rennes"), ("Grenoble", "Grenoble"), ("Montpellier", "Montpellier"),
    ("Bordeaux", "Bordeaux"), ("Toulouse", "Toulouse"), ("Dijon", "Dijon"), ("Marseille", "Marseille"),
    ("Madrid", "Madrid"), ("Chamberí", "Madrid"), ("Bilbao", "Bilbao"), ("Zaragoza", "Zaragoza"),
    ("Barcelona", "Barcelona"), ("Gràcia", "Barcelona"), ("Sevilla", "Sevilla"), ("Salamanca", "Salamanca"),
    ("Gijón", "Gijón"), ("Pamplona", "Pamplona"), ("Granada", "Granada"), ("Vigo", "Vigo"),
    ("Valencia", "Valencia"), ("Málaga", "Málaga"), ("Alicante", "Alicante"),
    ("Bucuresti", "București"), ("Victoriei", "București"), ("Brasov", "Brașov"), ("Cluj", "Cluj"),
    ("Oradea", "Oradea"), ("Timisoara", "Timișoara"), ("Constanta", "Constanța"), ("Iasi", "Iași"),
    ("Sibiu", "Sibiu"), ("Ploiesti", "Ploiești"), ("Bacau", "Bacău"), ("Craiova", "Craiova"),
    ("Pitesti", "Pitești"), ("Germania", "Germania"),
    ("Kraków", "Kraków"), ("Krakowie", "Kraków"), ("Łodzi", "Łódź"), ("Gdynia", "Gdynia"), ("Toruń", "Toruń"),
    ("Wrocław", "Wrocław"), ("Radomia", "Radom"), ("Zakopanem", "Zakopane"), ("Lublin", "Lublin"),
    ("Olsztyn", "Olsztyn"), ("Bydgoszcz", "Bydgoszcz"), ("Warszawa", "Warszawa"), ("Poznań", "Poznań"),
    ("Москва", "Москва"), ("Фрунзенская", "Москва"), ("Сокол", "Москва"), ("Казан", "Казань"),
    ("Екатеринбург", "Екатеринбург"), ("Самар", "Самара"), ("Новосибирск", "Новосибирск"),
    ("Тул", "Тула"), ("Перм", "Пермь"), ("Воронеж", "Воронеж"), ("Омск", "Омск"), ("Ростов", "Ростов-на-Дону"),
    ("Сочи", "Сочи"), ("Подольск", "Подольск"), ("Питер", "Санкт-Петербург"),
    ("Київ", "Київ"), ("Львов", "Львів"), ("Львів", "Львів"), ("Полтава", "Полтава"), ("Одеса", "Одеса"),
    ("Ужгород", "Ужгород"), ("Рівн", "Рівне"), ("Черкаси", "Черкаси"), ("Чернігів", "Чернігів"),
    ("Харків", "Харків"), ("Тернопол", "Тернопіль"), ("Дніпро", "Дніпро"),
    ("Лозенец", "София"), ("Пловдив", "Пловдив"), ("Русе", "Русе"), ("Варна", "Варна"), ("Банско", "Банско"),
    ("Стара Загора", "Стара Загора"), ("Бургас", "Бургас"), ("Плевен", "Плевен"), ("Шумен", "Шумен"),
    ("上海", "上海"), ("广州", "广州"), ("天河", "广州"), ("成都", "成都"), ("杭州", "杭州"), ("南京", "南京"),
    ("武汉", "武汉"), ("天津", "天津"), ("深圳", "深圳"), ("北京", "北京"), ("东莞", "东莞"),
]


def meta_city(rng, fill, text, lang):
    for key in (f"city_{lang}", "city", f"place_{lang}", "place"):
        if key in fill:
            return fill[key]
    if "district" in fill:
        return "Warszawa – " + fill["district"]
    if "area" in fill:
        return "北京" + fill["area"]
    for hint, city in CITY_HINTS:
        if hint in text:
            return city
    return COUNTRY_NAME[lang]


def emoji_list(s: str) -> list[str]:
    out: list[str] = []
    for ch in s:
        ri = "\U0001F1E6" <= ch <= "\U0001F1FF"
        if out and (ch in "\ufe0f\u200d" or out[-1].endswith("\u200d")
                    or (ri and len(out[-1]) == 1 and "\U0001F1E6" <= out[-1] <= "\U0001F1FF")):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def layout(rng, sentences):
    """Sentences one per line, all in one paragraph, or two paragraphs."""
    k = rng.randrange(3)
    if k == 0 or len(sentences) < 3:
        return sentences if k == 0 else [" ".join(sentences)]
    if k == 1:
        return [" ".join(sentences)]
    cut = rng.randrange(1, len(sentences))
    return [" ".join(sentences[:cut]), " ".join(sentences[cut:])]


def pick_date(rng, start, span_days):
    return start + timedelta(days=rng.randrange(span_days), hours=rng.randrange(8, 24),
                             minutes=rng.randrange(60))


def make_op_ads(rng, op):
    n = op["n"]
    country = op["country"]
    # phones: a few numbers reused 2-3 times, the rest burners used once
    phones = []
    for _ in range(op["reuse"]):
        ph = new_phone(rng, country)
        phones += [ph] * rng.choice([2, 3])
    phones = phones[:n]
    while len(phones) < n:
        phones.append(new_phone(rng, country))
    rng.shuffle(phones)
    # recurring photos: each in at least 2 ads and at most half of them
    shared = [new_photo(rng) for _ in range(op["shared_photos"])]
    carried = [[] for _ in range(n)]
    for p in shared:
        for i in rng.sample(range(n), rng.randint(2, max(2, n // 2))):
            carried[i].append(p)
    # languages: each language at least once
    langs = list(op["langs"])
    lang_seq = langs + rng.choices(langs, weights=[op["langs"][x] for x in langs], k=n - len(langs))
    rng.shuffle(lang_seq)
    # sites: prefer sites that accept the language; every site at least once where possible
    site_seq, unused = [], list(op["sites"])
    for lang in lang_seq:
        ok = [s for s in op["sites"] if lang in SITES[s]["langs"]] or list(op["sites"])
        pref = [s for s in ok if s in unused]
        s = rng.choice(pref or ok)
        if s in unused:
            unused.remove(s)
        site_seq.append(s)
    for s in unused:  # a site still unused takes over an ad from a site used more than once
        counts = {x: site_seq.count(x) for x in op["sites"]}
        movable = [i for i in range(n) if counts[site_seq[i]] > 1]
        fits = [i for i in movable if lang_seq[i] in SITES[s]["langs"]]
        site_seq[rng.choice(fits or movable)] = s
    start = datetime(2026, 8, 1) + timedelta(days=rng.randrange(90))
    span = rng.randint(10, 45)
    emojis = emoji_list(op["emoji"])
    ads = []
    for i in range(n):
        lang = lang_seq[i]
        t = op["text"][lang]
        fill = {k: str(rng.choice(v)) for k, v in op["vals"].items()}
        contacts = [c for c in t["contact"]
                    if ("{handle}" not in c or op["handles"]) and ("{email}" not in c or op["emails"])]
        contact = rng.choice(contacts)
        fill["phone"] = write_phone(rng, phones[i], lang, phone_style(rng, op["obf"]))
        fill["handle"] = rng.choice(op["handles"]) if op["handles"] else ""
        fill["email"] = rng.choice(op["emails"]) if op["emails"] else ""
        title = rng.choice(t["title"]).format_map(fill)
        sentences = []
        for alts in t["body"]:
            s = rng.choice(alts)
            if s.startswith("?"):
                if rng.random() < 0.4:
                    continue
                s = s[1:]
            s = s.format_map(fill)
            if lang != "zh":
                s = add_typos(rng, s, op["typo"])
            if emojis and rng.random() < 0.25:
                s = s + " " + rng.choice(emojis)
            sentences.append(s)
        if len(sentences) > 2 and rng.random() < 0.6:  # reorder
            head, rest = sentences[0], sentences[1:]
            rng.shuffle(rest)
            sentences = [head] + rest if rng.random() < 0.7 else rest + [head]
        if emojis and rng.random() < 0.5:
            title = rng.choice(emojis) + " " + title
        if rng.random() < 0.1 and lang != "zh":
            title = shout(rng, title)
        if op["disc_p"] and lang in DISCLAIMER and rng.random() < op["disc_p"]:
            sentences.append(DISCLAIMER[lang])
        shown_phone = phones[i] if "{phone}" in contact else None
        contact = contact.format_map(fill)
        in_body = rng.random() < 0.5
        lines = layout(rng, sentences)
        if in_body:
            lines = lines + [contact] if rng.random() < 0.8 else [contact] + lines
        photos = carried[i] + [new_photo(rng) for _ in range(rng.randint(0, 2))]
        rng.shuffle(photos)
        text = title + " " + " ".join(sentences)
        ads.append(dict(site=site_seq[i], lang=lang, kind=op["kind"], operation=op["id"], title=title,
                        lines=lines, contact=None if in_body else contact, photos=photos,
                        date=pick_date(rng, start, span), city=meta_city(rng, fill, text, lang),
                        _phone=shown_phone))
    return ads


def make_single_ads(rng):
    ads = []
    for lang, kind, title, text in SINGLES:
        fill = {"phone": "", "svc": "", "disc": ""}
        if "{phone}" in text:
            fill["phone"] = write_phone(rng, new_phone(rng, LANG_COUNTRY[lang]), lang, phone_style(rng, 0.08))
        if "{svc}" in text:
            fill["svc"] = SERVICE_NUMBERS[lang].format(code=rng.randrange(1000, 9999))
        if "{disc}" in text:
            fill["disc"] = DISCLAIMER[lang]
        body = text.format_map(fill).strip()
        sites = [s for s in SITES if lang in SITES[s]["langs"] and kind in SITES[s]["kinds"]]
        site = rng.choice(sites)
        # a number standing at the end becomes the site's contact field on some ads
        contact = None
        for key in ("phone", "svc"):
            if fill[key] and body.endswith(fill[key]) and rng.random() < 0.5:
                rest = body[: -len(fill[key])].rstrip()
                if rest and rest[-1] in ".!?)":
                    body, contact = rest, fill[key]
        lines = [body] if rng.random() < 0.6 else [x.strip() for x in body.replace("! ", "!\n").split("\n")]
        photos = [new_photo(rng) for _ in range(rng.choice([0, 0, 1, 1, 2, 3]))]
        ads.append(dict(site=site, lang=lang, kind=kind, operation=None, title=title, lines=lines,
                        contact=contact, photos=photos,
                        date=pick_date(rng, datetime(2026, 8, 1), 118),
                        city=meta_city(rng, {}, title + " " + body, lang)))
    return ads


def main():
    rng = random.Random(SEED)
    ads = []
    for op in OPS:
        ads += make_op_ads(rng, op)
    singles = make_single_ads(rng)
    ads += singles

    # split operations (not ads); single ads are split on their own with the same share
    op_ids = [op["id"] for op in OPS]
    order = op_ids[:]
    rng.shuffle(order)
    dev_ops = set(order[: round(DEV_SHARE * len(order))])
    single_idx = [i for i, a in enumerate(ads) if a["operation"] is None]
    dev_singles = set(rng.sample(single_idx, round(DEV_SHARE * len(single_idx))))
    for i, a in enumerate(ads):
        if a["operation"] is None:
            a["split"] = "dev" if i in dev_singles else "test"
        else:
            a["split"] = "dev" if a["operation"] in dev_ops else "test"

    # ad numbers rise with the posting date on each site, with random gaps
    for site in SITES:
        mine = sorted((a for a in ads if a["site"] == site), key=lambda a: (a["date"], a["title"]))
        no = rng.randrange(100000, 400000)
        for a in mine:
            no += rng.randrange(7, 900)
            a["adno"] = no
            a["category"] = CATEGORY[site][a["kind"]] if a["kind"] in CATEGORY[site] else next(iter(CATEGORY[site].values()))
            a["file"] = f"pages/{site}/{site}-{no}.html"

    if OUT_PAGES.exists():
        shutil.rmtree(OUT_PAGES)
    for a in ads:
        path = HERE / a["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(RENDER[a["site"]](a), encoding="utf-8")

    rows = sorted(({"file": a["file"], "site": a["site"], "operation": a["operation"], "split": a["split"]}
                   for a in ads), key=lambda r: r["file"])
    operations = []
    for op in OPS:
        mine = [a for a in ads if a["operation"] == op["id"]]
        operations.append({"id": op["id"], "split": mine[0]["split"], "kind": op["kind"], "n_ads": len(mine),
                           "languages": sorted({a["lang"] for a in mine}),
                           "sites": sorted({a["site"] for a in mine})})
    truth = {"seed": SEED, "ads": rows, "operations": operations,
             "n_single_ads": len(singles)}
    (HERE / "ground_truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    n_dev = sum(1 for r in rows if r["split"] == "dev")
    print(f"{len(rows)} ads ({len(rows) - len(singles)} in {len(OPS)} operations, {len(singles)} single), "
          f"dev {n_dev} / test {len(rows) - n_dev}; dev operations: {sorted(dev_ops)}")


if __name__ == "__main__":
    main()
