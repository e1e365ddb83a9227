"""A headless Chromium driven over the DevTools protocol, for tests and screenshots of HTML outputs.

The browser talks to Python over a pair of pipes (``--remote-debugging-pipe``:
it reads commands on file descriptor 3 and writes replies on 4, each a JSON
message ended by a NUL byte), so no network port and no websocket library are
needed. It starts with a throw-away profile and everything that would reach
the network switched off::

    with Browser.start() as browser:
        page = browser.open(Path("review.html"), width=1280, height=900)
        page.evaluate("document.title")
        page.click("a.goto")
        page.requests                      # every URL the tab loaded
        png = page.screenshot()
        pdf = page.pdf()

:func:`chromium_path` finds the browser (``REPORTLINT_CHROMIUM``, then
``chromium``, ``chromium-browser``, ``google-chrome`` on the PATH); tests skip
when it returns None. POSIX only (the pipes are passed as file descriptors).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

#: Flags for a quiet, offline, throw-away browser (the profile directory is added per run).
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)
#: Seconds to wait for one reply of the browser.
TIMEOUT = 60.0


class BrowserError(RuntimeError):
    """The browser could not start, died, or answered a command with an error."""


def chromium_path() -> str | None:
    """The Chromium (or Chrome) executable to use, or None when none is installed."""
    configured = os.environ.get("REPORTLINT_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless browser process; use :meth:`start` in a ``with`` block."""

    def __init__(self, process: subprocess.Popen[bytes], commands: Any, replies: Any, profile: tempfile.TemporaryDirectory[str]) -> None:
        self._process = process
        self._commands = commands
        self._replies = replies
        self._profile = profile
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    @classmethod
    def start(cls, executable: str | None = None) -> Browser:
        """Start the browser (``executable`` defaults to :func:`chromium_path`)."""
        executable = executable or chromium_path()
        if executable is None:
            raise BrowserError("找不到 Chromium（可设置 REPORTLINT_CHROMIUM）")
        profile = tempfile.TemporaryDirectory(prefix="reportlint-chromium-")
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()

        def wire_pipes() -> None:  # in the child, before exec: the browser's fds 3 and 4
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire_pipes,  # noqa: PLW1509 (the pipes must be fds 3 and 4 of the browser)
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        browser = cls(process, os.fdopen(to_browser_write, "wb", buffering=0), os.fdopen(from_browser_read, "rb", buffering=0), profile)
        try:
            browser.send("Browser.getVersion")
        except BrowserError:
            browser.close()
            raise
        return browser

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """End the browser and remove its profile."""
        with contextlib.suppress(OSError):
            self._commands.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._replies.close()
        self._profile.cleanup()

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and return its result (raises :class:`BrowserError` on an error reply)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        try:
            self._commands.write(json.dumps(message).encode("utf-8") + b"\0")
        except OSError as error:
            raise BrowserError(f"浏览器已退出：{error}") from None
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, session: str | None = None) -> dict[str, Any]:
        """Wait for an event (one already received counts), take it from :attr:`events` and return its parameters."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and (session is None or event.get("sessionId") == session):
                    del self.events[index]
                    return event.get("params", {})
            self.events.append(self._receive(deadline))

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("浏览器没有在限定时间内回应")
            chunk = self._replies.read(1 << 16)
            if not chunk:
                raise BrowserError("浏览器已退出")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, path: Path, width: int = 1280, height: int = 900) -> Page:
        """A new tab with a local file loaded, at a viewport of ``width`` × ``height`` CSS pixels."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.send("Network.enable")
        page.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        page.send("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_for("Page.loadEventFired", session)
        return page


class Page:
    """A tab of the browser."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """A DevTools command in this tab."""
        return self.browser.send(method, params, self.session)

    @property
    def requests(self) -> list[str]:
        """The URL of every request the tab has made so far (the page, and anything it tried to load)."""
        return [
            event["params"]["request"]["url"]
            for event in self.browser.events
            if event.get("method") == "Network.requestWillBeSent" and event.get("sessionId") == self.session
        ]

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (JSON-serialisable values only)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(f"脚本出错：{details.get('exception', {}).get('description') or details.get('text')}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """Click the centre of the first element matching a CSS selector, as a user's mouse does."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        if box is None:
            raise BrowserError(f"页面中没有 {selector}")
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})
        self.evaluate("new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))")

    def screenshot(self, full_page: bool = False) -> bytes:
        """A PNG of the viewport (or of the whole page)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            width, height = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        return base64.b64decode(self.send("Page.captureScreenshot", params)["data"])

    def pdf(self) -> bytes:
        """The page printed to PDF as the browser's print dialog would (A4, print styles, backgrounds)."""
        params = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}
        return base64.b64decode(self.send("Page.printToPDF", params)["data"])
