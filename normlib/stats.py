r"""The statistical view of shrinkage: bias and variance, the SVD, priors, degrees of freedom.

Used by the chapter *The statistical view of shrinkage*. Same conventions as
the rest of normlib: the costs are

.. math::

    \text{ridge: } \|y - Xw\|_2^2 + \tfrac{1}{2}\lambda\|w\|_2^2, \qquad
    \text{lasso: } \|y - Xw\|_2^2 + \lambda\|w\|_1,

with an unpenalized intercept fitted by centring (``fit_intercept=True``).
With the singular value decomposition :math:`X_c = U D V^\top`
(:math:`d_1 \ge d_2 \ge \dots \ge 0`), ridge shrinks the least-squares fit
along each principal direction :math:`u_j` by the factor

.. math::

    \frac{d_j^2}{d_j^2 + \lambda/2}

(:func:`ridge_shrinkage_factors`); their sum is the effective number of
parameters, :func:`ridge_df`. For the lasso the number of nonzero
coefficients is an unbiased estimate of the degrees of freedom
(:func:`lasso_df`, Zou, Hastie and Tibshirani 2007), which makes the
information criteria of :func:`information_criterion` (Mallows' :math:`C_p`,
AIC, BIC) usable along a lasso path without held-out data. A Gaussian prior on
the weights makes ridge the maximum a posteriori (MAP) estimate and a Laplace
prior makes the lasso one (:func:`lam_from_prior`), and
:func:`simulate_bias_variance` splits the expected test error of a shrunken
fit into squared bias, variance and noise.
"""

import math
from dataclasses import dataclass

import numpy as np

from ._validation import check_array, check_bool, check_option, check_scalar, check_X_y
from .models import HUGE_PENALTY, _divide_by_power_of_two, _exponent, _max_abs, _Scaled
from .paths import lasso_path, ridge_path

__all__ = [
    "BiasVariance",
    "bias_variance",
    "estimate_noise_variance",
    "information_criterion",
    "lam_from_prior",
    "lasso_df",
    "prior_density",
    "prior_variance_from_lam",
    "ridge_condition_number",
    "ridge_df",
    "ridge_shrinkage_factors",
    "simulate_bias_variance",
]

PRIORS = ("gaussian", "laplace")
CRITERIA = ("aic", "bic", "cp")


# ---------------------------------------------------------------- ridge through the SVD


def _singular_values(X, fit_intercept, func):
    """Singular values of the (centred) design divided by ``2**e``, all min(n, p), decreasing.

    Returns ``(d, shape, e)``. The design is divided by a power of two
    (:class:`normlib.models._Scaled`), so that :math:`d^2` neither overflows
    nor underflows at any scale of ``X`` (issue 12); :func:`_scaled_lam` puts a
    penalty in the same units.
    """
    X = check_array(X, "X", func, ndim=2)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    Xs, _, _, e = _Scaled._scale(X, fit_intercept)
    return np.linalg.svd(Xs, compute_uv=False), X.shape, e


def _scaled_lam(lam, e):
    """``lam / 4**e``: a ridge penalty in the units of :func:`_singular_values`."""
    with np.errstate(over="ignore", under="ignore"):
        return min(float(np.ldexp(lam, -2 * e)), HUGE_PENALTY)


def _rank_mask(d, shape):
    """Singular values that count as nonzero (numpy's matrix_rank tolerance)."""
    if d.size == 0 or d[0] == 0.0:
        return np.zeros(d.shape, dtype=bool)
    return d > d[0] * max(shape) * np.finfo(float).eps


def ridge_shrinkage_factors(X, lam, *, fit_intercept=True):
    r"""How much ridge shrinks the fit along each principal direction of ``X``.

    With the thin SVD of the centred design, :math:`X_c = U D V^\top`, the
    ridge fit is :math:`X_c\hat w = \sum_j u_j \frac{d_j^2}{d_j^2 + \lambda/2}
    u_j^\top y_c` (ESL eq. 3.47, in this book's scaling
    :math:`\tfrac12\lambda\|w\|^2`): least squares along each direction
    :math:`u_j`, multiplied by

    .. math::

        s_j(\lambda) = \frac{d_j^2}{d_j^2 + \lambda/2} \in [0, 1].

    Directions of large variance (large :math:`d_j`) are hardly shrunk, those
    of small variance a lot. Directions with :math:`d_j = 0` (numerically:
    below numpy's ``matrix_rank`` tolerance) carry no fit and get 0, also at
    :math:`\lambda = 0`, where the minimum-norm least-squares solution of
    :func:`normlib.ridge` ignores them too.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Use the centred design :math:`X_c = X - \bar x` (as :func:`normlib.ridge`).

    Returns
    -------
    ndarray of shape (min(n_samples, n_features),)
        The factors :math:`s_j`, in the order of the singular values (decreasing).

    Raises
    ------
    ValueError
        If ``X`` is not a finite non-empty 2-D array or ``lam`` is negative or NaN.
    TypeError
        If ``lam`` is not a real number.

    See Also
    --------
    ridge_df : their sum, the effective degrees of freedom.
    numpy.linalg.svd : the singular values :math:`d_j`
        (``np.linalg.svd(X - X.mean(0), compute_uv=False)``).
    sklearn.linear_model.Ridge : ``alpha = lam / 2``, so :math:`s_j = d_j^2 / (d_j^2 + \alpha)`.

    Examples
    --------
    >>> import normlib as nl
    >>> X = [[3.0, 0.0], [0.0, 1.0]]          # singular values 3 and 1
    >>> nl.ridge_shrinkage_factors(X, lam=2.0, fit_intercept=False)
    array([0.9, 0.5])
    """
    func = "ridge_shrinkage_factors"
    d, shape, e = _singular_values(X, fit_intercept, func)
    lam = check_scalar(lam, "lam", func, low=0.0)
    return _factors(d, shape, _scaled_lam(lam, e))


