r"""The book's figures, drawn with matplotlib from normlib's own formulas.

This is the only normlib module that imports matplotlib; ``import normlib``
does not load it (``nl.plotting`` is imported on first use). Every helper

- takes an optional ``ax`` (a matplotlib ``Axes``) and draws on it, or creates
  a new figure when ``ax`` is ``None``, and returns the ``Axes``;
- never calls ``plt.show()`` and never changes global ``rcParams``;
- computes every value with normlib (``unit_ball``, ``soft_threshold``,
  ``l1_penalty``, ``lasso``, ``sse`` ...), so a figure shows exactly what
  the library computes;
- labels its axes, sets a title and a legend.

========================================  =====================================
helper                                    chapter
========================================  =====================================
:func:`plot_unit_balls`                   Norms
:func:`plot_manhattan_vs_euclidean`       Norms
:func:`plot_penalties`                    Regularization, Convexity
:func:`plot_penalty_gradients`            Regularization
:func:`plot_shrinkage`                    Sparsity
:func:`plot_constraint_region`            Sparsity
:func:`plot_coef_path`                    Regularization, Sparsity
:func:`plot_cv_curve`                     Regularization
:func:`plot_jensen`                       Convexity
:func:`slider_figure`                     Sparsity (interactive figures)
========================================  =====================================

Colours and dark mode. Figures are drawn on an **opaque white background**:
a figure created here has a white face colour, and a figure passed in
through ``ax`` whose face colour is transparent (the Jupyter inline
backend's default) is given an opaque white one. Black text and dark lines
then stay readable when the book is shown with a dark theme, where a
transparent figure would put black labels on a dark page. Lines use the
Okabe–Ito colour-blind-safe palette *and* differ in line style and marker,
so that every figure also reads in grayscale.

Interactive figures. :func:`slider_figure` draws a figure once per value of a
parameter and returns the frames with a slider (a few lines of plain
JavaScript and the PNG frames embedded in the page), so the book's HTML can
show how a figure changes with λ with no kernel and no network.
"""

import base64
import html
import io
import json

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import convexity, models, norms, penalties
from ._validation import check_array, check_option, check_scalar, check_X_y

__all__ = [
    "MANHATTAN_PATHS",
    "SliderFigure",
    "plot_coef_path",
    "plot_constraint_region",
    "plot_cv_curve",
    "plot_jensen",
    "plot_manhattan_vs_euclidean",
    "plot_penalties",
    "plot_penalty_gradients",
    "plot_shrinkage",
    "plot_unit_balls",
    "slider_figure",
]

# Okabe & Ito (2008) colour-blind-safe palette, reordered so that neighbours
# also differ in lightness; paired with distinct line styles and markers.
COLORS = ("#0072B2", "#D55E00", "#000000", "#CC79A7", "#009E73", "#E69F00", "#56B4E9")
LINESTYLES = ("-", "--", ":", "-.")
MARKERS = ("o", "s", "^", "D", "v")  # periods 7, 4, 5: the first 20 lines differ in style
GRAY = "#777777"


def _style(k):
    """Colour, line style and marker of the ``k``-th line of a figure."""
    return {
        "color": COLORS[k % len(COLORS)],
        "linestyle": LINESTYLES[k % len(LINESTYLES)],
        "marker": MARKERS[k % len(MARKERS)],
    }


def _axes(ax, func, figsize=(6.0, 4.5), layout="constrained"):
    """Return ``ax`` (validated) or the axes of a new figure, on a white background.

    ``layout="compressed"`` suits axes with a fixed aspect ratio (box adjusted).
    """
    if ax is None:
        fig = plt.figure(figsize=figsize, layout=layout, facecolor="white")
        ax = fig.add_subplot()
    elif not isinstance(ax, Axes):
        raise TypeError(
            f"The 'ax' parameter of {func} must be a matplotlib Axes or None; "
            f"got {type(ax).__name__}."
        )
    figure = ax.figure
    figure = getattr(figure, "figure", figure)  # the root figure of a subfigure
    if figure.get_facecolor()[3] < 1.0:  # transparent (Jupyter inline default)
        figure.set_facecolor("white")
    return ax


def _axis_cross(ax):
    """Thin gray lines through the origin."""
    ax.axhline(0.0, color=GRAY, linewidth=0.8, zorder=0)
    ax.axvline(0.0, color=GRAY, linewidth=0.8, zorder=0)


def _p_label(p):
    return r"$p = \infty$" if np.isinf(p) else f"$p = {p:g}$"


# ---------------------------------------------------------------- Norms


