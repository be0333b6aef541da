"""Selectors: the phone numbers, accounts, addresses and wallets behind ads, normalised to link them.

A selector is a value that identifies a communication device or account: a phone number in E.164,
an e-mail address, a URL and its platform, a username/handle, a messenger link or ID, a crypto
wallet. The same selector on many items (and platforms) ties those items to one network.

Pure functions; no case needed. Each hit keeps its span in the original text, so an analyst can see
where it was found.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import phonenumbers

KINDS = ("phone", "email", "url", "handle", "wallet", "device", "iban", "payment", "vehicle")


@dataclass(frozen=True)
class SelectorHit:
    """One selector found in a text.

    Attributes:
        kind: phone, email, url, handle, wallet or device.
        value: normalised value (E.164 for phones, lower-case e-mail, canonical URL, @handle).
        start, end: span in the original text.
        raw: the text as written.
        platform: messenger/platform it belongs to (whatsapp, telegram, instagram, bitcoin...), if known.
        obscured: written to dodge scrapers (spelled digits, odd separators, "at"/"dot").
        source: which field of an item it came from (text, title, file_name, url, exif, ocr).
    """

    kind: str
    value: str
    start: int
    end: int
    raw: str
    platform: str | None = None
    obscured: bool = False
    source: str = "text"
    #: False for a phone number libphonenumber calls possible but not valid (kept, marked).
    verified: bool = True
    #: How the value was read, e.g. "assumed NL from page language" for a national number.
    note: str = ""

    def context(self, text: str, width: int = 40) -> str:
        s = max(0, self.start - width)
        e = min(len(text), self.end + width)
        return ("…" if s else "") + " ".join(text[s:e].split()) + ("…" if e < len(text) else "")


# -- platforms ---------------------------------------------------------------------------------
PLATFORMS: dict[str, str] = {
    "whatsapp.com": "whatsapp",
    "wa.me": "whatsapp",
    "whatsapp.net": "whatsapp",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.org": "telegram",
    "telegram.dog": "telegram",
    "signal.me": "signal",
    "signal.group": "signal",
    "signal.org": "signal",
    "viber.com": "viber",
    "vb.me": "viber",
    "wechat.com": "wechat",
    "weixin.qq.com": "wechat",
    "qq.com": "qq",
    "line.me": "line",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.me": "facebook",
    "m.me": "facebook",
    "tiktok.com": "tiktok",
    "x.com": "x",
    "twitter.com": "x",
    "snapchat.com": "snapchat",
    "onlyfans.com": "onlyfans",
    "vk.com": "vk",
    "ok.ru": "ok",
    "reddit.com": "reddit",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "linkedin.com": "linkedin",
    "skype.com": "skype",
    "kik.me": "kik",
    "discord.gg": "discord",
    "discord.com": "discord",
}
# URL path prefixes that are not account names.
_RESERVED_PATHS = frozenset(
    "p reel reels explore share sharer watch search hashtag stories home login signup about help "
    "privacy terms joinchat s addstickers proxy i intent status groups events pages marketplace "
    "photo photos video videos tag tags legal policies settings messages".split()
)
_TWO_LEVEL = frozenset("co com org net gov ac edu ne or gr".split())

_LABELS: dict[str, str] = {
    "whatsapp": "whatsapp",
    "whats app": "whatsapp",
    "wa": "whatsapp",
    "ватсап": "whatsapp",
    "вотсап": "whatsapp",
    "ватсапп": "whatsapp",
    "уотсап": "whatsapp",
    "telegram": "telegram",
    "tg": "telegram",
    "telega": "telegram",
    "телеграм": "telegram",
    "телега": "telegram",
    "телеграмм": "telegram",
    "电报": "telegram",
    "纸飞机": "telegram",
    "signal": "signal",
    "сигнал": "signal",
    "viber": "viber",
    "вайбер": "viber",
    "вайбър": "viber",
    "вібер": "viber",
    "wechat": "wechat",
    "weixin": "wechat",
    "微信": "wechat",
    "wx": "wechat",
    "vx": "wechat",
    "v信": "wechat",
    "薇信": "wechat",
    "威信": "wechat",
    "维信": "wechat",
    "徽信": "wechat",
    "qq": "qq",
    "line": "line",
    "skype": "skype",
    "snapchat": "snapchat",
    "snap": "snapchat",
    "kik": "kik",
    "instagram": "instagram",
    "insta": "instagram",
    "ig": "instagram",
    "инстаграм": "instagram",
    "инста": "instagram",
    "tiktok": "tiktok",
    "twitter": "x",
    "onlyfans": "onlyfans",
    "discord": "discord",
}
_PHONE_MESSENGERS = frozenset({"whatsapp", "viber", "signal", "telegram"})


def registrable_domain(host: str) -> str:
    """``www.escort.example.co.uk`` -> ``example.co.uk`` (a small rule, no public-suffix list)."""
    host = host.lower().strip(".")
    if host.startswith("www."):
        host = host[4:]
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in _TWO_LEVEL and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def platform_of(url_or_host: str | None) -> str | None:
    """Platform name for a URL or host: known messengers/social networks by name, else the domain."""
    if not url_or_host:
        return None
    host = url_or_host
    if "//" in url_or_host or "/" in url_or_host:
        try:
            host = urlsplit(url_or_host if "//" in url_or_host else "//" + url_or_host).hostname or ""
        except ValueError:
            return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if host in PLATFORMS:
        return PLATFORMS[host]
    reg = registrable_domain(host)
    return PLATFORMS.get(reg, reg)


# -- phones ------------------------------------------------------------------------------------
DIGIT_WORDS: dict[str, str] = {}
for _lang_words in (
    "zero one two three four five six seven eight nine",  # en
    "nul een twee drie vier vijf zes zeven acht negen",  # nl
    "zero un deux trois quatre cinq six sept huit neuf",  # fr
    "null eins zwei drei vier funf sechs sieben acht neun",  # de (accents folded)
    "cero uno dos tres cuatro cinco seis siete ocho nueve",  # es
    "zero uno due tre quattro cinque sei sette otto nove",  # it
    "zero unu doi trei patru cinci sase sapte opt noua",  # ro
    "ноль один два три четыре пять шесть семь восемь девять",  # ru
    "нуль один два три чотири п'ять шість сім вісім дев'ять",  # uk
    "нула едно две три четири пет шест седем осем девет",  # bg
):
    for _d, _w in enumerate(_lang_words.split()):
        DIGIT_WORDS.setdefault(_w, str(_d))
DIGIT_WORDS.update(
    {
        "oh": "0",  # only ever used inside a run of digits
        "une": "1",
        "ein": "1",
        "eine": "1",
        "zwo": "2",
        "una": "1",
        "одна": "1",
        "одну": "1",
        "две": "2",
        "дві": "2",
        "един": "1",
        "една": "1",
        "два": "2",
        "нуль": "0",
        "zéro": "0",
        "één": "1",
        "ноль": "0",
        "пять": "5",
        "п'ять": "5",
        "дев'ять": "9",
        "пьять": "5",
    }
)
_CJK_DIGITS = {
    "零": "0",
    "〇": "0",
    "一": "1",
    "幺": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}
_REPEAT = {"double": 2, "triple": 3, "dubbel": 2, "doppio": 2, "doppelt": 2}
_PLUS_WORDS = frozenset({"plus", "плюс", "más", "mas", "piu", "più"})
_CONFUSABLE = {"o": "0", "O": "0", "l": "1", "I": "1", "|": "1"}
_SEP = " \t\r\n\u00a0\u2009\u202f.-_/()*,|•·~:;[]{}\u2013\u2014\u2012\ufe0f\u20e3'\"«»"
_TOKEN = re.compile(r"(?P<digits>\d+)|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)|(?P<other>\S)", re.UNICODE)
_ODD_SEP = set('*_|•·~:;,[]{}"«»')


def _fold_word(word: str) -> str:
    word = word.replace("’", "'")
    out = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return out.casefold()


@dataclass(frozen=True)
class PhoneHit:
    value: str  # E.164
    start: int
    end: int
    raw: str
    obscured: bool
    region: str | None
    verified: bool = True


@dataclass
class _Tok:
    start: int
    end: int
    digits: str  # digits this token stands for ("" if none)
    kind: str  # digits, word, cjk, confusable, plus, repeat, other


def _tokens(text: str) -> Iterator[_Tok]:
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if m.group("digits"):
            yield _Tok(s, e, "".join(str(unicodedata.digit(c)) for c in m.group("digits")), "digits")
        elif m.group("word"):
            word = m.group("word")
            folded = _fold_word(word)
            if all(unicodedata.digit(c, None) is not None for c in word):
                # circled/parenthesised digits (①②) are letters to the regex, digits to us
                yield _Tok(s, e, "".join(str(unicodedata.digit(c)) for c in word), "circled")
            elif all(c in _CJK_DIGITS for c in word):
                yield _Tok(s, e, "".join(_CJK_DIGITS[c] for c in word), "cjk")
            elif any(c in _CJK_DIGITS for c in word) and re.match(r"^[\u4e00-\u9fff〇]+$", word):
                # Chinese text around Chinese digits: split character by character.
                for k, c in enumerate(word):
                    if c in _CJK_DIGITS:
                        yield _Tok(s + k, s + k + 1, _CJK_DIGITS[c], "cjk")
                    else:
                        yield _Tok(s + k, s + k + 1, "", "word")
            elif folded in DIGIT_WORDS:
                yield _Tok(s, e, DIGIT_WORDS[folded], "word")
            elif folded in _REPEAT:
                yield _Tok(s, e, "", "repeat:" + str(_REPEAT[folded]))
            elif folded in _PLUS_WORDS:
                yield _Tok(s, e, "", "plus")
            elif word in _CONFUSABLE:
                yield _Tok(s, e, _CONFUSABLE[word], "confusable")
            elif re.fullmatch(r"[oOlI]+", word) and len(word) <= 3:
                yield _Tok(s, e, "".join(_CONFUSABLE[c] for c in word), "confusable")
            else:
                yield _Tok(s, e, "", "word")
        else:
            ch = m.group("other")
            if ch == "+" or ch == "＋":
                yield _Tok(s, e, "", "plus")
            elif unicodedata.category(ch) == "No" and unicodedata.digit(ch, None) is not None:
                yield _Tok(s, e, str(unicodedata.digit(ch)), "circled")
            elif ch in _SEP or unicodedata.combining(ch):
                continue
            else:
                yield _Tok(s, e, "", "other")


def _runs(text: str) -> Iterator[list[_Tok]]:
    """Sequences of digit-like tokens separated only by short separator gaps."""
    run: list[_Tok] = []
    pending_repeat = 0
    for tok in _tokens(text):
        if run:
            gap = text[run[-1].end : tok.start]
            gap = "".join(c for c in gap if not unicodedata.combining(c))
            if len(gap) > 4 or any(c not in _SEP for c in gap):
                yield run
                run = []
        if tok.kind.startswith("repeat:"):
            pending_repeat = int(tok.kind.split(":")[1])
            run.append(_Tok(tok.start, tok.end, "", "repeat"))
            continue
        if tok.kind == "plus":
            if run and any(t.digits for t in run):
                yield run
            run = [tok]
            continue
        if tok.digits:
            if tok.kind == "confusable" and not (run and any(t.digits for t in run)):
                # "O" or "l" alone is a letter unless digits came just before ("O6" is handled below)
                nxt_digit = re.match(r"[\s.\-]{0,2}\d", text[tok.end : tok.end + 3])
                if not nxt_digit:
                    if run:
                        yield run
                    run = []
                    continue
            if pending_repeat and len(tok.digits) == 1:
                tok = _Tok(tok.start, tok.end, tok.digits * pending_repeat, tok.kind)
            pending_repeat = 0
            run.append(tok)
            continue
        if run:
            yield run
        run = []
        pending_repeat = 0
    if run:
        yield run


_SERVICE_TYPES = frozenset({phonenumbers.PhoneNumberType.UAN, phonenumbers.PhoneNumberType.VOICEMAIL})


def _subscriber(num: phonenumbers.PhoneNumber) -> bool:
    """A number that reaches one subscriber: not a municipal/service short number ("14020")."""
    return (
        len(phonenumbers.national_significant_number(num)) >= 7 and phonenumbers.number_type(num) not in _SERVICE_TYPES
    )


def _parse(candidate: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        num = phonenumbers.parse(candidate, None if candidate.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    return num if phonenumbers.is_valid_number(num) and _subscriber(num) else None


def _obscured(text: str, toks: list[_Tok]) -> bool:
    if any(t.kind in ("word", "cjk", "confusable", "circled", "repeat") for t in toks):
        return True
    for a, b in zip(toks, toks[1:], strict=False):
        if _ODD_SEP & set(text[a.end : b.start]):
            return True
    singles = sum(1 for t in toks if t.kind == "digits" and len(t.digits) == 1)
    return singles >= 5


def extract_phones(text: str, region: str | None = None) -> list[PhoneHit]:
    """Phone numbers in ``text`` as E.164, including obfuscated ones.

    Args:
        text: any text (ad, OCR output, file name).
        region: default region (ISO 3166 alpha-2, e.g. "NL") for numbers written without +CC.

    Returns:
        Valid numbers only (per ``phonenumbers``), each with its span; ``obscured`` is True when
        the number was spelled out, used letters/emoji for digits or odd separators.
    """
    if not text:
        return []
    region = (region or "").upper() or None
    hits: list[PhoneHit] = []
    taken: list[tuple[int, int]] = []
    try:
        matcher = phonenumbers.PhoneNumberMatcher(text, region or "ZZ", leniency=phonenumbers.Leniency.VALID)
        for m in matcher:
            taken.append((m.start, m.end))
            if not _subscriber(m.number):
                continue
            e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
            groups = re.findall(r"\d+", m.raw_string)
            odd = bool(_ODD_SEP & set(m.raw_string)) or sum(len(g) == 1 for g in groups) >= 5
            hits.append(PhoneHit(e164, m.start, m.end, m.raw_string, odd, region))
    except Exception:  # noqa: BLE001 - phonenumbers may choke on odd input; the run scan still works
        pass
    hits.extend(_unverified(text, region, taken))
    for run in _runs(text):
        toks = [t for t in run if t.digits]
        plus = bool(run) and run[0].kind == "plus"
        n = len(toks)
        i = 0
        while i < n:
            found = False
            first = run[0] if (plus and i == 0) else toks[i]
            for international in (False, True):
                for j in range(n, i, -1):
                    digits = "".join(t.digits for t in toks[i:j])
                    if not 7 <= len(digits) <= 15:
                        continue
                    if plus and i == 0:
                        cand = "+" + digits if not international else None
                    elif digits.startswith("00"):
                        cand = "+" + digits[2:] if not international else None
                    elif not international:
                        cand = digits if region else None
                    else:
                        # no trunk prefix and no region: perhaps a country code without its "+"
                        cand = "+" + digits if (region is None or len(digits) >= 11) and digits[0] != "0" else None
                    num = _parse(cand, region) if cand else None
                    if num is None:
                        continue
                    start, end = first.start, toks[j - 1].end
                    if not any(s < end and start < e for s, e in taken):
                        e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                        hits.append(PhoneHit(e164, start, end, text[start:end], _obscured(text, toks[i:j]), region))
                        taken.append((start, end))
                    found = True  # (or the plain matcher already has it)
                    i = j
                    break
                if found:
                    break
            if not found:
                i += 1
    hits.sort(key=lambda h: h.start)
    return hits


def _unverified(text: str, region: str | None, taken: list[tuple[int, int]]) -> list[PhoneHit]:
    """Numbers libphonenumber calls possible but not valid ("+31 6 9876 5432": no such range yet,
    or a typo): kept as unverified selectors rather than dropped silently. Only plainly written
    international numbers (with + or 00), so that prices and dates are not read as phones."""
    out: list[PhoneHit] = []
    try:
        matcher = phonenumbers.PhoneNumberMatcher(text, region or "ZZ", leniency=phonenumbers.Leniency.POSSIBLE)
        for m in matcher:
            if any(s < m.end and m.start < e for s, e in taken):
                continue
            raw = m.raw_string.strip()
            if not raw.startswith(("+", "00")) or phonenumbers.is_valid_number(m.number):
                continue
            if ":" in raw or raw.startswith("000") or raw.startswith("+0"):
                continue  # a time code (00:00:02.900) or zeros, not a dialled number
            nsn = phonenumbers.national_significant_number(m.number)
            if len(nsn) < 8 or (nsn.startswith("0") and not m.number.italian_leading_zero):
                continue
            e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
            out.append(PhoneHit(e164, m.start, m.end, m.raw_string, False, region, verified=False))
            taken.append((m.start, m.end))
    except Exception:  # noqa: BLE001 - as above
        pass
    return out


# -- e-mail ------------------------------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![\w-])"
)
_AT_WORDS = r"at|ät|arroba|chiocciola|собака|собачка|apenstaartje|aapje|klammeraffe"
_DOT_WORDS = r"dot|punt|point|punkt|punto|точка|крапка|тчк"
_AT = rf"(?:\s*[\[\(\{{<]\s*(?:{_AT_WORDS}|@)\s*[\]\)\}}>]\s*|\s+(?:{_AT_WORDS})\s+|\s+@\s+)"
_DOT = rf"(?:\s*[\[\(\{{<]\s*(?:{_DOT_WORDS}|\.)\s*[\]\)\}}>]\s*|\s+(?:{_DOT_WORDS})\s+|\s*\.\s*)"
_TLDS = (
    r"com|net|org|info|biz|eu|nl|be|de|fr|uk|co\.uk|ru|ua|ro|bg|es|it|pl|cz|at|ch|md|by|cn|io|me|xyz|top|"
    r"online|site|mail|example|test"
)
_EMAIL_OBF = re.compile(
    rf"(?<![\w.+-])(?P<user>[A-Za-z0-9._%+-]{{2,64}}){_AT}(?P<domain>[A-Za-z0-9-]{{2,63}}(?:{_DOT}[A-Za-z0-9-]{{2,63}})*?){_DOT}(?P<tld>{_TLDS})(?![\w-])",
    re.IGNORECASE,
)


def extract_emails(text: str) -> list[SelectorHit]:
    out: list[SelectorHit] = []
    taken: list[tuple[int, int]] = []
    for m in _EMAIL.finditer(text):
        out.append(SelectorHit("email", m.group(0).lower(), m.start(), m.end(), m.group(0)))
        taken.append(m.span())
    for m in _EMAIL_OBF.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        domain = re.sub(_DOT, ".", m.group("domain"), flags=re.IGNORECASE)
        value = f"{m.group('user')}@{domain}.{m.group('tld')}".lower()
        out.append(SelectorHit("email", value, m.start(), m.end(), m.group(0), obscured=True))
    return out


# -- URLs, handles, messenger links ----------------------------------------------------------
_URL = re.compile(r"(?:(?:https?|tg|viber|whatsapp|weixin|signal)://|www\.)[^\s<>\"'`{}|\\^\[\]]+", re.IGNORECASE)
_BARE_TLDS = (
    "com|net|org|info|biz|eu|nl|be|de|fr|uk|ru|ua|ro|bg|es|it|pl|cz|at|ch|md|by|cn|io|me|xyz|top|online|site|"
    "club|live|pro|co|tv|ly|gg|am|sex|xxx|escort|dating|work|jobs|example"
)
_BARE = re.compile(
    rf"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{_BARE_TLDS})(?:/[^\s<>\"'`{{}}|\\^\[\]]*)?(?![\w-])",
    re.IGNORECASE,
)
_HANDLE_AT = re.compile(r"(?<![\w@./:])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{1,30}[A-Za-z0-9_])?)(?![\w@]|\.[A-Za-z])")
_LABEL_RX = re.compile(
    r"(?P<label>" + "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True)) + r")"
    r"(?:\s*(?:id|ID|号|ник|nick|name|username))?\s*[:：=]\s*(?P<value>@?[A-Za-z0-9][A-Za-z0-9_.\-]{2,31})",
    re.IGNORECASE,
)
_TRAIL = ".,;:!?)]}'\"»"


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no ``www.``, no fragment or tracking parameters, no trailing slash."""
    raw = url.strip()
    if raw.lower().startswith("www."):
        raw = "http://" + raw
    elif "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urlsplit(raw)
    except ValueError:
        return url
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    query = "&".join(
        q for q in parts.query.split("&") if q and not q.lower().startswith(("utm_", "fbclid", "gclid", "ref="))
    )
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"  # the same resource for linking purposes
    path = parts.path.rstrip("/")
    return f"{scheme}://{host}{path}" + (f"?{query}" if query else "")


