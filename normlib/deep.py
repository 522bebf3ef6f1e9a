r"""Deep-learning regularizers beside L2, on models small enough to solve exactly.

Used by the chapter *L1 and L2 beyond least squares*:

* **early stopping**: gradient descent on the SSE from :math:`w = 0`, stopped
  after :math:`t` steps of size :math:`\eta`, behaves like ridge with
  :math:`\lambda \approx 1/(\eta t)` (:func:`early_stopping_lambda`);
* **dropout** on the inputs of a linear model is, in expectation, an L2
  penalty whose strength differs per feature, :math:`\frac{\delta}{1-\delta}
  \sum_j \|X_j\|_2^2 w_j^2` (Wager, Wang and Liang 2013): an "adaptive"
  ridge (:func:`dropout_penalty`, :func:`dropout_ridge`);
* **normalization layers** (batch and layer normalization) standardize
  *activations* inside a network, per feature over a mini-batch or per
  sample over its features (:func:`batch_norm`, :func:`layer_norm`). They are
  normalization (정규화 in the sense of rescaling), not a penalty.

Dropout rates are the probability :math:`\delta` of *dropping* a unit
(PyTorch's ``p``), with the kept units scaled by :math:`1/(1-\delta)`
("inverted dropout"), so that the expected input is unchanged.
"""

import numpy as np

from ._validation import check_array, check_bool, check_scalar, check_X_y, result_dtype
from .models import HUGE_PENALTY, _divide_by_power_of_two, _exponent, _max_abs, _Scaled

__all__ = [
    "batch_norm",
    "dropout_penalty",
    "dropout_ridge",
    "early_stopping_lambda",
    "layer_norm",
]


def early_stopping_lambda(lr, n_steps):
    r"""The ridge :math:`\lambda` that early stopping after ``n_steps`` steps resembles.

    .. math::

        \lambda \approx \frac{1}{\eta\, t}

    Gradient descent on :math:`\mathrm{SSE}(w) = \|y - Xw\|_2^2` from
    :math:`w_0 = 0` with step :math:`\eta` reaches, after :math:`t` steps,
    along each principal direction of :math:`X` (eigenvalue :math:`d^2` of
    :math:`X^\top X`) the fraction :math:`1 - (1 - 2\eta d^2)^t` of the
    least-squares coefficient. Ridge with :math:`\tfrac12\lambda\|w\|_2^2`
    reaches the fraction :math:`d^2 / (d^2 + \lambda/2)`. Both are close to 1
    for directions with :math:`2\eta d^2 t \gg 1`, and close to
    :math:`2\eta d^2 t` and :math:`2d^2/\lambda` for those with
    :math:`2\eta d^2 t \ll 1`; the two small-:math:`d` forms agree when
    :math:`\lambda = 1/(\eta t)` (Goodfellow, Bengio and Courville 2016,
    §7.8, in this book's scaling). The correspondence is approximate in
    between: at :math:`2\eta d^2 t = 1` gradient descent has reached
    :math:`1 - e^{-1} \approx 0.63`, ridge 0.5.

    Parameters
    ----------
    lr : float
        The step :math:`\eta > 0` of gradient descent on the SSE (stable for
        :math:`\eta < 1/d_{\max}^2`).
    n_steps : int
        The number of steps :math:`t \ge 1`.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``lr`` is not a real number or ``n_steps`` not an integer.
    ValueError
        If ``lr`` is not positive and finite or ``n_steps`` < 1.

    See Also
    --------
    normlib.gradient_descent, normlib.ridge

    Examples
    --------
    >>> early_stopping_lambda(0.01, 1000)
    0.1
    """
    lr = check_scalar(lr, "lr", "early_stopping_lambda", low=0.0, low_inclusive=False)
    n_steps = check_scalar(n_steps, "n_steps", "early_stopping_lambda", low=1, integer=True)
    return 1.0 / (lr * n_steps)


def _check_rate(rate, func):
    return check_scalar(rate, "rate", func, low=0.0, high=1.0, high_inclusive=False)


