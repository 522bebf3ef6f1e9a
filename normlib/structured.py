r"""Structured norms: dual norms, matrix norms and the group lasso.

Used by the chapter *L1 and L2 beyond least squares*. Three ideas that grow
out of the L1 and L2 norms of vectors:

* the **dual norm** :math:`\|x\|_* = \max_{\|u\| \le 1} u^\top x`; for the
  p-norm it is the q-norm with :math:`1/p + 1/q = 1` (Hölder), so L1 and
  L∞ are each other's duals, which is where the lasso's :math:`\lambda_{\max}`
  and its KKT "box" :math:`|2X_j^\top r| \le \lambda` come from;
* **matrix norms**: the Frobenius norm (the L2 norm of all entries, so
  weight decay on a layer's weight matrix) and the nuclear norm (the L1 norm
  of the singular values, which makes matrices low rank the way L1 makes
  vectors sparse);
* the **group lasso**, a penalty :math:`\sum_g \sqrt{p_g}\,\|w_g\|_2` that is
  L1 across groups and L2 within a group, so a whole group of coefficients
  (the dummy columns of one categorical feature) is kept or dropped together.

The group lasso uses the book's scaling, :math:`\|y - Xw\|_2^2 + \lambda
\sum_g \sqrt{p_g}\|w_g\|_2`; with one feature per group it is the book's lasso.
"""

import numpy as np

from ._validation import check_array, check_bool, check_scalar, check_X_y, result_dtype
from .models import (
    _divide_by_power_of_two,
    _exponent,
    _max_abs,
    _Scaled,
    _scaled_result,
    _sse_lipschitz,
    _warn_not_converged,
)
from .norms import l2_norm, lp_norm

__all__ = [
    "dual_norm",
    "frobenius_norm",
    "group_lambda_max",
    "group_lasso",
    "group_soft_threshold",
    "nuclear_norm",
    "singular_value_threshold",
]


def dual_norm(x, p=2):
    r"""The dual norm of the p-norm: :math:`\|x\|_* = \max_{\|u\|_p \le 1} u^\top x = \|x\|_q`.

    .. math::

        \|x\|_{p,*} = \max_{\|u\|_p \le 1} u^\top x = \|x\|_q,
        \qquad \frac1p + \frac1q = 1

    Hölder's inequality :math:`u^\top x \le \|u\|_p\|x\|_q` gives
    :math:`\le`, and a :math:`u` on the unit sphere attains it, so the dual of
    L1 is L∞ (:math:`q = \infty`), the dual of L∞ is L1, and L2 is its own
    dual (Cauchy–Schwarz). For the lasso: the subgradients of
    :math:`\lambda\|w\|_1` at 0 are the vectors with :math:`\|g\|_\infty \le
    \lambda` (the L∞ ball, a "box"), so :math:`w = 0` is optimal exactly when
    the dual norm of the SSE gradient, :math:`\|2X^\top y\|_\infty`, is at most
    :math:`\lambda`: that is :func:`normlib.lambda_max`.

    Parameters
    ----------
    x : array_like of shape (n,)
        A vector of real numbers.
    p : float, default=2
        The primal norm's order, ``p >= 1`` or ``np.inf``.

    Returns
    -------
    float
        :math:`\|x\|_q`, a Python float (also for float32 input, as
        :func:`normlib.lp_norm` returns); ``inf`` only when the true norm
        exceeds the largest float.

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D or not finite, or ``p < 1`` or NaN.
    TypeError
        If ``p`` is not a real number.

    See Also
    --------
    normlib.lp_norm, normlib.lambda_max
    numpy.linalg.norm : ``np.linalg.norm(x, q)`` with ``q = p / (p - 1)``.

    Examples
    --------
    >>> dual_norm([3.0, -4.0], p=1)        # the L-infinity norm
    4.0
    >>> dual_norm([3.0, -4.0], p=np.inf)   # the L1 norm
    7.0
    >>> dual_norm([3.0, -4.0], p=2)        # L2 is self-dual
    5.0
    """
    x = check_array(x, "x", "dual_norm", ndim=1)
    p = check_scalar(p, "p", "dual_norm", low=1.0, allow_inf=True)
    if p == 1.0:
        q = np.inf
    elif np.isinf(p):
        q = 1.0
    else:
        q = p / (p - 1.0)
    return float(lp_norm(x, q))


