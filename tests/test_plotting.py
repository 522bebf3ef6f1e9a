"""Tests for normlib.plotting: every helper returns its Axes and draws the right data.

The drawn data are checked against independent references: numpy formulas
written out here (|w|, ½w², sign, soft thresholding, z/(1+t)), closed forms
(Manhattan length 12, diagonal 6√2) and the normlib solvers the figures claim
to show (``nl.lasso``/``nl.ridge`` with ``fit_intercept=False``).
"""

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.contour import ContourSet
from numpy.testing import assert_allclose, assert_array_equal

import normlib as nl
from normlib import plotting

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _two_feature_problem(seed=0, coef=(2.0, 0.3)):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(50, 2)) @ np.array([[1.0, 0.5], [0.0, 1.0]])
    y = X @ np.array(coef) + 0.3 * rng.normal(size=50)
    return X, y


def _cv_stand_in():
    # Any object with the CVResult fields will do; numbers chosen by hand.
    return SimpleNamespace(
        lams=np.array([100.0, 10.0, 1.0, 0.1]),
        mean_error=np.array([5.0, 2.0, 1.0, 1.2]),
        std_error=np.array([0.5, 0.3, 0.2, 0.2]),
        best_lam=1.0,
        lam_1se=10.0,
    )


def _by_gid(ax, gid):
    found = [artist for artist in ax.get_children() if artist.get_gid() == gid]
    assert len(found) == 1, f"expected one artist with gid {gid!r}, found {len(found)}"
    return found[0]


def _labels(ax):
    return ax.get_legend_handles_labels()[1]


HELPERS = {
    "unit_balls": lambda ax: plotting.plot_unit_balls(ax=ax),
    "manhattan": lambda ax: plotting.plot_manhattan_vs_euclidean(ax=ax),
    "penalties": lambda ax: plotting.plot_penalties(ax=ax),
    "penalty_gradients": lambda ax: plotting.plot_penalty_gradients(ax=ax),
    "shrinkage": lambda ax: plotting.plot_shrinkage(1.0, ax=ax),
    "constraint_l1": lambda ax: plotting.plot_constraint_region(
        *_two_feature_problem(), 60.0, "l1", ax=ax
    ),
    "constraint_l2": lambda ax: plotting.plot_constraint_region(
        *_two_feature_problem(), 60.0, "l2", ax=ax
    ),
    "coef_path": lambda ax: plotting.plot_coef_path(
        np.geomspace(10, 0.1, 6), np.arange(12.0).reshape(6, 2), ax=ax
    ),
    "cv_curve": lambda ax: plotting.plot_cv_curve(_cv_stand_in(), ax=ax),
    "jensen": lambda ax: plotting.plot_jensen(np.sin, 0.5, 5.5, ax=ax),
}


# ---------------------------------------------------------------- common contract


def test_import_normlib_does_not_import_matplotlib():
    code = "import normlib, sys; assert 'matplotlib' not in sys.modules; normlib.l1_penalty"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    # ... and nl.plotting imports it on first use
    code = "import normlib, sys; normlib.plotting; assert 'matplotlib' in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize("name", HELPERS)
def test_helper_creates_a_figure_and_returns_its_axes(name):
    ax = HELPERS[name](None)
    assert isinstance(ax, Axes)
    assert ax.get_title(), "every figure has a title"
    assert ax.get_xlabel() and ax.get_ylabel(), "both axes are labelled"
    assert ax.get_legend() is not None, "every figure has a legend"
    # an opaque white background, readable on a dark page
    assert_allclose(ax.figure.get_facecolor(), (1.0, 1.0, 1.0, 1.0))


@pytest.mark.parametrize("name", HELPERS)
def test_helper_draws_on_the_given_axes(name):
    _, (left, right) = plt.subplots(1, 2)
    ax = HELPERS[name](right)
    assert ax is right
    assert len(right.get_children()) > len(left.get_children())
    assert not left.lines and not left.collections  # nothing drawn elsewhere
    assert len(plt.get_fignums()) == 1  # no new figure


