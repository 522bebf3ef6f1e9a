"""Tests for normlib.models: scikit-learn references, closed forms, KKT conditions,
convergence warnings and bad input."""

import dataclasses
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, Ridge
from sklearn.linear_model import lasso_path as sk_lasso_path

import normlib as nl


def make_data(seed, n=40, p=8, n_informative=3, noise=0.5):
    """A small regression problem with a few informative features and an offset."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-2, 2, p)  # columns not centred
    coef = np.zeros(p)
    coef[:n_informative] = rng.choice([-1.0, 1.0], n_informative) * rng.uniform(1, 3, n_informative)
    y = X @ coef + 3.0 + noise * rng.standard_normal(n)
    return X, y


def sk_lasso(X, y, lam, fit_intercept=True):
    """A tightly converged scikit-learn Lasso for the book's lam (alpha = lam / 2n)."""
    alpha = nl.to_sklearn_alpha(lam, X.shape[0], "l1")
    return Lasso(alpha=alpha, tol=1e-12, max_iter=10**6, fit_intercept=fit_intercept).fit(X, y)


def centred(X, y):
    return X - X.mean(axis=0), y - y.mean()


SHAPES = [(40, 8), (25, 60)]  # n > p, and p > n


# ---------------------------------------------------------------- ridge


@pytest.mark.parametrize(("n", "p"), SHAPES)
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("lam", [0.1, 10.0])
def test_ridge_matches_scikit_learn(n, p, fit_intercept, lam):
    X, y = make_data(0, n, p)
    fit = nl.ridge(X, y, lam, fit_intercept=fit_intercept)
    # reference: Ridge minimizes SSE + alpha*||w||^2, so alpha = lam / 2
    ref = Ridge(alpha=lam / 2, fit_intercept=fit_intercept, solver="svd").fit(X, y)
    assert_allclose(fit.coef, ref.coef_, rtol=1e-9, atol=1e-12)
    assert_allclose(fit.intercept, ref.intercept_, rtol=1e-9, atol=1e-12)
    assert fit.n_iter == 0 and fit.converged and fit.gap == 0.0
    assert fit.objective_history.shape == (0,)


def test_ridge_objective_is_the_book_cost():
    X, y = make_data(1)
    fit = nl.ridge(X, y, 3.0)
    Xc, yc = centred(X, y)
    # definition: SSE (with the intercept) + 0.5 * lam * ||w||^2, via penalties.cost
    assert_allclose(fit.objective, nl.cost(Xc, yc, fit.coef, 3.0, "l2"), rtol=1e-12)
    residual = y - X @ fit.coef - fit.intercept
    assert_allclose(fit.objective, residual @ residual + 1.5 * fit.coef @ fit.coef, rtol=1e-12)


def test_ridge_with_lam_zero_is_least_squares():
    X, y = make_data(2, 40, 8)
    ref = LinearRegression().fit(X, y)  # unique least-squares solution (n > p)
    assert_allclose(nl.ridge(X, y, 0.0).coef, ref.coef_, rtol=1e-9)
    # p > n: infinitely many solutions; lam = 0 gives the minimum-norm one (lstsq)
    X, y = make_data(3, 10, 30)
    Xc, yc = centred(X, y)
    minimum_norm = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    assert_allclose(nl.ridge(X, y, 0.0).coef, minimum_norm, rtol=1e-8, atol=1e-12)


def test_ridge_with_orthonormal_design_is_scaled_least_squares():
    # X^T X = I: the cost ||y - Xw||^2 + lam/2 ||w||^2 has gradient
    # 2(w - X^T y) + lam w = 0, so w = X^T y / (1 + lam / 2)
    rng = np.random.default_rng(4)
    X = np.linalg.qr(rng.standard_normal((30, 5)))[0]
    y = rng.standard_normal(30)
    fit = nl.ridge(X, y, 3.0, fit_intercept=False)
    assert_allclose(fit.coef, X.T @ y / (1 + 3.0 / 2), rtol=1e-12)


def test_ridge_splits_a_duplicated_column_equally():
    # strict convexity: the unique minimizer must be symmetric in the two copies
    X, y = make_data(5, 30, 3)
    X = np.column_stack([X[:, 0], X[:, 0], X[:, 1:]])
    fit = nl.ridge(X, y, 2.0)
    assert_allclose(fit.coef[0], fit.coef[1], rtol=1e-10)


# ---------------------------------------------------------------- lasso against scikit-learn


@pytest.mark.parametrize(("n", "p"), SHAPES)
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("method", ["cd", "fista"])
@pytest.mark.parametrize("fraction", [0.5, 0.05])
def test_lasso_matches_scikit_learn(n, p, fit_intercept, method, fraction):
    X, y = make_data(6, n, p)
    lam = fraction * nl.lambda_max(X, y, fit_intercept=fit_intercept)
    # The gap bounds the error of the cost; the coefficients' error is about its square
    # root. "cd" ends with an exact solve on the support, so its default tol (1e-10)
    # suffices; FISTA approaches the solution geometrically and needs tol=1e-12 for
    # the same agreement (as the lasso docstring says).
    tol = 1e-10 if method == "cd" else 1e-12
    fit = nl.lasso(X, y, lam, fit_intercept=fit_intercept, method=method, tol=tol)
    ref = sk_lasso(X, y, lam, fit_intercept)
    scale = np.abs(ref.coef_).max()
    # the api's promise: 1e-5 of the largest coefficient, exact zeros in the same places
    assert_allclose(fit.coef, ref.coef_, rtol=0, atol=1e-5 * scale)
    assert_array_equal(fit.coef == 0, ref.coef_ == 0)
    assert_allclose(fit.intercept, ref.intercept_, rtol=0, atol=1e-5 * max(1, abs(ref.intercept_)))
    assert fit.converged


def test_lasso_subgradient_is_close_but_never_exactly_sparse():
    X, y = make_data(7, 40, 8)
    lam = 0.2 * nl.lambda_max(X, y)
    exact = nl.lasso(X, y, lam)
    with pytest.warns(nl.ConvergenceWarning):
        fit = nl.lasso(X, y, lam, method="subgradient", max_iter=3000)
    assert not fit.converged
    # loosely: within a few percent of the optimal cost (subgradient converges like 1/sqrt(k))
    assert fit.objective <= exact.objective * 1.03
    assert np.count_nonzero(exact.coef) < X.shape[1]  # the lasso solution has zeros ...
    assert np.count_nonzero(fit.coef) == X.shape[1]  # ... which subgradient steps never hit
    # it hovers near them: where the solution is 0 the iterate is small
    zero = exact.coef == 0
    assert np.abs(fit.coef[zero]).max() < 0.1 * np.abs(exact.coef).max()


