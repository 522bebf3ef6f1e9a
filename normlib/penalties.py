r"""Penalties, their (sub)gradients, the squared-error loss and the proximal operator.

Used by the chapter *Regularization* (and by the solvers in :mod:`normlib.models`).
The book's cost is the sum of squared errors (SSE) plus a penalty of strength
``lam`` (:math:`\lambda \ge 0`):

.. math::

    \mathrm{Cost}(w) = \underbrace{\|y - Xw\|_2^2}_{\mathrm{SSE}}
        + \begin{cases}
            \lambda \|w\|_1 & \text{L1 (lasso)} \\
            \tfrac{1}{2}\lambda \|w\|_2^2 & \text{L2 (ridge)} \\
            \lambda\bigl(\rho\|w\|_1 + \tfrac{1}{2}(1-\rho)\|w\|_2^2\bigr)
                & \text{elastic net, } \rho = \texttt{l1\_ratio}
          \end{cases}

scikit-learn scales its costs differently, so its ``alpha`` is a rescaled
:math:`\lambda`: ``Lasso`` and ``ElasticNet`` divide the squared error by
:math:`2n`, and ``Ridge`` has no :math:`\tfrac{1}{2}` in its penalty. The
same minimizer is obtained with ``Lasso(alpha=lam / (2 * n_samples))``,
``ElasticNet(alpha=lam / (2 * n_samples), l1_ratio=l1_ratio)`` and
``Ridge(alpha=lam / 2)``; :func:`normlib.to_sklearn_alpha` does the conversion.
"""

import math

import numpy as np

from ._validation import check_array, check_bool, check_option, check_scalar, check_X_y

__all__ = [
    "cost",
    "cost_gradient",
    "elastic_net_penalty",
    "gradient_step",
    "hard_threshold",
    "l1_penalty",
    "l1_subgradient",
    "l2_gradient",
    "l2_penalty",
    "soft_threshold",
    "sse",
    "sse_gradient",
]

PENALTIES = ("l1", "l2", "elasticnet", None)


# ---------------------------------------------------------------- validation


def _check_w(w, func):
    """Validate a coefficient vector: a scalar or a 1-D array of finite numbers."""
    return check_array(w, "w", func, ndim=(0, 1))


def _check_lam(lam, func):
    return check_scalar(lam, "lam", func, low=0.0)


def _check_l1_ratio(l1_ratio, func):
    return check_scalar(l1_ratio, "l1_ratio", func, low=0.0, high=1.0)


