r"""Feature selection: subsets, thresholds, the lasso's bias and its limits.

Used by the chapter *Selecting features*. Everything keeps the book's scaling
(sum of squared errors, no :math:`1/n`):

* **Thresholding rules** for an orthonormal design (:math:`X^\top X = I`,
  :math:`z = X^\top y`), where every penalized least-squares problem falls
  apart into one problem per coordinate, :math:`\min_w (w - z)^2 + P(w)`:
  best subset is :func:`normlib.hard_threshold` (in ``penalties``, beside
  :func:`normlib.soft_threshold`), the lasso is
  :func:`normlib.soft_threshold` at :math:`\lambda/2`, ridge is the
  proportional map :math:`z / (1 + \lambda/2)`, and the nonconvex MCP
  penalty (:func:`mcp_penalty`) gives :func:`mcp_threshold`.
* **Subset selection**: :func:`best_subset` (exhaustive search, small
  :math:`p` only) and :func:`forward_stepwise` (greedy).
* **Remedies for the lasso's bias**: :func:`relaxed_lasso` (refit on the
  selected features) and :func:`adaptive_lasso` (weighted L1 penalty).
* **When the lasso selects the right features**:
  :func:`irrepresentable_condition` (Zhao & Yu 2006),
  :func:`stability_selection` and :func:`stability_error_bound`
  (Meinshausen & Bühlmann 2010).
"""

import itertools
import math
from dataclasses import dataclass

import numpy as np

from ._validation import check_array, check_bool, check_scalar, check_X_y, result_dtype
from .models import FitResult, _Scaled, lasso, ridge
from .paths import lasso_path
from .penalties import _soft_threshold

__all__ = [
    "MAX_BEST_SUBSET_FEATURES",
    "SubsetFit",
    "adaptive_lasso",
    "best_subset",
    "forward_stepwise",
    "irrepresentable_condition",
    "mcp_penalty",
    "mcp_threshold",
    "relaxed_lasso",
    "stability_error_bound",
    "stability_selection",
]

#: Largest number of features :func:`best_subset` accepts: it fits up to
#: :math:`\binom{p}{k}` least-squares problems, 184 756 for p = 20 and k = 10.
MAX_BEST_SUBSET_FEATURES = 20


# ---------------------------------------------------------------- thresholding rules


def _check_mcp_args(lam, gamma, func):
    lam = check_scalar(lam, "lam", func, low=0.0)
    gamma = check_scalar(gamma, "gamma", func, low=1.0, low_inclusive=False)
    return lam, gamma


def mcp_penalty(w, lam, gamma=3.0):
    r"""The minimax concave penalty (MCP) of Zhang (2010), in the book's scaling.

    .. math::

        P_{\lambda,\gamma}(w) = \sum_j \begin{cases}
            \lambda|w_j| - w_j^2/\gamma & |w_j| \le \gamma\lambda/2 \\
            \gamma\lambda^2/4 & |w_j| > \gamma\lambda/2
        \end{cases}

    Near 0 it is the lasso's :math:`\lambda|w|` (same slope, so the same
    exact zeros); its slope :math:`\lambda - 2|w|/\gamma` then falls linearly
    to 0 at :math:`|w| = \gamma\lambda/2`, after which the penalty is flat: large
    weights are not shrunk at all. The penalty is concave in :math:`|w|`, so
    it is not convex; but for :math:`\gamma > 1` the one-dimensional cost
    :math:`(w - z)^2 + P(w)` is still convex (its curvature is
    :math:`2 - 2/\gamma > 0`), see :func:`mcp_threshold`. Zhang writes it for
    the cost :math:`\tfrac12(w - z)^2 + \rho(w; a, \gamma)` with
    :math:`\rho = a|w| - w^2/(2\gamma)` up to the knot :math:`\gamma a`; this
    book's cost :math:`(w - z)^2 + P_{\lambda,\gamma}(w)` is exactly twice
    Zhang's with :math:`a = \lambda/2` and the same :math:`\gamma`.

    Parameters
    ----------
    w : array_like or scalar
        Coefficients (any shape).
    lam : float
        Penalty strength :math:`\lambda \ge 0` (the slope at 0).
    gamma : float, default=3.0
        Concavity :math:`\gamma > 1`; :math:`\gamma \to \infty` gives the lasso.

    Returns
    -------
    float
        The penalty summed over all entries of ``w``.

    Raises
    ------
    ValueError
        If ``w`` is empty or not finite, ``lam`` < 0 or ``gamma`` ≤ 1.
    TypeError
        If ``lam`` or ``gamma`` is not a real number.

    See Also
    --------
    mcp_threshold, normlib.l1_penalty
    skglm.penalties.MCPenalty : Zhang's penalty (scikit-learn has none); with
        skglm's datafit :math:`\|y - Xw\|^2/(2n)` the book's cost is matched by
        ``alpha = lam / (2 * n_samples)`` and ``gamma = n_samples * gamma``.

    References
    ----------
    C.-H. Zhang, "Nearly unbiased variable selection under minimax concave
    penalty", Annals of Statistics 38(2), 2010.

    Examples
    --------
    >>> mcp_penalty([0.0, 0.5, 3.0, 10.0], lam=1.0, gamma=3.0)  # knot at 1.5
    1.9166666666666...
    """
    w = check_array(w, "w", "mcp_penalty", ndim=None)
    lam, gamma = _check_mcp_args(lam, gamma, "mcp_penalty")
    a = np.abs(w)
    # a (lam - a / gamma) rather than lam a - a^2 / gamma: no square to overflow
    # (inf - inf) where the value itself is a float; beyond the float range: inf
    with np.errstate(over="ignore"):
        inside = a <= gamma * lam / 2.0
        values = np.where(inside, a * (lam - a / gamma), gamma / 4.0 * lam * lam)
        return float(values.sum())