def test_lasso_subgradient_gap_is_a_certificate():
    X, y = make_data(8)
    lam = 0.3 * nl.lambda_max(X, y)
    optimum = nl.lasso(X, y, lam).objective
    with pytest.warns(nl.ConvergenceWarning):
        fit = nl.lasso(X, y, lam, method="subgradient", max_iter=200)
    # the gap bounds the distance to the optimal cost from above
    assert 0 <= fit.objective - optimum <= fit.gap * (1 + 1e-9)


def test_fista_agrees_with_cd_at_tight_tolerance():
    # skglm's pattern: two different solvers, same answer
    X, y = make_data(9, 30, 50)
    lam = 0.1 * nl.lambda_max(X, y)
    cd = nl.lasso(X, y, lam, method="cd", tol=1e-12)
    fista = nl.lasso(X, y, lam, method="fista", tol=1e-12)
    assert_allclose(fista.coef, cd.coef, rtol=0, atol=1e-7 * np.abs(cd.coef).max())
    assert_allclose(fista.objective, cd.objective, rtol=1e-10)


def test_fista_without_restart_reaches_the_same_solution():
    X, y = make_data(30, 30, 20)
    lam = 0.1 * nl.lambda_max(X, y)
    plain = nl.lasso(X, y, lam, method="fista", restart=False, tol=1e-12)
    cd = nl.lasso(X, y, lam, method="cd", tol=1e-12)
    assert plain.converged
    assert_allclose(plain.coef, cd.coef, rtol=0, atol=1e-6 * np.abs(cd.coef).max())


def test_lasso_objective_and_gap_certify_optimality():
    X, y = make_data(10, 30, 40)
    lam = 0.1 * nl.lambda_max(X, y)
    fit = nl.lasso(X, y, lam)
    Xc, yc = centred(X, y)
    # objective is the book's cost (intercept unpenalized) and the gap meets the tolerance
    assert_allclose(fit.objective, nl.cost(Xc, yc, fit.coef, lam, "l1"), rtol=1e-12)
    assert 0 <= fit.gap <= 1e-10 * (yc @ yc)
    # the scikit-learn solution's cost cannot be lower than ours by more than the gap
    ref = sk_lasso(X, y, lam)
    assert fit.objective - nl.cost(Xc, yc, ref.coef_, lam, "l1") <= fit.gap


def test_lasso_with_lam_zero_is_least_squares():
    X, y = make_data(11, 40, 6)
    fit = nl.lasso(X, y, 0.0)
    ref = LinearRegression().fit(X, y)
    assert fit.converged
    assert_allclose(fit.coef, ref.coef_, rtol=1e-5)


# ---------------------------------------------------------------- lasso closed forms


@pytest.mark.parametrize("method", ["cd", "fista"])
def test_lasso_with_orthonormal_design_is_soft_thresholding(method):
    # With X^T X = I and z = X^T y:
    #   ||y - Xw||^2 + lam ||w||_1 = ||y||^2 - 2 w.z + ||w||^2 + lam ||w||_1
    #                             = sum_j [(w_j - z_j)^2 + lam |w_j|] + const,
    # and each term is twice 0.5 (w_j - z_j)^2 + (lam/2) |w_j|, whose minimizer
    # is the prox of (lam/2)|.|: w_j = S_{lam/2}(z_j).
    rng = np.random.default_rng(12)
    X = np.linalg.qr(rng.standard_normal((30, 6)))[0]
    y = X @ np.array([3.0, -2.0, 0.5, -0.2, 0.0, 0.1]) + 0.05 * rng.standard_normal(30)
    lam = 1.0
    fit = nl.lasso(X, y, lam, fit_intercept=False, method=method)
    expected = nl.soft_threshold(X.T @ y, lam / 2)
    assert_allclose(fit.coef, expected, rtol=0, atol=1e-9)
    assert_array_equal(fit.coef == 0, expected == 0)


@pytest.mark.parametrize("method", ["cd", "fista", "subgradient"])
def test_lam_at_lambda_max_gives_zeros_and_slightly_below_does_not(method):
    X, y = make_data(13)
    lam_max = nl.lambda_max(X, y)
    at_max = nl.lasso(X, y, lam_max, method=method)
    assert_array_equal(at_max.coef, 0.0)
    assert at_max.converged and at_max.n_iter == 0  # w = 0 is certified at once
    # the intercept is then the mean of y
    assert_allclose(at_max.intercept, y.mean(), rtol=1e-14)
    if method != "subgradient":
        below = nl.lasso(X, y, 0.99 * lam_max, method=method)
        assert np.count_nonzero(below.coef) >= 1


def test_lambda_max_matches_scikit_learn_alpha_max():
    X, y = make_data(14)
    n = X.shape[0]
    # scikit-learn's path starts at alpha_max = max|X_c^T y_c| / n; lam = 2 n alpha
    alphas, _, _ = sk_lasso_path(*centred(X, y), alphas=3)
    assert_allclose(nl.lambda_max(X, y), 2 * n * alphas[0], rtol=1e-12)
    # l1_ratio rescales it (only the L1 part has a kink at 0)
    assert_allclose(nl.lambda_max(X, y, l1_ratio=0.25), 4 * nl.lambda_max(X, y), rtol=1e-14)


@pytest.mark.parametrize("method", ["cd", "fista"])
def test_kkt_conditions_hold_at_the_solution(method):
    X, y = make_data(15, 30, 50)
    lam = 0.05 * nl.lambda_max(X, y)
    fit = nl.lasso(X, y, lam, method=method)
    Xc, yc = centred(X, y)
    g = 2 * Xc.T @ (yc - Xc @ fit.coef)  # minus the gradient of the SSE
    zero = fit.coef == 0
    # zero coefficients: |2 X_j^T r| <= lam; nonzero: 2 X_j^T r = lam * sign(w_j)
    assert np.all(np.abs(g[zero]) <= lam * (1 + 1e-6))
    assert_allclose(g[~zero], lam * np.sign(fit.coef[~zero]), rtol=0, atol=1e-6 * lam)
    assert zero.any() and (~zero).any()


def test_lasso_cannot_choose_between_duplicated_columns():
    # Uniqueness fails: with X_1 = X_2, any split w_1 + w_2 = s with equal signs has the
    # same fit and the same penalty lam(|w_1| + |w_2|) = lam |s|.
    X, y = make_data(16, 30, 3)
    X = np.column_stack([X[:, 0], X[:, 0], X[:, 1:]])
    lam = 0.2 * nl.lambda_max(X, y)
    fit = nl.lasso(X, y, lam)
    Xc, yc = centred(X, y)
    s = fit.coef[0] + fit.coef[1]
    assert s != 0
    for split in (0.0, 0.3, 0.5, 1.0):
        other = fit.coef.copy()
        other[:2] = split * s, (1 - split) * s
        assert_allclose(nl.cost(Xc, yc, other, lam, "l1"), fit.objective, rtol=1e-12)


