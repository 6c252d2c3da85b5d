"""Phone numbers as Chinese offices write them: mobiles and landlines with an area code.

A mobile is 11 digits starting 13-19 (``+86``/``86`` in front allowed, blanks and hyphens
between groups too). A landline is an area code (``010``, ``021``, ``0371`` …, parentheses
allowed), a 7- or 8-digit number, and an optional extension (``-8001``, ``转8001``).
A number abroad is written as the world writes it: ``+``, a country code and 7 to 15 digits in
all (``+1-213-555-0001``, ``+852 2345 6789``), blanks, hyphens and one pair of parentheses
between them.
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
# +86 is a mobile or a landline above: only other country codes are read this way.
_ABROAD = re.compile(r"\+(?!86)[1-9][0-9]{6,14}")
_BLANKS = re.compile(r"\s+")


def is_phone(text: str) -> bool:
    """Whether ``text`` is a Chinese mobile or landline number, or a number abroad."""
    compact = _BLANKS.sub("", text)
    if _MOBILE.fullmatch(compact.replace("-", "")):
        return True
    if compact.count("(") <= 1 and _ABROAD.fullmatch(re.sub(r"[-()]", "", compact)):
        return True
    return _LANDLINE.fullmatch(compact) is not None
