"""Tests for normlib.norms: references (numpy, scipy, scikit-learn, math.hypot,
closed forms), the norm axioms (hypothesis), overflow/underflow safety and bad input."""

import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal
from scipy.linalg.blas import dnrm2
from scipy.spatial import distance as scipy_distance
from sklearn.metrics.pairwise import paired_distances

import normlib as nl
from normlib import norms

ORDERS = [1, 1.5, 2, 3, np.inf]
NORM_FUNCTIONS = {1: nl.l1_norm, 2: nl.l2_norm, np.inf: nl.linf_norm}

# Moderate magnitudes (or exact zero) for the axioms: the properties are exact
# in real arithmetic and these ranges keep rounding far below the tolerances.
moderate = st.one_of(st.just(0.0), st.floats(1e-3, 1e3), st.floats(-1e3, -1e-3))
vectors = arrays(np.float64, st.integers(1, 12), elements=moderate)
orders = st.sampled_from(ORDERS)
# Every finite float, subnormals and 1e308 included, for the safety properties.
any_finite = st.floats(allow_nan=False, allow_infinity=False)


def pairs_of_vectors():
    """Two vectors of the same (random) length."""
    return st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            arrays(np.float64, n, elements=moderate), arrays(np.float64, n, elements=moderate)
        )
    )


# ---------------------------------------------------------------- references: numpy


@pytest.mark.parametrize("p", ORDERS)
def test_lp_norm_matches_numpy_on_vectors(p):
    rng = np.random.default_rng(0)
    x = rng.standard_normal(50)
    # reference: np.linalg.norm(x, ord=p) is the vector p-norm for 1-D input
    assert_allclose(nl.lp_norm(x, p), np.linalg.norm(x, ord=p), rtol=1e-13)


@pytest.mark.parametrize("p", [1, 2, 3, np.inf])
@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("keepdims", [False, True])
def test_axis_and_keepdims_match_numpy(p, axis, keepdims):
    rng = np.random.default_rng(1)
    X = rng.standard_normal((6, 5))
    # reference: np.linalg.norm with an integer axis takes vector norms along it
    expected = np.linalg.norm(X, ord=p, axis=axis, keepdims=keepdims)
    result = nl.lp_norm(X, p, axis=axis, keepdims=keepdims)
    assert result.shape == expected.shape
    assert_allclose(result, expected, rtol=1e-13)


@pytest.mark.parametrize("p", [1, 2, np.inf])
def test_named_norms_equal_lp_norm(p):
    rng = np.random.default_rng(2)
    X = rng.standard_normal((4, 3, 5))
    for axis in (None, 0, 1, 2):
        assert_array_equal(NORM_FUNCTIONS[p](X, axis=axis), nl.lp_norm(X, p, axis=axis))


def test_three_dimensional_axis_matches_numpy():
    rng = np.random.default_rng(3)
    X = rng.standard_normal((3, 4, 5))
    for axis in (0, 1, 2):
        # reference: numpy vector norms along one axis of a 3-D array
        assert_allclose(nl.l2_norm(X, axis=axis), np.linalg.norm(X, axis=axis), rtol=1e-13)
        assert_allclose(nl.l1_norm(X, axis=axis), np.linalg.norm(X, 1, axis=axis), rtol=1e-13)


def test_axis_none_is_entrywise_not_a_matrix_norm():
    X = np.array([[1.0, -2.0], [3.0, 4.0]])
    # entrywise: |1| + |-2| + |3| + |4| = 10 (numpy's matrix 1-norm is the largest
    # column sum, |-2| + |4| = 6)
    assert nl.l1_norm(X) == 10.0
    assert np.linalg.norm(X, 1) == 6.0
    # for p = 2 the entrywise norm is numpy's Frobenius norm, sqrt(30)
    assert_allclose(nl.l2_norm(X), np.linalg.norm(X, "fro"), rtol=1e-15)
    assert_allclose(nl.l2_norm(X), math.sqrt(30), rtol=1e-15)
    # and the max norm is the largest entry, not numpy's largest row sum (7)
    assert nl.linf_norm(X) == 4.0