def _factors(d, shape, lam):
    keep = _rank_mask(d, shape)
    factors = np.zeros_like(d)
    factors[keep] = d[keep] ** 2 / (d[keep] ** 2 + 0.5 * lam)
    return factors


def ridge_df(X, lam, *, fit_intercept=True):
    r"""Effective degrees of freedom of ridge regression.

    .. math::

        \mathrm{df}(\lambda) = \operatorname{tr} H_\lambda
            = \operatorname{tr}\bigl[X_c (X_c^\top X_c + \tfrac{\lambda}{2} I)^{-1} X_c^\top\bigr]
            = \sum_j \frac{d_j^2}{d_j^2 + \lambda/2}

    (ESL eq. 3.50 with the book's :math:`\tfrac12\lambda`). It equals the rank
    of :math:`X_c` (``p`` for a full-rank design with :math:`n > p`) at
    :math:`\lambda = 0` and decreases to 0 as :math:`\lambda \to \infty`.
    :math:`H_\lambda` maps :math:`y_c` to the fitted values, and
    :math:`\operatorname{tr} H_\lambda = \sum_i \operatorname{Cov}(\hat y_i, y_i)/\sigma^2`,
    the general definition of degrees of freedom. The fitted intercept (with
    ``fit_intercept=True``) adds one more, not counted here.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Use the centred design, as :func:`normlib.ridge` does.

    Returns
    -------
    float
        :math:`\mathrm{df}(\lambda)`.

    Raises
    ------
    ValueError
        If ``X`` is not a finite non-empty 2-D array or ``lam`` is negative or NaN.
    TypeError
        If ``lam`` is not a real number.

    See Also
    --------
    ridge_shrinkage_factors : the terms of the sum.
    lasso_df : the lasso's degrees of freedom.
    numpy.trace : ``np.trace(Xc @ np.linalg.solve(Xc.T @ Xc + lam / 2 * np.eye(p), Xc.T))``.

    Examples
    --------
    >>> import normlib as nl
    >>> nl.ridge_df([[3.0, 0.0], [0.0, 1.0]], lam=2.0, fit_intercept=False)
    1.4
    >>> nl.ridge_df([[3.0, 0.0], [0.0, 1.0]], lam=0.0, fit_intercept=False)
    2.0
    """
    func = "ridge_df"
    d, shape, e = _singular_values(X, fit_intercept, func)
    lam = check_scalar(lam, "lam", func, low=0.0)
    return float(_factors(d, shape, _scaled_lam(lam, e)).sum())


def ridge_condition_number(X, lam, *, fit_intercept=True):
    r"""Condition number of the matrix ridge solves, :math:`X_c^\top X_c + \tfrac{\lambda}{2} I`.

    .. math::

        \kappa(\lambda) = \frac{d_1^2 + \lambda/2}{d_p^2 + \lambda/2},

    with :math:`d_1` the largest and :math:`d_p` the smallest of the ``p``
    singular values of :math:`X_c` (:math:`d_p = 0` when :math:`p > n`). At
    :math:`\lambda = 0` this is the condition number of :math:`X^\top X`, the
    square of that of :math:`X`; it is infinite for a rank-deficient design.
    Any :math:`\lambda > 0` bounds it by :math:`1 + 2 d_1^2/\lambda`: relative
    errors in :math:`X^\top y` are amplified at most :math:`\kappa` times in
    :math:`\hat w` (Hoerl and Kennard's motivation for ridge).

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Use the centred design, as :func:`normlib.ridge` does.

    Returns
    -------
    float
        :math:`\kappa(\lambda) \ge 1`; ``inf`` when the matrix is singular.

    Raises
    ------
    ValueError
        If ``X`` is not a finite non-empty 2-D array or ``lam`` is negative or NaN.
    TypeError
        If ``lam`` is not a real number.

    See Also
    --------
    ridge_shrinkage_factors
    numpy.linalg.cond : ``np.linalg.cond(Xc.T @ Xc + lam / 2 * np.eye(p))``, the same
        number computed from the matrix itself (less accurately when it is large).

    Examples
    --------
    >>> import normlib as nl
    >>> X = [[3.0, 0.0], [0.0, 1.0]]
    >>> nl.ridge_condition_number(X, lam=0.0, fit_intercept=False)
    9.0
    >>> nl.ridge_condition_number(X, lam=2.0, fit_intercept=False)
    5.0
    """
    func = "ridge_condition_number"
    d, shape, e = _singular_values(X, fit_intercept, func)
    lam = _scaled_lam(check_scalar(lam, "lam", func, low=0.0), e)  # the ratio is unit-free
    p = shape[1]
    d_min = d[-1] if d.size == p and _rank_mask(d, shape)[-1] else 0.0
    top, bottom = d[0] ** 2 + 0.5 * lam, d_min**2 + 0.5 * lam
    if bottom == 0.0:
        return math.inf if top > 0.0 else 1.0
    return float(top / bottom)


