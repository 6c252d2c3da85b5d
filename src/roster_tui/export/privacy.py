"""Who will read a sheet decides what it shows: privacy by audience, not by file format.

A *public* sheet goes on a notice board or into a chat group: members' and residents' phone
numbers are masked (also inside free text such as a name typed with a number in it), household
addresses and notes are left out, and only the responsible officials' numbers stay whole,
because they are the contact the public is told to call. An *internal* sheet stays in the
office or with the carers: everything is shown, and every page says so (内部资料 · 注意保密).
"""

from __future__ import annotations

import re
from typing import Literal

from roster_tui.export.sanitize import sanitize

Audience = Literal["public", "internal"]
AUDIENCES: tuple[Audience, ...] = ("public", "internal")

# Chinese phone numbers as people write them. Each alternative is bounded by non-digits, so a
# longer run of digits (an ID card number) is left alone rather than half masked.
_SEP = r"[ \-\u2010-\u2015]?"
_MOBILE = rf"(?:(?:\+|00)?86{_SEP})?(?P<mobile>1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}})"
_EXTENSION = r"(?:\s*(?:转|-|#|ext\.?|x)\s*\d{1,6})?"
_LANDLINE = (
    rf"(?P<landline>(?:\(0\d{{2,3}}\)|（0\d{{2,3}}）|0\d{{2,3}}){_SEP}"
    rf"\d{{3,4}}{_SEP}\d{{4}}){_EXTENSION}"
)
_LOCAL = r"(?P<local>\d{3,4}[ \-]?\d{4})"
_PHONE_IN_TEXT = re.compile(rf"(?<![\d+]){_MOBILE}(?!\d)|(?<!\d)(?:{_LANDLINE}|{_LOCAL})(?!\d)")
_DIGIT = re.compile(r"\d")


def _star_digits(text: str, keep_head: int, keep_tail: int) -> str:
    """Every digit of ``text`` but the first ``keep_head`` and last ``keep_tail`` made ``*``."""
    positions = [m.start() for m in _DIGIT.finditer(text)]
    hidden = set(positions[keep_head : len(positions) - keep_tail])
    return "".join("*" if i in hidden else c for i, c in enumerate(text))


def _mask_match(match: re.Match[str]) -> str:
    if match["mobile"]:
        digits = "".join(_DIGIT.findall(match["mobile"]))
        return f"{digits[:3]}****{digits[-4:]}"
    if match["landline"]:
        area = re.match(r"[(（]?0\d{2,3}[)）]?", match["landline"])
        head = len(_DIGIT.findall(area[0])) if area else 0
        return _star_digits(match["landline"], head, 4)
    return _star_digits(match["local"], 0, 4)


def mask_numbers(text: str) -> str:
    """Every phone number inside free text masked: mobiles (with or without +86, spaces or
    dashes) to ``138****1234``, landlines to their area code and last four digits (an extension
    dropped), local 7- and 8-digit numbers to their last four."""
    if not text or not _DIGIT.search(text):
        return text
    return _PHONE_IN_TEXT.sub(_mask_match, text)


def mask_phone(phone: str | None) -> str:
    """A phone field masked; something that is no phone number keeps only its last two digits."""
    text = sanitize(phone).strip()
    masked = mask_numbers(text)
    if masked != text:
        return masked
    digits = _DIGIT.findall(text)
    return _star_digits(text, 0, 2) if len(digits) > 2 else text


def show_phone(phone: str | None) -> str:
    """A phone written in full the way it is read aloud and dialled in China: a mobile as
    ``138 1234 5678`` without the +86 (every reader dials from inside the country). The spaces
    also keep a spreadsheet from turning the number into 1.38E+10."""
    text = sanitize(phone).strip()
    match = _PHONE_IN_TEXT.fullmatch(text)
    if match and match["mobile"]:
        digits = "".join(_DIGIT.findall(match["mobile"]))
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if match and match["local"] and text.isdigit():
        return f"{text[:-4]} {text[-4:]}"
    return text
