"""Tests for normlib.plotting.beyond: each helper returns its Axes and draws the data it
is given, or the values normlib computes (dual norms against numpy), and refuses bad input."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from numpy.testing import assert_allclose

from normlib import plotting


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_sparse_path_highlights_the_largest_final_coefficients():
    lams = np.geomspace(10, 0.1, 5)
    final = np.array([0.1, -3.0, 0.0, 2.0, 0.5])
    coefs = np.outer(np.linspace(0, 1, 5), final)
    ax = plotting.plot_sparse_path(lams, coefs, n_labels=2, feature_names=list("abcde"))
    assert isinstance(ax, Axes)
    # the two largest |w_j| at the smallest lambda: b (-3) and d (2), in feature order
    assert ax.get_legend_handles_labels()[1] == ["b", "d"]
    lines = ax.get_lines()[1:]
    assert len(lines) == 5
    for j, line in enumerate(lines):  # drawn from large to small lambda, data unchanged
        assert_allclose(line.get_xdata(), lams)
        assert_allclose(line.get_ydata(), coefs[:, j])
    assert ax.get_title() == "0 to 4 nonzero coefficients"  # l0 of first and last rows
    assert ax.get_xscale() == "log"


def test_plot_sparse_path_groups_share_a_colour():
    lams = np.geomspace(10, 0.1, 3)
    coefs = np.ones((3, 4))
    ax = plotting.plot_sparse_path(lams, coefs, groups=["x", "cat", "cat", "y"])
    lines = ax.get_lines()[1:]
    assert lines[1].get_color() == lines[2].get_color() != lines[0].get_color()
    assert ax.get_legend_handles_labels()[1] == ["x", "cat", "y"]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"coefs": np.ones((2, 3))}, ValueError, "one row per lambda"),
        ({"lams": [1.0, 0.0, 2.0]}, ValueError, "values > 0"),
        ({"feature_names": ["a"]}, ValueError, "'feature_names'"),
        ({"groups": ["a"]}, ValueError, "'groups'"),
        ({"n_labels": -1}, ValueError, "'n_labels'"),
        ({"ax": "axes"}, TypeError, "'ax'"),
    ],
)
def test_plot_sparse_path_bad_input(kwargs, error, match):
    args = {"lams": [3.0, 2.0, 1.0], "coefs": np.ones((3, 3))}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        plotting.plot_sparse_path(args.pop("lams"), args.pop("coefs"), **args)


def test_plot_early_stopping_draws_against_the_norm():
    gd = np.array([[0.0, 0.0], [3.0, 4.0]])
    ridge = np.array([[0.6, 0.8], [2.4, 3.2]])
    ax = plotting.plot_early_stopping(gd, ridge, feature_names=["a", "b"])
    lines = ax.get_lines()[1:]
    assert len(lines) == 4
    # x is the L2 norm of each row: 0 and 5 for gd, 1 and 4 for ridge (3-4-5 triangles)
    assert_allclose(lines[0].get_xdata(), [0.0, 5.0])
    assert_allclose(lines[1].get_xdata(), [1.0, 4.0])
    assert_allclose(lines[2].get_ydata(), [0.0, 4.0])
    assert ax.get_legend_handles_labels()[1] == ["a", "b"]
    with pytest.raises(ValueError, match="same number of features"):
        plotting.plot_early_stopping(gd, np.ones((2, 3)))
    with pytest.raises(ValueError, match="'feature_names'"):
        plotting.plot_early_stopping(gd, ridge, feature_names=["a"])


@pytest.mark.parametrize(("p", "q"), [(1, np.inf), (2, 2), (np.inf, 1)])
def test_plot_dual_norm_marks_the_maximizer(p, q):
    x = np.array([0.6, 1.1])
    ax = plotting.plot_dual_norm(x, p)
    (best,) = [line for line in ax.get_lines() if line.get_marker() == "o"]  # u*
    u = np.array([best.get_xdata()[0], best.get_ydata()[0]])
    assert_allclose(np.linalg.norm(u, p), 1.0, rtol=1e-9)  # on the unit sphere
    # u*·x is the dual norm, numpy's q-norm of x (sampled boundary: 1e-3)
    assert_allclose(u @ x, np.linalg.norm(x, q), atol=1e-3)
    assert f"{np.linalg.norm(x, q):.3f}" in ax.get_title()


def test_plot_dual_norm_bad_input():
    with pytest.raises(ValueError, match="nonzero 2-vector"):
        plotting.plot_dual_norm([0.0, 0.0], 2)
    with pytest.raises(ValueError, match="nonzero 2-vector"):
        plotting.plot_dual_norm([1.0, 2.0, 3.0], 2)
    with pytest.raises(ValueError, match="'p' parameter of plot_dual_norm"):
        plotting.plot_dual_norm([1.0, 2.0], 0.5)


# ---------------------------------------------------------------- the common contract

HELPERS = {
    "sparse_path": lambda ax: plotting.plot_sparse_path(
        np.geomspace(10, 0.1, 6), np.arange(18.0).reshape(6, 3), ax=ax),
    "sparse_path_groups": lambda ax: plotting.plot_sparse_path(
        np.geomspace(10, 0.1, 6), np.arange(18.0).reshape(6, 3), ax=ax, groups=["a", "b", "b"]),
    "early_stopping": lambda ax: plotting.plot_early_stopping(
        np.arange(12.0).reshape(6, 2), np.arange(10.0).reshape(5, 2), ax=ax),
    "dual_norm": lambda ax: plotting.plot_dual_norm([0.6, 1.1], 2, ax=ax),
}


@pytest.mark.parametrize("name", HELPERS)
def test_helper_creates_a_titled_labelled_white_figure(name):
    ax = HELPERS[name](None)
    assert isinstance(ax, Axes)
    assert ax.get_title(), "every figure has a title"
    assert ax.get_xlabel() and ax.get_ylabel(), "both axes are labelled"
    assert ax.get_legend() is not None, "every figure has a legend"
    assert_allclose(ax.figure.get_facecolor(), (1.0, 1.0, 1.0, 1.0))


@pytest.mark.parametrize("name", HELPERS)
def test_helper_draws_on_the_given_axes_only(name, monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show() was called"))
    before = dict(matplotlib.rcParams)
    _, (left, right) = plt.subplots(1, 2)
    assert HELPERS[name](right) is right
    assert not left.lines and not left.collections
    assert len(plt.get_fignums()) == 1
    assert dict(matplotlib.rcParams) == before


def test_fractions_are_accepted_as_scalars():
    # issue 12's habit: a Fraction is the float it equals
    from fractions import Fraction

    ax = plotting.plot_dual_norm([1.0, 2.0], Fraction(3, 2))
    reference = plotting.plot_dual_norm([1.0, 2.0], 1.5)
    for line, expected in zip(ax.get_lines(), reference.get_lines(), strict=True):
        assert_allclose(line.get_ydata(), expected.get_ydata(), rtol=0, atol=0)