# ---------------------------------------------------------------- degrees of freedom and criteria


def lasso_df(coef):
    r"""Degrees of freedom of a lasso fit: the number of nonzero coefficients.

    .. math::

        \widehat{\mathrm{df}}(\hat w) = \#\{j : \hat w_j \ne 0\} = \|\hat w\|_0

    Zou, Hastie and Tibshirani (2007) proved that the size of the active set is
    an unbiased estimate of the lasso's degrees of freedom
    :math:`\sum_i \operatorname{Cov}(\hat y_i, y_i)/\sigma^2`, for every fixed
    :math:`\lambda`. Like :func:`ridge_df` it does not count the intercept.
    The coefficients must come from a solver that returns exact zeros
    (:func:`normlib.lasso`, :func:`normlib.lasso_path`).

    Parameters
    ----------
    coef : array_like of shape (n_features,) or (n_fits, n_features)
        Coefficients of one fit, or one fit per row (a path).

    Returns
    -------
    int or ndarray of int of shape (n_fits,)
        The number of nonzero coefficients (of each row).

    Raises
    ------
    ValueError
        If ``coef`` is empty, not finite, or has more than 2 dimensions.

    See Also
    --------
    normlib.l0_count : the same count for any array.
    information_criterion : uses it along a lasso path.
    sklearn.linear_model.LassoLarsIC : counts ``np.abs(coef) > eps`` the same way.

    Examples
    --------
    >>> import normlib as nl
    >>> nl.lasso_df([0.0, 1.5, 0.0, -2.0])
    2
    >>> nl.lasso_df([[0.0, 0.0], [0.5, 0.0], [0.7, -0.1]])
    array([0, 1, 2])
    """
    coef = check_array(coef, "coef", "lasso_df", ndim=(1, 2))
    counts = np.count_nonzero(coef, axis=-1)
    return int(counts) if coef.ndim == 1 else counts.astype(int)


def estimate_noise_variance(X, y, *, fit_intercept=True):
    r"""Unbiased estimate of the noise variance from the least-squares fit.

    .. math::

        \hat\sigma^2 = \frac{\|y_c - X_c \hat w_{\text{OLS}}\|_2^2}{n - p - 1}

    (:math:`n - p` without an intercept). This is the estimate
    ``sklearn.linear_model.LassoLarsIC`` uses when it is not given
    ``noise_variance``; it needs :math:`n > p + 1`.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    fit_intercept : bool, default=True
        Fit an intercept (and count it as a parameter).

    Returns
    -------
    float
        :math:`\hat\sigma^2`.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, or
        ``n_samples <= n_features + fit_intercept`` (no residual degrees of freedom).

    See Also
    --------
    information_criterion
    sklearn.linear_model.LassoLarsIC : its ``noise_variance_`` attribute.

    Examples
    --------
    >>> import normlib as nl
    >>> X = [[0.0], [1.0], [2.0], [3.0]]
    >>> y = [0.0, 1.0, 3.0, 3.0]   # line 0.1 + 1.1 x; residuals -0.1, -0.2, 0.7, -0.4
    >>> round(nl.estimate_noise_variance(X, y), 6)   # RSS 0.7 / (4 - 1 - 1)
    0.35
    """
    func = "estimate_noise_variance"
    X, y = check_X_y(X, y, func)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    data = _Scaled(X, y, fit_intercept)
    return data.cost(_noise_variance(data, fit_intercept, func))  # inf beyond the float range


def _noise_variance(data, fit_intercept, func):
    """The estimate in the units of the scaled problem ``data`` (divided by ``4**data.ey``).

    Computed on the data divided by powers of two (:class:`normlib.models._Scaled`),
    so that the residual sum of squares neither overflows nor underflows (issue 12).
    """
    n, p = data.X.shape
    dof = n - p - int(fit_intercept)
    if dof <= 0:
        raise ValueError(
            f"{func} needs more samples than parameters to estimate the noise variance "
            f"(n_samples > n_features + fit_intercept); got n_samples={n}, "
            f"n_features={p}. Pass 'noise_variance' instead."
        )
    w = np.linalg.lstsq(data.X, data.y, rcond=None)[0]
    r = data.y - data.X @ w
    return float(r @ r) / dof