def frobenius_norm(A):
    r"""The Frobenius norm of a matrix: the L2 norm of all its entries.

    .. math::

        \|A\|_F = \Bigl(\sum_{i,j} A_{ij}^2\Bigr)^{1/2}
                = \Bigl(\sum_k \sigma_k^2\Bigr)^{1/2}

    Weight decay on a layer with weight matrix :math:`W` is the penalty
    :math:`\tfrac12\lambda\|W\|_F^2`: the L2 penalty of the flattened matrix.
    In terms of the singular values :math:`\sigma_k` it is their L2 norm.

    Parameters
    ----------
    A : array_like of shape (m, n)
        A matrix of real numbers.

    Returns
    -------
    float
        A Python float (also for float32 input, as :func:`normlib.l2_norm`
        returns); ``inf`` only when the true norm exceeds the largest float.

    Raises
    ------
    ValueError
        If ``A`` is empty, not 2-D or not finite.

    See Also
    --------
    nuclear_norm, normlib.l2_norm
    numpy.linalg.norm : ``np.linalg.norm(A, 'fro')``.

    Examples
    --------
    >>> frobenius_norm([[1.0, 2.0], [2.0, 4.0]])
    5.0
    """
    A = check_array(A, "A", "frobenius_norm", ndim=2)
    return float(l2_norm(A))


def nuclear_norm(A):
    r"""The nuclear (trace) norm of a matrix: the L1 norm of its singular values.

    .. math::

        \|A\|_* = \sum_k \sigma_k(A)

    As the L1 norm of a vector is the tightest convex stand-in for the number
    of nonzero entries (on the L∞ unit ball), the nuclear norm is the tightest
    convex stand-in for the rank (on the unit ball of the spectral norm)
    (Fazel 2002; Recht, Fazel and Parrilo 2010). Its proximal operator,
    :func:`singular_value_threshold`, soft-thresholds the singular values and
    so sets the small ones to exactly zero: low rank.

    Parameters
    ----------
    A : array_like of shape (m, n)
        A matrix of real numbers.

    Returns
    -------
    float
        A Python float (also for float32 input, as :func:`normlib.l2_norm`
        returns); ``inf`` only when the true norm exceeds the largest float.

    Raises
    ------
    ValueError
        If ``A`` is empty, not 2-D or not finite.

    See Also
    --------
    frobenius_norm, singular_value_threshold
    numpy.linalg.norm : ``np.linalg.norm(A, 'nuc')``.

    Examples
    --------
    >>> nuclear_norm([[3.0, 0.0], [0.0, -4.0]])   # singular values 4 and 3
    7.0
    >>> nuclear_norm([[1.0, 2.0], [2.0, 4.0]])    # rank 1: one singular value, 5
    5.0
    """
    A = check_array(A, "A", "nuclear_norm", ndim=2)
    e = _exponent(_max_abs(A))  # the SVD of A / 2**e: no overflow in between (issue 12)
    with np.errstate(over="ignore"):  # beyond the float range: inf, the honest answer
        return float(np.ldexp(np.linalg.svd(_divide_by_power_of_two(A, e),
                                            compute_uv=False).sum(), e))


def singular_value_threshold(A, t):
    r"""Soft-threshold the singular values of a matrix: the prox of :math:`t\|\cdot\|_*`.

    .. math::

        \mathrm{SVT}_t(A) = U\,\mathrm{diag}\bigl(\max(\sigma_k - t, 0)\bigr)\,V^\top
        = \operatorname*{arg\,min}_B\; \tfrac12\|B - A\|_F^2 + t\|B\|_*

    with :math:`A = U\,\mathrm{diag}(\sigma)\,V^\top` (Cai, Candès and Shen 2010). It is
    :func:`normlib.soft_threshold` applied to the singular values: every
    singular value at most ``t`` becomes exactly 0, so the rank drops.

    Parameters
    ----------
    A : array_like of shape (m, n)
        A matrix of real numbers.
    t : float
        The threshold, ``t >= 0``.

    Returns
    -------
    ndarray of shape (m, n)
        A new matrix (``A`` is not modified): float32 for float32 input,
        float64 otherwise (computed in float64, on ``A`` divided by a power
        of two so that entries near 1e±300 neither overflow nor underflow).

    Raises
    ------
    ValueError
        If ``A`` is empty, not 2-D or not finite, or ``t`` is negative or NaN.
    TypeError
        If ``t`` is not a real number.

    See Also
    --------
    nuclear_norm, normlib.soft_threshold

    Examples
    --------
    >>> singular_value_threshold([[3.0, 0.0], [0.0, 1.0]], 2.0)
    array([[1., 0.],
           [0., 0.]])
    """
    dtype = result_dtype(A)
    A = check_array(A, "A", "singular_value_threshold", ndim=2)
    t = check_scalar(t, "t", "singular_value_threshold", low=0.0)
    e = _exponent(_max_abs(A))  # SVT(A, t) = 2**e SVT(A / 2**e, t / 2**e), exactly
    U, s, Vt = np.linalg.svd(_divide_by_power_of_two(A, e), full_matrices=False)
    with np.errstate(over="ignore", under="ignore"):
        t = float(np.ldexp(t, -e))  # inf: every singular value is below it
        out = np.ldexp((U * np.maximum(s - t, 0.0)) @ Vt, e) + 0.0
        return out.astype(dtype, copy=False)


