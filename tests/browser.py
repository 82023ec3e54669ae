"""Helpers for the browser tests (tests/test_browser.py): Debian's Chromium, driven by Playwright.

Nothing here downloads a browser: Playwright launches the system Chromium by path
(``executable_path``), never one of its own builds, so ``playwright install`` is never
needed. A test module that imports this skips cleanly when Chromium or the Playwright
package is missing.
"""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

# The flags a session on this machine must pass: no sandbox (we run as root), no GPU, and
# none of Chromium's own background traffic (updates, sync, QUIC probes), which this
# machine's closed network would refuse.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}


def chromium_or_skip() -> str:
    """The system Chromium's path, or skip the calling test module with the reason."""
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("no Chromium installed (shutil.which('chromium') is None); "
                    "install Debian's chromium package to run the browser tests",
                    allow_module_level=True)
    return path


def playwright_or_skip():
    """Playwright's sync API, or skip the calling test module with the reason."""
    return pytest.importorskip(
        "playwright.sync_api",
        reason="the playwright package is not installed (pip install -e '.[test]')").sync_playwright


@contextmanager
def chromium_context(executable: str):
    """One headless Chromium with a fresh, throw-away profile; yields its browser context.

    Playwright's persistent context is the way to hand Chromium a user-data-dir of our
    choosing (plain launch() refuses --user-data-dir in args)."""
    sync_playwright = playwright_or_skip()
    with tempfile.TemporaryDirectory(prefix="crosscheck-chromium-") as profile:
        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS,
                viewport=VIEWPORT, locale="en-GB", timezone_id="UTC",
                offline=True, service_workers="block", accept_downloads=False)
            ctx.set_default_timeout(10_000)
            try:
                yield ctx
            finally:
                ctx.close()


class PageWatch:
    """Everything a page did that a report page must never do: console errors, uncaught
    exceptions, requests for anything but the page itself (and data: URLs)."""

    def __init__(self, page, url: str):
        self.page, self.url = page, url
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    @property
    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "warning")]

    @property
    def foreign_requests(self) -> list[str]:
        """Requests other than the report file itself and inline data: URLs."""
        page_url = self.url.split("#")[0]
        return [u for u in self.requests if u.split("#")[0] != page_url and not u.startswith("data:")]


def file_url(path: Path) -> str:
    return Path(path).resolve().as_uri()