def test_constant_column_gets_a_zero_coefficient():
    X, y = make_data(17, 30, 4)
    X[:, 2] = 5.0  # constant: zero after centring
    for method in ("cd", "fista"):
        fit = nl.lasso(X, y, 0.01 * nl.lambda_max(X, y), method=method)
        assert fit.coef[2] == 0.0 and fit.converged
    assert nl.elastic_net(X, y, 1.0, 0.5).coef[2] == 0.0


@settings(max_examples=15)
@given(st.integers(0, 10**6), st.floats(0.01, 0.9))
def test_lasso_beats_any_other_point_and_satisfies_kkt(seed, fraction):
    X, y = make_data(seed, 20, 12)
    lam = fraction * nl.lambda_max(X, y)
    fit = nl.lasso(X, y, lam)
    Xc, yc = centred(X, y)
    rng = np.random.default_rng(seed)
    for _ in range(5):  # the certified lower bound objective - gap is below every cost
        w = fit.coef + rng.standard_normal(12) * rng.uniform(0, 1)
        assert fit.objective - fit.gap <= nl.cost(Xc, yc, w, lam, "l1")
    g = 2 * Xc.T @ (yc - Xc @ fit.coef)
    assert np.all(np.abs(g) <= lam * (1 + 1e-5))


# ---------------------------------------------------------------- elastic net


@pytest.mark.parametrize(("n", "p"), SHAPES)
@pytest.mark.parametrize("l1_ratio", [0.2, 0.7, 1.0])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_elastic_net_matches_scikit_learn(n, p, l1_ratio, fit_intercept):
    X, y = make_data(18, n, p)
    lam = 0.1 * nl.lambda_max(X, y, l1_ratio=l1_ratio, fit_intercept=fit_intercept)
    fit = nl.elastic_net(X, y, lam, l1_ratio, fit_intercept=fit_intercept)
    alpha = nl.to_sklearn_alpha(lam, n, "elasticnet")
    ref = ElasticNet(
        alpha=alpha, l1_ratio=l1_ratio, tol=1e-12, max_iter=10**6, fit_intercept=fit_intercept
    ).fit(X, y)
    scale = np.abs(ref.coef_).max()
    assert_allclose(fit.coef, ref.coef_, rtol=0, atol=1e-5 * scale)
    assert_array_equal(fit.coef == 0, ref.coef_ == 0)
    assert_allclose(fit.intercept, ref.intercept_, rtol=0, atol=1e-5 * max(1, abs(ref.intercept_)))
    Xc, yc = (X - X.mean(0), y - y.mean()) if fit_intercept else (X, y)
    expected = nl.cost(Xc, yc, fit.coef, lam, "elasticnet", l1_ratio=l1_ratio)
    assert_allclose(fit.objective, expected, rtol=1e-12)


def test_elastic_net_end_points_are_lasso_and_ridge():
    X, y = make_data(19)
    lam = 5.0
    assert_allclose(nl.elastic_net(X, y, lam, 1.0).coef, nl.lasso(X, y, lam).coef, atol=1e-9)
    # l1_ratio = 0: penalty 0.5 * lam * ||w||^2, the ridge cost (its own dual gap formula)
    fit = nl.elastic_net(X, y, lam, 0.0)
    assert fit.converged
    assert_allclose(fit.coef, nl.ridge(X, y, lam).coef, rtol=1e-7)


# ---------------------------------------------------------------- iterations and history


def test_convergence_warning_names_the_gap_and_points_at_the_caller():
    X, y = make_data(20, 30, 40)
    lam = 0.01 * nl.lambda_max(X, y)
    with pytest.warns(nl.ConvergenceWarning) as record:
        fit = nl.lasso(X, y, lam, max_iter=1)
    message = str(record[0].message)
    assert message.startswith("lasso (cd) did not converge: duality gap ")
    assert f"{fit.gap:.1e} > tol·‖y‖² = " in message
    assert "after 1 iterations; increase max_iter or tol." in message
    assert record[0].filename == __file__  # stacklevel: the line that called lasso
    assert not fit.converged and fit.n_iter == 1
    with pytest.warns(nl.ConvergenceWarning, match=r"lasso \(fista\) did not converge"):
        nl.lasso(X, y, lam, method="fista", max_iter=2)
    with pytest.warns(nl.ConvergenceWarning, match=r"elastic_net \(cd\) did not converge"):
        nl.elastic_net(X, y, lam, 0.5, max_iter=1)


def test_no_warning_when_converged():
    X, y = make_data(21)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fit = nl.lasso(X, y, 1.0)
    assert fit.converged


