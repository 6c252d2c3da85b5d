"""Textual's footer, rebuilt only when the keys it shows change.

Textual's own footer recomposes at every change of bindings, and switching screens is one: it
made some thirty new key widgets and styled each of them on every switch, even when the keys
were the very ones it already showed. This one compares what it would show with what it shows.

Each key Textual's footer makes is also bound to the footer's ``compact`` flag, and the binding
restyles the key once more as it mounts (half a second of the first visit to a screen on the
large sub-district). Ours is never compact: its keys are made as they stay, with no binding.
(The command palette's key is not bound and keeps its own look.)

The other keys sit in a row of their own that ends where the command palette's key begins, so
that when they do not all fit (the week grid at 80 columns), they are cut at the row's edge
instead of being drawn under that key, which split a Chinese character in two; a key that
would be cut is not drawn at all (half a label reads as a different word). The help key
stays on the right with the palette's: when a screen's keys are cut, F1 still lists them all.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# The keys kept on the right whatever else fits: the help (the command palette's is Textual's).
HELP_ACTIONS = frozenset({"help", "app.help"})

# What a footer key shows and does: key, its display, action, description, enabled, tooltip.
KeyLine = tuple[str, str | None, str, str, bool, str]


def shown_keys(screen: Screen[object]) -> tuple[KeyLine, ...]:
    """The keys the footer draws of ``screen``'s active bindings: the ones shown, and the
    command palette's (drawn apart). Hidden bindings, such as a table's cursor keys coming
    and going with the focus, change nothing in the footer."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    return tuple(
        (binding.key, binding.key_display, binding.action, binding.description, enabled, tip or "")
        for key, (_node, binding, enabled, tip) in screen.active_bindings.items()
        if binding.show or key == palette
    )


class FooterRow(HorizontalGroup):
    """The screen's keys, left to right; those that do not fit whole are hidden."""

    DEFAULT_CSS = """
    FooterRow {
        width: 1fr;
        height: 1;
        overflow: hidden hidden;
    }
    SteadyFooter FooterKey.-help {
        width: auto;
    }
    """

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        for key in self.children:
            key.visible = True  # measured again, once laid out at the new width
        self.call_after_refresh(self.fit)

    def fit(self, tries: int = 3) -> None:
        room = self.size.width
        if not room or any(not key.virtual_region for key in self.children):
            if tries:  # not laid out yet
                self.call_after_refresh(self.fit, tries - 1)
            return
        for key in self.children:
            key.visible = key.virtual_region.right <= room


class SteadyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._drawn: tuple[KeyLine, ...] | None = None  # the keys drawn, or about to be
        self._pending = False  # a recompose asked for and not yet begun

    def compose(self) -> ComposeResult:
        self._pending = False
        keys: list[Widget] = []
        docked: list[Widget] = []
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget._reactive_connect:
                # Bound to our ``compact``, which stays False: made so, with no binding.
                widget._reactive_connect = None
                widget.set_reactive(FooterKey.compact, False)
            is_help = isinstance(widget, FooterKey) and widget.action in HELP_ACTIONS
            if is_help:
                widget.add_class("-help")
            (docked if is_help or widget.has_class("-command-palette") else keys).append(widget)
        if keys:
            yield FooterRow(*keys)
        yield from docked

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = shown_keys(screen)
        # Several changes may come before the footer is first drawn (a screen mounting, then
        # its focus): one recompose draws them all.
        if keys == self._drawn and (self.children or self._pending):
            self._bindings_ready = True
            return
        self._drawn = keys
        self._pending = bool(screen.app.app_focus and self.is_attached and screen is self.screen)
        super().bindings_changed(screen)

    def on_mount(self) -> None:
        # Textual's footer waits for the screen's next change of bindings; a footer composed
        # anew into a screen whose bindings are settled (a language switch) would wait forever.
        super().on_mount()
        self.call_after_refresh(self.bindings_changed, self.screen)
