"""Setting the sub-district up: each save is one audited, undoable action through the workspace.

The rows come checked from :mod:`roster_tui.services.place_rows`; here they become changes with
a summary in the user's language. A party group's members are people, so saving a group also
sets (or clears) the ``party_group`` of each person who joins (or leaves) it, in the same action.
A rotation's cycle changed after it started applies from the first day no shift has started
(:func:`roster_tui.services.rotation_edits.dated_edit`): earlier days keep what they had.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.kinds import kind_of
from roster_tui.domain.model import (
    Community,
    Compound,
    PartyGroup,
    Post,
    Roster,
    Rotation,
    Settings,
    Street,
)
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.rotation_edits import dated_edit
from roster_tui.services.workspace import Workspace

Place = Community | Street | Compound | Post


def save_place(workspace: Workspace, before: Place | None, after: Place) -> AuditEntry | None:
    """A community, street, compound or post, new (``before`` None) or edited."""
    if before == after:
        return None
    kind = kind_of(after).name
    action = f"{kind}.{'add' if before is None else 'edit'}"
    summary = t(f"setup.summary.{action}", name=printable(after.name), id=after.id)
    if before is None and isinstance(after, Post) and after.shifts_from is not None:
        begins = after.shifts_from.isoformat()  # a new post's shifts begin on a day
        name = printable(after.name)
        summary = t("setup.summary.post.add_from", name=name, id=after.id, day=begins)
    if isinstance(before, Post) and isinstance(after, Post) and after.earlier != before.earlier:
        day = after.shifts_from or before.shifts_from
        if day is not None:  # the shifts changed from a day on: the summary names it
            summary = t("setup.summary.post.shifts_from", name=printable(after.name), id=after.id)
            summary += t("places.from.line", day=day.isoformat())
    return workspace.apply([Change(before, after)], action, summary)


def add_rotation(workspace: Workspace, roster: Roster, rotation: Rotation) -> AuditEntry | None:
    post = roster.index.posts.get(rotation.post)
    summary = t(
        "setup.summary.rotation.add",
        id=rotation.id,
        post=printable(post.name) if post else rotation.post,
        start=rotation.start.isoformat(),
    )
    return workspace.apply([Change(None, rotation)], "rotation.add", summary)


def edit_rotation(
    workspace: Workspace, roster: Roster, before: Rotation, after: Rotation, effective: dt.date
) -> AuditEntry | None:
    """New shifts or slot size for a rotation, from ``effective`` on (the past keeps its own)."""
    if before == after:
        return None
    post = roster.index.posts.get(before.post)
    summary = t(
        "setup.summary.rotation.edit",
        id=before.id,
        post=printable(post.name) if post else before.post,
        day=max(effective, before.start).isoformat(),
    )
    return workspace.apply(dated_edit(roster, before, after, effective), "rotation.edit", summary)


def party_group_changes(
    roster: Roster, before: PartyGroup | None, after: PartyGroup, members: Collection[str]
) -> list[Change]:
    """The group, then each person whose membership it changes (joining moves them from any
    group they were in; leaving leaves them in none)."""
    changes = [] if before == after else [Change(before, after)]
    for person in roster.people:
        inside = person.party_group == after.id
        wanted = person.id in members
        if inside != wanted:
            group = after.id if wanted else None
            changes.append(Change(person, dataclasses.replace(person, party_group=group)))
    return changes


def save_party_group(
    workspace: Workspace,
    roster: Roster,
    before: PartyGroup | None,
    after: PartyGroup,
    members: Collection[str],
) -> AuditEntry | None:
    changes = party_group_changes(roster, before, after, members)
    action = f"party_group.{'add' if before is None else 'edit'}"
    summary = t(
        f"setup.summary.{action}", name=printable(after.name), id=after.id, members=len(members)
    )
    return workspace.apply(changes, action, summary)


def save_settings(workspace: Workspace, before: Settings, after: Settings) -> AuditEntry | None:
    """The rule settings: one audited, undoable action naming each value it changes."""
    changed = [
        t(
            "setup.summary.settings.field",
            field=t(f"setup.settings.{f.name}"),
            before=f"{getattr(before, f.name):g}",
            after=f"{getattr(after, f.name):g}",
        )
        for f in dataclasses.fields(Settings)
        if f.name not in ("id", "version") and getattr(before, f.name) != getattr(after, f.name)
    ]
    if not changed:
        return None
    fields = t("setup.summary.settings.separator").join(changed)
    summary = t("setup.summary.settings.edit", fields=fields)
    return workspace.apply([Change(before, after)], "settings.edit", summary)