def test_keepdims_with_axis_none_keeps_every_axis():
    X = np.ones((2, 3))
    result = nl.l2_norm(X, keepdims=True)
    # reference: numpy's shape convention
    assert result.shape == np.linalg.norm(X, keepdims=True).shape == (1, 1)
    assert_allclose(result, [[math.sqrt(6)]], rtol=1e-15)  # sqrt(6 ones)


def test_scalar_results_are_python_floats():
    assert type(nl.l2_norm([3, 4])) is float
    assert type(nl.l1_norm(np.ones((2, 2)))) is float
    assert isinstance(nl.l2_norm(np.ones((2, 2)), axis=0), np.ndarray)


def test_strided_and_fortran_ordered_input():
    rng = np.random.default_rng(4)
    X = np.asfortranarray(rng.standard_normal((7, 9)))
    for axis in (0, 1):
        assert_allclose(nl.l2_norm(X, axis=axis), np.linalg.norm(X, axis=axis), rtol=1e-13)
    column = X[:, 2]  # a strided 1-D view
    assert_allclose(nl.l2_norm(column), np.linalg.norm(column), rtol=1e-13)
    assert_allclose(nl.l1_norm(X[::2, ::3]), np.abs(X[::2, ::3]).sum(), rtol=1e-13)


# ---------------------------------------------------------------- closed forms


def test_three_four_five_triangle():
    # hand-computed: sqrt(9 + 16) = 5, |3| + |4| = 7, max = 4, (27 + 64)^(1/3)
    assert nl.l2_norm([3, 4]) == 5.0
    assert nl.l1_norm([3, -4]) == 7.0
    assert nl.linf_norm([-3, 4]) == 4.0
    assert_allclose(nl.lp_norm([3, 4], p=3), 91 ** (1 / 3), rtol=1e-15)


@pytest.mark.parametrize("p", ORDERS)
def test_unit_vectors_have_norm_one(p):
    for i in range(4):
        e = np.zeros(4)
        e[i] = -1.0
        assert nl.lp_norm(e, p) == 1.0


@pytest.mark.parametrize("p", [1, 2, 3, 4.5])
def test_vector_of_ones(p):
    # closed form: ||(1, ..., 1)||_p = n ** (1 / p)
    for n in (1, 2, 10, 1000):
        assert_allclose(nl.lp_norm(np.ones(n), p), n ** (1 / p), rtol=1e-14)


def test_integer_list_and_bool_input():
    assert nl.l2_norm([3, 4]) == 5.0
    assert nl.l2_norm(np.array([3, 4], dtype=np.int8)) == 5.0  # no int8 overflow of 3**2 + 4**2
    assert nl.l1_norm([True, False, True]) == 2.0
    assert nl.l2_norm(7) == 7.0  # a scalar is a vector of length 1
    assert nl.l0_count([True, False, True]) == 2


# ---------------------------------------------------------------- overflow and underflow


def test_l2_norm_does_not_overflow():
    # hand-computed: sqrt(4 * (1e200)**2) = 2 * 1e200; unscaled, (1e200)**2 = inf
    assert nl.l2_norm([1e200] * 4) == 2e200
    assert nl.l2_norm(np.full((3, 4), 1e200), axis=1).tolist() == [2e200] * 3
    with np.errstate(over="ignore"):
        assert np.linalg.norm([1e200] * 4) == np.inf  # the failure this avoids


def test_l2_norm_does_not_underflow():
    # hand-computed: sqrt(4 * (1e-200)**2) = 2e-200; unscaled, (1e-200)**2 = 0
    assert nl.l2_norm([1e-200] * 4) == 2e-200
    assert nl.l2_norm(np.full((2, 4), 1e-200), axis=1).tolist() == [2e-200] * 2
    assert np.linalg.norm([1e-200] * 4) == 0.0  # the failure this avoids


def test_l2_norm_of_subnormal_numbers():
    # 3-4-5 triangle scaled into the subnormal range: 5e-320 is about 10120 units
    # of the smallest subnormal (4.9e-324); allow 2 of those units
    result = nl.l2_norm([3e-320, 4e-320])
    assert abs(result - 5e-320) <= 2 * 5e-324
    assert result == math.hypot(3e-320, 4e-320)  # reference: math.hypot (scaled)