def _check_X_y_w(X, y, w, func):
    """Validate ``X``, ``y`` and a coefficient vector ``w`` of matching sizes."""
    X, y = check_X_y(X, y, func)
    w = check_array(w, "w", func, ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(
            f"The 'w' parameter of {func} must have one coefficient per column of X; "
            f"got {w.shape[0]} coefficients for {X.shape[1]} columns."
        )
    return X, y, w


# ---------------------------------------------------------------- overflow-safe sums


def _exponent_of_max(a):
    """The integer e with 2**e <= max|a| < 2**(e + 1); 0 when a is all zeros."""
    amax = max(float(a.max()), -float(a.min())) if a.size else 0.0
    return math.frexp(amax)[1] - 1 if amax > 0 else 0


def _times(lam, a):
    r""":math:`\lambda\,a` for a non-negative sum ``a`` = 2**e * m given as (m, e).

    ``0 * inf`` would be NaN: a penalty with :math:`\lambda = 0` is 0 however
    large the weights, and otherwise the product overflows to inf only if the
    true value does.
    """
    mantissa, exponent = a
    if lam == 0 or mantissa == 0:
        return 0.0
    with np.errstate(over="ignore", under="ignore"):
        return float(np.ldexp(lam * mantissa, exponent))


def _abs_sum(w):
    """||w||_1 as (m, e) with ||w||_1 = m * 2**e (no overflow)."""
    e = _exponent_of_max(w)
    return float(np.abs(np.ldexp(w, -e)).sum()), e


def _square_sum(w):
    """||w||_2^2 as (m, e) with ||w||_2^2 = m * 2**e (no overflow)."""
    e = _exponent_of_max(w)
    scaled = np.ldexp(w.ravel(), -e)
    return float(scaled @ scaled), 2 * e


def _residual(X, y, w):
    """``y - X @ w`` as (r, e) with the true residual ``r * 2**e``.

    The plain product first; if it overflowed (inf, or NaN from inf - inf),
    again with X, w and y divided by powers of two near their largest entries,
    which is exact and cannot overflow.
    """
    with np.errstate(all="ignore"):
        r = y - X @ w
    if np.isfinite(r).all():
        return r, 0
    ex, ew, ey = _exponent_of_max(X), _exponent_of_max(w), _exponent_of_max(y)
    e = max(ex + ew, ey)
    with np.errstate(under="ignore"):
        r = np.ldexp(y, -ey) * 2.0 ** (ey - e) - (np.ldexp(X, -ex) @ np.ldexp(w, -ew)) * (
            2.0 ** (ex + ew - e)
        )
    return r, e


def _sse(X, y, w):
    """SSE = ||y - Xw||^2, inf only when the true value exceeds the float range."""
    r, e = _residual(X, y, w)
    mantissa, exponent = _square_sum(r)
    return _times(1.0, (mantissa, exponent + 2 * e))


def _sse_gradient(X, y, w):
    """-2 X^T (y - Xw): ±inf only where the true value exceeds the float range, never NaN."""
    r, e = _residual(X, y, w)
    with np.errstate(all="ignore"):
        g = 2.0 * (X.T @ -r)
    if e == 0 and np.isfinite(g).all():
        return g
    ex, er = _exponent_of_max(X), _exponent_of_max(r)
    with np.errstate(over="ignore", under="ignore"):
        return np.ldexp(2.0 * (np.ldexp(X, -ex).T @ -np.ldexp(r, -er)), ex + er + e)


# ---------------------------------------------------------------- penalties


def l1_penalty(w, lam):
    r"""L1 (lasso) penalty :math:`\lambda\|w\|_1`.

    .. math::

        P_1(w) = \lambda \sum_{j=1}^{p} |w_j|

    Parameters
    ----------
    w : array_like of shape (n_features,) or scalar
        Coefficients.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    float
        The penalty value.

    Raises
    ------
    ValueError
        If ``w`` is empty or not finite, or ``lam`` is negative or NaN.

    See Also
    --------
    l2_penalty, elastic_net_penalty, l1_subgradient
    sklearn.linear_model.Lasso : minimizes ``SSE / (2n) + alpha * ||w||_1``,
        so ``alpha = lam / (2 * n_samples)``.

    Examples
    --------
    >>> l1_penalty([3.0, -4.0], lam=0.5)
    3.5
    """
    w = _check_w(w, "l1_penalty")
    lam = _check_lam(lam, "l1_penalty")
    return _times(lam, _abs_sum(w))


def l2_penalty(w, lam, half=True):
    r"""L2 (ridge) penalty :math:`\tfrac{1}{2}\lambda\|w\|_2^2` (or :math:`\lambda\|w\|_2^2`).

    .. math::

        P_2(w) = \tfrac{1}{2}\lambda \sum_{j=1}^{p} w_j^2
        \quad (\texttt{half=True}), \qquad
        \lambda \sum_{j=1}^{p} w_j^2 \quad (\texttt{half=False})

    The :math:`\tfrac{1}{2}` is a convention, not something to tune: it makes
    the gradient :math:`\lambda w` instead of :math:`2\lambda w` (see
    :func:`l2_gradient`). Both versions have the same minimizers up to
    doubling :math:`\lambda`.

    Parameters
    ----------
    w : array_like of shape (n_features,) or scalar
        Coefficients.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    half : bool, default=True
        Include the factor :math:`\tfrac{1}{2}`.

    Returns
    -------
    float
        The penalty value.

    Raises
    ------
    ValueError
        If ``w`` is empty or not finite, or ``lam`` is negative or NaN.

    See Also
    --------
    l1_penalty, elastic_net_penalty, l2_gradient
    sklearn.linear_model.Ridge : minimizes ``SSE + alpha * ||w||_2^2``, so
        ``alpha = lam / 2`` with ``half=True`` (``alpha = lam`` otherwise).

    Examples
    --------
    >>> l2_penalty([3.0, -4.0], lam=0.5)
    6.25
    >>> l2_penalty([3.0, -4.0], lam=0.5, half=False)
    12.5
    """
    w = _check_w(w, "l2_penalty")
    lam = _check_lam(lam, "l2_penalty")
    half = check_bool(half, "half", "l2_penalty")
    return _times((0.5 if half else 1.0) * lam, _square_sum(w))


def elastic_net_penalty(w, lam, l1_ratio):
    r"""Elastic-net penalty: a mix of the L1 and (halved) L2 penalties.

    .. math::

        P_{\mathrm{EN}}(w) = \lambda\Bigl(\rho\,\|w\|_1
            + \tfrac{1}{2}(1-\rho)\,\|w\|_2^2\Bigr), \qquad \rho = \texttt{l1\_ratio}

    ``l1_ratio=1`` is the lasso penalty, ``l1_ratio=0`` the ridge penalty
    :math:`\tfrac{1}{2}\lambda\|w\|_2^2`.

    Parameters
    ----------
    w : array_like of shape (n_features,) or scalar
        Coefficients.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    l1_ratio : float
        Mixing parameter :math:`\rho \in [0, 1]`.

    Returns
    -------
    float
        The penalty value.

    Raises
    ------
    ValueError
        If ``w`` is invalid, ``lam`` is negative or NaN, or ``l1_ratio`` is
        outside :math:`[0, 1]`.

    See Also
    --------
    l1_penalty, l2_penalty
    sklearn.linear_model.ElasticNet : minimizes ``SSE / (2n) + alpha * l1_ratio * ||w||_1
        + 0.5 * alpha * (1 - l1_ratio) * ||w||_2^2``, so ``alpha = lam / (2 * n_samples)``.

    Examples
    --------
    >>> elastic_net_penalty([3.0, -4.0], lam=2.0, l1_ratio=0.5)
    19.5
    """
    w = _check_w(w, "elastic_net_penalty")
    lam = _check_lam(lam, "elastic_net_penalty")
    rho = _check_l1_ratio(l1_ratio, "elastic_net_penalty")
    return _penalty_value(w, lam, "elasticnet", rho, True)


# ---------------------------------------------------------------- (sub)gradients


def l1_subgradient(w, lam):
    r"""A subgradient of the L1 penalty: :math:`\lambda\,\mathrm{sign}(w)`.

    .. math::

        \frac{\partial}{\partial w_j}\,\lambda|w_j| = \lambda\,\mathrm{sign}(w_j)
        \quad (w_j \ne 0), \qquad
        \partial\bigl(\lambda|w_j|\bigr)\big|_{w_j=0} = [-\lambda, \lambda]

    The derivative of :math:`\lambda|w|` is :math:`\lambda\,\mathrm{sign}(w)`:
    :math:`+\lambda` for positive weights and :math:`-\lambda` for negative
    ones. It is **not** the constant :math:`\lambda`, as the source text
    claims: the sign matters, and it is what pushes every weight *towards*
    zero. At :math:`w_j = 0` the function :math:`|w_j|` has a kink and no
    derivative; every value in :math:`[-\lambda, \lambda]` is a subgradient
    there. This function returns 0 at 0, the subgradient of smallest
    magnitude.

    Parameters
    ----------
    w : array_like of shape (n_features,) or scalar
        Coefficients.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    ndarray
        :math:`\lambda\,\mathrm{sign}(w)`, same shape as ``w`` (a new array).

    Raises
    ------
    ValueError
        If ``w`` is empty or not finite, or ``lam`` is negative or NaN.

    See Also
    --------
    l1_penalty
    normlib.l1_subdifferential : the whole interval :math:`[-\lambda, \lambda]` at 0.
    numpy.sign

    Examples
    --------
    >>> l1_subgradient([2.0, 0.0, -0.1], lam=0.5)
    array([ 0.5,  0. , -0.5])
    """
    w = _check_w(w, "l1_subgradient")
    lam = _check_lam(lam, "l1_subgradient")
    return lam * np.sign(w)


def l2_gradient(w, lam, half=True):
    r"""Gradient of the L2 penalty: :math:`\lambda w` (or :math:`2\lambda w`).

    .. math::

        \nabla_w\, \tfrac{1}{2}\lambda\|w\|_2^2 = \lambda w,
        \qquad \nabla_w\, \lambda\|w\|_2^2 = 2\lambda w

    The :math:`\tfrac{1}{2}` in front of the L2 penalty is a *convention*: it
    cancels the 2 that comes down when :math:`w_j^2` is differentiated, so the
    gradient is simply :math:`\lambda w`. (The source text calls it a value
    found by experiment; it is not: it only rescales :math:`\lambda`.) Each
    weight is pulled towards 0 in proportion to its size ("weight decay"),
    so weights shrink but do not become exactly 0.

    Parameters
    ----------
    w : array_like of shape (n_features,) or scalar
        Coefficients.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    half : bool, default=True
        The penalty includes the factor :math:`\tfrac{1}{2}` (see :func:`l2_penalty`).

    Returns
    -------
    ndarray
        The gradient, same shape as ``w`` (a new array).

    Raises
    ------
    ValueError
        If ``w`` is empty or not finite, or ``lam`` is negative or NaN.

    See Also
    --------
    l2_penalty, l1_subgradient

    Examples
    --------
    >>> l2_gradient([2.0, -4.0], lam=0.5)
    array([ 1., -2.])
    >>> l2_gradient([2.0, -4.0], lam=0.5, half=False)
    array([ 2., -4.])
    """
    w = _check_w(w, "l2_gradient")
    lam = _check_lam(lam, "l2_gradient")
    half = check_bool(half, "half", "l2_gradient")
    factor = 1.0 if half else 2.0
    with np.errstate(over="ignore"):  # beyond the float range: ±inf, its true sign
        return factor * lam * w


# ---------------------------------------------------------------- the squared error


def sse(X, y, w):
    r"""Sum of squared errors :math:`\|y - Xw\|_2^2`, the book's loss.

    .. math::

        \mathrm{SSE}(w) = \sum_{i=1}^{n} \Bigl(y_i - \sum_{j=1}^{p} x_{ij} w_j\Bigr)^2

    No intercept is added: centre ``X`` and ``y`` (or add a column of ones)
    for a model with an intercept.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    w : array_like of shape (n_features,)
        Coefficients.

    Returns
    -------
    float
        The sum of squared errors.

    Raises
    ------
    ValueError
        If an array is invalid or the shapes do not match.

    See Also
    --------
    sse_gradient, cost
    sklearn.metrics.mean_squared_error : the mean, ``SSE / n_samples``.

    Examples
    --------
    >>> sse([[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0], [1.0, 0.0])
    4.0
    """
    X, y, w = _check_X_y_w(X, y, w, "sse")
    return _sse(X, y, w)


def sse_gradient(X, y, w):
    r"""Gradient of the sum of squared errors: :math:`-2X^\top(y - Xw)`.

    .. math::

        \nabla_w \|y - Xw\|_2^2 = -2 X^\top (y - Xw)

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    w : array_like of shape (n_features,)
        Coefficients.

    Returns
    -------
    ndarray of shape (n_features,)
        The gradient (a new array).

    Raises
    ------
    ValueError
        If an array is invalid or the shapes do not match.

    See Also
    --------
    sse, cost_gradient

    Examples
    --------
    >>> sse_gradient([[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0], [1.0, 0.0])
    array([ 0., -4.])
    """
    X, y, w = _check_X_y_w(X, y, w, "sse_gradient")
    return _sse_gradient(X, y, w)


# ---------------------------------------------------------------- the cost


def _penalty_value(w, lam, penalty, l1_ratio, half):
    """Penalty value for validated arguments."""
    if penalty == "l1":
        return _times(lam, _abs_sum(w))
    if penalty == "l2":
        return _times((0.5 if half else 1.0) * lam, _square_sum(w))
    if penalty == "elasticnet":
        with np.errstate(over="ignore"):
            return _times(lam * l1_ratio, _abs_sum(w)) + _times(
                0.5 * lam * (1.0 - l1_ratio), _square_sum(w)
            )
    return 0.0


def _penalty_gradient(w, lam, penalty, l1_ratio, half):
    """(Sub)gradient of the penalty for validated arguments (sign(0) = 0)."""
    with np.errstate(over="ignore"):  # lam * w beyond the float range: ±inf
        if penalty == "l1":
            return lam * np.sign(w)
        if penalty == "l2":
            return (1.0 if half else 2.0) * lam * w
        if penalty == "elasticnet":
            return lam * l1_ratio * np.sign(w) + (lam * (1.0 - l1_ratio)) * w
    return np.zeros_like(w)


def _check_cost_args(X, y, w, lam, penalty, l1_ratio, func):
    X, y, w = _check_X_y_w(X, y, w, func)
    lam = _check_lam(lam, func)
    penalty = check_option(penalty, "penalty", func, PENALTIES)
    l1_ratio = _check_l1_ratio(l1_ratio, func)
    return X, y, w, lam, penalty, l1_ratio


def _check_half(half, func):
    return check_bool(half, "half", func)


def cost(X, y, w, lam, penalty="l1", *, l1_ratio=0.5, half=True):
    r"""The book's cost: sum of squared errors plus a penalty.

    .. math::

        \mathrm{Cost}(w) = \|y - Xw\|_2^2 + P(w), \qquad
        P(w) \in \Bigl\{\lambda\|w\|_1,\; \tfrac{1}{2}\lambda\|w\|_2^2,\;
        \lambda\bigl(\rho\|w\|_1 + \tfrac{1}{2}(1-\rho)\|w\|_2^2\bigr),\; 0\Bigr\}

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix (no intercept column is added).
    y : array_like of shape (n_samples,)
        Targets.
    w : array_like of shape (n_features,)
        Coefficients.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    penalty : {'l1', 'l2', 'elasticnet', None}, default='l1'
        Which penalty; ``None`` gives the plain SSE.
    l1_ratio : float, default=0.5
        :math:`\rho \in [0, 1]`, used by ``'elasticnet'`` only.
    half : bool, default=True
        Use :math:`\tfrac{1}{2}\lambda\|w\|_2^2` (else :math:`\lambda\|w\|_2^2`);
        used by ``'l2'`` only.

    Returns
    -------
    float
        The cost.

    Raises
    ------
    ValueError
        If an array is invalid, the shapes do not match, ``lam`` is negative,
        ``penalty`` is unknown or ``l1_ratio`` is outside :math:`[0, 1]`.

    See Also
    --------
    cost_gradient, sse, l1_penalty, l2_penalty, elastic_net_penalty
    normlib.to_sklearn_alpha : the scikit-learn ``alpha`` that minimizes the same cost.

    Examples
    --------
    >>> X, y = [[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0]
    >>> cost(X, y, [1.0, 1.0], lam=2.0, penalty="l1")
    5.0
    >>> cost(X, y, [1.0, 1.0], lam=2.0, penalty="l2")
    3.0
    """
    X, y, w, lam, penalty, l1_ratio = _check_cost_args(X, y, w, lam, penalty, l1_ratio, "cost")
    half = _check_half(half, "cost")
    with np.errstate(over="ignore"):  # a sum beyond the float range: inf
        return _sse(X, y, w) + _penalty_value(w, lam, penalty, l1_ratio, half)


def cost_gradient(X, y, w, lam, penalty="l1", *, l1_ratio=0.5, half=True):
    r"""Gradient of :func:`cost` (a subgradient for the L1 part).

    .. math::

        \nabla \mathrm{Cost}(w) = -2X^\top(y - Xw) + \nabla P(w), \qquad
        \nabla P(w) \in \Bigl\{\lambda\,\mathrm{sign}(w),\; \lambda w,\;
        \lambda\bigl(\rho\,\mathrm{sign}(w) + (1-\rho)w\bigr),\; 0\Bigr\}

    With an L1 part the cost is not differentiable where a weight is 0; there
    :math:`\mathrm{sign}(0) = 0` is used (see :func:`l1_subgradient`). This is
    the direction the source's update rule :math:`W \leftarrow W -
    \mathrm{LR}\cdot\partial \mathrm{Cost}/\partial W` follows.

    Parameters
    ----------
    X, y, w, lam, penalty, l1_ratio, half
        As in :func:`cost`.

    Returns
    -------
    ndarray of shape (n_features,)
        The (sub)gradient (a new array).

    Raises
    ------
    ValueError
        As in :func:`cost`.

    See Also
    --------
    cost, sse_gradient, l1_subgradient, l2_gradient, gradient_step

    Examples
    --------
    >>> X, y = [[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0]
    >>> cost_gradient(X, y, [1.0, 0.0], lam=2.0, penalty="l1")
    array([ 2., -4.])
    >>> cost_gradient(X, y, [1.0, 0.0], lam=2.0, penalty="l2")
    array([ 2., -4.])
    """
    X, y, w, lam, penalty, l1_ratio = _check_cost_args(
        X, y, w, lam, penalty, l1_ratio, "cost_gradient"
    )
    half = _check_half(half, "cost_gradient")
    grad = _sse_gradient(X, y, w)
    penalty_grad = _penalty_gradient(w, lam, penalty, l1_ratio, half)
    with np.errstate(invalid="ignore", over="ignore"):
        total = grad + penalty_grad
    if np.isnan(total).any():  # inf - inf: two terms beyond the float range
        raise ValueError(
            "cost_gradient: the gradient of the SSE and that of the penalty both "
            "exceed the float range with opposite signs, so their sum cannot be "
            "computed; rescale X, y or lam."
        )
    return total


def gradient_step(w, grad, lr):
    r"""One (sub)gradient-descent step: :math:`w - \eta\,g`, as a new array.

    .. math::

        w_{\text{new}} = w_{\text{old}} - \eta \cdot \frac{\partial \mathrm{Cost}}{\partial w}

    This is the source's update :math:`W_{new} = W_{old} - LR \cdot \partial
    Cost / \partial W` with :math:`\eta` = ``lr``. The input ``w`` is not
    modified.

    Parameters
    ----------
    w : array_like of shape (n_features,) or scalar
        Current coefficients.
    grad : array_like, same shape as ``w``
        (Sub)gradient at ``w``, e.g. from :func:`cost_gradient`.
    lr : float
        Learning rate (step size) :math:`\eta > 0`.

    Returns
    -------
    ndarray
        The updated coefficients (a new array).

    Raises
    ------
    ValueError
        If an array is invalid, the shapes differ, or ``lr`` is not positive.

    See Also
    --------
    cost_gradient, soft_threshold

    Examples
    --------
    >>> gradient_step([1.0, -1.0], [2.0, 0.5], lr=0.1)
    array([ 0.8 , -1.05])
    """
    w = _check_w(w, "gradient_step")
    grad = check_array(grad, "grad", "gradient_step", ndim=(0, 1))
    if grad.shape != w.shape:
        raise ValueError(
            f"The 'grad' parameter of gradient_step must have the shape of w {w.shape}; "
            f"got {grad.shape}."
        )
    lr = check_scalar(lr, "lr", "gradient_step", low=0.0, low_inclusive=False)
    # w is finite, so w - lr * grad is ±inf (never NaN) only beyond the float range
    with np.errstate(over="ignore"):
        return w - lr * grad


def soft_threshold(z, t):
    r"""Soft thresholding :math:`\mathrm{sign}(z)\max(|z| - t, 0)`: the prox of :math:`t|\cdot|`.

    .. math::

        S_t(z) = \mathrm{sign}(z)\,\max(|z| - t,\, 0)
               = \operatorname*{arg\,min}_x \; \tfrac{1}{2}(x - z)^2 + t|x|

    Values inside :math:`[-t, t]` become exactly 0; the others move towards 0
    by :math:`t`. This is why coordinate descent and proximal gradient methods
    produce exact zeros in the lasso, while plain (sub)gradient descent does not.

    Parameters
    ----------
    z : array_like or scalar
        Input values (any shape).
    t : float
        Threshold :math:`t \ge 0`.

    Returns
    -------
    ndarray or float
        :math:`S_t(z)` elementwise, same shape as ``z`` (a float for a scalar).

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite, or ``t`` is negative or NaN.

    See Also
    --------
    l1_subgradient
    sklearn.linear_model.Lasso : its coordinate descent applies this operator
        with threshold ``alpha * n_samples`` to each coordinate.

    Examples
    --------
    >>> soft_threshold([-3.0, -0.5, 0.0, 0.5, 3.0], 1.0)
    array([-2.,  0.,  0.,  0.,  2.])
    >>> soft_threshold(2.5, 1.0)
    1.5
    """
    z = check_array(z, "z", "soft_threshold", ndim=None)
    t = check_scalar(t, "t", "soft_threshold", low=0.0)
    out = _soft_threshold(z, t)
    return float(out) if out.ndim == 0 else out


def _soft_threshold(z, t):
    """Soft thresholding without validation (the solvers call it at every iteration)."""
    # "+ 0.0" turns the -0.0 that sign(z) * 0 gives for negative z into 0.0
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0) + 0.0


