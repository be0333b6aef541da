"""Streaming SHA-256 and MD5 of files and streams."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO

BUFFER = 1 << 20


def hash_stream(stream: BinaryIO) -> tuple[str, str, int]:
    """Return (sha256, md5, size) of everything left in ``stream``, read in 1 MiB pieces."""
    sha, md5, size = hashlib.sha256(), hashlib.md5(), 0
    while chunk := stream.read(BUFFER):
        sha.update(chunk)
        md5.update(chunk)
        size += len(chunk)
    return sha.hexdigest(), md5.hexdigest(), size


def hash_file(path: str | Path) -> tuple[str, str, int]:
    with Path(path).open("rb") as fh:
        return hash_stream(fh)