def dropout_penalty(X, w, rate):
    r"""The expected extra squared error that dropout on the inputs adds: an adaptive L2 penalty.

    .. math::

        \mathbb{E}\,\bigl\|y - (X \odot M)\,w\bigr\|_2^2
        = \|y - Xw\|_2^2 + \underbrace{\frac{\delta}{1-\delta}
          \sum_j \|X_j\|_2^2\, w_j^2}_{\text{this function}}

    where :math:`M_{ij} = Z_{ij}/(1-\delta)` with independent
    :math:`Z_{ij} \sim \mathrm{Bernoulli}(1-\delta)` (inverted dropout of
    every input of every sample). Since :math:`\mathbb{E}M_{ij} = 1` and
    :math:`\mathrm{Var}\,M_{ij} = \delta/(1-\delta)`, the cross terms vanish
    and each input adds the variance of its term (Wager, Wang and Liang 2013,
    for linear regression exact). It is ridge's :math:`w_j^2` weighted by the
    column's energy :math:`\|X_j\|^2`; with standardized columns
    (:math:`\|X_j\|^2 = n`) it is :math:`\tfrac12\lambda\|w\|^2` with
    :math:`\lambda = 2n\delta/(1-\delta)`. An intercept is not dropped and
    does not enter.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        The inputs (before dropout).
    w : array_like of shape (n_features,)
        The weights.
    rate : float
        The dropout probability :math:`\delta \in [0, 1)`.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``X`` or ``w`` is invalid, their shapes do not match, or ``rate``
        is outside :math:`[0, 1)`.
    TypeError
        If ``rate`` is not a real number.

    See Also
    --------
    dropout_ridge, normlib.l2_penalty

    References
    ----------
    S. Wager, S. Wang and P. Liang, "Dropout training as adaptive
    regularization", NeurIPS 2013.

    Examples
    --------
    >>> dropout_penalty([[1.0, 2.0], [1.0, 0.0]], [3.0, 1.0], rate=0.5)  # 1*(2*9 + 4*1)
    22.0
    """
    func = "dropout_penalty"
    X = check_array(X, "X", func, ndim=2)
    w = check_array(w, "w", func, ndim=1)
    if X.shape[1] != w.size:
        raise ValueError(
            f"The 'X' and 'w' parameters of {func} must match; got {X.shape[1]} columns "
            f"in X and {w.size} weights."
        )
    rate = _check_rate(rate, func)
    # X and w divided by powers of two: no square overflows or underflows unless the
    # result itself is beyond the float range (then inf or 0, issue 12)
    ex, ew = _exponent(_max_abs(X)), _exponent(_max_abs(w))
    X1, w1 = _divide_by_power_of_two(X, ex), _divide_by_power_of_two(w, ew)
    energy = np.einsum("ij,ij->j", X1, X1)
    with np.errstate(over="ignore", under="ignore"):
        return float(np.ldexp(rate / (1.0 - rate) * (energy @ (w1 * w1)), 2 * (ex + ew)))


