"""Scale equivariance of the solvers and the scalers, from 1e-150 to 1e150 (issue 12).

Multiplying X by s and y by t changes the book's cost
``||y - Xw||^2 + lam ||w||_1 + lam2/2 ||w||^2`` into ``t^2`` times the cost of
``w' = s/t w`` with ``lam -> lam / (s t)`` and ``lam2 -> lam2 / s^2``. So the
minimizers satisfy, exactly in real arithmetic (a change of variables):

    lasso(s X, t y, s t lam).coef       == t / s * lasso(X, y, lam).coef
    ridge(s X, t y, s^2 lam).coef       == t / s * ridge(X, y, lam).coef
    intercepts                          == t * intercept

and the scalers do not see a positive factor at all
(``standardize(s X) == standardize(X)``). Before normlib divided its data by
powers of two, ``||y||^2`` underflowed for ``|y| ~ 1e-170`` (a tolerance of
0, a fit that "converged" to zeros at once) and ``X^T X`` overflowed for
``|X| ~ 1e160`` (NaN coefficients).

Products like ``s * X`` are rounded, so the scaled problem differs from the
original by about 1e-16 relative: the coefficients agree to a tolerance set by
the solver's (the duality gap bounds the cost to 1e-10 relative, the
coefficients to about its square root; "cd" ends with an exact solve).
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import normlib as nl

EXPONENT = st.floats(-150.0, 150.0)  # s = 10**u for u in [-150, 150]


def make_data(seed, n=30, p=6):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-2, 2, p)
    coef = rng.uniform(-2, 2, p) * (rng.uniform(size=p) < 0.6)  # some exact zeros
    y = X @ coef + 1.0 + rng.standard_normal(n)
    return X, y


def assert_coef_scaled(actual, expected, factor, rtol=1e-6):
    """actual == factor * expected, to rtol of the largest coefficient."""
    scale = np.abs(expected).max() if expected.size else 1.0
    assert np.isfinite(actual).all()
    assert_allclose(actual / factor, expected, rtol=rtol, atol=rtol * scale)


@settings(max_examples=30)
@given(st.integers(0, 1000), EXPONENT, EXPONENT, st.sampled_from(["cd", "fista"]))
def test_lasso_is_scale_equivariant(seed, u, v, method):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    lam = 0.1 * nl.lambda_max(X, y)
    tol = 1e-10 if method == "cd" else 1e-14  # fista needs a tighter gap for 1e-6 coefs
    base = nl.lasso(X, y, lam, method=method, tol=tol)
    fit = nl.lasso(s * X, t * y, s * t * lam, method=method, tol=tol)
    assert fit.converged and fit.n_iter > 0
    assert_coef_scaled(fit.coef, base.coef, t / s)
    assert_allclose(fit.intercept / t, base.intercept, rtol=1e-6, atol=1e-6 * abs(y).max())
    assert np.array_equal(fit.coef == 0, base.coef == 0)  # the same support


@settings(max_examples=30)
@given(st.integers(0, 1000), EXPONENT, st.floats(0.1, 0.9))
def test_elastic_net_is_scale_equivariant(seed, u, rho):
    # With t = s both parts of the penalty scale by s^2 and l1_ratio stays the
    # same. (With t != s the L1 and L2 parts scale differently, and the new
    # l1_ratio would be a number like 1 - 1e-12, whose 1 - l1_ratio has lost
    # digits: that tests the parametrization, not the solver.)
    X, y = make_data(seed)
    s = 10.0**u
    lam = 0.1 * nl.lambda_max(X, y, l1_ratio=rho)
    base = nl.elastic_net(X, y, lam, rho)
    fit = nl.elastic_net(s * X, s * y, s * s * lam, rho)
    assert fit.converged
    assert_coef_scaled(fit.coef, base.coef, 1.0)
    assert_allclose(fit.intercept / s, base.intercept, rtol=1e-6, atol=1e-6 * abs(y).max())


@settings(max_examples=30)
@given(st.integers(0, 1000), EXPONENT, EXPONENT, st.floats(1e-3, 1e3))
def test_ridge_is_scale_equivariant(seed, u, v, lam):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    base = nl.ridge(X, y, lam)
    fit = nl.ridge(s * X, t * y, s * s * lam)
    assert_coef_scaled(fit.coef, base.coef, t / s, rtol=1e-9)
    assert_allclose(fit.intercept / t, base.intercept, rtol=1e-9, atol=1e-9 * abs(y).max())


@settings(max_examples=20)
@given(st.integers(0, 1000), EXPONENT, EXPONENT)
def test_lasso_path_and_lambda_max_are_scale_equivariant(seed, u, v):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    lams, coefs = nl.lasso_path(X, y, n_lams=8)
    scaled_lams, scaled_coefs = nl.lasso_path(s * X, t * y, n_lams=8)
    assert_allclose(scaled_lams / (s * t), lams, rtol=1e-12)
    assert_allclose(nl.lambda_max(s * X, t * y) / (s * t), lams[0], rtol=1e-12)
    for row, base in zip(scaled_coefs, coefs, strict=True):
        assert_coef_scaled(row, base, t / s)


@settings(max_examples=20)
@given(st.integers(0, 1000), EXPONENT, EXPONENT, st.sampled_from(["l1", "l2"]))
def test_cross_validate_is_scale_equivariant(seed, u, v, penalty):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    lams = nl.lambda_max(X, y) * np.array([1.0, 0.3, 0.1, 0.03, 0.01])
    factor = s * t if penalty == "l1" else s * s  # how lam scales for each penalty
    base = nl.cross_validate(X, y, lams, penalty=penalty, k=3)
    cv = nl.cross_validate(s * X, t * y, lams * factor, penalty=penalty, k=3)
    assert cv.best_lam / factor == pytest.approx(base.best_lam, rel=1e-12)
    assert cv.lam_1se / factor == pytest.approx(base.lam_1se, rel=1e-12)
    assert_allclose(cv.fold_errors / t**2, base.fold_errors, rtol=1e-6)


@settings(max_examples=50)
@given(st.integers(0, 1000), EXPONENT)
def test_scalers_ignore_a_positive_factor(seed, u):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((12, 3)) * rng.uniform(0.5, 2.0, 3) + rng.uniform(-3, 3, 3)
    new = rng.standard_normal((4, 3))
    s = 10.0**u
    for transform in (nl.standardize, nl.min_max_scale):
        assert_allclose(transform(s * X), transform(X), rtol=1e-12, atol=1e-12)
        assert_allclose(
            transform(s * new, reference=s * X), transform(new, reference=X),
            rtol=1e-12, atol=1e-12,
        )
    for norm in ("l1", "l2", "max"):
        assert_allclose(nl.normalize(s * X, norm), nl.normalize(X, norm), rtol=1e-14)


@pytest.mark.parametrize("k", [-500, -250, -1, 0, 1, 250, 500])
@pytest.mark.parametrize("method", ["cd", "fista"])
def test_powers_of_two_give_bit_identical_fits(k, method):
    """Dividing by a power of two is exact: the fit of (2**k X, 2**k y) is the fit of (X, y)."""
    X, y = make_data(7)
    lam = 0.2 * nl.lambda_max(X, y)
    base = nl.lasso(X, y, lam, method=method)
    s = np.ldexp(1.0, k)
    fit = nl.lasso(X * s, y * s, lam * s * s, method=method)  # coef unchanged (t / s = 1)
    np.testing.assert_array_equal(fit.coef, base.coef)
    assert fit.n_iter == base.n_iter
    assert fit.objective == np.ldexp(base.objective, 2 * k)
