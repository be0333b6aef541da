"""Test plug-in: an analyzer that kills its worker process on one image, as a decoder segfault would."""

from __future__ import annotations

import os
import signal

from workstation.importing import hooks


def crash_on_width_13(img):
    if img.width == 13:
        os.kill(os.getpid(), signal.SIGKILL)
    return {"ok": True}


hooks.register_image_analyzer("crash_test", crash_on_width_13)
