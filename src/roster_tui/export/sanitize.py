"""Making untrusted text safe to print, export and open in a spreadsheet.

Names and notes may hold any Unicode, including control characters and terminal escape sequences
pasted from elsewhere (docs/format.md, "Bad input"). Every writer passes every piece of text through
:func:`sanitize` before it reaches a file, so nothing raw can move a cursor, recolour a terminal,
reverse a line's direction or split a CSV row.
"""

from __future__ import annotations

import re
import unicodedata

# Whitespace controls read as a gap between words: a space keeps a pasted note legible.
_AS_SPACE = frozenset("\t\n\v\f\r\x85\u2028\u2029")
# Joiners shape emoji and some scripts; they cannot move text, so they stay.
_KEPT_FORMAT = frozenset("\u200c\u200d")
# Private-use and not-yet-assigned code points stay: rare name characters live there.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# A spreadsheet treats a text cell starting with one of these as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# A signed number or a run of dashes is read as a number or as text, never run: no ``'`` for it,
# since a spreadsheet opening a CSV shows that ``'`` as a visible character.
_HARMLESS = re.compile(r"[+-]?\d[\d.,]*|-+")


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _is_noncharacter(code: int) -> bool:
    # Never text, and not allowed in XML (U+FFFE, U+FFFF) or safe in most other formats.
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _needs_care(char: str) -> bool:
    category = unicodedata.category(char)
    if category == "Cn":
        return _is_noncharacter(ord(char))
    return category in _ESCAPED_CATEGORIES and char not in _KEPT_FORMAT


def sanitize(text: str | None) -> str:
    """``text`` with every control and format character made visible and harmless.

    Line breaks and tabs become a space; any other control (ESC, BEL, DEL, C1), bidirectional
    override, lone surrogate or noncharacter (U+FFFE) is written as its escape (``\\x1b``,
    ``\\u202e``), so a reader sees that something odd was there. ``None`` becomes ``""``.
    """
    if not text:
        return ""
    if text.isprintable():
        return text  # the common case: plain names and addresses, no copy
    out: list[str] = []
    for char in text:
        if char in _AS_SPACE:
            out.append(" ")
        elif _needs_care(char):
            out.append(_escape(char))
        else:
            out.append(char)
    return "".join(out)


def neutralise_formula(text: str) -> str:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'`` (OWASP).

    Leading spaces are looked through, since some spreadsheets skip them before parsing.
    """
    stripped = text.lstrip(" ")
    if stripped.startswith(FORMULA_TRIGGERS) and not _HARMLESS.fullmatch(stripped):
        return "'" + text
    return text
