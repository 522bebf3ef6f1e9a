"""Tests for normlib.lars_lasso_path and normlib.interpolate_path (issue 10): the exact
lasso path's breakpoints against scikit-learn's LARS, and the exact value between
breakpoints against normlib's and scikit-learn's coordinate-descent lasso."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, lars_path

import normlib as nl


def make_data(seed, n=40, p=8):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-2, 2, p)
    coef = np.zeros(p)
    coef[:3] = rng.choice([-1.0, 1.0], 3) * rng.uniform(1, 3, 3)
    y = X @ coef + 3.0 + 0.5 * rng.standard_normal(n)
    return X, y


def centred(X, y):
    return X - X.mean(axis=0), y - y.mean()


def sklearn_lars(X, y):
    """Reference: scikit-learn's LARS-lasso on centred data; its alphas are lam / (2n)."""
    alphas, _, coefs = lars_path(*centred(X, y), method="lasso")
    return 2 * X.shape[0] * alphas, coefs.T


@pytest.mark.parametrize(("n", "p", "seed"), [(40, 8, 0), (40, 8, 1), (25, 60, 2), (30, 30, 3)])
def test_breakpoints_match_scikit_learn_lars(n, p, seed):
    X, y = make_data(seed, n, p)
    lams, coefs = nl.lars_lasso_path(X, y)
    sk_lams, sk_coefs = sklearn_lars(X, y)
    assert lams.shape == sk_lams.shape and coefs.shape == sk_coefs.shape
    assert_allclose(lams, sk_lams, rtol=1e-9, atol=1e-9 * sk_lams[0])
    assert_allclose(coefs, sk_coefs, rtol=0, atol=1e-8 * np.abs(sk_coefs).max())


def test_diabetes_path_matches_lars_including_a_feature_that_leaves_and_returns():
    # diabetes: feature 6 (s3) leaves the active set at lam ~ 4.37 and comes back with
    # the other sign (the lasso modification of LARS); scikit-learn's lars_path shows it
    X, y = load_diabetes(return_X_y=True)
    lams, coefs = nl.lars_lasso_path(X, y)
    sk_lams, sk_coefs = sklearn_lars(X, y)
    assert_allclose(lams, sk_lams, rtol=1e-10, atol=1e-9)
    assert_allclose(coefs, sk_coefs, rtol=0, atol=1e-8)
    signs = np.sign(coefs[:, 6])
    assert (signs == -1).any() and (signs == 1).any()  # it changed sign, through an exact 0


def test_path_starts_at_lambda_max_and_ends_at_least_squares():
    X, y = make_data(4)
    lams, coefs = nl.lars_lasso_path(X, y)
    assert_allclose(lams[0], nl.lambda_max(X, y), rtol=1e-14)
    assert_array_equal(coefs[0], 0.0)
    assert lams[-1] == 0.0
    ols = np.linalg.lstsq(*centred(X, y), rcond=None)[0]  # reference: numpy least squares
    assert_allclose(coefs[-1], ols, rtol=1e-10, atol=1e-10)
    assert (np.diff(lams) < 0).all()


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_interpolated_path_is_the_lasso_solution_between_breakpoints(fit_intercept):
    X, y = make_data(5)
    lams, coefs = nl.lars_lasso_path(X, y, fit_intercept=fit_intercept)
    n = X.shape[0]
    grid = np.concatenate([lams[0] * np.geomspace(1.0, 1e-3, 13), [1.5 * lams[0]]])
    exact = nl.interpolate_path(lams, coefs, grid)
    for lam, w in zip(grid, exact, strict=True):
        # reference: scikit-learn's coordinate descent with alpha = lam / (2n)
        sk = Lasso(alpha=lam / (2 * n), fit_intercept=fit_intercept, tol=1e-14, max_iter=10**6)
        sk.fit(X, y)
        assert_allclose(w, sk.coef_, rtol=0, atol=1e-7 * np.abs(coefs).max())
        assert_allclose(w, nl.lasso(X, y, lam, fit_intercept=fit_intercept, tol=1e-14).coef,
                        rtol=0, atol=1e-7 * np.abs(coefs).max())