def hard_threshold(z, t):
    r"""Hard thresholding :math:`z\,\mathbf{1}[|z| > t]`: keep or kill, the prox of an L0 penalty.

    .. math::

        H_t(z) = \begin{cases} z & |z| > t \\ 0 & |z| \le t \end{cases}
               \in \operatorname*{arg\,min}_x \; \tfrac{1}{2}(x - z)^2 + \tfrac{1}{2}t^2\,\|x\|_0

    Values inside :math:`[-t, t]` become 0, like :func:`soft_threshold`; the
    others are kept **unchanged** (no shrinkage), so the function jumps at
    :math:`\pm t`. It is best-subset selection for one standardized
    coefficient: keeping :math:`x = z` costs :math:`\tfrac12 t^2`, dropping
    it costs :math:`\tfrac12 z^2`. At :math:`|z| = t` both are optimal; 0 is
    returned. With an orthonormal design the L0-penalized least squares
    problem :math:`\|y - Xw\|_2^2 + \lambda_0\|w\|_0` is this rule at
    :math:`t = \sqrt{\lambda_0}` applied to :math:`z = X^\top y`, and best subset
    of size :math:`k` keeps the :math:`k` largest :math:`|z_j|`
    (Hastie, Tibshirani & Friedman, *ESL*, Table 3.4).

    Parameters
    ----------
    z : array_like or scalar
        Input values (any shape).
    t : float
        Threshold :math:`t \ge 0`.

    Returns
    -------
    ndarray or float
        :math:`H_t(z)` elementwise, same shape as ``z`` (a float for a scalar).

    Raises
    ------
    ValueError
        If ``z`` is empty or not finite, or ``t`` is negative or NaN.
    TypeError
        If ``t`` is not a real number.

    See Also
    --------
    soft_threshold : the L1 counterpart, which also shrinks the survivors by t.
    normlib.best_subset : the same selection for a general design.
    numpy.where : ``np.where(np.abs(z) > t, z, 0.0)`` is the same.
    pywt.threshold : ``mode='hard'`` is the same map, except that PyWavelets
        keeps :math:`|z| = t` where this function returns 0.

    Examples
    --------
    >>> hard_threshold([-3.0, -0.5, 0.0, 0.5, 3.0], 1.0)
    array([-3.,  0.,  0.,  0.,  3.])
    >>> hard_threshold(1.0, 1.0)
    0.0
    """
    z = check_array(z, "z", "hard_threshold", ndim=None)
    t = check_scalar(t, "t", "hard_threshold", low=0.0)
    out = np.where(np.abs(z) > t, z, 0.0) + 0.0  # "+ 0.0": no negative zeros
    return float(out) if out.ndim == 0 else out