def information_criterion(
    X, y, coefs, criterion="aic", *, df=None, fit_intercept=True, noise_variance=None
):
    r"""Mallows' :math:`C_p`, AIC or BIC: choosing :math:`\lambda` without test data.

    For a fit with coefficients :math:`\hat w`, residual sum of squares
    :math:`\mathrm{RSS} = \|y_c - X_c\hat w\|_2^2` and degrees of freedom
    :math:`\mathrm{df}`, with noise variance :math:`\sigma^2`:

    .. math::

        \mathrm{AIC} &= n \log(2\pi\sigma^2) + \frac{\mathrm{RSS}}{\sigma^2} + 2\,\mathrm{df}, \\
        \mathrm{BIC} &= n \log(2\pi\sigma^2) + \frac{\mathrm{RSS}}{\sigma^2}
            + \log(n)\,\mathrm{df}, \\
        C_p &= \frac{\mathrm{RSS}}{\sigma^2} - n + 2\,\mathrm{df}.

    AIC and BIC are :math:`-2` times the Gaussian log-likelihood plus a price
    per parameter, exactly as ``sklearn.linear_model.LassoLarsIC`` computes its
    ``criterion_``; :math:`C_p` is Mallows' (1973) form. With :math:`\sigma^2`
    fixed, AIC :math:`= C_p + n\log(2\pi\sigma^2) + n`: the two differ by a
    constant and choose the same fit. BIC charges :math:`\log n > 2` per
    parameter (for :math:`n \ge 8`) and so chooses sparser fits. Each criterion
    estimates a test error up to constants; the smallest value wins.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix the fits were computed on.
    y : array_like of shape (n_samples,)
        Targets.
    coefs : array_like of shape (n_features,) or (n_fits, n_features)
        Coefficients of one fit or of one fit per row (e.g. from
        :func:`normlib.lasso_path`). The intercept is the one normlib's
        solvers return, :math:`\bar y - \bar x^\top \hat w`.
    criterion : {'aic', 'bic', 'cp'}, default='aic'
        Which criterion.
    df : float or array_like of shape (n_fits,), optional
        Degrees of freedom of each fit; ``None`` uses :func:`lasso_df` (the
        number of nonzero coefficients, right for the lasso). For ridge pass
        :func:`ridge_df`.
    fit_intercept : bool, default=True
        Whether the fits have an intercept (residuals of centred data).
    noise_variance : float, optional
        :math:`\sigma^2 > 0`. ``None`` uses :func:`estimate_noise_variance`
        (least squares on all features), as ``LassoLarsIC`` does.

    Returns
    -------
    float or ndarray of shape (n_fits,)
        The criterion of each fit.

    Raises
    ------
    ValueError
        If the arrays are invalid or do not match, ``criterion`` is unknown, a
        ``df`` is negative, ``noise_variance`` is not positive, or it must be
        estimated and ``n_samples <= n_features + fit_intercept``.
    TypeError
        If ``noise_variance`` is not a real number or ``fit_intercept`` not a bool.

    See Also
    --------
    lasso_df, ridge_df, estimate_noise_variance, normlib.cross_validate
    sklearn.linear_model.LassoLarsIC : the same AIC/BIC along the LARS path
        (``criterion_``), with ``alpha = lam / (2 * n_samples)``.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((100, 5))
    >>> y = X @ np.array([2.0, 0.0, 0.0, -1.0, 0.0]) + rng.standard_normal(100)
    >>> lams, coefs = nl.lasso_path(X, y, n_lams=30)
    >>> bic = nl.information_criterion(X, y, coefs, "bic")
    >>> nl.lasso_df(coefs[np.argmin(bic)])   # BIC keeps the two true features
    2
    """
    func = "information_criterion"
    X, y = check_X_y(X, y, func)
    coefs = check_array(coefs, "coefs", func, ndim=(1, 2))
    if coefs.shape[-1] != X.shape[1]:
        raise ValueError(
            f"The 'coefs' parameter of {func} must have {X.shape[1]} coefficients per fit "
            f"(the columns of X); got shape {coefs.shape}."
        )
    criterion = check_option(criterion, "criterion", func, CRITERIA)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    if df is None:
        df = np.count_nonzero(coefs, axis=-1).astype(float)
    else:
        df = check_array(df, "df", func, ndim=(0, 1))
        if (df < 0).any():
            raise ValueError(
                f"The 'df' parameter of {func} must contain only values >= 0; "
                f"got {float(df.min())!r}."
            )
        wanted = () if coefs.ndim == 1 else (coefs.shape[0],)
        if df.shape not in ((), wanted):
            raise ValueError(
                f"The 'df' parameter of {func} must be a number or have one value per fit "
                f"(shape {wanted}); got shape {df.shape}."
            )
    # everything in the units of the data divided by powers of two (models._Scaled):
    # sums of squares near 1e±300 neither overflow nor underflow (issue 12)
    data = _Scaled(X, y, fit_intercept)
    if noise_variance is None:
        sigma2 = _noise_variance(data, fit_intercept, func)
        if sigma2 == 0.0:
            raise ValueError(
                f"{func} cannot estimate the noise variance: the least-squares fit of y "
                f"is exact (residual sum of squares 0). Pass 'noise_variance' instead."
            )
        log_sigma2 = math.log(sigma2) + 2 * data.ey * math.log(2.0)
    else:
        sigma2 = check_scalar(noise_variance, "noise_variance", func, low=0.0, low_inclusive=False)
        log_sigma2 = math.log(sigma2)
        with np.errstate(over="ignore", under="ignore"):
            sigma2 = float(np.ldexp(sigma2, -2 * data.ey))
    with np.errstate(over="ignore", under="ignore"):
        w = np.ldexp(coefs, data.ex - data.ey)  # the coefficients of the scaled problem
    with np.errstate(over="ignore", invalid="ignore"):
        residuals = data.y - w @ data.X.T  # (n_fits, n) or (n,)
        rss = np.sum(residuals**2, axis=-1)
    # coefficients beyond the float range in these units (inf * 0 would be NaN): the
    # RSS is beyond it too
    rss = np.where(np.isfinite(w).all(axis=-1), rss, np.inf)
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):  # beyond floats: inf
        rss_over_sigma2 = np.where(rss == 0.0, 0.0, rss / sigma2)
    n = X.shape[0]
    if criterion == "cp":
        values = rss_over_sigma2 - n + 2.0 * df
    else:
        price = 2.0 if criterion == "aic" else math.log(n)
        values = n * (math.log(2.0 * math.pi) + log_sigma2) + rss_over_sigma2 + price * df
    return float(values) if np.ndim(values) == 0 else np.asarray(values, dtype=float)


