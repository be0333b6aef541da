"""File names that are not valid UTF-8: kept byte-exact, shown readably, never fatal.

On Linux ``os.listdir``/``os.walk`` hand back names that are not valid UTF-8 (seized FAT and
Windows media, old archives) with each undecodable byte as a lone surrogate (PEP 383,
``surrogateescape``). Such a string cannot be written to SQLite, JSON or a terminal. The case
stores the *readable* form (each undecodable byte as ``\\xNN``) in the text columns, and the
exact bytes (hex) next to it in the item's metadata, so the original name is recoverable
byte for byte: ``raw_name(readable_text, hex)`` gives the bytes back.
"""

from __future__ import annotations

import os
import re
from typing import Any

_SURROGATE = re.compile("[\udc80-\udcff]")
# Other lone surrogates (from a broken UTF-16 source) are not bytes: shown as \uXXXX.
_OTHER_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")

# Metadata keys holding the exact bytes (hex) of a name that is not valid UTF-8.
ORIGINAL_NAME_BYTES = "original_name_bytes"
SOURCE_PATH_BYTES = "source_path_bytes"


def has_undecodable(text: str | None) -> bool:
    """True when ``text`` carries surrogate-escaped bytes (it cannot be stored as UTF-8)."""
    return bool(text) and bool(_SURROGATE.search(text or "") or _OTHER_SURROGATE.search(text or ""))


def readable(text: str) -> str:
    """The name as shown and stored: each undecodable byte as ``\\xNN`` (valid UTF-8 always)."""
    if not has_undecodable(text):
        return text
    text = _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return _OTHER_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def readable_opt(text: str | None) -> str | None:
    return None if text is None else readable(text)


def exact_bytes(text: str) -> bytes:
    """The name's bytes as the file system holds them (the inverse of ``os.fsdecode``)."""
    return os.fsencode(text)


def raw_name(hex_bytes: str) -> bytes:
    """Bytes of a name recorded by ``name_fields``."""
    return bytes.fromhex(hex_bytes)


def name_fields(original_name: str, source_path: str) -> tuple[str, str, dict[str, Any]]:
    """Readable original name and source path, plus metadata with their exact bytes if needed.

    Returns:
        (original_name, source_path, metadata): the two texts are always valid UTF-8; the
        metadata holds ``original_name_bytes``/``source_path_bytes`` (hex) only for a name
        that was not valid UTF-8.
    """
    extra: dict[str, Any] = {}
    if has_undecodable(original_name):
        extra[ORIGINAL_NAME_BYTES] = original_name.encode("utf-8", "surrogateescape").hex()
    if has_undecodable(source_path):
        extra[SOURCE_PATH_BYTES] = source_path.encode("utf-8", "surrogateescape").hex()
    return readable(original_name), readable(source_path), extra


def clean(obj: Any) -> Any:
    """A JSON-able value with every string made storable (used for audit details and errors)."""
    if isinstance(obj, str):
        return readable(obj)
    if isinstance(obj, dict):
        return {readable(str(k)) if isinstance(k, str) else k: clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    return obj
