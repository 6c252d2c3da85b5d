"""The sample sub-district with a morning of the care loop: contacts, a fever, open requests.

At NOW (Wednesday 2 December, 09:00) h0001 had a fever yesterday and waits for a request that
was due at 08:00 (overdue, handled by the person named ``=1+2``); h0003 asked at 07:00 and has
no handler yet; one request was done yesterday afternoon, one long ago, and one is asked after
NOW (it does not exist yet on a sheet judged at NOW).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

from roster_tui.domain.model import Contact, ContactMethod, Request, RequestKind, Roster

from .sample import build_roster

NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
TOMORROW = dt.date(2026, 12, 3)


def care_roster() -> Roster:
    roster = build_roster()
    contacts = [
        Contact("h0001", dt.date(2026, 12, 1), "p002", ContactMethod.PHONE, 38.2, "退烧药"),
        Contact("h0003", dt.date(2026, 12, 1), "p006", ContactMethod.WECHAT, 36.5),
    ]
    supplies, outing = RequestKind.SUPPLIES, RequestKind.MEDICAL_OUTING
    requests = [
        Request("q0001", "h0001", supplies, dt.datetime(2026, 12, 1, 8), "退烧药", "p003"),
        Request("q0002", "h0003", outing, dt.datetime(2026, 12, 2, 7), "就医：复诊开药"),
        Request(
            "q0003",
            "h0001",
            supplies,
            dt.datetime(2026, 12, 1, 10),
            "大米10斤",
            "p002",
            dt.datetime(2026, 12, 1, 15),
        ),
        Request(
            "q0004",
            "h0003",
            supplies,
            dt.datetime(2026, 11, 27, 10),
            "面条",
            "p002",
            dt.datetime(2026, 11, 27, 12),
        ),
        Request("q0005", "h0003", supplies, dt.datetime(2026, 12, 2, 10), "馒头"),
    ]
    return dataclasses.replace(roster, contacts=contacts, requests=requests)