def dropout_ridge(X, y, rate, *, fit_intercept=True):
    r"""Minimize the expected dropout loss of a linear model: ridge with per-feature strengths.

    .. math::

        \hat w = \operatorname*{arg\,min}_w\; \|y_c - X_c w\|_2^2
            + \frac{\delta}{1-\delta}\sum_j \|X_j\|_2^2\, w_j^2
        = \bigl(X_c^\top X_c + \Gamma\bigr)^{-1} X_c^\top y_c,
        \qquad \Gamma = \frac{\delta}{1-\delta}\,\mathrm{diag}\bigl(\|X_j\|_2^2\bigr)

    The expected SSE under inverted dropout of the inputs is the SSE plus
    :func:`dropout_penalty`; with an intercept (never dropped) the SSE part
    is centred as usual while :math:`\|X_j\|^2` is that of the raw column.
    Training with dropout (a fresh mask at every step) is stochastic gradient
    descent on this expected loss, so it approaches :math:`\hat w`. It is
    solved for the data divided by powers of two (as :func:`normlib.ridge`), so
    ``dropout_ridge(s*X, t*y, rate)`` gives ``t/s`` times the coefficients at
    any scale.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
    y : array_like of shape (n_samples,)
    rate : float
        The dropout probability :math:`\delta \in [0, 1)`; 0 gives least squares.
    fit_intercept : bool, default=True
        Fit an intercept (not penalized, not dropped).

    Returns
    -------
    coef : ndarray of shape (n_features,)
    intercept : float

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, or ``rate`` is
        outside :math:`[0, 1)`.
    TypeError
        If ``rate`` is not a real number.

    See Also
    --------
    dropout_penalty, normlib.ridge : the same with :math:`\Gamma = \tfrac12\lambda I`.
    sklearn.linear_model.Ridge : the same solution, fitted to the columns
        :math:`X_j / \|X_j\|` with ``alpha = rate / (1 - rate)`` and rescaled.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    >>> coef, b = dropout_ridge(X, [1.0, 2.0, 3.0], rate=0.5, fit_intercept=False)
    >>> np.round(coef, 4)    # (XᵀX + diag(2, 2))⁻¹ Xᵀy = [[4, 1], [1, 4]]⁻¹ [4, 5]
    array([0.7333, 1.0667])
    """
    func = "dropout_ridge"
    X, y = check_X_y(X, y, func)
    rate = _check_rate(rate, func)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    # solved on the data divided by powers of two (models._Scaled), so that neither
    # X^T X nor the column energies overflow or underflow (issue 12)
    data = _Scaled(X, y, fit_intercept)
    Xc, yc = data.X, data.y
    X1 = _divide_by_power_of_two(X, data.ex1)  # the raw columns, largest entry in [1, 2)
    with np.errstate(over="ignore", under="ignore"):  # in the units of Xc; huge acts as inf
        energy = np.ldexp(np.einsum("ij,ij->j", X1, X1), -2 * (data.ex - data.ex1))
    gamma = np.minimum(rate / (1.0 - rate) * energy, HUGE_PENALTY)
    A = Xc.T @ Xc + np.diag(gamma)
    try:
        w = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0] if rate == 0 else np.linalg.solve(
            A, Xc.T @ yc
        )
    except np.linalg.LinAlgError:  # an all-zero column: no energy, no penalty, coef 0
        w = np.linalg.lstsq(A, Xc.T @ yc, rcond=None)[0]
    return data.coef(w), data.intercept(w)


def _normalize_along(Z, axis, gamma, beta, eps, func):
    dtype = result_dtype(Z)
    Z = check_array(Z, "Z", func, ndim=2)
    gamma = check_scalar(gamma, "gamma", func)
    beta = check_scalar(beta, "beta", func)
    eps = check_scalar(eps, "eps", func, low=0.0)
    # Z divided by a power of two (and eps by its square): the variance of entries
    # near 1e300 does not overflow, nor that of entries near 1e-300 underflow (issue 12)
    e = _exponent(_max_abs(Z))
    Z = _divide_by_power_of_two(Z, e)
    with np.errstate(over="ignore", under="ignore"):
        eps = float(np.ldexp(eps, -2 * e))  # inf: the variance is negligible, the output 0
    mean = Z.mean(axis=axis, keepdims=True)
    var = Z.var(axis=axis, keepdims=True)
    denom = np.sqrt(var + eps)
    out = np.divide(Z - mean, denom, out=np.zeros_like(Z), where=denom > 0)
    with np.errstate(over="ignore"):  # float32: beyond its range is ±inf
        return (gamma * out + beta).astype(dtype, copy=False)


