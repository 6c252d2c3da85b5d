"""Choose one person: type part of a name, its pinyin initials or a phone tail.

One picker for every screen, so a person reads the same everywhere: name, community and
尾号NNNN, then what the caller knows more. Given a ranking (the week's seat), everyone comes in
its order with their hours this week, and those who cannot take the seat are greyed out with the
reasons. Without one (a place's duty or rotation), active people come with their roles, the
place's own community first. The first search works out every name's pinyin (a large
sub-district has 2,000 people), so that, and the ranking, run in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import cast

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual._loop import loop_last
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.scalar import Unit
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from roster_tui.domain.model import Person, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.candidates import Candidate, load_note
from roster_tui.services.people import person_matches, search_people
from roster_tui.services.places import find_people
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.person_label import person_label

MAX_SHOWN = 300  # a search narrows further; a long list helps nobody at 80×24


class ShortOptionList(OptionList):
    """An option list no taller than its ``max-height`` in cells, which measures no more of
    its options than fill that height when it is laid out (OptionList measures all of them,
    a fifth of opening the picker on a large sub-district; the list's scrolling still knows
    every option's height).

    An option of one line of text that fits the width is one line high, which needs no
    wrapping to know: only the options drawn, and those that may wrap, are wrapped."""

    def _option_height(self, option: Option, rules: RulesMap, width: int) -> int:
        prompt = option.prompt
        if isinstance(prompt, Text):
            plain = prompt.plain
            room = width - rules.get("line_pad", 0) * 2
            if "\n" not in plain and "\t" not in plain and cell_len(plain) <= room:
                return 1
        return self._get_visual(option).get_height(rules, width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        limit = self.styles.max_height
        if limit is None or limit.unit is not Unit.CELLS:
            return super().get_content_height(container, viewport, width)
        padding = self.get_component_styles("option-list--option").padding
        rules = cast(RulesMap, self.styles)
        height = 0
        for last, option in loop_last(self.options):
            height += self._option_height(option, rules, width - padding.width)
            height += 1 if option._divider and not last else 0
            if height > limit.value:
                break  # taller than it may be: the rest changes nothing
        return height

    def _update_lines(self) -> None:
        """OptionList's own, each option's height found as above."""
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        start = lines[-1][0] + 1 if lines else 0
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if start < len(self.options):
            padding = self.get_component_styles("option-list--option").padding
            rules = cast(RulesMap, self.styles)
            for index, option in enumerate(self.options[start:], start):
                cache.index_to_line[index] = len(lines)
                count = self._option_height(option, rules, width - padding.width)
                count += option._divider
                cache.heights[index] = count
                lines.extend((index, line) for line in range(count))
        last_divider = self.options and self.options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)


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
        roster: Roster,
        *,
        rank: Callable[[], list[Candidate]] | None = None,
        community: str | None = None,
        leave_out: Collection[str] = (),
    ) -> None:
        """``rank`` orders everyone for a seat; without it, ``community`` comes first.
        ``leave_out``: people not offered (a rotation's members or a place's duty holders,
        when adding to them)."""
        super().__init__()
        translate_bindings(self)
        self.heading = title
        self._roster = roster
        self._rank = rank
        self._community = community
        self._leave_out = leave_out
        self._communities = {c.id: c.name for c in roster.communities}
        self._ranked: list[Candidate] | None = None
        self._ready = False

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(Content(self.heading), classes="title")  # place names are data
            search = Input(
                placeholder=t("tui.picker.search"),
                id="picker-search",
                select_on_focus=False,
                compact=True,  # one line, not three: more names fit at 80x24
            )
            search.cursor_blink = False  # no blinking cursor over SSH
            yield search
            yield ShortOptionList(id="picker-list")
            yield Static(self._hint(), id="picker-hint", classes="hint")

    def _hint(self) -> str:
        return t("tui.picker.hint_ranked" if self._rank is not None else "tui.picker.hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).loading = True
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        ranked = self._rank() if self._rank is not None else None
        search_people(self._roster, "")  # builds the pinyin index here, not on a keypress
        self.app.call_from_thread(self._loaded, ranked)

    def _loaded(self, ranked: list[Candidate] | None) -> None:
        self._ranked, self._ready = ranked, True
        self.query_one(OptionList).loading = False
        self._show(self.query_one(Input).value)

    # -- the list -------------------------------------------------------------------------------
    def _show(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        if self._ranked is None:
            people = find_people(
                self._roster,
                query,
                community=self._community,
                limit=MAX_SHOWN,
                leave_out=self._leave_out,
            )
            options.add_options([self._option(p, _roles(p)) for p in people])
        else:
            found = person_matches(self._roster, query) if query.strip() else None
            shown = [
                c
                for c in self._ranked
                if (found is None or c.person.id in found) and c.person.id not in self._leave_out
            ]
            options.add_options([self._ranked_option(c) for c in shown[:MAX_SHOWN]])
        first = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        if first is not None:
            options.highlighted = first
        hint = self._hint() if options.option_count else t("tui.picker.nobody")
        self.query_one("#picker-hint", Static).update(hint)

    def _option(self, person: Person, extras: Text, *, eligible: bool = True) -> Option:
        """``张伟 东风社区 尾号0003`` and the extras; a Text, so names are never markup."""
        line = Text(person_label(person, self._communities))
        line.stylize("bold" if eligible else "dim", 0, len(printable(person.name)))
        line.append_text(extras)
        return Option(line, id=person.id, disabled=not eligible)

    def _ranked_option(self, candidate: Candidate) -> Option:
        extras = Text(" " + load_note(candidate))
        if candidate.has_needed_role:
            extras.append(" " + t("tui.picker.has_role"), style="bold")
        if candidate.blockers:
            reasons = ", ".join(t(f"tui.blocker.{b.value}") for b in candidate.blockers)
            extras.append(f"  [{reasons}]", style="dim")
        return self._option(candidate.person, extras, eligible=candidate.eligible)

    # -- choosing -------------------------------------------------------------------------------
    @on(Input.Changed, "#picker-search")
    def _search(self, event: Input.Changed) -> None:
        if self._ready:  # until then the list is loading; it shows this query when ready
            self._show(event.value)

    @on(Input.Submitted, "#picker-search")
    def _take_highlighted(self) -> None:
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


def _roles(person: Person) -> Text:
    roles = "、".join(t(f"role.{role.value}") for role in person.roles)
    return Text("  " + roles, style="dim") if roles else Text()
