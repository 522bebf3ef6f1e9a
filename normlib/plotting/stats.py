"""Figures of the chapter *The statistical view of shrinkage*."""

import numpy as np

from .. import stats
from .._validation import check_array, check_bool, check_scalar
from ._style import GRAY, _axes, _style
from .sparsity import _lambda_axis

__all__ = [
    "plot_bias_variance",
    "plot_information_criteria",
    "plot_priors",
    "plot_shrinkage_factors",
]


def plot_bias_variance(result, ax=None):
    r"""Draw squared bias, variance, noise and test error against :math:`\lambda`.

    The curves are those of :func:`normlib.simulate_bias_variance`: squared
    bias (rises with :math:`\lambda`), variance (falls), the noise level
    :math:`\sigma^2` (flat), their sum, the expected test error, and the
    measured test error on fresh noisy targets as markers (which should lie
    on the sum). The smallest expected error is marked. Both axes are
    logarithmic; :math:`\lambda` decreases to the right, as on the
    coefficient paths.

    Parameters
    ----------
    result : BiasVariance
        The result of :func:`normlib.simulate_bias_variance` (with ``lams``).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.

    Returns
    -------
    matplotlib.axes.Axes
        Lines with ``gid`` ``"bias2"``, ``"variance"``, ``"noise"``,
        ``"expected"`` and ``"measured"``.

    Raises
    ------
    TypeError
        If ``result`` is not a simulation result, or ``ax`` is not an ``Axes``.
    ValueError
        If its arrays are not finite, positive for the log scale, or do not match.

    See Also
    --------
    normlib.simulate_bias_variance, normlib.bias_variance

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> from normlib import plotting
    >>> X = np.random.default_rng(0).standard_normal((20, 3))
    >>> f = X @ np.array([1.0, 0.0, -1.0])
    >>> bv = nl.simulate_bias_variance(X, f, X, f, [0.1, 10.0, 1000.0], noise=1.0, n_datasets=20)
    >>> ax = plotting.plot_bias_variance(bv)
    >>> [line.get_gid() for line in ax.get_lines()][:3]
    ['bias2', 'variance', 'noise']
    """
    func = "plot_bias_variance"
    if not isinstance(result, stats.BiasVariance) or result.lams is None:
        raise TypeError(
            f"The 'result' parameter of {func} must be the BiasVariance of "
            f"normlib.simulate_bias_variance (with lams); got {type(result).__name__}."
        )
    lams = check_array(result.lams, "result.lams", func, ndim=1)
    bias2 = check_array(result.bias2, "result.bias2", func, ndim=1)
    variance = check_array(result.variance, "result.variance", func, ndim=1)
    measured = check_array(result.test_error, "result.test_error", func, ndim=1)
    if np.any(lams <= 0):
        raise ValueError(f"The 'result.lams' of {func} must be > 0 for the log scale.")
    ax = _axes(ax, func, figsize=(8.5, 4.5))
    order = np.argsort(lams)[::-1]
    lams, bias2, variance, measured = lams[order], bias2[order], variance[order], measured[order]
    expected = bias2 + variance + result.noise
    for k, (values, label, gid) in enumerate(
        (
            (bias2, r"squared bias", "bias2"),
            (variance, "variance", "variance"),
            (np.full_like(lams, result.noise), r"noise $\sigma^2$", "noise"),
        )
    ):
        style = _style(k)
        style["marker"] = None
        ax.plot(lams, values, linewidth=2, label=label, gid=gid, **style)
    ax.plot(lams, expected, color="black", linewidth=2.5, label=r"bias² + variance + $\sigma^2$",
            gid="expected")
    ax.plot(lams, measured, "o", color="#CC79A7", markersize=4, markerfacecolor="white",
            label="measured test error", gid="measured")
    best = int(np.argmin(expected))
    ax.axvline(lams[best], color=GRAY, linestyle=":", linewidth=1.2,
               label=rf"smallest expected error, $\lambda$ = {lams[best]:.2g}")
    ax.set_yscale("log")
    _lambda_axis(ax, lams)
    ax.set_ylabel("mean squared error (log scale)")
    ax.set_title("Bias and variance of ridge over many training sets")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    return ax


