r"""Regularization paths and K-fold cross-validation for choosing :math:`\lambda`.

Used by the chapters *Regularization* and *Sparsity*. A *path* is the
solution :math:`\hat w(\lambda)` for a whole grid of penalty strengths; the
source suggests choosing :math:`\lambda` by K-fold cross-validation, which
:func:`cross_validate` does on such a grid.

Paths are cheap because neighbouring solutions are close: the lasso and
elastic-net paths start each fit from the previous solution (*warm starts*),
from the largest :math:`\lambda` (all coefficients 0) down; the ridge path
needs a single SVD for every :math:`\lambda`.
"""

import warnings
from dataclasses import dataclass

import numpy as np

from ._validation import check_array, check_bool, check_option, check_scalar, check_X_y
from .models import (
    DEFAULT_MAX_ITER,
    ConvergenceWarning,
    _cd_inner,
    _centre,
    _divide_by_power_of_two,
    _exponent,
    _GramCache,
    _least_squares_sse,
    _max_abs,
    _nearly_least_squares,
    _ridge_svd_coefs,
    _Scaled,
    _working_set_solver,
)

__all__ = [
    "CVResult",
    "cross_validate",
    "elastic_net_path",
    "interpolate_path",
    "lars_lasso_path",
    "lasso_path",
    "ridge_path",
]

CV_PENALTIES = ("l1", "l2", "elasticnet")


# ---------------------------------------------------------------- validation


def _check_lams(lams, func):
    """A 1-D float array of non-negative penalty strengths (a new array)."""
    lams = check_array(lams, "lams", func, ndim=1)
    if (lams < 0).any():
        raise ValueError(
            f"The 'lams' parameter of {func} must contain only values >= 0; "
            f"got {float(lams.min())!r}."
        )
    return np.array(lams, dtype=float)


def _check_grid_args(n_lams, eps, func):
    n_lams = check_scalar(n_lams, "n_lams", func, low=1, integer=True)
    eps = check_scalar(eps, "eps", func, low=0.0, high=1.0, low_inclusive=False)
    return n_lams, eps


def _geometric_grid(lam_max, n_lams, eps):
    """``n_lams`` values from ``lam_max`` down to ``eps * lam_max``, equally spaced in log."""
    return lam_max * np.logspace(0.0, np.log10(eps), n_lams)


# ---------------------------------------------------------------- lasso and elastic-net paths


def _enet_coefs(data, l1s, l2s, tol, max_iter, func, where=""):
    """Warm-started coefficients (in the units of the data) for each pair of L1 and
    L2 strengths ``l1s[k]``, ``l2s[k]`` (in the units of the data), in the order
    given; warns once if needed.

    ``data`` is a :class:`normlib.models._Scaled`: the fits are those of the
    scaled problem. Called two levels below the public function (which is
    what the warning points at); ``where`` (e.g. " in fold 2 of 5") is added
    to the warning.
    """
    Xs, ys = data.X, data.y
    tol_abs = tol * float(ys @ ys)
    l1s, l2s = [data.l1(l1) for l1 in l1s], [data.l2(l2) for l2 in l2s]
    tiny = [_nearly_least_squares(data, l1, l2) for l1, l2 in zip(l1s, l2s, strict=True)]
    sse_min = _least_squares_sse(Xs, ys) if any(tiny) else None
    w = np.zeros(Xs.shape[1])
    coefs = np.empty((len(l1s), Xs.shape[1]))
    gram = _GramCache(Xs, ys)  # rows of Xs^T Xs, shared by all the fits of the path
    failed = []
    for k, (l1, l2) in enumerate(zip(l1s, l2s, strict=True)):
        w, _, gap, _, _ = _working_set_solver(
            Xs, ys, l1, l2, w, tol_abs, max_iter, _cd_inner, False,
            sse_min if tiny[k] else None, gram,
        )
        coefs[k] = data.coef(w)
        if gap > tol_abs:
            failed.append(gap / float(ys @ ys))
    if failed:
        _warn_path(func + where, failed, len(l1s), tol, max_iter)
    return coefs


