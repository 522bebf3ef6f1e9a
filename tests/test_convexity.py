"""Tests for normlib.convexity: Jensen checks, subdifferentials, PSD, the tiny network.

References: closed forms (the Jensen gap of x² is t(1-t)(x-y)²), numpy
(``numpy.linalg.eigvalsh`` for eigenvalues), and the definitions themselves.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal

import normlib as nl

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
unit = st.floats(0.0, 1.0)


# ---------------------------------------------------------------- jensen_gap


def test_jensen_gap_of_square_matches_closed_form():
    # Closed form: t x² + (1-t) y² - (t x + (1-t) y)² = t (1-t) (x-y)².
    rng = np.random.default_rng(0)
    for x, y, t in zip(rng.normal(size=20), rng.normal(size=20), rng.uniform(size=20), strict=True):
        assert_allclose(
            nl.jensen_gap(np.square, x, y, t), t * (1 - t) * (x - y) ** 2, rtol=1e-10, atol=1e-12
        )


def test_jensen_gap_is_zero_at_the_ends_and_for_linear_functions():
    # t = 0 and t = 1 give f(y) - f(y) and f(x) - f(x); a linear f has gap 0 everywhere.
    assert nl.jensen_gap(np.exp, 0.3, 2.0, 0.0) == 0.0
    assert nl.jensen_gap(np.exp, 0.3, 2.0, 1.0) == 0.0
    assert_allclose(nl.jensen_gap(lambda x: 3 * x - 1, -2.0, 5.0, 0.3), 0.0, atol=1e-12)


def test_jensen_gap_vectors():
    # ‖(3, 0)‖ = 3, ‖(0, 4)‖ = 4, midpoint (1.5, 2) has norm 2.5: gap = 3.5 - 2.5 = 1.
    assert_allclose(nl.jensen_gap(np.linalg.norm, [3.0, 0.0], [0.0, 4.0], 0.5), 1.0)


def test_jensen_gap_negative_for_cube_on_negatives():
    # 0.5 (-8) + 0.5 (0) - (-1)^3 = -3 (x³ is concave for x < 0).
    assert nl.jensen_gap(lambda x: x**3, -2.0, 0.0, 0.5) == -3.0


@given(a=st.floats(0, 10), b=finite, c=finite, x=finite, y=finite, t=unit)
def test_jensen_gap_nonnegative_for_convex_quadratics_1d(a, b, c, x, y, t):
    # a x² + b x + c with a >= 0 is convex; gap = a t(1-t)(x-y)² exactly.
    def f(v):
        return a * v**2 + b * v + c

    gap = nl.jensen_gap(f, x, y, t)
    scale = 1.0 + abs(f(x)) + abs(f(y))
    assert gap >= -1e-12 * scale
    assert_allclose(gap, a * t * (1 - t) * (x - y) ** 2, atol=1e-12 * scale)


@given(
    A=arrays(np.float64, (3, 3), elements=st.floats(-10, 10)),
    x=arrays(np.float64, 3, elements=finite),
    y=arrays(np.float64, 3, elements=finite),
    t=unit,
)
def test_jensen_gap_nonnegative_for_convex_quadratic_forms(A, x, y, t):
    # f(v) = ‖Av‖² = vᵀ AᵀA v is convex because AᵀA is PSD.
    def f(v):
        return float(np.sum((A @ v) ** 2))

    scale = 1.0 + f(x) + f(y)
    assert nl.jensen_gap(f, x, y, t) >= -1e-10 * scale


@pytest.mark.parametrize("order", [1, 2, np.inf])
@given(
    x=arrays(np.float64, 4, elements=finite),
    y=arrays(np.float64, 4, elements=finite),
    t=unit,
)
def test_jensen_gap_nonnegative_for_norms(order, x, y, t):
    # Every norm is convex (triangle inequality + homogeneity); numpy computes the norm.
    def f(v):
        return np.linalg.norm(v, ord=order)

    scale = 1.0 + f(x) + f(y)
    assert nl.jensen_gap(f, x, y, t) >= -1e-12 * scale


# ---------------------------------------------------------------- is_convex / violations


GRID = np.linspace(-3, 3, 25)


@pytest.mark.parametrize(
    "f", [np.abs, np.square, np.exp, lambda x: abs(x) + x**2, lambda x: max(x, 0.0)]
)
def test_convex_closed_forms_are_accepted(f):
    # |x|, x², e^x, |x| + x² (convex + convex), relu: all convex (second derivative >= 0
    # or a max of linear functions).
    assert nl.is_convex(f, GRID) is True
    assert nl.find_jensen_violation(f, GRID) is None


@pytest.mark.parametrize(
    ("f", "xs"),
    [
        (lambda x: x**3, np.linspace(-1, 1, 21)),
        (np.sin, np.linspace(0, 2 * np.pi, 21)),
        (lambda x: -(x**2), GRID),
        (np.sqrt, np.linspace(0, 4, 9)),
    ],
)
def test_non_convex_functions_have_a_real_violation(f, xs):
    # x³ (concave for x < 0), sin (concave on [0, π]), -x², √x are not convex.
    assert nl.is_convex(f, xs) is False
    v = nl.find_jensen_violation(f, xs)
    assert v is not None
    x, y, t, gap = v  # a plain tuple as the contract says
    assert 0 < t < 1
    assert x in xs and y in xs
    # Recompute the gap by hand from the definition: it really violates Jensen.
    by_hand = t * f(x) + (1 - t) * f(y) - f(t * x + (1 - t) * y)
    assert_allclose(gap, by_hand, rtol=1e-12)
    assert by_hand < -1e-10


def test_violation_is_the_most_negative_gap_on_the_grid():
    # -x² has gap -t(1-t)(x-y)², most negative for the farthest pair at t = 1/2.
    v = nl.find_jensen_violation(lambda x: -(x**2), [-1.0, 0.0, 2.0], n_t=3)
    assert {v.x, v.y} == {-1.0, 2.0}
    assert v.t == 0.5
    assert_allclose(v.gap, -0.25 * 9)


def test_t_grid_is_interior_and_has_n_t_points():
    seen = []

    def f(x):
        seen.append(x)
        return x**2

    nl.find_jensen_violation(f, [0.0, 1.0], n_t=4)
    # two endpoint values, then t = 1/5, ..., 4/5: midpoints t*0 + (1-t)*1
    assert_allclose(sorted(seen[2:]), [0.2, 0.4, 0.6, 0.8])


def test_sums_of_convex_functions_are_convex():
    # convex + convex = convex (the source's argument for Loss + Regularization).
    rng = np.random.default_rng(1)
    X = rng.normal(size=(20, 3))
    y = rng.normal(size=20)
    W = rng.normal(scale=3, size=(15, 3))

    def cost(w):
        return np.sum((y - X @ w) ** 2) + 2.0 * np.sum(np.abs(w)) + 0.5 * np.sum(w**2)

    assert nl.is_convex(cost, W)
    assert nl.is_convex(lambda x: np.exp(x) + abs(x - 1) + x**2, GRID)


def test_sse_is_convex_in_w_for_random_data():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(30, 4))
    y = rng.normal(size=30)
    W = rng.normal(scale=5, size=(12, 4))
    assert nl.is_convex(lambda w: np.sum((y - X @ w) ** 2), W)
    # Hessian 2XᵀX: eigenvalues >= 0 by numpy, and is_psd agrees.
    H = nl.sse_hessian(X)
    assert np.linalg.eigvalsh(H).min() >= 0
    assert nl.is_psd(H)


def test_linear_function_with_large_values_is_convex_despite_rounding():
    # Gap is exactly 0 in exact arithmetic; rounding is ~1e-16 * 1e12 and must not count.
    xs = np.linspace(-1e4, 1e4, 31)
    assert nl.is_convex(lambda x: 1e8 * x + 3.0, xs)


def test_is_convex_is_evidence_not_proof():
    # x² + sin(24πx) is not convex (second derivative 2 - (24π)² sin(24πx) < 0 in places),
    # but with integer samples every examined point is a multiple of 1/12 where sin is 0.
    def wiggly(x):
        return x**2 + np.sin(24 * np.pi * x)

    assert nl.is_convex(wiggly, np.arange(5.0))
    assert not nl.is_convex(wiggly, np.linspace(0, 4, 41))
    # x³ is convex on [0, 2]: samples only there cannot see the concave part.
    assert nl.is_convex(lambda x: x**3, np.linspace(0, 2, 9))


def test_vectorized_gives_the_same_answer():
    xs = np.linspace(-1, 1, 15)
    v1 = nl.find_jensen_violation(lambda x: x**3, xs)
    calls = []

    def cube(x):
        calls.append(np.shape(x))
        return x**3

    v2 = nl.find_jensen_violation(cube, xs, vectorized=True)
    assert v1 == v2
    assert len(calls) == len(xs)  # one call for the samples, one per first point i < m-1
    W = np.random.default_rng(3).normal(size=(6, 2))
    assert nl.is_convex(lambda w: np.sum(w**2, axis=-1), W, vectorized=True)


def test_inputs_are_not_mutated_and_points_passed_are_copies():
    xs = np.array([[0.0, 1.0], [2.0, -1.0], [1.0, 1.0]])
    before = xs.copy()

    def f(w):
        w[0] = 99.0  # a careless f that writes into its argument
        return float(np.sum(w**2))

    nl.find_jensen_violation(f, xs)
    assert_array_equal(xs, before)


# ---------------------------------------------------------------- bad input


def test_f_must_be_callable():
    with pytest.raises(TypeError, match="'f' parameter of is_convex must be a callable"):
        nl.is_convex([1, 2], GRID)
    with pytest.raises(TypeError, match="'f' parameter of jensen_gap"):
        nl.jensen_gap("sin", 0.0, 1.0, 0.5)


def test_f_must_return_one_finite_number():
    with pytest.raises(ValueError, match="'f' parameter of find_jensen_violation must return one"):
        nl.find_jensen_violation(lambda x: np.array([x, x]), GRID)
    with pytest.raises(ValueError, match="must return finite values"):
        nl.is_convex(lambda x: np.inf, GRID)
    with pytest.raises(ValueError, match="declared vectorized"):
        nl.is_convex(lambda x: 1.0, GRID, vectorized=True)


@pytest.mark.parametrize(
    ("kwargs", "exc", "message"),
    [
        ({"xs": [1.0]}, ValueError, "'xs' parameter of find_jensen_violation must hold at least 2"),
        ({"xs": [0.0, np.nan]}, ValueError, "'xs' parameter .* finite"),
        ({"xs": np.zeros((2, 2, 2))}, ValueError, "'xs' parameter .* 1-D or 2-D"),
        ({"xs": GRID, "n_t": 0}, ValueError, "'n_t' parameter .* >= 1"),
        ({"xs": GRID, "n_t": 2.5}, TypeError, "'n_t' parameter .* integer"),
        ({"xs": GRID, "tol": -1.0}, ValueError, "'tol' parameter .* >= 0"),
    ],
)
def test_find_jensen_violation_bad_input(kwargs, exc, message):
    with pytest.raises(exc, match=message):
        nl.find_jensen_violation(np.abs, **kwargs)


def test_jensen_gap_bad_input():
    with pytest.raises(ValueError, match="'t' parameter of jensen_gap must be a real number >= 0"):
        nl.jensen_gap(np.abs, 0.0, 1.0, 1.5)
    with pytest.raises(ValueError, match="same shape"):
        nl.jensen_gap(np.linalg.norm, [0.0, 1.0], [1.0, 2.0, 3.0], 0.5)
    with pytest.raises(ValueError, match=r"'x' parameter of jensen_gap .* finite"):
        nl.jensen_gap(np.abs, np.nan, 1.0, 0.5)


# ---------------------------------------------------------------- subdifferentials


def test_abs_subdifferential():
    w = np.array([-2.5, -1e-300, 0.0, 1e-300, 4.0])
    lower, upper = nl.abs_subdifferential(w)
    # [-1, 1] at 0, {sign w} elsewhere (definition of the subdifferential of |w|).
    assert_array_equal(lower, [-1.0, -1.0, -1.0, 1.0, 1.0])
    assert_array_equal(upper, [-1.0, -1.0, 1.0, 1.0, 1.0])
    assert nl.abs_subdifferential(0) == (-1.0, 1.0)
    assert nl.abs_subdifferential(-3) == (-1.0, -1.0)
    lower2, _ = nl.abs_subdifferential(np.zeros((2, 3)))
    assert lower2.shape == (2, 3)


def test_abs_subdifferential_contains_the_derivative_and_supports_the_v():
    # Every g in the interval satisfies |v| >= |w| + g (v - w) for all v (definition).
    rng = np.random.default_rng(4)
    w = np.array([-1.0, 0.0, 2.0])
    lower, upper = nl.abs_subdifferential(w)
    assert_array_equal(lower[[0, 2]], np.sign(w[[0, 2]]))
    v = rng.normal(scale=3, size=(100, 1))
    for g in np.linspace(lower, upper, 7):
        assert (np.abs(v) >= np.abs(w) + g * (v - w) - 1e-12).all()
    # The interval is tight: a slope just outside it fails the inequality for some v.
    for g in (lower - 0.1, upper + 0.1):
        assert (np.abs(v) < np.abs(w) + g * (v - w)).any(axis=0).all()


def test_l1_subdifferential_scales_with_lam():
    rng = np.random.default_rng(5)
    w = rng.normal(size=8)
    w[[1, 4]] = 0.0
    lam = 2.5
    lower, upper = nl.l1_subdifferential(w, lam)
    base_lower, base_upper = nl.abs_subdifferential(w)
    assert_allclose(lower, lam * base_lower)
    assert_allclose(upper, lam * base_upper)
    assert_array_equal(upper[[1, 4]], [lam, lam])
    assert nl.l1_subdifferential(0.0, 0.0) == (0.0, 0.0)


def test_subdifferential_bad_input():
    with pytest.raises(ValueError, match=r"'lam' parameter of l1_subdifferential .* >= 0"):
        nl.l1_subdifferential([1.0], -1.0)
    with pytest.raises(ValueError, match="'w' parameter of abs_subdifferential"):
        nl.abs_subdifferential([np.nan])
    with pytest.raises(ValueError, match=r"'w' parameter of abs_subdifferential .* empty"):
        nl.abs_subdifferential([])


def test_subdifferential_does_not_mutate():
    w = np.array([0.0, -1.0])
    nl.l1_subdifferential(w, 3.0)
    assert_array_equal(w, [0.0, -1.0])


# ---------------------------------------------------------------- PSD / Hessian


def test_is_psd_simple_cases():
    assert nl.is_psd(np.eye(3))
    assert not nl.is_psd(-np.eye(3))
    assert nl.is_psd(np.zeros((2, 2)))
    # eigenvalues of [[1, 2], [2, 1]] are 3 and -1 (closed form 1 ± 2)
    assert not nl.is_psd([[1, 2], [2, 1]])
    # scale does not matter: a tiny negative definite matrix is still not PSD
    assert not nl.is_psd(-1e-20 * np.eye(2))
    assert nl.is_psd(1e-20 * np.eye(2))


@given(A=arrays(np.float64, (4, 3), elements=st.floats(-100, 100)))
def test_gram_matrices_are_psd(A):
    # AᵀA is PSD: vᵀAᵀAv = ‖Av‖² >= 0, including rank-deficient A (rounding must not matter).
    assert nl.is_psd(A.T @ A)
    assert nl.is_psd(A @ A.T)  # rank <= 3 in 4-D: a zero eigenvalue


@given(M=arrays(np.float64, (3, 3), elements=st.floats(-10, 10)))
def test_is_psd_agrees_with_eigvalsh(M):
    S = (M + M.T) / 2
    eig = np.linalg.eigvalsh(S)  # numpy reference
    scale = np.abs(eig).max()
    if eig.min() < -1e-8 * scale:
        assert not nl.is_psd(S)
    elif eig.min() >= 0:
        assert nl.is_psd(S)


def test_is_psd_bad_input():
    with pytest.raises(ValueError, match="'A' parameter of is_psd must be a square"):
        nl.is_psd(np.ones((2, 3)))
    with pytest.raises(ValueError, match="'A' parameter of is_psd must be symmetric"):
        nl.is_psd([[1.0, 2.0], [0.0, 1.0]])
    with pytest.raises(ValueError, match="'A' parameter of is_psd must be a 2-D"):
        nl.is_psd([1.0, 2.0])
    with pytest.raises(ValueError, match="'tol' parameter of is_psd"):
        nl.is_psd(np.eye(2), tol=-1.0)


def test_sse_hessian_matches_finite_differences():
    rng = np.random.default_rng(6)
    X = rng.normal(size=(10, 3))
    y = rng.normal(size=10)
    w = rng.normal(size=3)

    def grad(v):  # gradient -2Xᵀ(y - Xv), written out here as the reference
        return -2 * X.T @ (y - X @ v)

    h = 1e-4
    numeric = np.column_stack([(grad(w + h * e) - grad(w - h * e)) / (2 * h) for e in np.eye(3)])
    assert_allclose(nl.sse_hessian(X), numeric, rtol=1e-8)
    assert_allclose(nl.sse_hessian(X), 2 * X.T @ X, rtol=1e-14)


def test_sse_hessian_eigenvalues_nonnegative_even_when_p_greater_than_n():
    rng = np.random.default_rng(7)
    X = rng.normal(size=(3, 6))  # rank 3: three zero eigenvalues, up to rounding
    H = nl.sse_hessian(X)
    eig = np.linalg.eigvalsh(H)
    assert eig.min() >= -1e-12 * eig.max()
    assert nl.is_psd(H)
    assert np.sum(eig > 1e-10 * eig.max()) == 3


def test_sse_hessian_int_and_list_input():
    assert_array_equal(nl.sse_hessian([[1, 0], [1, 1], [1, 2]]), [[6, 6], [6, 10]])
    with pytest.raises(ValueError, match="'X' parameter of sse_hessian"):
        nl.sse_hessian([1.0, 2.0])


# ---------------------------------------------------------------- tiny network


def _tiny_data():
    x = np.linspace(-2, 2, 15)
    return x, 1.5 * np.tanh(0.8 * x)  # made by the network with w* = (0.8, 1.5)


def test_tiny_network_loss_matches_definition():
    rng = np.random.default_rng(8)
    x, y = rng.normal(size=12), rng.normal(size=12)
    w = rng.normal(size=2)
    expected = np.sum((y - w[1] * np.tanh(w[0] * x)) ** 2)  # written out from the formula
    assert_allclose(nl.tiny_network_loss(w, x, y), expected, rtol=1e-14)
    W = rng.normal(size=(5, 2))
    batch = nl.tiny_network_loss(W, x, y)
    assert batch.shape == (5,)
    assert_allclose(batch, [nl.tiny_network_loss(v, x, y) for v in W], rtol=1e-14)


@given(w=arrays(np.float64, 2, elements=st.floats(-5, 5)))
def test_tiny_network_loss_is_symmetric(w):
    # tanh is odd: (-w2) tanh(-w1 x) = w2 tanh(w1 x), so L(-w) = L(w).
    x, y = _tiny_data()
    assert_allclose(nl.tiny_network_loss(-w, x, y), nl.tiny_network_loss(w, x, y), rtol=1e-12)


def test_tiny_network_loss_is_not_convex():
    x, y = _tiny_data()
    w_star = np.array([0.8, 1.5])
    assert_allclose(nl.tiny_network_loss(w_star, x, y), 0.0, atol=1e-28)
    assert nl.tiny_network_loss([0.0, 0.0], x, y) == pytest.approx(np.sum(y**2), rel=1e-14)

    def loss(w):
        return nl.tiny_network_loss(w, x, y)

    v = nl.find_jensen_violation(loss, np.array([w_star, -w_star]))
    # The worst violation is the midpoint 0 of the two minimizers: gap = 0 - Σy².
    assert v.t == 0.5
    assert_allclose(v.gap, -np.sum(y**2), rtol=1e-12)
    assert not nl.is_convex(loss, np.random.default_rng(9).normal(size=(8, 2)) * 2)
    # The batch form works with vectorized=True and gives the same verdict.
    assert not nl.is_convex(
        lambda W: nl.tiny_network_loss(W, x, y), [w_star, -w_star], vectorized=True
    )


def test_tiny_network_loss_bad_input():
    x, y = _tiny_data()
    with pytest.raises(ValueError, match="'w' parameter of tiny_network_loss must have shape"):
        nl.tiny_network_loss([1.0, 2.0, 3.0], x, y)
    with pytest.raises(ValueError, match="same length"):
        nl.tiny_network_loss([1.0, 2.0], x, y[:-1])
    with pytest.raises(ValueError, match=r"'y' parameter of tiny_network_loss .* finite"):
        nl.tiny_network_loss([1.0, 2.0], x, np.full_like(y, np.nan))


# ---------------------------------------------------------------- issue 12


def test_is_psd_at_the_edges_of_the_float_range():
    # was: is_psd(1e308 * I) is False (A + A.T overflowed to inf)
    assert nl.is_psd(1e308 * np.eye(2))
    assert not nl.is_psd(-1e308 * np.eye(2))
    assert nl.is_psd(np.array([[1e308, -1e308], [-1e308, 1e308]]))  # eigenvalues 0 and 2e308
    assert nl.is_psd(5e-324 * np.eye(3))
    assert not nl.is_psd(np.array([[1e-320, 2e-320], [2e-320, 1e-320]]))  # eigenvalue -1e-320


def test_is_psd_symmetry_message_is_in_the_units_of_a():
    with pytest.raises(ValueError, match=r"largest \|A - A.T\| is 1e\+300"):
        nl.is_psd(np.array([[1.0, 1e300], [0.0, 1.0]]))


@pytest.mark.parametrize("bad", ["yes", np.array([1, 0]), 1])
def test_vectorized_must_be_a_bool(bad):
    for func in (nl.is_convex, nl.find_jensen_violation):
        with pytest.raises(TypeError, match=r"'vectorized' parameter of \w+ must be a bool"):
            func(np.abs, np.linspace(-1, 1, 5), vectorized=bad)


def test_sse_hessian_beyond_the_float_range_is_signed_inf_not_nan():
    # reference: 2 X^T X at scale 1, times scale^2
    rng = np.random.default_rng(0)
    X = rng.standard_normal((6, 3))
    reference = 2.0 * X.T @ X
    assert_allclose(nl.sse_hessian(1e140 * X) / 1e280, reference, rtol=1e-12)
    huge = nl.sse_hessian(1e300 * X)
    assert_array_equal(huge, np.sign(reference) * np.inf)
