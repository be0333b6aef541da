"""Test plug-in: SIGKILL the importing process in the middle of a batch (a power cut, an OOM kill)."""

from __future__ import annotations

import os
import signal

from workstation.importing import hooks

_seen = 0


def _kill_midway(case, item_id, item, analysis):  # noqa: ANN001 - hook signature
    global _seen
    _seen += 1
    if _seen == int(os.environ.get("KILL_AFTER_ITEMS", "10")):
        os.kill(os.getpid(), signal.SIGKILL)


hooks.register_item_writer(_kill_midway)
