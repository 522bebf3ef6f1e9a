"""Tests for normlib.stats against independent references.

References: the SVD and the trace of the hat matrix (numpy), ``np.linalg.cond``,
``sklearn.linear_model.LassoLarsIC`` (its ``criterion_`` and
``noise_variance_``), ``sklearn.linear_model.BayesianRidge`` (its posterior
mean is a ridge fit), ``scipy.stats.norm`` / ``scipy.stats.laplace`` densities,
closed forms for fixed-design ridge bias and variance (ESL eq. 3.47, 7.9), and
the algebraic bias-variance identity.
"""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from scipy import stats as sps
from sklearn.datasets import load_diabetes
from sklearn.linear_model import BayesianRidge, LassoLarsIC, lars_path

import normlib as nl


def _problem(seed=0, n=40, p=5):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = X @ rng.standard_normal(p) + 0.5 * rng.standard_normal(n)
    return X, y


# ---------------------------------------------------------------- ridge through the SVD


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("shape", [(30, 4), (6, 9)])
def test_shrinkage_factors_reproduce_the_ridge_fit(fit_intercept, shape):
    # ESL eq. 3.47: X_c w_ridge = U diag(s) U^T y_c; the ridge fit comes from nl.ridge
    rng = np.random.default_rng(1)
    X = rng.standard_normal(shape)
    y = rng.standard_normal(shape[0])
    lam = 0.7
    Xc = X - X.mean(0) if fit_intercept else X
    yc = y - y.mean() if fit_intercept else y
    U = np.linalg.svd(Xc, full_matrices=False)[0]
    s = nl.ridge_shrinkage_factors(X, lam, fit_intercept=fit_intercept)
    assert s.shape == (min(shape),)
    fit = nl.ridge(X, y, lam, fit_intercept=fit_intercept)
    assert_allclose(Xc @ fit.coef, U @ (s * (U.T @ yc)), rtol=1e-10, atol=1e-10)


def test_shrinkage_factors_closed_form_and_zero_directions():
    # orthogonal columns of norms 3 and 1: d^2 = 9, 1; lam = 2 gives 9/10 and 1/2
    assert_allclose(
        nl.ridge_shrinkage_factors([[3.0, 0.0], [0.0, 1.0]], 2.0, fit_intercept=False), [0.9, 0.5]
    )
    # a duplicated column has d = 0 in one direction: no fit there, also at lam = 0
    X = np.array([[1.0, 1.0], [2.0, 2.0], [0.0, 0.0]])
    assert_allclose(nl.ridge_shrinkage_factors(X, 0.0, fit_intercept=False), [1.0, 0.0])


def test_ridge_df_is_the_trace_of_the_hat_matrix():
    # definition: df = tr X_c (X_c^T X_c + lam/2 I)^{-1} X_c^T (ESL eq. 3.50)
    X, _ = _problem(2, n=25, p=6)
    Xc = X - X.mean(0)
    for lam in (0.0, 0.3, 5.0, 200.0):
        H = Xc @ np.linalg.pinv(Xc.T @ Xc + lam / 2 * np.eye(6)) @ Xc.T
        assert_allclose(nl.ridge_df(X, lam), np.trace(H), rtol=1e-10)


def test_ridge_df_runs_from_rank_to_zero():
    X, _ = _problem(3, n=20, p=4)
    assert nl.ridge_df(X, 0.0) == pytest.approx(4.0)  # full column rank
    Xw = np.random.default_rng(0).standard_normal((5, 8))  # p > n: rank of X_c is n - 1 = 4
    assert nl.ridge_df(Xw, 0.0) == pytest.approx(4.0)
    assert nl.ridge_df(X, 1e12) < 1e-9