def plot_unit_balls(ps=(1, 2, np.inf), ax=None):
    r"""Draw the unit spheres :math:`\{x \in \mathbb{R}^2 : \|x\|_p = 1\}`.

    .. math::

        \|x\|_p = \bigl(|x_1|^p + |x_2|^p\bigr)^{1/p}, \qquad
        \|x\|_\infty = \max(|x_1|, |x_2|)

    :math:`p = 1` gives the diamond, :math:`p = 2` the circle,
    :math:`p = \infty` the square. For :math:`0 < p < 1` the formula is not a
    norm (the triangle inequality fails and the "ball" is not convex): such
    curves are drawn dashed and labelled "not a norm".

    Parameters
    ----------
    ps : sequence of float, default=(1, 2, np.inf)
        Orders to draw, each ``p > 0`` or ``np.inf``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If an order is not a real number, or ``ax`` is not an ``Axes``.
    ValueError
        If ``ps`` is empty or an order is ``<= 0`` or NaN.

    See Also
    --------
    normlib.unit_ball : the points drawn here.

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> ax = plotting.plot_unit_balls(ps=(0.5, 1, 2, np.inf))
    >>> [line.get_label() for line in ax.get_lines() if line.get_label()[0] != "_"]
    ['$p = 0.5$ (not a norm)', '$p = 1$', '$p = 2$', '$p = \\infty$']
    """
    func = "plot_unit_balls"
    if np.ndim(ps) == 0:
        ps = (ps,)
    ps = [check_scalar(p, "ps", func, low=0.0, low_inclusive=False, allow_inf=True) for p in ps]
    if not ps:
        raise ValueError(f"The 'ps' parameter of {func} must hold at least one order; got none.")
    ax = _axes(ax, func, figsize=(5.5, 4.5))
    _axis_cross(ax)
    for k, p in enumerate(ps):
        points = norms.unit_ball(p)
        closed = np.vstack([points, points[:1]])
        style = _style(k)
        label = _p_label(p)
        if p < 1:
            style["linestyle"] = "--"
            label += " (not a norm)"
        ax.plot(
            closed[:, 0],
            closed[:, 1],
            label=label,
            linewidth=2,
            markevery=len(points) // 8,
            markersize=6,
            **style,
        )
    # Equal aspect by widening the data limits (not the box), so the legend fits beside.
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.15)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(r"Unit balls: $\|x\|_p = 1$")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    return ax


# The three staircase paths from (0, 0) to (6, 6) and their styles.
MANHATTAN_PATHS = {
    "red": ((0, 0), (0, 2), (2, 2), (2, 4), (4, 4), (4, 6), (6, 6)),
    "blue": ((0, 0), (4, 0), (4, 2), (6, 2), (6, 6)),
    # one block east, one block north, six times
    "yellow": (*(point for k in range(6) for point in ((k, k), (k + 1, k))), (6, 6)),
}
_MANHATTAN_STYLES = {
    "red": {"color": "#BB2211", "linestyle": "-"},  # darker than the green in grayscale
    "blue": {"color": "#0072B2", "linestyle": "--"},
    "yellow": {"color": "#EEBB22", "linestyle": "-"},  # outlined in black
}


def plot_manhattan_vs_euclidean(ax=None):
    r"""Redraw the source's Manhattan-vs-Euclidean picture (after Wikipedia).

    On a 6 × 6 grid of city blocks, three different staircase paths from
    :math:`(0, 0)` to :math:`(6, 6)` (red, blue, yellow) all have the same
    length, the L1 (Manhattan) distance

    .. math::

        \|(6, 6) - (0, 0)\|_1 = |6| + |6| = 12,

    while the straight green diagonal has the L2 (Euclidean) length
    :math:`\|(6, 6)\|_2 = 6\sqrt{2} \approx 8.49`. Each path's length in the
    legend is computed with :func:`normlib.l1_norm` of its segment vectors,
    the diagonal's with :func:`normlib.euclidean`.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``ax`` is not an ``Axes``.

    See Also
    --------
    normlib.manhattan, normlib.euclidean : the two distances.

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_manhattan_vs_euclidean()
    >>> for label in ax.get_legend_handles_labels()[1]:
    ...     print(label)
    red path: L1 length 12
    blue path: L1 length 12
    yellow path: L1 length 12
    diagonal: L2 length 6√2 ≈ 8.49
    """
    func = "plot_manhattan_vs_euclidean"
    ax = _axes(ax, func, figsize=(7.5, 4.8))
    for k in range(7):
        ax.plot([k, k], [0, 6], color="#BBBBBB", linewidth=1, zorder=0)
        ax.plot([0, 6], [k, k], color="#BBBBBB", linewidth=1, zorder=0)
    outline = [patheffects.Stroke(linewidth=5.5, foreground="black"), patheffects.Normal()]
    for name, path in MANHATTAN_PATHS.items():
        vertices = np.asarray(path, dtype=float)
        length = norms.l1_norm(np.diff(vertices, axis=0))  # Σ over segments of |Δx| + |Δy|
        ax.plot(
            vertices[:, 0],
            vertices[:, 1],
            linewidth=3.5,
            solid_capstyle="round",
            label=f"{name} path: L1 length {length:g}",
            gid=f"path-{name}",
            path_effects=outline if name == "yellow" else None,
            **_MANHATTAN_STYLES[name],
        )
    diagonal = norms.euclidean([0.0, 0.0], [6.0, 6.0])
    ax.plot(
        [0, 6],
        [0, 6],
        color="#44BB99",
        linewidth=4.5,
        gid="diagonal",
        label=f"diagonal: L2 length 6√2 ≈ {diagonal:.2f}",
    )
    ax.plot([0, 6], [0, 6], "o", color="black", markersize=9, zorder=5)
    ax.annotate("(0, 0)", (0, 0), xytext=(-8, -8), textcoords="offset points", ha="right", va="top")
    ax.annotate(
        "(6, 6)", (6, 6), xytext=(-8, 8), textcoords="offset points", ha="right", va="bottom"
    )
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.12)
    ax.set_xticks(range(7))
    ax.set_yticks(range(7))
    ax.set_xlabel("east (blocks)")
    ax.set_ylabel("north (blocks)")
    ax.set_title("Manhattan (L1) vs Euclidean (L2) distance")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    return ax


# ---------------------------------------------------------------- Regularization


def _grid(half_width, n=401):
    return np.linspace(-half_width, half_width, n)