# ---------------------------------------------------------------- the Bayesian (MAP) view


def _check_prior(prior, func):
    return check_option(prior, "prior", func, PRIORS)


def lam_from_prior(noise_variance, prior_variance, prior="gaussian"):
    r"""The :math:`\lambda` for which ridge or the lasso is the MAP estimate under a prior.

    Model: :math:`y_i = x_i^\top w + \varepsilon_i` with
    :math:`\varepsilon_i \sim \mathcal N(0, \sigma^2)` independent, and
    independent priors on the weights, each of variance :math:`\tau^2`. The
    negative log posterior is, up to a constant,

    .. math::

        \text{Gaussian } w_j \sim \mathcal N(0, \tau^2):\quad
        \frac{\mathrm{SSE}(w)}{2\sigma^2} + \frac{\|w\|_2^2}{2\tau^2}
        \;\propto\; \mathrm{SSE}(w)
            + \tfrac12 \underbrace{\frac{2\sigma^2}{\tau^2}}_{\lambda}\|w\|_2^2,

        \text{Laplace } p(w_j) = \tfrac{1}{2b} e^{-|w_j|/b},\ \tau^2 = 2b^2:\quad
        \frac{\mathrm{SSE}(w)}{2\sigma^2} + \frac{\|w\|_1}{b}
        \;\propto\; \mathrm{SSE}(w) + \underbrace{\frac{2\sigma^2}{b}}_{\lambda}\|w\|_1,

    (multiply by :math:`2\sigma^2`), so ridge with
    :math:`\lambda = 2\sigma^2/\tau^2` and the lasso with
    :math:`\lambda = 2\sigma^2/b = 2\sqrt2\,\sigma^2/\tau` are the posterior
    modes. More noise or a narrower prior means a larger :math:`\lambda`. The
    intercept gets a flat prior (it is not penalized).

    Parameters
    ----------
    noise_variance : float
        :math:`\sigma^2 > 0`.
    prior_variance : float
        Variance :math:`\tau^2 > 0` of each weight under the prior.
    prior : {'gaussian', 'laplace'}, default='gaussian'
        Gaussian (ridge) or Laplace (lasso) prior.

    Returns
    -------
    float
        :math:`\lambda` in this book's convention (``nl.ridge`` / ``nl.lasso``).

    Raises
    ------
    TypeError
        If a variance is not a real number.
    ValueError
        If a variance is not positive and finite, or ``prior`` is unknown.

    See Also
    --------
    prior_variance_from_lam : the inverse map.
    prior_density : the two prior densities.
    sklearn.linear_model.BayesianRidge : estimates the precisions ``alpha_`` (of the
        noise, :math:`1/\sigma^2`) and ``lambda_`` (of the weights, :math:`1/\tau^2`);
        its ``coef_`` is ``nl.ridge`` with ``lam = 2 * lambda_ / alpha_``.

    Examples
    --------
    >>> import normlib as nl
    >>> nl.lam_from_prior(noise_variance=4.0, prior_variance=2.0)
    4.0
    >>> nl.lam_from_prior(noise_variance=4.0, prior_variance=2.0, prior="laplace")
    8.0
    """
    func = "lam_from_prior"
    sigma2 = check_scalar(noise_variance, "noise_variance", func, low=0.0, low_inclusive=False)
    tau2 = check_scalar(prior_variance, "prior_variance", func, low=0.0, low_inclusive=False)
    prior = _check_prior(prior, func)
    if prior == "gaussian":
        return 2.0 * (sigma2 / tau2)  # 2 (sigma^2 / tau^2): no overflow of 2 sigma^2
    # 2 sigma^2 / b with b = sqrt(tau^2 / 2) = sqrt(tau^2) / sqrt(2) (tau^2 / 2 can underflow)
    return 2.0 * (sigma2 / (math.sqrt(tau2) / math.sqrt(2.0)))