@settings(max_examples=40)
@given(
    seed=st.integers(0, 10_000),
    lams=st.lists(st.floats(0.0, 1e4), min_size=2, max_size=2),
)
def test_ridge_df_decreases_in_lam_and_factors_in_unit_interval(seed, lams):
    X, _ = _problem(seed, n=12, p=5)
    lo, hi = sorted(lams)
    s_lo, s_hi = (nl.ridge_shrinkage_factors(X, lam) for lam in (lo, hi))
    assert np.all((s_hi >= 0) & (s_hi <= 1 + 1e-12))
    assert np.all(s_hi <= s_lo + 1e-12)
    assert nl.ridge_df(X, hi) <= nl.ridge_df(X, lo) + 1e-12
    assert np.all(np.diff(s_lo) <= 1e-12)  # decreasing like the singular values


def test_ridge_condition_number_matches_numpy():
    # reference: np.linalg.cond of the matrix ridge solves
    X, _ = _problem(4, n=50, p=6)
    X[:, 5] = X[:, 4] + 1e-3 * X[:, 5]  # nearly collinear
    Xc = X - X.mean(0)
    for lam in (0.0, 0.01, 1.0, 100.0):
        expected = np.linalg.cond(Xc.T @ Xc + lam / 2 * np.eye(6))
        assert_allclose(nl.ridge_condition_number(X, lam), expected, rtol=1e-6)


def test_ridge_condition_number_singular_and_wide():
    X = np.array([[1.0, 1.0], [2.0, 2.0], [4.0, 4.0]])
    assert nl.ridge_condition_number(X, 0.0) == math.inf
    Xw = np.random.default_rng(0).standard_normal((3, 5))
    Xc = Xw - Xw.mean(0)
    d1 = np.linalg.svd(Xc, compute_uv=False)[0]
    # p > n: the smallest eigenvalue of Xc^T Xc + lam/2 I is lam/2
    assert_allclose(nl.ridge_condition_number(Xw, 2.0), (d1**2 + 1.0) / 1.0, rtol=1e-12)


def test_orthonormal_design_is_proportional_shrinkage():
    # with X^T X = I every factor is 1/(1 + lam/2) and ridge = OLS / (1 + lam/2)
    rng = np.random.default_rng(5)
    Q, _ = np.linalg.qr(rng.standard_normal((30, 4)))
    y = rng.standard_normal(30)
    assert_allclose(nl.ridge_shrinkage_factors(Q, 3.0, fit_intercept=False), 1 / 2.5)
    ols = nl.ridge(Q, y, 0.0, fit_intercept=False).coef
    assert_allclose(nl.ridge(Q, y, 3.0, fit_intercept=False).coef, ols / 2.5, rtol=1e-12)


def test_five_diabetes_ridge_paths_cross_zero():
    # the chapter's claim (issue 8): 5 of the 10 ridge paths change sign
    X, y = load_diabetes(return_X_y=True)
    _, coefs = nl.ridge_path(X, y)
    crosses = np.any(np.diff(np.sign(coefs), axis=0) != 0, axis=0)
    assert crosses.sum() == 5


# ---------------------------------------------------------------- degrees of freedom and criteria


def test_lasso_df_counts_nonzeros():
    assert nl.lasso_df([0.0, -1.0, 2.0]) == 2
    assert_array_equal(nl.lasso_df([[0.0, 0.0], [1.0, 0.0], [1.0, -1e-300]]), [0, 1, 2])
    X, y = _problem(6)
    _, coefs = nl.lasso_path(X, y, n_lams=10)
    assert_array_equal(nl.lasso_df(coefs), np.count_nonzero(coefs, axis=1))


@pytest.mark.parametrize("criterion", ["aic", "bic"])
def test_information_criterion_matches_lassolarsic(criterion):
    # reference: LassoLarsIC.criterion_ at the knots of the LARS path; its coefficients
    # come from lars_path on the centred data, exactly as LassoLarsIC computes them
    X, y = load_diabetes(return_X_y=True)
    ref = LassoLarsIC(criterion=criterion).fit(X, y)
    _, _, coef_path = lars_path(X - X.mean(0), y - y.mean(), method="lasso")
    ours = nl.information_criterion(X, y, coef_path.T, criterion)
    assert_allclose(ours, ref.criterion_, rtol=1e-10)
    assert_allclose(nl.estimate_noise_variance(X, y), ref.noise_variance_, rtol=1e-10)


