"""Who is at this terminal: the audit's operator, so that undo takes back only their actions.

The operator is written into the audit's ``user_name`` as ``osuser`` (one person per login, as
before) or ``osuser/person-id`` once a person from the roster says they are working here. Old
rows stay readable: they are plain login names. On a shared login (this login has run roster-tui
from more than one terminal) the TUI asks who is working, and remembers the answer for this
terminal (by ``SSH_TTY``, ``TMUX_PANE`` or the controlling tty) with the user's preferences.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Mapping

from roster_tui.domain.model import Roster
from roster_tui.services.preferences import Preferences

TERMINALS_PREFERENCE = "terminals"  # every terminal key this login has used, "\n"-separated
PERSON_PREFERENCE = "operator:"  # + terminal key: the person working at that terminal


def terminal_key(environ: Mapping[str, str] | None = None) -> str:
    """This terminal, as stable as the system allows: the tmux pane, the SSH tty, the tty."""
    env = os.environ if environ is None else environ
    for var in ("TMUX_PANE", "SSH_TTY"):
        if env.get(var):
            return f"{var}={env[var]}"
    try:
        return f"tty={os.ttyname(sys.stdin.fileno())}"
    except (OSError, ValueError, AttributeError):
        return "console"


def operator_name(login: str, person: str | None) -> str:
    return f"{login}/{person}" if person else login


def current_user() -> str:
    """Who is at the keyboard: the real user behind sudo, then the login name."""
    for var in ("SUDO_USER", "USER", "LOGNAME"):
        name = os.environ.get(var)
        if name:
            return name
    return getpass.getuser()


def split_operator(name: str) -> tuple[str, str | None]:
    """``"root/p003"`` → ``("root", "p003")``; an old row's ``"root"`` → ``("root", None)``."""
    login, slash, person = name.partition("/")
    return login, (person if slash else None)


def shown_operator(name: str, roster: Roster | None) -> str:
    """How History shows an operator: the person's name and their login, or the login."""
    login, person = split_operator(name)
    if person is None:
        return login
    found = roster.index.people.get(person) if roster else None
    return f"{found.name}（{login}）" if found else name


class OperatorAtTerminal:
    """The person remembered for this terminal, and whether to ask (a shared login)."""

    def __init__(
        self, preferences: Preferences, login: str | None = None, terminal: str | None = None
    ) -> None:
        self.preferences = preferences
        self.terminal = terminal or terminal_key()
        self.login = login or current_user()
        known = [k for k in (preferences.get(TERMINALS_PREFERENCE) or "").split("\n") if k]
        if self.terminal not in known:
            known.append(self.terminal)
            preferences.set(TERMINALS_PREFERENCE, "\n".join(known[-50:]))
        self.shared = len(known) > 1

    def person(self) -> str | None:
        return self.preferences.get(PERSON_PREFERENCE + self.terminal)

    def choose(self, person: str) -> str:
        """Remember ``person`` for this terminal; their operator name comes back."""
        self.preferences.set(PERSON_PREFERENCE + self.terminal, person)
        return operator_name(self.login, person)

    def name(self) -> str:
        return operator_name(self.login, self.person())

    def should_ask(self) -> bool:
        return self.shared and self.person() is None