def test_l2_norm_of_huge_and_tiny_entries_together():
    # hand-computed: the tiny entries are far below the last bit of sqrt(2) * 1e200
    assert_allclose(nl.l2_norm([1e200, 1e-200, -1e200]), math.sqrt(2) * 1e200, rtol=1e-15)
    # squares of 1e-160 are subnormal: sqrt(2) * 1e-160, the 1e-300 is negligible
    assert_allclose(nl.l2_norm([1e-160, 1e-300, 1e-160]), math.sqrt(2) * 1e-160, rtol=1e-15)
    # a normal-sized entry with many underflowing squares: exactly 1
    assert nl.l2_norm(np.r_[1.0, np.full(1000, 1e-200)]) == 1.0


def test_l2_norm_matches_blas_dnrm2():
    # reference: BLAS dnrm2 scales as it goes (safe against overflow and underflow)
    rng = np.random.default_rng(5)
    for scale in (1e-300, 1e-150, 1.0, 1e150, 1e300):
        x = scale * rng.standard_normal(101)
        assert_allclose(nl.l2_norm(x), dnrm2(x), rtol=1e-13)


def test_l2_norm_beyond_the_largest_float_is_inf():
    # the true norm, sqrt(2) * 1.5e308, is not representable: inf, with no warning
    assert nl.l2_norm([1.5e308, 1.5e308]) == np.inf
    # while sqrt(2) * 1e308 = 1.414e308 is, and is found
    assert_allclose(nl.l2_norm([1e308, 1e308]), math.sqrt(2) * 1e308, rtol=1e-15)


@pytest.mark.parametrize("p", [1.5, 3, 10])
def test_general_p_is_scaled(p):
    # closed form: ||c * (1, 1, 1, 1)||_p = c * 4 ** (1 / p), representable for these c
    for c in (1e-200, 1e200, 1e300):
        assert_allclose(nl.lp_norm([c] * 4, p), c * 4 ** (1 / p), rtol=1e-14)


def test_large_p_approaches_the_max_norm():
    x = np.array([1.0, -3.0, 2.0])
    # ||x||_p -> ||x||_inf = 3; for p = 1000, 3 * (1 + (2/3)**1000 + ...)**(1/1000) is 3
    assert_allclose(nl.lp_norm(x, 1000), 3.0, rtol=1e-15)
    assert nl.lp_norm(x, 1e6) == 3.0


def test_l1_norm_overflow_only_when_the_norm_does():
    assert nl.l1_norm([1e308, 5e307]) == 1.5e308  # hand-computed, representable
    assert nl.l1_norm([1e308, 1e308]) == np.inf  # 2e308 is not; no warning