def _warn_path(func, gaps, n_lams, tol, max_iter):
    message = (
        f"{func} did not converge for {len(gaps)} of {n_lams} values of lam: "
        f"duality gap up to {max(gaps):.1e}·‖y‖² > tol·‖y‖² = {tol:.1e}·‖y‖² "
        f"after {max_iter} iterations; increase max_iter or tol."
    )
    warnings.warn(ConvergenceWarning(message), stacklevel=5)


def lasso_path(
    X,
    y,
    lams=None,
    n_lams=100,
    eps=1e-3,
    *,
    fit_intercept=True,
    tol=1e-10,
    max_iter=DEFAULT_MAX_ITER,
):
    r"""Lasso solutions for a grid of :math:`\lambda`, with warm starts.

    .. math::

        \hat w(\lambda) = \operatorname*{arg\,min}_w \; \|y_c - X_c w\|_2^2 + \lambda\|w\|_1,
        \qquad \lambda \in \{\lambda_1, \dots, \lambda_m\}

    By default the grid is geometric from :func:`normlib.lambda_max` (where
    every coefficient is 0) down to ``eps * lambda_max``, decreasing. Each fit
    starts from the previous solution (a warm start), which is close when the
    grid is fine; that is why the path costs only a few single fits. Given
    ``lams`` are used **in the order given** (warm starts follow that order;
    decreasing order is the fast one). Each fit is :func:`normlib.lasso` with
    ``method="cd"``: the same working-set coordinate descent and stopping rule.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lams : array_like of shape (n_lams,), optional
        Penalty strengths :math:`\lambda \ge 0`. ``None`` builds the default grid.
    n_lams : int, default=100
        Size of the default grid.
    eps : float, default=1e-3
        Smallest :math:`\lambda` of the default grid, relative to ``lambda_max``, in (0, 1].
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (by centring ``X`` and ``y``); the
        intercept of row ``k`` is ``y.mean() - X.mean(0) @ coefs[k]``.
    tol : float, default=1e-10
        Relative duality-gap tolerance of each fit (see :func:`normlib.lasso`).
    max_iter : int, default=10000
        Maximum number of coordinate-descent epochs of each fit.

    Returns
    -------
    lams : ndarray of shape (n_lams,)
        The penalty strengths used (a new array).
    coefs : ndarray of shape (n_lams, n_features)
        Row ``k`` is the solution for ``lams[k]``.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, a ``lam`` is
        negative, ``n_lams`` < 1 or ``eps`` is not in (0, 1].

    Warns
    -----
    ConvergenceWarning
        Once, if some fits stopped at ``max_iter`` before reaching ``tol``.

    See Also
    --------
    elastic_net_path, ridge_path, cross_validate, normlib.lasso
    sklearn.linear_model.lasso_path : the same path with ``alphas = lams / (2 * n_samples)``
        (it returns coefficients as columns, shape (n_features, n_alphas)).

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 4))
    >>> y = X @ np.array([3.0, 0.0, -1.0, 0.0]) + 0.1 * rng.standard_normal(50)
    >>> lams, coefs = nl.lasso_path(X, y, n_lams=5)
    >>> lams / lams[0]
    array([1.    , 0.1778, 0.0316, 0.0056, 0.001 ])
    >>> np.count_nonzero(coefs, axis=1)
    array([0, 2, 2, 3, 3])
    """
    return _path(X, y, 1.0, lams, n_lams, eps, fit_intercept, tol, max_iter, "lasso_path")


