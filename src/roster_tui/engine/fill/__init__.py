"""Auto-fill: propose people for open seats, carers for households and officials for duties.

``seats`` fills a week's open shift seats (greedy by scarcity, then repair chains and repacking);
``care`` proposes carers and duty holders; ``explain`` says why a seat stays open and how the
load is spread.
"""

from roster_tui.engine.fill.care import CareFill, CareShortfall, fill_care
from roster_tui.engine.fill.explain import LoadSpread, Shortfall
from roster_tui.engine.fill.seats import SeatFill, SeatProposal, SeatRemoval, fill_seats

__all__ = [
    "CareFill",
    "CareShortfall",
    "LoadSpread",
    "SeatFill",
    "SeatProposal",
    "SeatRemoval",
    "Shortfall",
    "fill_care",
    "fill_seats",
]
