"""Tests for normlib.paths: paths against scikit-learn and against the single fits,
cross-validation against a manual scikit-learn loop on the same folds."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet, Lasso, Ridge, enet_path, lars_path
from sklearn.linear_model import lasso_path as sk_lasso_path

import normlib as nl


def make_data(seed, n=40, p=8, n_informative=3, noise=0.5):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-2, 2, p)
    coef = np.zeros(p)
    coef[:n_informative] = rng.choice([-1.0, 1.0], n_informative) * rng.uniform(1, 3, n_informative)
    y = X @ coef + 3.0 + noise * rng.standard_normal(n)
    return X, y


def centred(X, y):
    return X - X.mean(axis=0), y - y.mean()


SHAPES = [(40, 8), (25, 60)]  # n > p, and p > n


# ---------------------------------------------------------------- lasso path


def test_default_lasso_grid_is_geometric_from_lambda_max():
    X, y = make_data(0)
    lams, coefs = nl.lasso_path(X, y, n_lams=30, eps=1e-2)
    assert lams.shape == (30,) and coefs.shape == (30, 8)
    assert_allclose(lams[0], nl.lambda_max(X, y), rtol=1e-14)
    assert_allclose(lams[-1], 1e-2 * nl.lambda_max(X, y), rtol=1e-12)
    ratios = lams[1:] / lams[:-1]  # geometric: a constant ratio below 1
    assert_allclose(ratios, ratios[0], rtol=1e-12)
    assert ratios[0] < 1
    assert_array_equal(coefs[0], 0.0)  # lambda_max: every coefficient is 0
    assert np.count_nonzero(coefs[1]) >= 1


@pytest.mark.parametrize(("n", "p"), SHAPES)
def test_lasso_path_matches_scikit_learn(n, p):
    X, y = make_data(1, n, p)
    lams, coefs = nl.lasso_path(X, y, n_lams=20, eps=1e-2)
    # reference: scikit-learn's path on centred data with alpha = lam / (2n),
    # coefficients as columns
    _, sk_coefs, _ = sk_lasso_path(*centred(X, y), alphas=lams / (2 * n), tol=1e-12, max_iter=10**6)
    scale = np.abs(sk_coefs).max()
    assert_allclose(coefs, sk_coefs.T, rtol=0, atol=1e-5 * scale)
    assert_array_equal(coefs == 0, sk_coefs.T == 0)
    assert not np.signbit(coefs[coefs == 0]).any()  # zeros print as 0., never -0.


def test_lasso_path_rows_are_single_lasso_fits():
    X, y = make_data(2, 30, 40)
    lams, coefs = nl.lasso_path(X, y, n_lams=8, fit_intercept=False)
    for lam, row in zip(lams, coefs, strict=True):
        fit = nl.lasso(X, y, lam, fit_intercept=False)
        assert_allclose(row, fit.coef, rtol=0, atol=1e-8 * max(1.0, np.abs(fit.coef).max()))


def test_given_lams_are_used_in_the_order_given():
    X, y = make_data(3)
    lam_max = nl.lambda_max(X, y)
    decreasing = lam_max * np.array([0.8, 0.4, 0.2, 0.1, 0.05])
    increasing = decreasing[::-1].copy()
    given_before = increasing.copy()
    lams_inc, coefs_inc = nl.lasso_path(X, y, lams=increasing)
    _, coefs_dec = nl.lasso_path(X, y, lams=decreasing)
    assert_array_equal(lams_inc, increasing)  # returned as given, not sorted
    assert_array_equal(increasing, given_before)  # the caller's array is untouched
    assert lams_inc is not increasing
    # warm starts in another order reach the same solutions
    assert_allclose(coefs_inc, coefs_dec[::-1], rtol=0, atol=1e-8 * np.abs(coefs_dec).max())


def test_lasso_path_warns_once_when_fits_do_not_converge():
    X, y = make_data(4, 30, 40)
    with pytest.warns(nl.ConvergenceWarning) as record:
        nl.lasso_path(X, y, n_lams=5, eps=1e-3, max_iter=1)
    assert len(record) == 1
    message = str(record[0].message)
    assert message.startswith("lasso_path did not converge for ")
    assert "of 5 values of lam: duality gap up to " in message
    assert record[0].filename == __file__


def test_lasso_path_with_lam_zero_reaches_least_squares():
    X, y = make_data(5, 40, 5)
    _, coefs = nl.lasso_path(X, y, lams=[1.0, 0.0])
    Xc, yc = centred(X, y)
    assert_allclose(coefs[1], np.linalg.lstsq(Xc, yc, rcond=None)[0], rtol=1e-5)


# ---------------------------------------------------------------- elastic-net path


@pytest.mark.parametrize("l1_ratio", [0.3, 0.8])
def test_elastic_net_path_matches_scikit_learn(l1_ratio):
    X, y = make_data(6, 25, 30)
    n = X.shape[0]
    lams, coefs = nl.elastic_net_path(X, y, l1_ratio, n_lams=10, eps=1e-2)
    assert_allclose(lams[0], nl.lambda_max(X, y, l1_ratio=l1_ratio), rtol=1e-14)
    # reference: ElasticNet's path with alpha = lam / (2n), on centred data
    _, sk_coefs, _ = enet_path(
        *centred(X, y), l1_ratio=l1_ratio, alphas=lams / (2 * n), tol=1e-12, max_iter=10**6
    )
    assert_allclose(coefs, sk_coefs.T, rtol=0, atol=1e-5 * np.abs(sk_coefs).max())
    assert_array_equal(coefs == 0, sk_coefs.T == 0)
    fit = nl.elastic_net(X, y, lams[4], l1_ratio)
    assert_allclose(coefs[4], fit.coef, rtol=0, atol=1e-8 * np.abs(fit.coef).max())


def test_elastic_net_path_with_l1_ratio_zero_needs_lams():
    X, y = make_data(7)
    with pytest.raises(ValueError, match=r"'l1_ratio' parameter of elastic_net_path .*> 0"):
        nl.elastic_net_path(X, y, 0.0)
    # with lams given, l1_ratio = 0 is ridge
    _, coefs = nl.elastic_net_path(X, y, 0.0, lams=[10.0, 1.0])
    assert_allclose(coefs[1], nl.ridge(X, y, 1.0).coef, rtol=1e-7)


# ---------------------------------------------------------------- ridge path


@pytest.mark.parametrize(("n", "p"), SHAPES)
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_ridge_path_matches_ridge_and_scikit_learn(n, p, fit_intercept):
    X, y = make_data(8, n, p)
    lams = np.array([50.0, 5.0, 0.5])
    _, coefs = nl.ridge_path(X, y, lams, fit_intercept=fit_intercept)
    for lam, row in zip(lams, coefs, strict=True):
        assert_allclose(row, nl.ridge(X, y, lam, fit_intercept=fit_intercept).coef, rtol=1e-9)
        # reference: Ridge(alpha = lam / 2)
        ref = Ridge(alpha=lam / 2, fit_intercept=fit_intercept, solver="svd").fit(X, y)
        assert_allclose(row, ref.coef_, rtol=1e-8, atol=1e-12)


def test_ridge_path_with_lam_zero_is_minimum_norm_least_squares():
    X, y = make_data(9, 10, 30)
    _, coefs = nl.ridge_path(X, y, [0.0])
    Xc, yc = centred(X, y)
    assert_allclose(coefs[0], np.linalg.lstsq(Xc, yc, rcond=None)[0], rtol=1e-8, atol=1e-12)


def test_default_ridge_grid_spans_full_to_no_shrinkage():
    X, y = make_data(10)
    lams, coefs = nl.ridge_path(X, y, n_lams=25)
    s_max = np.linalg.norm(centred(X, y)[0], 2)  # largest singular value of X_c
    # documented grid: lam/2 from 1e2 * s_max^2 down to 1e-4 * s_max^2, geometric
    assert_allclose(lams[[0, -1]], 2 * s_max**2 * np.array([1e2, 1e-4]), rtol=1e-12)
    assert np.all(np.diff(lams) < 0)
    ols = nl.ridge(X, y, 0.0).coef
    # the first lam shrinks every principal direction to at most 1%
    assert np.linalg.norm(coefs[0]) <= 0.01 * np.linalg.norm(ols)


# ---------------------------------------------------------------- cross-validation


def manual_cv_errors(X, y, lams, folds, make_model):
    """Test MSE of a scikit-learn model fitted on the other folds, per fold and lam."""
    n = X.shape[0]
    errors = np.empty((len(folds), len(lams)))
    for f, test in enumerate(folds):
        train = np.setdiff1d(np.arange(n), test)
        for j, lam in enumerate(lams):
            model = make_model(lam, train.size).fit(X[train], y[train])
            errors[f, j] = np.mean((y[test] - model.predict(X[test])) ** 2)
    return errors


@pytest.mark.parametrize(
    ("penalty", "make_model"),
    [
        # the book's lam multiplies the SSE of the training folds: alpha uses n_train
        ("l1", lambda lam, n: Lasso(alpha=lam / (2 * n), tol=1e-12, max_iter=10**6)),
        ("l2", lambda lam, n: Ridge(alpha=lam / 2, solver="svd")),
        (
            "elasticnet",
            lambda lam, n: ElasticNet(alpha=lam / (2 * n), l1_ratio=0.4, tol=1e-12, max_iter=10**6),
        ),
    ],
)
def test_cross_validation_matches_a_manual_scikit_learn_loop(penalty, make_model):
    X, y = make_data(11, 40, 10)
    lams = nl.lambda_max(X, y) * np.array([0.5, 0.1, 0.02, 0.004])
    cv = nl.cross_validate(X, y, lams, penalty=penalty, k=4, seed=3, l1_ratio=0.4)
    expected = manual_cv_errors(X, y, lams, cv.folds, make_model)
    assert cv.fold_errors.shape == (4, 4)
    assert_allclose(cv.fold_errors, expected, rtol=1e-6)
    assert_allclose(cv.mean_error, expected.mean(axis=0), rtol=1e-6)


def test_cross_validation_summary_statistics():
    X, y = make_data(12, 50, 10)
    lams = nl.lambda_max(X, y) * np.logspace(0, -3, 15)
    cv = nl.cross_validate(X, y, lams, k=5, seed=1)
    assert_array_equal(cv.lams, lams)
    assert_allclose(cv.mean_error, cv.fold_errors.mean(axis=0), rtol=1e-14)
    # standard error of the mean over folds: sample std (ddof=1) / sqrt(k)
    assert_allclose(cv.std_error, cv.fold_errors.std(axis=0, ddof=1) / np.sqrt(5), rtol=1e-14)
    best = np.argmin(cv.mean_error)
    assert cv.best_lam == lams[best]
    threshold = cv.mean_error[best] + cv.std_error[best]
    # one-standard-error rule: the largest lam whose error is within one SE of the best
    assert cv.lam_1se == lams[cv.mean_error <= threshold].max()
    assert cv.lam_1se >= cv.best_lam
    assert repr(cv).startswith("CVResult(n_lams=15, k=5, best_lam=")


def test_cross_validation_folds_come_from_the_seeded_permutation():
    X, y = make_data(13, 23, 4)
    cv = nl.cross_validate(X, y, [1.0, 0.1], penalty="l2", k=4, seed=7)
    permutation = np.random.default_rng(7).permutation(23)
    for fold, part in zip(cv.folds, np.array_split(permutation, 4), strict=True):
        assert_array_equal(fold, np.sort(part))
    assert [len(f) for f in cv.folds] == [6, 6, 6, 5]  # nearly equal sizes
    same = nl.cross_validate(X, y, [1.0, 0.1], penalty="l2", k=4, seed=7)
    assert_array_equal(same.fold_errors, cv.fold_errors)  # same seed, same result
    other = nl.cross_validate(X, y, [1.0, 0.1], penalty="l2", k=4, seed=8)
    assert not all(np.array_equal(a, b) for a, b in zip(cv.folds, other.folds, strict=True))


@settings(max_examples=20)
@given(st.integers(2, 30), st.integers(0, 10**6))
def test_folds_partition_the_samples(n_extra, seed):
    n = 10 + n_extra
    k = 2 + seed % (n - 1)  # any k from 2 to n
    X, y = make_data(seed, n, 3)
    cv = nl.cross_validate(X, y, [1.0], penalty="l2", k=k, seed=seed)
    assert len(cv.folds) == k
    assert_array_equal(np.sort(np.concatenate(cv.folds)), np.arange(n))
    sizes = [len(fold) for fold in cv.folds]
    assert max(sizes) - min(sizes) <= 1


def test_cross_validation_keeps_the_order_of_lams():
    X, y = make_data(14)
    lams = nl.lambda_max(X, y) * np.array([0.01, 0.5, 0.1])  # not sorted
    cv = nl.cross_validate(X, y, lams, k=3)
    order = np.argsort(-lams)
    cv_sorted = nl.cross_validate(X, y, lams[order], k=3)
    assert_array_equal(cv.lams, lams)
    assert_allclose(cv.mean_error[order], cv_sorted.mean_error, rtol=1e-9)


# ---------------------------------------------------------------- bad input


def test_bad_input_is_refused():
    X, y = make_data(15, 20, 4)
    with pytest.raises(ValueError, match=r"'k' parameter of cross_validate .*>= 2.*got 1"):
        nl.cross_validate(X, y, [1.0], k=1)
    with pytest.raises(ValueError, match=r"'k' parameter of cross_validate .*<= 20; got 21"):
        nl.cross_validate(X, y, [1.0], k=21)
    with pytest.raises(ValueError, match=r"'lams' parameter of cross_validate .*>= 0; got -1\.0"):
        nl.cross_validate(X, y, [1.0, -1.0])
    with pytest.raises(ValueError, match=r"'penalty' parameter of cross_validate .* got 'l0'"):
        nl.cross_validate(X, y, [1.0], penalty="l0")
    with pytest.raises(ValueError, match=r"'l1_ratio' parameter of cross_validate .* got 2\.0"):
        nl.cross_validate(X, y, [1.0], penalty="elasticnet", l1_ratio=2.0)
    with pytest.raises(ValueError, match=r"'lams' parameter of lasso_path .*>= 0"):
        nl.lasso_path(X, y, lams=[-0.5])
    with pytest.raises(ValueError, match=r"'eps' parameter of lasso_path .*got 0\.0"):
        nl.lasso_path(X, y, eps=0.0)
    with pytest.raises(ValueError, match=r"'n_lams' parameter of ridge_path .*got 0"):
        nl.ridge_path(X, y, n_lams=0)
    with pytest.raises(ValueError, match=r"'l1_ratio' parameter of elastic_net_path .*got 1\.5"):
        nl.elastic_net_path(X, y, 1.5)
    X_nan = X.copy()
    X_nan[0, 0] = np.nan
    with pytest.raises(ValueError, match=r"'X' parameter of ridge_path .* got NaN"):
        nl.ridge_path(X_nan, y)
    with pytest.raises(ValueError, match="same number of samples; got 20 rows in X and 19"):
        nl.lasso_path(X, y[1:])


def test_inputs_are_not_mutated():
    X, y = make_data(16)
    lams = np.array([5.0, 1.0, 0.1])
    before = X.copy(), y.copy(), lams.copy()
    nl.lasso_path(X, y, lams)
    nl.ridge_path(X, y, lams)
    nl.elastic_net_path(X, y, 0.5, lams)
    nl.cross_validate(X, y, lams, k=3)
    nl.cross_validate(X, y, lams, penalty="l2", k=3)
    for a, b in zip(before, (X, y, lams), strict=True):
        assert_array_equal(a, b)


# ------------------------------------------------- issue 12: edges of the float range


def issue12_data():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((15, 4))
    y = X @ [1.5, 0, -2, 0.5] + 0.3 * rng.standard_normal(15)
    return X, y


def test_cross_validate_on_huge_targets_picks_the_same_lam():
    # was: lam_1se = 30.0 instead of 0.3 (the fold errors overflowed when
    # squared for the standard error). For ridge, lam does not depend on the
    # scale of y, so the choice must be that of scale 1, and the errors scale by t^2.
    X, y = issue12_data()
    lams = [30, 10, 3, 1, 0.3, 0.1]
    base = nl.cross_validate(X, y, lams, penalty="l2", k=3)
    assert base.lam_1se == 0.3  # the value the issue reports at scale 1
    huge = nl.cross_validate(X, 1e80 * y, lams, penalty="l2", k=3)
    assert huge.lam_1se == base.lam_1se and huge.best_lam == base.best_lam
    assert_allclose(huge.fold_errors / 1e160, base.fold_errors, rtol=1e-12)
    assert_allclose(huge.std_error / 1e160, base.std_error, rtol=1e-12)


def test_cross_validate_errors_beyond_the_float_range_are_inf_and_still_choose():
    X, y = issue12_data()
    lams = np.array([30, 10, 3, 1, 0.3, 0.1])
    base = nl.cross_validate(X, y, lams, penalty="l1", k=3)
    huge = nl.cross_validate(X, 1e200 * y, 1e200 * lams, penalty="l1", k=3)
    assert np.isinf(huge.fold_errors).all()  # true values ~1e400
    assert huge.best_lam == 1e200 * base.best_lam and huge.lam_1se == 1e200 * base.lam_1se


@pytest.mark.parametrize(("sx", "sy"), [(1.0, 1e-170), (1.0, 1e155), (1e300, 1.0), (1e-150, 1e10)])
def test_paths_at_extreme_scales_equal_the_scaled_path(sx, sy):
    # was: all-zero fits "converged" at 1e-170; "zero-size array to reduction
    # operation maximum" at 1e155 or X ~ 1e300. Reference: the path at scale 1.
    X, y = issue12_data()
    lams, coefs = nl.lasso_path(X, y, n_lams=6)
    scaled_lams, scaled = nl.lasso_path(sx * X, sy * y, n_lams=6)
    assert_allclose(scaled_lams, sx * sy * lams, rtol=1e-12)
    assert_allclose(scaled * sx / sy, coefs, rtol=1e-9, atol=1e-12)
    _, net = nl.elastic_net_path(sx * X, sy * y, 1.0, n_lams=6)
    assert_allclose(net * sx / sy, coefs, rtol=1e-9, atol=1e-12)
    cv = nl.cross_validate(sx * X, sy * y, scaled_lams, k=3)
    assert cv.best_lam / (sx * sy) == pytest.approx(
        nl.cross_validate(X, y, lams, k=3).best_lam, rel=1e-12
    )


def test_cross_validate_warnings_name_the_fold():
    rng = np.random.default_rng(3)
    X, y = rng.standard_normal((30, 60)), rng.standard_normal(30)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        nl.cross_validate(X, y, [0.1], k=3, max_iter=1)
    messages = [str(w.message) for w in record]
    assert all(w.category is nl.ConvergenceWarning for w in record)
    for f in (1, 2, 3):
        assert any(m.startswith(f"cross_validate in fold {f} of 3 did not") for m in messages)


@pytest.mark.parametrize("bad", ["no", np.array([1, 0]), 1])
def test_path_boolean_options_must_be_bools(bad):
    X, y = issue12_data()
    for call in (
        lambda: nl.lasso_path(X, y, fit_intercept=bad),
        lambda: nl.elastic_net_path(X, y, 0.5, fit_intercept=bad),
        lambda: nl.ridge_path(X, y, fit_intercept=bad),
        lambda: nl.cross_validate(X, y, [1.0], fit_intercept=bad),
    ):
        with pytest.raises(TypeError, match=r"'fit_intercept' parameter of \w+ must be a bool"):
            call()


def test_ridge_path_at_extreme_scales():
    X, y = issue12_data()
    lams = [0.0, 1.0, 10.0]
    _, coefs = nl.ridge_path(X, y, lams)
    s = 1e150
    _, scaled = nl.ridge_path(s * X, y, [lam * s * s for lam in lams[:2]] + [1e308])
    assert_allclose(scaled[:2] * s, coefs[:2], rtol=1e-10)
    assert np.isfinite(scaled).all()


def test_default_grid_beyond_the_float_range_gives_zeros_not_nan():
    # lambda_max of (1e155 X, 1e155 y) is ~1e311: the grid is inf, every fit 0
    X, y = issue12_data()
    lams, coefs = nl.lasso_path(1e155 * X, 1e155 * y, n_lams=4)
    assert np.isinf(lams).all()
    assert_array_equal(coefs, 0.0)


@pytest.mark.filterwarnings("error::UserWarning")  # no false ConvergenceWarning
def test_negligible_elastic_net_penalty_is_certified_by_least_squares():
    # lam = 1e-300 with l1_ratio=0.5: both parts are negligible, the fit is least
    # squares (reference: numpy.linalg.lstsq on the centred training folds'
    # data is what the path must match; here the whole data)
    X, y = issue12_data()
    _, coefs = nl.elastic_net_path(X, y, 0.5, lams=[1e-300])
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    assert_allclose(coefs[0], np.linalg.lstsq(Xc, yc, rcond=None)[0], rtol=1e-8)
    nl.cross_validate(X, y, [1e300, 1.0, 1e-300], penalty="elasticnet", k=3)


# ---------------------------------------------------------------- the exact lasso path (LARS)
# lars_lasso_path's breakpoints against scikit-learn's LARS, and interpolate_path's exact
# value between breakpoints against normlib's and scikit-learn's coordinate-descent lasso.

def make_lars_data(seed, n=40, p=8):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-2, 2, p)
    coef = np.zeros(p)
    coef[:3] = rng.choice([-1.0, 1.0], 3) * rng.uniform(1, 3, 3)
    y = X @ coef + 3.0 + 0.5 * rng.standard_normal(n)
    return X, y


def lars_centred(X, y):
    return X - X.mean(axis=0), y - y.mean()


def sklearn_lars_reference(X, y):
    """Reference: scikit-learn's LARS-lasso on lars_centred data; its alphas are lam / (2n)."""
    alphas, _, coefs = lars_path(*lars_centred(X, y), method="lasso")
    return 2 * X.shape[0] * alphas, coefs.T


