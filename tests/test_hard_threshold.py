"""Tests for normlib.hard_threshold (issue 10): the L0 prox, against numpy and brute force."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

import normlib as nl

finite = st.floats(-1e6, 1e6, allow_nan=False)


def test_matches_numpy_where():
    rng = np.random.default_rng(0)
    z = rng.normal(scale=3.0, size=(4, 5))
    # reference: numpy, the one-line definition
    assert_array_equal(nl.hard_threshold(z, 1.5), np.where(np.abs(z) > 1.5, z, 0.0))


def test_scalar_and_tie():
    assert nl.hard_threshold(2.5, 1.0) == 2.5
    assert nl.hard_threshold(-1.0, 1.0) == 0.0  # |z| = t: both minimizers; 0 is returned
    assert not np.signbit(nl.hard_threshold(-0.5, 1.0))


@settings(max_examples=200)
@given(finite, st.floats(0.0, 1e3))
def test_is_a_minimizer_of_the_l0_prox_objective(z, t):
    # brute force over the two candidates x = 0 and x = z of 1/2 (x - z)^2 + 1/2 t^2 [x != 0]
    def objective(x):
        return 0.5 * (x - z) ** 2 + 0.5 * t**2 * nl.l0_count(np.array([x]))

    x = nl.hard_threshold(z, t)
    assert objective(x) <= min(objective(0.0), objective(z)) + 1e-12 * max(1.0, z * z)


@given(finite, st.floats(0.0, 1e3))
def test_agrees_with_soft_threshold_on_the_zero_set(z, t):
    assert (nl.hard_threshold(z, t) == 0.0) == (nl.soft_threshold(z, t) == 0.0)
    if abs(z) > t:
        assert_allclose(nl.hard_threshold(z, t) - nl.soft_threshold(z, t), np.sign(z) * t,
                        rtol=1e-12, atol=1e-9)


def test_bad_input_and_no_mutation():
    with pytest.raises(ValueError, match="'t' parameter of hard_threshold"):
        nl.hard_threshold([1.0], -1.0)
    with pytest.raises(TypeError, match="'t' parameter of hard_threshold"):
        nl.hard_threshold([1.0], "1")
    with pytest.raises(ValueError, match="'z' parameter of hard_threshold"):
        nl.hard_threshold([np.nan], 1.0)
    z = np.array([3.0, -0.5])
    nl.hard_threshold(z, 1.0)
    assert_array_equal(z, [3.0, -0.5])
