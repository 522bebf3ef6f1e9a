"""Shared test configuration.

Hypothesis runs a fixed, derandomized set of examples in CI (``CI`` is set)
so that a CI run is reproducible; locally it explores new examples each run.
No deadline: timing belongs to the benchmarks, not to the tests.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=100)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