@pytest.mark.parametrize(("n", "p", "seed"), [(40, 8, 0), (40, 8, 1), (25, 60, 2), (30, 30, 3)])
def test_lars_breakpoints_match_scikit_learn_lars(n, p, seed):
    X, y = make_lars_data(seed, n, p)
    lams, coefs = nl.lars_lasso_path(X, y)
    sk_lams, sk_coefs = sklearn_lars_reference(X, y)
    assert lams.shape == sk_lams.shape and coefs.shape == sk_coefs.shape
    assert_allclose(lams, sk_lams, rtol=1e-9, atol=1e-9 * sk_lams[0])
    assert_allclose(coefs, sk_coefs, rtol=0, atol=1e-8 * np.abs(sk_coefs).max())


def test_lars_diabetes_path_matches_lars_including_a_feature_that_leaves_and_returns():
    # diabetes: feature 6 (s3) leaves the active set at lam ~ 4.37 and comes back with
    # the other sign (the lasso modification of LARS); scikit-learn's lars_path shows it
    X, y = load_diabetes(return_X_y=True)
    lams, coefs = nl.lars_lasso_path(X, y)
    sk_lams, sk_coefs = sklearn_lars_reference(X, y)
    assert_allclose(lams, sk_lams, rtol=1e-10, atol=1e-9)
    assert_allclose(coefs, sk_coefs, rtol=0, atol=1e-8)
    signs = np.sign(coefs[:, 6])
    assert (signs == -1).any() and (signs == 1).any()  # it changed sign, through an exact 0


