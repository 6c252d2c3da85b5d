"""iCalendar (RFC 5545) files: a person's shifts, or a post's, for a phone's calendar.

Hand-written rather than built with a library so the output is exactly what the RFC asks for:
CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character, TEXT values
escaped, times given in the sub-district's TZID with a matching VTIMEZONE. UIDs come from the
post, date, shift (and person), so importing a newer edition updates events instead of adding
copies. SEQUENCE grows whenever what the phone shows of an event changes (time, post, status),
and a shift issued before that the person no longer holds is sent again as CANCELLED.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

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


@dataclass(frozen=True, slots=True)
class Issued:
    """One event as a calendar file last told the phone: enough to repeat it as CANCELLED."""

    uid: str
    sequence: int
    date: str  # the shift's date, ISO: which week's file it belongs to
    start: str  # local DTSTART
    end: str
    post: str  # post id
    summary: str
    location: str
    cancelled: bool = False

    @property
    def fingerprint(self) -> tuple[str, ...]:
        """What a phone shows of the event: a change to any of it must raise the SEQUENCE."""
        return (self.start, self.end, self.post, self.summary, self.location, str(self.cancelled))

    def as_json(self) -> dict[str, object]:
        return {f: getattr(self, f) for f in self.__slots__}


def issued_from_json(data: Mapping[str, object]) -> dict[str, Issued]:
    return {uid: Issued(**value) for uid, value in data.items()}  # type: ignore[arg-type]


def _details(view: WeekView, instance: ShiftInstance, person_id: str | None, lang: str) -> str:
    post = instance.post
    compound = view.compound_name(post.compound)
    community = view.community_name(view.community_id_of_compound(post.compound))
    names = counted_names(view, instance)
    others = [name for pid, name in zip(instance.counted, names, strict=True) if pid != person_id]
    details = [
        t("export.ics.where", lang=lang, community=community, compound=compound, post=post.name),
        t("export.ics.with", lang=lang, names=list_separator(lang).join(others) or "-"),
        leader_label(view, post.compound, lang),
    ]
    return "\\n".join(escape_text(line) for line in details)


def _current(view: WeekView, instance: ShiftInstance, person_id: str | None, lang: str) -> Issued:
    post = instance.post
    names = counted_names(view, instance)
    shortage = shortage_label(view, instance, lang)
    if person_id is None:
        crew = list_separator(lang).join(names) or t("export.nobody", lang=lang)
        summary = f"{sanitize(instance.shift.name)}：{crew}"
    else:
        summary = f"{sanitize(instance.shift.name)} · {sanitize(post.name)}"
    if shortage:
        summary += f" [{shortage}]"
    return Issued(
        uid=event_uid(instance, person_id),
        sequence=0,
        date=instance.date.isoformat(),
        start=_local(view, instance.start),
        end=_local(view, instance.end),
        post=post.id,
        summary=summary,
        location=f"{view.compound_name(post.compound)} {post.name}",
    )


def _next(before: Issued | None, now: Issued) -> Issued:
    """``now`` with the SEQUENCE the phone needs: one more than before when anything changed."""
    if before is None:
        return now
    same = before.fingerprint == now.fingerprint
    return replace(now, sequence=before.sequence if same else before.sequence + 1)


def issue(
    view: WeekView, lang: str | None = None, issued: Mapping[str, Issued] | None = None
) -> tuple[list[tuple[Issued, ShiftInstance | None]], dict[str, Issued]]:
    """The events of the view's calendar file and what has been issued after it.

    Every event the person (or post) holds this week is confirmed; every event issued before
    for a day of this week and no longer held, whatever removed it (leave, swap, override,
    rotation), is repeated as CANCELLED with the same UID, so a phone drops it.
    """
    lang = language(lang)
    issued = dict(issued or {})
    person_id = view.scope.id if view.scope.kind is ScopeKind.PERSON else None
    events: list[tuple[Issued, ShiftInstance | None]] = []
    held: set[str] = set()
    for instance in view.instances:
        if person_id is not None and person_id not in instance.counted:
            continue
        event = _next(
            issued.get(event_uid(instance, person_id)), _current(view, instance, person_id, lang)
        )
        held.add(event.uid)
        events.append((event, instance))
        issued[event.uid] = event
    week = {day.isoformat() for day in view.days}
    for uid, before in sorted(issued.items(), key=lambda item: (item[1].start, item[0])):
        if uid in held or before.date not in week:
            continue
        gone = _next(before, replace(before, cancelled=True))
        events.append((gone, None))
        issued[uid] = gone
    return events, issued


def _event_lines(view: WeekView, event: Issued, details: str, stamp: str) -> list[str]:
    tzid = view.roster.subdistrict.timezone
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{stamp}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTART;TZID={tzid}:{event.start}",
        f"DTEND;TZID={tzid}:{event.end}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"LOCATION:{escape_text(event.location)}",
    ]
    if details:
        lines.append(f"DESCRIPTION:{details}")
    return [
        *lines,
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT" if event.cancelled else "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def _calendar_name(view: WeekView, lang: str) -> str:
    scope = view.scope
    if scope.kind is ScopeKind.PERSON:
        return t(
            "export.ics.calendar_person", lang=lang, name=view.person_label(scope.id or "", lang)
        )
    if scope.kind is ScopeKind.POST:
        return t("export.ics.calendar_post", lang=lang, name=view.posts[scope.id or ""].name)
    if scope.kind is ScopeKind.COMMUNITY:
        return t("export.ics.calendar_all", lang=lang, name=view.community_name(scope.id))
    return t("export.ics.calendar_all", lang=lang, name=view.roster.subdistrict.name)


def write_ics(
    view: WeekView,
    *,
    lang: str | None = None,
    printed_at: dt.datetime | None = None,
    issued: Mapping[str, Issued] | None = None,
) -> bytes:
    """One calendar for the view's scope: a person's shifts (scope person) or every instance of
    a post, community or the whole sub-district, with what ``issued`` before and is gone now
    as CANCELLED (see :func:`issue`)."""
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
    events, _ = issue(view, lang, issued)
    for event, instance in events:
        details = _details(view, instance, person_id, lang) if instance is not None else ""
        lines += _event_lines(view, event, details, stamp)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
