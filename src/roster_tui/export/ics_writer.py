"""iCalendar (RFC 5545) files: a person's shifts, or a post's, for a phone's calendar.

Hand-written rather than built with a library so the output is exactly what the RFC asks for:
CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, TEXT values
escaped, times given in the sub-district's TZID with a matching VTIMEZONE. UIDs come from the
post, date, shift (and person), so importing a newer edition updates events instead of adding
copies; a shift the person no longer counts on (leave, swap) is sent as CANCELLED.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from roster_tui.domain.instances import ShiftInstance
from roster_tui.export.labels import (
    counted_names,
    language,
    leader_label,
    list_separator,
    printed_time,
    shortage_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.view import ScopeKind, WeekView
from roster_tui.export.vtimezone import vtimezone_lines
from roster_tui.i18n import t

PRODID = "-//roster-tui//roster-tui//ZH"
UID_DOMAIN = "roster-tui"
_FOLD_AT = 75  # octets per physical line, CRLF excluded


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped.

    Sanitizing has already turned any newline into a space; callers join lines with ``\\n``.
    """
    return sanitize(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def fold(line: str) -> str:
    """One content line folded into physical lines of at most 75 octets, joined by CRLF+space.

    Cuts never fall inside a UTF-8 sequence (continuation bytes are ``10xxxxxx``).
    """
    data = line.encode("utf-8")
    if len(data) <= _FOLD_AT:
        return line
    parts = []
    start, limit = 0, _FOLD_AT
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:
            cut -= 1
        parts.append(data[start:cut])
        start, limit = cut, _FOLD_AT - 1  # the leading space takes one octet
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8")


def event_uid(instance: ShiftInstance, person_id: str | None = None) -> str:
    """Stable across exports: the same post, date, shift (and person) give the same UID."""
    key = "\x1f".join(
        (instance.post.id, instance.date.isoformat(), instance.shift.name, person_id or "")
    )
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@{UID_DOMAIN}"


def _local(view: WeekView, moment: dt.datetime) -> str:
    return f"{moment.astimezone(view.zone):%Y%m%dT%H%M%S}"


def _event(
    view: WeekView,
    instance: ShiftInstance,
    person_id: str | None,
    lang: str,
    stamp: str,
    sequence: int,
) -> list[str]:
    post = instance.post
    compound = view.compound_name(post.compound)
    community = view.community_name(view.community_id_of_compound(post.compound))
    names = counted_names(view, instance)
    others = [name for pid, name in zip(instance.counted, names, strict=True) if pid != person_id]
    shortage = shortage_label(view, instance, lang)
    tzid = view.roster.subdistrict.timezone
    if person_id is None:
        crew = list_separator(lang).join(names) or t("export.nobody", lang=lang)
        summary = f"{sanitize(instance.shift.name)}：{crew}"
    else:
        summary = f"{sanitize(instance.shift.name)} · {sanitize(post.name)}"
    if shortage:
        summary += f" [{shortage}]"
    details = [
        t("export.ics.where", lang=lang, community=community, compound=compound, post=post.name),
        t("export.ics.with", lang=lang, names=list_separator(lang).join(others) or "-"),
        leader_label(view, post.compound, lang),
    ]
    cancelled = person_id is not None and person_id not in instance.counted
    return [
        "BEGIN:VEVENT",
        f"UID:{event_uid(instance, person_id)}",
        f"DTSTAMP:{stamp}",
        f"SEQUENCE:{sequence}",
        f"DTSTART;TZID={tzid}:{_local(view, instance.start)}",
        f"DTEND;TZID={tzid}:{_local(view, instance.end)}",
        f"SUMMARY:{escape_text(summary)}",
        f"LOCATION:{escape_text(f'{compound} {post.name}')}",
        "DESCRIPTION:" + "\\n".join(escape_text(line) for line in details),
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def _calendar_name(view: WeekView, lang: str) -> str:
    scope = view.scope
    if scope.kind is ScopeKind.PERSON:
        return t("export.ics.calendar_person", lang=lang, name=view.person_name(scope.id or ""))
    if scope.kind is ScopeKind.POST:
        return t("export.ics.calendar_post", lang=lang, name=view.posts[scope.id or ""].name)
    if scope.kind is ScopeKind.COMMUNITY:
        return t("export.ics.calendar_all", lang=lang, name=view.community_name(scope.id))
    return t("export.ics.calendar_all", lang=lang, name=view.roster.subdistrict.name)


def write_ics(
    view: WeekView,
    *,
    lang: str | None = None,
    edition: int = 1,
    printed_at: dt.datetime | None = None,
) -> bytes:
    """One calendar for the view's scope: a person's shifts (scope person) or every instance of
    a post, community or the whole sub-district. ``edition`` becomes the events' SEQUENCE."""
    lang = language(lang)
    tzid = view.roster.subdistrict.timezone
    stamp = f"{printed_time(view, printed_at).astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
    person_id = view.scope.id if view.scope.kind is ScopeKind.PERSON else None
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(_calendar_name(view, lang))}",
        f"X-WR-TIMEZONE:{tzid}",
        *vtimezone_lines(tzid, view.monday, view.sunday),
    ]
    for instance in view.instances:
        lines += _event(view, instance, person_id, lang, stamp, edition)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