def test_lars_path_starts_at_lambda_max_and_ends_at_least_squares():
    X, y = make_lars_data(4)
    lams, coefs = nl.lars_lasso_path(X, y)
    assert_allclose(lams[0], nl.lambda_max(X, y), rtol=1e-14)
    assert_array_equal(coefs[0], 0.0)
    assert lams[-1] == 0.0
    ols = np.linalg.lstsq(*lars_centred(X, y), rcond=None)[0]  # reference: numpy least squares
    assert_allclose(coefs[-1], ols, rtol=1e-10, atol=1e-10)
    assert (np.diff(lams) < 0).all()


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_interpolated_path_is_the_lasso_solution_between_breakpoints(fit_intercept):
    X, y = make_lars_data(5)
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
    X, y = make_lars_data(6)
    lams, coefs = nl.lars_lasso_path(X, y)
    w = nl.interpolate_path(lams, coefs, lams[2])
    assert w.shape == (X.shape[1],)
    assert_allclose(w, coefs[2], rtol=0, atol=1e-12)  # at a breakpoint: its row
    assert_array_equal(nl.interpolate_path(lams, coefs, 10 * lams[0]), 0.0)  # above lambda_max
    mid = 0.5 * (lams[1] + lams[2])  # linear between breakpoints: the midpoint is the mean
    assert_allclose(nl.interpolate_path(lams, coefs, mid), 0.5 * (coefs[1] + coefs[2]))