def plot_shrinkage_factors(X, lams, ax=None, *, fit_intercept=True):
    r"""Draw the ridge shrinkage factor of each principal direction against :math:`\lambda`.

    One line per singular value :math:`d_j` of the (centred) design, the factor
    :math:`d_j^2 / (d_j^2 + \lambda/2)` of :func:`normlib.ridge_shrinkage_factors`,
    and in black their mean :math:`\mathrm{df}(\lambda)/m` (:func:`normlib.ridge_df`
    over the number :math:`m = \min(n, p)` of directions). Directions of small
    :math:`d_j` are shrunk first.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    lams : array_like of shape (n_lams,)
        Penalty strengths :math:`\lambda > 0` (log axis).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    fit_intercept : bool, default=True
        Use the centred design, as :func:`normlib.ridge` does.

    Returns
    -------
    matplotlib.axes.Axes
        One line per direction (``gid`` ``"factor-j"``), then ``"df"``.

    Raises
    ------
    TypeError, ValueError
        If ``X`` is invalid, a ``lam`` is not positive, or ``ax`` is not an ``Axes``.

    See Also
    --------
    normlib.ridge_shrinkage_factors, normlib.ridge_df

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> ax = plotting.plot_shrinkage_factors(np.diag([3.0, 1.0]), np.geomspace(100, 0.01, 20),
    ...                                      fit_intercept=False)
    >>> ax.get_lines()[-1].get_gid()
    'df'
    """
    func = "plot_shrinkage_factors"
    X = check_array(X, "X", func, ndim=2)
    lams = check_array(lams, "lams", func, ndim=1)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    if np.any(lams <= 0):
        raise ValueError(f"The 'lams' parameter of {func} must hold values > 0 (log axis).")
    ax = _axes(ax, func, figsize=(7.0, 4.5))
    lams = np.sort(lams)[::-1]
    factors = np.array(
        [stats.ridge_shrinkage_factors(X, lam, fit_intercept=fit_intercept) for lam in lams]
    )
    df = np.array([stats.ridge_df(X, lam, fit_intercept=fit_intercept) for lam in lams])
    d, _, e = stats._singular_values(X, fit_intercept, func)  # d / 2**e: no overflow
    with np.errstate(over="ignore", under="ignore"):
        d2 = np.ldexp(d**2, 2 * e)  # the labels' d_j^2 (inf beyond the float range)
    step = max(1, len(lams) // 8)
    for j in range(factors.shape[1]):
        style = _style(j)
        ax.plot(lams, factors[:, j], linewidth=1.5, markersize=4, markevery=(j % step, step),
                label=rf"$d_{{{j + 1}}}^2$ = {d2[j]:.3g}", gid=f"factor-{j}", **style)
    ax.plot(lams, df / factors.shape[1], color="black", linewidth=3,
            label=r"mean factor = df$(\lambda)/m$", gid="df")
    _lambda_axis(ax, lams)
    ax.set_ylim(-0.03, 1.03)
    ax.set_ylabel(r"shrinkage factor $d_j^2 / (d_j^2 + \lambda/2)$")
    ax.set_title("Ridge shrinks each principal direction by its own factor")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, fontsize="small")
    return ax


def plot_priors(prior_variance=1.0, ax=None, *, w_max=4.0, log=False):
    r"""Draw the Gaussian and the Laplace prior of a weight, with the same variance.

    The densities of :func:`normlib.prior_density`; with ``log=True`` their
    negative logarithms instead, shifted to 0 at :math:`w = 0`: a parabola
    :math:`w^2/(2\tau^2)` (the ridge penalty) and a V :math:`|w|/b` (the lasso
    penalty).

    Parameters
    ----------
    prior_variance : float, default=1.0
        Variance :math:`\tau^2 > 0` of both priors.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.
    w_max : float, default=4.0
        The weight axis runs over :math:`[-w_{\max}, w_{\max}]`.
    log : bool, default=False
        Draw :math:`-\log p(w) + \log p(0)` instead of :math:`p(w)`.

    Returns
    -------
    matplotlib.axes.Axes
        Lines with ``gid`` ``"gaussian"`` and ``"laplace"``.

    Raises
    ------
    TypeError, ValueError
        If ``prior_variance`` or ``w_max`` is not a positive number, or ``ax``
        is not an ``Axes``.

    See Also
    --------
    normlib.prior_density, normlib.lam_from_prior
    scipy.stats.norm, scipy.stats.laplace

    Examples
    --------
    >>> from normlib import plotting
    >>> ax = plotting.plot_priors(1.0)
    >>> [line.get_gid() for line in ax.get_lines()][:2]
    ['gaussian', 'laplace']
    """
    func = "plot_priors"
    tau2 = check_scalar(prior_variance, "prior_variance", func, low=0.0, low_inclusive=False)
    w_max = check_scalar(w_max, "w_max", func, low=0.0, low_inclusive=False)
    log = check_bool(log, "log", func)
    ax = _axes(ax, func)
    w = np.linspace(-w_max, w_max, 801)
    labels = {"gaussian": r"Gaussian $\mathcal{N}(0, \tau^2)$ → ridge",
              "laplace": r"Laplace$(0, b)$, $2b^2 = \tau^2$ → lasso"}
    for k, prior in enumerate(("gaussian", "laplace")):
        density = stats.prior_density(w, tau2, prior)
        values = np.log(stats.prior_density(0.0, tau2, prior)) - np.log(density) if log else density
        style = _style(k)
        style["marker"] = None
        ax.plot(w, values, linewidth=2.5, label=labels[prior], gid=prior, **style)
    ax.set_xlabel("weight $w$")
    if log:
        ax.set_ylabel(r"$-\log p(w) + \log p(0)$ (the penalty)")
        ax.set_title(rf"Negative log priors, $\tau^2 = {tau2:g}$")
    else:
        ax.set_ylabel("prior density $p(w)$")
        ax.set_title(rf"Two priors with the same variance $\tau^2 = {tau2:g}$")
    ax.axvline(0.0, color=GRAY, linewidth=0.8, zorder=0)
    ax.legend(fontsize="small", loc="upper right" if not log else "upper center")
    return ax