def _from_link(url: str, start: int, end: int, raw: str, region: str | None) -> list[SelectorHit]:
    """Phones and handles hidden in messenger/social links (wa.me/316…, t.me/name, instagram.com/name)."""
    out: list[SelectorHit] = []
    try:
        parts = urlsplit(url if "://" in url else "https://" + url)
    except ValueError:
        return out
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path)
    query = parse_qs(parts.query)
    platform = PLATFORMS.get(host) or PLATFORMS.get(registrable_domain(host)) if host else None
    if scheme in ("viber", "whatsapp", "tg", "signal", "weixin"):
        platform = {"tg": "telegram", "weixin": "wechat"}.get(scheme, scheme)

    def phone(digits: str) -> None:
        d = re.sub(r"\D", "", digits)
        if 7 <= len(d) <= 15:
            num = _parse("+" + d, None) or _parse(d, region)
            if num is not None:
                e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                out.append(SelectorHit("phone", e164, start, end, raw, platform))

    def handle(name: str) -> None:
        name = name.strip("@/ ").split("/")[0]
        if re.fullmatch(r"[A-Za-z0-9_.\-]{2,40}", name) and name.lower() not in _RESERVED_PATHS:
            out.append(SelectorHit("handle", "@" + name.lower(), start, end, raw, platform))

    segs = [s for s in path.split("/") if s]
    if platform == "whatsapp":
        if host == "wa.me" and segs:
            phone(segs[0])
        for key in ("phone",):
            if key in query:
                phone(query[key][0])
    elif platform == "telegram":
        if scheme == "tg" and "domain" in query:
            handle(query["domain"][0])
        elif segs:
            if segs[0].startswith("+") and re.fullmatch(r"\+\d{7,15}", segs[0]):
                phone(segs[0])
            elif segs[0] not in ("joinchat", "s", "c", "addstickers", "proxy") and not segs[0].startswith("+"):
                handle(segs[0])
    elif platform == "signal":
        frag = unquote(parts.fragment)
        if frag.startswith("p/"):
            phone(frag[2:])
    elif platform == "viber":
        if "number" in query:
            phone(query["number"][0])
    elif platform == "line" and len(segs) >= 3 and segs[0] == "ti" and segs[1] == "p":
        handle(segs[2].lstrip("~"))
    elif platform in ("instagram", "tiktok", "x", "onlyfans", "vk", "facebook", "snapchat", "kik") and segs:
        if platform == "snapchat" and segs[0] == "add" and len(segs) > 1:
            handle(segs[1])
        elif platform == "tiktok":
            if segs[0].startswith("@"):
                handle(segs[0])
        elif platform == "facebook" and segs[0] == "profile.php":
            if "id" in query:
                out.append(SelectorHit("handle", "fb:" + query["id"][0], start, end, raw, platform))
        else:
            handle(segs[0])
    return out