def test_transparent_figure_gets_an_opaque_background_but_a_chosen_one_is_kept():
    # The Jupyter inline backend makes figures transparent; the helpers make them white.
    fig, ax = plt.subplots()
    fig.set_facecolor((1, 1, 1, 0))
    plotting.plot_penalties(ax=ax)
    assert fig.get_facecolor()[3] == 1.0
    fig2, ax2 = plt.subplots(facecolor="#202020")
    plotting.plot_penalties(ax=ax2)
    assert_allclose(fig2.get_facecolor(), matplotlib.colors.to_rgba("#202020"))


def test_helpers_never_call_show_nor_change_rcparams(monkeypatch):
    def no_show(*args, **kwargs):
        raise AssertionError("plt.show() was called")

    monkeypatch.setattr(plt, "show", no_show)
    before = dict(matplotlib.rcParams)
    for draw in HELPERS.values():
        draw(None)
    after = dict(matplotlib.rcParams)
    assert before == after


def test_ax_must_be_an_axes():
    with pytest.raises(TypeError, match="'ax' parameter of plot_penalties must be a matplotlib"):
        plotting.plot_penalties(ax="left")
    with pytest.raises(TypeError, match="'ax' parameter of plot_unit_balls"):
        plotting.plot_unit_balls(ax=plt.figure())


def test_line_styles_differ_within_a_figure():
    # Grayscale readability: the first lines of a figure differ in style, not just colour.
    lams = np.geomspace(10, 0.1, 20)
    ax = plotting.plot_coef_path(lams, np.ones((20, 10)))
    styles = {(line.get_linestyle(), line.get_marker()) for line in ax.get_lines()[1:]}
    assert len(styles) == 10


# ---------------------------------------------------------------- Norms


@pytest.mark.parametrize("p", [1, 1.5, 2, 3, np.inf])
def test_unit_ball_lines_have_norm_one(p):
    ax = plotting.plot_unit_balls(ps=(p,))
    (line,) = [line for line in ax.get_lines() if not line.get_label().startswith("_")]
    points = np.asarray(line.get_xydata())
    assert len(points) > 100
    assert_allclose(nl.lp_norm(points, p=p, axis=1), 1.0, rtol=1e-12)
    # and numpy agrees (an independent reference)
    assert_allclose(np.linalg.norm(points, ord=p, axis=1), 1.0, rtol=1e-12)
    assert_array_equal(points[0], points[-1])  # the curve is closed


def test_unit_ball_below_one_is_dashed_and_flagged():
    ax = plotting.plot_unit_balls(ps=(0.5, 1))
    quasi, l1 = [line for line in ax.get_lines() if not line.get_label().startswith("_")]
    assert "not a norm" in quasi.get_label()
    assert "not a norm" not in l1.get_label()
    assert quasi.get_linestyle() == "--"
    points = quasi.get_xydata()
    # (|x1|^p + |x2|^p)^(1/p) = 1, written out (lp_norm only accepts p >= 1)
    assert_allclose(np.sum(np.abs(points) ** 0.5, axis=1) ** 2, 1.0, rtol=1e-12)
    assert ax.get_aspect() == 1.0


def test_unit_balls_bad_input():
    with pytest.raises(ValueError, match="'ps' parameter of plot_unit_balls must be a real"):
        plotting.plot_unit_balls(ps=(0, 1))
    with pytest.raises(ValueError, match="at least one order"):
        plotting.plot_unit_balls(ps=())
    with pytest.raises(TypeError, match="'ps' parameter"):
        plotting.plot_unit_balls(ps=("l1",))