def test_information_criterion_on_our_lasso_path_picks_lassolarsic_model():
    # nl.lasso at the knots lam = 2 n alpha: same criterion (df from the LARS zeros:
    # at the knot where a feature leaves, CD leaves it at ~1e-16 instead of exactly 0)
    X, y = load_diabetes(return_X_y=True)
    n = len(y)
    ref = LassoLarsIC(criterion="bic", noise_variance=3000.0).fit(X, y)
    _, _, coef_path = lars_path(X - X.mean(0), y - y.mean(), method="lasso")
    df = np.count_nonzero(np.abs(coef_path) > np.finfo(float).eps, axis=0)
    _, coefs = nl.lasso_path(X, y, lams=2 * n * ref.alphas_)
    ours = nl.information_criterion(X, y, coefs, "bic", df=df, noise_variance=3000.0)
    assert_allclose(ours, ref.criterion_, rtol=1e-9)
    assert_allclose(coefs[np.argmin(ours)], ref.coef_, atol=1e-6)


def test_cp_and_aic_differ_by_a_constant():
    # AIC - Cp = n log(2 pi sigma^2) + n for fixed sigma^2 (Mallows 1973; ESL 7.5)
    X, y = _problem(7, n=60, p=6)
    _, coefs = nl.lasso_path(X, y, n_lams=15)
    sigma2 = 0.3
    aic = nl.information_criterion(X, y, coefs, "aic", noise_variance=sigma2)
    cp = nl.information_criterion(X, y, coefs, "cp", noise_variance=sigma2)
    assert_allclose(aic - cp, 60 * math.log(2 * math.pi * sigma2) + 60, rtol=1e-12)


def test_information_criterion_single_fit_and_ridge_df():
    # one fit: a float; its value by the formula written out (RSS of the centred fit)
    X, y = _problem(8, n=30, p=3)
    fit = nl.ridge(X, y, 2.0)
    df = nl.ridge_df(X, 2.0)
    value = nl.information_criterion(X, y, fit.coef, "bic", df=df, noise_variance=0.25)
    rss = np.sum((y - fit.intercept - X @ fit.coef) ** 2)
    expected = 30 * math.log(2 * math.pi * 0.25) + rss / 0.25 + math.log(30) * df
    assert isinstance(value, float)
    assert value == pytest.approx(expected, rel=1e-12)


def test_bic_is_sparser_than_aic_on_diabetes():
    X, y = load_diabetes(return_X_y=True)
    _, coefs = nl.lasso_path(X, y, n_lams=60)
    aic = nl.information_criterion(X, y, coefs, "aic")
    bic = nl.information_criterion(X, y, coefs, "bic")
    assert nl.lasso_df(coefs[np.argmin(bic)]) <= nl.lasso_df(coefs[np.argmin(aic)])


# ---------------------------------------------------------------- the Bayesian view


def test_bayesian_ridge_posterior_mean_is_our_ridge():
    # BayesianRidge's coef_ solves (alpha X^T X + lambda I) w = alpha X^T y on centred data
    X, y = load_diabetes(return_X_y=True)
    br = BayesianRidge().fit(X, y)
    lam = nl.lam_from_prior(1 / br.alpha_, 1 / br.lambda_, "gaussian")
    assert lam == pytest.approx(2 * br.lambda_ / br.alpha_, rel=1e-12)
    assert_allclose(nl.ridge(X, y, lam).coef, br.coef_, rtol=1e-8, atol=1e-8)


