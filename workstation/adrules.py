"""Language-independent indicator rules: pay and prices as amounts, and contact by messenger only.

Words differ per language, amounts and contact details much less: "€6000 per maand", "5000 лв на
месец" and "月入3万" are one pattern of a currency, a number and a period. Each rule returns the
span it read (in the normalised text) and a readable detail; the scanner turns it into a
suggestion explained as ``{"method": "rule", "rule": ...}``.
"""

from __future__ import annotations

import re

from workstation.textnorm import Normalised

_CUR = (
    r"(?:€|£|\$|eur|euro|euros|evro|gbp|usd|chf|pln|zl|zloty|lei|ron|лв|лева|лева|евро|євро|грн|гривен\w*|руб\w*|₽|₴|"
    r"元|块|rmb|dollars?|pounds?)"
)
_NUM = (
    r"(?P<num{n}>\d{{1,3}}(?:[ .,'’]\d{{3}})+|\d+(?:[.,]\d+)?)(?P<wan{n}> ?[万千k])?"
    r"(?:\s?[-–]\s?\d[\d .,'’]*[万千k]?)?\+?"
)
_PERIODS = {
    "day": r"day|daily|a day|dag|per dag|jour|par jour|tag|taglich|dia|al dia|zi|pe zi|dzien|dziennie|"
    r"день|в день|сутки|ден|на ден|天|日",
    "week": r"week|weekly|semaine|woche|wochentlich|semana|saptamana|tydzien|tygodniowo|неделю|неделя|"
    r"в неделю|тиждень|на тиждень|седмица|на седмица|周|星期",
    "month": r"month|monthly|maand|per maand|mois|par mois|monat|monatlich|mes|al mes|luna|pe luna|lunar|"
    r"miesiac|miesiecznie|месяц|в месяц|мес|місяць|на місяць|месец|на месец|月",
}
_LINK = r"(?:\s?(?:/|per|a|an|each|in|pro|par|la|pe|al|por|za|w|в|на|за|по|每|一)?\s?)"
_MIN = {"day": 200, "week": 800, "month": 4000}
_PAY = {
    period: re.compile(
        rf"(?:{_CUR}\s?{_NUM.format(n=1)}|{_NUM.format(n=2)}\s?{_CUR})(?:\s?(?:\+|net|netto|neto|cash|plus)\s?\w*)?{_LINK}(?:{words})(?![a-z])"
    )
    for period, words in _PERIODS.items()
}
# Chinese: 日赚1000, 月入3万, 月薪2万
_PAY_ZH = re.compile(r"(?P<p>[日月周])(?:入|赚|薪|收入|工资)\s?(?P<num>\d+(?:\.\d+)?)(?P<wan>[万千])?")
_TIME = (
    r"(?:half ?(?:an )?hour|1/2 ?h|30 ?min\w*|60 ?min\w*|1 ?h|1 ?hr|hour|uur|half ?uur|heure|stunde|std|hora|ora|"
    r"godz\w*|час\w*|годин\w*|半小时|小时|钟)"
)
_PRICE = re.compile(
    rf"(?:(?:{_CUR}\s?\d{{2,4}}|\d{{2,4}}\s?{_CUR})\s?(?:/|per|a|an|pro|par|la|za|за|на|al|por|每)?\s?(?:1\s?)?{_TIME}(?![a-z])"
    rf"|{_TIME}\s?[:=\-–]?\s?(?:{_CUR}\s?\d{{2,4}}|\d{{2,4}}\s?{_CUR}))"
)
# Whom the prices are for: women advertised, or clients addressed as gentlemen.
_WOMEN = re.compile(
    r"(?<![a-z])(?:girls?|lady|ladies|gentlemen|meisjes|meiden|dames|heren|filles|messieurs|madchen|damen|herren|"
    r"chicas|senoritas|caballeros|fete|fetele|domni|dziewczyn\w*|panowie|panie|девуш\w*|девоч\w*|мужчин\w*|"
    r"дівчат\w*|дівчин\w*|момиче\w*|мъже)(?![a-z])|美女|小妹|妹妹|小姐"
)
_MESSENGERS = frozenset({"whatsapp", "telegram", "signal", "viber", "wechat", "snapchat", "line", "kik", "qq"})


