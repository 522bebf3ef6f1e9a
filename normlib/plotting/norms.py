"""Figures of the chapter *Norms*: unit balls, Manhattan vs Euclidean distance."""

import numpy as np
from matplotlib import patheffects

from .. import norms
from .._validation import check_scalar
from ._style import _axes, _axis_cross, _p_label, _style

__all__ = ["MANHATTAN_PATHS", "plot_manhattan_vs_euclidean", "plot_unit_balls"]


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