def mcp_threshold(z, lam, gamma=3.0):
    r"""Firm thresholding: the one-dimensional solution of the MCP-penalized cost.

    .. math::

        \operatorname*{arg\,min}_w \; (w - z)^2 + P_{\lambda,\gamma}(w)
        = \begin{cases}
            0 & |z| \le \lambda/2 \\
            \dfrac{S_{\lambda/2}(z)}{1 - 1/\gamma} & \lambda/2 < |z| \le \gamma\lambda/2 \\
            z & |z| > \gamma\lambda/2
          \end{cases}

    It is the lasso's soft thresholding near 0 (the same zeros), stretched so
    that it meets the identity at :math:`|z| = \gamma\lambda/2`, and the
    identity (no bias) beyond: the firm thresholding of Gao & Bruce (1997).
    :math:`\gamma \to \infty` gives soft thresholding, :math:`\gamma \to 1`
    hard thresholding at :math:`\lambda/2`. With an orthonormal design it
    solves MCP-penalized least squares coordinate by coordinate.

    Parameters
    ----------
    z : array_like or scalar
        Input values (any shape), e.g. the least-squares coefficients :math:`X^\top y`.
    lam : float
        Penalty strength :math:`\lambda \ge 0` of :func:`mcp_penalty`.
    gamma : float, default=3.0
        Concavity :math:`\gamma > 1`.

    Returns
    -------
    ndarray or float
        Same shape as ``z`` (a float for a scalar); float32 for a float32
        array, float64 otherwise (computed in float64).

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite, ``lam`` < 0 or ``gamma`` ≤ 1.
    TypeError
        If ``lam`` or ``gamma`` is not a real number.

    See Also
    --------
    mcp_penalty, normlib.hard_threshold, normlib.soft_threshold
    pywt.threshold_firm : the same map with ``value_low = lam/2`` and
        ``value_high = gamma*lam/2`` (PyWavelets).

    References
    ----------
    H.-Y. Gao and A. G. Bruce, "WaveShrink with firm shrinkage", Statistica
    Sinica 7(4), 1997. C.-H. Zhang, Annals of Statistics 38(2), 2010.

    Examples
    --------
    >>> mcp_threshold([0.4, 1.0, 1.5, 4.0], lam=1.0, gamma=3.0)
    array([0.  , 0.75, 1.5 , 4.  ])
    """
    dtype = result_dtype(z)
    z = check_array(z, "z", "mcp_threshold", ndim=None)
    lam, gamma = _check_mcp_args(lam, gamma, "mcp_threshold")
    shrunk = _soft_threshold(z, lam / 2.0) / (1.0 - 1.0 / gamma)
    out = np.where(np.abs(z) > gamma * lam / 2.0, z, shrunk) + 0.0
    return float(out) if out.ndim == 0 else out.astype(dtype, copy=False)


# ---------------------------------------------------------------- subset selection


@dataclass(frozen=True, repr=False, eq=False)
class SubsetFit:
    r"""The result of :func:`best_subset` or :func:`forward_stepwise`.

    Attributes
    ----------
    support : ndarray of int
        The selected features, in increasing order.
    order : ndarray of int
        The same features in the order they were added (forward stepwise);
        equal to ``support`` for best subset.
    coef : ndarray of shape (n_features,)
        Least-squares coefficients on the support, 0 elsewhere.
    intercept : float
        The (unpenalized) intercept; 0.0 when ``fit_intercept=False``.
    sse : float
        The sum of squared errors of the fit, :math:`\|y - Xw - b\|_2^2`.
    sse_path : ndarray of shape (k + 1,)
        ``sse_path[m]`` is the SSE of the best (best subset) or greedy
        (forward stepwise) subset of size ``m``, for ``m = 0 .. k``.
    n_fits : int
        How many least-squares problems were solved.
    """

    support: np.ndarray
    order: np.ndarray
    coef: np.ndarray
    intercept: float
    sse: float
    sse_path: np.ndarray
    n_fits: int

    def __repr__(self):
        return (
            f"SubsetFit(support={self.support.tolist()}, sse={self.sse:.4g}, "
            f"n_fits={self.n_fits})"
        )


