"""The keys of the screen, drawn as Textual's footer draws them, by one widget.

Textual's footer makes a widget for every key and recomposes them at every change of bindings
(switching screens is one). Each key widget is styled as it mounts, its two parts (key and
description) as well, and drawn on its own: on the large sub-district the footer was over a
third of a first visit to a screen. This one is one line of text: it compares the keys it
would show with those it shows, and draws them again only when they differ.

It looks as Textual's footer does (not compact): each key bold in the key colour with a space
either side, then its description and a space; a pair of keys of one group (``[ ] 换周``) as
the keys alone, then the group's word; a disabled key dimmed; the command palette's key at the
right edge, compact, behind a thin bar, and the help key just before it, so that when a
screen's keys are cut, F1 still lists them all. The other keys end where the help key begins;
a key that would be cut there is not drawn at all (half a label reads as a different word).
A click on a key presses it; the key under the mouse is highlighted.
"""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

BAR = "▏"  # Textual's "vkey" border, left side
# The keys kept on the right whatever else fits: the help (the command palette's is Textual's).
HELP_ACTIONS = frozenset({"help", "app.help"})


class FooterKey(NamedTuple):
    """A key as the footer shows it."""

    key: str  # what pressing it sends
    display: str  # how it is written
    description: str
    enabled: bool
    action: str


class KeyGroup(NamedTuple):
    """Keys shown together under one word (Textual's binding group)."""

    keys: tuple[FooterKey, ...]
    description: str


Item = FooterKey | KeyGroup


class Keys(NamedTuple):
    """What the footer shows: the row of keys, the help key(s), the command palette's."""

    row: tuple[Item, ...]
    help: tuple[FooterKey, ...]
    palette: FooterKey | None


def _key(screen: Screen[object], binding: Binding, enabled: bool, description: str) -> FooterKey:
    display = screen.app.get_key_display(binding)
    return FooterKey(binding.key, display, description, enabled, binding.action)


def shown_keys(screen: Screen[object]) -> Keys:
    """The keys Textual's footer would show for ``screen``, where it would show them."""
    app = screen.app
    active = screen.active_bindings
    by_action: dict[str, tuple[Binding, bool]] = {}  # one per action: the first binding
    for _node, binding, enabled, _tooltip in active.values():
        if binding.show and binding.action not in by_action:
            by_action[binding.action] = (binding, enabled)
    row: list[Item] = []
    help_keys: list[FooterKey] = []
    for group, members in groupby(by_action.values(), lambda pair: pair[0].group):
        found = list(members)
        if group is not None and len(found) > 1:
            keys = tuple(_key(screen, b, enabled, "") for b, enabled in found)
            row.append(KeyGroup(keys, group.description))
            continue
        for binding, enabled in found:
            key = _key(screen, binding, enabled, binding.description)
            (help_keys if binding.action in HELP_ACTIONS else row).append(key)
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
        _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
        palette = _key(screen, binding, enabled, binding.description)
    return Keys(tuple(row), tuple(help_keys), palette)


class SteadyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "steady-footer--key",
        "steady-footer--description",
        "steady-footer--item",
        "steady-footer--hover",
        "steady-footer--bar",
    }
    DEFAULT_CSS = """
    SteadyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        .steady-footer--item {
            background: $footer-item-background;
        }
        .steady-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .steady-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .steady-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .steady-footer--bar {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys = Keys((), (), None)
        self.spans: list[tuple[int, int, FooterKey]] = []  # where each key shown was drawn
        self._hover: FooterKey | None = None
        self._blank = Style()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        keys = shown_keys(screen)
        if keys != self.keys:
            self.keys = keys
            # As the palette's key is: padded, which draws a colour and no text.
            self.styles.padding = (0, 1 if keys.palette else 0, 0, 0)
            self.refresh()

    # -- drawing ----------------------------------------------------------------------------
    def _key_text(self, key: FooterKey, compact: bool = False) -> Text:
        """One key as Textual's footer key draws it."""
        key_style = self.get_component_rich_style("steady-footer--key")
        description_style = self.get_component_rich_style("steady-footer--description")
        if compact:
            head, tail = key.display, f" {key.description}" if key.description else ""
        elif key.description:
            head, tail = f" {key.display} ", f"{key.description} "
        else:
            head, tail = key.display, ""
        text = Text.assemble((head, key_style), (tail, description_style))
        base = self.get_component_rich_style("steady-footer--item")
        if key == self._hover:
            base += self.get_component_rich_style("steady-footer--hover")
        if not key.enabled:
            base += Style(dim=True)
        text.stylize_before(base)
        return text

    def _add(self, line: Text, key: FooterKey, text: Text) -> None:
        self.spans.append((line.cell_len, line.cell_len + text.cell_len, key))
        line.append_text(text)

    def _add_item(self, line: Text, item: Item, room: int) -> bool:
        """Draw ``item`` if it fits whole before ``room``; False if it does not."""
        if isinstance(item, FooterKey):
            text = self._key_text(item)
            if line.cell_len + text.cell_len > room:
                return False
            self._add(line, item, text)
            return True
        # The keys one space apart with a space either side, then the word and a space.
        texts = [self._key_text(key) for key in item.keys]
        keys_end = line.cell_len + sum(t.cell_len + 1 for t in texts) + 1
        if keys_end > room:
            return False
        for key, text in zip(item.keys, texts, strict=True):
            line.append(" ", self._blank)
            self._add(line, key, text)
        line.append(" ", self._blank)
        if keys_end + Text(item.description).cell_len > room:
            return False
        line.append(item.description, self.get_component_rich_style("steady-footer--description"))
        line.append(" ", self._blank)
        return True

    def render(self) -> RenderResult:
        width = self.content_size.width  # the palette's key is padded on the right, see above
        # Room between keys is drawn as Textual draws an empty part of a widget: a background
        # colour and no text colour (a dimmed screen behind a dialog shows the difference).
        self._blank = Style(bgcolor=self.rich_style.bgcolor)
        self.spans = []
        right = Text()
        right_keys: list[tuple[int, FooterKey]] = []
        for key in self.keys.help:
            right_keys.append((right.cell_len, key))
            right.append_text(self._key_text(key))
        if self.keys.palette is not None:
            bar = self.get_component_rich_style("steady-footer--bar")
            palette = Text.assemble((BAR, bar), self._key_text(self.keys.palette, compact=True))
            palette.stylize_before(self.get_component_rich_style("steady-footer--item"))
            right_keys.append((right.cell_len, self.keys.palette))
            right.append_text(palette)
        room = max(0, width - right.cell_len)
        line = Text()
        for item in self.keys.row:
            if not self._add_item(line, item, room):
                break
        line.truncate(room)
        line.append(" " * (room - line.cell_len), self._blank)
        ends = [start for start, _ in right_keys[1:]] + [right.cell_len + 1]
        for (start, key), end in zip(right_keys, ends, strict=True):
            self.spans.append((room + start, room + end, key))
        line.append_text(right)
        return line

    def render_line(self, y: int) -> Strip:
        """The line as drawn above, its styles as they are (not laid over the footer's own)."""
        line = self.render()
        assert isinstance(line, Text)
        return Strip(line.render(self.app.console, end=""), line.cell_len)

    # -- the mouse --------------------------------------------------------------------------
    def _key_at(self, x: int) -> FooterKey | None:
        return next((key for start, end, key in self.spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