def extract_urls(text: str, region: str | None = None) -> list[SelectorHit]:
    out: list[SelectorHit] = []
    taken: list[tuple[int, int]] = []
    for rx in (_URL, _BARE):
        for m in rx.finditer(text):
            raw = m.group(0).rstrip(_TRAIL)
            start, end = m.start(), m.start() + len(raw)
            if any(s < end and start < e for s, e in taken):
                continue
            if rx is _BARE and re.fullmatch(r"[\d.]+", raw):
                continue
            taken.append((start, end))
            value = raw if "://" in raw and not raw.lower().startswith(("http", "https")) else canonical_url(raw)
            out.append(
                SelectorHit(
                    "url",
                    value,
                    start,
                    end,
                    raw,
                    platform_of(value)
                    if "://" in value and value.startswith("http")
                    else {"tg": "telegram", "weixin": "wechat"}.get(
                        raw.split(":")[0].lower(), raw.split(":")[0].lower()
                    ),
                )
            )
            out.extend(_from_link(raw, start, end, raw, region))
    return out


def _platform_near(text: str, start: int, end: int | None = None, window: int = 30) -> str | None:
    """The messenger named just before a value ("WhatsApp: 06…"), else just after ("06… (Viber)")."""
    # Only the same clause counts: "WhatsApp: 06…, of bel 06… (Viber)" has two different apps.
    before = re.split(r"[,;\n|•.!?]", text[max(0, start - window) : start].lower())[-1]
    after = re.split(r"[,;\n|•.!?]", text[end : end + 15].lower())[0] if end is not None else ""
    for chunk, pick_last in ((before, True), (after, False)):
        best: tuple[int, str] | None = None
        for label, platform in _LABELS.items():
            for m in re.finditer(rf"(?<![a-z]){re.escape(label)}(?![a-z])", chunk):
                pos = m.start()
                if best is None or (pos > best[0] if pick_last else pos < best[0]):
                    best = (pos, platform)
        if best:
            return best[1]
    return None