def elastic_net_path(
    X,
    y,
    l1_ratio,
    lams=None,
    n_lams=100,
    eps=1e-3,
    *,
    fit_intercept=True,
    tol=1e-10,
    max_iter=DEFAULT_MAX_ITER,
):
    r"""Elastic-net solutions for a grid of :math:`\lambda`, with warm starts.

    .. math::

        \hat w(\lambda) = \operatorname*{arg\,min}_w \; \|y_c - X_c w\|_2^2
            + \lambda\Bigl(\rho\|w\|_1 + \tfrac{1}{2}(1-\rho)\|w\|_2^2\Bigr)

    Works like :func:`lasso_path`; the default grid starts at
    ``lambda_max(X, y, l1_ratio=l1_ratio)``, which needs ``l1_ratio > 0``
    (with ``l1_ratio=0``, ridge, no finite :math:`\lambda` zeroes every
    coefficient: pass ``lams`` or use :func:`ridge_path`).

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    l1_ratio : float
        :math:`\rho \in [0, 1]` (:math:`(0, 1]` when ``lams`` is None).
    lams : array_like of shape (n_lams,), optional
        Penalty strengths :math:`\lambda \ge 0`, used in the order given.
    n_lams : int, default=100
        Size of the default grid.
    eps : float, default=1e-3
        Smallest :math:`\lambda` of the default grid, relative to ``lambda_max``.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (by centring ``X`` and ``y``).
    tol : float, default=1e-10
        Relative duality-gap tolerance of each fit (see :func:`normlib.elastic_net`).
    max_iter : int, default=10000
        Maximum number of coordinate-descent epochs of each fit.

    Returns
    -------
    lams : ndarray of shape (n_lams,)
    coefs : ndarray of shape (n_lams, n_features)

    Raises
    ------
    ValueError
        As :func:`lasso_path`, and if ``l1_ratio`` is outside :math:`[0, 1]`
        (or is 0 without ``lams``).

    Warns
    -----
    ConvergenceWarning
        Once, if some fits stopped at ``max_iter`` before reaching ``tol``.

    See Also
    --------
    lasso_path, ridge_path, normlib.elastic_net
    sklearn.linear_model.enet_path : the same path with ``alphas = lams / (2 * n_samples)``.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 4))
    >>> y = X @ np.array([3.0, 0.0, -1.0, 0.0]) + 0.1 * rng.standard_normal(50)
    >>> lams, coefs = nl.elastic_net_path(X, y, 0.5, n_lams=3)
    >>> coefs.shape
    (3, 4)
    >>> int(np.count_nonzero(coefs[0]))
    0
    """
    return _path(
        X, y, l1_ratio, lams, n_lams, eps, fit_intercept, tol, max_iter, "elastic_net_path"
    )


def _path(X, y, l1_ratio, lams, n_lams, eps, fit_intercept, tol, max_iter, func):
    """Validate, build the default grid if needed, and compute the warm-started path."""
    X, y = check_X_y(X, y, func)
    default_grid = lams is None
    rho = check_scalar(
        l1_ratio, "l1_ratio", func, low=0.0, high=1.0, low_inclusive=not default_grid
    )
    tol = check_scalar(tol, "tol", func, low=0.0)
    max_iter = check_scalar(max_iter, "max_iter", func, low=1, integer=True)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    if default_grid:
        n_lams, eps = _check_grid_args(n_lams, eps, func)
    else:
        lams = _check_lams(lams, func)
    data = _Scaled(X, y, fit_intercept)
    if default_grid:
        # normlib.lambda_max, in the units of the data (inf beyond the float range)
        with np.errstate(over="ignore"):
            lams = np.ldexp(_geometric_grid(data.lam_max(rho), n_lams, eps), data.ex + data.ey)
    # (a default grid beyond the float range holds inf: inf * 0 must stay 0)
    l1s = lams * rho if rho > 0 else np.zeros_like(lams)
    l2s = lams * (1.0 - rho) if rho < 1 else np.zeros_like(lams)
    return lams, _enet_coefs(data, l1s, l2s, tol, max_iter, func)


# ---------------------------------------------------------------- ridge path