@pytest.mark.parametrize("n", [norms._BLOCK + 1, 3 * norms._BLOCK + 17])
def test_l1_norm_of_long_vectors(n, monkeypatch):
    rng = np.random.default_rng(6)
    x = rng.standard_normal(n)
    # reference: numpy's abs-then-sum (pairwise); other summation orders differ by rounding
    assert_allclose(nl.l1_norm(x), np.abs(x).sum(), rtol=1e-12)
    # the numpy-only path (no scipy) sums block by block
    monkeypatch.setattr(norms, "_blas_dasum", lambda: None)
    assert_allclose(nl.l1_norm(x), np.abs(x).sum(), rtol=1e-12)
    x[n // 2] = np.nan
    with pytest.raises(ValueError, match=r"'x' parameter of l1_norm .* got NaN\."):
        nl.l1_norm(x)


def test_nan_in_a_long_vector_is_reported():
    x = np.ones(norms._BLOCK + 5)
    x[-1] = np.inf
    with pytest.raises(ValueError, match=r"l1_norm must contain only finite values; got inf\."):
        nl.l1_norm(x)
    with pytest.raises(ValueError, match=r"l2_norm must contain only finite values; got inf\."):
        nl.l2_norm(x)


# ---------------------------------------------------------------- hypothesis: norm axioms


@given(vectors, orders)
def test_non_negative_and_definite(x, p):
    value = nl.lp_norm(x, p)
    assert value >= 0.0
    assert (value == 0.0) == (not x.any())


@given(vectors, orders, moderate)
def test_absolute_homogeneity(x, p, a):
    # a subnormal a would round a * x before any norm is taken: a is moderate too
    assert_allclose(nl.lp_norm(a * x, p), abs(a) * nl.lp_norm(x, p), rtol=1e-12, atol=0)


@given(pairs_of_vectors(), orders)
def test_triangle_inequality(xy, p):
    x, y = xy
    assert nl.lp_norm(x + y, p) <= (nl.lp_norm(x, p) + nl.lp_norm(y, p)) * (1 + 1e-12)


@given(vectors)
def test_norm_chain(x):
    # ||x||_inf <= ||x||_2 <= ||x||_1 <= sqrt(n) ||x||_2
    slack = 1 + 1e-12
    linf, l2, l1 = nl.linf_norm(x), nl.l2_norm(x), nl.l1_norm(x)
    assert linf <= l2 * slack
    assert l2 <= l1 * slack
    assert l1 <= math.sqrt(x.size) * l2 * slack


@given(vectors, st.floats(1, 20), st.floats(1, 20))
def test_norm_decreases_in_p(x, p, q):
    p, q = min(p, q), max(p, q)
    assert nl.lp_norm(x, q) <= nl.lp_norm(x, p) * (1 + 1e-12)
    assert nl.linf_norm(x) <= nl.lp_norm(x, q) * (1 + 1e-12)


@given(arrays(np.float64, st.integers(1, 20), elements=any_finite))
def test_l2_norm_matches_math_hypot_over_the_whole_float_range(x):
    # reference: math.hypot, which scales (and is inf only if the true norm is);
    # atol covers results in the subnormal range, where floats have fewer digits
    assert_allclose(nl.l2_norm(x), math.hypot(*x), rtol=1e-14, atol=1e-321)


@given(
    arrays(np.float64, st.integers(1, 12), elements=st.floats(1e-3, 1e3)),
    st.integers(-1000, 1000),
    orders,
)
def test_scaling_by_powers_of_two_far_into_the_extremes(x, k, p):
    # ||2**k x|| = 2**k ||x|| exactly in real arithmetic; 2**k x is exact in floats,
    # and for |k| <= 1000 both sides stay representable (between 1e-304 and 1e305)
    assert_allclose(nl.lp_norm(np.ldexp(x, k), p), np.ldexp(nl.lp_norm(x, p), k), rtol=1e-13)


@given(st.lists(moderate, min_size=1, max_size=6), st.lists(moderate, min_size=1, max_size=6))
def test_axis_reduction_equals_one_norm_per_row(row_a, row_b):
    n = min(len(row_a), len(row_b))
    X = np.array([row_a[:n], row_b[:n]])
    for p in ORDERS:
        assert_allclose(
            nl.lp_norm(X, p, axis=1), [nl.lp_norm(X[0], p), nl.lp_norm(X[1], p)], rtol=1e-15
        )


# ---------------------------------------------------------------- l0_count


def test_l0_count_matches_numpy():
    rng = np.random.default_rng(7)
    X = rng.standard_normal((5, 6)) * (rng.random((5, 6)) < 0.4)
    # references: np.count_nonzero, and np.linalg.norm(x, 0) (a float) for vectors
    assert nl.l0_count(X) == np.count_nonzero(X)
    assert_array_equal(nl.l0_count(X, axis=0), np.count_nonzero(X, axis=0))
    assert nl.l0_count(X[0]) == np.linalg.norm(X[0], 0)
    assert nl.l0_count(X, axis=1, keepdims=True).shape == (5, 1)
    assert type(nl.l0_count(X)) is int


def test_l0_count_is_not_homogeneous():
    x = np.array([0.0, 1e-300, -2.0, 0.0])
    assert nl.l0_count(x) == 2  # 1e-300 is not zero
    assert nl.l0_count(5 * x) == nl.l0_count(x)  # ||5x||_0 != 5 ||x||_0: not a norm


# ---------------------------------------------------------------- distances


@pytest.mark.parametrize("p", ORDERS)
def test_distance_matches_scipy(p):
    rng = np.random.default_rng(8)
    a, b = rng.standard_normal((2, 9))
    # reference: scipy.spatial.distance.minkowski (chebyshev for p = inf)
    expected = scipy_distance.chebyshev(a, b) if p == np.inf else scipy_distance.minkowski(a, b, p)
    assert_allclose(nl.distance(a, b, p), expected, rtol=1e-13)


def test_manhattan_and_euclidean_match_scipy_and_sklearn():
    rng = np.random.default_rng(9)
    A, B = rng.standard_normal((2, 6, 4))
    # references: scipy for one pair, scikit-learn's paired_distances row by row
    assert_allclose(nl.manhattan(A[0], B[0]), scipy_distance.cityblock(A[0], B[0]), rtol=1e-14)
    assert_allclose(nl.euclidean(A[0], B[0]), scipy_distance.euclidean(A[0], B[0]), rtol=1e-14)
    assert_allclose(nl.manhattan(A, B), paired_distances(A, B, metric="manhattan"), rtol=1e-13)
    assert_allclose(nl.euclidean(A, B), paired_distances(A, B, metric="euclidean"), rtol=1e-13)
    assert nl.distance(A, B).shape == (6,)


def test_manhattan_vs_euclidean_on_the_city_grid():
    # the Wikipedia picture: from (0, 0) to (6, 6), every staircase path is 12 blocks,
    # the diagonal 6 * sqrt(2)
    assert nl.manhattan([0, 0], [6, 6]) == 12.0
    assert_allclose(nl.euclidean([0, 0], [6, 6]), 6 * math.sqrt(2), rtol=1e-15)


def test_distance_overflowing_difference():
    # a - b = 2e308 overflows; the true distance is then not representable either
    assert nl.distance([1e308], [-1e308]) == np.inf
    assert nl.manhattan([1e308, 0.0], [-1e308, 0.0]) == np.inf
    # a difference that fits is found even when its square would not
    assert nl.euclidean([1e300, 0.0], [-1e300, 0.0]) == 2e300


@given(pairs_of_vectors(), orders)
def test_distance_is_a_metric(ab, p):
    a, b = ab
    assert nl.distance(a, b, p) == nl.distance(b, a, p)  # symmetric
    assert nl.distance(a, a, p) == 0.0
    assert_allclose(nl.distance(a, b, p), nl.lp_norm(a - b, p), rtol=1e-15)


# ---------------------------------------------------------------- unit balls


@pytest.mark.parametrize("p", [1, 1.5, 2, 3, 10, np.inf])
def test_unit_ball_points_have_norm_one(p):
    points = nl.unit_ball(p, n=64)
    assert points.shape == (64, 2)
    assert_allclose(nl.lp_norm(points, p, axis=1), 1.0, rtol=1e-14)


@pytest.mark.parametrize("p", [0.3, 0.5, 0.9])
def test_unit_ball_of_a_quasi_norm(p):
    points = nl.unit_ball(p, n=64)
    # the quasi-norm by its formula (lp_norm refuses p < 1)
    quasi = (np.abs(points) ** p).sum(axis=1) ** (1 / p)
    assert_allclose(quasi, 1.0, rtol=1e-13)


@pytest.mark.parametrize("p", [0.5, 1, 2, np.inf])
def test_unit_ball_points_lie_on_their_rays(p):
    n = 24
    points = nl.unit_ball(p, n=n)
    theta = 2 * np.pi * np.arange(n) / n
    # same direction as (cos, sin): zero cross product, positive dot product
    cross = points[:, 0] * np.sin(theta) - points[:, 1] * np.cos(theta)
    dot = points[:, 0] * np.cos(theta) + points[:, 1] * np.sin(theta)
    assert_allclose(cross, 0.0, atol=1e-15)
    assert (dot > 0).all()


def test_unit_ball_closed_forms():
    # at 0, 45 and 90 degrees, by hand:
    # p = 1: the diamond's edge x + y = 1 at (1/2, 1/2)
    assert_allclose(nl.unit_ball(1, n=8)[:3], [[1, 0], [0.5, 0.5], [0, 1]], atol=1e-15)
    # p = 2: the circle, (cos 45, sin 45) = (sqrt(2)/2, sqrt(2)/2)
    assert_allclose(nl.unit_ball(2, n=8)[1], [math.sqrt(0.5)] * 2, rtol=1e-15)
    # p = inf: the square's corner (1, 1)
    assert_allclose(nl.unit_ball(np.inf, n=8)[1], [1, 1], rtol=1e-15)
    # p = 1/2: (2 * sqrt(t))**2 = 1 gives t = 1/4
    assert_allclose(nl.unit_ball(0.5, n=8)[1], [0.25, 0.25], rtol=1e-14)
    # the axes are hit exactly
    assert_array_equal(nl.unit_ball(3, n=4), [[1, 0], [0, 1], [-1, 0], [0, -1]])


def test_quasi_norm_ball_is_not_convex():
    # the midpoint of (1, 0) and (0, 1), both on the p = 1/2 sphere, lies outside it:
    # (2 * sqrt(1/2))**2 = 2 > 1. This is the triangle inequality failing.
    midpoint = np.array([0.5, 0.5])
    assert (np.sqrt(midpoint).sum()) ** 2 == pytest.approx(2.0)
    ball_at_45 = nl.unit_ball(0.5, n=8)[1]
    assert (ball_at_45 < midpoint).all()


# ---------------------------------------------------------------- bad input


def raises(exception, message):
    """pytest.raises matching a literal piece of the error message."""
    return pytest.raises(exception, match=re.escape(message))


NORM_CALLS = {
    "lp_norm": lambda x: nl.lp_norm(x, 3),
    "l1_norm": nl.l1_norm,
    "l2_norm": nl.l2_norm,
    "linf_norm": nl.linf_norm,
    "l0_count": nl.l0_count,
    "distance": lambda x: nl.distance(x, np.zeros_like(x)),
    "manhattan": lambda x: nl.manhattan(np.zeros_like(x), x),
    "euclidean": lambda x: nl.euclidean(x, np.zeros_like(x)),
}


@pytest.mark.parametrize("name", list(NORM_CALLS))
def test_nan_is_refused(name):
    with raises(ValueError, f"parameter of {name} must contain only finite values; got NaN."):
        NORM_CALLS[name](np.array([[1.0, np.nan], [0.0, 1.0]]))


@pytest.mark.parametrize("name", list(NORM_CALLS))
def test_inf_is_refused(name):
    with raises(ValueError, f"parameter of {name} must contain only finite values; got inf."):
        NORM_CALLS[name](np.array([1.0, -np.inf, 2.0]))


@pytest.mark.parametrize("name", list(NORM_CALLS))
def test_empty_is_refused(name):
    with raises(ValueError, f"parameter of {name} must not be empty; got shape (3, 0)."):
        NORM_CALLS[name](np.zeros((3, 0)))


@pytest.mark.parametrize("name", list(NORM_CALLS))
def test_non_numeric_is_refused(name):
    with raises(ValueError, f"parameter of {name} must be an array of real numbers; got dtype <U1"):
        NORM_CALLS[name](np.array(["a", "b"]))
    with raises(ValueError, "must be an array of real numbers; got dtype complex128."):
        NORM_CALLS[name](np.array([1 + 2j, 3]))


def test_ragged_list_is_refused():
    with raises(ValueError, "The 'x' parameter of l2_norm must be an array of real numbers"):
        nl.l2_norm([[1, 2], [3]])


@pytest.mark.parametrize("p", [0.5, 0, -1, -np.inf])
@pytest.mark.parametrize(
    ("func", "call"),
    [
        ("lp_norm", lambda p: nl.lp_norm([1, 2], p)),
        ("distance", lambda p: nl.distance([1], [2], p)),
    ],
)
def test_p_below_one_is_not_a_norm(p, func, call):
    expected = (
        f"The 'p' parameter of {func} must be >= 1 or np.inf; got {p!r}. "
        "For p < 1, ||x||_p is not a norm (the triangle inequality fails); "
        "use unit_ball(p) to draw its non-convex unit 'ball'."
    )
    with raises(ValueError, expected):
        call(p)


def test_p_nan_and_non_number():
    with raises(ValueError, "The 'p' parameter of lp_norm must be a finite real number; got nan."):
        nl.lp_norm([1, 2], np.nan)
    with raises(TypeError, "The 'p' parameter of lp_norm must be a real number; got 'fro'."):
        nl.lp_norm([1, 2], "fro")


def test_bad_axis():
    with raises(
        ValueError, "'axis' parameter of l2_norm must be in [-2, 1] for a 2-D array; got 2."
    ):
        nl.l2_norm(np.ones((2, 3)), axis=2)
    with raises(TypeError, "'axis' parameter of l1_norm must be None or an integer; got 0.5."):
        nl.l1_norm(np.ones(3), axis=0.5)
    with raises(TypeError, "'axis' parameter of l0_count must be None or an integer; got (0, 1)."):
        nl.l0_count(np.ones((2, 2)), axis=(0, 1))


def test_bad_keepdims():
    with raises(
        ValueError, "'keepdims' parameter of l2_norm must be one of {False, True}; got 'yes'."
    ):
        nl.l2_norm([1, 2], keepdims="yes")


def test_distance_shapes_must_match():
    with raises(
        ValueError,
        "'a' and 'b' parameters of distance must have the same shape; got (3,) and (2,).",
    ):
        nl.distance([1, 2, 3], [1, 2])


def test_distance_wrong_ndim():
    with raises(
        ValueError, "'a' parameter of euclidean must be a 1-D or 2-D array; got a 3-D array"
    ):
        nl.euclidean(np.ones((2, 2, 2)), np.ones((2, 2, 2)))


def test_unit_ball_bad_arguments():
    with raises(ValueError, "The 'p' parameter of unit_ball must be a real number > 0; got 0."):
        nl.unit_ball(0)
    with raises(ValueError, "The 'p' parameter of unit_ball must be a real number > 0; got -inf."):
        nl.unit_ball(-np.inf)
    with raises(ValueError, "The 'n' parameter of unit_ball must be an integer >= 1; got 0."):
        nl.unit_ball(2, n=0)
    with raises(TypeError, "The 'n' parameter of unit_ball must be an integer; got 10.0."):
        nl.unit_ball(2, n=10.0)


# ---------------------------------------------------------------- inputs are not modified


@pytest.mark.parametrize("name", list(NORM_CALLS))
def test_input_not_modified_and_read_only_accepted(name):
    rng = np.random.default_rng(10)
    x = rng.standard_normal((4, 5))
    x[1] = 0.0
    copy = x.copy()
    NORM_CALLS[name](x)
    assert_array_equal(x, copy)
    assert x.flags.writeable  # the caller's array keeps its flags
    x.flags.writeable = False
    NORM_CALLS[name](x)
    assert_array_equal(x, copy)


def test_huge_input_not_modified():
    x = np.array([[1e200, 1e200], [1e-300, 0.0]])
    copy = x.copy()
    nl.l2_norm(x, axis=1)
    nl.lp_norm(x, 3, axis=0)
    assert_array_equal(x, copy)


# ---------------------------------------------------------------- issue 12


def test_norms_of_float32_arrays_are_float32_arrays():
    # numpy.linalg.norm keeps float32 too (reference below); a single norm is a Python float
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 3)).astype(np.float32)
    assert np.linalg.norm(x, axis=1).dtype == np.float32
    for func in (nl.l1_norm, nl.l2_norm, nl.linf_norm):
        result = func(x, axis=1)
        assert result.dtype == np.float32
        assert func(x, axis=0, keepdims=True).dtype == np.float32
        assert isinstance(func(x), float)
    assert nl.lp_norm(x, 3, axis=1).dtype == np.float32
    assert nl.distance(x, x * 2).dtype == np.float32
    assert nl.distance(x, (x * 2).astype(np.float64)).dtype == np.float64
    assert_allclose(nl.l2_norm(x, axis=1), np.linalg.norm(x, axis=1), rtol=1e-6)
    # beyond float32's range: inf, as numpy gives, not NaN and no warning
    big = np.array([[3e38, 3e38]], dtype=np.float32)
    assert nl.l1_norm(big, axis=1)[0] == np.inf


@pytest.mark.parametrize("bad", [0, 1, "yes", np.array([True])])
def test_keepdims_must_be_a_bool(bad):
    with pytest.raises(ValueError, match=r"'keepdims' parameter of l2_norm must be one of"):
        nl.l2_norm([1.0, 2.0], keepdims=bad)


def test_masked_arrays_are_refused_not_silently_unmasked():
    masked = np.ma.masked_array([3.0, 4.0, 100.0], mask=[0, 0, 1])
    with pytest.raises(TypeError, match=r"'x' parameter of l2_norm must not be a masked"):
        nl.l2_norm(masked)