def test_manhattan_paths_and_diagonal():
    ax = plotting.plot_manhattan_vs_euclidean()
    paths = [_by_gid(ax, f"path-{name}") for name in ("red", "blue", "yellow")]
    shapes = set()
    for line in paths:
        xy = line.get_xydata()
        assert_array_equal(xy[0], [0, 0])
        assert_array_equal(xy[-1], [6, 6])
        steps = np.diff(xy, axis=0)
        assert np.all((steps[:, 0] == 0) | (steps[:, 1] == 0)), "moves along streets only"
        assert np.all(steps >= 0), "a shortest path never turns back"
        assert np.abs(steps).sum() == 12  # |6| + |6|, the Manhattan distance
        shapes.add(tuple(map(tuple, xy)))
    assert len(shapes) == 3, "three different paths"
    assert len({line.get_color() for line in paths}) == 3
    assert len({str(line.get_linestyle()) for line in paths}) >= 2
    diagonal = _by_gid(ax, "diagonal").get_xydata()
    assert_allclose(np.hypot(*(diagonal[-1] - diagonal[0])), 6 * np.sqrt(2))  # closed form
    labels = _labels(ax)
    assert sum("length 12" in label for label in labels) == 3
    assert any("8.49" in label for label in labels)  # 6√2 = 8.485...
    assert_array_equal(ax.get_xticks(), np.arange(7))


# ---------------------------------------------------------------- Regularization


@pytest.mark.parametrize("lam", [1.0, 0.3])
def test_penalty_curves(lam):
    ax = plotting.plot_penalties(lam=lam)
    w, l1 = _by_gid(ax, "l1").get_data()
    assert_allclose(l1, lam * np.abs(w))  # λ|w|
    w2, l2 = _by_gid(ax, "l2").get_data()
    assert_allclose(l2, 0.5 * lam * w2**2)  # ½λw²
    assert w.min() < 0 < w.max() and 0.0 in w


@pytest.mark.parametrize("lam", [1.0, 2.5])
def test_penalty_gradient_curves(lam):
    ax = plotting.plot_penalty_gradients(lam=lam)
    for gid in ("l1-negative", "l1-positive"):
        w, g = _by_gid(ax, gid).get_data()
        assert_allclose(g, lam * np.sign(w))  # λ·sign(w)
        assert np.all(w != 0)  # no vertical line drawn through the jump
    w, g = _by_gid(ax, "l2").get_data()
    assert_allclose(g, lam * w)  # λw
    x, interval = _by_gid(ax, "l1-subdifferential").get_data()
    assert_array_equal(x, [0, 0])
    assert_array_equal(interval, [-lam, lam])


def test_penalty_plots_bad_input():
    with pytest.raises(ValueError, match="'lam' parameter of plot_penalties"):
        plotting.plot_penalties(lam=-1.0)
    with pytest.raises(ValueError, match="'half_width' parameter of plot_penalty_gradients"):
        plotting.plot_penalty_gradients(half_width=0.0)


@pytest.mark.parametrize("t", [0.0, 0.5, 1.0, 2.0])
def test_shrinkage_curves(t):
    ax = plotting.plot_shrinkage(t)
    z, soft = _by_gid(ax, "soft").get_data()
    assert_allclose(soft, np.sign(z) * np.maximum(np.abs(z) - t, 0.0), atol=1e-12)
    z2, shrunk = _by_gid(ax, "ridge").get_data()
    assert_allclose(shrunk, z2 / (1.0 + t), rtol=1e-10, atol=1e-12)  # closed form
    z3, identity = _by_gid(ax, "identity").get_data()
    assert_array_equal(z3, identity)
    assert f"t = {t:g}" in ax.get_title()


def test_shrinkage_bad_input():
    with pytest.raises(ValueError, match="'t' parameter of plot_shrinkage"):
        plotting.plot_shrinkage(-1.0)


# ---------------------------------------------------------------- Sparsity


def _contour_levels(ax):
    return [c.levels for c in ax.collections if isinstance(c, ContourSet)]


