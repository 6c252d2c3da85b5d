"""Ctrl+P: the command palette with the app's own commands, in the user's language.

The commands of the screen in front come first (what its keys do), then the screens to go to,
then the app-wide ones (scope, export, help, language, undo, quit). Each shows its key, so the
palette also teaches the keys. Textual's own system commands (theme, screenshot…) are left out:
they are described in English only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from roster_tui.i18n import t
from roster_tui.tui.translate import own_bindings
from roster_tui.tui.widgets.mode_bar import MODES

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp

PALETTE_ACTIONS = {"command_palette", "app.command_palette"}


class RosterCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """(name, help, run) for every command offered on the screen in front."""
        app = cast("RosterApp", self.app)
        screen = self.screen
        seen: set[str] = set()
        for node in (screen, app):
            for binding in own_bindings(node):
                if binding.action in PALETTE_ACTIONS or binding.action in seen:
                    continue
                seen.add(binding.action)
                key = t("tui.palette.key", key=app.get_key_display(binding))
                yield binding.description, key, _runner(app, node, binding.action)
            if node is screen:  # the screens come after this one's own commands
                for number, mode in enumerate(MODES, start=1):
                    name = t("tui.palette.go", screen=t(f"tui.mode.{mode}"))
                    key = t("tui.palette.key", key=str(number))
                    yield name, key, partial(app.switch_mode, mode)

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            # The key counts as a match too: "e" finds export whatever the language.
            score = max(matcher.match(name), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)


def _runner(app: RosterApp, node: DOMNode, action: str) -> Callable[[], object]:
    def run() -> object:
        return app.run_action(action, node)

    return run