@pytest.mark.parametrize("prior", ["gaussian", "laplace"])
def test_negative_log_posterior_is_the_cost_over_two_sigma2(prior):
    # -log posterior (scipy densities) - cost / (2 sigma^2) is the same for every w
    X, y = _problem(9, n=20, p=3)
    sigma2, tau2 = 0.7, 1.9
    lam = nl.lam_from_prior(sigma2, tau2, prior)
    penalty = "l2" if prior == "gaussian" else "l1"
    scale = math.sqrt(tau2) if prior == "gaussian" else math.sqrt(tau2 / 2)
    dist = sps.norm(scale=scale) if prior == "gaussian" else sps.laplace(scale=scale)
    rng = np.random.default_rng(0)
    offsets = []
    for _ in range(5):
        w = 3 * rng.standard_normal(3)
        neg_log_post = -sps.norm(X @ w, math.sqrt(sigma2)).logpdf(y).sum() - dist.logpdf(w).sum()
        offsets.append(neg_log_post - nl.cost(X, y, w, lam, penalty=penalty) / (2 * sigma2))
    assert_allclose(offsets, offsets[0], rtol=1e-10)


@settings(max_examples=50)
@given(
    sigma2=st.floats(1e-3, 1e3),
    tau2=st.floats(1e-3, 1e3),
    prior=st.sampled_from(["gaussian", "laplace"]),
)
def test_prior_conversions_are_inverse(sigma2, tau2, prior):
    lam = nl.lam_from_prior(sigma2, tau2, prior)
    assert lam > 0
    assert nl.prior_variance_from_lam(lam, sigma2, prior) == pytest.approx(tau2, rel=1e-10)
    # more noise, larger lam; wider prior, smaller lam
    assert nl.lam_from_prior(2 * sigma2, tau2, prior) > lam
    assert nl.lam_from_prior(sigma2, 2 * tau2, prior) < lam


@pytest.mark.parametrize("tau2", [0.5, 1.0, 4.0])
def test_prior_density_matches_scipy(tau2):
    w = np.linspace(-4, 4, 41)
    assert_allclose(nl.prior_density(w, tau2, "gaussian"), sps.norm.pdf(w, scale=math.sqrt(tau2)))
    assert_allclose(
        nl.prior_density(w, tau2, "laplace"), sps.laplace.pdf(w, scale=math.sqrt(tau2 / 2))
    )
    # both have variance tau2 (scipy's var)
    assert sps.laplace(scale=math.sqrt(tau2 / 2)).var() == pytest.approx(tau2)


# ---------------------------------------------------------------- bias and variance


@settings(max_examples=50)
@given(seed=st.integers(0, 10_000), R=st.integers(2, 8), m=st.integers(1, 6))
def test_bias_variance_identity(seed, R, m):
    # mean squared distance to the truth = bias^2 + variance (exact identity)
    rng = np.random.default_rng(seed)
    predictions = rng.standard_normal((R, m))
    truth = rng.standard_normal(m)
    bv = nl.bias_variance(predictions, truth, noise_variance=0.5)
    assert_allclose(bv.bias2 + bv.variance, np.mean((predictions - truth) ** 2), rtol=1e-10)
    assert_allclose(bv.variance, np.var(predictions, axis=0).mean(), rtol=1e-10, atol=1e-15)
    assert bv.test_error == pytest.approx(bv.expected_error, rel=1e-10)


def test_bias_variance_with_targets_measures_the_error():
    predictions = np.array([[1.0, 2.0], [3.0, 2.0]])
    targets = np.array([[0.0, 2.0], [3.0, 4.0]])
    bv = nl.bias_variance(predictions, [1.0, 1.0], targets=targets)
    assert bv.test_error == pytest.approx((1 + 0 + 0 + 4) / 4)
    assert (bv.bias2, bv.variance) == (1.0, 0.5)