@pytest.mark.parametrize("method", ["cd", "fista", "subgradient"])
def test_record_coefs_stores_every_iteration(method):
    X, y = make_data(22, 30, 6)
    lam = 0.3 * nl.lambda_max(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nl.ConvergenceWarning)
        fit = nl.lasso(X, y, lam, method=method, record_coefs=True, max_iter=300)
    assert fit.coef_history.shape == (fit.n_iter, 6)
    assert fit.objective_history.shape == (fit.n_iter,)
    Xc, yc = centred(X, y)
    # each recorded objective is the cost of the recorded coefficients
    for k in (0, fit.n_iter // 2, fit.n_iter - 1):
        expected = nl.cost(Xc, yc, fit.coef_history[k], lam, "l1")
        assert_allclose(fit.objective_history[k], expected, rtol=1e-9)
    if method != "subgradient":  # subgradient returns its best iterate, not its last
        assert_array_equal(fit.coef_history[-1], fit.coef)
    assert nl.lasso(X, y, lam, method="cd").coef_history is None


def test_cd_objective_never_increases():
    X, y = make_data(23, 30, 50)
    fit = nl.lasso(X, y, 0.05 * nl.lambda_max(X, y))
    steps = np.diff(fit.objective_history)
    assert np.all(steps <= 1e-12 * fit.objective_history[0])


def test_subgradient_lr_changes_the_iterates():
    X, y = make_data(24, 30, 5)
    lam = 0.2 * nl.lambda_max(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nl.ConvergenceWarning)
        a = nl.lasso(X, y, lam, method="subgradient", max_iter=5, record_coefs=True)
        b = nl.lasso(X, y, lam, method="subgradient", max_iter=5, lr=1e-4, record_coefs=True)
    Xc, yc = centred(X, y)
    # first step from w = 0 with the default lr = 1/L, L = 2 sigma_max(X_c)^2
    L = 2 * np.linalg.norm(Xc, 2) ** 2
    assert_allclose(a.coef_history[0], 2 * Xc.T @ yc / L, rtol=1e-10)
    assert_allclose(b.coef_history[0], 1e-4 * 2 * Xc.T @ yc, rtol=1e-10)


# ---------------------------------------------------------------- FitResult, helpers


def test_fit_result_is_frozen_with_a_short_repr():
    X, y = make_data(25, 30, 10)
    fit = nl.lasso(X, y, 0.5 * nl.lambda_max(X, y))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fit.coef = None
    text = repr(fit)
    assert text == (
        f"FitResult(n_features=10, nonzeros={np.count_nonzero(fit.coef)}, "
        f"n_iter={fit.n_iter}, converged=True, objective={fit.objective:.3e})"
    )
    assert "array" not in text


def test_to_sklearn_alpha():
    # the mappings stated in the api: l1 and elasticnet lam/(2n), l2 lam/2
    assert nl.to_sklearn_alpha(10.0, 100, "l1") == 0.05
    assert nl.to_sklearn_alpha(10.0, 100, "elasticnet") == 0.05
    assert nl.to_sklearn_alpha(10.0, 100, "l2") == 5.0


# ---------------------------------------------------------------- bad input


def test_bad_lam_is_refused():
    X, y = make_data(26)
    for func in (nl.ridge, nl.lasso):
        with pytest.raises(ValueError, match=rf"'lam' parameter of {func.__name__} .*got -1\.0"):
            func(X, y, -1.0)
        with pytest.raises(ValueError, match=r"'lam' parameter .* got nan"):
            func(X, y, float("nan"))
    with pytest.raises(ValueError, match=r"'lam' parameter of elastic_net .*got -2\.0"):
        nl.elastic_net(X, y, -2.0, 0.5)


def test_bad_data_is_refused():
    X, y = make_data(27)
    X_nan = X.copy()
    X_nan[3, 1] = np.nan
    with pytest.raises(ValueError, match=r"'X' parameter of lasso .* got NaN"):
        nl.lasso(X_nan, y, 1.0)
    with pytest.raises(ValueError, match="same number of samples; got 40 rows in X and 39"):
        nl.ridge(X, y[:-1], 1.0)
    with pytest.raises(ValueError, match="'y' parameter of lambda_max must be a 1-D array"):
        nl.lambda_max(X, y[:, None])


def test_bad_options_are_refused():
    X, y = make_data(28)
    with pytest.raises(ValueError, match=r"'method' parameter of lasso must be one of .*'newton'"):
        nl.lasso(X, y, 1.0, method="newton")
    with pytest.raises(ValueError, match=r"'l1_ratio' parameter of elastic_net .* got 1\.5"):
        nl.elastic_net(X, y, 1.0, 1.5)
    with pytest.raises(ValueError, match=r"'l1_ratio' parameter of lambda_max .*> 0.*got 0\.0"):
        nl.lambda_max(X, y, l1_ratio=0.0)
    with pytest.raises(ValueError, match=r"'max_iter' parameter of lasso .*>= 1; got 0"):
        nl.lasso(X, y, 1.0, max_iter=0)
    with pytest.raises(ValueError, match=r"'tol' parameter of lasso .*got -1e-05"):
        nl.lasso(X, y, 1.0, tol=-1e-5)
    with pytest.raises(ValueError, match=r"'lr' parameter of lasso must be .*> 0"):
        nl.lasso(X, y, 1.0, method="subgradient", lr=0.0)
    with pytest.raises(ValueError, match=r"'penalty' parameter of to_sklearn_alpha .* got 'l3'"):
        nl.to_sklearn_alpha(1.0, 10, "l3")
    with pytest.raises(ValueError, match=r"'n_samples' parameter of to_sklearn_alpha"):
        nl.to_sklearn_alpha(1.0, 0, "l1")


def test_inputs_are_not_mutated():
    X, y = make_data(29)
    X_before, y_before = X.copy(), y.copy()
    nl.ridge(X, y, 1.0)
    nl.lasso(X, y, 1.0)
    nl.lasso(X, y, 1.0, method="fista")
    nl.elastic_net(X, y, 1.0, 0.5)
    nl.lambda_max(X, y)
    assert_array_equal(X, X_before)
    assert_array_equal(y, y_before)


def test_lists_of_integers_are_accepted():
    X = [[1, 0], [0, 1], [1, 1], [2, 1]]
    y = [1, 2, 3, 4]
    fit = nl.lasso(X, y, 0.5)
    ref = sk_lasso(np.array(X, float), np.array(y, float), 0.5)
    assert_allclose(fit.coef, ref.coef_, atol=1e-6)


# ---------------------------------------------------------------- predict, MSE, KKT, alpha arrays
# (the helpers the chapters use to evaluate a fit)


@pytest.mark.parametrize("model", ["ridge", "lasso", "elastic_net"])
def test_predict_matches_scikit_learn(model):
    # reference: scikit-learn's predict of the same model (alpha from to_sklearn_alpha)
    X, y = make_data(40)
    X_new = np.random.default_rng(41).standard_normal((7, X.shape[1]))
    if model == "ridge":
        fit, ref = nl.ridge(X, y, 3.0), Ridge(alpha=nl.to_sklearn_alpha(3.0, 40, "l2"))
    elif model == "lasso":
        fit, ref = nl.lasso(X, y, 3.0, tol=1e-12), Lasso(
            alpha=nl.to_sklearn_alpha(3.0, 40, "l1"), tol=1e-12, max_iter=10**6)
    else:
        fit, ref = nl.elastic_net(X, y, 3.0, 0.5, tol=1e-12), ElasticNet(
            alpha=nl.to_sklearn_alpha(3.0, 40, "elasticnet"), l1_ratio=0.5, tol=1e-12,
            max_iter=10**6)
    ref.fit(X, y)
    assert_allclose(fit.predict(X_new), ref.predict(X_new), rtol=1e-7, atol=1e-7)


@given(st.integers(0, 10**6), st.integers(1, 6), st.integers(1, 6))
@settings(max_examples=40, deadline=None)
def test_predict_is_the_linear_model(seed, n, p):
    # property: predict(X) == X @ coef + intercept, and one row at a time gives the same
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((n + 2, p)), rng.standard_normal(n + 2)
    fit = nl.ridge(X, y, 1.0)
    X_new = rng.standard_normal((n, p))
    assert_allclose(fit.predict(X_new), X_new @ fit.coef + fit.intercept, rtol=1e-12, atol=1e-12)
    rows = np.array([fit.predict(X_new[i:i + 1])[0] for i in range(n)])
    assert_allclose(fit.predict(X_new), rows, rtol=1e-12, atol=1e-12)


def test_predict_refuses_bad_X():
    fit = nl.ridge([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [1.0, 2.0, 3.0], 1.0)
    with pytest.raises(ValueError, match=r"'X' parameter of FitResult.predict must have 2 columns"):
        fit.predict([[1.0, 2.0, 3.0]])
    with pytest.raises(ValueError, match=r"'X' parameter of FitResult.predict must be a 2-D"):
        fit.predict([1.0, 2.0])
    with pytest.raises(ValueError, match=r"'X' parameter of FitResult.predict .* got NaN"):
        fit.predict([[np.nan, 1.0]])


def test_mean_squared_error_matches_scikit_learn():
    from sklearn.metrics import mean_squared_error as sk_mse

    rng = np.random.default_rng(42)
    y, y_pred = rng.standard_normal(50), rng.standard_normal(50)
    assert_allclose(nl.mean_squared_error(y, y_pred), sk_mse(y, y_pred), rtol=1e-13)
    # the chapters' former formula: SSE of the residual over n
    X, y = make_data(43)
    fit = nl.lasso(X, y, 5.0)
    assert_allclose(nl.mean_squared_error(y, fit.predict(X)),
                    nl.sse(X, y - fit.intercept, fit.coef) / len(y), rtol=1e-12)


@given(st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=30), st.floats(-1e3, 1e3))
@settings(max_examples=60, deadline=None)
def test_mean_squared_error_properties(values, shift):
    # non-negative, zero for perfect predictions, symmetric, a constant error c gives c**2
    y = np.array(values)
    assert nl.mean_squared_error(y, y) == 0.0
    y_pred = y + shift
    mse = nl.mean_squared_error(y, y_pred)
    assert mse >= 0.0
    assert mse == nl.mean_squared_error(y_pred, y)
    assert_allclose(mse, shift**2, rtol=1e-9, atol=1e-9)


def test_mean_squared_error_refuses_bad_input():
    with pytest.raises(ValueError, match=r"'y' and 'y_pred' .* same length; got 3 and 2"):
        nl.mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(ValueError, match=r"'y_pred' parameter of mean_squared_error .* got NaN"):
        nl.mean_squared_error([1.0], [np.nan])
    with pytest.raises(ValueError, match=r"'y' parameter of mean_squared_error must be a 1-D"):
        nl.mean_squared_error([[1.0]], [1.0])
    with pytest.raises(ValueError, match=r"'y' parameter of mean_squared_error must not be empty"):
        nl.mean_squared_error([], [])


def test_kkt_violation_closed_form_orthonormal_design():
    # closed form: with orthonormal columns the lasso solution is soft_threshold(Qᵀy, lam/2)
    # (Tibshirani 1996), where every violation is 0; at w = 0 the violation of coordinate j
    # is max(|2 q_jᵀ y| - lam, 0) by the formula in the docstring
    rng = np.random.default_rng(44)
    Q, _ = np.linalg.qr(rng.standard_normal((30, 5)))
    y = Q @ np.array([4.0, -2.0, 0.5, 0.0, 1.0]) + 0.1 * rng.standard_normal(30)
    lam = 2.0
    w = nl.soft_threshold(Q.T @ y, lam / 2)
    assert_allclose(nl.kkt_violation(Q, y, w, lam, fit_intercept=False), 0.0, atol=1e-12)
    expected = np.maximum(np.abs(2 * Q.T @ y) - lam, 0.0)
    assert_allclose(nl.kkt_violation(Q, y, np.zeros(5), lam, fit_intercept=False), expected,
                    rtol=1e-12)
    # ridge: the solution is Qᵀy / (1 + lam/2); the violation is the gradient's size
    w_ridge = Q.T @ y / (1 + lam / 2)
    assert_allclose(nl.kkt_violation(Q, y, w_ridge, lam, "l2", fit_intercept=False), 0.0,
                    atol=1e-12)
    assert_allclose(nl.kkt_violation(Q, y, np.zeros(5), lam, "l2", fit_intercept=False),
                    np.abs(2 * Q.T @ y), rtol=1e-12)


@pytest.mark.parametrize("penalty", ["l1", "elasticnet", "l2"])
def test_kkt_violation_is_tiny_at_a_converged_scikit_learn_fit(penalty):
    # reference: scikit-learn fits converged to 1e-12 satisfy the KKT conditions up to
    # rounding; a perturbed point does not
    X, y = make_data(45)
    lam = 8.0
    n = X.shape[0]
    if penalty == "l1":
        ref = sk_lasso(X, y, lam)
    elif penalty == "elasticnet":
        ref = ElasticNet(alpha=nl.to_sklearn_alpha(lam, n, "elasticnet"), l1_ratio=0.3,
                         tol=1e-12, max_iter=10**6).fit(X, y)
    else:
        ref = Ridge(alpha=nl.to_sklearn_alpha(lam, n, "l2")).fit(X, y)
    scale = nl.linf_norm(2 * centred(X, y)[0].T @ centred(X, y)[1])
    v = nl.kkt_violation(X, y, ref.coef_, lam, penalty, l1_ratio=0.3)
    assert v.shape == (X.shape[1],)
    assert v.max() < 1e-6 * scale
    w_off = ref.coef_.copy()
    w_off[0] += 0.5
    assert nl.kkt_violation(X, y, w_off, lam, penalty, l1_ratio=0.3).max() > 1e-2 * lam


@given(st.integers(0, 10**6), st.floats(1.0, 50.0))
@settings(max_examples=25, deadline=None)
def test_kkt_violation_properties(seed, lam):
    # non-negative everywhere; (near) zero at nl.lasso's solution; at w = 0 its maximum is
    # max(lambda_max - lam, 0), since lambda_max = 2‖X_cᵀy_c‖∞
    X, y = make_data(seed % 1000, n=20, p=5)
    rng = np.random.default_rng(seed)
    w = rng.standard_normal(5) * (rng.random(5) < 0.5)
    assert (nl.kkt_violation(X, y, w, lam) >= 0).all()
    v0 = nl.kkt_violation(X, y, np.zeros(5), lam)
    assert_allclose(v0.max(), max(nl.lambda_max(X, y) - lam, 0.0), rtol=1e-10, atol=1e-9)
    fit = nl.lasso(X, y, lam)
    assert fit.converged
    assert nl.kkt_violation(X, y, fit.coef, lam).max() <= 1e-4 * max(nl.lambda_max(X, y), 1.0)


def test_kkt_violation_refuses_bad_input_and_does_not_mutate():
    X, y = make_data(46)
    w = np.zeros(X.shape[1])
    X0, y0, w0 = X.copy(), y.copy(), w.copy()
    nl.kkt_violation(X, y, w, 1.0)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)
    assert_array_equal(w, w0)
    with pytest.raises(ValueError, match=r"'coef' .* one value per column of X \(8\); got 3"):
        nl.kkt_violation(X, y, np.zeros(3), 1.0)
    with pytest.raises(ValueError, match=r"'lam' parameter of kkt_violation .*got -1\.0"):
        nl.kkt_violation(X, y, w, -1.0)
    with pytest.raises(ValueError, match=r"'penalty' parameter of kkt_violation .*got 'l0'"):
        nl.kkt_violation(X, y, w, 1.0, penalty="l0")
    with pytest.raises(ValueError, match=r"'l1_ratio' parameter of kkt_violation .*got 2\.0"):
        nl.kkt_violation(X, y, w, 1.0, penalty="elasticnet", l1_ratio=2.0)
    with pytest.raises(ValueError, match=r"'coef' parameter of kkt_violation .* got NaN"):
        nl.kkt_violation(X, y, np.full(8, np.nan), 1.0)


