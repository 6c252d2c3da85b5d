"""Default names for exported files: the sheet, its scope and the week, so that exporting one
community never lands on the file of the whole sub-district (or of another community)."""

from __future__ import annotations

import datetime as dt
import re

from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week

# Characters a file name cannot hold on Windows or Unix, and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def scope_name(
    roster: Roster,
    *,
    community: str | None = None,
    post: str | None = None,
    person: str | None = None,
) -> str:
    """The scope as a person reads it: 张伟p0003, a post's name, a community, the sub-district."""
    if person:
        found = roster.index.people.get(person)
        return f"{found.name}{found.id}" if found else person
    if post:
        found_post = roster.index.posts.get(post)
        return found_post.name if found_post else post
    if community:
        found_c = roster.index.communities.get(community)
        return found_c.name if found_c else community
    return roster.subdistrict.name


def default_file_name(sheet: str, scope: str, week: Week, extension: str) -> str:
    """``排班表-东风社区-2026-W49.csv``: safe on every system, distinct for every scope."""
    return _name(sheet, scope, str(week), extension)


def day_file_name(sheet: str, scope: str, day: dt.date, extension: str) -> str:
    """``每日问访表-张伟p0097-2026-12-03.pdf``: a day's sheet is named by its day."""
    return _name(sheet, scope, day.isoformat(), extension)


def _name(sheet: str, scope: str, period: str, extension: str) -> str:
    parts = [_UNSAFE.sub("_", part).strip() or "_" for part in (sheet, scope)]
    return f"{parts[0]}-{parts[1]}-{period}.{extension}"
