r"""Figures of the chapter *Selecting features*: thresholding rules, subsets, stability paths."""

import itertools

import numpy as np

from .. import models, selection
from .. import penalties as _penalties
from .._validation import check_array, check_bool, check_scalar, check_X_y
from ._style import COLORS, GRAY, _axes, _axis_cross, _style

__all__ = [
    "MAX_SUBSET_PLOT_FEATURES",
    "plot_coef_comparison",
    "plot_selection_penalties",
    "plot_stability_path",
    "plot_subset_sizes",
    "plot_thresholding_rules",
]

#: :func:`plot_subset_sizes` fits every one of the :math:`2^p` subsets; 12 gives 4096.
MAX_SUBSET_PLOT_FEATURES = 12


def _with_breaks(z, w, kept):
    """Insert NaN where ``kept`` changes (a jump), so that no vertical line is drawn there."""
    where = np.flatnonzero(kept[:-1] != kept[1:]) + 1
    return np.insert(z, where, np.nan), np.insert(w, where, np.nan)


def plot_thresholding_rules(lam=2.0, ax=None, *, gamma=3.0, half_width=4.0):
    r"""Draw the four rules of an orthonormal design on one figure (ESL Table 3.4).

    With :math:`X^\top X = I` and :math:`z = X^\top y` (least squares), every
    penalized problem :math:`\|y - Xw\|_2^2 + P(w)` solves coordinate by
    coordinate, :math:`\min_w (w - z)^2 + P(w)`:

    .. math::

        \text{best subset / } L_0\text{: } H_t(z) = z\,\mathbf 1[|z| > t], \quad
        \text{lasso: } S_{\lambda/2}(z), \quad
        \text{MCP: firm}, \quad
        \text{ridge: } \frac{z}{1 + \lambda/2}

    all with the same threshold :math:`t = \lambda/2` (for best subset, an
    :math:`L_0` penalty :math:`t^2\|w\|_0`). Every curve is computed by normlib:
    :func:`normlib.hard_threshold`, :func:`normlib.soft_threshold`,
    :func:`normlib.mcp_threshold` and :func:`normlib.ridge` on :math:`X = I`.

    Parameters
    ----------
    lam : float, default=2.0
        Penalty strength :math:`\lambda > 0` (threshold :math:`\lambda/2`).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    gamma : float, default=3.0
        Concavity of the MCP, :math:`\gamma > 1`.
    half_width : float, default=4.0
        The values drawn are :math:`z \in [-\text{half\_width}, \text{half\_width}]`.

    Returns
    -------
    matplotlib.axes.Axes
        Lines with ``gid`` ``"identity"``, ``"hard"``, ``"soft"``, ``"mcp"``,
        ``"ridge"`` (the hard rule has NaN at its jumps).

    Raises
    ------
    TypeError, ValueError
        If ``lam`` ≤ 0, ``gamma`` ≤ 1, ``half_width`` ≤ 0 or a value is not a
        number, or ``ax`` is not an ``Axes``.

    See Also
    --------
    normlib.hard_threshold, normlib.soft_threshold, normlib.mcp_threshold

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_thresholding_rules(lam=2.0)
    >>> [line.get_gid() for line in ax.get_lines()][2:]  # after the two axis lines
    ['identity', 'hard', 'soft', 'mcp', 'ridge']
    """
    func = "plot_thresholding_rules"
    lam = check_scalar(lam, "lam", func, low=0.0, low_inclusive=False)
    gamma = check_scalar(gamma, "gamma", func, low=1.0, low_inclusive=False)
    half_width = check_scalar(half_width, "half_width", func, low=0.0, low_inclusive=False)
    ax = _axes(ax, func, figsize=(6.2, 6.0), layout="compressed")
    t = lam / 2.0
    z = np.linspace(-half_width, half_width, 401)
    hard = _penalties.hard_threshold(z, t)
    soft = _penalties.soft_threshold(z, t)
    firm = selection.mcp_threshold(z, lam, gamma)
    # ridge on X = I, y = z: minimizes ‖z − w‖² + ½λ‖w‖², i.e. z / (1 + λ/2)
    ridge = models.ridge(np.eye(z.size), z, lam, fit_intercept=False).coef
    _axis_cross(ax)
    ax.plot(z, z, color=GRAY, linestyle=":", linewidth=1.5, label="least squares: $w = z$",
            gid="identity")
    zh, wh = _with_breaks(z, hard, np.abs(z) > t)
    curves = [
        (zh, wh, "hard", f"best subset: hard threshold at {t:g}"),
        (z, soft, "soft", f"lasso: soft threshold at {t:g}"),
        (z, firm, "mcp", rf"MCP ($\gamma = {gamma:g}$): firm threshold"),
        (z, ridge, "ridge", rf"ridge: $z / (1 + {t:g})$"),
    ]
    for k, (x, w, gid, label) in enumerate(curves):
        ax.plot(x, w, linewidth=2.2, markevery=(10 * k, 40), label=label, gid=gid, **_style(k))
    ax.set_aspect("equal")
    ax.set_xlim(-half_width, half_width)
    ax.set_ylim(-half_width, half_width)
    ax.set_xlabel("least-squares coefficient $z = x_j^\\top y$")
    ax.set_ylabel("selected / penalized coefficient $\\hat w_j$")
    ax.set_title(f"Four rules for an orthonormal design ($\\lambda = {lam:g}$)")
    ax.legend(loc="upper left", fontsize="small")
    return ax


