"""Tests for normlib.plotting.stats: each figure draws what normlib.stats computes.

References: the SVD of the design (numpy) for the shrinkage factors, the
scipy.stats densities for the priors, and the values passed in for the
bias-variance and information-criterion figures.
"""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats as sps

import normlib as nl
from normlib import plotting


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _lines(ax):
    return {line.get_gid(): line for line in ax.get_lines() if line.get_gid()}


def test_plot_shrinkage_factors_draws_d2_over_d2_plus_half_lam():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((30, 3))
    lams = np.geomspace(100, 0.01, 7)
    ax = plotting.plot_shrinkage_factors(X, lams)
    lines = _lines(ax)
    d = np.linalg.svd(X - X.mean(0), compute_uv=False)  # reference: numpy's SVD
    for j in range(3):
        x, yv = lines[f"factor-{j}"].get_data()
        assert_allclose(x, lams)  # drawn from large to small lambda
        assert_allclose(yv, d[j] ** 2 / (d[j] ** 2 + x / 2), rtol=1e-12)
    x, yv = lines["df"].get_data()
    assert_allclose(yv * 3, [nl.ridge_df(X, lam) for lam in x])
    assert ax.get_xscale() == "log"
    assert ax.get_xlim()[0] > ax.get_xlim()[1]  # lambda decreases to the right


def test_plot_priors_matches_scipy_and_log_is_the_penalty():
    ax = plotting.plot_priors(2.0)
    lines = _lines(ax)
    w, p = lines["gaussian"].get_data()
    assert_allclose(p, sps.norm.pdf(w, scale=math.sqrt(2.0)), rtol=1e-12)
    w, p = lines["laplace"].get_data()
    assert_allclose(p, sps.laplace.pdf(w, scale=1.0), rtol=1e-12)
    ax = plotting.plot_priors(2.0, log=True)
    lines = _lines(ax)
    w, v = lines["gaussian"].get_data()
    assert_allclose(v, w**2 / 4.0, atol=1e-12)  # w^2 / (2 tau^2)
    w, v = lines["laplace"].get_data()
    assert_allclose(v, np.abs(w), atol=1e-12)  # |w| / b, b = 1


def test_plot_bias_variance_draws_the_result():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((20, 3))
    f = X @ np.array([1.0, -1.0, 0.0])
    lams = np.array([0.1, 100.0, 10.0])
    bv = nl.simulate_bias_variance(X, f, X, f, lams, noise=0.5, n_datasets=20)
    lines = _lines(plotting.plot_bias_variance(bv))
    order = [1, 2, 0]  # drawn from large to small lambda
    assert_allclose(lines["bias2"].get_xdata(), lams[order])
    assert_allclose(lines["bias2"].get_ydata(), bv.bias2[order])
    assert_allclose(lines["variance"].get_ydata(), bv.variance[order])
    assert_allclose(lines["noise"].get_ydata(), 0.25)
    assert_allclose(lines["expected"].get_ydata(), bv.expected_error[order])
    assert_allclose(lines["measured"].get_ydata(), bv.test_error[order])


def test_plot_information_criteria_marks_each_minimum():
    lams = np.array([0.1, 10.0, 1.0])
    ax = plotting.plot_information_criteria(
        lams, {"AIC": [3.0, 5.0, 2.0], "BIC": [9.0, 4.0, 6.0]}
    )
    lines = _lines(ax)
    assert_allclose(lines["AIC"].get_ydata(), [3.0, 0.0, 1.0])  # order 10, 1, 0.1; minus 2
    assert_allclose(lines["min-AIC"].get_xdata(), [1.0])
    assert_allclose(lines["min-BIC"].get_xdata(), [10.0])


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: plotting.plot_bias_variance(nl.bias_variance([[1.0], [2.0]], [1.0])),
         TypeError, "'result' parameter of plot_bias_variance"),
        (lambda: plotting.plot_bias_variance("x"), TypeError, "BiasVariance"),
        (lambda: plotting.plot_shrinkage_factors([[1.0]], [0.0]), ValueError, "'lams'"),
        (lambda: plotting.plot_shrinkage_factors([[1.0]], [1.0], ax="a"), TypeError, "'ax'"),
        (lambda: plotting.plot_priors(0.0), ValueError, "'prior_variance' parameter of plot_"),
        (lambda: plotting.plot_priors(1.0, log="yes"), TypeError, "'log'"),
        (lambda: plotting.plot_information_criteria([1.0], {}), TypeError, "'criteria'"),
        (lambda: plotting.plot_information_criteria([1.0], {"A": [1.0, 2.0]}), ValueError,
         "one value per lambda"),
        (lambda: plotting.plot_information_criteria([-1.0], {"A": [1.0]}), ValueError, "'lams'"),
    ],
)
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
def test_boolean_options_must_be_bools(bad):
    # issue 12's habit: "no" must not quietly mean True
    with pytest.raises(TypeError, match="'log' parameter of plot_priors must be a bool"):
        plotting.plot_priors(1.0, log=bad)
    with pytest.raises(TypeError, match="'fit_intercept' parameter of plot_shrinkage_factors"):
        plotting.plot_shrinkage_factors(np.eye(3), [1.0, 0.1], fit_intercept=bad)


def test_fractions_are_accepted_as_scalars():
    from fractions import Fraction

    ax = plotting.plot_priors(Fraction(1), w_max=Fraction(4))
    assert_allclose(ax.get_lines()[0].get_xdata()[[0, -1]], [-4.0, 4.0])


def test_plot_shrinkage_factors_at_the_edge_of_the_float_range():
    # d_j^2 of a design ~ 1e160 overflows (label "inf"); the factors do not change
    X = np.diag([3.0, 1.0])
    ax = plotting.plot_shrinkage_factors(1e160 * X, [1e250, 1.0], fit_intercept=False)
    assert ax.get_lines()[0].get_label().endswith("= inf")
    # d^2 / (d^2 + lam / 2) with d^2 = 9e320, lam = 1e250 and 1: 1 to 1e-70 (float: 1.0)
    assert_allclose(ax.get_lines()[0].get_ydata(), [1.0, 1.0], rtol=1e-15)
