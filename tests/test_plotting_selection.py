"""Tests for normlib.plotting.selection: each figure draws the data it claims to draw.

References are written out here (z·1[|z| > t], sign(z)max(|z| − t, 0), z/(1 + λ/2),
the MCP formula by hand) or are the least-squares fits of scikit-learn.
"""

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.linear_model import LinearRegression

from normlib import plotting


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _by_gid(ax, gid):
    found = [a for a in ax.get_children() if a.get_gid() == gid]
    assert len(found) == 1, f"expected one artist with gid {gid!r}, found {len(found)}"
    return found[0]


def _data(seed=0, n=30, p=5):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = X[:, 0] - 0.5 * X[:, 2] + rng.standard_normal(n)
    return X, y


HELPERS = {
    "rules": lambda ax: plotting.plot_thresholding_rules(2.0, ax=ax),
    "penalties": lambda ax: plotting.plot_selection_penalties(2.0, ax=ax),
    "subsets": lambda ax: plotting.plot_subset_sizes(*_data(), ax=ax),
    "stability": lambda ax: plotting.plot_stability_path(
        [10.0, 1.0, 0.1], np.array([[0.0, 0.0], [0.5, 0.1], [1.0, 0.3]]), ax=ax
    ),
    "comparison": lambda ax: plotting.plot_coef_comparison({"a": [1.0, 2.0]}, ax=ax),
}


@pytest.mark.parametrize("name", HELPERS)
def test_helper_creates_or_uses_axes_on_white(name):
    ax = HELPERS[name](None)
    assert isinstance(ax, Axes)
    assert ax.figure.get_facecolor()[3] == 1.0
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    _, given = plt.subplots()
    assert HELPERS[name](given) is given


@pytest.mark.parametrize("name", HELPERS)
def test_helper_rejects_a_non_axes(name):
    with pytest.raises(TypeError, match="'ax' parameter"):
        HELPERS[name]("not an axes")


@pytest.mark.parametrize("lam", [1.0, 2.0, 5.0])
def test_thresholding_rules_draw_the_formulas(lam):
    ax = plotting.plot_thresholding_rules(lam, gamma=3.0)
    t = lam / 2
    z = _by_gid(ax, "identity").get_xdata()
    soft = _by_gid(ax, "soft").get_ydata()
    assert_allclose(soft, np.sign(z) * np.maximum(np.abs(z) - t, 0))  # soft threshold by hand
    assert_allclose(_by_gid(ax, "ridge").get_ydata(), z / (1 + lam / 2), atol=1e-12)
    zh, wh = _by_gid(ax, "hard").get_xdata(), _by_gid(ax, "hard").get_ydata()
    ok = ~np.isnan(zh)
    assert np.isnan(zh).sum() == 2  # one break at each jump ±t
    assert_allclose(wh[ok], np.where(np.abs(zh[ok]) > t, zh[ok], 0.0))
    # firm thresholding by hand: 0, stretched soft threshold, identity
    firm = _by_gid(ax, "mcp").get_ydata()
    expected = np.where(np.abs(z) > 3 * t, z,
                        np.sign(z) * np.maximum(np.abs(z) - t, 0) / (1 - 1 / 3))
    assert_allclose(firm, expected, atol=1e-12)


def test_selection_penalties_draw_the_formulas():
    ax = plotting.plot_selection_penalties(2.0, gamma=3.0)
    w = _by_gid(ax, "l1").get_xdata()
    assert_allclose(_by_gid(ax, "l1").get_ydata(), 2.0 * np.abs(w))
    assert_allclose(_by_gid(ax, "l2").get_ydata(), 0.5 * 2.0 * w**2)
    a = np.abs(w)
    mcp = np.where(a <= 3.0, 2.0 * a - a**2 / 3.0, 3.0)  # gamma·lam/2 = 3, gamma·lam²/4 = 3
    assert_allclose(_by_gid(ax, "mcp").get_ydata(), mcp)
    l0 = _by_gid(ax, "l0").get_ydata()
    assert np.isnan(l0[w == 0]).all() and np.allclose(l0[w != 0], 1.0)  # lam²/4 = 1