def plot_penalties(ax=None, *, lam=1.0, half_width=2.0):
    r"""Draw the L1 penalty :math:`\lambda|w|` (a V) and the L2 penalty :math:`\tfrac12\lambda w^2`.

    .. math::

        P_1(w) = \lambda |w|, \qquad P_2(w) = \tfrac{1}{2} \lambda w^2

    Both are convex. The V has a kink at :math:`w = 0`, where it has no
    derivative; the U is smooth. Near 0 the L1 penalty is much larger than
    the L2 one, which is why L1 pushes small weights all the way to zero.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    lam : float, default=1.0
        Penalty strength :math:`\lambda \ge 0`.
    half_width : float, default=2.0
        The weights drawn are :math:`w \in [-\text{half\_width}, \text{half\_width}]`.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        If ``lam`` is negative or not a number, ``half_width <= 0``, or ``ax``
        is not an ``Axes``.

    See Also
    --------
    normlib.l1_penalty, normlib.l2_penalty : the values drawn.

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_penalties()
    >>> ax.get_title()
    'Penalty shapes: the V of L1 and the U of L2'
    """
    func = "plot_penalties"
    lam = check_scalar(lam, "lam", func, low=0.0)
    half_width = check_scalar(half_width, "half_width", func, low=0.0, low_inclusive=False)
    ax = _axes(ax, func)
    w = _grid(half_width)
    l1 = np.array([penalties.l1_penalty(wi, lam) for wi in w])
    l2 = np.array([penalties.l2_penalty(wi, lam) for wi in w])
    _axis_cross(ax)
    ax.plot(
        w, l1, linewidth=2.5, markevery=50, label=r"L1: $\lambda|w|$ (V)", gid="l1", **_style(0)
    )
    ax.plot(
        w,
        l2,
        linewidth=2.5,
        markevery=(25, 50),
        label=r"L2: $\frac{1}{2}\lambda w^2$ (U)",
        gid="l2",
        **_style(1),
    )
    ax.annotate(
        "kink at 0:\nno derivative",
        xy=(0.0, 0.02 * lam * half_width),
        xytext=(0.0, 0.55 * lam * half_width),
        ha="center",
        va="bottom",
        arrowprops={"arrowstyle": "->", "color": "black"},
    )
    ax.set_xlabel("weight $w$")
    ax.set_ylabel("penalty")
    ax.set_title("Penalty shapes: the V of L1 and the U of L2")
    ax.legend(loc="upper center")
    return ax


def plot_penalty_gradients(ax=None, *, lam=1.0, half_width=2.0):
    r"""Draw the L1 subgradient :math:`\lambda\,\mathrm{sign}(w)` and the L2 gradient.

    .. math::

        \frac{\partial}{\partial w} \lambda |w| = \lambda\,\mathrm{sign}(w)
        \ (w \ne 0), \qquad
        \frac{\partial}{\partial w} \tfrac12 \lambda w^2 = \lambda w

    The L1 gradient is :math:`\pm\lambda` — a constant *magnitude* whose sign
    follows :math:`w`, not the constant :math:`\lambda` the source writes; at
    :math:`w = 0` the subdifferential is the whole interval
    :math:`[-\lambda, \lambda]` (drawn as a vertical segment; normlib's
    ``l1_subgradient`` returns its element 0). The L2 gradient shrinks with
    :math:`w` ("weight decay").

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    lam : float, default=1.0
        Penalty strength :math:`\lambda \ge 0`.
    half_width : float, default=2.0
        Range of weights drawn.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        As :func:`plot_penalties`.

    See Also
    --------
    normlib.l1_subgradient, normlib.l2_gradient, normlib.l1_subdifferential

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_penalty_gradients(lam=0.5)
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('weight $w$', 'gradient')
    """
    func = "plot_penalty_gradients"
    lam = check_scalar(lam, "lam", func, low=0.0)
    half_width = check_scalar(half_width, "half_width", func, low=0.0, low_inclusive=False)
    ax = _axes(ax, func)
    w = _grid(half_width)
    l1 = penalties.l1_subgradient(w, lam)
    l2 = penalties.l2_gradient(w, lam)
    negative, positive = w < 0, w > 0
    _axis_cross(ax)
    style = _style(0)
    ax.plot(
        w[negative],
        l1[negative],
        linewidth=2.5,
        markevery=50,
        gid="l1-negative",
        label=r"L1: $\lambda\,\mathrm{sign}(w)$",
        **style,
    )
    ax.plot(w[positive], l1[positive], linewidth=2.5, markevery=50, gid="l1-positive", **style)
    lower, upper = convexity.l1_subdifferential(0.0, lam)
    ax.plot(
        [0.0, 0.0],
        [lower, upper],
        color=style["color"],
        linewidth=6,
        alpha=0.35,
        solid_capstyle="butt",
        gid="l1-subdifferential",
        label=r"L1 subdifferential at 0: $[-\lambda, \lambda]$",
    )
    ax.plot(
        w, l2, linewidth=2.5, markevery=(25, 50), gid="l2", label=r"L2: $\lambda w$", **_style(1)
    )
    ax.set_xlabel("weight $w$")
    ax.set_ylabel("gradient")
    ax.set_title(rf"Penalty gradients ($\lambda = {lam:g}$)")
    ax.legend(loc="upper left")
    return ax


