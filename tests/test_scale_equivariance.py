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

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

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


# ------------------------------------------------------------ the newer modules (issue 12 habits)
# The same change of variables: w' = (t / s) w for a fit of (s X, t y). A penalty of
# degree 1 in w (the group lasso's, the lasso's) scales lam by s t; one of degree 2
# (ridge's, dropout's) by s^2; the adaptive lasso's weights 1 / |w_init| make its
# penalty scale by t^2 (with gamma = 1). Scale-free quantities (ridge's df, its
# shrinkage factors and condition number, Cp, a best subset) do not change at all.


@settings(max_examples=25)
@given(st.integers(0, 1000), EXPONENT, EXPONENT)
def test_group_lasso_is_scale_equivariant(seed, u, v):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    groups = [0, 0, 1, 1, 2, 2]
    lam = 0.2 * nl.group_lambda_max(X, y, groups)
    assert nl.group_lambda_max(s * X, t * y, groups) / (s * t) == pytest.approx(
        nl.group_lambda_max(X, y, groups), rel=1e-12
    )
    base = nl.group_lasso(X, y, groups, lam, tol=1e-14)
    fit = nl.group_lasso(s * X, t * y, groups, s * t * lam, tol=1e-14)
    assert fit.converged and np.isfinite(fit.objective)
    assert_coef_scaled(fit.coef, base.coef, t / s)
    assert_allclose(fit.intercept / t, base.intercept, rtol=1e-6, atol=1e-6 * abs(y).max())
    assert np.array_equal(fit.coef == 0, base.coef == 0)  # the same groups survive


@settings(max_examples=25)
@given(st.integers(0, 1000), EXPONENT, EXPONENT, st.integers(0, 6))
def test_subset_selection_is_scale_invariant(seed, u, v, k):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    for select in (nl.best_subset, nl.forward_stepwise):
        base = select(X, y, k)
        fit = select(s * X, t * y, k)
        assert_array_equal(fit.support, base.support)
        assert_array_equal(fit.order, base.order)
        assert_coef_scaled(fit.coef, base.coef, t / s, rtol=1e-9)
        assert_allclose(fit.sse_path / t**2, base.sse_path, rtol=1e-9)
        assert_allclose(fit.intercept / t, base.intercept, rtol=1e-9, atol=1e-9 * abs(y).max())


@settings(max_examples=25)
@given(st.integers(0, 1000), EXPONENT, EXPONENT, st.floats(0.0, 0.9))
def test_dropout_ridge_is_scale_equivariant(seed, u, v, rate):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    coef, intercept = nl.dropout_ridge(X, y, rate)
    scaled_coef, scaled_intercept = nl.dropout_ridge(s * X, t * y, rate)
    assert_coef_scaled(scaled_coef, coef, t / s, rtol=1e-9)
    assert scaled_intercept / t == pytest.approx(intercept, rel=1e-9, abs=1e-9 * abs(y).max())
    w = np.arange(1.0, 7.0)
    assert nl.dropout_penalty(s * X, t / s * w, rate) / t**2 == pytest.approx(
        nl.dropout_penalty(X, w, rate), rel=1e-12
    )


@settings(max_examples=25)
@given(st.integers(0, 1000), EXPONENT, st.floats(1e-3, 1e3))
def test_normalization_layers_are_scale_invariant(seed, u, eps):
    # (Z - mean) / sqrt(var + eps) does not change when Z -> s Z and eps -> s^2 eps
    X, _ = make_data(seed)
    s = 10.0**u
    for layer in (nl.batch_norm, nl.layer_norm):
        assert_allclose(layer(s * X, eps=s * s * eps), layer(X, eps=eps), rtol=1e-9, atol=1e-12)


