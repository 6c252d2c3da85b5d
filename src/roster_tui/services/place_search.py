"""Finding a place as a secretary types it: a name, part of it, or its pinyin initials.

Communities, streets, compounds and posts are matched by the rule people are found by
(:func:`roster_tui.services.people.name_rank`): ``nkl`` finds 农科路12号院 among 300 compounds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from roster_tui.domain.model import Roster
from roster_tui.services.people import name_rank, name_readings

SEARCH_LIMIT = 50
# Among equally good matches, the bigger place first: a compound before its posts.
_KIND_ORDER = {"community": 0, "street": 1, "compound": 2, "post": 3}


@dataclasses.dataclass(frozen=True, slots=True)
class PlaceHit:
    """One place found: ``within`` names where it lies (community, then compound for a post)."""

    kind: str
    id: str
    name: str
    within: str


def _places(roster: Roster) -> list[PlaceHit]:
    communities = {c.id: c.name for c in roster.communities}
    compounds = roster.index.compounds
    hits = [PlaceHit("community", c.id, c.name, "") for c in roster.communities]
    hits += [
        PlaceHit("street", s.id, s.name, communities.get(s.community, s.community))
        for s in roster.streets
    ]
    hits += [
        PlaceHit("compound", c.id, c.name, communities.get(c.community, c.community))
        for c in roster.compounds
    ]
    for post in roster.posts:
        compound = compounds.get(post.compound)
        within = compound.name if compound else post.compound
        hits.append(PlaceHit("post", post.id, post.name, within))
    return hits


def search_places(
    roster: Roster,
    query: str,
    *,
    limit: int = SEARCH_LIMIT,
    kinds: Collection[str] | None = None,
) -> list[PlaceHit]:
    """Places matching ``query``, best first (then larger places, then in roster order); only
    those of ``kinds`` when given."""
    query = query.strip().lower()
    if not query:
        return []
    compact = "".join(query.split())
    ranked = []
    for position, hit in enumerate(_places(roster)):
        if kinds is not None and hit.kind not in kinds:
            continue
        rank = name_rank(hit.name.lower(), name_readings(hit.name), query, compact)
        if rank is None and hit.id.lower() == query:
            rank = 7
        if rank is not None:
            ranked.append((rank, _KIND_ORDER[hit.kind], position, hit))
    ranked.sort(key=lambda item: item[:3])
    return [hit for *_, hit in ranked[:limit]]


def warm_up(roster: Roster) -> list[PlaceHit]:
    """Work out every place name's pinyin ahead of the first search (in a worker); finds none."""
    for hit in _places(roster):
        name_readings(hit.name)
    return []