def plot_shrinkage(t=1.0, ax=None, *, half_width=3.0):
    r"""Compare soft thresholding (L1) with proportional shrinkage (L2) in one dimension.

    For one coefficient with unpenalized value :math:`z`,

    .. math::

        \arg\min_w \tfrac12 (w - z)^2 + t|w| = \mathrm{sign}(z)\max(|z| - t, 0),
        \qquad
        \arg\min_w \tfrac12 (w - z)^2 + \tfrac12 t w^2 = \frac{z}{1 + t}.

    L1 sets every :math:`|z| \le t` exactly to 0 (shaded) and moves the
    others by :math:`t`; L2 only scales :math:`z` and reaches 0 only at
    :math:`z = 0`. The first curve is :func:`normlib.soft_threshold`; the
    second is the ridge solution of the orthonormal design :math:`X = I`,
    :math:`y = z`, with :math:`\lambda = 2t` (:func:`normlib.ridge`).

    Parameters
    ----------
    t : float, default=1.0
        Threshold :math:`t \ge 0`.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    half_width : float, default=3.0
        The values drawn are :math:`z \in [-\text{half\_width}, \text{half\_width}]`.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        If ``t`` is negative or not a number, ``half_width <= 0``, or ``ax``
        is not an ``Axes``.

    See Also
    --------
    normlib.soft_threshold, normlib.ridge

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_shrinkage(t=1.0)
    >>> ax.get_title()
    'Shrinking one coefficient: L1 vs L2 ($t = 1$)'
    """
    func = "plot_shrinkage"
    t = check_scalar(t, "t", func, low=0.0)
    half_width = check_scalar(half_width, "half_width", func, low=0.0, low_inclusive=False)
    ax = _axes(ax, func, figsize=(5.5, 5.0), layout="compressed")
    z = _grid(half_width, 241)
    soft = penalties.soft_threshold(z, t)
    # ridge on X = I: minimizes ‖z − w‖² + ½(2t)‖w‖², coordinate by coordinate z/(1 + t)
    shrunk = models.ridge(np.eye(len(z)), z, 2.0 * t, fit_intercept=False).coef
    _axis_cross(ax)
    ax.axvspan(-t, t, color="#DDDDDD", zorder=0, label=r"L1 gives exactly 0 ($|z| \leq t$)")
    ax.plot(
        z, z, color=GRAY, linestyle=":", linewidth=1.5, label="no penalty: $w = z$", gid="identity"
    )
    ax.plot(
        z, soft, linewidth=2.5, markevery=30, label="L1: soft threshold", gid="soft", **_style(0)
    )
    ax.plot(
        z,
        shrunk,
        linewidth=2.5,
        markevery=(15, 30),
        label="L2: $z/(1+t)$",
        gid="ridge",
        **_style(1),
    )
    ax.set_aspect("equal")
    ax.set_xlim(-half_width, half_width)
    ax.set_ylim(-half_width, half_width)
    ax.set_xlabel("unpenalized coefficient $z$")
    ax.set_ylabel("penalized coefficient $w$")
    ax.set_title(f"Shrinking one coefficient: L1 vs L2 ($t = {t:g}$)")
    ax.legend(loc="upper left", fontsize="small")
    return ax


# ---------------------------------------------------------------- Sparsity