def test_to_sklearn_alpha_on_arrays():
    # the same mappings element by element; a scalar still gives a float
    lams = np.array([[0.0, 10.0], [100.0, 2.5]])
    assert_allclose(nl.to_sklearn_alpha(lams, 100, "l1"), lams / 200)
    assert_allclose(nl.to_sklearn_alpha(lams, 100, "elasticnet"), lams / 200)
    assert_allclose(nl.to_sklearn_alpha(lams, 100, "l2"), lams / 2)
    assert_allclose(nl.to_sklearn_alpha([10.0, 1.0], 5, "l1"), [1.0, 0.1])
    assert isinstance(nl.to_sklearn_alpha(10.0, 100, "l1"), float)
    out = nl.to_sklearn_alpha(lams, 100, "l2")
    assert out.shape == lams.shape and out.flags.writeable
    # reference: Lasso with the converted grid fits the same models as nl.lasso
    X, y = make_data(47)
    lams_grid = np.array([30.0, 3.0])
    for lam, alpha in zip(lams_grid, nl.to_sklearn_alpha(lams_grid, 40, "l1"), strict=True):
        ref = Lasso(alpha=alpha, tol=1e-12, max_iter=10**6).fit(X, y)
        assert_allclose(nl.lasso(X, y, lam, tol=1e-12).coef, ref.coef_, atol=1e-6)


