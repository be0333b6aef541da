"""Watchlists plug-in: each imported batch is matched against the case's watchlists (after the
indicators plug-in has stored the batch's selectors; plug-ins load in name order)."""

from __future__ import annotations

from typing import Any

from workstation.importing import hooks


def _match(case: Any, item_ids: list[int]) -> None:
    if not item_ids or not case.db.execute("SELECT 1 FROM watchlist_entries LIMIT 1").fetchone():
        return
    from workstation.watchlists import service

    service.match(case, item_ids=list(item_ids))


hooks.register_batch_hook(_match)