def ridge_path(X, y, lams=None, n_lams=100, *, fit_intercept=True):
    r"""Ridge solutions for a grid of :math:`\lambda`, from one SVD.

    .. math::

        \hat w(\lambda) = V\,\mathrm{diag}\!\Bigl(\frac{s_i}{s_i^2 + \lambda/2}\Bigr)\,U^\top y_c,
        \qquad X_c = U\,\mathrm{diag}(s)\,V^\top

    Along the :math:`i`-th principal direction the least-squares coefficient is
    multiplied by :math:`s_i^2 / (s_i^2 + \lambda/2)`: ridge shrinks most the
    directions in which the data vary least. After the SVD each
    :math:`\lambda` costs one small matrix product.

    The default grid has ``n_lams`` values, geometric and decreasing, from
    :math:`\lambda/2 = 10^2 s_{\max}^2` (every direction shrunk to at most 1%
    of its least-squares size: the ridge analogue of ``lambda_max``) down to
    :math:`\lambda/2 = 10^{-4} s_{\max}^2` (the leading direction shrunk by
    0.01%), where :math:`s_{\max}` is the largest singular value of
    :math:`X_c`.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lams : array_like of shape (n_lams,), optional
        Penalty strengths :math:`\lambda \ge 0`, in any order. ``None`` builds
        the default grid.
    n_lams : int, default=100
        Size of the default grid.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (by centring ``X`` and ``y``).

    Returns
    -------
    lams : ndarray of shape (n_lams,)
    coefs : ndarray of shape (n_lams, n_features)
        Row ``k`` equals ``normlib.ridge(X, y, lams[k]).coef``.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, a ``lam`` is
        negative or ``n_lams`` < 1.

    See Also
    --------
    normlib.ridge, lasso_path, cross_validate
    sklearn.linear_model.Ridge : ``Ridge(alpha=lam / 2)`` for each ``lam``.
    sklearn.linear_model.RidgeCV : also uses one decomposition for all alphas.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
    >>> y = [1.0, 2.0, 3.0, 3.5]
    >>> lams, coefs = nl.ridge_path(X, y, lams=[0.0, 1.0])
    >>> np.round(coefs, 4)
    array([[0.75  , 1.8333],
           [0.6   , 1.1   ]])
    """
    X, y = check_X_y(X, y, "ridge_path")
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "ridge_path")
    if lams is None:
        n_lams = check_scalar(n_lams, "n_lams", "ridge_path", low=1, integer=True)
    else:
        lams = _check_lams(lams, "ridge_path")
    data = _Scaled(X, y, fit_intercept)
    if lams is None:
        s_max = np.linalg.norm(data.X, 2)
        with np.errstate(over="ignore", under="ignore"):
            lams = np.ldexp(2.0 * s_max**2 * np.logspace(2.0, -4.0, n_lams), 2 * data.ex)
    coefs, _ = _ridge_svd_coefs(data.X, data.y, np.array([data.l2(lam) for lam in lams]))
    return lams, data.coef(coefs)


# ---------------------------------------------------------------- cross-validation


@dataclass(frozen=True, repr=False, eq=False)
class CVResult:
    r"""The result of :func:`cross_validate`.

    Attributes
    ----------
    lams : ndarray of shape (n_lams,)
        The penalty strengths, as given.
    mean_error : ndarray of shape (n_lams,)
        Mean over the folds of the test mean squared error.
    std_error : ndarray of shape (n_lams,)
        Standard error of that mean: the standard deviation over the folds
        (``ddof=1``) divided by :math:`\sqrt{k}`.
    fold_errors : ndarray of shape (k, n_lams)
        Test mean squared error of each fold.
    best_lam : float
        The :math:`\lambda` with the smallest ``mean_error``.
    lam_1se : float
        The largest :math:`\lambda` whose ``mean_error`` is within one standard
        error of the best (the "one-standard-error rule": the simplest model
        statistically as good as the best).
    folds : list of ndarray
        The ``k`` arrays of test indices (sorted), a partition of ``range(n_samples)``.
    """

    lams: np.ndarray
    mean_error: np.ndarray
    std_error: np.ndarray
    fold_errors: np.ndarray
    best_lam: float
    lam_1se: float
    folds: list

    def __repr__(self):
        return (
            f"CVResult(n_lams={self.lams.size}, k={len(self.folds)}, "
            f"best_lam={self.best_lam:.4g}, lam_1se={self.lam_1se:.4g})"
        )


def _fold_coefs(X_train, y_train, l1s, l2s, fit_intercept, tol, max_iter, where):
    """Coefficients (n_lams, p) and intercepts (n_lams,) fitted on one training set.

    ``l1s`` and ``l2s`` are the strengths of the L1 and L2 parts in the units
    of ``X_train`` and ``y_train``; the coefficients and intercepts are in
    those units too.
    """
    data = _Scaled(X_train, y_train, fit_intercept)
    if not l1s.any():  # ridge: one SVD for every lam
        coefs, _ = _ridge_svd_coefs(data.X, data.y, np.array([data.l2(l2) for l2 in l2s]))
        coefs = data.coef(coefs)
    else:
        # warm starts work best from large lam down
        order = np.argsort(-(l1s + l2s), kind="stable")
        coefs = np.empty((l1s.size, X_train.shape[1]))
        coefs[order] = _enet_coefs(
            data, l1s[order], l2s[order], tol, max_iter, "cross_validate", where
        )
    if not fit_intercept:
        return coefs, np.zeros(l1s.size)
    return coefs, y_train.mean() - coefs @ X_train.mean(axis=0)


