"""Figures of the chapter *Sparsity*: constraint regions, coefficient paths, CV curves."""

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import models, norms, penalties
from .._validation import check_array, check_option, check_scalar, check_X_y
from ._style import GRAY, _axes, _axis_cross, _style

__all__ = ["plot_coef_path", "plot_constraint_region", "plot_cv_curve"]


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
    # The contours of SSE(X, y, w) are those of SSE(X / 2**e, y / 2**e, w) (the same w,
    # the SSE 4**e times smaller). Data beyond 2**±200 are drawn from the latter, so the
    # SSE neither underflows to 0 nor overflows near 1e±300 (issue 12); otherwise e = 0
    # and the levels are the SSE itself.
    e = models._exponent(max(models._max_abs(X), models._max_abs(y)))
    e = e if abs(e) > 200 else 0
    Xs, ys = models._divide_by_power_of_two(X, e), models._divide_by_power_of_two(y, e)
    grid = np.array([[penalties.sse(Xs, ys, np.array([a, b])) for a in w1] for b in w2])
    sse_min = penalties.sse(Xs, ys, w_ols)
    sse_hat = penalties.sse(Xs, ys, w_hat)
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
