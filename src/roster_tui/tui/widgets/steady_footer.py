"""Textual's footer, rebuilt only when the keys it shows change.

Textual's own footer recomposes at every change of bindings, and switching screens is one: it
made some thirty new key widgets and styled each of them on every switch, even when the keys
were the very ones it already showed. This one compares what it would show with what it shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

# What a footer key shows and does: key, action, description, enabled, shown, tooltip.
KeyLine = tuple[str, str, str, bool, bool, str]


def shown_keys(screen: Screen[object]) -> tuple[KeyLine, ...]:
    """Every active binding of ``screen`` as the footer would draw it."""
    return tuple(
        (binding.key, binding.action, binding.description, enabled, binding.show, tooltip or "")
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
    )


class SteadyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._drawn: tuple[KeyLine, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = shown_keys(screen)
        if keys == self._drawn and self.children:
            self._bindings_ready = True
            return
        self._drawn = keys
        super().bindings_changed(screen)

    def on_mount(self) -> None:
        # Textual's footer waits for the screen's next change of bindings; a footer composed
        # anew into a screen whose bindings are settled (a language switch) would wait forever.
        super().on_mount()
        self.call_after_refresh(self.bindings_changed, self.screen)