def cross_validate(
    X,
    y,
    lams,
    penalty="l1",
    k=5,
    seed=0,
    *,
    l1_ratio=0.5,
    fit_intercept=True,
    tol=1e-10,
    max_iter=DEFAULT_MAX_ITER,
):
    r"""K-fold cross-validation of ridge, lasso or elastic net over a grid of :math:`\lambda`.

    .. math::

        \mathrm{CV}(\lambda) = \frac{1}{k}\sum_{f=1}^{k} \frac{1}{|T_f|}
            \sum_{i \in T_f} \bigl(y_i - \hat b^{(-f)}(\lambda)
            - x_i^\top \hat w^{(-f)}(\lambda)\bigr)^2

    The samples are shuffled by ``np.random.default_rng(seed).permutation``
    and cut into ``k`` folds :math:`T_1, \dots, T_k` of nearly equal sizes
    (:func:`numpy.array_split`). For each fold the model is fitted on the other
    folds for every :math:`\lambda` (a warm-started path for ``'l1'`` and
    ``'elasticnet'``, computed from the largest :math:`\lambda` down whatever the
    order of ``lams``; one SVD for ``'l2'``) and its mean squared error is
    measured on the held-out fold.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lams : array_like of shape (n_lams,)
        Penalty strengths :math:`\lambda \ge 0` (e.g. from :func:`lasso_path`).
    penalty : {'l1', 'l2', 'elasticnet'}, default='l1'
        The model: :func:`normlib.lasso`, :func:`normlib.ridge` or :func:`normlib.elastic_net`.
    k : int, default=5
        Number of folds, :math:`2 \le k \le n_{\text{samples}}`.
    seed : int, default=0
        Seed of the shuffle (same seed, same folds).
    l1_ratio : float, default=0.5
        :math:`\rho \in [0, 1]` for ``'elasticnet'``.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept in each fold.
    tol : float, default=1e-10
        Relative duality-gap tolerance of each lasso / elastic-net fit.
    max_iter : int, default=10000
        Maximum number of coordinate-descent epochs of each fit.

    Returns
    -------
    CVResult
        ``lams``, ``mean_error``, ``std_error``, ``fold_errors``, ``best_lam``,
        ``lam_1se`` and ``folds``.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, a ``lam`` is
        negative, ``penalty`` is unknown, ``l1_ratio`` is outside
        :math:`[0, 1]`, or ``k`` is not between 2 and ``n_samples``.

    See Also
    --------
    lasso_path, ridge_path
    sklearn.linear_model.LassoCV : the same with ``alphas = lams / (2 * n_samples_train)``
        (its alpha is relative to the size of the training folds).
    sklearn.model_selection.KFold : folds without the permutation by ``seed``.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((60, 8))
    >>> y = X[:, 0] - 2 * X[:, 1] + 0.5 * rng.standard_normal(60)
    >>> lams, _ = nl.lasso_path(X, y, n_lams=20)
    >>> cv = nl.cross_validate(X, y, lams, penalty="l1", k=5, seed=0)
    >>> cv.fold_errors.shape
    (5, 20)
    >>> bool(cv.lam_1se >= cv.best_lam)
    True
    """
    func = "cross_validate"
    X, y = check_X_y(X, y, func)
    lams = _check_lams(lams, func)
    penalty = check_option(penalty, "penalty", func, CV_PENALTIES)
    n = X.shape[0]
    k = check_scalar(k, "k", func, low=2, high=n, integer=True)
    seed = check_scalar(seed, "seed", func, low=0, integer=True)
    rho = check_scalar(l1_ratio, "l1_ratio", func, low=0.0, high=1.0)
    tol = check_scalar(tol, "tol", func, low=0.0)
    max_iter = check_scalar(max_iter, "max_iter", func, low=1, integer=True)

    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)

    # Work in units where the largest |x| and |y| are in [1, 2) (dividing by
    # powers of two is exact): squared errors then neither overflow nor
    # underflow, whatever the scale of the data; the errors are reported in
    # the units of y squared at the end.
    ex, ey = _exponent(_max_abs(X)), _exponent(_max_abs(y))
    X, y = _divide_by_power_of_two(X, ex), _divide_by_power_of_two(y, ey)
    rho = {"l1": 1.0, "l2": 0.0, "elasticnet": rho}[penalty]
    with np.errstate(over="ignore", under="ignore"):
        l1s = np.ldexp(lams * rho, -(ex + ey))
        l2s = np.ldexp(lams * (1.0 - rho), -2 * ex)

    permutation = np.random.default_rng(seed).permutation(n)
    folds = [np.sort(fold) for fold in np.array_split(permutation, k)]
    fold_errors = np.empty((k, lams.size))
    for f, test in enumerate(folds):
        train = np.ones(n, dtype=bool)
        train[test] = False
        coefs, intercepts = _fold_coefs(
            X[train], y[train], l1s, l2s, fit_intercept, tol, max_iter,
            f" in fold {f + 1} of {k}",
        )
        predictions = X[test] @ coefs.T + intercepts  # (n_test, n_lams)
        with np.errstate(over="ignore"):  # coefficients beyond the float range: inf
            fold_errors[f] = np.mean((y[test, None] - predictions) ** 2, axis=0)
    return _summarize(lams, fold_errors, folds, 2 * ey)