@given(st.lists(st.floats(0.0, 1e6), min_size=1, max_size=10), st.integers(1, 1000))
@settings(max_examples=40, deadline=None)
def test_to_sklearn_alpha_arrays_agree_with_scalars(lams, n):
    for penalty in ("l1", "l2", "elasticnet"):
        out = nl.to_sklearn_alpha(np.array(lams), n, penalty)
        assert_array_equal(out, [nl.to_sklearn_alpha(lam, n, penalty) for lam in lams])


def test_to_sklearn_alpha_refuses_bad_arrays():
    with pytest.raises(ValueError, match=r"'lam' .* only values >= 0; got -1\.0"):
        nl.to_sklearn_alpha([1.0, -1.0], 10, "l1")
    with pytest.raises(ValueError, match=r"'lam' parameter of to_sklearn_alpha .* got NaN"):
        nl.to_sklearn_alpha(np.array([np.nan]), 10, "l2")
    with pytest.raises(ValueError, match=r"'lam' parameter of to_sklearn_alpha must be an arr"):
        nl.to_sklearn_alpha(["a"], 10, "l2")
    lams = np.array([1.0, 2.0])
    nl.to_sklearn_alpha(lams, 10, "l2")
    assert_array_equal(lams, [1.0, 2.0])
# ------------------------------------------------- issue 12: edges of the float range
# The reproducers of issue 12 use this problem.


def issue12_data():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((15, 4))
    y = X @ [1.5, 0, -2, 0.5] + 0.3 * rng.standard_normal(15)
    return X, y


@pytest.mark.parametrize("method", ["cd", "fista"])
def test_lasso_on_tiny_targets_is_not_a_false_convergence(method):
    # was: all zeros with converged=True, gap=0, n_iter=0 (||y||^2 underflowed
    # to 0, so the tolerance was 0 and the gap "closed"). Reference: the fit at
    # scale 1, scaled by 1e-170 (the lasso is equivariant: t y, t lam -> t coef).
    X, y = issue12_data()
    base = nl.lasso(X, y, 3.0, method=method, tol=1e-14)
    fit = nl.lasso(X, 1e-170 * y, 3e-170, method=method, tol=1e-14)
    assert fit.converged and fit.n_iter > 0 and np.count_nonzero(fit.coef) == 3
    assert_allclose(fit.coef / 1e-170, base.coef, rtol=1e-9, atol=1e-12)
    assert_allclose(fit.intercept / 1e-170, base.intercept, rtol=1e-9, atol=1e-12)
    assert fit.gap >= 0.0


def test_elastic_net_on_tiny_targets():
    X, y = issue12_data()
    base = nl.elastic_net(X, y, 3.0, 1.0)  # l1_ratio=1: the L1 part scales with y
    fit = nl.elastic_net(X, 1e-170 * y, 3e-170, 1.0)
    assert fit.converged and fit.n_iter > 0
    assert_allclose(fit.coef / 1e-170, base.coef, rtol=1e-9, atol=1e-12)
    # both parts scale as s^2 when X and y are both multiplied by s
    base = nl.elastic_net(X, y, 3.0, 0.5)
    fit = nl.elastic_net(1e-150 * X, 1e-150 * y, 3e-300, 0.5)
    assert_allclose(fit.coef, base.coef, rtol=1e-6)


def test_ridge_on_huge_x_is_finite_and_right():
    # was: NaN coefficients with converged=True (X^T X overflowed). With lam = 1
    # and X ~ 1e160 the penalty is negligible: the answer is least squares
    # (numpy.linalg.lstsq on the centred data), divided by 1e160.
    X, y = issue12_data()
    fit = nl.ridge(1e160 * X, y, 1.0)
    Xc, yc = centred(X, y)
    reference = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    assert_allclose(fit.coef * 1e160, reference, rtol=1e-12)
    assert np.isfinite(fit.intercept) and np.isfinite(fit.objective)


def test_ridge_with_tiny_lam_on_rank_deficient_data_answers_like_ridge_path():
    # was: LinAlgError: Singular matrix. Reference: scikit-learn's Ridge with the
    # SVD solver (alpha = lam / 2), and normlib.ridge_path (one SVD).
    X, y = issue12_data()
    duplicated_column = np.hstack([X, X[:, :1]])
    duplicated_rows = np.vstack([X.T, X.T[:1]])  # 5 x 15: p > n, a repeated row
    y_rows = np.arange(5.0)
    for data, target in ((duplicated_column, y), (duplicated_rows, y_rows)):
        for lam in (1e-16, 1e-300):
            fit = nl.ridge(data, target, lam)
            _, path = nl.ridge_path(data, target, lams=[lam])
            ref = Ridge(alpha=lam / 2, solver="svd").fit(data, target)
            assert_allclose(fit.coef, path[0], rtol=1e-7, atol=1e-9)
            assert_allclose(fit.coef, ref.coef_, rtol=1e-7, atol=1e-9)


def test_lambda_max_beyond_the_float_range_is_inf_not_nan():
    X, y = issue12_data()
    assert nl.lambda_max(1e300 * X, 1e10 * y) == np.inf  # true value ~1e311
    # within range: equivariant (reference: the value at scale 1)
    assert nl.lambda_max(1e150 * X, 1e10 * y) == pytest.approx(
        1e160 * nl.lambda_max(X, y), rel=1e-14
    )


