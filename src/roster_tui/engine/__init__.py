"""Rotation expansion, the gap check and auto-fill: pure computation over domain values.

- :mod:`.expand`: shift instances with who is assigned and who counts (``expand_instances``,
  ``rotation_picks``, and ``Expander`` to ask many questions of one roster);
- :mod:`.check`: every gap over a date range (``check``, ``check_instances``);
- :mod:`.incremental`: ``GapTracker``, gaps kept current as overrides change;
- :mod:`.describe`: one line per gap in the current language (``describe_gap``).
"""