def _amount(num: str, wan: str | None) -> float:
    digits = re.sub(r"[ .,'’]", "", num) if re.search(r"[ .,'’]\d{3}$", num) else num.replace(",", ".")
    try:
        value = float(digits)
    except ValueError:
        return 0.0
    mult = {"万": 10000, "千": 1000, "k": 1000}.get((wan or "").strip(), 1)
    return value * mult


def pay_hits(text: str) -> tuple[int, int, str] | None:
    """The first promised pay far above the going rate for unskilled work, per day/week/month."""
    for period, rx in _PAY.items():
        for m in rx.finditer(text):
            num, wan = (m.group("num1"), m.group("wan1")) if m.group("num1") else (m.group("num2"), m.group("wan2"))
            if _amount(num, wan) >= _MIN[period]:
                return m.start(), m.end(), f"pay of {m.group(0)!r} (at least {_MIN[period]} a {period})"
    for m in _PAY_ZH.finditer(text):
        period = {"日": "day", "周": "week", "月": "month"}[m.group("p")]
        # yuan: 7-8 to the euro
        if _amount(m.group("num"), m.group("wan")) >= _MIN[period] * 5:
            return m.start(), m.end(), f"pay of {m.group(0)!r} (at least {_MIN[period]} a {period})"
    return None


def apply(text: str, norm: Normalised, found: set[str], region: str | None) -> dict[str, tuple[int, int, str, str]]:
    """{code: (start, end, rule, detail)} in the normalised text (start == end: the whole text)."""
    out: dict[str, tuple[int, int, str, str]] = {}
    ntext = norm.text
    if "SEX-01" not in found:
        price = _PRICE.search(ntext)
        if price is not None and _WOMEN.search(ntext):
            out["SEX-01"] = (price.start(), price.end(), "price_per_time", "a price per half hour or hour for women")
    if "REC-01" not in found and "SEX-01" not in found and "SEX-01" not in out:
        pay = pay_hits(ntext)
        if pay is not None:
            out["REC-01"] = (pay[0], pay[1], "pay_amount", pay[2])
    if "TEC-02" not in found:
        hit = _messenger_only(text, region)
        if hit is not None:
            s, e, detail = hit
            # spans of the original: map by searching the normalised text is not needed here
            out["TEC-02"] = (_to_norm(norm, s), _to_norm(norm, e), "messenger_only", detail)
    return out


def _to_norm(norm: Normalised, original: int) -> int:
    """The normalised offset of an original offset (first character at or after it)."""
    import bisect

    return min(bisect.bisect_left(norm.starts, original), len(norm.text))


def _messenger_only(text: str, region: str | None) -> tuple[int, int, str] | None:
    """All contact details given are messenger accounts or numbers labelled with a messenger."""
    from workstation.selectors import extract

    contacts = [h for h in extract(text, region) if h.kind in ("phone", "email", "handle") or h.platform in _MESSENGERS]
    if not contacts:
        return None
    if all(h.platform in _MESSENGERS for h in contacts):
        first = contacts[0]
        apps = ", ".join(sorted({str(h.platform) for h in contacts}))
        # Point at the messenger's name, not at the number: the span is shown in reports, where
        # selector values may be masked.
        best: tuple[int, int] | None = None
        for m in _MESSENGER_WORD.finditer(text):
            if best is None or abs(m.start() - first.start) < abs(best[0] - first.start):
                best = (m.start(), m.end())
        s, e = best if best is not None else (first.start, first.end)
        return s, e, f"the only contact given is by messenger ({apps})"
    return None


_MESSENGER_WORD = re.compile(
    r"(?i)(?<![a-z])(?:whats ?app|telegram|signal|viber|wechat|snapchat|snap|line|kik|qq|"
    r"ватсап|вотсап|телеграм|вайбер|微信|电报)(?![a-z])"
)
