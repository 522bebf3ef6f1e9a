"""Tests for normlib.penalties: references (numpy, scikit-learn, finite differences)
and properties (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.metrics import mean_squared_error

import normlib as nl

# Moderate magnitudes: the properties are exact in real arithmetic, and these
# ranges keep the floating-point error far below the tolerances used.
finite = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False)
# no subnormal-range magnitudes either, for the relative comparisons of homogeneity
moderate = st.one_of(
    st.just(0.0), st.floats(1e-100, 1e3), st.floats(-1e3, -1e-100)
)
vectors = arrays(np.float64, st.integers(1, 8), elements=moderate)
nonneg = st.floats(min_value=0.0, max_value=1e3, allow_nan=False)


def central_difference(f, w, h=1e-6):
    """Central finite-difference gradient of a scalar function f at w."""
    grad = np.empty_like(w)
    for j in range(w.size):
        step = np.zeros_like(w)
        step[j] = h
        grad[j] = (f(w + step) - f(w - step)) / (2 * h)
    return grad


def small_problem(seed, n=12, p=4):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = rng.standard_normal(n)
    # weights bounded away from 0 so that |w| is differentiable near them
    w = rng.choice([-1.0, 1.0], p) * rng.uniform(0.5, 2.0, p)
    return X, y, w


# ---------------------------------------------------------------- penalties vs numpy


def test_penalties_match_numpy_norms():
    rng = np.random.default_rng(0)
    w = rng.standard_normal(7)
    lam = 0.7
    # references: numpy's vector 1-norm and 2-norm
    assert_allclose(nl.l1_penalty(w, lam), lam * np.linalg.norm(w, 1), rtol=1e-14)
    assert_allclose(nl.l2_penalty(w, lam), 0.5 * lam * np.linalg.norm(w) ** 2, rtol=1e-14)
    assert_allclose(nl.l2_penalty(w, lam, half=False), lam * np.linalg.norm(w) ** 2, rtol=1e-14)


def test_elastic_net_penalty_mixes_l1_and_half_l2():
    rng = np.random.default_rng(1)
    w = rng.standard_normal(5)
    lam, rho = 1.3, 0.3
    # definition in the api: lam * (rho * ||w||_1 + 0.5 * (1 - rho) * ||w||_2^2)
    expected = lam * (rho * np.linalg.norm(w, 1) + 0.5 * (1 - rho) * np.linalg.norm(w) ** 2)
    assert_allclose(nl.elastic_net_penalty(w, lam, rho), expected, rtol=1e-14)
    # the end points are the lasso and the (halved) ridge penalties
    assert_allclose(nl.elastic_net_penalty(w, lam, 1.0), nl.l1_penalty(w, lam), rtol=1e-14)
    assert_allclose(nl.elastic_net_penalty(w, lam, 0.0), nl.l2_penalty(w, lam), rtol=1e-14)


def test_penalties_accept_lists_and_scalars():
    # hand-computed: |3| + |-4| = 7, 3^2 + 4^2 = 25
    assert nl.l1_penalty([3, -4], 1) == 7.0
    assert nl.l2_penalty([3, -4], 2) == 25.0
    assert nl.l1_penalty(-2.5, 2.0) == 5.0


# ---------------------------------------------------------------- gradients


def test_l1_subgradient_is_lam_sign_not_constant_lam():
    w = np.array([2.0, -3.0, 0.0])
    # the derivative of lam*|w| is lam*sign(w): negative weights get -lam
    assert_array_equal(nl.l1_subgradient(w, 0.5), [0.5, -0.5, 0.0])


@given(vectors, nonneg)
def test_l1_subgradient_lies_in_the_subdifferential(w, lam):
    g = nl.l1_subgradient(w, lam)
    nonzero = w != 0
    # {lam*sign(w_j)} where w_j != 0, the interval [-lam, lam] at 0
    assert_array_equal(g[nonzero], lam * np.sign(w[nonzero]))
    assert np.all(np.abs(g[~nonzero]) <= lam)


def test_l1_subgradient_is_the_derivative_away_from_zero():
    _, _, w = small_problem(2)
    numeric = central_difference(lambda v: nl.l1_penalty(v, 0.8), w)
    assert_allclose(nl.l1_subgradient(w, 0.8), numeric, rtol=1e-7)


@pytest.mark.parametrize("half", [True, False])
def test_l2_gradient_matches_finite_differences(half):
    _, _, w = small_problem(3)
    numeric = central_difference(lambda v: nl.l2_penalty(v, 1.7, half=half), w)
    assert_allclose(nl.l2_gradient(w, 1.7, half=half), numeric, rtol=1e-7)


def test_sse_matches_scikit_learn_mean_squared_error():
    X, y, w = small_problem(4)
    # reference: n * mean squared error
    expected = len(y) * mean_squared_error(y, X @ w)
    assert_allclose(nl.sse(X, y, w), expected, rtol=1e-13)


def test_sse_gradient_matches_finite_differences():
    X, y, w = small_problem(5)
    numeric = central_difference(lambda v: nl.sse(X, y, v), w)
    assert_allclose(nl.sse_gradient(X, y, w), numeric, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize(
    ("penalty", "half"),
    [("l1", True), ("l2", True), ("l2", False), ("elasticnet", True), (None, True)],
)
def test_cost_gradient_matches_finite_differences(penalty, half):
    X, y, w = small_problem(6)

    def f(v):
        return nl.cost(X, y, v, 1.5, penalty, l1_ratio=0.3, half=half)

    numeric = central_difference(f, w)
    analytic = nl.cost_gradient(X, y, w, 1.5, penalty, l1_ratio=0.3, half=half)
    assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-7)


def test_cost_is_sse_plus_penalty():
    X, y, w = small_problem(7)
    lam = 0.9
    sse = nl.sse(X, y, w)
    assert_allclose(nl.cost(X, y, w, lam, "l1"), sse + nl.l1_penalty(w, lam), rtol=1e-14)
    assert_allclose(nl.cost(X, y, w, lam, "l2"), sse + nl.l2_penalty(w, lam), rtol=1e-14)
    assert_allclose(
        nl.cost(X, y, w, lam, "elasticnet", l1_ratio=0.2),
        sse + nl.elastic_net_penalty(w, lam, 0.2),
        rtol=1e-14,
    )
    assert nl.cost(X, y, w, lam, None) == sse


def test_cost_gradient_uses_sign_zero_at_zero():
    X, y, _ = small_problem(8)
    w = np.zeros(X.shape[1])
    # at w = 0 the L1 part contributes sign(0) = 0: only the SSE gradient remains
    assert_allclose(nl.cost_gradient(X, y, w, 5.0, "l1"), nl.sse_gradient(X, y, w), rtol=0)


# ---------------------------------------------------------------- gradient step


@given(vectors, st.floats(min_value=1e-6, max_value=10.0))
def test_gradient_step_returns_a_new_array_and_does_not_mutate(w, lr):
    grad = np.linspace(-1.0, 1.0, w.size)
    w_before, grad_before = w.copy(), grad.copy()
    out = nl.gradient_step(w, grad, lr)
    assert out is not w
    assert not np.shares_memory(out, w)
    assert_array_equal(w, w_before)
    assert_array_equal(grad, grad_before)
    # definition: w - lr * grad
    assert_allclose(out, w_before - lr * grad_before, rtol=0, atol=0)


def test_gradient_step_output_is_writeable():
    out = nl.gradient_step([1.0, 2.0], [0.5, 0.5], 1.0)
    out[0] = 7.0  # a learner's loop updates the result in place
    assert_array_equal(out, [7.0, 1.5])


# ---------------------------------------------------------------- soft thresholding


@given(finite, nonneg)
def test_soft_threshold_shrinks_by_at_most_t_and_keeps_the_sign(z, t):
    s = nl.soft_threshold(z, t)
    assert abs(s) <= abs(z)
    assert abs(z) - abs(s) <= t * (1 + 1e-15) + 1e-12
    assert s * z >= 0


@given(st.floats(min_value=0.0, max_value=1e3), st.floats(min_value=0.0, max_value=1.0))
def test_soft_threshold_is_zero_inside_the_interval(t, fraction):
    # every z with |z| <= t maps to exactly 0
    assert nl.soft_threshold(fraction * t, t) == 0.0
    assert nl.soft_threshold(-fraction * t, t) == 0.0


@given(vectors, nonneg)
def test_soft_threshold_is_odd(z, t):
    assert_array_equal(nl.soft_threshold(-z, t), -nl.soft_threshold(z, t))


@given(finite, finite, nonneg)
def test_soft_threshold_is_nonexpansive(a, b, t):
    # |S(a) - S(b)| <= |a - b| (prox operators are 1-Lipschitz)
    diff = abs(nl.soft_threshold(a, t) - nl.soft_threshold(b, t))
    assert diff <= abs(a - b) * (1 + 1e-12) + 1e-12


@given(
    st.floats(min_value=-10.0, max_value=10.0),
    st.floats(min_value=0.0, max_value=5.0),
)
def test_soft_threshold_is_the_prox_of_t_abs(z, t):
    # S_t(z) minimizes 0.5*(x - z)^2 + t*|x|: compare with a fine grid search
    grid = np.linspace(-16.0, 16.0, 64001)  # spacing 5e-4, covers every minimizer
    values = 0.5 * (grid - z) ** 2 + t * np.abs(grid)
    s = nl.soft_threshold(z, t)
    at_s = 0.5 * (s - z) ** 2 + t * abs(s)
    assert at_s <= values.min() + 1e-12
    assert abs(s - grid[np.argmin(values)]) <= 5e-4


def test_soft_threshold_examples_and_shape():
    z = np.array([[-3.0, -0.5], [0.5, 3.0]])
    # hand-computed with t = 1: -3 -> -2, +-0.5 -> 0, 3 -> 2
    out = nl.soft_threshold(z, 1.0)
    assert out.shape == (2, 2)
    assert_array_equal(out, [[-2.0, 0.0], [0.0, 2.0]])
    assert isinstance(nl.soft_threshold(2.5, 1.0), float)


# ---------------------------------------------------------------- penalty properties


@given(vectors, nonneg, st.floats(min_value=0.0, max_value=1.0))
def test_penalties_are_nonnegative(w, lam, rho):
    assert nl.l1_penalty(w, lam) >= 0
    assert nl.l2_penalty(w, lam) >= 0
    assert nl.elastic_net_penalty(w, lam, rho) >= 0


@given(vectors, st.one_of(st.just(0.0), st.floats(1e-3, 10.0), st.floats(-10.0, -1e-3)))
def test_penalties_are_homogeneous(w, c):
    # ||c w||_1 = |c| ||w||_1 (degree 1); ||c w||_2^2 = c^2 ||w||_2^2 (degree 2)
    lam = 0.7
    assert_allclose(nl.l1_penalty(c * w, lam), abs(c) * nl.l1_penalty(w, lam), rtol=1e-12)
    assert_allclose(nl.l2_penalty(c * w, lam), c**2 * nl.l2_penalty(w, lam), rtol=1e-12)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "func", [nl.l1_penalty, nl.l2_penalty, nl.l1_subgradient, nl.l2_gradient]
)
def test_negative_or_nan_lam_is_refused(func):
    with pytest.raises(ValueError, match=r"'lam' parameter of .* must be .*>= 0; got -1\.0"):
        func([1.0, 2.0], -1.0)
    with pytest.raises(ValueError, match=r"'lam' parameter .* got nan"):
        func([1.0, 2.0], float("nan"))


def test_nan_in_w_and_X_is_refused():
    with pytest.raises(ValueError, match=r"'w' parameter of l1_penalty .* got NaN"):
        nl.l1_penalty([1.0, np.nan], 1.0)
    with pytest.raises(ValueError, match=r"'X' parameter of sse .* got NaN"):
        nl.sse([[np.nan, 1.0]], [1.0], [1.0, 1.0])


def test_mismatched_shapes_are_refused():
    with pytest.raises(ValueError, match="same number of samples; got 2 rows in X and 3"):
        nl.sse(np.ones((2, 2)), np.ones(3), np.ones(2))
    with pytest.raises(ValueError, match=r"one coefficient per column of X; got 3 .* 2 columns"):
        nl.sse_gradient(np.ones((2, 2)), np.ones(2), np.ones(3))
    with pytest.raises(ValueError, match="'grad' parameter of gradient_step must have the shape"):
        nl.gradient_step([1.0, 2.0], [1.0], 0.1)


def test_bad_options_are_refused():
    X, y, w = np.ones((2, 2)), np.ones(2), np.ones(2)
    with pytest.raises(ValueError, match=r"'penalty' parameter of cost must be one of .* got 'l3'"):
        nl.cost(X, y, w, 1.0, "l3")
    with pytest.raises(ValueError, match=r"'l1_ratio' parameter of cost_gradient .* got 1.5"):
        nl.cost_gradient(X, y, w, 1.0, "elasticnet", l1_ratio=1.5)
    with pytest.raises(ValueError, match="'l1_ratio' parameter of elastic_net_penalty"):
        nl.elastic_net_penalty(w, 1.0, -0.1)
    with pytest.raises(ValueError, match=r"'t' parameter of soft_threshold .* got -1.0"):
        nl.soft_threshold([1.0], -1.0)
    with pytest.raises(ValueError, match=r"'lr' parameter of gradient_step must be .*> 0"):
        nl.gradient_step([1.0], [1.0], 0.0)
    with pytest.raises(TypeError, match="'lam' parameter of l1_penalty must be a real number"):
        nl.l1_penalty([1.0], "big")


def test_inputs_are_not_mutated():
    X, y, w = small_problem(9)
    copies = X.copy(), y.copy(), w.copy()
    nl.cost(X, y, w, 1.0, "elasticnet")
    nl.cost_gradient(X, y, w, 1.0, "l1")
    nl.sse_gradient(X, y, w)
    nl.soft_threshold(w, 0.5)
    for before, after in zip(copies, (X, y, w), strict=True):
        assert_array_equal(before, after)


# ------------------------------------------------- issue 12: edges of the float range


def test_zero_lam_gives_a_zero_penalty_however_large_the_weights():
    # was: NaN (0 * inf: the sum of squares overflowed first)
    assert nl.l2_penalty([1e200], 0.0) == 0.0
    assert nl.l2_penalty([1e200], 0.0, half=False) == 0.0
    assert nl.l1_penalty([1e308, 1e308], 0.0) == 0.0
    assert nl.elastic_net_penalty([1e308, 1e308], 0.0, 0.5) == 0.0


def test_penalties_of_huge_weights_are_the_true_value_when_representable():
    # references: the closed forms, computed by hand
    assert nl.l1_penalty([1e308, 1e308], 1e-10) == pytest.approx(2e298, rel=1e-15)
    assert nl.l2_penalty([1e200], 1e-300) == pytest.approx(0.5e100, rel=1e-15)
    assert nl.l2_penalty([3e-200, 4e-200], 1e300) == pytest.approx(0.5 * 25e-100, rel=1e-14)
    assert nl.l2_penalty([1e200], 1.0) == np.inf  # true value 5e399
    # 1e-300 * (0.5 * 1e200 + 0.25 * 1e400) = 5e-101 + 2.5e99
    assert nl.elastic_net_penalty([1e200], 1e-300, 0.5) == pytest.approx(2.5e99, rel=1e-14)


def issue12_data():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((15, 4))
    y = X @ [1.5, 0, -2, 0.5] + 0.3 * rng.standard_normal(15)
    return X, y


def test_cost_with_lam_zero_and_huge_weights_is_the_sse_not_nan():
    X, y = issue12_data()
    w = np.array([1e200, 0.0, 0.0, 0.0])
    for penalty in ("l1", "l2", "elasticnet", None):
        assert nl.cost(X, y, w, 0.0, penalty=penalty) == np.inf  # the SSE is ~1e401
    w = np.array([1e150, 0.0, 0.0, 0.0])  # SSE ~1e301: representable
    expected = 1e300 * float(X[:, 0] @ X[:, 0])  # (y - 1e150 x)^2 ~ 1e300 x^2
    assert nl.cost(X, y, w, 0.0, penalty="l2") == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("scale", [1e300, 1e200, 1e160])
def test_gradients_on_huge_x_are_signed_infinities_or_exact(scale):
    # was: NaN (inf - inf inside X.T @ r). Reference: the gradient at scale 1,
    # 2 X^T X w - 2 X^T y, times scale^2 (the X^T X w term dominates).
    X, y = issue12_data()
    w = np.ones(4)
    reference = 2.0 * X.T @ (X @ w)
    grad = nl.sse_gradient(scale * X, y, w)
    assert not np.isnan(grad).any()
    if scale > 1e154:  # scale^2 * |reference| (~10 to 50) exceeds 1.8e308
        assert_array_equal(grad, np.sign(reference) * np.inf)
    else:
        assert_allclose(grad / scale / scale, reference, rtol=1e-12)
    total = nl.cost_gradient(scale * X, y, w, 1.0, penalty="l1")
    assert_array_equal(np.isinf(total), np.isinf(grad))
    assert not np.isnan(total).any()
    assert not np.isnan(nl.sse(scale * X, y, w))


def test_sse_of_huge_data_is_exact_when_representable():
    X, y = issue12_data()
    w = np.array([1.0, -1.0, 0.5, 0.0])
    base = nl.sse(X, y, w)
    assert nl.sse(1e150 * X, 1e150 * y, w) == pytest.approx(1e300 * base, rel=1e-12)
    assert nl.sse(1e200 * X, 1e200 * y, w) == np.inf


@pytest.mark.parametrize("bad", ["no", np.array([1, 0]), 1, None])
def test_half_must_be_a_bool(bad):
    X, y = issue12_data()
    for call in (
        lambda: nl.l2_penalty([1.0], 1.0, half=bad),
        lambda: nl.l2_gradient([1.0], 1.0, half=bad),
        lambda: nl.cost(X, y, np.zeros(4), 1.0, "l2", half=bad),
        lambda: nl.cost_gradient(X, y, np.zeros(4), 1.0, "l2", half=bad),
    ):
        with pytest.raises(TypeError, match=r"'half' parameter of \w+ must be a bool"):
            call()


def test_fractions_are_real_numbers_for_the_penalties():
    from fractions import Fraction

    assert nl.l1_penalty([3.0, -4.0], Fraction(1, 2)) == 3.5
    assert nl.soft_threshold(2.5, Fraction(1)) == 1.5


def test_steps_and_gradients_beyond_the_float_range_are_signed_inf():
    assert_array_equal(nl.l2_gradient([1e300, -1e300], 1e10), [np.inf, -np.inf])
    assert_array_equal(nl.gradient_step([1e300, 0.0], [-1e300, 1.0], 1e10), [np.inf, -1e10])
    assert_array_equal(nl.gradient_step([1e308], [1e308], 1e10), [-np.inf])  # true -1e318


# ---------------------------------------------------------------- hard_threshold (the L0 prox)

wide_finite = st.floats(-1e6, 1e6, allow_nan=False)


def test_hard_threshold_matches_numpy_where():
    rng = np.random.default_rng(0)
    z = rng.normal(scale=3.0, size=(4, 5))
    # reference: numpy, the one-line definition
    assert_array_equal(nl.hard_threshold(z, 1.5), np.where(np.abs(z) > 1.5, z, 0.0))


def test_hard_threshold_scalar_and_tie():
    assert nl.hard_threshold(2.5, 1.0) == 2.5
    assert nl.hard_threshold(-1.0, 1.0) == 0.0  # |z| = t: both minimizers; 0 is returned
    assert not np.signbit(nl.hard_threshold(-0.5, 1.0))


@settings(max_examples=200)
@given(wide_finite, st.floats(0.0, 1e3))
def test_hard_threshold_is_a_minimizer_of_the_l0_prox_objective(z, t):
    # brute force over the two candidates x = 0 and x = z of 1/2 (x - z)^2 + 1/2 t^2 [x != 0]
    def objective(x):
        return 0.5 * (x - z) ** 2 + 0.5 * t**2 * nl.l0_count(np.array([x]))

    x = nl.hard_threshold(z, t)
    assert objective(x) <= min(objective(0.0), objective(z)) + 1e-12 * max(1.0, z * z)


@given(wide_finite, st.floats(0.0, 1e3))
def test_hard_threshold_agrees_with_soft_threshold_on_the_zero_set(z, t):
    assert (nl.hard_threshold(z, t) == 0.0) == (nl.soft_threshold(z, t) == 0.0)
    if abs(z) > t:
        assert_allclose(nl.hard_threshold(z, t) - nl.soft_threshold(z, t), np.sign(z) * t,
                        rtol=1e-12, atol=1e-9)


def test_hard_threshold_bad_input_and_no_mutation():
    with pytest.raises(ValueError, match="'t' parameter of hard_threshold"):
        nl.hard_threshold([1.0], -1.0)
    with pytest.raises(TypeError, match="'t' parameter of hard_threshold"):
        nl.hard_threshold([1.0], "1")
    with pytest.raises(ValueError, match="'z' parameter of hard_threshold"):
        nl.hard_threshold([np.nan], 1.0)
    z = np.array([3.0, -0.5])
    nl.hard_threshold(z, 1.0)
    assert_array_equal(z, [3.0, -0.5])