def _check_subset_args(X, y, k, fit_intercept, func):
    X, y = check_X_y(X, y, func)
    k = check_scalar(k, "k", func, low=0, high=X.shape[1], integer=True)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    return X, y, k, fit_intercept


def _ls_on(Xc, yc, subset):
    """Least-squares coefficients and SSE on the columns ``subset`` (centred data)."""
    if len(subset) == 0:
        return np.empty(0), float(yc @ yc)
    cols = Xc[:, list(subset)]
    coef = np.linalg.lstsq(cols, yc, rcond=None)[0]
    r = yc - cols @ coef
    return coef, float(r @ r)


def _subset_fit(data, subset, order, sse_path, n_fits):
    """The SubsetFit of ``subset``, in the units of the data.

    ``data`` is the problem divided by powers of two (:class:`normlib.models._Scaled`,
    so that no SSE overflows or underflows, issue 12); ``sse_path`` is in its units.
    """
    p = data.X.shape[1]
    sub_coef, sse = _ls_on(data.X, data.y, subset)
    w = np.zeros(p)
    w[list(subset)] = sub_coef
    return SubsetFit(
        support=np.sort(np.asarray(subset, dtype=int)), order=np.asarray(order, dtype=int),
        coef=data.coef(w), intercept=data.intercept(w), sse=data.cost(sse),
        sse_path=np.array([data.cost(value) for value in sse_path]), n_fits=n_fits,
    )


def best_subset(X, y, k, *, fit_intercept=True):
    r"""Best subset selection: the :math:`k` features whose least-squares fit has the smallest SSE.

    .. math::

        \hat w = \operatorname*{arg\,min}_w \; \|y_c - X_c w\|_2^2
        \quad\text{subject to}\quad \|w\|_0 \le k

    Solved exactly, by fitting least squares on every subset of size
    :math:`0, 1, \dots, k` (exhaustive search, :math:`\sum_{m \le k}\binom{p}{m}`
    fits). That is only possible for small :math:`p`: ``X`` may have at most
    :data:`MAX_BEST_SUBSET_FEATURES` (20) columns, a clear error says so
    above. The problem is NP-hard in general (Natarajan 1995); the lasso is its
    convex relaxation (:math:`\|w\|_0 \to \|w\|_1`), forward stepwise a greedy
    approximation. Among subsets with the same SSE the first in lexicographic
    order (``itertools.combinations``) wins. With an orthonormal design the
    answer is :func:`normlib.hard_threshold` keeping the :math:`k` largest
    :math:`|x_j^\top y|`. The SSEs are compared for the data divided by powers
    of two (as in :func:`normlib.lasso`), so the subset chosen for ``(s*X, t*y)``
    is the subset chosen for ``(X, y)`` at any scale, and no SSE overflows.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix, ``n_features`` ≤ 20.
    y : array_like of shape (n_samples,)
        Targets.
    k : int
        Subset size, :math:`0 \le k \le p`.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (always included, not counted in ``k``).

    Returns
    -------
    SubsetFit
        ``support``, ``coef``, ``intercept``, ``sse``; ``sse_path[m]`` is the
        smallest SSE with ``m`` features, ``m = 0 .. k``.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, ``X`` has more than
        20 columns, or ``k`` is not in ``[0, n_features]``.
    TypeError
        If ``k`` is not an integer.

    See Also
    --------
    forward_stepwise, normlib.hard_threshold, normlib.lasso
    sklearn.feature_selection.SequentialFeatureSelector : greedy, by cross-validated score;
        scikit-learn has no exhaustive search.

    References
    ----------
    T. Hastie, R. Tibshirani and J. Friedman, *The Elements of Statistical
    Learning*, 2nd ed., 2009, Section 3.3.1.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((30, 5))
    >>> y = X @ np.array([2.0, 0.0, -1.0, 0.0, 0.0]) + 0.1 * rng.standard_normal(30)
    >>> fit = nl.best_subset(X, y, 2)
    >>> fit.support
    array([0, 2])
    >>> np.round(fit.coef, 2)
    array([ 2.03,  0.  , -1.02,  0.  ,  0.  ])
    """
    X, y = check_X_y(X, y, "best_subset")
    p = X.shape[1]
    if p > MAX_BEST_SUBSET_FEATURES:
        raise ValueError(
            f"The 'X' parameter of best_subset must have at most "
            f"{MAX_BEST_SUBSET_FEATURES} columns for an exhaustive search over all "
            f"subsets; got {p} columns. Use forward_stepwise or lasso for more features."
        )
    X, y, k, fit_intercept = _check_subset_args(X, y, k, fit_intercept, "best_subset")
    data = _Scaled(X, y, fit_intercept)
    Xc, yc = data.X, data.y
    best, sse_path, n_fits = (), [], 0
    for m in range(k + 1):
        best_m, best_sse = None, np.inf
        for subset in itertools.combinations(range(p), m):
            _, sse = _ls_on(Xc, yc, subset)
            n_fits += 1
            if sse < best_sse:
                best_m, best_sse = subset, sse
        sse_path.append(best_sse)
        best = best_m
    return _subset_fit(data, best, best, sse_path, n_fits)


