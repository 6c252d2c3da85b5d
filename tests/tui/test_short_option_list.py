"""The picker's list lays out its options line for line as Textual's OptionList does."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from roster_tui.tui.dialogs.person_picker import ShortOptionList

PROMPTS = [
    Text("张伟 东风社区 尾号0003"),
    Text("李娜 " * 30),  # wraps
    Text("两行\n王芳"),
    Text(""),
    Text("x" * 36),  # exactly the room the list gives it
    Text("x" * 37),
    "a plain string",
]


class _Lists(App[None]):
    CSS = "OptionList { width: 40; height: auto; max-height: 30; }"

    def compose(self) -> ComposeResult:
        for kind in (OptionList, ShortOptionList):
            yield kind(*(Option(p) for p in PROMPTS), id=kind.__name__)


async def test_every_option_is_as_high_as_in_textuals_option_list() -> None:
    app = _Lists()
    async with app.run_test(size=(80, 60)) as pilot:
        await pilot.pause()
        plain = app.query_one("#OptionList", OptionList)
        short = app.query_one("#ShortOptionList", ShortOptionList)
        assert len(plain._lines) > len(PROMPTS) + 2  # some wrap
        assert short._lines == plain._lines
        assert short.virtual_size == plain.virtual_size
        assert short.size == plain.size
        assert [short.render_line(y).text for y in range(short.size.height)] == [
            plain.render_line(y).text for y in range(plain.size.height)
        ]
