"""pytest configuration for the doctests in ``normlib/`` (``tests/conftest.py`` has the rest).

The plotting doctests each open a figure; close them after every doctest so that
matplotlib's "more than 20 figures" RuntimeWarning (an error under this project's
``filterwarnings``) never depends on how many doctests ran before.
"""

import sys

import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