@settings(max_examples=25)
@given(st.integers(0, 1000), EXPONENT, EXPONENT, st.floats(1e-3, 1e3))
def test_ridge_statistics_are_scale_invariant(seed, u, v, lam):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    assert nl.ridge_df(s * X, s * s * lam) == pytest.approx(nl.ridge_df(X, lam), rel=1e-12)
    assert_allclose(nl.ridge_shrinkage_factors(s * X, s * s * lam),
                    nl.ridge_shrinkage_factors(X, lam), rtol=1e-12)
    assert nl.ridge_condition_number(s * X, s * s * lam) == pytest.approx(
        nl.ridge_condition_number(X, lam), rel=1e-9
    )
    assert nl.estimate_noise_variance(s * X, t * y) / t**2 == pytest.approx(
        nl.estimate_noise_variance(X, y), rel=1e-9
    )
    coefs = nl.lasso_path(X, y, n_lams=5)[1]
    cp = nl.information_criterion(X, y, coefs, "cp")
    assert_allclose(nl.information_criterion(s * X, t * y, coefs * (t / s), "cp"), cp,
                    rtol=1e-9, atol=1e-9 * np.abs(cp).max())
    # AIC shifts by n log t^2 (the log of sigma^2), the same for every fit
    aic = nl.information_criterion(X, y, coefs, "aic")
    scaled_aic = nl.information_criterion(s * X, t * y, coefs * (t / s), "aic")
    assert np.isfinite(scaled_aic).all()
    assert_allclose(np.diff(scaled_aic), np.diff(aic), rtol=1e-9, atol=1e-9 * np.abs(aic).max())


@settings(max_examples=20)
@given(st.integers(0, 1000), EXPONENT, EXPONENT)
def test_relaxed_and_adaptive_lasso_are_scale_equivariant(seed, u, v):
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    lam = 0.1 * nl.lambda_max(X, y)
    for phi in (0.0, 0.5):
        base = nl.relaxed_lasso(X, y, lam, phi=phi)
        fit = nl.relaxed_lasso(s * X, t * y, s * t * lam, phi=phi)
        assert fit.converged
        assert_coef_scaled(fit.coef, base.coef, t / s)
    base = nl.adaptive_lasso(X, y, lam)
    fit = nl.adaptive_lasso(s * X, t * y, t * t * lam)  # gamma = 1: lam scales by t^2
    assert fit.converged
    assert_coef_scaled(fit.coef, base.coef, t / s)


@settings(max_examples=30)
@given(st.integers(0, 1000), st.floats(-300.0, 300.0))
def test_fits_without_a_penalty_parameter_ignore_a_common_factor_to_the_float_range_edges(seed, u):
    # With t = s the coefficients do not change; no lam to overflow, so the whole
    # float range is fair game (X^T X alone would overflow beyond 1e154)
    X, y = make_data(seed)
    s = 10.0**u
    for select in (nl.best_subset, nl.forward_stepwise):
        base, fit = select(X, y, 3), select(s * X, s * y, 3)
        assert_array_equal(fit.support, base.support)
        assert_coef_scaled(fit.coef, base.coef, 1.0, rtol=1e-9)
    coef, _ = nl.dropout_ridge(X, y, 0.3)
    assert_coef_scaled(nl.dropout_ridge(s * X, s * y, 0.3)[0], coef, 1.0, rtol=1e-9)
    for layer in (nl.batch_norm, nl.layer_norm):
        assert_allclose(layer(s * X, eps=0.0), layer(X, eps=0.0), rtol=1e-9, atol=1e-12)


@settings(max_examples=25)
@given(st.integers(0, 1000), EXPONENT, st.sampled_from(["l1", "l2"]))
def test_logistic_regression_is_scale_equivariant_in_X(seed, u, penalty):
    # The log-loss depends on Xw only, so w' = w / s for s X; the penalty keeps its
    # value with lam * s (L1) or lam * s^2 (L2). The labels carry no scale.
    X, y = make_data(seed)
    labels = (y > np.median(y)).astype(int)
    s = 10.0**u
    lam = 0.1 * nl.logistic_lambda_max(X, labels)
    factor = s if penalty == "l1" else s * s
    assert nl.logistic_lambda_max(s * X, labels) / s == pytest.approx(lam / 0.1, rel=1e-12)
    base = nl.logistic_regression(X, labels, lam, penalty=penalty)
    fit = nl.logistic_regression(s * X, labels, factor * lam, penalty=penalty)
    assert fit.converged and base.converged
    assert_coef_scaled(fit.coef, base.coef, 1.0 / s)
    assert fit.intercept == pytest.approx(base.intercept, rel=1e-6, abs=1e-9)
    assert fit.objective == pytest.approx(base.objective, rel=1e-9)
    assert np.array_equal(fit.coef == 0, base.coef == 0)


