"""Tests for normlib.classification: scikit-learn's LogisticRegression as the reference,
KKT conditions, the C conversion, properties and bad input."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal
from scipy.special import expit
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import l1_min_c

import normlib as nl


def make_data(seed, n=120, p=6):
    """A binary problem drawn from a logistic model with two informative features."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-1, 1, p)
    coef = np.zeros(p)
    coef[:2] = [1.5, -2.0]
    y = (X @ coef + 0.3 + rng.logistic(size=n) > 0).astype(float)
    return X, y


def sk_logistic(X, y, lam, penalty, fit_intercept=True, tol=1e-12):
    """A tightly converged scikit-learn fit for the book's lam (C = 1 / lam)."""
    l1_ratio = 1.0 if penalty == "l1" else 0.0
    solver = "saga" if penalty == "l1" else "newton-cholesky"
    model = LogisticRegression(
        C=nl.to_sklearn_C(lam), l1_ratio=l1_ratio, solver=solver, tol=tol,
        max_iter=100_000, fit_intercept=fit_intercept,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # saga may say it did not reach tol=1e-12
        return model.fit(X, y)


@pytest.mark.parametrize("penalty", ["l1", "l2"])
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("lam", [0.5, 5.0])
def test_matches_scikit_learn(penalty, fit_intercept, lam):
    X, y = make_data(0)
    fit = nl.logistic_regression(X, y, lam, penalty=penalty, fit_intercept=fit_intercept,
                                 tol=1e-10)
    ref = sk_logistic(X, y, lam, penalty, fit_intercept)
    assert fit.converged
    # the two solvers reach the same minimizer; saga converges linearly, hence 1e-5
    assert_allclose(fit.coef, ref.coef_[0], atol=1e-5)
    assert_allclose(fit.intercept, ref.intercept_[0] if fit_intercept else 0.0, atol=1e-5)


def test_breast_cancer_l1_is_sparse_and_matches_scikit_learn():
    data = load_breast_cancer()
    X = nl.standardize(data.data)
    fit = nl.logistic_regression(X, data.target, 2.0, penalty="l1", tol=1e-10)
    ref = sk_logistic(X, data.target, 2.0, "l1", tol=1e-8)  # saga: 4 s at 1e-8
    assert_allclose(fit.coef, ref.coef_[0], atol=1e-4)
    # sparse: both solvers give the same exact zeros
    assert_array_equal(fit.coef == 0, np.abs(ref.coef_[0]) < 1e-8)
    assert 0 < np.count_nonzero(fit.coef) < X.shape[1]


def test_objective_is_the_book_cost():
    X, y = make_data(1)
    for penalty in ("l1", "l2"):
        fit = nl.logistic_regression(X, y, 3.0, penalty=penalty)
        z = X @ fit.coef + fit.intercept
        # log-loss written as -y log p - (1-y) log(1-p), with p from scipy's expit
        prob = expit(z)
        loss = -np.sum(y * np.log(prob) + (1 - y) * np.log1p(-prob))
        pen = 3.0 * np.abs(fit.coef).sum() if penalty == "l1" else 1.5 * fit.coef @ fit.coef
        assert_allclose(fit.objective, loss + pen, rtol=1e-10)


def test_kkt_conditions_hold_at_the_l1_solution():
    X, y = make_data(2)
    lam = 4.0
    fit = nl.logistic_regression(X, y, lam, penalty="l1", tol=1e-12)
    prob = 1.0 / (1.0 + np.exp(-(X @ fit.coef + fit.intercept)))
    g = X.T @ (y - prob)  # minus the gradient of the log-loss
    active = fit.coef != 0
    # stationarity: g_j = lam * sign(w_j) on the support, |g_j| <= lam off it
    assert_allclose(g[active], lam * np.sign(fit.coef[active]), atol=1e-6)
    assert np.all(np.abs(g[~active]) <= lam + 1e-6)
    assert abs(np.sum(y - prob)) < 1e-6  # the intercept's condition


def test_lambda_max_zeroes_every_coefficient():
    X, y = make_data(3)
    # scikit-learn's l1_min_c is the smallest C with a nonzero coefficient, 1 / lam_max;
    # it has no unpenalized intercept (liblinear penalizes it), so compare without one
    no_intercept = nl.logistic_lambda_max(X, y, fit_intercept=False)
    assert_allclose(no_intercept, 1.0 / l1_min_c(X, y, loss="log", fit_intercept=False),
                    rtol=1e-12)
    assert np.all(nl.logistic_regression(X, y, no_intercept * 1.001,
                                         fit_intercept=False).coef == 0)
    lam_max = nl.logistic_lambda_max(X, y)
    assert np.all(nl.logistic_regression(X, y, lam_max * 1.001).coef == 0)
    assert np.count_nonzero(nl.logistic_regression(X, y, lam_max * 0.95).coef) >= 1


def test_labels_can_be_any_two_numbers():
    X, y = make_data(4)
    a = nl.logistic_regression(X, y, 1.0, penalty="l2")
    b = nl.logistic_regression(X, 2 * y - 1, 1.0, penalty="l2")  # -1/1 labels
    assert_allclose(a.coef, b.coef, rtol=1e-12)
    assert_array_equal(b.classes, [-1.0, 1.0])
    assert set(np.unique(b.predict(X))) <= {-1.0, 1.0}
    ref = sk_logistic(X, 2 * y - 1, 1.0, "l2")
    assert_array_equal(b.predict(X), ref.predict(X))
    assert_allclose(b.predict_proba(X), ref.predict_proba(X)[:, 1], atol=1e-8)


def test_to_sklearn_C():
    assert nl.to_sklearn_C(4.0) == 0.25  # C = 1 / lam
    assert nl.to_sklearn_C(0.0) == np.inf
    with pytest.raises(ValueError, match="'lam' parameter of to_sklearn_C"):
        nl.to_sklearn_C(-1.0)
    with pytest.raises(TypeError, match="'lam' parameter of to_sklearn_C"):
        nl.to_sklearn_C("1")


def test_separable_data_without_penalty_warns():
    X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    y = np.array([0, 0, 1, 1])
    with pytest.warns(nl.ConvergenceWarning, match="logistic_regression did not converge"):
        fit = nl.logistic_regression(X, y, 0.0, penalty="l2", tol=1e-14, max_iter=10)
    assert not fit.converged
    assert fit.coef[0] > 5  # no minimizer: the weight keeps growing


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"y": [0, 0, 0, 0]}, ValueError, "exactly two classes"),
        ({"y": [0, 1, 2, 1]}, ValueError, "exactly two classes"),
        ({"y": [0, 1, 1]}, ValueError, "same number of samples"),
        ({"lam": -1.0}, ValueError, "'lam' parameter of logistic_regression"),
        ({"penalty": "l3"}, ValueError, "'penalty' parameter"),
        ({"X": [[np.nan], [1.0], [2.0], [3.0]]}, ValueError, "NaN"),
        ({"max_iter": 0}, ValueError, "'max_iter'"),
        ({"tol": "small"}, TypeError, "'tol'"),
    ],
)
def test_bad_input(kwargs, error, match):
    args = {"X": [[0.0], [1.0], [2.0], [3.0]], "y": [0, 1, 0, 1], "lam": 1.0}
    args.update(kwargs)
    X, y, lam = args.pop("X"), args.pop("y"), args.pop("lam")
    with pytest.raises(error, match=match):
        nl.logistic_regression(X, y, lam, **args)