@pytest.mark.parametrize("lam", [30.0, 120.0])
def test_constraint_region_l1_marks_the_lasso_solution(lam):
    X, y = _two_feature_problem()
    ax = plotting.plot_constraint_region(X, y, lam, penalty="l1")
    w_hat = nl.lasso(X, y, lam, fit_intercept=False).coef
    assert_allclose(_by_gid(ax, "solution").get_xydata()[0], w_hat, rtol=1e-12)
    # the least-squares point, by numpy
    w_ols = np.linalg.lstsq(X, y, rcond=None)[0]
    assert_allclose(_by_gid(ax, "ols").get_xydata()[0], w_ols, rtol=1e-8)
    # the shaded diamond is |w1| + |w2| = ‖ŵ‖₁
    boundary = _by_gid(ax, "region").get_xy()
    assert_allclose(np.abs(boundary).sum(axis=1), np.abs(w_hat).sum(), rtol=1e-10)
    # one contour set is the single level through ŵ
    sse_hat = np.sum((y - X @ w_hat) ** 2)
    levels = _contour_levels(ax)
    assert any(len(lv) == 1 and np.isclose(lv[0], sse_hat, rtol=1e-12) for lv in levels)
    assert any(len(lv) >= 3 for lv in levels), "a few more SSE levels"
    # everything marked lies inside the axes limits
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    for point in (w_hat, w_ols, np.zeros(2), *boundary):
        assert x0 < point[0] < x1 and y0 < point[1] < y1
    assert ax.get_aspect() == 1.0


def test_constraint_region_l1_can_touch_a_corner():
    # With a strong enough penalty the weaker feature is exactly 0 (the corner).
    X, y = _two_feature_problem()
    ax = plotting.plot_constraint_region(X, y, 120.0, penalty="l1")
    w_hat = _by_gid(ax, "solution").get_xydata()[0]
    assert w_hat[1] == 0.0 and w_hat[0] > 0


def test_constraint_region_l2_marks_the_ridge_solution():
    X, y = _two_feature_problem()
    ax = plotting.plot_constraint_region(X, y, 60.0, penalty="l2")
    w_hat = nl.ridge(X, y, 60.0, fit_intercept=False).coef
    # closed form (XᵀX + ½λI)⁻¹Xᵀy for SSE + ½λ‖w‖²
    closed = np.linalg.solve(X.T @ X + 30.0 * np.eye(2), X.T @ y)
    assert_allclose(w_hat, closed, rtol=1e-10)
    assert_allclose(_by_gid(ax, "solution").get_xydata()[0], w_hat, rtol=1e-12)
    boundary = _by_gid(ax, "region").get_xy()
    assert_allclose(np.hypot(boundary[:, 0], boundary[:, 1]), np.hypot(*w_hat), rtol=1e-10)


@pytest.mark.parametrize("lam", [0.0, 1e6])
def test_constraint_region_extreme_penalties(lam):
    # λ = 0: ŵ is least squares; λ ≥ λ_max: ŵ = 0 and the region shrinks to a point.
    X, y = _two_feature_problem()
    ax = plotting.plot_constraint_region(X, y, lam, penalty="l1")
    w_hat = _by_gid(ax, "solution").get_xydata()[0]
    if lam == 0.0:
        assert_allclose(w_hat, np.linalg.lstsq(X, y, rcond=None)[0], rtol=1e-6)
    else:
        assert_array_equal(w_hat, [0.0, 0.0])
    assert all(np.all(np.diff(lv) > 0) for lv in _contour_levels(ax))


def test_constraint_region_does_not_mutate_inputs():
    X, y = _two_feature_problem()
    X0, y0 = X.copy(), y.copy()
    plotting.plot_constraint_region(X, y, 10.0)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)


def test_constraint_region_bad_input():
    X, y = _two_feature_problem()
    with pytest.raises(ValueError, match="exactly 2 features"):
        plotting.plot_constraint_region(np.hstack([X, X]), y, 1.0)
    with pytest.raises(ValueError, match="same number of samples"):
        plotting.plot_constraint_region(X, y[:-1], 1.0)
    with pytest.raises(ValueError, match="'penalty' parameter of plot_constraint_region"):
        plotting.plot_constraint_region(X, y, 1.0, penalty="elasticnet")
    with pytest.raises(ValueError, match="'lam' parameter"):
        plotting.plot_constraint_region(X, y, -1.0)


# ---------------------------------------------------------------- paths and CV