def group_soft_threshold(v, t):
    r"""Shrink a vector towards 0 along its own direction: the prox of :math:`t\|\cdot\|_2`.

    .. math::

        S^{\text{group}}_t(v) = \Bigl(1 - \frac{t}{\|v\|_2}\Bigr)_+ v
        = \operatorname*{arg\,min}_u\; \tfrac12\|u - v\|_2^2 + t\|u\|_2

    The whole vector is 0 when :math:`\|v\|_2 \le t`; otherwise its length is
    reduced by :math:`t` and its direction kept. For a vector of length 1 it
    is :func:`normlib.soft_threshold`.

    Parameters
    ----------
    v : array_like of shape (n,)
        A vector of real numbers.
    t : float
        The threshold, ``t >= 0``.

    Returns
    -------
    ndarray of shape (n,)
        A new vector (``v`` is not modified): float32 for float32 input,
        float64 otherwise (computed in float64).

    Raises
    ------
    ValueError
        If ``v`` is empty, not 1-D or not finite, or ``t`` is negative or NaN.
    TypeError
        If ``t`` is not a real number.

    See Also
    --------
    group_lasso, normlib.soft_threshold

    Examples
    --------
    >>> group_soft_threshold([3.0, 4.0], 2.0)    # length 5 becomes 3
    array([1.8, 2.4])
    >>> group_soft_threshold([3.0, 4.0], 6.0)
    array([0., 0.])
    """
    dtype = result_dtype(v)
    v = check_array(v, "v", "group_soft_threshold", ndim=1)
    t = check_scalar(t, "t", "group_soft_threshold", low=0.0)
    return _group_shrink(v, t).astype(dtype, copy=False)


def _group_shrink(v, t):
    length = float(l2_norm(v)) if v.size else 0.0
    if length <= t:
        return np.zeros_like(v)
    return (1.0 - t / length) * v


def _check_groups(groups, n_features, func):
    """Integer group labels, one per column; returns the label array and the index lists."""
    labels = check_array(groups, "groups", func, ndim=1)
    if labels.size != n_features:
        raise ValueError(
            f"The 'groups' parameter of {func} must have one label per column of X "
            f"({n_features}); got {labels.size}."
        )
    if not np.all(labels == np.round(labels)):
        raise ValueError(f"The 'groups' parameter of {func} must contain integer labels.")
    members = [np.flatnonzero(labels == g) for g in np.unique(labels)]
    return labels, members


def _group_dual_norm(grad, members):
    r"""Largest :math:`\|g_G\|_2 / \sqrt{p_G}`.

    The dual norm of the group penalty :math:`\sum_G \sqrt{p_G}\|w_G\|_2`.
    """
    return max(float(l2_norm(grad[m])) / np.sqrt(m.size) for m in members)