def plot_selection_penalties(lam=2.0, ax=None, *, gamma=3.0, half_width=4.0):
    r"""Draw the penalties behind the four rules: :math:`L_0`, L1, MCP and L2.

    .. math::

        \tfrac{\lambda^2}{4}\,\mathbf 1[w \ne 0], \qquad \lambda|w|, \qquad
        P^{\text{MCP}}_{\lambda,\gamma}(w), \qquad \tfrac12\lambda w^2

    The :math:`L_0` penalty is scaled so that its hard threshold is at
    :math:`\lambda/2` like the lasso's. The MCP follows :math:`\lambda|w|` near
    0 and is flat beyond :math:`\gamma\lambda/2`: the flat part is why it
    leaves large weights unshrunk, the bend is why it is not convex. Values come
    from :func:`normlib.l1_penalty`, :func:`normlib.mcp_penalty`,
    :func:`normlib.l2_penalty` and :func:`normlib.l0_count`.

    Parameters
    ----------
    lam : float, default=2.0
        Penalty strength :math:`\lambda > 0`.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    gamma : float, default=3.0
        Concavity of the MCP, :math:`\gamma > 1`.
    half_width : float, default=4.0
        The weights drawn are :math:`w \in [-\text{half\_width}, \text{half\_width}]`.

    Returns
    -------
    matplotlib.axes.Axes
        Lines with ``gid`` ``"l0"``, ``"l1"``, ``"mcp"``, ``"l2"``.

    Raises
    ------
    TypeError, ValueError
        If ``lam`` ≤ 0, ``gamma`` ≤ 1, ``half_width`` ≤ 0, or ``ax`` is not an ``Axes``.

    See Also
    --------
    plot_thresholding_rules, normlib.mcp_penalty

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_selection_penalties(lam=2.0)
    >>> [line.get_gid() for line in ax.get_lines()]
    ['l0', 'l1', 'mcp', 'l2', 'l0-at-zero']
    """
    from .. import norms

    func = "plot_selection_penalties"
    lam = check_scalar(lam, "lam", func, low=0.0, low_inclusive=False)
    gamma = check_scalar(gamma, "gamma", func, low=1.0, low_inclusive=False)
    half_width = check_scalar(half_width, "half_width", func, low=0.0, low_inclusive=False)
    ax = _axes(ax, func, figsize=(6.4, 4.4))
    w = np.linspace(-half_width, half_width, 401)
    w = np.sort(np.append(w, 0.0)) if not (w == 0).any() else w
    l0 = np.array([lam**2 / 4.0 * norms.l0_count(v) for v in w])
    l0[w == 0] = np.nan  # the isolated point 0 is marked separately
    curves = [
        (l0, "l0", r"$L_0$: $(\lambda^2/4)\,\mathbf{1}[w \neq 0]$"),
        (np.array([_penalties.l1_penalty(v, lam) for v in w]), "l1", r"L1: $\lambda|w|$"),
        (np.array([selection.mcp_penalty(v, lam, gamma) for v in w]), "mcp",
         rf"MCP, $\gamma = {gamma:g}$"),
        (np.array([_penalties.l2_penalty(v, lam) for v in w]), "l2",
         r"L2: $\frac{1}{2}\lambda w^2$"),
    ]
    for k, (values, gid, label) in enumerate(curves):
        ax.plot(w, values, linewidth=2.2, markevery=(10 * k, 50), label=label, gid=gid,
                **_style(k))
    ax.plot([0.0], [0.0], "o", color=COLORS[0], markerfacecolor="white", gid="l0-at-zero")
    ax.set_ylim(-0.1 * lam, 1.6 * lam**2 / 4.0 * max(gamma, 2.0))
    ax.set_xlim(-half_width, half_width)
    ax.set_xlabel("weight $w$")
    ax.set_ylabel("penalty")
    ax.set_title(f"Penalties behind the rules ($\\lambda = {lam:g}$)")
    ax.legend(loc="upper center", fontsize="small")
    return ax