def test_coef_path_lines_are_the_coef_columns():
    rng = np.random.default_rng(1)
    lams = np.geomspace(100, 0.01, 30)
    coefs = rng.normal(size=(30, 4))
    lams0, coefs0 = lams.copy(), coefs.copy()
    ax = plotting.plot_coef_path(lams, coefs, feature_names=["a", "b", "c", "d"])
    lines = ax.get_lines()[1:]  # after the zero line
    assert len(lines) == 4
    for j, line in enumerate(lines):
        x, ydata = line.get_data()
        assert_array_equal(x, lams)
        assert_array_equal(ydata, coefs[:, j])
        assert line.get_label() == "abcd"[j]
    assert ax.get_xscale() == "log"
    left, right = ax.get_xlim()
    assert left == lams.max() and right == lams.min(), "decreasing λ to the right"
    assert_array_equal(lams, lams0)
    assert_array_equal(coefs, coefs0)


def test_coef_path_increasing_lams_are_drawn_the_same_way():
    lams = np.array([0.1, 1.0, 10.0])
    coefs = np.array([[3.0], [2.0], [0.0]])
    x, ydata = plotting.plot_coef_path(lams, coefs).get_lines()[1].get_data()
    assert_array_equal(x, [10.0, 1.0, 0.1])
    assert_array_equal(ydata, [0.0, 2.0, 3.0])


def test_coef_path_with_zero_lambda_uses_a_linear_axis():
    ax = plotting.plot_coef_path([1.0, 0.0], [[0.0], [1.0]])
    assert ax.get_xscale() == "linear"
    assert ax.get_xlim() == (1.0, 0.0)


def test_coef_path_of_lasso_path():
    if not hasattr(nl, "lasso_path"):
        pytest.skip("normlib.lasso_path is not there yet")
    rng = np.random.default_rng(2)
    X = rng.normal(size=(40, 3))
    y = X @ [1.0, 0.0, -2.0] + 0.1 * rng.normal(size=40)
    lams, coefs = nl.lasso_path(X, y, n_lams=20)
    ax = plotting.plot_coef_path(lams, coefs)
    for j, line in enumerate(ax.get_lines()[1:]):
        assert_allclose(line.get_ydata(), coefs[:, j])
    assert _labels(ax) == ["$w_{1}$", "$w_{2}$", "$w_{3}$"]


def test_coef_path_bad_input():
    with pytest.raises(ValueError, match="one row per lambda"):
        plotting.plot_coef_path([1.0, 0.5], np.ones((3, 2)))
    with pytest.raises(ValueError, match="'lams' parameter of plot_coef_path must hold"):
        plotting.plot_coef_path([1.0, -0.5], np.ones((2, 2)))
    with pytest.raises(ValueError, match="'feature_names' parameter"):
        plotting.plot_coef_path([1.0, 0.5], np.ones((2, 2)), feature_names=["only one"])
    with pytest.raises(ValueError, match=r"'coefs' parameter .* finite"):
        plotting.plot_coef_path([1.0, 0.5], [[1.0, np.nan], [0.0, 0.0]])


def test_cv_curve_draws_mean_and_marks_best():
    cv = _cv_stand_in()
    ax = plotting.plot_cv_curve(cv)
    x, mean = _by_gid(ax, "mean").get_data()
    order = np.argsort(cv.lams)[::-1]
    assert_array_equal(x, cv.lams[order])
    assert_array_equal(mean, cv.mean_error[order])
    assert_array_equal(_by_gid(ax, "best").get_xydata()[0], [1.0, 1.0])  # best λ, its error
    labels = " ".join(_labels(ax))
    assert "best" in labels and "1 s.e." in labels
    assert ax.get_xscale() == "log"
    assert ax.get_xlim()[0] > ax.get_xlim()[1]


