"""Enter on a gap lands on its fix: the screen where it is mended opens with the fix ready.

Each of those screens takes the gap through its ``fix_gap`` (the week grid opens the picker
or the remove/replace choice, households the carer picker, places the duty picker or the
party group choice). Shared by the gaps list and the today screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

from textual.app import App

from roster_tui.domain.gaps import Gap
from roster_tui.services.overview import fix_place
from roster_tui.tui.dialogs.care_gap import open_care_gap

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp


@runtime_checkable
class FixesGaps(Protocol):
    def fix_gap(self, gap: Gap) -> None: ...


async def go_fix(app: App[None], gap: Gap) -> None:
    """Switch to the screen where ``gap`` is fixed and hand it the gap; the care loop's gaps
    close in dialogs over the screen that found them (``dialogs.care_gap``)."""
    roster = getattr(app, "roster", None)
    if roster is not None and open_care_gap(cast("RosterApp", app), roster, gap):
        return
    await app.switch_mode(fix_place(gap.kind).value)
    screen = app.screen_stack[0]
    if isinstance(screen, FixesGaps):
        screen.fix_gap(gap)