def plot_subset_sizes(X, y, ax=None, *, fit_intercept=True):
    r"""SSE of every subset of features against its size, with best subset and forward stepwise.

    One gray dot per subset :math:`S` at :math:`(|S|, \mathrm{SSE}(S))`, the
    least-squares SSE on those columns (:func:`normlib.ridge` with
    ``lam=0``); the lower envelope is best subset (:func:`normlib.best_subset`),
    the second line forward stepwise (:func:`normlib.forward_stepwise`), which
    can only lie on or above it (Hastie, Tibshirani & Friedman, *ESL*, Fig. 3.5).

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix, at most :data:`MAX_SUBSET_PLOT_FEATURES` (12) columns.
    y : array_like of shape (n_samples,)
        Targets.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    fit_intercept : bool, default=True
        Fit an intercept in every subset (not counted in the size).

    Returns
    -------
    matplotlib.axes.Axes
        Artists with ``gid`` ``"subsets"`` (the dots), ``"best"`` and ``"forward"``.

    Raises
    ------
    TypeError, ValueError
        If ``X`` or ``y`` is invalid, they do not match, ``X`` has more than 12
        columns, or ``ax`` is not an ``Axes``.

    See Also
    --------
    normlib.best_subset, normlib.forward_stepwise

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((30, 4))
    >>> ax = plotting.plot_subset_sizes(X, X[:, 0] + rng.standard_normal(30))
    >>> ax.get_xlabel()
    'number of features k'
    """
    func = "plot_subset_sizes"
    X, y = check_X_y(X, y, func)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    p = X.shape[1]
    if p > MAX_SUBSET_PLOT_FEATURES:
        raise ValueError(
            f"The 'X' parameter of {func} must have at most {MAX_SUBSET_PLOT_FEATURES} "
            f"columns (every one of the 2^p subsets is fitted); got {p} columns."
        )
    ax = _axes(ax, func, figsize=(6.4, 4.6))
    sizes, sses = [], []
    for m in range(p + 1):
        for subset in itertools.combinations(range(p), m):
            if m == 0:  # the intercept alone; computed scaled, no overflow (issue 12)
                sse = float(selection.forward_stepwise(X, y, 0, fit_intercept=fit_intercept).sse)
            else:
                cols = X[:, list(subset)]
                sse = models.ridge(cols, y, 0.0, fit_intercept=fit_intercept).objective
            sizes.append(m)
            sses.append(sse)
    jitter = (np.arange(len(sizes)) % 7 - 3) * 0.03
    ax.scatter(np.array(sizes) + jitter, sses, s=10, color="#BBBBBB", label="every subset",
               gid="subsets", zorder=1)
    best = selection.best_subset(X, y, p, fit_intercept=fit_intercept).sse_path
    forward = selection.forward_stepwise(X, y, p, fit_intercept=fit_intercept).sse_path
    ks = np.arange(p + 1)
    ax.plot(ks, best, linewidth=2.2, label="best subset", gid="best", zorder=3, **_style(0))
    ax.plot(ks, forward, linewidth=1.6, label="forward stepwise", gid="forward", zorder=2,
            **{**_style(1), "markerfacecolor": "none", "markersize": 9})
    ax.set_xticks(ks)
    ax.set_xlabel("number of features k")
    ax.set_ylabel("training SSE")
    ax.set_title("Every subset, the best, and the greedy path")
    ax.legend(loc="upper right", fontsize="small")
    return ax


