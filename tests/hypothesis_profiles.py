"""Hypothesis profiles: ``dev`` explores, ``ci`` repeats itself exactly; tests never pick counts.

``dev`` (the default) draws fresh examples on every run and remembers failures in
``.hypothesis/``, so a developer's runs keep exploring. ``ci`` (``HYPOTHESIS_PROFILE=ci``, which
``.ci/run`` sets; also the default when ``CI`` is set) draws the same examples every time, from
a hash of each test, and prints the blob that reproduces a failure: a CI result never depends on
a random seed. Deadlines are off in both: a shared machine's pauses are not our bugs.

A property whose single example is costly says so with :func:`examples` (a share of the
profile's budget); none writes a count of its own.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

BUDGET = 40  # examples per property, in both profiles

# Both profiles start from Hypothesis' plain defaults: with ``CI`` set, Hypothesis itself makes
# its own derandomised ``ci`` profile the default, and a profile without a parent inherits that.
PLAIN = settings.get_profile("default")

settings.register_profile(
    "dev",
    parent=PLAIN,
    max_examples=BUDGET,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    parent=PLAIN,
    max_examples=BUDGET,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def load() -> str:
    """Load the profile ``HYPOTHESIS_PROFILE`` names (``ci`` under CI, else ``dev``)."""
    name = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
    settings.load_profile(name)
    return name


def examples(share: float) -> settings:
    """Settings drawing ``share`` of the loaded profile's examples (at least 5)."""
    return settings(max_examples=max(5, round(settings.default.max_examples * share)))