def _summarize(lams, fold_errors, folds, exponent=0):
    """Mean error, its standard error, the best lam and the one-standard-error lam.

    ``fold_errors`` are in units of ``2**exponent`` (the choice of lam does not
    depend on the units); the errors are returned in the units of the data
    (inf if they exceed the float range).
    """
    k = fold_errors.shape[0]
    mean_error = fold_errors.mean(axis=0)
    with np.errstate(invalid="ignore"):  # an inf error has no standard deviation
        std_error = fold_errors.std(axis=0, ddof=1) / np.sqrt(k)
    best = int(np.argmin(mean_error))
    within_one_se = mean_error <= mean_error[best] + std_error[best]
    with np.errstate(over="ignore", under="ignore"):
        in_units = [np.ldexp(e, exponent) for e in (mean_error, std_error, fold_errors)]
    return CVResult(
        lams=lams,
        mean_error=in_units[0],
        std_error=in_units[1],
        fold_errors=in_units[2],
        best_lam=float(lams[best]),
        lam_1se=float(lams[within_one_se].max()),
        folds=folds,
    )


# ---------------------------------------------------------------- exact lasso path (LARS-lasso)
# The breakpoints of the lasso path, and its exact value between them, for the book's
# continuous λ cursor (chapter 4a).


def _lars_direction(gram, active, signs):
    """Solve ``G_AA d = s_A``: how fast the active weights grow as λ/2 falls."""
    return np.linalg.solve(gram[np.ix_(active, active)], signs)