def group_lambda_max(X, y, groups, *, fit_intercept=True):
    r"""Smallest :math:`\lambda` for which every group of the group lasso is zero.

    .. math::

        \lambda_{\max} = \max_g \frac{\|2X_g^\top y_c\|_2}{\sqrt{p_g}}

    At :math:`w = 0` the KKT condition of group :math:`g` reads
    :math:`\|2X_g^\top y_c\|_2 \le \lambda\sqrt{p_g}`: the dual norm of the
    group penalty applied to the SSE gradient, as :func:`normlib.lambda_max`
    is the L∞ (dual of L1) norm of it.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
    y : array_like of shape (n_samples,)
    groups : array_like of shape (n_features,)
        An integer group label per column.
    fit_intercept : bool, default=True
        Centre ``X`` and ``y`` first.

    Returns
    -------
    float
        :math:`\lambda_{\max}` (``inf`` only when it exceeds the largest float).

    Raises
    ------
    ValueError
        If ``X``, ``y`` or ``groups`` is invalid or the shapes do not match.

    See Also
    --------
    group_lasso, normlib.lambda_max

    Examples
    --------
    >>> group_lambda_max([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [3.0, 4.0, 0.0], [0, 0],
    ...                  fit_intercept=False)    # ||2 * (3, 4)|| / sqrt(2)
    7.071067811865475
    """
    X, y = check_X_y(X, y, "group_lambda_max")
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "group_lambda_max")
    _, members = _check_groups(groups, X.shape[1], "group_lambda_max")
    data = _Scaled(X, y, fit_intercept)  # powers of two: no overflow in X^T y (issue 12)
    with np.errstate(over="ignore"):  # beyond the float range: inf, the honest answer
        return float(np.ldexp(_group_dual_norm(2.0 * data.X.T @ data.y, members),
                              data.ex + data.ey))


