"""Phone numbers as Chinese offices write them: mobiles and landlines with an area code.

A mobile is 11 digits starting 13-19 (``+86``/``86`` in front allowed, blanks and hyphens
between groups too). A landline is an area code (``010``, ``021``, ``0371`` …, parentheses
allowed), a 7- or 8-digit number, and an optional extension (``-8001``, ``转8001``).
"""

from __future__ import annotations

import re

_MOBILE = re.compile(r"(?:\+?86)?1[3-9][0-9]{9}")
_LANDLINE = re.compile(
    r"(?:0[1-9][0-9]{1,2}|\(0[1-9][0-9]{1,2}\)|（0[1-9][0-9]{1,2}）)-?"
    r"[2-9][0-9]{6,7}"
    r"(?:(?:-|转|ext\.?|x)[0-9]{1,6})?",
    re.IGNORECASE,
)
_BLANKS = re.compile(r"\s+")


def is_phone(text: str) -> bool:
    """Whether ``text`` is a Chinese mobile or landline number."""
    compact = _BLANKS.sub("", text)
    if _MOBILE.fullmatch(compact.replace("-", "")):
        return True
    return _LANDLINE.fullmatch(compact) is not None