def _lars_steps(Xc, yc, max_steps):
    """Breakpoints (λ, w) of the lasso path by the LARS-lasso homotopy; see lars_lasso_path."""
    n_features = Xc.shape[1]
    gram = Xc.T @ Xc
    corr0 = Xc.T @ yc  # X^T y; the correlations at w = 0
    w = np.zeros(n_features)
    level = float(np.abs(corr0).max())  # C = λ/2, the common |correlation| of the active set
    lams, coefs = [2.0 * level], [w.copy()]
    if level == 0.0:
        return np.array(lams), np.array(coefs)
    scale = max(level, np.finfo(float).tiny)
    tiny = 1e-12 * scale  # correlations this close to C count as equal (ties)
    active = [int(np.argmax(np.abs(corr0)))]
    just_dropped = -1
    for _ in range(max_steps):
        corr = corr0 - gram @ w  # X^T (y - X w)
        signs = np.sign(corr[active])
        try:
            d = _lars_direction(gram, active, signs)
        except np.linalg.LinAlgError:  # the active columns became collinear: stop here
            break
        # as C falls by delta: w_A += delta d, corr_j -= delta a_j (inactive j),
        # and |corr_A| = C - delta
        a = gram[:, active] @ d
        step, event, index = level, "end", -1  # by default run to λ = 0
        inactive = np.setdiff1d(np.arange(n_features), active)
        for j in inactive:
            branches = [(level - corr[j], 1.0 - a[j]), (level + corr[j], 1.0 + a[j])]
            if j == just_dropped:
                # it left with |corr_j| = C: it can only come back with the other sign
                branches = [max(branches, key=lambda b: abs(b[0]))]
            for num, den in branches:
                if den > 1e-14 and num / den > tiny and num / den < step - tiny:
                    step, event, index = num / den, "join", int(j)
        for k, j in enumerate(active):
            if d[k] != 0.0:
                cross = -w[j] / d[k]  # delta at which w_j reaches 0
                if tiny < cross < step - tiny:
                    step, event, index = cross, "drop", j
        w[active] += step * d
        level -= step
        just_dropped = -1
        if event == "drop":
            w[index] = 0.0
            active.remove(index)
            just_dropped = index
        elif event == "join":
            active.append(index)
        if event == "end" or level <= tiny:
            level = 0.0
        lams.append(2.0 * level)
        coefs.append(w.copy())
        if level == 0.0 or not active:
            break
    return np.array(lams), np.array(coefs) + 0.0  # "+ 0.0": no negative zeros


def lars_lasso_path(X, y, *, fit_intercept=True, max_steps=None):
    r"""The exact lasso path: its breakpoints, by the LARS-lasso homotopy.

    .. math::

        \hat w(\lambda) = \operatorname*{arg\,min}_w \; \|y_c - X_c w\|_2^2 + \lambda\|w\|_1
        \quad\text{is piecewise linear in } \lambda:\quad
        \hat w_A(\lambda) = (X_A^\top X_A)^{-1}\bigl(X_A^\top y_c - \tfrac{\lambda}{2}\, s_A\bigr)

    between consecutive breakpoints, where :math:`A` is the set of nonzero
    weights (the *active set*) and :math:`s_A` their signs. The KKT conditions
    say that every active feature has :math:`|X_j^\top(y_c - X_c\hat w)| =
    \lambda/2` and every other one at most :math:`\lambda/2`. Starting from
    :func:`normlib.lambda_max` (all weights 0), the homotopy follows the
    segment until a feature's correlation reaches :math:`\lambda/2` (it joins
    :math:`A`) or an active weight reaches 0 (it leaves :math:`A`: the lasso
    modification of LARS), and records :math:`(\lambda, \hat w)` there
    (Efron, Hastie, Johnstone and Tibshirani, *Least angle regression*, 2004).
    Between breakpoints the path is exactly the straight line between them,
    in :math:`\lambda` (see :func:`interpolate_path`). The last breakpoint is
    :math:`\lambda = 0`, the least-squares solution, when :math:`X_c` has full
    column rank; otherwise the path stops where the active columns become
    collinear.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (by centring ``X`` and ``y``).
    max_steps : int, optional
        Maximum number of segments; ``None`` means ``8 * n_features + 8``
        (each feature joins, and may leave, a few times at most in practice).

    Returns
    -------
    lams : ndarray of shape (n_breaks,)
        The breakpoints, decreasing, from ``lambda_max`` (down to 0 when the path is complete).
    coefs : ndarray of shape (n_breaks, n_features)
        Row ``k`` is the lasso solution at ``lams[k]``; row 0 is all zeros.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid or their lengths differ, or ``max_steps`` < 1.
    TypeError
        If ``max_steps`` is not an integer.

    See Also
    --------
    interpolate_path : the exact solution at any :math:`\lambda` from the breakpoints.
    lasso_path : warm-started coordinate descent on a grid of :math:`\lambda`.
    sklearn.linear_model.lars_path : ``method="lasso"`` gives the same breakpoints on
        centred data with ``alphas = lams / (2 * n_samples)`` (coefficients as columns).

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
    >>> y = [1.0, 2.0, 3.0, 3.5]
    >>> lams, coefs = nl.lars_lasso_path(X, y, fit_intercept=False)
    >>> lams
    array([22., 12.,  0.])
    >>> np.round(coefs, 4)
    array([[0.    , 0.    ],
           [0.8333, 0.    ],
           [0.8333, 2.    ]])

    Hand check: :math:`X^\top y = (11, 8.5)`, so :math:`\lambda_{\max} = 2 \cdot 11`;
    with :math:`X^\top X = \begin{pmatrix} 6 & 3 \\ 3 & 3 \end{pmatrix}`, feature 2's
    correlation :math:`8.5 - 3 w_1` reaches :math:`\lambda/2` at :math:`\lambda = 12`.
    """
    func = "lars_lasso_path"
    X, y = check_X_y(X, y, func)
    if max_steps is None:
        max_steps = 8 * X.shape[1] + 8
    max_steps = check_scalar(max_steps, "max_steps", func, low=1, integer=True)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    Xc, yc, _, _ = _centre(X, y, fit_intercept)
    return _lars_steps(np.asarray(Xc), np.asarray(yc), max_steps)


