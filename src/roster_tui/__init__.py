"""roster-tui: duty rosters, responsibility and quarantine care for a sub-district."""

__version__ = "0.1.0"
