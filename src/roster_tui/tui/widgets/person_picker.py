"""Choose a person for a seat: ranked by fitness, searchable, every refusal explained."""

from __future__ import annotations

from collections.abc import Callable

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
from roster_tui.services.candidates import Candidate
from roster_tui.services.people import person_matches, phone_tail, search_people
from roster_tui.tui.translate import translate_bindings

MAX_SHOWN = 300  # a search narrows further; a long list helps nobody at 80×24


class PersonPicker(ModalScreen[str | None]):
    """Returns the chosen person's id, or None when cancelled."""

    CSS_PATH = "person_picker.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("down", "focus_list", "tui.picker.to_list", show=False),
    ]

    def __init__(
        self,
        title: str,
        rank: Callable[[], list[Candidate]],
        roster: Roster,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.heading = title
        self._rank = rank
        self._roster = roster
        self._communities = {c.id: c.name for c in roster.communities}
        self._candidates: list[Candidate] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(Text(self.heading), classes="title")
            search = Input(placeholder=t("tui.picker.search"), id="picker-search")
            search.cursor_blink = False
            yield search
            yield OptionList(id="picker-list")
            yield Static(t("tui.picker.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).loading = True
        self.load_candidates()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_candidates(self) -> None:
        ranked = self._rank()
        search_people(self._roster, "zz")  # builds the pinyin index here, not on a keypress
        self.app.call_from_thread(self._loaded, ranked)

    def _loaded(self, ranked: list[Candidate]) -> None:
        self._candidates = ranked
        self.query_one(OptionList).loading = False
        self._show(self.query_one(Input).value)

    def _show(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        found = person_matches(self._roster, query) if query.strip() else None
        shown = [c for c in self._candidates if found is None or c.person.id in found]
        shown = shown[:MAX_SHOWN]
        options.add_options([self._option(c) for c in shown])
        first = next((i for i, c in enumerate(shown) if c.eligible), None)
        if first is not None:
            options.highlighted = first

    def _option(self, candidate: Candidate) -> Option:
        person = candidate.person
        community = self._communities.get(person.community, person.community)
        line = Text(printable(person.name), style="bold" if candidate.eligible else "dim")
        line.append(f" {person.id} {printable(community)} ")
        line.append(t("tui.picker.tail", tail=phone_tail(person.phone)))
        line.append(" " + t("tui.picker.hours", hours=f"{candidate.hours_this_week:g}"))
        if candidate.has_needed_role:
            line.append(" " + t("tui.picker.has_role"), style="bold")
        if candidate.blockers:
            reasons = ", ".join(t(f"tui.blocker.{b.value}") for b in candidate.blockers)
            line.append(f"  [{reasons}]", style="dim")
        return Option(line, id=person.id, disabled=not candidate.eligible)

    @on(Input.Changed, "#picker-search")
    def _search(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#picker-search")
    def _take_first(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if not option.disabled:
                self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