def plot_constraint_region(X, y, lam, penalty="l1", ax=None, *, n_grid=121):
    r"""Draw SSE contours meeting the L1 diamond (or L2 circle) at the penalized solution.

    For a problem with two features, the penalized solution
    :math:`\hat w` (lasso: :math:`\min \|y - Xw\|_2^2 + \lambda\|w\|_1`;
    ridge: :math:`\min \|y - Xw\|_2^2 + \tfrac12\lambda\|w\|_2^2`, both
    without intercept) is also the solution of the constrained problem

    .. math::

        \min_w \|y - Xw\|_2^2 \quad\text{subject to}\quad \|w\|_q \le \|\hat w\|_q,
        \qquad q = 1 \text{ (L1) or } 2 \text{ (L2)}.

    The figure shades that region (the diamond or the disc of radius
    :math:`\|\hat w\|_q`), draws contour lines of the SSE (including the one
    through :math:`\hat w`, in bold, which touches the region there), and
    marks the unpenalized least-squares solution and :math:`\hat w`. With L1
    the contact is often at a corner, where a coefficient is exactly 0.

    Parameters
    ----------
    X : array_like of shape (n_samples, 2)
        Design matrix with exactly two features.
    y : array_like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    penalty : {'l1', 'l2'}, default='l1'
        Lasso (:func:`normlib.lasso`) or ridge (:func:`normlib.ridge`),
        both with ``fit_intercept=False``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    n_grid : int, default=121
        Grid points per axis for the contours.

    Returns
    -------
    matplotlib.axes.Axes
        The marked points carry the ``gid`` ``"ols"`` and ``"solution"``, the
        region ``"region"``.

    Raises
    ------
    TypeError, ValueError
        If ``X`` does not have two columns, ``X`` and ``y`` do not match,
        ``lam < 0``, ``penalty`` is unknown, or ``ax`` is not an ``Axes``.

    See Also
    --------
    normlib.lasso, normlib.ridge, normlib.sse, normlib.unit_ball

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(50, 2))
    >>> y = X @ np.array([2.0, 0.5]) + 0.1 * rng.normal(size=50)
    >>> ax = plotting.plot_constraint_region(X, y, lam=40.0, penalty="l1")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('$w_1$', '$w_2$')
    """
    func = "plot_constraint_region"
    X, y = check_X_y(X, y, func)
    if X.shape[1] != 2:
        raise ValueError(
            f"The 'X' parameter of {func} must have exactly 2 features (columns) to be "
            f"drawn in the plane; got {X.shape[1]}."
        )
    lam = check_scalar(lam, "lam", func, low=0.0)
    penalty = check_option(penalty, "penalty", func, ("l1", "l2"))
    n_grid = check_scalar(n_grid, "n_grid", func, low=10, integer=True)
    ax = _axes(ax, func, figsize=(6.0, 6.6), layout="compressed")

    if penalty == "l1":
        w_hat = models.lasso(X, y, lam, fit_intercept=False).coef
        radius, p, name = norms.l1_norm(w_hat), 1, "Lasso (L1)"
    else:
        w_hat = models.ridge(X, y, lam, fit_intercept=False).coef
        radius, p, name = norms.l2_norm(w_hat), 2, "Ridge (L2)"
    w_ols = models.ridge(X, y, 0.0, fit_intercept=False).coef  # λ = 0: least squares

    # Square limits around the origin, the whole region, both solutions and the
    # reflection 2·w_ols − ŵ of ŵ through the centre (on the same contour), plus a margin.
    reflected = 2.0 * w_ols - w_hat
    corners = np.array([[0.0, 0.0], w_hat, w_ols, reflected, [radius, radius], [-radius, -radius]])
    centre = (corners.min(axis=0) + corners.max(axis=0)) / 2.0
    half = 0.6 * max(float(np.max(corners.max(axis=0) - corners.min(axis=0))), 1e-3)
    low, high = centre - half, centre + half

    w1, w2 = np.linspace(low[0], high[0], n_grid), np.linspace(low[1], high[1], n_grid)
    grid = np.array([[penalties.sse(X, y, np.array([a, b])) for a in w1] for b in w2])
    sse_min = penalties.sse(X, y, w_ols)
    sse_hat = penalties.sse(X, y, w_hat)
    step = sse_hat - sse_min
    if step <= 1e-12 * max(sse_min, 1.0):  # λ = 0: ŵ is the least-squares solution
        step = (grid.max() - sse_min) / 16.0
    # SSE − min is a quadratic form: levels min + c²·step are evenly spaced ellipses.
    levels = sse_min + step * np.array([0.25, 1.0, 2.25, 4.0, 6.25])
    ax.contour(w1, w2, grid, levels=levels, colors=GRAY, linewidths=1.0, linestyles="-")
    ax.contour(w1, w2, grid, levels=[sse_hat], colors="black", linewidths=2.2)

    boundary = radius * norms.unit_ball(p)
    ax.fill(
        boundary[:, 0],
        boundary[:, 1],
        facecolor="#56B4E9",
        alpha=0.45,
        edgecolor="#0072B2",
        linewidth=2,
        gid="region",
        hatch="//" if p == 1 else "..",
    )
    _axis_cross(ax)
    ax.plot(
        *w_ols,
        marker="X",
        markersize=11,
        color="#D55E00",
        linestyle="none",
        markeredgecolor="black",
        gid="ols",
        zorder=5,
    )
    ax.plot(
        *w_hat,
        marker="o",
        markersize=10,
        color="white",
        linestyle="none",
        markeredgecolor="black",
        markeredgewidth=2.0,
        gid="solution",
        zorder=6,
    )

    region_label = r"$\|w\|_1 \leq \|\hat w\|_1$" if p == 1 else r"$\|w\|_2 \leq \|\hat w\|_2$"
    handles = [
        Patch(
            facecolor="#56B4E9",
            alpha=0.45,
            edgecolor="#0072B2",
            hatch="//" if p == 1 else "..",
            label=region_label,
        ),
        Line2D([], [], color=GRAY, linewidth=1.0, label="SSE contours"),
        Line2D([], [], color="black", linewidth=2.2, label=r"SSE contour through $\hat w$"),
        Line2D(
            [],
            [],
            marker="X",
            markersize=10,
            color="#D55E00",
            markeredgecolor="black",
            linestyle="none",
            label="least squares (λ = 0)",
        ),
        Line2D(
            [],
            [],
            marker="o",
            markersize=9,
            color="white",
            markeredgecolor="black",
            markeredgewidth=2.0,
            linestyle="none",
            label=rf"{name} $\hat w$ = ({w_hat[0]:.2f}, {w_hat[1]:.2f})",
        ),
    ]
    ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize="small"
    )
    ax.set_xlim(low[0], high[0])
    ax.set_ylim(low[1], high[1])
    ax.set_aspect("equal")  # square limits in a square box: the contour grid fills it
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.set_title(rf"{name}, $\lambda = {lam:g}$: contours meet the region")
    return ax


def _lambda_axis(ax, lams):
    """Log scale when every λ > 0 (else linear); decreasing λ to the right."""
    if np.all(lams > 0):
        ax.set_xscale("log")
        ax.set_xlabel(r"$\lambda$ (log scale, decreasing to the right)")
    else:
        ax.set_xlabel(r"$\lambda$ (decreasing to the right)")
    left, right = float(lams.max()), float(lams.min())
    if left == right:
        left, right = left * 1.1 + 1e-12, right / 1.1 if right > 0 else right - 1.0
    ax.set_xlim(left, right)


