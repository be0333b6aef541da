"""Benchmark plug-in: a perceptual-hash analyzer like the dedup area registers (imagehash.phash)."""

from __future__ import annotations

from typing import Any

from workstation.importing import hooks


def phash(img: Any) -> dict[str, str]:
    import imagehash

    return {"phash": str(imagehash.phash(img))}


hooks.register_image_analyzer("bench_phash", phash)
