"""How a person is named on screen: namesakes told apart by community and phone tail."""

from __future__ import annotations

from collections.abc import Mapping

from roster_tui.domain.model import Person, Role
from roster_tui.domain.names import phone_tail
from roster_tui.domain.text import printable
from roster_tui.i18n import t


def tail_text(phone: str) -> str:
    """``尾号1234`` (never an ellipsis: its width differs between terminals)."""
    return t("tui.people.tail", tail=phone_tail(phone))


def person_label(person: Person, communities: Mapping[str, str]) -> str:
    """``张伟 东风社区 尾号0003``: enough to tell two 张伟 apart, safe to print."""
    community = communities.get(person.community, person.community)
    return f"{printable(person.name)} {printable(community)} {tail_text(person.phone)}"


def short_label(person: Person) -> str:
    """``张伟 尾号0003``: for narrow columns where the community is shown elsewhere."""
    return f"{printable(person.name)} {tail_text(person.phone)}"


def role_names(roles: tuple[Role, ...]) -> str:
    return "、".join(t(f"tui.people.role.{role.value}") for role in roles) or t("tui.none")