def forward_stepwise(X, y, k, *, fit_intercept=True):
    r"""Forward stepwise selection: add, one at a time, the feature that lowers the SSE most.

    .. math::

        j_{m+1} = \operatorname*{arg\,min}_{j \notin S_m}
            \; \min_w \|y_c - X_{c,\,S_m \cup \{j\}}\, w\|_2^2,
        \qquad S_{m+1} = S_m \cup \{j_{m+1}\}

    starting from the empty set (the intercept only). Each step solves
    :math:`p - m` least-squares problems, so :math:`k` steps cost about
    :math:`kp` fits instead of best subset's :math:`\binom{p}{k}`; the price
    is that a feature, once in, stays in, and the greedy subset of size
    :math:`k` can have a larger SSE than the best one. Ties go to the
    smallest index. Works for any :math:`p` (up to :math:`k \le n`
    meaningful steps).

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    k : int
        Number of steps (features to add), :math:`0 \le k \le p`.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (always included).

    Returns
    -------
    SubsetFit
        ``order`` (the features in the order added), ``support`` (sorted),
        ``coef``, ``intercept``, ``sse``; ``sse_path[m]`` is the SSE after
        ``m`` steps.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, or ``k`` is not in
        ``[0, n_features]``.
    TypeError
        If ``k`` is not an integer.

    See Also
    --------
    best_subset, normlib.lasso_path
    sklearn.feature_selection.SequentialFeatureSelector : ``direction='forward'``,
        but it scores candidates by cross-validation, not by the training SSE.

    References
    ----------
    T. Hastie, R. Tibshirani and J. Friedman, *The Elements of Statistical
    Learning*, 2nd ed., 2009, Section 3.3.2.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((30, 5))
    >>> y = X @ np.array([2.0, 0.0, -1.0, 0.0, 0.0]) + 0.1 * rng.standard_normal(30)
    >>> nl.forward_stepwise(X, y, 3).order
    array([0, 2, 3])
    """
    X, y, k, fit_intercept = _check_subset_args(X, y, k, fit_intercept, "forward_stepwise")
    data = _Scaled(X, y, fit_intercept)
    Xc, yc = data.X, data.y
    order, sse_path, n_fits = [], [float(yc @ yc)], 0
    for _ in range(k):
        best_j, best_sse = None, np.inf
        for j in range(X.shape[1]):
            if j in order:
                continue
            _, sse = _ls_on(Xc, yc, [*order, j])
            n_fits += 1
            if sse < best_sse:
                best_j, best_sse = j, sse
        order.append(best_j)
        sse_path.append(best_sse)
    return _subset_fit(data, order, order, sse_path, n_fits)


# ---------------------------------------------------------------- the lasso's bias


