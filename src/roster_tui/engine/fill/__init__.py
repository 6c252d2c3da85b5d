"""Auto-fill: propose people for open seats, carers for households and officials for duties.

``seats`` fills a week's open shift seats (greedy by scarcity, then the exact model over people
and slots, or repair chains and repacking);
``care`` proposes carers and duty holders; ``explain`` says why a seat stays open; ``fairness``
weighs people's load over the four weeks before and the week, and says how it is spread.
"""

from roster_tui.engine.fill.care import CareFill, CareShortfall, fill_care
from roster_tui.engine.fill.explain import Shortfall
from roster_tui.engine.fill.fairness import Load, Loads, LoadSpread, Spread, load_spread
from roster_tui.engine.fill.seats import SeatFill, SeatProposal, SeatRemoval, fill_seats

__all__ = [
    "CareFill",
    "CareShortfall",
    "Load",
    "LoadSpread",
    "Loads",
    "SeatFill",
    "SeatProposal",
    "SeatRemoval",
    "Shortfall",
    "Spread",
    "fill_care",
    "fill_seats",
    "load_spread",
]