def interpolate_path(lams, coefs, lam):
    r"""The lasso solution at any :math:`\lambda`, exactly, from the path's breakpoints.

    .. math::

        \hat w(\lambda) = \frac{\lambda - \lambda_{k+1}}{\lambda_k - \lambda_{k+1}}
            \,\hat w(\lambda_k)
            + \frac{\lambda_k - \lambda}{\lambda_k - \lambda_{k+1}}\,\hat w(\lambda_{k+1}),
        \qquad \lambda_{k+1} \le \lambda \le \lambda_k

    The lasso path is linear in :math:`\lambda` between breakpoints (see
    :func:`lars_lasso_path`), so linear interpolation is exact there. Above
    the first breakpoint (``lambda_max``) the solution is its row (zeros);
    below the last one the last row is returned.

    Parameters
    ----------
    lams : array_like of shape (n_breaks,)
        Breakpoints, strictly decreasing (as :func:`lars_lasso_path` returns them).
    coefs : array_like of shape (n_breaks, n_features)
        The solutions at the breakpoints.
    lam : float or array_like of shape (m,)
        Where to evaluate, :math:`\lambda \ge 0`.

    Returns
    -------
    ndarray of shape (n_features,) or (m, n_features)
        The solution at ``lam`` (one row per value when ``lam`` is an array).

    Raises
    ------
    ValueError
        If the shapes do not match, ``lams`` is not strictly decreasing, or a
        ``lam`` is negative or not finite.

    See Also
    --------
    lars_lasso_path, numpy.interp : the same, one feature at a time.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
    >>> y = [1.0, 2.0, 3.0, 3.5]
    >>> lams, coefs = nl.lars_lasso_path(X, y, fit_intercept=False)
    >>> np.round(nl.interpolate_path(lams, coefs, 6.0), 4)
    array([0.8333, 1.    ])
    >>> np.round(nl.lasso(X, y, 6.0, fit_intercept=False).coef, 4)
    array([0.8333, 1.    ])
    """
    func = "interpolate_path"
    lams = check_array(lams, "lams", func, ndim=1)
    coefs = check_array(coefs, "coefs", func, ndim=2)
    if coefs.shape[0] != lams.shape[0]:
        raise ValueError(
            f"The 'lams' and 'coefs' parameters of {func} must have the same number of "
            f"rows; got {lams.shape[0]} breakpoints and {coefs.shape[0]} rows of coefs."
        )
    if lams.size > 1 and not (np.diff(lams) < 0).all():
        raise ValueError(f"The 'lams' parameter of {func} must be strictly decreasing.")
    at = check_array(lam, "lam", func, ndim=(0, 1))
    if (at < 0).any():
        raise ValueError(
            f"The 'lam' parameter of {func} must be >= 0; got {float(at.min())!r}."
        )
    scalar = at.ndim == 0
    at = np.atleast_1d(at)
    xp, fp = lams[::-1], coefs[::-1]  # increasing, for numpy.interp
    out = np.column_stack([np.interp(at, xp, fp[:, j]) for j in range(coefs.shape[1])])
    out = out + 0.0
    return out[0] if scalar else out