def plot_information_criteria(lams, criteria, ax=None):
    r"""Draw information criteria against :math:`\lambda`, each relative to its minimum.

    Each curve is :math:`\mathrm{IC}(\lambda) - \min_\lambda \mathrm{IC}`, so
    that criteria on different scales (AIC, BIC, :math:`C_p` from
    :func:`normlib.information_criterion`) share one axis; a marker shows
    where each is smallest. The vertical axis is symmetric-logarithmic
    (linear below 1), so that both the steep rise at large :math:`\lambda`
    and the small differences near the minimum show.

    Parameters
    ----------
    lams : array_like of shape (n_lams,)
        Penalty strengths :math:`\lambda > 0` (log axis).
    criteria : dict of str to array_like of shape (n_lams,)
        Name (the legend label) and values of each criterion.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is created when ``None``.

    Returns
    -------
    matplotlib.axes.Axes
        For each criterion a line (``gid`` its name) and its minimum
        (``gid`` ``"min-"`` + name).

    Raises
    ------
    TypeError
        If ``criteria`` is not a non-empty dict, or ``ax`` is not an ``Axes``.
    ValueError
        If a value array does not match ``lams`` or a ``lam`` is not positive.

    See Also
    --------
    normlib.information_criterion, normlib.plotting.plot_cv_curve

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> lams = np.array([10.0, 1.0, 0.1])
    >>> ax = plotting.plot_information_criteria(lams, {"AIC": [5.0, 2.0, 3.0]})
    >>> ax.get_lines()[1].get_xdata()
    array([1.])
    """
    func = "plot_information_criteria"
    lams = check_array(lams, "lams", func, ndim=1)
    if np.any(lams <= 0):
        raise ValueError(f"The 'lams' parameter of {func} must hold values > 0 (log axis).")
    if not isinstance(criteria, dict) or not criteria:
        raise TypeError(
            f"The 'criteria' parameter of {func} must be a non-empty dict of name to values; "
            f"got {type(criteria).__name__}."
        )
    ax = _axes(ax, func)
    order = np.argsort(lams)[::-1]
    for k, (name, values) in enumerate(criteria.items()):
        values = check_array(values, f"criteria[{name!r}]", func, ndim=1)
        if values.shape != lams.shape:
            raise ValueError(
                f"The 'criteria' parameter of {func} must have one value per lambda for "
                f"{name!r}; got {values.size} values for {lams.size} lambdas."
            )
        values = values[order] - values.min()
        style = _style(k)
        style["marker"] = None
        ax.plot(lams[order], values, linewidth=2, label=str(name), gid=str(name), **style)
        best = int(np.argmin(values))
        ax.plot([lams[order][best]], [0.0], _style(k)["marker"], color=style["color"],
                markersize=9, markerfacecolor="white", markeredgewidth=2, gid=f"min-{name}")
    _lambda_axis(ax, lams)
    ax.set_yscale("symlog", linthresh=1.0)
    ax.set_ylim(bottom=0.0)
    ax.set_ylabel("criterion − its minimum (symmetric log scale)")
    ax.set_title("Information criteria along the path")
    ax.legend(fontsize="small")
    return ax

