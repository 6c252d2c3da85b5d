"""Finding people the way a secretary types: 张伟, zw (pinyin initials), zhangwei, or 0001."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from roster_tui.domain.model import Person


@lru_cache(maxsize=8192)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name, lower case: 张伟 → ("zw", "zhangwei")."""
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    return "".join(s[:1] for s in syllables).lower(), "".join(syllables).lower()


def person_matches(person: Person, query: str) -> bool:
    """Name substring, pinyin initials or full-pinyin prefix, id, or the phone's last digits."""
    query = query.strip().lower()
    if not query:
        return True
    if query in person.name.lower() or query == person.id.lower():
        return True
    if query.isdigit():
        return person.phone.endswith(query)
    if query.isascii() and query.isalpha():
        initials, full = pinyin_keys(person.name)
        return initials.startswith(query) or full.startswith(query)
    return False


def phone_tail(phone: str) -> str:
    return phone[-4:]
