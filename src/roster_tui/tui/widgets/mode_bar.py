"""The top line: the sub-district's screens by number, the current one highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from roster_tui.i18n import t

MODES = ("today", "week", "gaps", "people", "places", "households", "history")


class ModeBar(Static):
    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def on_mount(self) -> None:
        self.update(self.render_modes())

    def render_modes(self) -> Content:
        parts: list[Content] = []
        for number, mode in enumerate(MODES, start=1):
            label = f" {number} {t(f'tui.mode.{mode}')} "
            style = "reverse bold" if mode == self.current else ""
            markup = f"[{style or 'not bold'} @click=app.switch_mode('{mode}')]$label[/]"
            parts.append(Content.from_markup(markup, label=label))
        return Content(" ").join(parts)