def relaxed_lasso(X, y, lam, *, phi=0.0, fit_intercept=True, tol=1e-10):
    r"""Relaxed lasso: select features with the lasso, then refit them with less shrinkage.

    .. math::

        S = \{j : \hat w^{\text{lasso}}_j(\lambda) \ne 0\}, \qquad
        \hat w_S = \operatorname*{arg\,min}_{w_S} \; \|y_c - X_{c,S}\, w_S\|_2^2
            + \phi\lambda\|w_S\|_1, \qquad \hat w_{S^c} = 0

    The lasso uses one :math:`\lambda` for two jobs, choosing features and
    shrinking the chosen ones; the relaxed lasso (Meinshausen 2007) separates
    them. :math:`\phi = 0` refits least squares on the support (the
    "LARS-OLS hybrid" of Efron et al. 2004), which removes the lasso's shrinkage
    of the large coefficients; :math:`\phi = 1` is the lasso itself.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0` of the selecting lasso.
    phi : float, default=0.0
        Relaxation :math:`\phi \in [0, 1]` of the refit's penalty.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.
    tol : float, default=1e-10
        Relative duality-gap tolerance of both lasso fits (:func:`normlib.lasso`).

    Returns
    -------
    FitResult
        ``coef`` (0 outside the support), ``intercept``, ``objective`` (the
        refit's cost :math:`\mathrm{SSE} + \phi\lambda\|w\|_1`), ``gap`` and
        ``converged`` of the refit; ``n_iter`` of both fits together.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, ``lam`` < 0,
        ``phi`` is not in [0, 1], or ``tol`` < 0.

    See Also
    --------
    normlib.lasso, adaptive_lasso
    sklearn.linear_model.LinearRegression : fitted on ``X[:, support]``, the same
        refit as ``phi=0``.

    References
    ----------
    N. Meinshausen, "Relaxed Lasso", Computational Statistics & Data Analysis
    52(1), 2007.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 5))
    >>> y = X @ np.array([3.0, 0.0, -2.0, 0.0, 0.0]) + 0.1 * rng.standard_normal(50)
    >>> np.round(nl.lasso(X, y, lam=40.0).coef, 2)
    array([ 2.34,  0.  , -1.59,  0.  ,  0.  ])
    >>> np.round(nl.relaxed_lasso(X, y, lam=40.0).coef, 2)
    array([ 2.99,  0.  , -2.01,  0.  ,  0.  ])
    """
    X, y = check_X_y(X, y, "relaxed_lasso")
    lam = check_scalar(lam, "lam", "relaxed_lasso", low=0.0)
    phi = check_scalar(phi, "phi", "relaxed_lasso", low=0.0, high=1.0)
    tol = check_scalar(tol, "tol", "relaxed_lasso", low=0.0)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "relaxed_lasso")
    first = lasso(X, y, lam, fit_intercept=fit_intercept, tol=tol)
    support = np.flatnonzero(first.coef)
    coef = np.zeros(X.shape[1])
    if support.size == 0:  # the lasso's own intercept and cost (no overflow at 1e300)
        return FitResult(
            coef=coef, intercept=first.intercept, n_iter=first.n_iter,
            converged=first.converged, objective=first.objective, gap=0.0,
            objective_history=np.empty(0),
        )
    Xs = X[:, support]
    if phi == 0.0:
        refit = ridge(Xs, y, 0.0, fit_intercept=fit_intercept)
    else:
        refit = lasso(Xs, y, phi * lam, fit_intercept=fit_intercept, tol=tol)
    coef[support] = refit.coef
    return FitResult(
        coef=coef + 0.0, intercept=refit.intercept, n_iter=first.n_iter + refit.n_iter,
        converged=first.converged and refit.converged, objective=refit.objective,
        gap=refit.gap, objective_history=refit.objective_history,
    )