def prior_variance_from_lam(lam, noise_variance, prior="gaussian"):
    r"""The prior variance under which ridge or the lasso with ``lam`` is the MAP estimate.

    The inverse of :func:`lam_from_prior`:

    .. math::

        \text{Gaussian: } \tau^2 = \frac{2\sigma^2}{\lambda}, \qquad
        \text{Laplace: } b = \frac{2\sigma^2}{\lambda},\
            \tau^2 = 2b^2 = \frac{8\sigma^4}{\lambda^2}.

    Parameters
    ----------
    lam : float
        Penalty strength :math:`\lambda > 0` (at :math:`\lambda = 0` the prior is flat).
    noise_variance : float
        :math:`\sigma^2 > 0`.
    prior : {'gaussian', 'laplace'}, default='gaussian'
        Gaussian (ridge) or Laplace (lasso) prior.

    Returns
    -------
    float
        :math:`\tau^2`.

    Raises
    ------
    TypeError
        If ``lam`` or ``noise_variance`` is not a real number.
    ValueError
        If either is not positive and finite, or ``prior`` is unknown.

    See Also
    --------
    lam_from_prior
    sklearn.linear_model.BayesianRidge : ``lambda_`` is :math:`1/\tau^2`.

    Examples
    --------
    >>> import normlib as nl
    >>> nl.prior_variance_from_lam(4.0, noise_variance=4.0)
    2.0
    >>> nl.prior_variance_from_lam(8.0, noise_variance=4.0, prior="laplace")
    2.0
    """
    func = "prior_variance_from_lam"
    lam = check_scalar(lam, "lam", func, low=0.0, low_inclusive=False)
    sigma2 = check_scalar(noise_variance, "noise_variance", func, low=0.0, low_inclusive=False)
    prior = _check_prior(prior, func)
    if prior == "gaussian":
        return 2.0 * (sigma2 / lam)  # no overflow of 2 sigma^2 (issue 12)
    b = 2.0 * (sigma2 / lam)
    return 2.0 * b * b


def prior_density(w, prior_variance=1.0, prior="gaussian"):
    r"""Density of the Gaussian or Laplace prior of a weight, with a given variance.

    .. math::

        \mathcal N(0, \tau^2):\ \frac{1}{\sqrt{2\pi\tau^2}} e^{-w^2/(2\tau^2)}, \qquad
        \mathrm{Laplace}(0, b):\ \frac{1}{2b} e^{-|w|/b},\ b = \sqrt{\tau^2/2}.

    With the same variance the Laplace density has a higher peak at 0 and
    heavier tails: it expects most weights near zero and a few large ones.
    Its negative logarithm is the L1 penalty, the Gaussian's the squared L2
    penalty (up to constants).

    Parameters
    ----------
    w : array_like
        Weights at which to evaluate the density.
    prior_variance : float, default=1.0
        Variance :math:`\tau^2 > 0` of the prior.
    prior : {'gaussian', 'laplace'}, default='gaussian'
        Which prior.

    Returns
    -------
    ndarray
        The density at each ``w`` (same shape as ``w``).

    Raises
    ------
    TypeError
        If ``prior_variance`` is not a real number.
    ValueError
        If ``w`` is empty or not finite, ``prior_variance`` not positive, or
        ``prior`` unknown.

    See Also
    --------
    lam_from_prior
    scipy.stats.norm : ``norm.pdf(w, scale=sqrt(tau2))``.
    scipy.stats.laplace : ``laplace.pdf(w, scale=sqrt(tau2 / 2))``.

    Examples
    --------
    >>> import normlib as nl
    >>> nl.prior_density([0.0, 1.0], prior_variance=2.0, prior="laplace")   # b = 1
    array([0.5       , 0.18393972])
    """
    func = "prior_density"
    w = check_array(w, "w", func, ndim=None)
    tau2 = check_scalar(prior_variance, "prior_variance", func, low=0.0, low_inclusive=False)
    prior = _check_prior(prior, func)
    with np.errstate(over="ignore"):  # exp(-inf) = 0: a density below the float range
        if prior == "gaussian":
            tau = math.sqrt(tau2)  # sqrt(2 pi) tau: no overflow of 2 pi tau^2
            return np.exp(-0.5 * (w / tau) ** 2) / (math.sqrt(2.0 * math.pi) * tau)
        b = math.sqrt(tau2 / 2.0)
        return np.exp(-np.abs(w) / b) / (2.0 * b)


# ---------------------------------------------------------------- bias and variance


@dataclass(frozen=True, repr=False, eq=False)
class BiasVariance:
    r"""Squared bias, variance and noise of predictions over many training sets.

    Attributes
    ----------
    bias2 : float or ndarray
        Squared bias :math:`\frac1m\sum_i (\bar f(x_i) - f(x_i))^2`, averaged over
        the test points (one value per :math:`\lambda` for a simulation).
    variance : float or ndarray
        Variance :math:`\frac1m\sum_i \frac1R\sum_r (\hat f_r(x_i) - \bar f(x_i))^2`.
    noise : float
        The noise variance :math:`\sigma^2`, the error of the true function.
    test_error : float or ndarray
        Mean squared error against the noisy test targets when they were given
        (a measurement, which should be close to ``bias2 + variance + noise``);
        otherwise the mean squared distance to the truth plus ``noise``, which
        equals that sum exactly.
    lams : ndarray or None
        The penalty strengths of a simulation; ``None`` otherwise.
    """

    bias2: object
    variance: object
    noise: float
    test_error: object
    lams: np.ndarray | None = None

    @property
    def expected_error(self):
        """``bias2 + variance + noise``: the decomposition's expected test error."""
        return self.bias2 + self.variance + self.noise

    def __repr__(self):
        if self.lams is None:
            return (
                f"BiasVariance(bias2={self.bias2:.4g}, variance={self.variance:.4g}, "
                f"noise={self.noise:.4g}, test_error={self.test_error:.4g})"
            )
        return f"BiasVariance(n_lams={self.lams.size}, noise={self.noise:.4g})"


