"""The decoder sandbox: videos are decoded in a separate process with bounded memory and time.

FFmpeg's decoders are large C code and seized or captured videos are hostile: a crafted file may
crash a decoder, allocate without end, or never finish. So the import hands each video to a
long-lived helper process (spawn-started, so it shares nothing with the case) whose address space
is capped (``MEMORY_LIMIT``), and waits for it at most ``TIME_LIMIT`` (plus a grace period); the
decoder itself stops at the soft limit and returns what it has. A crash, an exhausted memory
limit or a hang costs that one file (a clear error) and the helper is replaced for the next.

The video travels to the helper as a path (a file the analyst chose) or as bytes (a member of a
container, already in memory); frames come back as JPEG bytes over a pipe. Nothing is written to
disk.
"""

from __future__ import annotations

import os
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import Any

MEMORY_LIMIT = int(os.environ.get("WORKSTATION_VIDEO_MEMORY_MB", "1536")) << 20
TIME_LIMIT = float(os.environ.get("WORKSTATION_VIDEO_SECONDS", "600"))
GRACE = 30.0


def _serve(conn: Connection, memory_limit: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
        pass
    from workstation.video import decode

    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        src, seconds = request
        try:
            conn.send({"ok": decode.analyse(src, seconds)})
        except decode.VideoError as exc:
            conn.send({"error": str(exc)})
        except MemoryError:
            conn.send({"error": f"needs more than the {memory_limit >> 20} MiB memory limit for one video"})
        except Exception as exc:  # noqa: BLE001 - a decoder's complaint about hostile input
            text = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
            conn.send({"error": f"damaged or unreadable video ({type(exc).__name__}{': ' + text if text else ''})"})
        del src, request


class DecoderSandbox:
    """One helper process, reused for every video of an import; replaced after a failure."""

    def __init__(self, memory_limit: int = MEMORY_LIMIT, time_limit: float = TIME_LIMIT) -> None:
        self.memory_limit = memory_limit
        self.time_limit = time_limit
        self._proc: Any = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        if self._proc is None or not self._proc.is_alive() or self._conn is None:
            ctx = get_context("spawn")
            parent, child = ctx.Pipe()
            self._proc = ctx.Process(target=_serve, args=(child, self.memory_limit), daemon=True)
            self._proc.start()
            child.close()
            self._conn = parent
        return self._conn

    def analyse(self, src: str | bytes) -> dict[str, Any]:
        """The decoder's result, or ``{"error": reason}``; never raises for bad content."""
        conn = self._start()
        try:
            conn.send((src, self.time_limit))
            if not conn.poll(self.time_limit + GRACE):
                self.close()
                return {"error": f"decoding took longer than the {self.time_limit:.0f} s limit for one video"}
            answer: dict[str, Any] = conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            code = self._proc.exitcode if self._proc is not None else None
            self.close()
            return {
                "error": "the video decoder crashed on this file (damaged or hostile content, "
                f"or over the {self.memory_limit >> 20} MiB memory limit; exit {code})"
            }
        return answer

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(5)
            self._proc = None


_SHARED: DecoderSandbox | None = None


def shared() -> DecoderSandbox:
    """The process-wide sandbox (started on the first video, closed at interpreter exit)."""
    global _SHARED
    if _SHARED is None:
        import atexit

        _SHARED = DecoderSandbox()
        atexit.register(_SHARED.close)
    return _SHARED
