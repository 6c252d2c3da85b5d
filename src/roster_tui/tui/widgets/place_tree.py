"""The sub-district as a tree: communities, their streets, the compounds, the posts.

Places that nobody answers for are marked in words (无人包保, 缺党小组) rather than glyphs, so
they read the same on every terminal and in every font.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from roster_tui.domain.model import Compound, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.places import PlaceMarks

MARK_STYLE = "bold red"


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """What a tree node stands for: ``kind`` is community, street, compound or post."""

    kind: str
    id: str


# The nodes in display order, each with its parent (None: top level).
Outline = list[tuple[PlaceRef, PlaceRef | None]]


def outline(roster: Roster) -> Outline:
    """Streets under their community, compounds under their street (or straight under the
    community when they lie on no known street), posts under their compound."""
    street_ids = {s.id for s in roster.streets}
    on_street: dict[str, list[Compound]] = defaultdict(list)
    loose: dict[str, list[Compound]] = defaultdict(list)
    for compound in roster.compounds:
        if compound.street in street_ids:
            on_street[compound.street].append(compound)
        else:
            loose[compound.community].append(compound)
    posts: dict[str, list[str]] = defaultdict(list)
    for post in roster.posts:
        posts[post.compound].append(post.id)
    streets: dict[str, list[str]] = defaultdict(list)
    for street in roster.streets:
        streets[street.community].append(street.id)

    rows: Outline = []

    def add_compounds(compounds: list[Compound], parent: PlaceRef) -> None:
        for compound in compounds:
            ref = PlaceRef("compound", compound.id)
            rows.append((ref, parent))
            rows.extend((PlaceRef("post", p), ref) for p in posts[compound.id])

    for community in roster.communities:
        top = PlaceRef("community", community.id)
        rows.append((top, None))
        for street_id in streets[community.id]:
            street_ref = PlaceRef("street", street_id)
            rows.append((street_ref, top))
            add_compounds(on_street[street_id], street_ref)
        add_compounds(loose[community.id], top)
    return rows


def _marked(name: str, *extras: tuple[str, str]) -> Text:
    label = Text(printable(name))
    for word, style in extras:
        label.append(" ")
        label.append(word, style=style)
    return label


class PlaceTree(Tree[PlaceRef]):
    """Rebuilt only when places come or go; otherwise just relabelled, keeping the cursor."""

    ICON_NODE = "+ "
    ICON_NODE_EXPANDED = "- "

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.show_root = False
        self.guide_depth = 2
        self._shape: Outline = []
        self._by_ref: dict[PlaceRef, TreeNode[PlaceRef]] = {}
        self._wanted: PlaceRef | None = None  # where the cursor goes when the places arrive

    def show(self, roster: Roster, marks: PlaceMarks) -> None:
        shape = outline(roster)
        labels = self._labels(roster, marks, shape)
        if shape == self._shape:
            for ref, node in self._by_ref.items():
                if node.label != labels[ref]:
                    node.set_label(labels[ref])
            return
        expanded = {ref for ref, node in self._by_ref.items() if node.is_expanded}
        first_time = not self._shape
        # A place just made (``reveal`` before it existed) wins over where the cursor was.
        cursor = self._wanted or (self.cursor_node.data if self.cursor_node is not None else None)
        self._wanted = None
        self.clear()
        self._by_ref = {}
        has_children = {parent for _, parent in shape if parent is not None}
        for ref, parent in shape:
            under = self.root if parent is None else self._by_ref[parent]
            if ref in has_children:
                node = under.add(labels[ref], data=ref)
            else:
                node = under.add_leaf(labels[ref], data=ref)
            self._by_ref[ref] = node
            if ref in expanded or (first_time and parent is None):
                node.expand()
        self._shape = shape
        # Back on the same place, or the top line when that place is gone (or on a first show).
        target = self._by_ref.get(cursor) if cursor is not None else None
        if target is None and self.root.children:
            target = self.root.children[0]
        if target is not None:
            self._put_cursor(target)

    def reveal(self, ref: PlaceRef) -> None:
        """Put the cursor on ``ref``, now or as soon as the places are shown."""
        node = self._by_ref.get(ref)
        if node is None:
            self._wanted = ref
        else:
            self._put_cursor(node)

    def _put_cursor(self, node: TreeNode[PlaceRef]) -> None:
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        # Reading last_line lays the lines out now, so the node's line number is current.
        if self.last_line >= 0:
            self.move_cursor(node)

    def _labels(self, roster: Roster, marks: PlaceMarks, shape: Outline) -> dict[PlaceRef, Text]:
        unassigned = t("places.mark.unassigned")
        no_group = t("places.mark.no_group")
        labels: dict[PlaceRef, Text] = {}
        for street in roster.streets:
            extra = [(unassigned, MARK_STYLE)] if street.id in marks.unassigned_streets else []
            labels[PlaceRef("street", street.id)] = _marked(street.name, *extra)
        compounds_in: dict[str, list[str]] = defaultdict(list)
        streets_in: dict[str, list[str]] = defaultdict(list)
        for street in roster.streets:
            streets_in[street.community].append(street.id)
        for compound in roster.compounds:
            compounds_in[compound.community].append(compound.id)
            # Short words: at 80 columns the tree is 34 cells, a compound's line starts at 6.
            extras = [(t(f"kind_short.{compound.kind.value}"), "dim")]
            if compound.id in marks.unassigned_compounds:
                extras.append((unassigned, MARK_STYLE))
            if compound.id in marks.compounds_without_group:
                extras.append((no_group, MARK_STYLE))
            labels[PlaceRef("compound", compound.id)] = _marked(compound.name, *extras)
        for community in roster.communities:
            count = marks.count_in(streets_in[community.id], compounds_in[community.id])
            extra = [(t("places.mark.count", count=count), MARK_STYLE)] if count else []
            labels[PlaceRef("community", community.id)] = _marked(community.name, *extra)
        for post in roster.posts:
            labels[PlaceRef("post", post.id)] = _marked(post.name)
        return {ref: labels[ref] for ref, _ in shape}
