"""A ticked choice reads without colour: ``[x]`` chosen, ``[ ]`` not, in plain ASCII."""

from __future__ import annotations

import unicodedata

from textual.app import App, ComposeResult

from roster_tui.tui.widgets.tick_list import TickList


class _OneList(App[None]):
    def compose(self) -> ComposeResult:
        yield TickList[str](("东风社区党员", "a", True), ("李娜", "b", False), id="ticks")


def _lines(app: App[None]) -> list[str]:
    ticks = app.query_one("#ticks", TickList)
    return [ticks.render_line(y).text for y in range(2)]


async def test_each_choice_says_in_a_sign_whether_it_is_ticked() -> None:
    app = _OneList()
    async with app.run_test(size=(40, 6)) as pilot:
        first, second = _lines(app)
        assert first.startswith("[x] 东风社区党员") and second.startswith("[ ] 李娜")
        await pilot.press("tab", "down", "space")  # tick the second
        await pilot.pause()
        assert _lines(app)[1].startswith("[x] 李娜")
        assert app.query_one("#ticks", TickList).selected == ["a", "b"]
        drawn = "".join(_lines(app))
        assert all(unicodedata.east_asian_width(c) != "A" for c in drawn)
