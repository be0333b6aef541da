"""Text normalisation for pattern matching that keeps a map back to the original characters.

Ads hide their wording from keyword filters: accents dropped or added, ``s3x`` and ``y0ung``,
``e s c o r t``, Cyrillic look-alike letters inside Latin words, emoji in place of words, zero-width
characters. :func:`normalise` undoes these so one lower-case, accent-free pattern matches all of
them, and remembers for every output character which original characters it came from, so a match
is always reported as a span of the *original* text (what the analyst sees and a court can check).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Flags per output character.
OBFUSCATED = 1  # produced by undoing a filter-evasion trick (leet digit, spacing, look-alike)
EMOJI = 2  # stands for an emoji

_ZERO_WIDTH = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\ufe0e\ufe0f\u20e3"
)
_APOSTROPHES = frozenset("\u2019\u2018\u02bc\u0060\u00b4\u2032\u02b9")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212")

# Emoji that ads use as code words. Sources: Whitney et al., HICSS 2018 (emoji in sex-trafficking
# ads); Lugo-Graulich & Meyer 2021 guide (emoji indicators). The token is what patterns match.
EMOJI_TOKENS: dict[str, str] = {
    "\U0001f352": "emj_cherry",  # cherry: youth / virginity
    "\U0001f497": "emj_growing_heart",  # growing heart: "still growing" (youth)
    "\U0001f36d": "emj_lollipop",  # lollipop: youth
    "\U0001f476": "emj_baby",
    "\U0001f9d2": "emj_child",
    "\U0001f467": "emj_girl",
    "\U0001f338": "emj_cherry_blossom",
    "\U0001f339": "emj_rose",  # roses: price ("200 roses")
    "\U0001f3f5": "emj_rosette",
    "\U0001f451": "emj_crown",  # crown: controller / "property of"
    "\u2708": "emj_airplane",  # airplane: travelling, "new in town"
    "\U0001f6eb": "emj_airplane",
    "\U0001f195": "emj_new",
    "\U0001f51e": "emj_18",
    "\U0001f351": "emj_peach",
    "\U0001f346": "emj_eggplant",
    "\U0001f4a6": "emj_droplets",
    "\U0001f48b": "emj_kiss",
    "\U0001f445": "emj_tongue",
    "\U0001f525": "emj_fire",
    "\U0001f4b5": "emj_money",
    "\U0001f4b0": "emj_money",
    "\U0001f4b8": "emj_money",
    "\U0001f3e0": "emj_house",
    "\U0001f697": "emj_car",
    "\U0001f4f1": "emj_phone",
    "\u260e": "emj_phone",
    "\U0001f4de": "emj_phone",
}

# Look-alike letters used to defeat filters, mapped into the majority script of their word.
_CYR_TO_LAT = dict(zip("аеорсхуктмвнізјѕ", "aeopcxyktmbhi3js", strict=True))
_LAT_TO_CYR = {v: k for k, v in _CYR_TO_LAT.items() if v.isalpha() and v not in "hbtmkj"}
_LEET_LATIN = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}
_LEET_CYRILLIC = {"0": "о", "3": "з", "4": "ч", "6": "б", "@": "а"}
_UNIT_TOKEN = re.compile(r"^\d+[^\W\d_]{1,4}$|^[^\W\d_]{1,2}\d+$")
_PLAIN_RUN = re.compile(r"[a-z0-9]+")
_TAG = re.compile(r"<(?:!--.*?--|[a-zA-Z/!?][^>]{0,2000})>", re.S)
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'"}


@dataclass(frozen=True)
class Normalised:
    """A normalised text and, per character, the original span it came from.

    Attributes:
        text: lower-case, accent-free, de-obfuscated text (what patterns run on).
        starts: ``starts[i]`` is the index in the original of the first source character.
        ends: ``ends[i]`` is one past the last source character.
        flags: OBFUSCATED / EMOJI bits per character.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    flags: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised slice ``text[start:end]``."""
        if end <= start:
            return (self.starts[start], self.starts[start]) if start < len(self.starts) else (0, 0)
        return self.starts[start], self.ends[end - 1]

    def obfuscated(self, start: int, end: int) -> bool:
        return any(f & OBFUSCATED for f in self.flags[start:end])


class _Builder:
    __slots__ = ("chars", "starts", "ends", "flags")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.flags: list[int] = []

    def add(self, chars: str, start: int, end: int, flag: int = 0) -> None:
        for ch in chars:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)
            self.flags.append(flag)

    def copy(self, other: _Builder, s: int, e: int) -> None:
        """Append ``other[s:e]`` unchanged (bulk: most of a text needs no work)."""
        self.chars.extend(other.chars[s:e])
        self.starts.extend(other.starts[s:e])
        self.ends.extend(other.ends[s:e])
        self.flags.extend(other.flags[s:e])

    def plain(self, text: str, s: int, e: int) -> None:
        """Append ``text[s:e]``, already lower-case ASCII, one output character per input one."""
        self.chars.extend(text[s:e])
        self.starts.extend(range(s, e))
        self.ends.extend(range(s + 1, e + 1))
        self.flags.extend([0] * (e - s))


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """One character lower-cased, compatibility-decomposed and without accents."""
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(part):
            continue
        out.append(part)
    return "".join(out).casefold()


def fold(text: str) -> str:
    """Fold a whole string the way :func:`normalise` folds characters (for patterns and words)."""
    return "".join(fold_char(c) for c in text)


def _squared_letter(ch: str) -> str | None:
    code = ord(ch)
    if 0x1F170 <= code <= 0x1F189:  # negative squared latin capital letters
        return chr(ord("a") + code - 0x1F170)
    if 0x1F150 <= code <= 0x1F169:  # negative circled latin capital letters
        return chr(ord("a") + code - 0x1F150)
    if 0x1F1E6 <= code <= 0x1F1FF:  # regional indicators (flags, or letters spelled with them)
        return chr(ord("a") + code - 0x1F1E6)
    return None


def _first_pass(text: str, markup: bool) -> _Builder:
    """Character level: tags, entities, zero-width, emoji, accents, case, whitespace."""
    b = _Builder()
    i = 0
    n = len(text)
    pending_space: tuple[int, int, bool] | None = None  # (start, end, has_newline)
    while i < n:
        ch = text[i]
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            m = _PLAIN_RUN.match(text, i)
            assert m is not None  # ch itself starts a run
            if pending_space:
                _flush_space(b, pending_space)
                pending_space = None
            b.plain(text, i, m.end())
            i = m.end()
            continue
        if markup and ch == "<":
            m = _TAG.match(text, i)
            if m:
                low = m.group(0)[:8].lower()
                if low.startswith(("<script", "<style")) and not m.group(0).endswith("/>"):
                    # Code and styles are not what the ad says: skip them entirely.
                    close = re.compile(r"</" + ("script" if low.startswith("<script") else "style") + r"\s*>", re.I)
                    end = close.search(text, m.end())
                    stop = end.end() if end else n
                    pending_space = _merge_space(pending_space, i, stop, True)
                    i = stop
                    continue
                name = m.group(0)[1:6].lower()
                newline = name.startswith(("p", "br", "div", "li", "/p", "/div", "/li", "h", "/h", "tr", "/tr"))
                pending_space = _merge_space(pending_space, i, m.end(), newline)
                i = m.end()
                continue
        if markup and ch == "&":
            semi = text.find(";", i, i + 10)
            if semi > 0:
                ent = text[i : semi + 1]
                rep = _ENTITIES.get(ent.lower())
                if rep is None and ent.startswith("&#"):
                    try:
                        num = int(ent[3:-1], 16) if ent[2:3] in "xX" else int(ent[2:-1])
                        rep = chr(num)
                    except (ValueError, OverflowError):
                        rep = None
                if rep is not None:
                    if rep.isspace():
                        pending_space = _merge_space(pending_space, i, semi + 1, False)
                    else:
                        if pending_space:
                            _flush_space(b, pending_space)
                            pending_space = None
                        b.add(fold(rep), i, semi + 1)
                    i = semi + 1
                    continue
        if ch.isspace() or ch in ("\u3000",):
            pending_space = _merge_space(pending_space, i, i + 1, ch in "\n\r\u2028\u2029")
            i += 1
            continue
        if ch in _ZERO_WIDTH:
            i += 1
            continue
        # Two-character emoji (surrogate-free in Python, but skin-tone modifiers follow).
        if 0x1F3FB <= ord(ch) <= 0x1F3FF:
            i += 1
            continue
        if pending_space:
            _flush_space(b, pending_space)
            pending_space = None
        token = EMOJI_TOKENS.get(ch)
        if token is not None:
            b.add(f" {token} ", i, i + 1, EMOJI)
            i += 1
            continue
        sq = _squared_letter(ch)
        if sq is not None:
            b.add(sq, i, i + 1, OBFUSCATED)
            i += 1
            continue
        if ch in _APOSTROPHES:
            b.add("'", i, i + 1)
        elif ch in _DASHES:
            b.add("-", i, i + 1)
        else:
            b.add(fold_char(ch), i, i + 1)
        i += 1
    if pending_space:
        _flush_space(b, pending_space)
    return b


def _merge_space(pending: tuple[int, int, bool] | None, start: int, end: int, newline: bool) -> tuple[int, int, bool]:
    if pending is None:
        return (start, end, newline)
    return (pending[0], end, pending[2] or newline)


def _flush_space(b: _Builder, pending: tuple[int, int, bool]) -> None:
    b.add("\n" if pending[2] else " ", pending[0], pending[1])


def _script(ch: str) -> str:
    if "a" <= ch <= "z":
        return "latin"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    return "other"


_WORD = re.compile(r"[\w@$!|]+")
_MIXED_SCRIPT = re.compile(r"[a-z][^\W\d_]*[\u0400-\u04ff]|[\u0400-\u04ff][^\W\d_]*[a-z]")
# Three or more single letters separated by the same kind of gap: "e s c o r t", "s.e.x.y".
_SPACED = re.compile(r"(?<![^\W\d_])[^\W\d_](?:(?P<sep>[ .\-_*·•/+~]{1,2})[^\W\d_](?![^\W\d_])){2,}")


def _second_pass(b: _Builder) -> _Builder:
    """Word level: look-alike letters, leetspeak digits, letters spaced out to dodge filters."""
    text = "".join(b.chars)
    out = _Builder()
    pos = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isalpha() and (word.isascii() or not _MIXED_SCRIPT.search(word)):
            continue  # nothing to undo: copied in bulk below
        out.copy(b, pos, m.start())
        _word(b, m.start(), m.end(), out)
        pos = m.end()
    out.copy(b, pos, len(text))
    return _join_spaced(out)


def _word(b: _Builder, s: int, e: int, out: _Builder) -> None:
    # Trailing "!", "|", "$", "@" are punctuation ("hot!!"), not letters: copied unchanged.
    core_end = e
    while core_end > s and b.chars[core_end - 1] in "!|$@":
        core_end -= 1
    word = "".join(b.chars[s:core_end])
    letters = [c for c in word if c.isalpha()]
    lat = sum(1 for c in letters if _script(c) == "latin")
    cyr = sum(1 for c in letters if _script(c) == "cyrillic")
    mixed = lat > 0 and cyr > 0
    majority = "cyrillic" if cyr > lat else "latin"
    leet = _LEET_CYRILLIC if majority == "cyrillic" else _LEET_LATIN
    digits = sum(1 for c in word if c.isdigit())
    decode_leet = (
        (
            len(letters) >= 2
            and lat + cyr == len(letters)  # never inside Chinese and other scripts ("培训费500元")
            and len(letters) >= digits
            and any(c in leet and not c.isalpha() for i, c in enumerate(word) if i or c != "@")
            and not _UNIT_TOKEN.match(word)
        )
        or (len(letters) >= 2 and lat + cyr == len(letters) and word[:1] == "$")
    )
    for k in range(s, core_end):
        ch = b.chars[k]
        flag = b.flags[k]
        if mixed and majority == "latin" and ch in _CYR_TO_LAT:
            ch, flag = _CYR_TO_LAT[ch], flag | OBFUSCATED
        elif mixed and majority == "cyrillic" and ch in _LAT_TO_CYR:
            ch, flag = _LAT_TO_CYR[ch], flag | OBFUSCATED
        elif decode_leet and ch in leet and not ch.isalpha() and not (ch == "@" and k == s):
            ch, flag = leet[ch], flag | OBFUSCATED
        out.add(ch, b.starts[k], b.ends[k], flag)
    for k in range(core_end, e):
        out.add(b.chars[k], b.starts[k], b.ends[k], b.flags[k])


def _join_spaced(b: _Builder) -> _Builder:
    text = "".join(b.chars)
    out = _Builder()
    pos = 0
    for m in _SPACED.finditer(text):
        seps = re.findall(r"[ .\-_*·•/+~]{1,2}", m.group(0))
        letters = len(seps) + 1
        if len(set(seps)) != 1:  # "a b-c" is not a spaced-out word
            continue
        if letters < 4 and any(_script(c) != "latin" for c in m.group(0) if c.isalpha()):
            continue  # Slavic one-letter words ("а я в") are common; need four letters there
        out.copy(b, pos, m.start())
        for k in range(m.start(), m.end()):
            if b.chars[k].isalpha():
                out.add(b.chars[k], b.starts[k], b.ends[k], b.flags[k] | OBFUSCATED)
        pos = m.end()
    out.copy(b, pos, len(text))
    return out


def normalise(text: str, *, markup: bool | None = None) -> Normalised:
    """Normalise ``text`` for matching, keeping the map to original offsets.

    Args:
        text: the original text (page text, OCR text, HTML source).
        markup: treat ``<tags>`` as spaces and decode entities; by default when the text
            looks like HTML.

    Returns:
        The normalised text with per-character original spans and flags.
    """
    if markup is None:
        head = text[:2000].lower()
        markup = "<html" in head or "<body" in head or "<div" in head or "<p>" in head or "<!doctype" in head
    b = _second_pass(_first_pass(text, markup))
    return Normalised("".join(b.chars), tuple(b.starts), tuple(b.ends), tuple(b.flags))
