"""The places screen's side of "Enter lands on the fix".

A street or compound nobody answers for opens the person picker for its duty (包街包院) on
that place; a compound without a party group opens the party groups of its community (p), a
new group for the compound first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.tui.widgets.place_tree import PlaceRef

if TYPE_CHECKING:
    from roster_tui.tui.screens.places import PlacesScreen


def fix_place_gap(screen: PlacesScreen, gap: Gap) -> None:
    if gap.kind is GapKind.STREET_UNASSIGNED and gap.street is not None:
        screen.select_place(PlaceRef("street", gap.street))
        screen.action_add()
    elif gap.kind is GapKind.COMPOUND_UNASSIGNED and gap.compound is not None:
        screen.select_place(PlaceRef("compound", gap.compound))
        screen.action_add()
    elif gap.kind is GapKind.NO_PARTY_GROUP and gap.compound is not None:
        screen.select_place(PlaceRef("compound", gap.compound))
        screen.action_groups()  # a new group for the compound, or one of the community's