def adaptive_lasso(X, y, lam, *, gamma=1.0, init_coef=None, fit_intercept=True, tol=1e-10):
    r"""Adaptive lasso: an L1 penalty weighted by :math:`1/|\tilde w_j|^\gamma` (Zou 2006).

    .. math::

        \hat w = \operatorname*{arg\,min}_w \; \|y_c - X_c w\|_2^2
            + \lambda\sum_j v_j |w_j|, \qquad v_j = \frac{1}{|\tilde w_j|^{\gamma}}

    where :math:`\tilde w` is a first estimate (by default least squares).
    Features with a large first estimate pay a small penalty and are barely
    shrunk; features with a small one pay a large penalty and are removed; a
    feature with :math:`\tilde w_j = 0` gets :math:`v_j = \infty` and stays 0.
    Zou shows that, unlike the lasso, this selects the right features with
    probability tending to 1 without the irrepresentable condition (the
    *oracle property*, for a suitable :math:`\lambda_n`). Solved as a plain
    lasso on rescaled columns: with :math:`\tilde x_j = x_j / v_j`, the lasso
    coefficients :math:`\tilde u` of :math:`(\tilde X, y)` at :math:`\lambda`
    give :math:`\hat w_j = \tilde u_j / v_j`.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    gamma : float, default=1.0
        Exponent :math:`\gamma > 0` of the weights.
    init_coef : array_like of shape (n_features,), optional
        The first estimate :math:`\tilde w`. ``None`` uses least squares
        (:func:`normlib.ridge` with ``lam=0``), which needs
        ``n_samples > n_features``; otherwise pass e.g. ridge coefficients.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.
    tol : float, default=1e-10
        Relative duality-gap tolerance of the lasso fit (:func:`normlib.lasso`).

    Returns
    -------
    FitResult
        ``coef``, ``intercept``, ``objective`` (the weighted cost above),
        ``gap``, ``converged`` and ``n_iter`` of the rescaled lasso.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, ``lam`` < 0,
        ``gamma`` ≤ 0, ``init_coef`` has the wrong length or is not finite,
        or ``init_coef`` is ``None`` and ``n_samples`` ≤ ``n_features``.

    See Also
    --------
    relaxed_lasso, normlib.lasso
    sklearn.linear_model.Lasso : fitted on ``X * |init_coef|**gamma`` with
        ``alpha = lam / (2 * n_samples)``, then multiplied by ``|init_coef|**gamma``,
        gives the same coefficients.

    References
    ----------
    H. Zou, "The adaptive lasso and its oracle properties", Journal of the
    American Statistical Association 101(476), 2006.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 5))
    >>> y = X @ np.array([3.0, 0.0, -2.0, 0.0, 0.0]) + 0.1 * rng.standard_normal(50)
    >>> np.round(nl.adaptive_lasso(X, y, lam=40.0).coef, 2)
    array([ 2.78,  0.  , -1.8 ,  0.  ,  0.  ])
    """
    X, y = check_X_y(X, y, "adaptive_lasso")
    lam = check_scalar(lam, "lam", "adaptive_lasso", low=0.0)
    gamma = check_scalar(gamma, "gamma", "adaptive_lasso", low=0.0, low_inclusive=False)
    tol = check_scalar(tol, "tol", "adaptive_lasso", low=0.0)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "adaptive_lasso")
    n, p = X.shape
    if init_coef is None:
        if n <= p:
            raise ValueError(
                f"The 'init_coef' parameter of adaptive_lasso must be given when "
                f"n_samples <= n_features (least squares is not unique); got X with "
                f"{n} rows and {p} columns. Pass e.g. ridge coefficients."
            )
        init = ridge(X, y, 0.0, fit_intercept=fit_intercept).coef
    else:
        init = check_array(init_coef, "init_coef", "adaptive_lasso", ndim=1)
        if init.shape[0] != p:
            raise ValueError(
                f"The 'init_coef' parameter of adaptive_lasso must have one value per "
                f"column of X; got {init.shape[0]} values for {p} columns."
            )
    scale = np.abs(init) ** gamma  # 1 / v_j; 0 removes the feature
    keep = np.flatnonzero(scale)
    coef = np.zeros(p)
    if keep.size == 0:  # every feature removed: only the intercept, computed scaled
        data = _Scaled(X, y, fit_intercept)
        return FitResult(coef=coef, intercept=data.intercept(coef), n_iter=0, converged=True,
                         objective=data.cost(float(data.y @ data.y)), gap=0.0,
                         objective_history=np.empty(0))
    fit = lasso(X[:, keep] * scale[keep], y, lam, fit_intercept=fit_intercept, tol=tol)
    coef[keep] = fit.coef * scale[keep]
    return FitResult(
        coef=coef + 0.0, intercept=fit.intercept, n_iter=fit.n_iter, converged=fit.converged,
        objective=fit.objective, gap=fit.gap, objective_history=fit.objective_history,
    )


# ---------------------------------------------------------------- when the lasso selects right