def group_lasso(X, y, groups, lam, *, fit_intercept=True, tol=1e-10, max_iter=50_000):
    r"""Group lasso: L1 across groups, L2 within a group (Yuan and Lin 2006).

    .. math::

        \hat w = \operatorname*{arg\,min}_w\; \|y_c - X_c w\|_2^2
            + \lambda\sum_g \sqrt{p_g}\,\|w_g\|_2

    where :math:`w_g` are the coefficients of the :math:`p_g` columns labelled
    :math:`g` in ``groups``. The penalty is not differentiable where a whole
    group is 0, so whole groups become exactly zero; inside a surviving group
    it is a (non-squared) L2 norm, which has no corners, so the coefficients of
    a group are zero or nonzero together. With one column per group it is
    :func:`normlib.lasso`. The factor :math:`\sqrt{p_g}` (Yuan and Lin) keeps
    large groups from being favoured.

    Solver: accelerated proximal gradient (FISTA, Beck and Teboulle 2009) with
    step :math:`1/L`, :math:`L = 2\sigma_{\max}(X_c)^2`, whose proximal step
    is :func:`group_soft_threshold` of each group at :math:`\lambda\sqrt{p_g}/L`,
    with adaptive restart (O'Donoghue and Candès 2015). It stops on the
    **duality gap**, computed as for the lasso (:mod:`normlib.models`) with the
    group dual norm :math:`\max_g \|\cdot\|_2/\sqrt{p_g}` in place of
    :math:`\|\cdot\|_\infty`: the dual point is the residual rescaled to
    :math:`\theta = s r`, :math:`s = \min(1, \lambda / \max_g
    \|2X_g^\top r\|_2/\sqrt{p_g})`, and the gap is at most ``tol`` times
    :math:`\|y_c\|_2^2`. As :func:`normlib.lasso`, it works on the data divided
    by powers of two, so it is **scale-equivariant** from 1e-150 to 1e150:
    ``group_lasso(s*X, t*y, g, s*t*lam).coef == t/s * group_lasso(X, y, g, lam).coef``.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    groups : array_like of shape (n_features,)
        An integer group label per column (e.g. ``[0, 1, 1, 1, 2]``: column 0
        alone, columns 1–3 the dummies of one categorical feature, column 4 alone).
    lam : float
        Penalty strength :math:`\lambda \ge 0`; with :math:`\lambda \ge`
        :func:`group_lambda_max` every coefficient is 0.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (by centring ``X`` and ``y``).
    tol : float, default=1e-10
        Relative tolerance on the duality gap.
    max_iter : int, default=50000
        Maximum number of FISTA iterations.

    Returns
    -------
    FitResult
        As for :func:`normlib.lasso`.

    Raises
    ------
    ValueError
        If ``X``, ``y`` or ``groups`` is invalid, the shapes do not match,
        ``lam`` is negative or NaN, ``tol`` < 0 or ``max_iter`` < 1.

    Warns
    -----
    ConvergenceWarning
        If the gap is still above the tolerance after ``max_iter`` iterations.

    See Also
    --------
    group_soft_threshold, group_lambda_max, normlib.lasso
    sklearn.linear_model.MultiTaskLasso : the group lasso's other use, one
        group per feature across several targets (scikit-learn has no group
        lasso on the features of one target).

    References
    ----------
    M. Yuan and Y. Lin, "Model selection and estimation in regression with
    grouped variables", J. Royal Statistical Society B 68(1), 2006.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((60, 4))
    >>> y = X[:, :2] @ np.array([2.0, -1.0]) + 0.1 * rng.standard_normal(60)
    >>> fit = nl.group_lasso(X, y, groups=[0, 0, 1, 1], lam=20.0)
    >>> np.round(fit.coef, 2)
    array([ 1.73, -0.86,  0.  ,  0.  ])
    """
    func = "group_lasso"
    X, y = check_X_y(X, y, func)
    _, members = _check_groups(groups, X.shape[1], func)
    lam = check_scalar(lam, "lam", func, low=0.0)
    tol = check_scalar(tol, "tol", func, low=0.0)
    max_iter = check_scalar(max_iter, "max_iter", func, low=1, integer=True)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    # the problem divided by powers of two (models._Scaled): the group penalty is
    # homogeneous of degree 1 like L1, so lam scales as for the lasso (issue 12)
    data = _Scaled(X, y, fit_intercept)
    Xc, yc, lam = data.X, data.y, data.l1(lam)
    tol_abs = tol * float(yc @ yc)
    weights = [lam * np.sqrt(m.size) for m in members]
    L = _sse_lipschitz(Xc)
    step = 1.0 / L if L > 0 else 1.0
    sse_min = 0.0
    if lam == 0:
        ls = np.linalg.lstsq(Xc, yc, rcond=None)[0]
        sse_min = float(np.sum((yc - Xc @ ls) ** 2))

    def penalty(w):
        return sum(wt * float(l2_norm(w[m])) for wt, m in zip(weights, members, strict=True))

    def gap_of(w, r):
        primal = float(r @ r) + penalty(w)
        if lam == 0:
            return primal - sse_min
        dual_norm_grad = _group_dual_norm(2.0 * Xc.T @ r, members)
        s = min(1.0, lam / dual_norm_grad) if dual_norm_grad > 0 else 1.0
        dual = 2.0 * s * float(yc @ r) - s * s * float(r @ r)
        return primal - dual

    w = np.zeros(X.shape[1])
    v, t_mom = w.copy(), 1.0
    objective = float(yc @ yc)
    history = []
    r = yc - Xc @ w
    gap = gap_of(w, r)
    n_iter = 0
    while gap > tol_abs and n_iter < max_iter:
        z = v + step * 2.0 * (Xc.T @ (yc - Xc @ v))  # gradient step on the SSE
        w_new = np.empty_like(w)
        for wt, m in zip(weights, members, strict=True):
            w_new[m] = _group_shrink(z[m], step * wt)
        r = yc - Xc @ w_new
        new_objective = float(r @ r) + penalty(w_new)
        if new_objective > objective and t_mom > 1.0:
            # adaptive restart: the momentum went uphill; drop it and step from w
            # (a step from w itself is never undone: it cannot increase the cost
            # except by rounding, which would otherwise repeat the same rejection)
            t_mom, v = 1.0, w.copy()
            n_iter += 1
            continue
        t_next = 0.5 * (1.0 + np.sqrt(1.0 + 4.0 * t_mom * t_mom))
        v = w_new + ((t_mom - 1.0) / t_next) * (w_new - w)
        w, t_mom, objective = w_new, t_next, new_objective
        history.append(objective)
        n_iter += 1
        if n_iter % 10 == 0 or n_iter == max_iter:
            gap = gap_of(w, r)
    r = yc - Xc @ w
    gap = gap_of(w, r)
    converged = gap <= tol_abs
    if not converged:
        _warn_not_converged("group_lasso (fista)", data.cost(gap), data.cost(tol_abs), n_iter,
                            stacklevel=2)
    objective = float(r @ r) + penalty(w)
    return _scaled_result(
        data, w + 0.0, n_iter=n_iter, converged=bool(converged), objective=objective,
        gap=float(gap), objective_history=np.asarray(history, dtype=float),
    )