def plot_stability_path(lams, probabilities, ax=None, *, threshold=0.6, highlight=None,
                        feature_names=None):
    r"""Draw selection probabilities against :math:`\lambda` (a stability path).

    Line :math:`j` joins :math:`(\lambda_k, \hat\Pi_j(\lambda_k))`, the output of
    :func:`normlib.stability_selection`; the :math:`\lambda` axis is
    logarithmic and decreasing to the right, like :func:`plot_coef_path`.
    Features in ``highlight`` (e.g. the true ones in a simulation) are drawn
    in colour, the others in gray; a dashed line marks ``threshold``
    :math:`\pi_{\text{thr}}`.

    Parameters
    ----------
    lams : array_like of shape (n_lams,)
        Penalty strengths, all > 0.
    probabilities : array_like of shape (n_lams, n_features)
        Selection probabilities in [0, 1].
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    threshold : float, default=0.6
        The selection threshold drawn, in (0, 1].
    highlight : sequence of int, optional
        Features drawn in colour (and labelled); all of them by default.
    feature_names : sequence of str, optional
        Labels of the highlighted features; ``x_j`` by default.

    Returns
    -------
    matplotlib.axes.Axes
        One line per feature (``gid`` ``"feature-j"``), then the threshold (``"threshold"``).

    Raises
    ------
    TypeError, ValueError
        If the shapes do not match, a ``lam`` is not positive, a probability is
        outside [0, 1], ``threshold`` is not in (0, 1], ``highlight`` holds an
        index out of range, ``feature_names`` has the wrong length, or ``ax`` is
        not an ``Axes``.

    See Also
    --------
    normlib.stability_selection, plot_coef_path

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> probs = np.array([[0.0, 0.0], [0.9, 0.1], [1.0, 0.4]])
    >>> ax = plotting.plot_stability_path([10.0, 1.0, 0.1], probs, highlight=[0])
    >>> ax.get_ylabel()
    'selection probability'
    """
    func = "plot_stability_path"
    lams = check_array(lams, "lams", func, ndim=1)
    probabilities = check_array(probabilities, "probabilities", func, ndim=2)
    if probabilities.shape[0] != lams.size:
        raise ValueError(
            f"The 'probabilities' parameter of {func} must have one row per lam; got "
            f"{probabilities.shape[0]} rows for {lams.size} values of lam."
        )
    if (lams <= 0).any():
        raise ValueError(f"The 'lams' parameter of {func} must hold values > 0 (log axis).")
    if (probabilities < 0).any() or (probabilities > 1).any():
        raise ValueError(f"The 'probabilities' parameter of {func} must hold values in [0, 1].")
    threshold = check_scalar(threshold, "threshold", func, low=0.0, high=1.0,
                             low_inclusive=False)
    p = probabilities.shape[1]
    highlight = list(range(p)) if highlight is None else [int(j) for j in highlight]
    if any(j < 0 or j >= p for j in highlight):
        raise ValueError(
            f"The 'highlight' parameter of {func} must hold feature indices in "
            f"[0, {p - 1}]; got {highlight}."
        )
    if feature_names is not None and len(feature_names) != len(highlight):
        raise ValueError(
            f"The 'feature_names' parameter of {func} must have one name per highlighted "
            f"feature; got {len(feature_names)} names for {len(highlight)} features."
        )
    ax = _axes(ax, func, figsize=(6.4, 4.4))
    order = np.argsort(-lams)
    names = feature_names or [f"$x_{{{j + 1}}}$" for j in highlight]
    label_of = dict(zip(highlight, names, strict=True))
    k = 0
    for j in range(p):
        if j in label_of:
            ax.plot(lams[order], probabilities[order, j], linewidth=2.0, markevery=(3 * k, 12),
                    label=label_of[j], gid=f"feature-{j}", zorder=3, **_style(k))
            k += 1
        else:
            ax.plot(lams[order], probabilities[order, j], color="#AAAAAA", linewidth=1.0,
                    gid=f"feature-{j}", zorder=1)
    ax.axhline(threshold, color="black", linestyle="--", linewidth=1.2,
               label=rf"threshold $\pi_{{thr}} = {threshold:g}$", gid="threshold")
    ax.set_xscale("log")
    ax.set_xlim(lams.max(), lams.min())
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel(r"$\lambda$ (log scale, decreasing)")
    ax.set_ylabel("selection probability")
    ax.set_title("Stability path: how often each feature is selected")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small")
    return ax


