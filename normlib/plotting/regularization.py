"""Figures of the chapter *Regularization*: penalties, their (sub)gradients, shrinkage."""

import numpy as np

from .. import convexity, models, penalties
from .._validation import check_scalar
from ._style import GRAY, _axes, _axis_cross, _style

__all__ = ["plot_penalties", "plot_penalty_gradients", "plot_shrinkage"]


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