def test_subset_sizes_draw_every_subset_and_the_envelope():
    X, y = _data(1, p=4)
    ax = plotting.plot_subset_sizes(X, y)
    dots = _by_gid(ax, "subsets").get_offsets()
    assert dots.shape == (16, 2)
    # reference: every subset fitted by LinearRegression
    expected = [float(np.sum((y - y.mean()) ** 2))]
    for m in range(1, 5):
        for S in itertools.combinations(range(4), m):
            pred = LinearRegression().fit(X[:, S], y).predict(X[:, S])
            expected.append(float(np.sum((y - pred) ** 2)))
    assert_allclose(np.sort(dots[:, 1]), np.sort(expected), rtol=1e-9)
    best = _by_gid(ax, "best").get_ydata()
    sizes = np.round(dots[:, 0]).astype(int)
    for m in range(5):
        assert_allclose(best[m], dots[sizes == m, 1].min(), rtol=1e-12)
    assert np.all(_by_gid(ax, "forward").get_ydata() >= best - 1e-9)


def test_subset_sizes_bad_input():
    with pytest.raises(ValueError, match="at most 12 columns"):
        plotting.plot_subset_sizes(np.ones((20, 13)), np.ones(20))


def test_stability_path_lines_and_threshold():
    probs = np.array([[0.0, 0.0, 0.0], [0.9, 0.1, 0.0], [1.0, 0.4, 0.2]])
    lams = np.array([0.1, 1.0, 10.0])[::-1]
    ax = plotting.plot_stability_path(lams, probs, threshold=0.7, highlight=[0],
                                      feature_names=["true"])
    for j in range(3):
        line = _by_gid(ax, f"feature-{j}")
        assert_array_equal(line.get_xdata(), lams)
        assert_array_equal(line.get_ydata(), probs[:, j])
    assert_allclose(_by_gid(ax, "threshold").get_ydata(), [0.7, 0.7])
    assert ax.get_xscale() == "log"
    assert "true" in ax.get_legend_handles_labels()[1]


def test_stability_path_bad_input():
    with pytest.raises(ValueError, match="one row per lam"):
        plotting.plot_stability_path([1.0], np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"values in \[0, 1\]"):
        plotting.plot_stability_path([1.0], np.full((1, 2), 1.5))
    with pytest.raises(ValueError, match="values > 0"):
        plotting.plot_stability_path([0.0], np.zeros((1, 2)))
    with pytest.raises(ValueError, match="'highlight' parameter"):
        plotting.plot_stability_path([1.0], np.zeros((1, 2)), highlight=[2])


def test_coef_comparison_draws_each_estimate_and_truth():
    coefs = {"lasso": [2.0, 0.0, -1.0], "refit": [3.0, 0.0, -2.0]}
    ax = plotting.plot_coef_comparison(coefs, truth=[3.0, 0.0, -2.0])
    for label, c in coefs.items():
        assert_array_equal(_by_gid(ax, label).get_ydata(), c)
    x_lasso = _by_gid(ax, "lasso").get_xdata()
    x_refit = _by_gid(ax, "refit").get_xdata()
    assert np.all(x_lasso < x_refit)  # side by side, same order for every feature
    assert_array_equal(_by_gid(ax, "truth").get_xdata(), [0.0, 1.0, 2.0])


def test_coef_comparison_bad_input():
    with pytest.raises(ValueError, match="non-empty mapping"):
        plotting.plot_coef_comparison({})
    with pytest.raises(ValueError, match="one length"):
        plotting.plot_coef_comparison({"a": [1.0], "b": [1.0, 2.0]})
    with pytest.raises(ValueError, match="'truth' parameter"):
        plotting.plot_coef_comparison({"a": [1.0]}, truth=[1.0, 2.0])


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
def test_fit_intercept_must_be_a_bool(bad):
    # issue 12's habit: "no" must not quietly mean True
    X, y = _data()
    with pytest.raises(TypeError, match="'fit_intercept' parameter of plot_subset_sizes"):
        plotting.plot_subset_sizes(X, y, fit_intercept=bad)


def test_fractions_are_accepted_as_scalars():
    from fractions import Fraction

    ax = plotting.plot_thresholding_rules(Fraction(2), gamma=Fraction(3), half_width=Fraction(4))
    reference = plotting.plot_thresholding_rules(2.0, gamma=3.0, half_width=4.0)
    for line, expected in zip(ax.get_lines(), reference.get_lines(), strict=True):
        assert_array_equal(line.get_ydata(), expected.get_ydata())
    ax = plotting.plot_stability_path([2.0, 1.0], [[0.0, 1.0], [1.0, 1.0]],
                                      threshold=Fraction(3, 5))
    assert ax is not None


def test_plot_subset_sizes_at_the_edge_of_the_float_range():
    # the SSEs of y ~ 1e160 are beyond the float range: inf, without an overflow
    # warning (pytest makes warnings errors) and never NaN
    X, y = _data()
    ax = plotting.plot_subset_sizes(X, 1e160 * y)
    for collection in ax.collections:
        assert not np.isnan(np.asarray(collection.get_offsets(), dtype=float)).any()