def _plausible_handle(name: str) -> bool:
    """An account name, not a fragment of code or data ("@4 @n @x.y.o" in an XPM icon)."""
    if len(name) < 3 or not any(c.isalpha() for c in name):
        return False
    return any(len(part) >= 3 for part in name.split("."))


def extract_handles(text: str) -> list[SelectorHit]:
    out: list[SelectorHit] = []
    taken: list[tuple[int, int]] = []
    for m in _LABEL_RX.finditer(text):
        platform = _LABELS[m.group("label").lower()]
        value = m.group("value")
        if platform in _PHONE_MESSENGERS and sum(c.isdigit() for c in value) >= 7:
            continue  # a phone number after "WhatsApp:" is found by the phone extractor
        value = value.lstrip("@").rstrip(".-")
        if value.isdigit() and platform not in ("qq",):
            continue
        if text[m.end("value") : m.end("value") + 1] == "/" or registrable_domain(value.lower()) in PLATFORMS:
            continue  # "Telegram: t.me/name" is a link: the URL extractor reads the account
        if not _plausible_handle(value):
            continue
        out.append(SelectorHit("handle", "@" + value.lower(), m.start(), m.end(), m.group(0), platform))
        taken.append((m.start("value"), m.end("value")))
    for m in _HANDLE_AT.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if not _plausible_handle(m.group(1)):
            continue
        out.append(
            SelectorHit(
                "handle", "@" + m.group(1).lower(), m.start(), m.end(), m.group(0), _platform_near(text, m.start())
            )
        )
    return out