@settings(max_examples=15)
@given(st.integers(0, 1000), EXPONENT, EXPONENT, st.sampled_from(["l1", "l2"]))
def test_bias_variance_simulation_and_stability_selection_are_scale_equivariant(
    seed, u, v, penalty
):
    # the same noise draws (one seed) on (s X, t f) with noise t sigma: predictions
    # t times, every squared term t^2 times; selections do not change
    X, y = make_data(seed)
    s, t = 10.0**u, 10.0**v
    f = X @ np.linspace(-1.0, 1.0, X.shape[1])
    lams = nl.lambda_max(X, y) * np.array([1.0, 0.1, 0.01])
    factor = s * t if penalty == "l1" else s * s
    base = nl.simulate_bias_variance(X[:20], f[:20], X[20:], f[20:], lams, noise=0.5,
                                     n_datasets=4, penalty=penalty)
    sim = nl.simulate_bias_variance(s * X[:20], t * f[:20], s * X[20:], t * f[20:],
                                    factor * lams, noise=t * 0.5, n_datasets=4, penalty=penalty)
    for name in ("bias2", "variance", "test_error"):
        assert_allclose(getattr(sim, name) / t**2, getattr(base, name), rtol=1e-6)
    lams_l1 = nl.lambda_max(X, y) * np.array([0.5, 0.1])
    _, prob = nl.stability_selection(X, y, lams_l1, n_resamples=6)
    _, scaled_prob = nl.stability_selection(s * X, t * y, s * t * lams_l1, n_resamples=6)
    assert_array_equal(scaled_prob, prob)


@settings(max_examples=50)
@given(st.floats(-2.0, 2.0), st.floats(-2.0, 2.0), st.floats(-150.0, 150.0))
def test_prior_lambda_is_scale_equivariant(a, b, u):
    # lam = 2 sigma^2 / tau^2 (Gaussian) has no unit when both variances scale by t^2;
    # lam = 2 sigma^2 / b (Laplace, b = tau / sqrt 2) scales by t. Was: 2 sigma^2
    # overflowed first (lam_from_prior(1e308, 1e308) was inf instead of 2).
    sigma2, tau2, t2 = 10.0**a, 10.0**b, 10.0 ** (2 * u)
    gauss = nl.lam_from_prior(sigma2, tau2)
    assert nl.lam_from_prior(t2 * sigma2, t2 * tau2) == pytest.approx(gauss, rel=1e-12)
    laplace = nl.lam_from_prior(sigma2, tau2, "laplace")
    assert nl.lam_from_prior(t2 * sigma2, t2 * tau2, "laplace") / 10.0**u == pytest.approx(
        laplace, rel=1e-12
    )
    for prior, lam in (("gaussian", gauss), ("laplace", laplace)):  # the inverse map
        assert nl.prior_variance_from_lam(lam, sigma2, prior) == pytest.approx(tau2, rel=1e-12)


def test_prior_lambda_at_the_float_range_edges():
    assert nl.lam_from_prior(1e308, 1e308) == 2.0
    assert nl.prior_variance_from_lam(1e308, 1e308) == 2.0
    # the smallest subnormal tau^2: b = sqrt(tau^2 / 2) = 1.6e-162, lam = 2 / b (tau^2 / 2
    # underflowed to 0: ZeroDivisionError)
    assert nl.lam_from_prior(1.0, 5e-324, "laplace") == pytest.approx(
        2.0 / (math.sqrt(5e-324) / math.sqrt(2.0)), rel=1e-12
    )
