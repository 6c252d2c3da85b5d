"""Find a place by typing: a name, part of it, or its pinyin initials (``nkl`` → 农科路12号院).

The list shows each place with where it lies; Enter (or a click) puts the tree's cursor on it.
A form choosing a compound asks for compounds only, under a title and hint of its own. The first
search works out the names' pinyin, so it runs in a worker.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.place_search import PlaceHit, search_places, warm_up
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.place_tree import PlaceRef


class PlaceSearch(ModalScreen[PlaceRef | None]):
    """Returns the place chosen, or None when cancelled."""

    CSS_PATH = "place_search.tcss"  # the person picker's box
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("down", "focus_list", "tui.picker.to_list", show=False),
    ]

    def __init__(
        self, roster: Roster, *, kinds: frozenset[str] | None = None, words: str = "setup.search"
    ) -> None:
        """``kinds``: the kinds of place listed (None: all); ``words``: the catalog prefix of
        the title and hint."""
        super().__init__()
        translate_bindings(self)
        self._roster = roster
        self._kinds = kinds
        self._words = words
        self._hits: list[PlaceHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(t(f"{self._words}.title"), classes="title")
            box = Input(placeholder=t("setup.search.placeholder"), id="picker-search", compact=True)
            box.cursor_blink = False  # no blinking cursor over SSH
            yield box
            yield OptionList(id="picker-list")
            yield Static(t(f"{self._words}.hint"), id="picker-hint", classes="hint")

    def on_mount(self) -> None:
        self.search("")  # works out the names' pinyin now, not on the first key typed

    @on(Input.Changed, "#picker-search")
    def _typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def search(self, query: str) -> None:
        if query.strip():
            hits = search_places(self._roster, query, kinds=self._kinds)
        else:
            hits = warm_up(self._roster)
        self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[PlaceHit]) -> None:
        if query != self.query_one(Input).value:
            return  # typing went on meanwhile: a newer search is on its way
        self._hits = hits
        options = self.query_one(OptionList)
        options.clear_options()
        for number, hit in enumerate(hits):
            line = Text(printable(hit.name), style="bold")
            line.append(f"  {t(f'setup.kind.{hit.kind}')}", style="dim")
            if hit.within:
                line.append(f"  {printable(hit.within)}", style="dim")
            options.add_option(Option(line, id=str(number)))
        if hits:
            options.highlighted = 0
        hint = f"{self._words}.hint" if hits or not query.strip() else "setup.search.none"
        self.query_one("#picker-hint", Static).update(t(hint))

    @on(Input.Submitted, "#picker-search")
    def _take_first(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and self._hits:
            self._take(options.highlighted)

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._take(event.option_index)

    def _take(self, index: int) -> None:
        hit = self._hits[index]
        self.dismiss(PlaceRef(hit.kind, hit.id))

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