def test_simulated_ridge_bias_variance_matches_closed_form():
    # fixed design, no intercept: E w = A X^T f, Cov w = sigma^2 A X^T X A with
    # A = (X^T X + lam/2 I)^{-1}; bias^2 and variance at the test points follow
    rng = np.random.default_rng(10)
    X = rng.standard_normal((25, 4))
    X_test = rng.standard_normal((30, 4))
    w_true = np.array([1.0, -2.0, 0.5, 0.0])
    f, f_test = X @ w_true, X_test @ w_true
    lams = np.array([0.0, 5.0, 50.0])
    sigma = 0.8
    bv = nl.simulate_bias_variance(
        X, f, X_test, f_test, lams, noise=sigma, n_datasets=4000, fit_intercept=False, seed=1
    )
    for k, lam in enumerate(lams):
        A = np.linalg.inv(X.T @ X + lam / 2 * np.eye(4))
        mean_pred = X_test @ A @ X.T @ f
        cov = sigma**2 * X_test @ A @ X.T @ X @ A @ X_test.T
        assert_allclose(bv.bias2[k], np.mean((mean_pred - f_test) ** 2), rtol=0.05, atol=2e-3)
        assert_allclose(bv.variance[k], np.trace(cov) / 30, rtol=0.05)
    # measured test error against fresh noisy targets agrees with the decomposition
    assert_allclose(bv.test_error, bv.expected_error, rtol=0.05)
    assert bv.noise == pytest.approx(sigma**2)
    assert_array_equal(bv.lams, lams)


def test_simulate_bias_variance_lasso_and_order():
    # the lasso: results follow the given order of lams; more lam, more bias, less variance
    rng = np.random.default_rng(11)
    X = rng.standard_normal((40, 5))
    f = X @ np.array([2.0, 0.0, -1.0, 0.0, 0.0])
    lams = np.array([5.0, 100.0, 1.0])
    bv = nl.simulate_bias_variance(X, f, X, f, lams, noise=1.0, n_datasets=50, penalty="l1")
    bv_sorted = nl.simulate_bias_variance(
        X, f, X, f, np.sort(lams), noise=1.0, n_datasets=50, penalty="l1"
    )
    assert_allclose(bv.bias2[[2, 0, 1]], bv_sorted.bias2, rtol=1e-9)
    assert bv_sorted.bias2[0] < bv_sorted.bias2[2]
    assert bv_sorted.variance[0] > bv_sorted.variance[2]


def test_simulate_is_reproducible_and_does_not_mutate():
    X, y = _problem(12, n=15, p=3)
    X0, y0 = X.copy(), y.copy()
    a = nl.simulate_bias_variance(X, y, X, y, [1.0], noise=0.3, n_datasets=5, seed=3)
    b = nl.simulate_bias_variance(X, y, X, y, [1.0], noise=0.3, n_datasets=5, seed=3)
    assert_array_equal(a.variance, b.variance)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)
    assert "n_lams=1" in repr(a)
    assert "bias2=" in repr(nl.bias_variance([[1.0], [2.0]], [1.0]))


# ---------------------------------------------------------------- bad input


X1, Y1 = [[1.0], [2.0]], [1.0, 2.0]


def _ic(*args, **kwargs):
    return nl.information_criterion(X1, Y1, *args, **kwargs)


