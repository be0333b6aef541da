"""Search snippets that show whole words: "[zakwaterowanie]", not "[zakwaterow]anie".

The trigram index matches substrings, so SQLite's snippet() marks exactly the characters typed
and cuts its context at any character. For an analyst reading a hit list that looks like a
damaged word. Here the mark grows to the whole word it sits in, and a context cut inside a word
is trimmed back to the previous whole word. Scripts written without spaces (Chinese, Japanese,
Thai) have no words to grow to; their marks stay as matched.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"
# letters and digits of scripts that separate words with spaces (not CJK, kana, Thai, Lao, Khmer)
_WORD = r"[^\W\u0e00-\u0eff\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"
_MARK = re.compile(rf"({_WORD}*)\[([^\[\]]+)\]({_WORD}*)")
_LEADING_PART = re.compile(rf"^{ELLIPSIS}{_WORD}+(?=[^\w{ELLIPSIS}]|$)")
_TRAILING_PART = re.compile(rf"(?<=[^\w{ELLIPSIS}]){_WORD}+{ELLIPSIS}$")


def whole_words(snippet: str) -> str:
    """Grow every ``[mark]`` to its whole word and drop words cut at the snippet's edges.

    Args:
        snippet: text with matches in square brackets and "…" where the context was cut.

    Returns:
        The snippet with whole words marked and no half word next to an ellipsis.
    """
    text = " ".join(snippet.split())
    text = _MARK.sub(lambda m: f"[{m.group(1)}{m.group(2)}{m.group(3)}]", text)
    # A cut inside a word leaves a fragment right next to the ellipsis; drop the fragment only
    # when something else remains (and never a marked word: it has brackets, not letters only).
    trimmed = _LEADING_PART.sub(ELLIPSIS, text)
    trimmed = _TRAILING_PART.sub(ELLIPSIS, trimmed)
    if trimmed.strip(ELLIPSIS + " "):
        text = trimmed
    text = re.sub(rf"{ELLIPSIS}\s+", ELLIPSIS, text)
    return re.sub(rf"\s+{ELLIPSIS}", ELLIPSIS, text)


def around(text: str, term: str, width: int = 40) -> str:
    """A snippet of ``text`` around the first case-insensitive occurrence of ``term``, whole words."""
    at = text.casefold().find(term.casefold())
    if at < 0:
        return whole_words(text[: 2 * width] + (ELLIPSIS if len(text) > 2 * width else ""))
    start = max(0, at - width)
    end = at + len(term)
    before = (ELLIPSIS if start else "") + text[start:at]
    after = text[end : end + width] + (ELLIPSIS if end + width < len(text) else "")
    return whole_words(f"{before}[{text[at:end]}]{after}")