def test_lars_zero_target_gives_a_single_breakpoint():
    X = np.arange(12.0).reshape(4, 3) ** 1.5
    lams, coefs = nl.lars_lasso_path(X, np.zeros(4), fit_intercept=False)
    assert_array_equal(lams, [0.0])
    assert_array_equal(coefs, np.zeros((1, 3)))


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(5, 30), st.integers(1, 6))
def test_lars_kkt_conditions_hold_at_every_breakpoint(seed, n, p):
    # the lasso's optimality conditions: |x_j^T r| <= lam/2 for all j, with equality
    # and the sign of w_j for the nonzero ones (r the residual of the lars_centred data)
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = X @ rng.standard_normal(p) + rng.standard_normal(n)
    lams, coefs = nl.lars_lasso_path(X, y)
    Xc, yc = lars_centred(X, y)
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
    X, y = make_lars_data(seed % 1000, n=20, p=4)
    lams, coefs = nl.lars_lasso_path(X, y)
    lam = fraction * lams[0]
    w = nl.interpolate_path(lams, coefs, lam)
    Xc, yc = lars_centred(X, y)
    w_cd = nl.lasso(Xc, yc, lam, fit_intercept=False).coef
    cost = nl.cost(Xc, yc, w, lam, "l1")
    assert cost <= nl.cost(Xc, yc, w_cd, lam, "l1") * (1 + 1e-10) + 1e-10


def test_lars_bad_input_is_refused():
    X, y = make_lars_data(7)
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


def test_lars_inputs_are_not_mutated():
    X, y = make_lars_data(8)
    X0, y0 = X.copy(), y.copy()
    lams, coefs = nl.lars_lasso_path(X, y)
    lams0, coefs0 = lams.copy(), coefs.copy()
    nl.interpolate_path(lams, coefs, [1.0, 2.0])
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)
    assert_array_equal(lams, lams0)
    assert_array_equal(coefs, coefs0)
