"""My cases index plug-in: items of each import batch are added to the index of the analyst's
cases, when the case is in it (the index is made by the first `workstation seen`). Named to
load after the indicators plug-in, which stores the batch's selectors."""

from __future__ import annotations

from typing import Any

from workstation.importing import hooks


def _add(case: Any, item_ids: list[int]) -> None:
    from workstation.crosscase import index

    index.add_items(case, list(item_ids))


hooks.register_batch_hook(_add)
