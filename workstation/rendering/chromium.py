"""Headless Chromium, offline, driven over the DevTools protocol on a pipe (no port, no TCP).

The browser runs as a child process with ``--remote-debugging-pipe``: NUL-separated JSON on its
fds 3 (commands in) and 4 (answers and events out). Every request the page makes, the main
document included, is paused (``Fetch.enable`` with pattern ``*`` at the request stage) and
answered from the case (``Fetch.fulfillRequest``) or refused (``Fetch.failRequest``); nothing is
fetched. Belt and braces: host resolution maps every name to NOTFOUND, the proxy is a dead
address, background networking is off, and where the machine allows it the browser runs in a
network namespace with no interfaces (``unshare -n``; ``--map-current-user -n`` or ``-rn`` for
other users). The profile lives under /dev/shm
and is removed afterwards; the page bytes go from the case to the browser through the pipe only.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium-headless-shell", "chromium", "chromium-browser")
WIDTH = 1280
VIEWPORT_HEIGHT = 800
MAX_FULL_HEIGHT = 16384  # a longer page is cut here (an infinite layout must not eat memory)
PAGE_TIMEOUT = 15.0  # seconds per page, load and screenshots together
START_TIMEOUT = 20.0
_TYPE_DEFAULTS = {
    "Stylesheet": "text/css",
    "Script": "text/javascript",
    "Document": "text/html",
    "Font": "font/woff2",
    "Image": "application/octet-stream",
}


class RenderError(Exception):
    """A page could not be rendered (timeout, crash, nothing to render); the rest goes on."""


def find_browser() -> str | None:
    """Path of the headless Chromium executable, or None when none is installed."""
    override = os.environ.get("WORKSTATION_CHROMIUM")
    if override:
        return override
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _isolation_prefix() -> list[str]:
    """``unshare -n`` (root) or ``unshare -rn`` (user namespaces) when it works here, else []."""
    unshare = shutil.which("unshare")
    if not unshare:
        return []
    # root: a plain new network namespace. Others: a user namespace mapping their own uid (the
    # browser keeps its sandbox), else as root of a user namespace (then without the sandbox).
    candidates = [[unshare, "-n"]] if os.geteuid() == 0 else [[unshare, "--map-current-user", "-n"], [unshare, "-rn"]]
    for args in candidates:
        try:
            if subprocess.run([*args, "true"], capture_output=True, timeout=5).returncode == 0:
                return args
        except (OSError, subprocess.SubprocessError):
            continue
    return []


@dataclass
class Rendering:
    """Screenshots of one page and what its rendering asked for."""

    viewport_png: bytes
    full_png: bytes | None
    full_height: int
    truncated: bool
    served: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    seconds: float = 0.0


Resolver = Callable[[str, str], "tuple[bytes, str | None] | None"]


class Browser:
    """One headless Chromium process, offline; render pages one after another.

    Use as a context manager. A page that hangs kills the browser; the next page starts a new one.
    """

    def __init__(self, *, javascript: bool = False, isolate: bool = True) -> None:
        self.javascript = javascript
        self.executable = find_browser()
        if self.executable is None:
            raise RenderError("no headless Chromium installed (apt-get install chromium-headless-shell)")
        self.isolation = _isolation_prefix() if isolate else []
        self.proc: subprocess.Popen[bytes] | None = None
        self.version = ""
        self._profile: str | None = None
        self._out = -1
        self._in = -1
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self._force_no_sandbox = False

    # -- process -------------------------------------------------------------------------------
    def __enter__(self) -> Browser:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        try:
            self._start()
        except RenderError:
            if self._sandbox_off():
                raise
            # No user namespaces for Chromium's own sandbox here (some containers): start without
            # it; the request interception and the network namespace still hold.
            self.close()
            self._force_no_sandbox = True
            self._start()

    def _sandbox_off(self) -> bool:
        return os.geteuid() == 0 or "-rn" in self.isolation or self._force_no_sandbox

    def _start(self) -> None:
        assert self.executable is not None
        shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
        self._profile = tempfile.mkdtemp(prefix="ws-render-", dir=shm)
        args = [
            *self.isolation,
            self.executable,
            "--headless",
            "--remote-debugging-pipe",
            f"--user-data-dir={self._profile}",
            "--incognito",
            "--disk-cache-size=1",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=http://0.0.0.0:9",
            "--proxy-bypass-list=<-loopback>",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-domain-reliability",
            "--disable-breakpad",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-quic",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--mute-audio",
            "--hide-scrollbars",
            *(["--no-sandbox"] if self._sandbox_off() else []),
            "--js-flags=--max-old-space-size=256",
            "about:blank",
        ]
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()

        def wire() -> None:  # in the child: its fd 3 reads commands, fd 4 writes answers
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,  # noqa: PLW1509 - only dup2 before exec
            close_fds=False,  # Python's own descriptors are non-inheritable (PEP 446); 3 and 4 are wired
            start_new_session=True,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._in, self._out = from_child_r, to_child_w
        self._buffer = b""
        info = self.call("Browser.getVersion", timeout=START_TIMEOUT)
        self.version = str(info.get("product", "")).replace("HeadlessChrome/", "Chromium ")

    def close(self) -> None:
        if self.proc is not None:
            try:
                if self.proc.poll() is None:
                    try:
                        self.call("Browser.close", timeout=2)
                    except RenderError:
                        pass
                    try:
                        self.proc.wait(3)
                    except subprocess.TimeoutExpired:
                        self._kill()
            finally:
                self._kill()
        for fd in (self._in, self._out):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._in = self._out = -1
        if self._profile:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    def _kill(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, 9)
            except OSError:
                self.proc.kill()
            self.proc.wait()
        self.proc = None

    def restart(self) -> None:
        self.close()
        self.start()

    # -- protocol ------------------------------------------------------------------------------
    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        view = memoryview(data)
        while view:
            written = os.write(self._out, view)
            view = view[written:]
        return self._next_id

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RenderError("timed out")
            ready, _, _ = select.select([self._in], [], [], min(left, 0.5))
            if not ready:
                if self.proc is None or self.proc.poll() is not None:
                    raise RenderError("the browser stopped")
                continue
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise RenderError("the browser stopped")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(raw)
        return result

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float = PAGE_TIMEOUT,
        on_event: Callable[[dict[str, Any]], None] | None = None,
    ) -> dict[str, Any]:
        """Send a command and wait for its answer; events meanwhile go to ``on_event``."""
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RenderError(f"{method}: {message['error'].get('message')}")
                answer: dict[str, Any] = message.get("result", {})
                return answer
            if "method" in message:
                if on_event is not None:
                    on_event(message)
                else:
                    self._events.append(message)

    # -- rendering -----------------------------------------------------------------------------
    def render(
        self,
        url: str,
        resolve: Resolver,
        *,
        full_page: bool = True,
        width: int = WIDTH,
        timeout: float = PAGE_TIMEOUT,
        max_height: int = MAX_FULL_HEIGHT,
    ) -> Rendering:
        """Load ``url`` with every request answered by ``resolve(url, resource type)`` and take
        the screenshots. On a timeout or crash the browser is restarted and RenderError raised."""
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        started = time.monotonic()
        deadline = started + timeout
        served: list[str] = []
        refused: list[str] = []
        target = ""
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            loaded = {"done": False}

            def on_event(event: dict[str, Any]) -> None:
                if event.get("sessionId") != session:
                    return
                method = event.get("method")
                params = event.get("params", {})
                if method == "Fetch.requestPaused":
                    self._answer(session, params, resolve, served, refused)
                elif method == "Page.loadEventFired":
                    loaded["done"] = True

            def call(method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RenderError("timed out")
                return self.call(method, params, session, timeout=left, on_event=on_event)

            call("Fetch.enable", {"patterns": [{"urlPattern": "*", "requestStage": "Request"}]})
            call("Emulation.setScriptExecutionDisabled", {"value": not self.javascript})
            call(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": VIEWPORT_HEIGHT, "deviceScaleFactor": 1, "mobile": False},
            )
            call("Page.enable")
            call("Page.navigate", {"url": url})
            while not loaded["done"]:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RenderError("timed out")
                message = self._read_message(deadline)
                if "method" in message:
                    on_event(message)
            viewport = base64.b64decode(call("Page.captureScreenshot", {"format": "png"})["data"])
            full = None
            height = VIEWPORT_HEIGHT
            truncated = False
            if full_page:
                metrics = call("Page.getLayoutMetrics")
                size = metrics.get("cssContentSize") or metrics.get("contentSize") or {}
                height = max(1, int(size.get("height", VIEWPORT_HEIGHT)))
                truncated = height > max_height
                height = min(height, max_height)
                shot = call(
                    "Page.captureScreenshot",
                    {
                        "format": "png",
                        "captureBeyondViewport": True,
                        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                    },
                )
                full = base64.b64decode(shot["data"])
            call("Fetch.disable")
            self.call("Target.closeTarget", {"targetId": target}, timeout=5, on_event=lambda e: None)
            return Rendering(viewport, full, height, truncated, served, refused, time.monotonic() - started)
        except (RenderError, OSError, ValueError, KeyError) as exc:
            # A hung or crashed page: kill the whole browser, the next page gets a fresh one.
            self.close()
            reason = str(exc) or type(exc).__name__
            if reason == "timed out":
                reason = f"the page did not finish within {timeout:g} s; the browser was restarted"
            raise RenderError(reason) from exc

    def _answer(
        self,
        session: str,
        params: dict[str, Any],
        resolve: Resolver,
        served: list[str],
        refused: list[str],
    ) -> None:
        request_id = params["requestId"]
        url = params.get("request", {}).get("url", "")
        rtype = params.get("resourceType", "Other")
        answer = resolve(url, rtype) if url.lower().startswith(("http:", "https:", "file:")) else None
        if answer is None:
            refused.append(url)
            self.send("Fetch.failRequest", {"requestId": request_id, "errorReason": "BlockedByClient"}, session)
            return
        data, mime = answer
        served.append(url)
        guessed = mimetypes.guess_type(url.split("?")[0])[0]
        mime = mime or guessed or _TYPE_DEFAULTS.get(rtype, "application/octet-stream")
        if rtype == "Stylesheet" and not mime.startswith("text/css"):
            mime = "text/css"
        if rtype == "Document" and "charset" not in mime:
            mime = "text/html; charset=utf-8" if mime.startswith("text/html") else mime
        self.send(
            "Fetch.fulfillRequest",
            {
                "requestId": request_id,
                "responseCode": 200,
                "responseHeaders": [
                    {"name": "Content-Type", "value": mime},
                    {"name": "Cache-Control", "value": "no-store"},
                ],
                "body": base64.b64encode(data).decode("ascii"),
            },
            session,
        )


def browser_pids(root: int) -> list[int]:
    """The process ``root`` and all its descendants (from /proc), for the no-network test."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found
