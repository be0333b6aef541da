"""Qt models without windows: offscreen Qt, a real encrypted case read by a real reader thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything loads Qt
