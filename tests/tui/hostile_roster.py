"""The demo with every kind of name written as markup: what a careless screen would obey.

Each name keeps its own text and gains a click action and a bold tag around it. Shown as text,
the brackets stay visible; read as markup, the name would quit the app or undo the last change
when clicked, and ``[b]`` would vanish into bold.
"""

from __future__ import annotations

import dataclasses

from roster_tui.domain.model import Roster

ACTIONS = ("app.quit", "app.undo")


def hostile(text: str, action: str = "app.quit") -> str:
    return f"[@click={action}]{text}[/][b]"


def hostile_roster(roster: Roster) -> Roster:
    """``roster`` with hostile names in every kind of name and free text."""
    renamed: dict[tuple[str, str], str] = {}  # (post id, shift name) -> new shift name
    posts = []
    for post in roster.posts:
        shifts = []
        for shift in post.shifts:
            renamed[(post.id, shift.name)] = hostile(shift.name, "app.undo")
            shifts.append(dataclasses.replace(shift, name=renamed[(post.id, shift.name)]))
        posts.append(dataclasses.replace(post, name=hostile(post.name), shifts=tuple(shifts)))
    return dataclasses.replace(
        roster,
        subdistrict=dataclasses.replace(roster.subdistrict, name=hostile(roster.subdistrict.name)),
        communities=[dataclasses.replace(c, name=hostile(c.name)) for c in roster.communities],
        streets=[dataclasses.replace(s, name=hostile(s.name, "app.undo")) for s in roster.streets],
        compounds=[dataclasses.replace(c, name=hostile(c.name)) for c in roster.compounds],
        party_groups=[
            dataclasses.replace(g, name=hostile(g.name, "app.undo")) for g in roster.party_groups
        ],
        people=[dataclasses.replace(p, name=hostile(p.name)) for p in roster.people],
        posts=posts,
        rotations=[
            dataclasses.replace(
                r, shifts=tuple(renamed[(r.post, s)] for s in r.shifts) if r.shifts else r.shifts
            )
            for r in roster.rotations
        ],
        overrides=[
            dataclasses.replace(o, shift=renamed[(o.post, o.shift)]) for o in roster.overrides
        ],
        leaves=[dataclasses.replace(x, reason=hostile(x.reason or "病假")) for x in roster.leaves],
        duties=[
            dataclasses.replace(d, role=hostile(d.role or "包保", "app.undo"))
            for d in roster.duties
        ],
        households=[
            dataclasses.replace(
                h,
                head=hostile(h.head),
                address=hostile(h.address, "app.undo"),
                notes=hostile(h.notes or "备注"),
            )
            for h in roster.households
        ],
        contacts=[
            dataclasses.replace(c, needs=hostile(c.needs or "买药")) for c in roster.contacts
        ],
        requests=[
            dataclasses.replace(r, what=hostile(r.what, "app.undo")) for r in roster.requests
        ],
    )
