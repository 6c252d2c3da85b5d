"""A screen's own stylesheet, added to the app's without restyling every other screen.

Textual, on a screen's first showing, re-parses every stylesheet the app holds (each widget's
defaults as well as ours) from scratch and restyles every widget of every screen already
made, then does both again because the new screen has not seen the app's last style update
(on the large sub-district, a sixth of a first visit to a screen, and more once the week grid
is made). Here only the screen's new files are parsed, the others coming from the
stylesheet's cache, and only the new screen is styled: our screen and dialog stylesheets
select their own screen's widgets (by id or by the dialog's class), never another screen's.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen


class ScreenCssApp(App[None]):
    """An app whose screens bring their stylesheets in as above."""

    _css_settled = -1  # the app's style update that every screen shown so far has had

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
            # (The first screen is styled again once the theme's variables are set.)
            screen._css_update_count = self._css_update_count