def bias_variance(predictions, truth, *, noise_variance=0.0, targets=None):
    r"""Split the mean squared error of predictions from many training sets into bias² and variance.

    ``predictions[r, i]`` is the prediction at test point :math:`x_i` of the
    model fitted on training set :math:`r`. With
    :math:`\bar f(x_i) = \frac1R\sum_r \hat f_r(x_i)`,

    .. math::

        \frac{1}{Rm}\sum_{r,i} \bigl(\hat f_r(x_i) - f(x_i)\bigr)^2
        = \underbrace{\frac1m\sum_i \bigl(\bar f(x_i) - f(x_i)\bigr)^2}_{\text{bias}^2}
        + \underbrace{\frac{1}{Rm}\sum_{r,i}
            \bigl(\hat f_r(x_i) - \bar f(x_i)\bigr)^2}_{\text{variance}},

    an exact identity (the cross term vanishes because :math:`\bar f` is the
    mean). A new target :math:`y = f(x) + \varepsilon` adds the noise variance
    :math:`\sigma^2`: expected test error = bias² + variance + :math:`\sigma^2`
    (ESL eq. 7.9).

    Parameters
    ----------
    predictions : array_like of shape (n_datasets, n_test)
        One row of test predictions per training set (at least 2 rows).
    truth : array_like of shape (n_test,)
        The true function :math:`f` at the test points.
    noise_variance : float, default=0.0
        :math:`\sigma^2 \ge 0`.
    targets : array_like of shape (n_datasets, n_test), optional
        Noisy test targets, one row per training set; when given,
        ``test_error`` is the measured mean squared error against them.

    Returns
    -------
    BiasVariance
        ``bias2``, ``variance``, ``noise``, ``test_error`` (floats).

    Raises
    ------
    ValueError
        If the arrays are invalid, have fewer than 2 rows, or their shapes do
        not match, or ``noise_variance`` is negative.
    TypeError
        If ``noise_variance`` is not a real number.

    See Also
    --------
    simulate_bias_variance : draws the training sets and fits ridge or the lasso.
    numpy.var : the variance term is ``np.var(predictions, axis=0).mean()`` (ddof=0).

    Examples
    --------
    >>> import normlib as nl
    >>> bv = nl.bias_variance([[1.0, 2.0], [3.0, 2.0]], truth=[1.0, 1.0])
    >>> float(bv.bias2), float(bv.variance)   # mean (2, 2); variance (1 + 0 + 1 + 0)/4
    (1.0, 0.5)
    """
    func = "bias_variance"
    predictions = check_array(predictions, "predictions", func, ndim=2)
    truth = check_array(truth, "truth", func, ndim=1)
    if predictions.shape[0] < 2:
        raise ValueError(
            f"The 'predictions' parameter of {func} must have at least 2 rows (training "
            f"sets); got {predictions.shape[0]}."
        )
    if predictions.shape[1] != truth.shape[0]:
        raise ValueError(
            f"The 'predictions' and 'truth' parameters of {func} must have the same number "
            f"of test points; got {predictions.shape[1]} columns and {truth.shape[0]} values."
        )
    sigma2 = check_scalar(noise_variance, "noise_variance", func, low=0.0)
    if targets is not None:
        targets = check_array(targets, "targets", func, ndim=2)
        if targets.shape != predictions.shape:
            raise ValueError(
                f"The 'targets' parameter of {func} must have the shape of 'predictions', "
                f"{predictions.shape}; got {targets.shape}."
            )
    bias2, variance, error = _decompose(predictions, truth, targets, sigma2)
    return BiasVariance(bias2=bias2, variance=variance, noise=sigma2, test_error=error)


def _decompose(predictions, truth, targets, sigma2):
    # on the arrays divided by a power of two: no square overflows or underflows
    # unless the result itself is beyond the float range (then inf; issue 12)
    arrays = [predictions, truth] + ([] if targets is None else [targets])
    e = _exponent(max(_max_abs(a) for a in arrays))
    predictions, truth = (_divide_by_power_of_two(a, e) for a in arrays[:2])

    def mean_square(diff):
        with np.errstate(over="ignore", under="ignore"):
            return float(np.ldexp(np.mean(diff**2), 2 * e))

    mean = predictions.mean(axis=0)
    bias2 = mean_square(mean - truth)
    variance = mean_square(predictions - mean)
    if targets is None:
        error = mean_square(predictions - truth) + sigma2
    else:
        error = mean_square(predictions - _divide_by_power_of_two(targets, e))
    return bias2, variance, error