def irrepresentable_condition(X, support, signs, *, fit_intercept=True):
    r"""Zhao & Yu's irrepresentable quantity: the lasso can select ``support`` only if it is ≤ 1.

    .. math::

        \mu = \bigl\|X_{S^c}^\top X_S \,(X_S^\top X_S)^{-1} \operatorname{sign}(w_S)\bigr\|_\infty

    computed on the centred columns when ``fit_intercept`` is true. If the
    true coefficients have support :math:`S` and signs :math:`\operatorname{sign}(w_S)`,
    the lasso can find exactly that support with those signs, for some
    :math:`\lambda`, only when :math:`\mu \le 1` (the *irrepresentable
    condition*; Zhao & Yu prove that :math:`\mu \le 1 - \eta` for some
    :math:`\eta > 0` is, in their asymptotic setting, almost necessary and
    sufficient for the lasso to be sign consistent). The reason is the KKT
    condition: on the right support, the correlation of an excluded
    feature with the residual is :math:`\lambda/2` times the
    :math:`j`-th entry of the vector above (plus noise), and it must stay
    within :math:`\lambda/2`. Each row of :math:`X_{S^c}^\top X_S (X_S^\top
    X_S)^{-1}` is the least-squares coefficients of an excluded feature on the
    included ones: excluded features must not be too well "represented" by them.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    support : array_like of int
        Indices of the true features :math:`S` (distinct, at least one, not
        all; :math:`X_S` must have full column rank).
    signs : array_like of shape (len(support),)
        Signs :math:`\pm 1` of the true coefficients on ``support``.
    fit_intercept : bool, default=True
        Centre the columns first (as the lasso with an intercept does).

    Returns
    -------
    float
        :math:`\mu`; the condition holds when :math:`\mu < 1`.

    Raises
    ------
    ValueError
        If ``X`` is invalid, ``support`` has repeated, out-of-range or all
        indices, ``signs`` is not ±1 of the right length, or :math:`X_S` is
        rank deficient.
    TypeError
        If ``support`` does not hold integers.

    See Also
    --------
    normlib.lasso_path, adaptive_lasso, stability_selection
    numpy.linalg.lstsq : each row of the matrix above is ``lstsq(X_S, x_j)``.

    References
    ----------
    P. Zhao and B. Yu, "On model selection consistency of Lasso", Journal of
    Machine Learning Research 7, 2006.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> X = np.eye(4)  # orthogonal features: nothing is represented by the others
    >>> nl.irrepresentable_condition(X, [0, 1], [1, -1], fit_intercept=False)
    0.0
    """
    X = check_array(X, "X", "irrepresentable_condition", ndim=2)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "irrepresentable_condition")
    p = X.shape[1]
    support = np.asarray(support)
    if support.ndim != 1 or support.size == 0 or support.dtype.kind not in "iu":
        if support.dtype.kind not in "iu" and support.size > 0:
            raise TypeError(
                f"The 'support' parameter of irrepresentable_condition must hold integer "
                f"indices; got dtype {support.dtype}."
            )
        raise ValueError(
            "The 'support' parameter of irrepresentable_condition must be a non-empty "
            f"1-D array of feature indices; got shape {support.shape}."
        )
    if (support < 0).any() or (support >= p).any() or np.unique(support).size != support.size \
            or support.size >= p:
        raise ValueError(
            "The 'support' parameter of irrepresentable_condition must hold distinct "
            f"indices in [0, {p - 1}], fewer than all {p} features; got {support.tolist()}."
        )
    signs = check_array(signs, "signs", "irrepresentable_condition", ndim=1)
    if signs.shape[0] != support.size or not np.isin(signs, (-1.0, 1.0)).all():
        raise ValueError(
            "The 'signs' parameter of irrepresentable_condition must hold one sign (+1 or "
            f"-1) per index of support; got {signs.tolist()} for {support.size} indices."
        )
    Xc = _Scaled._scale(X, fit_intercept)[0]  # centred, / 2**e: the ratio is unit-free
    XS = Xc[:, support]
    if np.linalg.matrix_rank(XS) < support.size:
        raise ValueError(
            "The 'support' parameter of irrepresentable_condition must select linearly "
            "independent columns of X (X_S must have full column rank)."
        )
    rest = np.setdiff1d(np.arange(p), support)
    represent = np.linalg.lstsq(XS, Xc[:, rest], rcond=None)[0]  # (|S|, |S^c|)
    return float(np.abs(represent.T @ signs).max())


