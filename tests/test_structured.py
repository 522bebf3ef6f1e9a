"""Tests for normlib.structured: dual and matrix norms against numpy, the proximal
operators against their definitions, the group lasso against scikit-learn's Lasso,
closed forms and its KKT conditions; properties and bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal
from scipy.optimize import minimize
from sklearn.linear_model import Lasso

import normlib as nl

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
vectors = arrays(np.float64, st.integers(1, 8), elements=finite)
matrices = arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 6)), elements=finite)


# ---------------------------------------------------------------- dual norms


@pytest.mark.parametrize(("p", "q"), [(1, np.inf), (np.inf, 1), (2, 2), (3, 1.5), (1.5, 3)])
def test_dual_norm_matches_numpy(p, q):
    x = np.random.default_rng(0).standard_normal(7)
    # Hölder: the dual of the p-norm is the q-norm, 1/p + 1/q = 1 (numpy as reference)
    assert_allclose(nl.dual_norm(x, p), np.linalg.norm(x, q), rtol=1e-12)


@pytest.mark.parametrize("p", [1, 1.5, 2, 4, np.inf])
def test_dual_norm_is_the_max_over_the_unit_ball(p):
    # definition: max of u @ x over ||u||_p <= 1; sampled boundary points never exceed it,
    # and the best sampled point comes within 1e-3 of it (2-D, 20 000 points)
    x = np.array([0.8, -1.7])
    u = nl.unit_ball(p, n=20_000)
    assert_allclose(np.linalg.norm(u, p, axis=1), 1.0, rtol=1e-9)
    values = u @ x
    assert values.max() <= nl.dual_norm(x, p) + 1e-12
    assert values.max() >= nl.dual_norm(x, p) - 1e-3


@given(vectors, vectors, st.sampled_from([1.0, 2.0, 3.0, np.inf]))
def test_property_holder_inequality(x, u, p):
    u = u[: x.size] if u.size >= x.size else np.resize(u, x.size)
    # |u @ x| <= ||u||_p ||x||_q
    bound = nl.lp_norm(u, p) * nl.dual_norm(x, p)
    assert abs(u @ x) <= bound * (1 + 1e-12) + 1e-9


def test_dual_norm_bad_input():
    with pytest.raises(ValueError, match="'p' parameter of dual_norm"):
        nl.dual_norm([1.0, 2.0], 0.5)
    with pytest.raises(ValueError, match="'x' parameter of dual_norm"):
        nl.dual_norm([[1.0, 2.0]], 2)
    with pytest.raises(TypeError, match="'p' parameter of dual_norm"):
        nl.dual_norm([1.0, 2.0], "2")


# ---------------------------------------------------------------- matrix norms


def test_matrix_norms_match_numpy():
    A = np.random.default_rng(1).standard_normal((5, 3))
    assert_allclose(nl.frobenius_norm(A), np.linalg.norm(A, "fro"), rtol=1e-12)
    assert_allclose(nl.nuclear_norm(A), np.linalg.norm(A, "nuc"), rtol=1e-12)


@given(matrices)
def test_property_matrix_norms(A):
    s = np.linalg.svd(A, compute_uv=False)
    # Frobenius = L2 of the singular values, nuclear = L1 of them (numpy's SVD as reference)
    assert_allclose(nl.frobenius_norm(A), np.sqrt(np.sum(s**2)), rtol=1e-9, atol=1e-9)
    assert_allclose(nl.nuclear_norm(A), s.sum(), rtol=1e-9, atol=1e-9)
    # ||A||_F <= ||A||_* <= sqrt(rank) ||A||_F (Cauchy–Schwarz on the singular values)
    assert nl.frobenius_norm(A) <= nl.nuclear_norm(A) * (1 + 1e-9) + 1e-9
    assert nl.nuclear_norm(A) <= np.sqrt(min(A.shape)) * nl.frobenius_norm(A) * (1 + 1e-9) + 1e-9


def test_matrix_norms_bad_input():
    with pytest.raises(ValueError, match="'A' parameter of frobenius_norm"):
        nl.frobenius_norm([1.0, 2.0])
    with pytest.raises(ValueError, match="'A' parameter of nuclear_norm"):
        nl.nuclear_norm([[np.inf]])


def test_singular_value_threshold_is_the_prox_of_the_nuclear_norm():
    rng = np.random.default_rng(2)
    A = rng.standard_normal((4, 3))
    t = 0.8
    B = nl.singular_value_threshold(A, t)
    # reference: minimize 0.5 ||B - A||_F^2 + t ||B||_* numerically (scipy, Powell)
    def objective(b):
        Bm = b.reshape(A.shape)
        return 0.5 * np.sum((Bm - A) ** 2) + t * np.linalg.norm(Bm, "nuc")

    ours = objective(B.ravel())
    ref = minimize(objective, A.ravel(), method="Powell", options={"xtol": 1e-10, "ftol": 1e-12})
    assert ours <= ref.fun + 1e-8
    # singular values are soft-thresholded: numpy's SVD of A as reference
    s = np.linalg.svd(A, compute_uv=False)
    assert_allclose(np.linalg.svd(B, compute_uv=False), np.maximum(s - t, 0), atol=1e-12)


def test_singular_value_threshold_lowers_the_rank():
    rng = np.random.default_rng(3)
    low = rng.standard_normal((8, 2)) @ rng.standard_normal((2, 6))  # rank 2
    noisy = low + 0.01 * rng.standard_normal(low.shape)
    assert np.linalg.matrix_rank(noisy) == 6
    assert np.linalg.matrix_rank(nl.singular_value_threshold(noisy, 0.1)) == 2


# ---------------------------------------------------------------- group soft thresholding


def test_group_soft_threshold_values():
    assert_allclose(nl.group_soft_threshold([3.0, 4.0], 2.0), [1.8, 2.4])  # length 5 -> 3
    assert_array_equal(nl.group_soft_threshold([3.0, 4.0], 5.0), [0.0, 0.0])
    assert_array_equal(nl.group_soft_threshold([0.0, 0.0], 0.0), [0.0, 0.0])


@given(finite, st.floats(0.0, 100.0))
def test_property_group_soft_threshold_of_one_entry_is_soft_threshold(z, t):
    assert_allclose(nl.group_soft_threshold([z], t), [nl.soft_threshold(z, t)], atol=1e-9)


@settings(max_examples=50)
@given(vectors, st.floats(0.0, 50.0))
def test_property_group_soft_threshold_is_the_prox(v, t):
    u = nl.group_soft_threshold(v, t)
    # prox definition: u minimizes 0.5||u - v||^2 + t||u||; compare with random candidates
    def f(x):
        return 0.5 * np.sum((x - v) ** 2) + t * np.linalg.norm(x)

    rng = np.random.default_rng(0)
    for _ in range(20):
        assert f(u) <= f(u + 0.01 * rng.standard_normal(v.size)) + 1e-9
    assert f(u) <= f(np.zeros_like(v)) + 1e-9
    # the direction is kept (or the vector is 0), and the length drops by t
    assert_allclose(np.linalg.norm(u), max(np.linalg.norm(v) - t, 0.0), atol=1e-9, rtol=1e-9)


def test_group_soft_threshold_does_not_modify_input():
    v = np.array([3.0, 4.0])
    nl.group_soft_threshold(v, 1.0)
    assert_array_equal(v, [3.0, 4.0])
    with pytest.raises(ValueError, match="'t' parameter of group_soft_threshold"):
        nl.group_soft_threshold(v, -1.0)


# ---------------------------------------------------------------- the group lasso


def make_data(seed, n=80):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 7)) + 1.0
    y = X[:, :3] @ np.array([1.5, -1.0, 0.5]) + 0.8 * X[:, 5] + 2.0 + rng.standard_normal(n)
    return X, y


GROUPS = [0, 0, 0, 1, 1, 2, 3]


def test_group_lasso_with_singleton_groups_is_the_lasso():
    X, y = make_data(0)
    lam = 40.0
    fit = nl.group_lasso(X, y, np.arange(7), lam, tol=1e-12)
    ref = Lasso(alpha=nl.to_sklearn_alpha(lam, len(y), "l1"), tol=1e-12, max_iter=10**6).fit(X, y)
    assert fit.converged
    assert_allclose(fit.coef, ref.coef_, atol=1e-6)
    assert_allclose(fit.intercept, ref.intercept_, atol=1e-6)


def test_group_lasso_orthonormal_design_is_group_soft_thresholding():
    # X^T X = I: the cost is const + ||w - z||^2 + lam sum sqrt(p_g)||w_g||, z = X^T y,
    # separable per group, with minimizer S^group_{lam sqrt(p_g) / 2}(z_g)
    rng = np.random.default_rng(1)
    Q, _ = np.linalg.qr(rng.standard_normal((30, 5)))
    y = Q @ np.array([3.0, -2.0, 0.3, 0.2, 1.0]) + 0.1 * rng.standard_normal(30)
    z = Q.T @ y
    lam, groups = 2.0, [0, 0, 1, 1, 2]
    fit = nl.group_lasso(Q, y, groups, lam, fit_intercept=False, tol=1e-12)
    expected = np.concatenate([
        nl.group_soft_threshold(z[:2], lam * np.sqrt(2) / 2),
        nl.group_soft_threshold(z[2:4], lam * np.sqrt(2) / 2),
        nl.group_soft_threshold(z[4:], lam / 2),
    ])
    assert_allclose(fit.coef, expected, atol=1e-7)
    assert np.all(fit.coef[2:4] == 0)  # the weak group is exactly zero


def test_group_lasso_kkt_conditions():
    X, y = make_data(2)
    lam = 60.0
    fit = nl.group_lasso(X, y, GROUPS, lam, tol=1e-12)
    Xc, yc = X - X.mean(0), y - y.mean()
    g = 2 * Xc.T @ (yc - Xc @ fit.coef)  # minus the SSE gradient
    for label in np.unique(GROUPS):
        m = np.flatnonzero(np.array(GROUPS) == label)
        weight = lam * np.sqrt(m.size)
        w_g = fit.coef[m]
        if np.any(w_g != 0):  # g_G = weight * w_G / ||w_G||
            assert_allclose(g[m], weight * w_g / np.linalg.norm(w_g), atol=1e-4)
        else:  # ||g_G|| <= weight
            assert np.linalg.norm(g[m]) <= weight + 1e-4
    assert fit.gap <= 1e-12 * (yc @ yc)


def test_group_lasso_zeros_whole_groups_and_lambda_max():
    X, y = make_data(3)
    lam_max = nl.group_lambda_max(X, y, GROUPS)
    Xc, yc = X - X.mean(0), y - y.mean()
    # closed form: max over groups of ||2 X_g^T y_c|| / sqrt(p_g)
    expected = max(np.linalg.norm(2 * Xc[:, m].T @ yc) / np.sqrt(len(m))
                   for m in ([0, 1, 2], [3, 4], [5], [6]))
    assert_allclose(lam_max, expected, rtol=1e-12)
    assert np.all(nl.group_lasso(X, y, GROUPS, 1.0001 * lam_max).coef == 0)
    coef = nl.group_lasso(X, y, GROUPS, 0.5 * lam_max).coef
    for m in ([0, 1, 2], [3, 4]):  # each group is all zero or all nonzero
        assert np.all(coef[m] == 0) or np.all(coef[m] != 0)


def test_group_lasso_lam_zero_is_least_squares():
    X, y = make_data(4)
    fit = nl.group_lasso(X, y, GROUPS, 0.0, tol=1e-12, max_iter=200_000)
    ref = np.linalg.lstsq(np.column_stack([X, np.ones(len(y))]), y, rcond=None)[0]
    assert_allclose(fit.coef, ref[:-1], atol=1e-4)


@settings(max_examples=20)
@given(st.integers(0, 10_000), st.floats(1.0, 200.0))
def test_property_group_lasso_beats_perturbations(seed, lam):
    X, y = make_data(seed, n=40)
    fit = nl.group_lasso(X, y, GROUPS, lam)
    Xc, yc = X - X.mean(0), y - y.mean()

    def cost(w):
        pen = sum(np.sqrt(len(m)) * np.linalg.norm(w[m])
                  for m in ([0, 1, 2], [3, 4], [5], [6]))
        return np.sum((yc - Xc @ w) ** 2) + lam * pen

    assert_allclose(cost(fit.coef), fit.objective, rtol=1e-10)
    rng = np.random.default_rng(seed)
    for _ in range(10):
        assert cost(fit.coef + 1e-3 * rng.standard_normal(7)) >= fit.objective - 1e-7


@pytest.mark.parametrize(
    ("groups", "lam", "error", "match"),
    [
        ([0, 0, 1], 1.0, ValueError, "one label per column"),
        ([0, 0.5, 1, 1, 2, 2, 3], 1.0, ValueError, "integer labels"),
        (GROUPS, -1.0, ValueError, "'lam' parameter of group_lasso"),
        (GROUPS, "1", TypeError, "'lam' parameter of group_lasso"),
    ],
)
def test_group_lasso_bad_input(groups, lam, error, match):
    X, y = make_data(5)
    with pytest.raises(error, match=match):
        nl.group_lasso(X, y, groups, lam)


def test_group_lasso_does_not_modify_inputs():
    X, y = make_data(6)
    X0, y0 = X.copy(), y.copy()
    nl.group_lasso(X, y, GROUPS, 10.0)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)


# ------------------------------------------- issue 12's input habits (booleans, Fractions, scale)


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
@pytest.mark.parametrize("func", [nl.group_lasso, nl.group_lambda_max])
def test_fit_intercept_must_be_a_bool(func, bad):
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((20, 4)), rng.standard_normal(20)
    args = (X, y, [0, 0, 1, 1], 1.0) if func is nl.group_lasso else (X, y, [0, 0, 1, 1])
    with pytest.raises(TypeError, match=r"'fit_intercept' parameter of .* must be a bool"):
        func(*args, fit_intercept=bad)


def test_fractions_are_accepted_as_scalars():
    from fractions import Fraction

    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((20, 4)), rng.standard_normal(20)
    assert nl.dual_norm([3.0, -4.0], Fraction(3, 2)) == nl.dual_norm([3.0, -4.0], 1.5)
    assert_array_equal(nl.group_soft_threshold([3.0, 4.0], Fraction(2)),
                       nl.group_soft_threshold([3.0, 4.0], 2.0))
    assert_array_equal(
        nl.singular_value_threshold(X, Fraction(1, 2)), nl.singular_value_threshold(X, 0.5)
    )
    assert_array_equal(
        nl.group_lasso(X, y, [0, 0, 1, 1], Fraction(5), tol=Fraction(1, 10**10)).coef,
        nl.group_lasso(X, y, [0, 0, 1, 1], 5.0, tol=1e-10).coef,
    )


def test_float32_in_float32_out_and_python_floats_for_norms():
    # as normlib's older norms: an array result keeps float32, a scalar is a Python float
    A = np.array([[3.0, 1.0], [1.0, 2.0]], dtype=np.float32)
    assert nl.singular_value_threshold(A, 0.5).dtype == np.float32
    assert nl.group_soft_threshold(A[0], 0.5).dtype == np.float32
    assert nl.singular_value_threshold(A.astype(float), 0.5).dtype == np.float64
    for value in (nl.dual_norm(A[0], 3), nl.frobenius_norm(A), nl.nuclear_norm(A)):
        assert type(value) is float
    assert_allclose(nl.singular_value_threshold(A, 0.5),
                    nl.singular_value_threshold(A.astype(float), 0.5), rtol=1e-6)


@pytest.mark.parametrize("scale", [2.0**-1000, 2.0**1000, 1e-300, 1e300])
def test_matrix_norms_and_svt_at_the_edges_of_the_float_range(scale):
    # both are homogeneous: ||sA||_* = s ||A||_*, SVT(sA, st) = s SVT(A, t)
    rng = np.random.default_rng(0)
    A = rng.standard_normal((5, 3))
    assert nl.nuclear_norm(scale * A) / scale == pytest.approx(nl.nuclear_norm(A), rel=1e-12)
    assert_allclose(nl.singular_value_threshold(scale * A, scale * 1.0) / scale,
                    nl.singular_value_threshold(A, 1.0), rtol=1e-10, atol=1e-12)


def test_nuclear_norm_beyond_the_float_range_is_inf_without_a_warning():
    # rank 1, singular value 3e308 > the largest float (pytest turns warnings into errors)
    assert nl.nuclear_norm(np.full((3, 3), 1e308)) == np.inf