def simulate_bias_variance(
    X_train,
    f_train,
    X_test,
    f_test,
    lams,
    *,
    noise,
    n_datasets=200,
    penalty="l2",
    fit_intercept=True,
    seed=0,
):
    r"""Bias², variance and test error of ridge or the lasso, by simulating many training sets.

    The design is fixed; each of ``n_datasets`` training sets has new noise,
    :math:`y^{(r)} = f_{\text{train}} + \sigma\,\varepsilon^{(r)}` with
    :math:`\varepsilon^{(r)} \sim \mathcal N(0, I)` from
    ``np.random.default_rng(seed)``. On each, the whole path of ``lams`` is
    fitted (:func:`normlib.ridge_path` or :func:`normlib.lasso_path`) and
    evaluated at ``X_test``; :func:`bias_variance` then splits the error for
    each :math:`\lambda`. Fresh noisy test targets
    :math:`f_{\text{test}} + \sigma\,\varepsilon'` (one draw per training set)
    give a *measured* test error to compare with bias² + variance + :math:`\sigma^2`.

    Parameters
    ----------
    X_train : array_like of shape (n_samples, n_features)
        Training design (the same for every training set).
    f_train : array_like of shape (n_samples,)
        True function at the training points.
    X_test : array_like of shape (n_test, n_features)
        Test design.
    f_test : array_like of shape (n_test,)
        True function at the test points.
    lams : array_like of shape (n_lams,)
        Penalty strengths :math:`\lambda \ge 0` (for ``'l1'`` they are fitted
        from the largest down; results follow the given order).
    noise : float
        Noise standard deviation :math:`\sigma \ge 0`.
    n_datasets : int, default=200
        Number of training sets, at least 2.
    penalty : {'l2', 'l1'}, default='l2'
        Ridge or the lasso.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.
    seed : int, default=0
        Seed of the noise.

    Returns
    -------
    BiasVariance
        ``bias2``, ``variance`` and ``test_error`` are arrays of shape
        ``(n_lams,)``; ``noise`` is :math:`\sigma^2`; ``lams`` the grid.

    Raises
    ------
    ValueError
        If the arrays are invalid or do not match, a ``lam`` or ``noise`` is
        negative, ``n_datasets < 2`` or ``penalty`` is unknown.
    TypeError
        If ``noise``, ``n_datasets`` or ``seed`` has the wrong type.

    See Also
    --------
    bias_variance
    sklearn.model_selection.learning_curve : another resampling view of the same trade-off.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((20, 5))
    >>> f = X @ np.array([1.0, 0.5, 0.0, 0.0, -0.5])
    >>> bv = nl.simulate_bias_variance(X, f, X, f, [0.0, 10.0, 1000.0], noise=1.0)
    >>> bool(bv.bias2[0] < bv.bias2[1] < bv.bias2[2])          # more shrinkage, more bias
    True
    >>> bool(bv.variance[0] > bv.variance[1] > bv.variance[2])  # and less variance
    True
    """
    func = "simulate_bias_variance"
    X_train, f_train = check_X_y(X_train, f_train, func)
    X_test, f_test = check_X_y(X_test, f_test, func)
    if X_test.shape[1] != X_train.shape[1]:
        raise ValueError(
            f"The 'X_test' parameter of {func} must have the {X_train.shape[1]} features of "
            f"'X_train'; got {X_test.shape[1]}."
        )
    lams = check_array(lams, "lams", func, ndim=1)
    if (lams < 0).any():
        raise ValueError(
            f"The 'lams' parameter of {func} must contain only values >= 0; "
            f"got {float(lams.min())!r}."
        )
    sigma = check_scalar(noise, "noise", func, low=0.0)
    n_datasets = check_scalar(n_datasets, "n_datasets", func, low=2, integer=True)
    penalty = check_option(penalty, "penalty", func, ("l2", "l1"))
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    seed = check_scalar(seed, "seed", func, low=0, integer=True)

    rng = np.random.default_rng(seed)
    n, m = X_train.shape[0], X_test.shape[0]
    predictions = np.empty((lams.size, n_datasets, m))
    targets = np.empty((n_datasets, m))
    order = np.argsort(-lams, kind="stable")
    for r in range(n_datasets):
        y = f_train + sigma * rng.standard_normal(n)
        targets[r] = f_test + sigma * rng.standard_normal(m)
        if penalty == "l2":
            _, coefs = ridge_path(X_train, y, lams=lams, fit_intercept=fit_intercept)
        else:
            coefs = np.empty((lams.size, X_train.shape[1]))
            coefs[order] = lasso_path(X_train, y, lams=lams[order], fit_intercept=fit_intercept)[1]
        intercepts = y.mean() - coefs @ X_train.mean(axis=0) if fit_intercept else 0.0
        predictions[:, r, :] = coefs @ X_test.T + np.reshape(intercepts, (-1, 1))
    sigma2 = sigma * sigma  # inf beyond the float range (sigma**2 would raise OverflowError)
    parts = [_decompose(predictions[k], f_test, targets, sigma2) for k in range(lams.size)]
    bias2, variance, error = (np.array(column) for column in zip(*parts, strict=True))
    return BiasVariance(
        bias2=bias2, variance=variance, noise=sigma2, test_error=error, lams=np.array(lams)
    )