def stability_selection(
    X, y, lams, *, n_resamples=50, sample_fraction=0.5, seed=0, fit_intercept=True, tol=1e-8,
    return_q=False,
):
    r"""Stability selection: how often each feature is selected by the lasso on random half-samples.

    .. math::

        \hat\Pi_j(\lambda) = \frac{1}{B}\sum_{b=1}^{B}
            \mathbf{1}\bigl[\hat w_j^{\text{lasso}}(\lambda;\, I_b) \ne 0\bigr]

    where :math:`I_1, \dots, I_B` are random subsets of
    :math:`\lfloor \texttt{sample\_fraction}\cdot n\rfloor` rows drawn without
    replacement. Meinshausen & Bühlmann (2010) select the features whose
    largest probability over the :math:`\lambda` grid reaches a threshold
    :math:`\pi_{\text{thr}} \in (1/2, 1)`, and bound the expected number of
    false selections (:func:`stability_error_bound`). Subsample ``b`` uses
    the rows ``rng.choice(n, m, replace=False)``, drawn in order from one
    ``rng = np.random.default_rng(seed)``; each subsample's path is
    :func:`normlib.lasso_path` on the given ``lams``. In the book's scaling
    (SSE, no :math:`1/n`) the same :math:`\lambda` weighs about twice as much
    against the SSE of a half-sample as against that of the full sample.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lams : array_like of shape (n_lams,)
        Penalty strengths :math:`\lambda \ge 0` (decreasing is fastest).
    n_resamples : int, default=50
        Number of subsamples :math:`B \ge 1`.
    sample_fraction : float, default=0.5
        Fraction of rows in each subsample, in (0, 1]; at least 2 rows.
    seed : int, default=0
        Seed of the subsampling.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept in each lasso.
    tol : float, default=1e-8
        Relative duality-gap tolerance of each lasso fit.
    return_q : bool, default=False
        Also return :math:`q`, the average over the subsamples of the number
        of features selected for at least one :math:`\lambda` of the grid
        (:math:`q_\Lambda = \mathbb{E}|\cup_{\lambda}\hat S^\lambda|` of the
        paper), the :math:`q` of :func:`stability_error_bound`.

    Returns
    -------
    lams : ndarray of shape (n_lams,)
        The penalty strengths (a new array).
    probabilities : ndarray of shape (n_lams, n_features)
        ``probabilities[k, j]`` is the fraction of subsamples whose lasso at
        ``lams[k]`` has a nonzero weight on feature ``j``.
    q : float
        Only with ``return_q=True`` (see above).

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, a ``lam`` is
        negative, ``n_resamples`` < 1, ``sample_fraction`` is not in (0, 1]
        or gives fewer than 2 rows, or ``tol`` < 0.
    TypeError
        If ``n_resamples`` or ``seed`` is not an integer.

    See Also
    --------
    stability_error_bound, normlib.lasso_path
    sklearn.utils.resample : ``resample(X, y, replace=False, n_samples=m)`` draws such subsamples.

    References
    ----------
    N. Meinshausen and P. Bühlmann, "Stability selection", Journal of the Royal
    Statistical Society B 72(4), 2010.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((40, 4))
    >>> y = X @ np.array([2.0, 0.0, 0.0, -1.0]) + rng.standard_normal(40)
    >>> lams, probs = nl.stability_selection(X, y, [40.0, 10.0], n_resamples=20)
    >>> probs
    array([[0.85, 0.  , 0.  , 0.85],
           [1.  , 0.05, 0.1 , 1.  ]])
    """
    X, y = check_X_y(X, y, "stability_selection")
    lams = check_array(lams, "lams", "stability_selection", ndim=1)
    if (lams < 0).any():
        raise ValueError(
            "The 'lams' parameter of stability_selection must hold values >= 0; "
            f"got a minimum of {lams.min()!r}."
        )
    B = check_scalar(n_resamples, "n_resamples", "stability_selection", low=1, integer=True)
    frac = check_scalar(sample_fraction, "sample_fraction", "stability_selection",
                        low=0.0, high=1.0, low_inclusive=False)
    seed = check_scalar(seed, "seed", "stability_selection", low=0, integer=True)
    tol = check_scalar(tol, "tol", "stability_selection", low=0.0)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "stability_selection")
    return_q = check_bool(return_q, "return_q", "stability_selection")
    n = X.shape[0]
    m = math.floor(frac * n)
    if m < 2:
        raise ValueError(
            "The 'sample_fraction' parameter of stability_selection must leave at least 2 "
            f"rows per subsample; got {frac!r} of {n} rows = {m}."
        )
    rng = np.random.default_rng(seed)
    counts = np.zeros((lams.size, X.shape[1]))
    union_sizes = 0
    for _ in range(B):
        rows = rng.choice(n, m, replace=False)
        _, coefs = lasso_path(X[rows], y[rows], lams=lams, fit_intercept=fit_intercept, tol=tol)
        selected = coefs != 0
        counts += selected
        union_sizes += int(selected.any(axis=0).sum())
    if return_q:
        return np.array(lams), counts / B, union_sizes / B
    return np.array(lams), counts / B


def stability_error_bound(q, n_features, threshold):
    r"""Meinshausen–Bühlmann bound on the expected number of falsely selected features.

    .. math::

        \mathbb{E}[V] \le \frac{q^2}{(2\pi_{\text{thr}} - 1)\,p}

    where :math:`V` is the number of noise features whose selection
    probability reaches :math:`\pi_{\text{thr}}`, :math:`q` the average number
    of features the lasso selects on a subsample for at least one
    :math:`\lambda` of the grid (``stability_selection(..., return_q=True)``),
    and :math:`p` the number of features (Theorem 1 of the paper, under an
    exchangeability assumption on the noise features and a procedure no worse
    than random guessing).

    Parameters
    ----------
    q : float
        Average number of selected features per subsample, :math:`0 \le q \le p`.
    n_features : int
        :math:`p \ge 1`.
    threshold : float
        :math:`\pi_{\text{thr}} \in (1/2, 1]`.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``q`` is not in :math:`[0, p]`, ``n_features`` < 1 or ``threshold``
        is not in :math:`(1/2, 1]`.
    TypeError
        If an argument is not a number (``n_features`` not an integer).

    See Also
    --------
    stability_selection

    Examples
    --------
    >>> stability_error_bound(q=5, n_features=100, threshold=0.75)
    0.5
    """
    p = check_scalar(n_features, "n_features", "stability_error_bound", low=1, integer=True)
    q = check_scalar(q, "q", "stability_error_bound", low=0.0, high=p)
    thr = check_scalar(threshold, "threshold", "stability_error_bound", low=0.5, high=1.0,
                       low_inclusive=False)
    return q**2 / ((2.0 * thr - 1.0) * p)
