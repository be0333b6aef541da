"""Where the workstation keeps its own files (settings, logs, identity keys, the demo case)."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "WORKSTATION_HOME"


def data_home() -> Path:
    """The analyst's data directory: ``$WORKSTATION_HOME`` if set, else the platform's user data
    directory (``platformdirs``)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("evidence-workstation", appauthor=False))
