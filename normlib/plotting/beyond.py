"""Figures of the chapter *L1 and L2 beyond least squares*.

Coefficient paths with many features (a few labelled, the others gray, or
coloured by group), early stopping against the ridge path, and the dual norm
of a vector drawn on a unit ball.
"""

import numpy as np

from .. import norms
from .._validation import check_array, check_scalar
from ._style import COLORS, GRAY, LINESTYLES, _axes, _style
from .sparsity import _lambda_axis

__all__ = ["plot_dual_norm", "plot_early_stopping", "plot_sparse_path"]


def _check_path(lams, coefs, func):
    lams = check_array(lams, "lams", func, ndim=1)
    coefs = check_array(coefs, "coefs", func, ndim=2)
    if coefs.shape[0] != lams.shape[0]:
        raise ValueError(
            f"The 'coefs' parameter of {func} must have one row per lambda; got "
            f"{coefs.shape[0]} rows for {lams.shape[0]} values of lams."
        )
    if np.any(lams <= 0):
        raise ValueError(f"The 'lams' parameter of {func} must hold values > 0.")
    return lams, coefs


def plot_sparse_path(lams, coefs, ax=None, *, feature_names=None, n_labels=4, groups=None):
    r"""Draw a coefficient path with many features: a few labelled, the rest in gray.

    Line :math:`j` joins :math:`(\lambda_k, w_j(\lambda_k))`; the
    :math:`\lambda` axis is logarithmic and decreasing to the right, as in
    :func:`plot_coef_path`. With 30 features a legend of 30 entries is
    unreadable, so only the ``n_labels`` features with the largest
    :math:`|w_j|` at the smallest :math:`\lambda` get a colour, a line style
    and a legend entry; the others are thin gray lines. With ``groups``,
    every line is instead coloured by its group (one legend entry per group),
    which shows whether a group enters the model all at once. The title
    counts the nonzero coefficients at both ends of the path.

    Parameters
    ----------
    lams : array_like of shape (n_lams,)
        Penalty strengths, ``> 0``.
    coefs : array_like of shape (n_lams, n_features)
        ``coefs[k]`` is the coefficient vector at ``lams[k]``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    feature_names : sequence of str, optional
        One name per feature (for the legend); ``w_1, w_2, ...`` by default.
    n_labels : int, default=4
        How many features to highlight (ignored with ``groups``).
    groups : sequence of str, optional
        One group name per feature; lines of a group share colour and style.

    Returns
    -------
    matplotlib.axes.Axes
        The coefficient lines are ``ax.get_lines()[1:]`` in feature order
        (the first line is the zero line).

    Raises
    ------
    TypeError, ValueError
        If the shapes do not match, a ``lam`` is not positive, a name list
        has the wrong length, ``n_labels`` < 0, or ``ax`` is not an Axes.

    See Also
    --------
    plot_coef_path : every feature in the legend (for up to about 12).
    normlib.logistic_regression, normlib.group_lasso

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> lams = np.geomspace(10, 0.1, 4)
    >>> coefs = np.outer([0.0, 0.5, 1.0, 1.5], [3.0, -2.0, 0.1])
    >>> ax = plotting.plot_sparse_path(lams, coefs, n_labels=2)
    >>> ax.get_legend_handles_labels()[1]
    ['$w_{1}$', '$w_{2}$']
    """
    func = "plot_sparse_path"
    lams, coefs = _check_path(lams, coefs, func)
    n_features = coefs.shape[1]
    n_labels = check_scalar(n_labels, "n_labels", func, low=0, integer=True)
    names = [f"$w_{{{j + 1}}}$" for j in range(n_features)]
    if feature_names is not None:
        if isinstance(feature_names, str) or len(feature_names) != n_features:
            raise ValueError(
                f"The 'feature_names' parameter of {func} must be a sequence of "
                f"{n_features} names; got {feature_names!r}."
            )
        names = [str(name) for name in feature_names]
    if groups is not None and (isinstance(groups, str) or len(groups) != n_features):
        raise ValueError(
            f"The 'groups' parameter of {func} must be a sequence of {n_features} "
            f"group names; got {groups!r}."
        )
    ax = _axes(ax, func, figsize=(7.0, 4.5))
    ax.axhline(0.0, color=GRAY, linewidth=0.8, zorder=0)
    order = np.argsort(lams)[::-1]
    last = coefs[order[-1]]
    highlighted = set(np.argsort(-np.abs(last), kind="stable")[:n_labels].tolist())
    group_names = list(dict.fromkeys(groups)) if groups is not None else []
    labelled = set()
    for j in range(n_features):
        if groups is not None:
            k = group_names.index(groups[j])
            label = None if groups[j] in labelled else str(groups[j])
            labelled.add(groups[j])
            style = {"color": COLORS[k % len(COLORS)],
                     "linestyle": LINESTYLES[k % len(LINESTYLES)]}
            ax.plot(lams[order], coefs[order, j], linewidth=2, label=label, **style)
        elif j in highlighted:
            rank = sorted(highlighted).index(j)
            ax.plot(lams[order], coefs[order, j], linewidth=2.2, markersize=5,
                    markevery=max(1, len(lams) // 6), label=names[j], **_style(rank))
        else:
            ax.plot(lams[order], coefs[order, j], color="#BBBBBB", linewidth=0.9)
    _lambda_axis(ax, lams)
    ax.set_ylabel("coefficient")
    nonzero_first = int(norms.l0_count(coefs[order[0]]))
    nonzero_last = int(norms.l0_count(last))
    ax.set_title(f"{nonzero_first} to {nonzero_last} nonzero coefficients")
    if ax.get_legend_handles_labels()[1]:
        ax.legend(loc="best", fontsize="small")
    return ax


def plot_early_stopping(gd_path, ridge_coefs, ax=None, *, feature_names=None):
    r"""Draw gradient-descent iterates and the ridge path against the size of the weights.

    Early stopping and ridge are two ways of travelling from :math:`w = 0`
    to the least-squares solution: gradient descent on the SSE by its steps
    :math:`t`, ridge by decreasing :math:`\lambda`. To compare the two roads
    without first matching :math:`t` to :math:`\lambda`, each coefficient is
    drawn against :math:`\|w\|_2` of its own vector (computed with
    :func:`normlib.l2_norm`): solid lines for the iterates, dashed lines in
    the same colour for the ridge solutions. Where the two families of lines
    coincide, early stopping visits the ridge solutions.

    Parameters
    ----------
    gd_path : array_like of shape (n_steps, n_features)
        Iterates of gradient descent (e.g. from :func:`normlib.gradient_descent`).
    ridge_coefs : array_like of shape (n_lams, n_features)
        Ridge coefficients (e.g. from :func:`normlib.ridge_path`).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    feature_names : sequence of str, optional
        Names for the legend (one per feature); only the solid lines are labelled.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.get_lines()[1:]`` alternate: iterate line, ridge line, per feature.

    Raises
    ------
    TypeError, ValueError
        If the arrays are not 2-D, their numbers of features differ, a
        name list has the wrong length, or ``ax`` is not an Axes.

    See Also
    --------
    normlib.early_stopping_lambda, normlib.gradient_descent, normlib.ridge_path

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_early_stopping([[0.0], [0.9]], [[0.4], [0.9]])
    >>> len(ax.get_lines())
    3
    """
    func = "plot_early_stopping"
    gd_path = check_array(gd_path, "gd_path", func, ndim=2)
    ridge_coefs = check_array(ridge_coefs, "ridge_coefs", func, ndim=2)
    if gd_path.shape[1] != ridge_coefs.shape[1]:
        raise ValueError(
            f"The 'gd_path' and 'ridge_coefs' parameters of {func} must have the same "
            f"number of features; got {gd_path.shape[1]} and {ridge_coefs.shape[1]}."
        )
    n_features = gd_path.shape[1]
    names = [f"$w_{{{j + 1}}}$" for j in range(n_features)]
    if feature_names is not None:
        if isinstance(feature_names, str) or len(feature_names) != n_features:
            raise ValueError(
                f"The 'feature_names' parameter of {func} must be a sequence of "
                f"{n_features} names; got {feature_names!r}."
            )
        names = [str(name) for name in feature_names]
    ax = _axes(ax, func, figsize=(7.0, 4.5))
    ax.axhline(0.0, color=GRAY, linewidth=0.8, zorder=0)
    size_gd = norms.l2_norm(gd_path, axis=1)
    size_ridge = norms.l2_norm(ridge_coefs, axis=1)
    for j in range(n_features):
        style = _style(j)
        ax.plot(size_gd, gd_path[:, j], color=style["color"], linestyle=style["linestyle"],
                linewidth=2.2, label=names[j])
        ax.plot(size_ridge, ridge_coefs[:, j], color="black", linewidth=0.9,
                linestyle=(0, (3, 3)))
    ax.set_xlabel(r"$\|w\|_2$ of the whole weight vector")
    ax.set_ylabel("coefficient")
    ax.set_title("colour: gradient descent, step by step;\n"
                 "dashed black: ridge, λ decreasing", fontsize="medium")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0,
              fontsize="small")
    return ax


def plot_dual_norm(x, p, ax=None, *, n=2000):
    r"""Draw the dual norm of a 2-D vector: the unit ball, :math:`x`, and the best :math:`u`.

    .. math::

        \|x\|_{p,*} = \max_{\|u\|_p \le 1} u^\top x

    The boundary of the p-norm unit ball (:func:`normlib.unit_ball`) is
    drawn with the vector :math:`x`; the boundary point :math:`u^\star` with
    the largest :math:`u^\top x` is found by checking all ``n`` boundary
    points, and the line :math:`u^\top x = \|x\|_{p,*}` (a level line of
    :math:`u \mapsto u^\top x`) touches the ball there. For :math:`p = 1`
    the touching point is a corner (the largest entry of :math:`x` wins:
    the L∞ norm); for :math:`p = \infty`, a corner whose signs are those of
    :math:`x` (the L1 norm). The title gives the best boundary value, which
    :func:`normlib.dual_norm` computes exactly.

    Parameters
    ----------
    x : array_like of shape (2,)
        A nonzero vector.
    p : float
        The norm's order, ``p >= 1`` or ``np.inf``.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    n : int, default=2000
        Points on the boundary of the ball.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        If ``x`` is not a nonzero 2-vector, ``p`` < 1, ``n`` < 8, or ``ax``
        is not an Axes.

    See Also
    --------
    normlib.dual_norm, normlib.unit_ball

    Examples
    --------
    >>> from normlib import plotting
    >>> plotting.plot_dual_norm([1.0, 0.5], 1).get_title()
    '$p = 1$: max of $u^\\top x$ on the ball = 1.000 = $\\|x\\|_{\\infty}$'
    """
    func = "plot_dual_norm"
    x = check_array(x, "x", func, ndim=1)
    if x.size != 2 or not np.any(x != 0):
        raise ValueError(f"The 'x' parameter of {func} must be a nonzero 2-vector; got {x!r}.")
    p = check_scalar(p, "p", func, low=1.0, allow_inf=True)
    n = check_scalar(n, "n", func, low=8, integer=True)
    ax = _axes(ax, func, figsize=(4.5, 4.5), layout="compressed")
    ball = norms.unit_ball(p, n=n)
    values = ball @ x
    best = ball[np.argmax(values)]
    ax.fill(ball[:, 0], ball[:, 1], color=COLORS[6], alpha=0.25, linewidth=0)
    ax.plot(ball[:, 0], ball[:, 1], color=COLORS[0], linewidth=2,
            label=f"$\\|u\\|_{{{_p_tex(p)}}} = 1$")
    ax.annotate("", xy=tuple(x), xytext=(0, 0),
                arrowprops={"arrowstyle": "->", "color": COLORS[2], "linewidth": 2})
    ax.text(x[0], x[1], "  $x$", fontsize="large", va="bottom")
    # the level line u·x = dual, through the best point, perpendicular to x
    direction = np.array([-x[1], x[0]]) / norms.l2_norm(x)
    s = np.linspace(-2.5, 2.5, 2)
    line = best + s[:, None] * direction
    ax.plot(line[:, 0], line[:, 1], color=COLORS[1], linestyle="--", linewidth=1.5,
            label=r"$u^\top x = \max$")
    ax.plot(*best, "o", color=COLORS[1], markersize=8, label=r"best $u^\star$")
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.6, 1.6)
    ax.set_aspect("equal")
    ax.set_xlabel("$u_1$")
    ax.set_ylabel("$u_2$")
    ax.axhline(0.0, color=GRAY, linewidth=0.6, zorder=0)
    ax.axvline(0.0, color=GRAY, linewidth=0.6, zorder=0)
    q = np.inf if p == 1 else (1.0 if np.isinf(p) else p / (p - 1))
    ax.set_title(f"$p = {_p_tex(p)}$: max of $u^\\top x$ on the ball = {values.max():.3f}"
                 f" = $\\|x\\|_{{{_p_tex(q)}}}$", fontsize="medium")
    ax.legend(loc="lower left", fontsize="small")
    return ax


def _p_tex(p):
    return r"\infty" if np.isinf(p) else f"{p:g}"