# -- crypto wallets ----------------------------------------------------------------------------
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BTC_LEGACY = re.compile(r"(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])")
_BTC_BECH32 = re.compile(r"(?<![A-Za-z0-9])(?:bc1|BC1)[ac-hj-np-z02-9AC-HJ-NP-Z]{11,71}(?![A-Za-z0-9])")
_ETH = re.compile(r"(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])")
_TRON = re.compile(r"(?<![A-Za-z0-9])T[1-9A-HJ-NP-Za-km-z]{33}(?![A-Za-z0-9])")


def base58check(s: str) -> bytes | None:
    """Decode Base58Check; None when a character or the 4-byte checksum is wrong."""
    n = 0
    for c in s:
        i = _B58.find(c)
        if i < 0:
            return None
        n = n * 58 + i
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\x00" * (len(s) - len(s.lstrip("1"))) + raw
    if len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != check:
        return None
    return payload


_BECH32_CHARS = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values: Iterable[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (b >> i) & 1 else 0
    return chk


def bech32_valid(addr: str) -> bool:
    """BIP-173/BIP-350 checksum of a Bitcoin segwit address (bech32 for v0, bech32m for v1+)."""
    if addr.lower() != addr and addr.upper() != addr:
        return False
    addr = addr.lower()
    hrp, _, data = addr.rpartition("1")
    if hrp != "bc" or len(data) < 7 or any(c not in _BECH32_CHARS for c in data):
        return False
    values = [_BECH32_CHARS.index(c) for c in data]
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    const = _bech32_polymod(expanded + values)
    version = values[0]
    return (version == 0 and const == 1) or (version > 0 and const == 0x2BC830A3)


# Keccak-256 (Ethereum's hash, not NIST SHA3-256): small pure-Python version, used only to check
# the EIP-55 capitalisation of the rare mixed-case addresses found in ads.
_RC = [
    0x0000000000000001,
    0x0000000000008082,
    0x800000000000808A,
    0x8000000080008000,
    0x000000000000808B,
    0x0000000080000001,
    0x8000000080008081,
    0x8000000000008009,
    0x000000000000008A,
    0x0000000000000088,
    0x0000000080008009,
    0x000000008000000A,
    0x000000008000808B,
    0x800000000000008B,
    0x8000000000008089,
    0x8000000000008003,
    0x8000000000008002,
    0x8000000000000080,
    0x000000000000800A,
    0x800000008000000A,
    0x8000000080008081,
    0x8000000000008080,
    0x0000000080000001,
    0x8000000080008008,
]
_ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
_M64 = (1 << 64) - 1


def _rol(x: int, n: int) -> int:
    return ((x << n) | (x >> (64 - n))) & _M64 if n else x


def keccak256(data: bytes) -> bytes:
    rate = 136
    msg = bytearray(data) + b"\x01"
    msg += b"\x00" * (-len(msg) % rate)
    msg[-1] |= 0x80
    a = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        for i in range(rate // 8):
            a[i % 5][i // 5] ^= int.from_bytes(msg[off + 8 * i : off + 8 * i + 8], "little")
        for rc in _RC:
            c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
            d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
            a = [[a[x][y] ^ d[x] for y in range(5)] for x in range(5)]
            b = [[0] * 5 for _ in range(5)]
            for x in range(5):
                for y in range(5):
                    b[y][(2 * x + 3 * y) % 5] = _rol(a[x][y], _ROT[x][y])
            a = [[b[x][y] ^ ((~b[(x + 1) % 5][y]) & b[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
            a[0][0] ^= rc
    out = b"".join(a[i % 5][i // 5].to_bytes(8, "little") for i in range(4))
    return out


def eth_checksum_ok(addr: str) -> bool:
    """EIP-55: all-lower or all-upper hex is accepted; mixed case must match the checksum."""
    hexpart = addr[2:]
    if hexpart.lower() == hexpart or hexpart.upper() == hexpart:
        return True
    digest = keccak256(hexpart.lower().encode()).hex()
    return all((c.upper() if int(digest[i], 16) >= 8 else c.lower()) == c for i, c in enumerate(hexpart))


def extract_wallets(text: str) -> list[SelectorHit]:
    out: list[SelectorHit] = []
    for m in _BTC_LEGACY.finditer(text):
        payload = base58check(m.group(0))
        if payload is not None and len(payload) == 21 and payload[0] in (0x00, 0x05):
            out.append(SelectorHit("wallet", m.group(0), m.start(), m.end(), m.group(0), "bitcoin"))
    for m in _BTC_BECH32.finditer(text):
        if bech32_valid(m.group(0)):
            out.append(SelectorHit("wallet", m.group(0).lower(), m.start(), m.end(), m.group(0), "bitcoin"))
    for m in _ETH.finditer(text):
        if eth_checksum_ok(m.group(0)):
            out.append(SelectorHit("wallet", m.group(0).lower(), m.start(), m.end(), m.group(0), "ethereum"))
    for m in _TRON.finditer(text):
        payload = base58check(m.group(0))
        if payload is not None and len(payload) == 21 and payload[0] == 0x41:
            out.append(SelectorHit("wallet", m.group(0), m.start(), m.end(), m.group(0), "tron"))
    return out


# -- bank accounts, payment handles, vehicles --------------------------------------------------
#: IBAN length per country (ISO 13616 registry, the European and neighbouring countries).
IBAN_LENGTHS = {
    "AD": 24, "AL": 28, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "BY": 28, "CH": 21, "CY": 28, "CZ": 24,
    "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25,
    "RO": 24, "RS": 22, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "UA": 29, "VA": 22, "XK": 20,
    "AE": 23, "IL": 23, "SA": 24, "QA": 29, "KZ": 20, "AZ": 28, "BR": 29,
}  # fmt: skip
_IBAN = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])")


def iban_valid(iban: str) -> bool:
    """ISO 13616 check: the country's length and the mod-97 check digits."""
    iban = re.sub(r"[ -]", "", iban).upper()
    if IBAN_LENGTHS.get(iban[:2]) != len(iban):
        return False
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def extract_ibans(text: str) -> list[SelectorHit]:
    out: list[SelectorHit] = []
    for m in _IBAN.finditer(text):
        raw = m.group(1)
        compact = re.sub(r"[ -]", "", raw)
        # the pattern may swallow a following word's letters: try the longest valid prefix
        for n in range(len(compact), 14, -1):
            if iban_valid(compact[:n]):
                out.append(SelectorHit("iban", compact[:n], m.start(), m.end(), raw, "bank"))
                break
    return out


_PAYMENT_LINK = re.compile(
    r"(?<![\w.])(?:https?://)?(?:www\.)?(?P<host>revolut\.me|paypal\.me|paypal\.com/paypalme|cash\.app|monzo\.me|"
    r"buymeacoffee\.com|ko-fi\.com)/(?P<name>\$?[A-Za-z0-9_.\-]{2,40})",
    re.IGNORECASE,
)
_PAYMENT_LABEL = re.compile(
    r"(?P<label>revolut|paypal|cash ?app|cashapp|venmo|zelle|monzo|wise|skrill|tikkie|blik)"
    r"\s*(?:tag|id|me|handle|username|@)?\s*[:：=]?\s*(?P<name>[@$][A-Za-z0-9_.\-]{2,40})",
    re.IGNORECASE,
)
_PAYMENT_PLATFORM = {
    "revolut.me": "revolut", "paypal.me": "paypal", "paypal.com/paypalme": "paypal", "cash.app": "cashapp",
    "monzo.me": "monzo", "buymeacoffee.com": "buymeacoffee", "ko-fi.com": "ko-fi",
}  # fmt: skip


def extract_payments(text: str) -> list[SelectorHit]:
    """Payment handles: revolut.me/name, paypal.me/name, cash.app/$name, "CashApp: $name"."""
    out: list[SelectorHit] = []
    for m in _PAYMENT_LINK.finditer(text):
        platform = _PAYMENT_PLATFORM[m.group("host").lower()]
        name = m.group("name").lstrip("$@").rstrip(".-").lower()
        out.append(SelectorHit("payment", f"{platform}:{name}", m.start(), m.end(), m.group(0), platform))
    for m in _PAYMENT_LABEL.finditer(text):
        platform = m.group("label").lower().replace(" ", "")
        name = m.group("name").lstrip("$@").rstrip(".-").lower()
        out.append(SelectorHit("payment", f"{platform}:{name}", m.start(), m.end(), m.group(0), platform))
    return out


_VEHICLE = re.compile(
    r"(?P<label>kenteken|nummerplaat|license plate|licence plate|number plate|reg(?:istration)?\.? (?:no|number)|"
    r"kennzeichen|immatriculation|plaque|matr[ií]cula|targa|num[aă]r de [iî]nmatriculare|nr\.? rejestracyjny|"
    r"tablica|номер авто\w*|госномер|рег\.? номер|номерн\w+ знак\w*|车牌(?:号)?)"
    r"\s*[:：=]?\s*(?P<value>[A-ZА-Я0-9\u4e00-\u9fff](?:[A-ZА-Я0-9\- ]{2,10}[A-ZА-Я0-9]))",
    re.IGNORECASE,
)


def extract_vehicles(text: str) -> list[SelectorHit]:
    """Vehicle registration plates where the text says it is one ("kenteken: 12-ABC-3")."""
    out: list[SelectorHit] = []
    for m in _VEHICLE.finditer(text):
        value = re.sub(r"[\s\-]", "", m.group("value")).upper()
        if not (any(c.isdigit() for c in value) and any(c.isalpha() for c in value)) or len(value) < 4:
            continue
        out.append(SelectorHit("vehicle", value, m.start("value"), m.end("value"), m.group("value"), "plate"))
    return out


# -- region of national phone numbers ------------------------------------------------------------
_TLD_REGION = {
    "nl": "NL", "be": "BE", "de": "DE", "fr": "FR", "uk": "GB", "ro": "RO", "bg": "BG", "pl": "PL", "ua": "UA",
    "ru": "RU", "es": "ES", "it": "IT", "hu": "HU", "lt": "LT", "lv": "LV", "ee": "EE", "cn": "CN", "at": "AT",
    "ch": "CH", "cz": "CZ", "md": "MD", "pt": "PT", "gr": "GR", "ie": "IE", "se": "SE", "dk": "DK", "no": "NO",
    "fi": "FI", "sk": "SK", "si": "SI", "hr": "HR", "rs": "RS", "tr": "TR",
}  # fmt: skip
_LANGUAGE_REGION = {
    "nl": "NL", "de": "DE", "fr": "FR", "ro": "RO", "bg": "BG", "pl": "PL", "uk": "UA", "ru": "RU", "es": "ES",
    "it": "IT", "hu": "HU", "lt": "LT", "lv": "LV", "et": "EE", "zh": "CN", "en": "GB",
}  # fmt: skip
_CURRENCY_REGION = (
    (re.compile(r"£|\bgbp\b"), "GB"),
    (re.compile(r"\bz[lł]\b|\bpln\b|złotych|zlotych"), "PL"),
    (re.compile(r"\blei\b|\bron\b"), "RO"),
    (re.compile(r"\bлв\b|\bлева\b|\bbgn\b"), "BG"),
    (re.compile(r"\bгрн\b|₴|\buah\b"), "UA"),
    (re.compile(r"\bруб|₽|\brub\b"), "RU"),
    (re.compile(r"\bft\b|\bhuf\b|forint"), "HU"),
    (re.compile(r"元|人民币|\brmb\b|\bcny\b"), "CN"),
    (re.compile(r"\bchf\b"), "CH"),
)


_ZONE_REGION = {
    "Europe/Amsterdam": "NL", "Europe/Brussels": "BE", "Europe/Berlin": "DE", "Europe/Paris": "FR",
    "Europe/London": "GB", "Europe/Bucharest": "RO", "Europe/Sofia": "BG", "Europe/Warsaw": "PL",
    "Europe/Kyiv": "UA", "Europe/Kiev": "UA", "Europe/Moscow": "RU", "Europe/Madrid": "ES", "Europe/Rome": "IT",
    "Europe/Budapest": "HU", "Europe/Vilnius": "LT", "Europe/Riga": "LV", "Europe/Tallinn": "EE",
    "Europe/Vienna": "AT", "Europe/Prague": "CZ", "Europe/Lisbon": "PT", "Europe/Athens": "GR",
    "Europe/Dublin": "IE", "Europe/Stockholm": "SE", "Europe/Copenhagen": "DK", "Europe/Oslo": "NO",
    "Europe/Helsinki": "FI", "Europe/Zurich": "CH", "Europe/Luxembourg": "LU", "Europe/Chisinau": "MD",
    "Asia/Shanghai": "CN",
}  # fmt: skip


@dataclass(frozen=True)
class RegionGuess:
    """The region national phone numbers are read in, and why (shown on each such selector)."""

    region: str | None
    reason: str

    def note(self) -> str:
        return self.reason if self.region else ""


def infer_region(
    text: str,
    *,
    case_region: str | None = None,
    page_url: str | None = None,
    language: str | None = None,
    case_timezone: str | None = None,
) -> RegionGuess:
    """Region for numbers written without a country code: the case's, else assumed from the
    page's top-level domain, its currency, the case's time zone or the page's language, in that
    order; None if nothing says.

    Never silent: the reason ("assumed NL from page language") is recorded on every selector read
    with an assumed region.
    """
    if case_region:
        return RegionGuess(case_region.upper(), f"region {case_region.upper()} from the case settings")
    if page_url:
        host = (urlsplit(page_url if "://" in page_url else "http://" + page_url).hostname or "").lower()
        tld = host.rsplit(".", 1)[-1] if "." in host else ""
        if tld in _TLD_REGION:
            return RegionGuess(_TLD_REGION[tld], f"assumed {_TLD_REGION[tld]} from the page's domain .{tld}")
    low = text[:20000].lower()
    for rx, region in _CURRENCY_REGION:
        if rx.search(low):
            return RegionGuess(region, f"assumed {region} from the currency on the page")
    zone_region = _ZONE_REGION.get(case_timezone or "")
    if zone_region:
        # The agency's own country: ads it collects mostly give local numbers, whatever the
        # language (a Ukrainian-language ad in the Netherlands gives a Dutch mobile).
        return RegionGuess(zone_region, f"assumed {zone_region} from the case's time zone ({case_timezone})")
    if language in _LANGUAGE_REGION:
        region = _LANGUAGE_REGION[language]
        return RegionGuess(region, f"assumed {region} from page language ({language})")
    return RegionGuess(None, "no region: numbers without a country code are not read")


# -- everything at once ------------------------------------------------------------------------
def extract(text: str, region: str | None = None, *, source: str = "text") -> list[SelectorHit]:
    """All selectors in one text, de-duplicated by (kind, value, span)."""
    if not text:
        return []
    hits: list[SelectorHit] = []
    urls = extract_urls(text, region)
    url_spans = [(h.start, h.end) for h in urls if h.kind == "url"]
    hits.extend(urls)
    for p in extract_phones(text, region):
        if any(s <= p.start and p.end <= e for s, e in url_spans):
            continue  # digits inside a URL were handled by the link parser
        hits.append(
            SelectorHit(
                "phone",
                p.value,
                p.start,
                p.end,
                p.raw,
                _platform_near(text, p.start, p.end),
                p.obscured,
                verified=p.verified,
                note="" if p.verified else "possible but not a valid number (libphonenumber): unverified",
            )
        )
    emails = extract_emails(text)
    hits.extend(emails)
    email_spans = [(h.start, h.end) for h in emails]
    hits = [h for h in hits if not (h.kind == "url" and any(s <= h.start and h.end <= e for s, e in email_spans))]
    for h in extract_handles(text):
        if any(s <= h.start < e for s, e in email_spans + url_spans):
            continue
        hits.append(h)
    hits.extend(extract_wallets(text))
    hits.extend(extract_ibans(text))
    hits.extend(extract_payments(text))
    hits.extend(extract_vehicles(text))
    seen: set[tuple[str, str, int]] = set()
    out: list[SelectorHit] = []
    for h in sorted(hits, key=lambda h: (h.start, h.kind)):
        key = (h.kind, h.value, h.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(replace(h, source=source))
    return out


_EXIF_TEXT_FIELDS = (
    "Artist",
    "Copyright",
    "ImageDescription",
    "UserComment",
    "XPComment",
    "XPAuthor",
    "XPSubject",
    "XPTitle",
    "XPKeywords",
    "Make",
    "Model",
    "Software",
    "OwnerName",
    "CameraOwnerName",
    "HostComputer",
)


_SAVED_FROM = re.compile(r"<!-- saved from url=\(\d+\)(\S+?) -->", re.IGNORECASE)
_CANONICAL = re.compile(
    r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)|<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)",
    re.IGNORECASE,
)


def page_url_of(item: dict[str, Any]) -> str | None:
    """Where a page was published: its capture URL, else the URL the saved HTML names for itself.

    Browsers write ``<!-- saved from url=... -->`` into saved pages, and most ad sites declare a
    canonical URL; both say which platform a page came from when the importer had no URL.
    """
    for key in ("final_url", "source_url"):
        if item.get(key):
            return str(item[key])
    text = item.get("text") or ""
    head = text[:8000]
    m = _SAVED_FROM.search(head)
    if m:
        return m.group(1)
    m = _CANONICAL.search(head)
    if m:
        return m.group(1) or m.group(2)
    return None


def item_texts(item: dict[str, Any], ocr_text: str | None = None) -> list[tuple[str, str]]:
    """The (source, text) pairs of an item that are scanned for selectors and indicators."""
    out: list[tuple[str, str]] = []
    if item.get("text"):
        out.append(("text", item["text"]))
    if item.get("title"):
        out.append(("title", item["title"]))
    if item.get("original_name") and item.get("kind") != "frame":
        # "_" and "." separate words in file names: "anna_0612345678.jpg". A video keyframe's name
        # is ours (its timecode), not the poster's: its digits are no phone number.
        out.append(("file_name", item["original_name"]))
    for key in ("source_url", "final_url"):
        if item.get(key):
            out.append(("url", item[key]))
    meta = item.get("metadata") or {}
    exif = meta.get("exif") if isinstance(meta, dict) else None
    if isinstance(exif, dict):
        parts = [f"{k}: {exif[k]}" for k in _EXIF_TEXT_FIELDS if isinstance(exif.get(k), str) and exif[k].strip()]
        if parts:
            out.append(("exif", "\n".join(parts)))
    if ocr_text:
        out.append(("ocr", ocr_text))
    return out


def device_of(item: dict[str, Any]) -> SelectorHit | None:
    """A camera serial number from EXIF: links photos taken with one device."""
    meta = item.get("metadata") or {}
    exif = meta.get("exif") if isinstance(meta, dict) else None
    if not isinstance(exif, dict):
        return None
    serial = exif.get("BodySerialNumber") or exif.get("SerialNumber") or exif.get("CameraSerialNumber")
    if not isinstance(serial, (str, int)) or not str(serial).strip():
        return None
    make = str(exif.get("Make") or "").strip()
    model = str(exif.get("Model") or "").strip()
    value = " ".join(p for p in (make, model, f"#{str(serial).strip()}") if p).lower()
    return SelectorHit("device", value, 0, 0, str(serial), "camera", source="exif")


def extract_from_item(
    item: dict[str, Any], region: str | None = None, ocr_text: str | None = None
) -> list[tuple[SelectorHit, str]]:
    """All selectors of an item, each with the text it was found in (for context snippets)."""
    out: list[tuple[SelectorHit, str]] = []
    for source, text in item_texts(item, ocr_text):
        if source == "url":
            for h in extract_urls(text, region):
                if h.kind != "url":  # the page's own URL is provenance, not a selector
                    out.append((replace(h, source=source), text))
            continue
        scan = text.replace("_", " ") if source == "file_name" else text
        for h in extract(scan, region, source=source):
            out.append((h, text))
    device = device_of(item)
    if device is not None:
        out.append((device, ""))
    return out