@pytest.mark.parametrize("method", ["fista", "subgradient"])
def test_solvers_on_huge_x_do_not_crash(method):
    # was: LinAlgError "Eigenvalues did not converge" (X^T X was inf)
    X, y = issue12_data()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nl.ConvergenceWarning)  # subgradient never converges
        base = nl.lasso(X, y, 3.0, method=method, max_iter=200, tol=1e-14)
        fit = nl.lasso(1e300 * X, y, 3e300, method=method, max_iter=200, tol=1e-14)
    assert_allclose(fit.coef * 1e300, base.coef, rtol=1e-6, atol=1e-9)


def test_tiny_lam_converges_at_once_without_a_false_warning():
    # was: a ConvergenceWarning after 10,000 epochs: at lam <= 1e-12 lam_max the
    # rescaled residual cannot be dual feasible to float precision. The least-
    # squares minimum certifies the fit instead. Reference: numpy.linalg.lstsq.
    X, y = issue12_data()
    Xc, yc = centred(X, y)
    reference = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    for factor in (1e-8, 1e-12, 1e-15, 1e-300):
        lam = factor * nl.lambda_max(X, y)
        with warnings.catch_warnings():
            warnings.simplefilter("error", nl.ConvergenceWarning)
            fit = nl.lasso(X, y, lam)
            net = nl.elastic_net(X, y, lam, 1.0)
        assert fit.converged and fit.n_iter < 100
        assert net.converged
        assert_allclose(fit.coef, reference, rtol=1e-6)


def test_fractions_are_accepted_as_real_numbers():
    # was: TypeError: ufunc 'isnan' not supported for the input types
    from fractions import Fraction

    X, y = issue12_data()
    assert_array_equal(nl.lasso(X, y, Fraction(3)).coef, nl.lasso(X, y, 3.0).coef)
    assert_array_equal(nl.ridge(X, y, Fraction(1, 2)).coef, nl.ridge(X, y, 0.5).coef)
    assert_array_equal(
        nl.elastic_net(X, y, 3.0, Fraction(1, 2)).coef, nl.elastic_net(X, y, 3.0, 0.5).coef
    )
    assert nl.to_sklearn_alpha(Fraction(3), 3, "l1") == 0.5


@pytest.mark.parametrize("bad", ["no", np.array([1, 0]), 1, 0, None, 1.0])
def test_boolean_options_must_be_bools(bad):
    # was: fit_intercept="no" fitted an intercept; an array raised a raw numpy error
    X, y = issue12_data()
    calls = {
        "fit_intercept": [
            lambda: nl.ridge(X, y, 1.0, fit_intercept=bad),
            lambda: nl.lasso(X, y, 1.0, fit_intercept=bad),
            lambda: nl.elastic_net(X, y, 1.0, 0.5, fit_intercept=bad),
            lambda: nl.lambda_max(X, y, fit_intercept=bad),
        ],
        "record_coefs": [
            lambda: nl.lasso(X, y, 1.0, record_coefs=bad),
            lambda: nl.elastic_net(X, y, 1.0, 0.5, record_coefs=bad),
        ],
        "restart": [lambda: nl.lasso(X, y, 1.0, method="fista", restart=bad)],
    }
    for name, functions in calls.items():
        for call in functions:
            with pytest.raises(TypeError, match=rf"'{name}' parameter of \w+ must be a bool"):
                call()


def test_numpy_bools_are_bools():
    X, y = issue12_data()
    assert_array_equal(
        nl.lasso(X, y, 1.0, fit_intercept=np.False_).coef,
        nl.lasso(X, y, 1.0, fit_intercept=False).coef,
    )


@pytest.mark.filterwarnings("error::UserWarning")  # ConvergenceWarning is one
def test_no_runtime_warning_on_extreme_inputs():
    # the project's pytest settings turn RuntimeWarning into an error, so
    # running these is the test; each result is also checked not to be NaN
    # and to be certified (a ConvergenceWarning would be an error here too)
    X, y = issue12_data()
    for sx, sy in ((1e300, 1.0), (1.0, 1e300), (1e-300, 1e300), (1e300, 1e-300), (1e-300, 1.0)):
        for fit in (
            nl.lasso(sx * X, sy * y, 1.0),
            nl.elastic_net(sx * X, sy * y, 1.0, 0.5),
            nl.ridge(sx * X, sy * y, 1.0),
        ):
            assert not np.isnan(fit.coef).any() and not np.isnan(fit.intercept)
            assert not np.isnan(fit.objective) and not np.isnan(fit.gap)
            assert fit.converged


def test_models_return_float64_for_float32_input():
    X, y = issue12_data()
    fit = nl.lasso(X.astype(np.float32), y.astype(np.float32), 1.0)
    assert fit.coef.dtype == np.float64


# ---------------------------------------------------------------- elastic net, large supports
# (issue 12: a working set beyond NEWTON_MIN_SUPPORT goes to the Newton method on the dual)


def wide_support_data(seed, n=60, p=300):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-1, 1, p)
    y = X[:, :10] @ rng.uniform(1, 2, 10) + rng.standard_normal(n)
    return X, y


@pytest.mark.parametrize("l1_ratio", [0.3, 0.7])
def test_elastic_net_large_support_matches_scikit_learn(l1_ratio):
    X, y = wide_support_data(40)
    lam = 0.005 * nl.lambda_max(X, y, l1_ratio=l1_ratio)
    fit = nl.elastic_net(X, y, lam, l1_ratio, tol=1e-12)
    assert fit.converged and np.count_nonzero(fit.coef) > 50  # the Newton method's case
    # reference: scikit-learn's ElasticNet, alpha = lam / 2n, tightly converged
    ref = ElasticNet(alpha=nl.to_sklearn_alpha(lam, X.shape[0], "elasticnet"),
                     l1_ratio=l1_ratio, tol=1e-14, max_iter=10**6).fit(X, y)
    scale = np.abs(ref.coef_).max()
    assert_allclose(fit.coef, ref.coef_, rtol=0, atol=1e-6 * scale)
    assert_array_equal(fit.coef == 0, ref.coef_ == 0)
    Xc, yc = centred(X, y)
    expected = nl.cost(Xc, yc, fit.coef, lam, "elasticnet", l1_ratio=l1_ratio)
    assert_allclose(fit.objective, expected, rtol=1e-12)