def test_predict_checks_the_number_of_columns():
    fit = nl.logistic_regression([[0.0], [1.0], [2.0], [3.0]], [0, 1, 0, 1], 1.0)
    with pytest.raises(ValueError, match="must have 1 columns"):
        fit.predict([[1.0, 2.0]])


def test_inputs_are_not_modified():
    X, y = make_data(5)
    X0, y0 = X.copy(), y.copy()
    nl.logistic_regression(X, y, 1.0)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)


@settings(max_examples=25)
@given(st.integers(0, 10_000), st.floats(0.1, 30.0), st.sampled_from(["l1", "l2"]))
def test_property_solution_beats_perturbations(seed, lam, penalty):
    # a convex cost is minimal at the solution: no random perturbation lowers it
    X, y = make_data(seed, n=40, p=4)
    fit = nl.logistic_regression(X, y, lam, penalty=penalty, tol=1e-10)
    rng = np.random.default_rng(seed)

    def cost(w, b):
        z = X @ w + b
        pen = lam * np.abs(w).sum() if penalty == "l1" else 0.5 * lam * w @ w
        return np.sum(np.logaddexp(0, z) - y * z) + pen

    best = cost(fit.coef, fit.intercept)
    assert_allclose(best, fit.objective, rtol=1e-12)
    for _ in range(10):
        dw, db = 1e-3 * rng.standard_normal(4), 1e-3 * rng.standard_normal()
        assert cost(fit.coef + dw, fit.intercept + db) >= best - 1e-9


@settings(max_examples=25)
@given(st.integers(0, 10_000), st.floats(0.5, 20.0))
def test_property_l1_norm_decreases_with_lam(seed, lam):
    X, y = make_data(seed, n=40, p=4)
    small = nl.logistic_regression(X, y, lam, tol=1e-10)
    large = nl.logistic_regression(X, y, 2 * lam, tol=1e-10)
    # a standard fact of penalized fits: the penalty of the solution does not grow with lam
    assert nl.l1_norm(large.coef) <= nl.l1_norm(small.coef) + 1e-7


# ------------------------------------------- issue 12's input habits (booleans, Fractions, scale)


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
@pytest.mark.parametrize("func", [nl.logistic_regression, nl.logistic_lambda_max])
def test_fit_intercept_must_be_a_bool(func, bad):
    X, y = make_data(0)
    args = (X, y, 1.0) if func is nl.logistic_regression else (X, y)
    with pytest.raises(TypeError, match=r"'fit_intercept' parameter of .* must be a bool"):
        func(*args, fit_intercept=bad)


def test_fractions_are_accepted_as_scalars():
    from fractions import Fraction

    X, y = make_data(0)
    # a Fraction is the float it equals (check_scalar converts it once, at the entrance)
    fit = nl.logistic_regression(X, y, Fraction(1, 2), tol=Fraction(1, 10**8))
    assert_array_equal(fit.coef, nl.logistic_regression(X, y, 0.5, tol=1e-8).coef)
    assert nl.to_sklearn_C(Fraction(1, 4)) == 4.0
