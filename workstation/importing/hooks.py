"""Extension points of the import pipeline, so feature areas plug in without editing it.

Registrations live in modules under ``workstation/plugins/``; :func:`load` imports them all, in
the main process and in every worker process.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable
from typing import Any

ImageAnalyzer = Callable[[Any], dict[str, Any]]
ItemWriter = Callable[[Any, int, dict[str, Any], dict[str, Any]], None]
BatchHook = Callable[[Any, list[int]], None]

IMAGE_ANALYZERS: dict[str, ImageAnalyzer] = {}
ITEM_WRITERS: list[ItemWriter] = []
BATCH_HOOKS: list[BatchHook] = []
_loaded = False


def register_image_analyzer(name: str, fn: ImageAnalyzer) -> None:
    """``fn(img: PIL.Image.Image) -> dict``: runs in worker processes on the upright RGB image."""
    IMAGE_ANALYZERS[name] = fn


def register_item_writer(fn: ItemWriter) -> None:
    """``fn(case, item_id, item, analysis)``: in the batch transaction after each item insert."""
    if fn not in ITEM_WRITERS:
        ITEM_WRITERS.append(fn)


def register_batch_hook(fn: BatchHook) -> None:
    """``fn(case, item_ids)``: after each batch, inside its transaction."""
    if fn not in BATCH_HOOKS:
        BATCH_HOOKS.append(fn)


def load() -> None:
    """Import every module in workstation.plugins (idempotent)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import workstation.plugins as plugins

    # WORKSTATION_PLUGINS=none: the bare import pipeline, for measuring it (benchmarks/).
    if os.environ.get("WORKSTATION_PLUGINS", "").lower() != "none":
        for info in sorted(pkgutil.iter_modules(plugins.__path__), key=lambda i: i.name):
            importlib.import_module(f"workstation.plugins.{info.name}")
    # Extra plug-in modules by name (benchmarks, site-specific analyzers); workers inherit it.
    for name in filter(None, os.environ.get("WORKSTATION_EXTRA_PLUGINS", "").split(",")):
        importlib.import_module(name.strip())
