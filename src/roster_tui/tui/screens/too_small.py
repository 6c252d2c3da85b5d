"""Shown instead of a squashed screen when the terminal is under 80×24."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from roster_tui.i18n import t


class TooSmallScreen(Screen[None]):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen > Static { width: auto; max-width: 100%; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static(t("tui.too_small", width=80, height=24), id="too-small")

    def on_resize(self, event: events.Resize) -> None:
        size = event.size
        self.query_one(Static).update(
            t("tui.too_small_now", width=80, height=24, now_w=size.width, now_h=size.height)
        )
        self.app.post_message(TerminalResized())


class TerminalResized(Message):
    """A screen saw the terminal change size: the app decides whether it is too small."""
