"""Figures of the chapter *Convexity*: Jensen's inequality, solvers' coefficient histories."""

import numpy as np

from .. import convexity
from .._validation import check_array, check_bool, check_scalar
from ._style import GRAY, _axes, _style

__all__ = ["plot_coef_history", "plot_jensen"]


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


def plot_coef_history(coef_history, ax=None, *, features=None, absolute=False, labels=None):
    r"""Draw how a solver's coefficients evolve, one line per coefficient.

    Line :math:`j` joins the points :math:`(k, w_j^{(k)})` for the iterations
    :math:`k = 1, \dots, K`, for example ``fit.coef_history`` of
    :func:`normlib.lasso` called with ``record_coefs=True``. With more than
    10 iterations the iteration axis is logarithmic. With ``absolute=True``
    the lines show :math:`|w_j^{(k)}|` on a symmetric logarithmic axis that
    is linear below :math:`10^{-6}`, so that a coefficient that is *exactly*
    0 sits on the bottom line and one that only hovers near 0 stays visibly
    above it.

    Parameters
    ----------
    coef_history : array_like of shape (n_iter, n_features)
        ``coef_history[k]`` is the coefficient vector after iteration ``k + 1``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    features : sequence of int, optional
        The columns to draw; all by default. Each keeps the colour and line
        style of its column index, so that two panels match.
    absolute : bool, default=False
        Draw :math:`|w_j|` on a symmetric log axis instead of :math:`w_j`.
    labels : sequence of str, optional
        Legend labels, one per column of ``coef_history``; ``w_1, w_2, ...``
        by default.

    Returns
    -------
    matplotlib.axes.Axes
        One line per drawn feature, in the order of ``features``.

    Raises
    ------
    TypeError
        If ``ax`` is not an ``Axes``.
    ValueError
        If ``coef_history`` is not a finite 2-D array, a feature index is out
        of range, or ``labels`` has the wrong length.

    See Also
    --------
    normlib.lasso : ``record_coefs=True`` stores the history.
    plot_coef_path : coefficients as functions of :math:`\lambda` instead.

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> history = np.array([[1.0, 0.5], [1.5, 0.1], [1.6, 0.0]])
    >>> ax = plotting.plot_coef_history(history, labels=["a", "b"])
    >>> [line.get_label() for line in ax.get_lines()[1:]]
    ['a', 'b']
    """
    func = "plot_coef_history"
    history = check_array(coef_history, "coef_history", func, ndim=2)
    absolute = check_bool(absolute, "absolute", func)
    n_iter, n_features = history.shape
    if features is None:
        features = range(n_features)
    features = [int(j) for j in features]
    if any(not 0 <= j < n_features for j in features):
        raise ValueError(
            f"The 'features' parameter of {func} must hold column indices in "
            f"[0, {n_features - 1}]; got {features!r}."
        )
    if labels is None:
        labels = [f"$w_{{{j + 1}}}$" for j in range(n_features)]
    elif isinstance(labels, str) or len(labels) != n_features:
        raise ValueError(
            f"The 'labels' parameter of {func} must be a sequence of {n_features} "
            f"labels, one per column of coef_history; got {labels!r}."
        )
    ax = _axes(ax, func)
    ax.axhline(0.0, color=GRAY, linewidth=0.8, zorder=0)
    steps = np.arange(1, n_iter + 1)
    values = np.abs(history) if absolute else history
    for j in features:
        ax.plot(steps, values[:, j], linewidth=1.6, markersize=4,
                markevery=max(1, n_iter // 8), label=str(labels[j]), **_style(j))
    if n_iter > 10:
        ax.set_xscale("log")
        ax.set_xlabel("iteration (log scale)")
    else:
        ax.set_xticks(steps)
        ax.set_xlabel("iteration")
    if absolute:
        ax.set_yscale("symlog", linthresh=1e-6)
        ax.set_ylim(-1e-7, 1)
        ax.set_ylabel("$|w_j|$ (symmetric log scale; 0 at the bottom)")
    else:
        ax.set_ylabel("coefficient")
    ax.set_title("Coefficients after each iteration")
    ax.legend(fontsize="small")
    return ax