def plot_coef_path(lams, coefs, ax=None, feature_names=None):
    r"""Draw a regularization path: each coefficient as a function of :math:`\lambda`.

    Line :math:`j` joins the points :math:`(\lambda_k, w_j(\lambda_k))`, for
    example the output of :func:`normlib.lasso_path` or
    :func:`normlib.ridge_path`. The :math:`\lambda` axis is logarithmic
    (when every :math:`\lambda > 0`; linear otherwise, since 0 has no
    logarithm) and decreasing to the right, so that the model grows from
    all-zero (strong penalty, left) to least squares (right).

    Parameters
    ----------
    lams : array_like of shape (n_lams,)
        Penalty strengths, ``>= 0``, in any order.
    coefs : array_like of shape (n_lams, n_features)
        ``coefs[k]`` is the coefficient vector at ``lams[k]``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    feature_names : sequence of str, optional
        Legend labels, one per feature; ``w_1, w_2, ...`` by default.

    Returns
    -------
    matplotlib.axes.Axes
        One line per feature, in order (``ax.get_lines()`` after the zero line).

    Raises
    ------
    TypeError, ValueError
        If the shapes do not match, a value is not finite, a ``lam`` is
        negative, ``feature_names`` has the wrong length, or ``ax`` is not an
        ``Axes``.

    See Also
    --------
    normlib.lasso_path, normlib.ridge_path
    sklearn.linear_model.lasso_path : the same path with ``alpha = lam / (2 n)``.

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> lams = np.geomspace(10, 0.1, 5)
    >>> coefs = np.column_stack([np.linspace(0, 2, 5), np.linspace(0, -1, 5)])
    >>> ax = plotting.plot_coef_path(lams, coefs, feature_names=["age", "bmi"])
    >>> ax.get_legend_handles_labels()[1]
    ['age', 'bmi']
    """
    func = "plot_coef_path"
    lams = check_array(lams, "lams", func, ndim=1)
    coefs = check_array(coefs, "coefs", func, ndim=2)
    if coefs.shape[0] != lams.shape[0]:
        raise ValueError(
            f"The 'coefs' parameter of {func} must have one row per lambda; got "
            f"{coefs.shape[0]} rows for {lams.shape[0]} values of lams."
        )
    if np.any(lams < 0):
        raise ValueError(f"The 'lams' parameter of {func} must hold values >= 0; got a negative.")
    n_features = coefs.shape[1]
    if feature_names is None:
        feature_names = [f"$w_{{{j + 1}}}$" for j in range(n_features)]
    elif isinstance(feature_names, str) or len(feature_names) != n_features:
        raise ValueError(
            f"The 'feature_names' parameter of {func} must be a sequence of "
            f"{n_features} names, one per column of coefs; got {feature_names!r}."
        )
    ax = _axes(ax, func, figsize=(7.0, 4.5))
    ax.axhline(0.0, color=GRAY, linewidth=0.8, zorder=0)
    order = np.argsort(lams)[::-1]  # draw from large to small λ
    step = max(1, len(lams) // 8)
    for j in range(n_features):
        ax.plot(
            lams[order],
            coefs[order, j],
            linewidth=2,
            markersize=5,
            markevery=(j % step, step),
            label=str(feature_names[j]),
            **_style(j),
        )
    _lambda_axis(ax, lams)
    ax.set_ylabel("coefficient")
    ax.set_title("Coefficient path")
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
        fontsize="small",
        ncol=1 if n_features <= 12 else 2,
    )
    return ax