def test_cv_curve_of_cross_validate():
    if not hasattr(nl, "cross_validate"):
        pytest.skip("normlib.cross_validate is not there yet")
    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 4))
    y = X @ [1.0, 0.0, 0.0, -1.0] + 0.5 * rng.normal(size=60)
    cv = nl.cross_validate(X, y, np.geomspace(100, 0.1, 12), penalty="l1", k=5, seed=0)
    ax = plotting.plot_cv_curve(cv)
    x, mean = _by_gid(ax, "mean").get_data()
    assert_allclose(mean[np.argsort(x)], np.asarray(cv.mean_error)[np.argsort(cv.lams)])
    assert _by_gid(ax, "best").get_xdata()[0] == cv.best_lam


def test_cv_curve_bad_input():
    with pytest.raises(
        TypeError, match="'cv_result' parameter of plot_cv_curve must be a CVResult"
    ):
        plotting.plot_cv_curve((np.ones(3), np.ones(3)))
    bad = _cv_stand_in()
    bad.std_error = np.ones(2)
    with pytest.raises(ValueError, match="same length"):
        plotting.plot_cv_curve(bad)


# ---------------------------------------------------------------- Convexity


def test_jensen_plot_chord_and_gap():
    ax = plotting.plot_jensen(np.sin, 0.5, 5.5)
    chord = _by_gid(ax, "chord").get_xydata()
    assert_allclose(chord, [[0.5, np.sin(0.5)], [5.5, np.sin(5.5)]])
    z, ends = _by_gid(ax, "gap").get_data()
    assert_allclose(z, [3.0, 3.0])  # ½·0.5 + ½·5.5
    gap = 0.5 * np.sin(0.5) + 0.5 * np.sin(5.5) - np.sin(3.0)  # Jensen gap by hand
    assert_allclose(ends[1] - ends[0], gap, rtol=1e-12)
    assert "not convex" in ax.get_title()
    x, graph = _by_gid(ax, "graph").get_data()
    assert_allclose(graph, np.sin(x))
    assert "violates Jensen" in " ".join(_labels(ax))


def test_jensen_plot_of_a_convex_function():
    ax = plotting.plot_jensen(np.square, 2.0, -1.0, t=0.25)
    z, ends = _by_gid(ax, "gap").get_data()
    assert_allclose(z[0], 0.25 * 2.0 + 0.75 * -1.0)
    assert_allclose(ends[1] - ends[0], 0.25 * 0.75 * 9.0)  # t(1-t)(x-y)²
    assert "not convex" not in ax.get_title()
    assert "violates" not in " ".join(_labels(ax))


def test_jensen_plot_bad_input():
    with pytest.raises(TypeError, match="'f' parameter of plot_jensen must be a callable"):
        plotting.plot_jensen("sin", 0.0, 1.0)
    with pytest.raises(ValueError, match="must differ"):
        plotting.plot_jensen(np.sin, 1.0, 1.0)
    with pytest.raises(ValueError, match="'t' parameter of plot_jensen"):
        plotting.plot_jensen(np.sin, 0.0, 1.0, t=2.0)
    with pytest.raises(ValueError, match="'f' parameter of plot_jensen must return finite"):
        plotting.plot_jensen(lambda x: np.inf, 0.0, 1.0)


# ---------------------------------------------------------------- solver histories (Convexity)


def _history():
    # a recorded coordinate-descent run: the columns are the coefficients per epoch
    rng = np.random.default_rng(3)
    X = rng.normal(size=(30, 4))
    y = X @ np.array([2.0, 0.0, -1.0, 0.0]) + 0.3 * rng.normal(size=30)
    fit = nl.lasso(X, y, 0.2 * nl.lambda_max(X, y), method="fista", record_coefs=True)
    return fit.coef_history


def test_coef_history_contract():
    # the common contract of the book's helpers: own figure with title, labels, legend and
    # an opaque background, or the given axes and nothing else
    ax = plotting.plot_coef_history(_history())
    assert isinstance(ax, Axes) and ax.get_title() and ax.get_legend() is not None
    assert ax.get_xlabel() and ax.get_ylabel()
    assert_allclose(ax.figure.get_facecolor(), (1.0, 1.0, 1.0, 1.0))
    _, (left, right) = plt.subplots(1, 2)
    assert plotting.plot_coef_history(_history(), ax=right) is right
    assert not left.lines and len(plt.get_fignums()) == 2