def _sim(X_test=((1.0,),), lams=(1.0,), **kwargs):
    kwargs = {"noise": 1.0, **kwargs}
    return nl.simulate_bias_variance(X1, Y1, X_test, [1.0] * len(X_test), lams, **kwargs)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: nl.ridge_shrinkage_factors([1.0, 2.0], 1.0), ValueError,
         "'X' parameter of ridge_shrinkage_factors"),
        (lambda: nl.ridge_shrinkage_factors([[1.0]], -1.0), ValueError, "'lam' parameter"),
        (lambda: nl.ridge_df([[np.nan]], 1.0), ValueError, "finite"),
        (lambda: nl.ridge_df([[1.0]], "1"), TypeError, "'lam' parameter of ridge_df"),
        (lambda: nl.ridge_condition_number([[1.0]], np.nan), ValueError, "'lam'"),
        (lambda: nl.lasso_df(np.zeros((2, 2, 2))), ValueError, "'coef' parameter of lasso_df"),
        (lambda: nl.lasso_df([]), ValueError, "must not be empty"),
        (lambda: _ic([1.0], "hqic"), ValueError, "'criterion'"),
        (lambda: _ic([1.0, 2.0]), ValueError, "'coefs'"),
        (lambda: _ic([1.0]), ValueError, "noise variance"),
        (lambda: _ic([1.0], noise_variance=0.0), ValueError, "'noise_variance'"),
        (lambda: _ic([1.0], df=-1.0, noise_variance=1.0), ValueError, "'df'"),
        (lambda: _ic([[1.0]], df=[1.0, 2.0], noise_variance=1.0), ValueError, "one value per fit"),
        (lambda: _ic([1.0], fit_intercept=1, noise_variance=1.0), TypeError, "'fit_intercept'"),
        (lambda: nl.estimate_noise_variance(X1, [1.0]), ValueError, "same number"),
        (lambda: nl.lam_from_prior(0.0, 1.0), ValueError,
         "'noise_variance' parameter of lam_from_prior"),
        (lambda: nl.lam_from_prior(1.0, "2"), TypeError, "'prior_variance'"),
        (lambda: nl.lam_from_prior(1.0, 1.0, "cauchy"), ValueError, "'prior'"),
        (lambda: nl.prior_variance_from_lam(0.0, 1.0), ValueError,
         "'lam' parameter of prior_variance_from_lam"),
        (lambda: nl.prior_density([np.inf]), ValueError, "'w' parameter of prior_density"),
        (lambda: nl.prior_density([0.0], -1.0), ValueError, "'prior_variance'"),
        (lambda: nl.bias_variance([[1.0, 2.0]], [1.0, 2.0]), ValueError, "at least 2 rows"),
        (lambda: nl.bias_variance(X1, [1.0, 2.0]), ValueError, "same number of test points"),
        (lambda: nl.bias_variance(X1, [1.0], noise_variance=-1.0), ValueError, "'noise_variance'"),
        (lambda: nl.bias_variance(X1, [1.0], targets=[[1.0]]), ValueError, "'targets'"),
        (lambda: _sim(X_test=[[1.0, 2.0]]), ValueError, "'X_test'"),
        (lambda: _sim(lams=[-1.0]), ValueError, "'lams'"),
        (lambda: _sim(n_datasets=1), ValueError, "'n_datasets'"),
        (lambda: _sim(penalty="l0"), ValueError, "'penalty'"),
        (lambda: _sim(noise=-1.0), ValueError, "'noise'"),
        (lambda: _sim(seed=1.5), TypeError, "'seed'"),
    ],
)
def test_bad_input_raises_clear_errors(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_no_warnings_on_valid_input():
    X, y = load_diabetes(return_X_y=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nl.ridge_df(X, 1.0)
        nl.information_criterion(X, y, nl.lasso_path(X, y, n_lams=10)[1], "cp")


# ------------------------------------------- issue 12's input habits (booleans, Fractions, scale)


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
@pytest.mark.parametrize(
    "call",
    [
        lambda X, y, b: nl.ridge_shrinkage_factors(X, 1.0, fit_intercept=b),
        lambda X, y, b: nl.ridge_df(X, 1.0, fit_intercept=b),
        lambda X, y, b: nl.ridge_condition_number(X, 1.0, fit_intercept=b),
        lambda X, y, b: nl.estimate_noise_variance(X, y, fit_intercept=b),
        lambda X, y, b: nl.information_criterion(X, y, np.zeros(X.shape[1]), fit_intercept=b),
    ],
)
def test_fit_intercept_must_be_a_bool(call, bad):
    X, y = _problem()
    with pytest.raises(TypeError, match=r"'fit_intercept' parameter of .* must be a bool"):
        call(X, y, bad)


def test_fractions_are_accepted_as_scalars():
    from fractions import Fraction

    X, y = _problem()
    half = Fraction(1, 2)
    assert nl.ridge_df(X, half) == nl.ridge_df(X, 0.5)
    assert_array_equal(nl.ridge_shrinkage_factors(X, half), nl.ridge_shrinkage_factors(X, 0.5))
    assert nl.ridge_condition_number(X, half) == nl.ridge_condition_number(X, 0.5)
    assert nl.information_criterion(X, y, np.zeros(5), noise_variance=half) == (
        nl.information_criterion(X, y, np.zeros(5), noise_variance=0.5)
    )
    assert nl.lam_from_prior(half, Fraction(2)) == nl.lam_from_prior(0.5, 2.0)
    assert nl.prior_variance_from_lam(half, Fraction(2), "laplace") == (
        nl.prior_variance_from_lam(0.5, 2.0, "laplace")
    )
    assert_array_equal(nl.prior_density([0.0, 1.0], Fraction(2)), nl.prior_density([0.0, 1.0], 2.0))


def test_information_criterion_refuses_an_exact_least_squares_fit():
    # sigma^2 estimated as 0 would divide by 0 (a RuntimeWarning, then inf or NaN)
    # (a constant y: its centred values, and so the residuals, are exactly 0)
    X, _ = _problem()
    y = np.full(X.shape[0], 2.0)
    with pytest.raises(ValueError, match=r"cannot estimate the noise variance.*noise_variance"):
        nl.information_criterion(X, y, np.zeros(5))
    assert nl.estimate_noise_variance(X, y) == 0.0
    # with a given noise variance, a perfect fit costs 0 in Cp's RSS / sigma^2
    assert nl.information_criterion(X, y, np.zeros(5), "cp", noise_variance=1.0) == -40.0


def test_bias_variance_and_prior_density_near_the_float_range_edges():
    rng = np.random.default_rng(0)
    P, truth = rng.standard_normal((4, 3)), rng.standard_normal(3)
    base = nl.bias_variance(P, truth)
    for s in (1e-150, 1e150):  # every term is a mean of squares: s^2 times
        bv = nl.bias_variance(s * P, s * truth)
        assert bv.bias2 / s**2 == pytest.approx(base.bias2, rel=1e-12)
        assert bv.variance / s**2 == pytest.approx(base.variance, rel=1e-12)
    assert nl.bias_variance(1e200 * P, truth).variance == np.inf  # 1e400: beyond the range
    # scipy's density; 2 pi tau^2 overflows for tau^2 = 1e308, sqrt(2 pi) tau does not
    assert nl.prior_density([0.0], 1e308)[0] == pytest.approx(sps.norm.pdf(0.0, scale=1e154))
    assert nl.prior_density([1e300], 1e-300)[0] == 0.0  # exp(-huge), without a warning


def test_information_criterion_with_coefficients_beyond_the_float_range_is_inf_not_nan():
    # X w ~ 1e600 cannot be a float: RSS and criterion are inf (a constant column is 0
    # once centred, and inf * 0 used to make the criterion NaN with a warning)
    rng = np.random.default_rng(0)
    X = np.column_stack([rng.standard_normal((10, 2)), np.full(10, 3.0)]) * 1e300
    y = rng.standard_normal(10)
    coefs = np.array([[1e300, 1.0, 1e300], [0.0, 0.0, 0.0]])
    values = nl.information_criterion(X, y, coefs, "cp", noise_variance=1.0)
    assert values[0] == np.inf
    # the null fit: Cp = RSS / sigma^2 - n + 2 df with RSS = ||y - mean(y)||^2, df = 0
    assert values[1] == pytest.approx(np.sum((y - y.mean()) ** 2) - 10.0, rel=1e-12)