def plot_coef_comparison(coefs, ax=None, *, truth=None, feature_names=None):
    r"""Compare coefficient vectors feature by feature (markers side by side).

    For each estimate in ``coefs`` (a mapping from a label to a vector of
    length :math:`p`) draws one marker per feature, offset horizontally so
    that the estimates of a feature sit next to each other; ``truth``, when
    given, is drawn as a short black bar. Used to show the lasso's bias
    against its relaxed and adaptive versions.

    Parameters
    ----------
    coefs : mapping of str to array_like of shape (n_features,)
        The estimates, in drawing order.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    truth : array_like of shape (n_features,), optional
        The true coefficients.
    feature_names : sequence of str, optional
        Tick labels; ``x1, x2, ...`` by default.

    Returns
    -------
    matplotlib.axes.Axes
        The zero line (``gid`` ``"zero"``), one line per estimate (``gid`` = its
        label), then ``"truth"``.

    Raises
    ------
    TypeError, ValueError
        If ``coefs`` is empty, the vectors differ in length or are not finite,
        ``truth`` or ``feature_names`` has the wrong length, or ``ax`` is not an ``Axes``.

    See Also
    --------
    normlib.relaxed_lasso, normlib.adaptive_lasso

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_coef_comparison({"a": [1.0, 0.0], "b": [0.5, 0.2]}, truth=[1.0, 0.0])
    >>> [line.get_gid() for line in ax.get_lines()]
    ['zero', 'a', 'b', 'truth']
    """
    func = "plot_coef_comparison"
    if not hasattr(coefs, "items") or len(coefs) == 0:
        raise ValueError(f"The 'coefs' parameter of {func} must be a non-empty mapping of "
                         "labels to coefficient vectors.")
    arrays = {str(label): check_array(c, "coefs", func, ndim=1) for label, c in coefs.items()}
    p = next(iter(arrays.values())).size
    if any(a.size != p for a in arrays.values()):
        raise ValueError(f"The 'coefs' parameter of {func} must hold vectors of one length.")
    if truth is not None:
        truth = check_array(truth, "truth", func, ndim=1)
        if truth.size != p:
            raise ValueError(f"The 'truth' parameter of {func} must have {p} values; "
                             f"got {truth.size}.")
    names = list(feature_names) if feature_names is not None else [f"x{j + 1}" for j in range(p)]
    if len(names) != p:
        raise ValueError(f"The 'feature_names' parameter of {func} must have {p} names; "
                         f"got {len(names)}.")
    ax = _axes(ax, func, figsize=(max(6.0, 0.55 * p + 2.0), 4.2))
    m = len(arrays)
    offsets = (np.arange(m) - (m - 1) / 2.0) * min(0.18, 0.7 / m)
    positions = np.arange(p, dtype=float)
    ax.axhline(0.0, color=GRAY, linewidth=0.8, zorder=0, gid="zero")
    for k, (label, c) in enumerate(arrays.items()):
        style = {**_style(k), "linestyle": "none"}
        ax.plot(positions + offsets[k], c, markersize=7, label=label, gid=label,
                markerfacecolor="none" if k % 2 else style["color"], **style)
    if truth is not None:
        ax.plot(positions, truth, linestyle="none", marker="_", markersize=22,
                markeredgewidth=2.5, color="black", label="truth", gid="truth")
    ax.set_xticks(positions, names)
    ax.set_xlabel("feature")
    ax.set_ylabel("coefficient")
    ax.set_title("Coefficients, feature by feature")
    ax.legend(loc="best", fontsize="small")
    return ax