def test_coef_history_lines_are_the_columns():
    history = _history()
    ax = plotting.plot_coef_history(history, labels=["a", "b", "c", "d"])
    lines = ax.get_lines()[1:]   # after the zero line
    assert [line.get_label() for line in lines] == ["a", "b", "c", "d"]
    for j, line in enumerate(lines):
        assert_array_equal(line.get_xdata(), np.arange(1, len(history) + 1))
        assert_array_equal(line.get_ydata(), history[:, j])
    assert ax.get_xscale() == ("log" if len(history) > 10 else "linear")


def test_coef_history_absolute_subset_keeps_each_columns_style():
    history = _history()
    full = plotting.plot_coef_history(history).get_lines()[1:]
    ax = plotting.plot_coef_history(history, features=[1, 3], absolute=True)
    lines = ax.get_lines()[1:]
    assert len(lines) == 2
    assert_array_equal(lines[0].get_ydata(), np.abs(history[:, 1]))
    assert lines[1].get_color() == full[3].get_color()
    assert lines[1].get_linestyle() == full[3].get_linestyle()
    assert ax.get_yscale() == "symlog"


def test_coef_history_short_runs_use_a_linear_axis():
    ax = plotting.plot_coef_history(np.array([[1.0, 0.0], [0.5, 0.0], [0.4, 0.0]]))
    assert ax.get_xscale() == "linear"
    assert_array_equal(ax.get_xticks(), [1, 2, 3])


def test_coef_history_bad_input():
    with pytest.raises(ValueError, match=r"'coef_history' .* plot_coef_history must be a 2-D"):
        plotting.plot_coef_history(np.ones(3))
    with pytest.raises(ValueError, match=r"'features' parameter of plot_coef_history .*\[0, 1\]"):
        plotting.plot_coef_history(np.ones((3, 2)), features=[2])
    with pytest.raises(ValueError, match="'labels' parameter of plot_coef_history"):
        plotting.plot_coef_history(np.ones((3, 2)), labels=["a"])
    with pytest.raises(TypeError, match="'ax' parameter of plot_coef_history"):
        plotting.plot_coef_history(np.ones((3, 2)), ax="left")


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
def test_coef_history_absolute_must_be_a_bool(bad):
    # issue 12's habit: "no" must not quietly mean True
    with pytest.raises(TypeError, match="'absolute' parameter of plot_coef_history must be a bool"):
        plotting.plot_coef_history(np.ones((3, 2)), absolute=bad)


def test_fractions_are_accepted_as_scalars():
    from fractions import Fraction

    ax = plotting.plot_penalties(lam=Fraction(1, 2), half_width=Fraction(2))
    reference = plotting.plot_penalties(lam=0.5, half_width=2.0)
    for line, expected in zip(ax.get_lines(), reference.get_lines(), strict=True):
        assert_array_equal(line.get_ydata(), expected.get_ydata())


@pytest.mark.parametrize("scale", [1e-300, 1e300])
@pytest.mark.parametrize("penalty", ["l1", "l2"])
def test_constraint_region_draws_the_same_contours_at_the_float_range_edges(scale, penalty):
    # (s X, s y) has the same least-squares w and SSE contours s^2 times: the same
    # curves. At 1e-300 the SSE underflowed to 0 ("Contour levels must be increasing"),
    # at 1e300 it overflowed. lam = 0 keeps the penalty out of the float range.
    X, y = _two_feature_problem()
    curves = []
    for s in (1.0, scale):
        ax = plotting.plot_constraint_region(s * X, s * y, 0.0, penalty)
        contours = [c for c in ax.collections if isinstance(c, ContourSet)]
        curves.append([np.concatenate(c.allsegs[0]) for c in contours])
    for base, scaled in zip(*curves, strict=True):
        assert_allclose(scaled, base, rtol=1e-9, atol=1e-9)
