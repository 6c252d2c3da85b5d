"""What a screen's first visit costs: its stylesheet, and the collector walking the others.

A screen's own stylesheet is added to the app's without restyling every other screen.
Textual, on a screen's first showing, re-parses every stylesheet the app holds (each widget's
defaults as well as ours) from scratch and restyles every widget of every screen already
made, then does both again because the new screen has not seen the app's last style update
(on the large sub-district, a sixth of a first visit to a screen, and more once the week grid
is made). Here only the screen's new files are parsed, the others coming from the
stylesheet's cache, and only the new screen is styled: our screen and dialog stylesheets
select their own screen's widgets (by id or by the dialog's class), never another screen's.

Before a screen is first made, the heap is frozen for the cycle collector, as after a roster
is read: what the screens shown so far built lives as long as the app (a mode's screen is
never closed), and the full collections a first visit's new widgets set off walked all of
it, a tenth of a second each on the large sub-district.
"""

from __future__ import annotations

import gc
from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widget import AwaitMount


class FirstVisitApp(App[None]):
    """An app whose screens' first visits go as above."""

    # The app's style update that every screen shown so far has had. Before any is shown it is
    # the stylesheet Textual made with the app, from its theme's variables (update 0): the first
    # screen is styled with those, and parsing and styling everything again at once (Textual's
    # way, as the new screen "has not seen" update 0) changed nothing, for about 8 % of the
    # start-up's work from Textual's start to the first frame.
    _css_settled = 0

    def refresh_css(self, animate: bool = True) -> None:
        super().refresh_css(animate)
        self._css_settled = self._css_update_count

    def _load_screen_css(self, screen: Screen[Any]) -> None:
        if screen.CSS:  # inline CSS: none of ours has it
            super()._load_screen_css(screen)
            return
        stylesheet = self.stylesheet
        new = [path for path in screen.css_path if not stylesheet.has_source(str(path), "")]
        for path in new:
            stylesheet.read(path)
        if new:
            stylesheet.parse()
            stylesheet.update(screen)
        if self._css_settled == self._css_update_count:
            # Made and styled now with the app's styles as they are: nothing to catch up on.
            screen._css_update_count = self._css_update_count

    def switch_mode(self, mode: str) -> AwaitMount:
        if mode not in self._screen_stacks:  # its screen is about to be made
            gc.freeze()
        return super().switch_mode(mode)
