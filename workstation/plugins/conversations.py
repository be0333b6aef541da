"""Conversations plug-in: chat and message rows written as their items are stored."""

from __future__ import annotations

from typing import Any

from workstation.importing import hooks


def _record(case: Any, item_id: int, item: dict[str, Any], analysis: dict[str, Any]) -> None:
    if item.get("kind") in ("conversation", "message"):
        from workstation.conversations.store import record_item

        record_item(case, item_id, item, analysis)


hooks.register_item_writer(_record)