def test_interpolate_path_scalar_and_clamping():
    X, y = make_data(6)
    lams, coefs = nl.lars_lasso_path(X, y)
    w = nl.interpolate_path(lams, coefs, lams[2])
    assert w.shape == (X.shape[1],)
    assert_allclose(w, coefs[2], rtol=0, atol=1e-12)  # at a breakpoint: its row
    assert_array_equal(nl.interpolate_path(lams, coefs, 10 * lams[0]), 0.0)  # above lambda_max
    mid = 0.5 * (lams[1] + lams[2])  # linear between breakpoints: the midpoint is the mean
    assert_allclose(nl.interpolate_path(lams, coefs, mid), 0.5 * (coefs[1] + coefs[2]))


def test_zero_target_gives_a_single_breakpoint():
    X = np.arange(12.0).reshape(4, 3) ** 1.5
    lams, coefs = nl.lars_lasso_path(X, np.zeros(4), fit_intercept=False)
    assert_array_equal(lams, [0.0])
    assert_array_equal(coefs, np.zeros((1, 3)))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(5, 30), st.integers(1, 6))
def test_kkt_conditions_hold_at_every_breakpoint(seed, n, p):
    # the lasso's optimality conditions: |x_j^T r| <= lam/2 for all j, with equality
    # and the sign of w_j for the nonzero ones (r the residual of the centred data)
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = X @ rng.standard_normal(p) + rng.standard_normal(n)
    lams, coefs = nl.lars_lasso_path(X, y)
    Xc, yc = centred(X, y)
    scale = 1e-8 * lams[0]
    for lam, w in zip(lams, coefs, strict=True):
        corr = Xc.T @ (yc - Xc @ w)
        assert (np.abs(corr) <= lam / 2 + scale).all()
        nz = w != 0
        assert_allclose(corr[nz], np.sign(w[nz]) * lam / 2, rtol=0, atol=scale)
    assert (np.diff(lams) < 0).all()


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.floats(0.01, 1.0))
def test_interpolated_cost_is_minimal(seed, fraction):
    # the interpolated point has a cost no larger than the coordinate-descent solution's
    X, y = make_data(seed % 1000, n=20, p=4)
    lams, coefs = nl.lars_lasso_path(X, y)
    lam = fraction * lams[0]
    w = nl.interpolate_path(lams, coefs, lam)
    Xc, yc = centred(X, y)
    w_cd = nl.lasso(Xc, yc, lam, fit_intercept=False).coef
    cost = nl.cost(Xc, yc, w, lam, "l1")
    assert cost <= nl.cost(Xc, yc, w_cd, lam, "l1") * (1 + 1e-10) + 1e-10


def test_bad_input_is_refused():
    X, y = make_data(7)
    with pytest.raises(ValueError, match="'X' and 'y' parameters of lars_lasso_path"):
        nl.lars_lasso_path(X, y[:-1])
    with pytest.raises(TypeError, match="'max_steps' parameter of lars_lasso_path"):
        nl.lars_lasso_path(X, y, max_steps=2.5)
    with pytest.raises(ValueError, match="'max_steps' parameter of lars_lasso_path"):
        nl.lars_lasso_path(X, y, max_steps=0)
    with pytest.raises(ValueError, match="'y' parameter of lars_lasso_path"):
        nl.lars_lasso_path(X, np.full(X.shape[0], np.nan))
    lams, coefs = nl.lars_lasso_path(X, y)
    with pytest.raises(ValueError, match="'lam' parameter of interpolate_path must be >= 0"):
        nl.interpolate_path(lams, coefs, -1.0)
    with pytest.raises(ValueError, match="'lams' and 'coefs' parameters of interpolate_path"):
        nl.interpolate_path(lams[:-1], coefs, 1.0)
    with pytest.raises(ValueError, match="'lams' parameter of interpolate_path must be strictly"):
        nl.interpolate_path(lams[::-1], coefs[::-1], 1.0)


def test_inputs_are_not_mutated():
    X, y = make_data(8)
    X0, y0 = X.copy(), y.copy()
    lams, coefs = nl.lars_lasso_path(X, y)
    lams0, coefs0 = lams.copy(), coefs.copy()
    nl.interpolate_path(lams, coefs, [1.0, 2.0])
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)
    assert_array_equal(lams, lams0)
    assert_array_equal(coefs, coefs0)
