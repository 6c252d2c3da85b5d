"""Text from the data, made safe to show: control characters never reach a terminal raw."""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """``text`` with control and format characters (ESC, BEL, CR, bidi overrides …) escaped.

    Names and notes may hold any Unicode (docs/format.md), but an escape sequence printed raw could
    repaint a secretary's terminal; shown as ``\\x1b`` it is harmless and still tells the truth.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Zl", "Zp"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