def plot_cv_curve(cv_result, ax=None):
    r"""Draw the K-fold cross-validation error against :math:`\lambda`.

    Plots the mean over folds of the test mean squared error, a band of
    :math:`\pm` one standard error (:math:`\mathrm{std}/\sqrt{k}`), the best
    :math:`\lambda` (smallest mean error) and the largest :math:`\lambda`
    within one standard error of it (the "one-standard-error rule"). The
    :math:`\lambda` axis is as in :func:`plot_coef_path`.

    Parameters
    ----------
    cv_result : CVResult
        The result of :func:`normlib.cross_validate` (any object with
        ``lams``, ``mean_error``, ``std_error``, ``best_lam`` and, optionally,
        ``lam_1se``).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``cv_result`` lacks one of the attributes, or ``ax`` is not an ``Axes``.
    ValueError
        If its arrays do not match in length or are not finite.

    See Also
    --------
    normlib.cross_validate
    sklearn.linear_model.LassoCV : stores the same curve as ``mse_path_``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> import numpy as np
    >>> from normlib import plotting
    >>> cv = SimpleNamespace(lams=np.array([10.0, 1.0, 0.1]),
    ...                      mean_error=np.array([3.0, 1.0, 1.5]),
    ...                      std_error=np.array([0.3, 0.2, 0.2]),
    ...                      best_lam=1.0, lam_1se=1.0)
    >>> ax = plotting.plot_cv_curve(cv)
    >>> ax.get_ylabel()
    'mean test MSE ± 1 standard error'
    """
    func = "plot_cv_curve"
    missing = [
        name
        for name in ("lams", "mean_error", "std_error", "best_lam")
        if not hasattr(cv_result, name)
    ]
    if missing:
        raise TypeError(
            f"The 'cv_result' parameter of {func} must be a CVResult (from "
            f"normlib.cross_validate); got {type(cv_result).__name__} without "
            f"{', '.join(missing)}."
        )
    lams = check_array(cv_result.lams, "cv_result.lams", func, ndim=1)
    mean = check_array(cv_result.mean_error, "cv_result.mean_error", func, ndim=1)
    se = check_array(cv_result.std_error, "cv_result.std_error", func, ndim=1)
    if not lams.shape == mean.shape == se.shape:
        raise ValueError(
            f"The 'cv_result' parameter of {func} must have lams, mean_error and "
            f"std_error of the same length; got {len(lams)}, {len(mean)} and {len(se)}."
        )
    best = check_scalar(cv_result.best_lam, "cv_result.best_lam", func, low=0.0)
    ax = _axes(ax, func)
    order = np.argsort(lams)[::-1]
    lams, mean, se = lams[order], mean[order], se[order]
    ax.fill_between(
        lams,
        mean - se,
        mean + se,
        color="#56B4E9",
        alpha=0.35,
        linewidth=0,
        label="± 1 standard error",
    )
    ax.plot(
        lams,
        mean,
        markersize=5,
        linewidth=2,
        label="mean CV error",
        markevery=max(1, len(lams) // 10),
        gid="mean",
        **_style(0),
    )
    best_error = float(mean[np.argmin(np.abs(lams - best))])
    ax.axvline(
        best, color="#D55E00", linestyle="--", linewidth=1.5, label=rf"best $\lambda$ = {best:.3g}"
    )
    ax.plot(
        [best],
        [best_error],
        marker="D",
        color="#D55E00",
        markersize=9,
        markeredgecolor="black",
        linestyle="none",
        gid="best",
        zorder=5,
    )
    lam_1se = getattr(cv_result, "lam_1se", None)
    if lam_1se is not None:
        lam_1se = check_scalar(lam_1se, "cv_result.lam_1se", func, low=0.0)
        ax.axvline(
            lam_1se,
            color="black",
            linestyle=":",
            linewidth=1.5,
            label=rf"largest $\lambda$ within 1 s.e. = {lam_1se:.3g}",
        )
    _lambda_axis(ax, lams)
    ax.set_ylabel("mean test MSE ± 1 standard error")
    ax.set_title("Choosing λ by K-fold cross-validation")
    ax.legend(loc="best", fontsize="small")
    return ax


# ---------------------------------------------------------------- Convexity


def plot_jensen(f, x, y, ax=None, *, t=0.5, n=301):
    r"""Draw a scalar function, the chord between two of its points, and the Jensen gap.

    .. math::

        f\bigl(t x + (1 - t) y\bigr) \le t f(x) + (1 - t) f(y)

    The chord between :math:`(x, f(x))` and :math:`(y, f(y))` is drawn
    straight; where it lies above the graph the area between them is
    shaded, where it lies *below* (a violation of Jensen's inequality, so
    :math:`f` is not convex) it is hatched. The gap at weight ``t`` is
    computed with :func:`normlib.jensen_gap` and shown as a vertical segment.

    Parameters
    ----------
    f : callable
        Function of one float returning one real number.
    x, y : float
        End points of the chord.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    t : float, default=0.5
        Weight of ``x`` at which the gap is shown, in [0, 1].
    n : int, default=301
        Points on the graph of ``f``.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``f`` is not callable, or ``x``, ``y``, ``t`` are not numbers.
    ValueError
        If ``x == y``, a value is not finite, ``t`` is outside [0, 1], or
        ``f`` does not return finite real numbers.

    See Also
    --------
    normlib.jensen_gap, normlib.is_convex

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> ax = plotting.plot_jensen(np.sin, 0.5, 5.5)
    >>> ax.get_title()
    'Jensen gap at $t = 0.5$: -0.254 < 0: $f$ is not convex'
    >>> plotting.plot_jensen(np.square, -1.0, 2.0).get_title()  # 0.25 * 3**2
    'Jensen gap at $t = 0.5$: 2.25 $\\geq$ 0'
    """
    func = "plot_jensen"
    convexity._check_callable(f, func)
    x = check_scalar(x, "x", func)
    y = check_scalar(y, "y", func)
    if x == y:
        raise ValueError(f"The 'x' and 'y' parameters of {func} must differ; got {x} twice.")
    t = check_scalar(t, "t", func, low=0.0, high=1.0)
    n = check_scalar(n, "n", func, low=3, integer=True)
    ax = _axes(ax, func)
    a, b = min(x, y), max(x, y)
    pad = 0.25 * (b - a)
    grid = np.linspace(a - pad, b + pad, n)
    values = np.array([convexity._as_scalar(f(v), func, v) for v in grid])
    inside = np.linspace(a, b, n)
    f_inside = np.array([convexity._as_scalar(f(v), func, v) for v in inside])
    # the chord is the straight line from (a, f(a)) to (b, f(b)), read off at `inside`
    chord = np.interp(inside, [a, b], [f_inside[0], f_inside[-1]])
    above = chord >= f_inside
    ax.fill_between(
        inside,
        f_inside,
        chord,
        where=above,
        interpolate=True,
        color="#56B4E9",
        alpha=0.4,
        linewidth=0,
        label="chord above graph",
    )
    if not above.all():
        ax.fill_between(
            inside,
            f_inside,
            chord,
            where=~above,
            interpolate=True,
            facecolor="none",
            edgecolor="#D55E00",
            hatch="xx",
            linewidth=0,
            label="chord below graph: violates Jensen",
        )
    ax.plot(grid, values, linewidth=2.5, label="$f$", gid="graph", color="black")
    ax.plot(
        [a, b],
        [f_inside[0], f_inside[-1]],
        linewidth=2,
        gid="chord",
        label="chord",
        color="#0072B2",
        linestyle="--",
        marker="o",
        markersize=8,
    )
    gap = convexity.jensen_gap(f, x, y, t)
    z = t * x + (1.0 - t) * y  # the point with weight t on x, where the gap is measured
    fz = convexity._as_scalar(f(z), func, z)
    ax.plot(
        [z, z],
        [fz, fz + gap],
        color="#009E73",
        marker="_",
        markersize=14,
        markeredgewidth=2.5,
        markeredgecolor="black",
        linewidth=4,
        gid="gap",
        solid_capstyle="butt",
        label=f"gap at $t = {t:g}$: {gap:.3g}",
    )
    for value, name in ((x, "x"), (y, "y")):
        ax.annotate(
            f"${name}$",
            (value, 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 4),
            textcoords="offset points",
            ha="center",
        )
    # same rounding tolerance as find_jensen_violation
    negative = gap < -1e-10 * max(1.0, abs(fz), float(np.abs(f_inside[[0, -1]]).max()))
    verdict = " < 0: $f$ is not convex" if negative else r" $\geq$ 0"
    ax.set_xlabel("$x$")
    ax.set_ylabel("$f(x)$")
    ax.set_title(f"Jensen gap at $t = {t:g}$: {gap:.3g}{verdict}")
    ax.legend(loc="best", fontsize="small")
    return ax


# ----------------------------------------------------------------------------
# Interactive figures for the static book: frames and a slider, no kernel needed.
# ----------------------------------------------------------------------------

_SLIDER_SCRIPT = """
(function () {
  var root = document.getElementById("%(id)s");
  var data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
  var input = root.querySelector("input[type=range]");
  var image = root.querySelector("img");
  var value = root.querySelector("output");
  var readout = root.querySelector(".normlib-slider-readout");
  function show(i) {
    image.src = "data:image/png;base64," + data.frames[i];
    value.textContent = data.labels[i];
    readout.textContent = data.readouts[i];
  }
  input.addEventListener("input", function () { show(Number(input.value)); });
  show(Number(input.value));
})();
"""


class SliderFigure:
    """A figure drawn for several parameter values, shown with a slider.

    The frames are PNG images embedded in the page together with a few lines
    of plain JavaScript, so the figure works in static HTML (the book), with
    no kernel and no network; Jupyter shows it too. Create it with
    :func:`slider_figure`.

    Attributes
    ----------
    values : ndarray
        The parameter value of each frame.
    readouts : list of str
        The text shown under each frame (e.g. the current coefficients).
    """

    _count = 0  # numbers the figures of a session, so that element ids are unique

    def __init__(self, frames, values, labels, readouts, label, alt):
        SliderFigure._count += 1
        self.id = f"normlib-slider-{SliderFigure._count}"
        self.frames = list(frames)
        self.values = np.asarray(values, dtype=float)
        self.labels = list(labels)
        self.readouts = list(readouts)
        self.label = label
        self.alt = alt

    def __repr__(self):
        return (
            f"SliderFigure({len(self.frames)} frames, {self.label} from "
            f"{self.labels[0]} to {self.labels[-1]})"
        )

    def _repr_html_(self):
        data = json.dumps(
            {"frames": self.frames, "labels": self.labels, "readouts": self.readouts}
        )
        start = len(self.frames) // 2
        return (
            f'<div class="normlib-slider" id="{self.id}">'
            f'<img alt="{html.escape(self.alt)}" style="max-width:100%;background:white" '
            f'src="data:image/png;base64,{self.frames[start]}">'
            f'<div><label for="{self.id}-input">{html.escape(self.label)} = '
            f"<output>{html.escape(self.labels[start])}</output></label><br>"
            f'<input type="range" id="{self.id}-input" min="0" '
            f'max="{len(self.frames) - 1}" step="1" value="{start}" style="width:100%"></div>'
            f'<pre class="normlib-slider-readout">{html.escape(self.readouts[start])}</pre>'
            f'<script type="application/json">{data}</script>'
            f"<script>{_SLIDER_SCRIPT % {'id': self.id}}</script>"
            "</div>"
        )


def _png_frame(fig, dpi):
    """The figure as a base64 PNG with a 64-colour palette (about 4x smaller)."""
    from PIL import Image  # Pillow comes with matplotlib

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    image = Image.open(buffer).convert("RGB").quantize(colors=64)
    buffer = io.BytesIO()
    image.save(buffer, format="png", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def slider_figure(
    draw,
    values,
    *,
    label="λ",
    alt,
    fmt="{:.3g}",
    ncols=1,
    figsize=(6.0, 4.0),
    dpi=72,
    layout="constrained",
):
    r"""Draw a figure for each value and return it with a slider, for static HTML.

    Parameters
    ----------
    draw : callable
        ``draw(value, ax)`` draws the figure for one value on ``ax`` (an array of
        ``ncols`` Axes when ``ncols > 1``) and returns the text to show under it
        (e.g. the coefficients), or None.
    values : array_like of shape (n_frames,)
        The parameter values, in slider order.
    label : str, default="λ"
        Name of the parameter, shown next to the slider.
    alt : str
        Alt text of the figure, for readers who cannot see it.
    fmt : str, default="{:.3g}"
        Format of the value shown next to the slider.
    ncols : int, default=1
        Number of panels side by side in each frame.
    figsize : tuple of float, default=(6.0, 4.0)
        Size of each frame in inches.
    layout : {"constrained", "compressed", None}, default="constrained"
        matplotlib layout engine of each frame; ``None`` (with ``draw`` calling
        ``fig.subplots_adjust``) renders about twice as fast.
    dpi : int, default=72
        Resolution of each frame. Frames are stored with a 64-colour palette;
        at the default a 6 x 4 inch frame takes about 10-20 kB.

    Returns
    -------
    SliderFigure
        Displays as the figure with a slider in Jupyter and in the built book.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> def draw(t, ax):
    ...     z = np.linspace(-3, 3, 61)
    ...     ax.plot(z, nl.soft_threshold(z, t))
    ...     return f"S(2) = {nl.soft_threshold(2.0, t):.2f}"
    >>> fig = nl.plotting.slider_figure(draw, [0.5, 1.0, 1.5], label="t", alt="soft thresholding")
    >>> fig.readouts
    ['S(2) = 1.50', 'S(2) = 1.00', 'S(2) = 0.50']
    """
    values = check_array(values, "values", "slider_figure", ndim=1)
    ncols = check_scalar(ncols, "ncols", "slider_figure", low=1, integer=True)
    check_option(layout, "layout", "slider_figure", ("constrained", "compressed", None))
    if not callable(draw):
        raise TypeError("The 'draw' parameter of slider_figure must be a callable (value, ax).")
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("The 'alt' parameter of slider_figure must be a non-empty description.")
    frames, readouts = [], []
    for value in values:
        fig, ax = plt.subplots(1, ncols, figsize=figsize, layout=layout)
        text = draw(float(value), ax)
        frames.append(_png_frame(fig, dpi))
        plt.close(fig)
        readouts.append("" if text is None else str(text))
    labels = [fmt.format(value) for value in values]
    return SliderFigure(frames, values, labels, readouts, label, alt)
