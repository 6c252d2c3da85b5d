"""Retiring a place: what depends on it, said before anything is written, and no dangling id.

A plan lists what else the retirement changes (duties that go, compounds that lose their street,
people who leave a party group) and what stops it (a compound that still has posts). The past
stays as it happened: a rotation that has started ends the day before the first day on which no
shift has started, instead of vanishing; a post with shifts already worked is not removed, since
that would take those shifts out of earlier weeks' sheets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.workspace import Workspace

_NAMES_SHOWN = 3  # names quoted in one line before "and more"


@dataclasses.dataclass(frozen=True, slots=True)
class Retirement:
    """What retiring one place does. ``blockers`` non-empty: it cannot be retired now."""

    kind: str  # community, street, compound, post, rotation or party_group
    id: str
    name: str
    changes: tuple[Change, ...]
    effects: tuple[str, ...] = ()
    blockers: tuple[str, ...] = ()


def _some(names: Iterable[str]) -> str:
    listed = [printable(name) for name in names]
    shown = "、".join(listed[:_NAMES_SHOWN])
    return shown + (t("setup.more") if len(listed) > _NAMES_SHOWN else "")


def plan_retirement(roster: Roster, kind: str, place_id: str, open_day: dt.date) -> Retirement:
    """``open_day``: the first day on which no shift has started (what lies ahead)."""
    planner = {
        "community": _community,
        "street": _street,
        "compound": _compound,
        "post": _post,
        "rotation": _rotation,
        "party_group": _party_group,
    }[kind]
    return planner(roster, place_id, open_day)


def retire(workspace: Workspace, plan: Retirement) -> AuditEntry | None:
    """One audited action; refused (ValueError) when the plan has blockers."""
    if plan.blockers:
        raise ValueError(plan.blockers[0])
    summary = t(f"setup.summary.{plan.kind}.retire", name=plan.name, id=plan.id)
    return workspace.apply(plan.changes, f"{plan.kind}.retire", summary)


def _people_names(roster: Roster, ids: Iterable[str]) -> str:
    people = roster.index.people
    return _some(people[i].name if i in people else i for i in ids)


def _community(roster: Roster, community_id: str, _: dt.date) -> Retirement:
    community = roster.index.communities[community_id]
    counts = {
        "streets": sum(s.community == community_id for s in roster.streets),
        "compounds": sum(c.community == community_id for c in roster.compounds),
        "groups": sum(g.community == community_id for g in roster.party_groups),
        "people": sum(p.community == community_id for p in roster.people),
    }
    blockers = tuple(t(f"setup.retire.still.{what}", count=n) for what, n in counts.items() if n)
    return Retirement(
        "community",
        community_id,
        printable(community.name),
        (Change(community, None),),
        blockers=blockers,
    )


def _street(roster: Roster, street_id: str, _: dt.date) -> Retirement:
    street = roster.index.streets[street_id]
    compounds = [c for c in roster.compounds if c.street == street_id]
    duties = [d for d in roster.duties if d.street == street_id]
    changes = [Change(d, None) for d in duties]
    changes += [Change(c, dataclasses.replace(c, street=None)) for c in compounds]
    effects = []
    if compounds:
        effects.append(
            t(
                "setup.retire.loses_street",
                count=len(compounds),
                names=_some(c.name for c in compounds),
            )
        )
    if duties:
        names = _people_names(roster, (d.person for d in duties))
        effects.append(t("setup.retire.duties_go", count=len(duties), names=names))
    changes.append(Change(street, None))
    return Retirement("street", street_id, printable(street.name), tuple(changes), tuple(effects))


def _compound(roster: Roster, compound_id: str, _: dt.date) -> Retirement:
    compound = roster.index.compounds[compound_id]
    posts = [p for p in roster.posts if p.compound == compound_id]
    households = [h for h in roster.households if h.compound == compound_id]
    blockers = []
    if posts:
        names = _some(p.name for p in posts)
        blockers.append(t("setup.retire.still.posts", count=len(posts), names=names))
    if households:
        blockers.append(t("setup.retire.still.households", count=len(households)))
    duties = [d for d in roster.duties if d.compound == compound_id]
    groups = [g for g in roster.party_groups if compound_id in g.compounds]
    changes = [Change(d, None) for d in duties]
    for group in groups:
        kept = tuple(c for c in group.compounds if c != compound_id)
        changes.append(Change(group, dataclasses.replace(group, compounds=kept)))
    changes.append(Change(compound, None))
    effects = []
    if duties:
        names = _people_names(roster, (d.person for d in duties))
        effects.append(t("setup.retire.duties_go", count=len(duties), names=names))
    if groups:
        effects.append(t("setup.retire.leaves_groups", names=_some(g.name for g in groups)))
    return Retirement(
        "compound",
        compound_id,
        printable(compound.name),
        tuple(changes),
        tuple(effects),
        tuple(blockers),
    )


def _post(roster: Roster, post_id: str, open_day: dt.date) -> Retirement:
    post = roster.index.posts[post_id]
    rotations = [r for r in roster.rotations if r.post == post_id]
    overrides = [o for o in roster.overrides if o.post == post_id]
    worked = [r.start for r in rotations if r.start < open_day]
    worked += [o.date for o in overrides if o.date < open_day]
    blockers: tuple[str, ...] = ()
    if worked:
        blockers = (t("setup.retire.post_worked", since=min(worked).isoformat()),)
    changes = [Change(o, None) for o in overrides] + [Change(r, None) for r in rotations]
    changes.append(Change(post, None))
    effects = []
    if rotations:
        effects.append(t("setup.retire.rotations_go", names=_some(r.id for r in rotations)))
    if overrides:
        effects.append(t("setup.retire.overrides_go", count=len(overrides)))
    return Retirement(
        "post", post_id, printable(post.name), tuple(changes), tuple(effects), blockers
    )


def _rotation(roster: Roster, rotation_id: str, open_day: dt.date) -> Retirement:
    rotation = roster.index.rotations[rotation_id]
    name = printable(rotation.id)
    if rotation.start >= open_day:
        return Retirement("rotation", rotation_id, name, (Change(rotation, None),))
    if rotation.end is not None and rotation.end < open_day:
        over = t("setup.retire.rotation_over", end=rotation.end.isoformat())
        return Retirement("rotation", rotation_id, name, (), blockers=(over,))
    last = open_day - dt.timedelta(days=1)
    ended = dataclasses.replace(rotation, end=last)
    effect = t("setup.retire.rotation_ends", last=last.isoformat())
    return Retirement("rotation", rotation_id, name, (Change(rotation, ended),), (effect,))


def _party_group(roster: Roster, group_id: str, _: dt.date) -> Retirement:
    group = roster.index.party_groups[group_id]
    members = [p for p in roster.people if p.party_group == group_id]
    changes = [Change(p, dataclasses.replace(p, party_group=None)) for p in members]
    changes.append(Change(group, None))
    effects = []
    if members:
        names = _some(p.name for p in members)
        effects.append(t("setup.retire.members_leave", count=len(members), names=names))
    if group.compounds:
        compounds = roster.index.compounds
        names = _some(compounds[c].name if c in compounds else c for c in group.compounds)
        effects.append(t("setup.retire.group_compounds", names=names))
    return Retirement(
        "party_group", group_id, printable(group.name), tuple(changes), tuple(effects)
    )