def test_dual_newton_is_used_and_records_every_iteration(monkeypatch):
    from normlib import models

    calls = []
    original = models._dual_newton
    monkeypatch.setattr(models, "_dual_newton", lambda *a: calls.append(1) or original(*a))
    X, y = wide_support_data(41)
    lam = 0.005 * nl.lambda_max(X, y, l1_ratio=0.5)
    fit = nl.elastic_net(X, y, lam, 0.5, record_coefs=True)
    assert calls and fit.converged
    assert fit.coef_history.shape == (fit.n_iter, X.shape[1])
    assert fit.objective_history.shape == (fit.n_iter,)
    assert_array_equal(fit.coef_history[-1], fit.coef)
    Xc, yc = centred(X, y)
    for k in (0, fit.n_iter - 1):  # each recorded objective is the cost of the recorded coef
        expected = nl.cost(Xc, yc, fit.coef_history[k], lam, "elasticnet", l1_ratio=0.5)
        assert_allclose(fit.objective_history[k], expected, rtol=1e-9)
    # the same solution as coordinate descent alone (Newton switched off)
    monkeypatch.setattr(models, "NEWTON_MIN_SUPPORT", 10**9)
    cd = nl.elastic_net(X, y, lam, 0.5)
    assert_allclose(fit.coef, cd.coef, rtol=0, atol=1e-6 * np.abs(cd.coef).max())


def test_dual_newton_warns_when_max_iter_runs_out():
    X, y = wide_support_data(42)
    lam = 0.005 * nl.lambda_max(X, y, l1_ratio=0.5)
    with pytest.warns(nl.ConvergenceWarning, match=r"elastic_net \(cd\) did not converge"):
        fit = nl.elastic_net(X, y, lam, 0.5, max_iter=8)
    assert not fit.converged and fit.n_iter == 8


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10**6), st.floats(0.1, 0.9), st.floats(0.001, 0.05))
def test_elastic_net_large_support_is_certified(seed, l1_ratio, fraction):
    X, y = wide_support_data(seed, 40, 150)
    lam = fraction * nl.lambda_max(X, y, l1_ratio=l1_ratio)
    fit = nl.elastic_net(X, y, lam, l1_ratio, tol=1e-10)
    _, yc = centred(X, y)
    assert fit.converged and fit.gap <= 1e-10 * (yc @ yc)
    # KKT conditions at the returned coefficients (kkt_violation, relative to lam)
    violation = nl.kkt_violation(X, y, fit.coef, lam, "elasticnet", l1_ratio=l1_ratio)
    assert violation.max() <= 1e-4 * lam


# ---------------------------------------------------------------- small working sets (issue 12)


def random_gram_problem(seed, p=7, l1=0.5, l2=0.0, n=30):
    """A Gram-form working-set problem (G = X^T X, c = X^T y) with a nonzero start."""
    from normlib import models

    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((n, p)), rng.standard_normal(n)
    problem = models._GramProblem(X.T @ X, X.T @ y, float(y @ y), l1, l2)
    w = rng.standard_normal(p) * (rng.random(p) < 0.6)
    return X, y, problem, w


@pytest.mark.parametrize("l2", [0.0, 0.7])
def test_cd_epoch_on_floats_is_the_numpy_epoch(l2):
    # _cd_epoch_floats claims the same operations in the same order as _cd_epoch:
    # the reference is the numpy loop itself, bit for bit
    from normlib import models

    for seed in range(5):
        _, _, problem, w = random_gram_problem(seed, l2=l2)
        G, q0 = problem.G, problem.c - problem.G @ w
        diag, coords = np.diag(G).copy(), np.arange(w.size)[::-1]  # any order
        w_np, q_np = models._cd_epoch(G, diag, coords, w.copy(), q0.copy(), 0.5, l2)
        w_fl, q_fl = models._cd_epoch_floats(
            G.tolist(), diag.tolist(), coords.tolist(), w.copy(), q0.copy(), 0.5, l2
        )
        assert_array_equal(w_fl, w_np)
        assert_array_equal(q_fl, q_np)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.floats(0.01, 5.0), st.sampled_from([0.0, 0.3, 2.0]))
def test_gram_form_gap_is_the_residual_gap(seed, l1, l2):
    # _GramProblem.gap (no residual) against _duality_gap (with it), same w
    from normlib import models

    X, y, problem, w = random_gram_problem(seed, l1=l1, l2=l2)
    problem = dataclasses.replace(problem, gap_tol=0.0)
    r = y - X @ w
    expected = models._duality_gap(y, r, w, X.T @ r, l1, l2)
    q = problem.c - problem.G @ w
    # both are differences of terms of order ||y||^2 + ||X w||^2: round-off of that order
    scale = float(y @ y) + float(np.sum((X @ w) ** 2)) + l1 * np.abs(w).sum()
    assert abs(problem.gap(w, q) - expected) <= 1e-12 * scale


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.floats(0.01, 5.0), st.sampled_from([0.0, 0.3]))
def test_feature_sign_steps_never_raise_the_cost(seed, l1, l2):
    from normlib import models

    _, _, problem, w = random_gram_problem(seed, l1=l1, l2=l2)
    q = problem.c - problem.G @ w
    start = problem.objective(w, problem.G @ w)
    w_new, q_new, objective = models._feature_sign_steps(problem, w.copy(), q, start)
    assert objective <= start
    # the returned cost and q are those of the returned coefficients
    assert_allclose(objective, problem.objective(w_new, problem.G @ w_new), rtol=1e-12)
    assert_allclose(q_new, problem.c - problem.G @ w_new, rtol=0, atol=1e-12 * np.abs(q).max())
    # coefficients only leave the support: none enters
    assert not np.any((w_new != 0) & (w == 0))


def test_diabetes_lasso_cd_is_certified_in_few_epochs():
    # the benchmark's row (issue 12): alpha = 0.1, tol = 1e-8; the whole-problem inner
    # solve ends on the gap, and the outer loop certifies it with the residual
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    lam = 2 * X.shape[0] * 0.1
    fit = nl.lasso(X, y, lam, tol=1e-8)
    _, yc = centred(X, y)
    assert fit.converged and fit.gap <= 1e-8 * (yc @ yc)
    assert fit.n_iter <= 4  # was 6 (two outer iterations of 3 epochs)
    ref = sk_lasso(X, y, lam)
    assert_allclose(fit.coef, ref.coef_, rtol=0, atol=1e-6 * np.abs(ref.coef_).max())
    assert_array_equal(fit.coef == 0, ref.coef_ == 0)


def test_an_unreachable_tolerance_is_not_reported_as_converged():
    # tol = 0 asks for a zero gap: the inner solve stops when an epoch no longer
    # lowers the cost; the fit must still say whether the gap really is 0
    X, y = make_data(5, 40, 8)
    lam = 0.05 * nl.lambda_max(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nl.ConvergenceWarning)
        fit = nl.lasso(X, y, lam, tol=0.0, max_iter=30)
    assert fit.converged == (fit.gap <= 0.0)
    assert fit.converged or fit.n_iter == 30
    ref = sk_lasso(X, y, lam)
    assert_allclose(fit.coef, ref.coef_, rtol=0, atol=1e-6 * np.abs(ref.coef_).max())