def batch_norm(Z, *, gamma=1.0, beta=0.0, eps=1e-5):
    r"""Batch normalization (training mode): standardize each feature over the mini-batch.

    .. math::

        \mathrm{BN}(Z)_{ij} = \gamma\,\frac{Z_{ij} - \mu_j}{\sqrt{\sigma_j^2 + \epsilon}} + \beta,
        \qquad \mu_j = \frac1m\sum_i Z_{ij},\quad
        \sigma_j^2 = \frac1m\sum_i (Z_{ij} - \mu_j)^2

    over the :math:`m` rows (samples) of a mini-batch (Ioffe and Szegedy
    2015). It is the z-score of :func:`normlib.standardize` applied to a
    layer's activations, recomputed for every mini-batch, followed by a
    learned scale :math:`\gamma` and shift :math:`\beta` (scalars here; one
    per feature in a network). So a sample's output depends on the other
    samples of its batch. It rescales; it adds no penalty. With
    :math:`\epsilon = 0` it is invariant to rescaling :math:`Z`: weight decay
    on the weights feeding it cannot shrink the function the layer computes.

    Parameters
    ----------
    Z : array_like of shape (batch_size, n_features)
        Activations, one row per sample.
    gamma, beta : float, default=1.0, 0.0
        Scale and shift applied after standardizing.
    eps : float, default=1e-5
        Added to the variance (PyTorch's default), ``>= 0``. A constant
        feature with ``eps=0`` maps to 0.

    Returns
    -------
    ndarray of shape (batch_size, n_features)
        A new array: float32 for float32 input (as :func:`normlib.standardize`),
        float64 otherwise; the computation is in float64, on ``Z`` divided by a
        power of two, so that entries near 1e±300 give the same output as
        entries near 1 (with ``eps`` scaled alike).

    Raises
    ------
    ValueError
        If ``Z`` is empty, not 2-D or not finite, ``eps`` < 0, or ``gamma``
        or ``beta`` is not finite.
    TypeError
        If ``gamma``, ``beta`` or ``eps`` is not a real number.

    See Also
    --------
    layer_norm, normlib.standardize
    torch.nn.BatchNorm1d : the same in training mode (biased variance).
    sklearn.preprocessing.StandardScaler : the same with ``eps = 0``.

    Examples
    --------
    >>> batch_norm([[1.0, 10.0], [3.0, 30.0]], eps=0.0)
    array([[-1., -1.],
           [ 1.,  1.]])
    """
    return _normalize_along(Z, 0, gamma, beta, eps, "batch_norm")


def layer_norm(Z, *, gamma=1.0, beta=0.0, eps=1e-5):
    r"""Layer normalization: standardize each sample over its features.

    .. math::

        \mathrm{LN}(Z)_{ij} = \gamma\,\frac{Z_{ij} - \mu_i}{\sqrt{\sigma_i^2 + \epsilon}} + \beta,
        \qquad \mu_i = \frac1k\sum_j Z_{ij},\quad
        \sigma_i^2 = \frac1k\sum_j (Z_{ij} - \mu_i)^2

    over the :math:`k` features of one sample (Ba, Kiros and Hinton 2016).
    Unlike :func:`batch_norm` a sample's output does not depend on the other
    samples (the same at training and test time). It is a row-wise z-score,
    not the row-wise L2 normalization of :func:`normlib.l2_normalize` (which
    neither centres nor divides by :math:`\sqrt{k}`).

    Parameters
    ----------
    Z : array_like of shape (n_samples, n_features)
        Activations, one row per sample.
    gamma, beta : float, default=1.0, 0.0
        Scale and shift applied after standardizing.
    eps : float, default=1e-5
        Added to the variance, ``>= 0``.

    Returns
    -------
    ndarray of shape (n_samples, n_features)
        A new array: float32 for float32 input (as :func:`normlib.standardize`),
        float64 otherwise; the computation is in float64, on ``Z`` divided by a
        power of two, so that entries near 1e±300 give the same output as
        entries near 1 (with ``eps`` scaled alike).

    Raises
    ------
    ValueError
        If ``Z`` is empty, not 2-D or not finite, ``eps`` < 0, or ``gamma``
        or ``beta`` is not finite.
    TypeError
        If ``gamma``, ``beta`` or ``eps`` is not a real number.

    See Also
    --------
    batch_norm, normlib.standardize
    torch.nn.LayerNorm : the same (biased variance, default ``eps=1e-5``).

    Examples
    --------
    >>> layer_norm([[1.0, 3.0], [10.0, 30.0]], eps=0.0)
    array([[-1.,  1.],
           [-1.,  1.]])
    """
    return _normalize_along(Z, 1, gamma, beta, eps, "layer_norm")
