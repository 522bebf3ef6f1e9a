r"""Convexity: Jensen checks, subdifferentials of :math:`|w|`, PSD Hessians.

Used by the chapter *Convexity*. A function :math:`f` is convex when every
chord lies on or above its graph (Jensen's inequality),

.. math::

    f\bigl(t x + (1 - t) y\bigr) \le t f(x) + (1 - t) f(y)
    \qquad \text{for all } x, y \text{ and } t \in [0, 1].

The functions here check that inequality numerically (:func:`jensen_gap`,
:func:`find_jensen_violation`, :func:`is_convex`), give the subdifferential of
the absolute value where it has no derivative (:func:`abs_subdifferential`,
:func:`l1_subdifferential`), check the second-order condition for a twice
differentiable function (:func:`is_psd`, :func:`sse_hessian`) and provide a
loss that is *not* convex (:func:`tiny_network_loss`), to correct the source's
claim that the losses of deep learning are convex.

A numerical check over sample points is evidence, never a proof: a violation
between two sample points, or at a value of ``t`` off the grid, goes unseen.
"""

import math
from typing import NamedTuple

import numpy as np

from ._validation import check_array, check_bool, check_scalar

__all__ = [
    "JensenViolation",
    "abs_subdifferential",
    "find_jensen_violation",
    "is_convex",
    "is_psd",
    "jensen_gap",
    "l1_subdifferential",
    "sse_hessian",
    "tiny_network_loss",
]


class JensenViolation(NamedTuple):
    """A pair of points and a weight where Jensen's inequality fails.

    A plain tuple ``(x, y, t, gap)`` with named fields, returned by
    :func:`find_jensen_violation`; ``gap`` is negative.
    """

    x: object
    y: object
    t: float
    gap: float


# ---------------------------------------------------------------- helpers


def _check_callable(f, func):
    if not callable(f):
        raise TypeError(
            f"The 'f' parameter of {func} must be a callable (a function of one "
            f"point returning a real number); got {type(f).__name__}."
        )


def _as_scalar(value, func, where):
    """Return ``f``'s output as a finite float, or raise naming ``f``."""
    out = np.asarray(value)
    if out.size != 1 or out.dtype.kind not in "biuf":
        raise ValueError(
            f"The 'f' parameter of {func} must return one real number; got "
            f"{out.dtype} output of shape {out.shape} at {where}."
        )
    out = float(out.reshape(()))
    if not np.isfinite(out):
        raise ValueError(
            f"The 'f' parameter of {func} must return finite values; got {out} at {where}."
        )
    return out


def _evaluate(f, points, func, *, vectorized, scalar_points):
    """Values of ``f`` at each row of ``points`` (shape (k, d)) as a (k,) array."""
    args = points[:, 0] if scalar_points else points
    if vectorized:
        values = np.asarray(f(args))
        if values.shape != (len(points),) or values.dtype.kind not in "biuf":
            raise ValueError(
                f"The 'f' parameter of {func} was declared vectorized, so it must "
                f"return an array of shape ({len(points)},) for {len(points)} points; "
                f"got shape {values.shape}."
            )
        values = values.astype(np.float64)
        if not np.isfinite(values).all():
            bad = args[np.flatnonzero(~np.isfinite(values))[0]]
            raise ValueError(
                f"The 'f' parameter of {func} must return finite values; got a "
                f"non-finite value at {bad}."
            )
        return values
    if scalar_points:
        return np.array([_as_scalar(f(float(a)), func, float(a)) for a in args])
    return np.array([_as_scalar(f(a.copy()), func, a) for a in args])


# ---------------------------------------------------------------- Jensen


def jensen_gap(f, x, y, t):
    r"""Gap in Jensen's inequality for ``f`` between ``x`` and ``y`` at weight ``t``.

    .. math::

        \mathrm{gap}(x, y, t) = t f(x) + (1 - t) f(y) - f\bigl(t x + (1 - t) y\bigr)

    The chord from :math:`(x, f(x))` to :math:`(y, f(y))` lies ``gap`` above
    the graph at the point :math:`t x + (1 - t) y`. For a convex ``f`` the gap
    is :math:`\ge 0` for every ``x``, ``y`` and ``t`` in [0, 1]; one negative
    gap proves that ``f`` is not convex.

    Parameters
    ----------
    f : callable
        Function of one point: a float when ``x`` and ``y`` are scalars, a 1-D
        array when they are vectors. Must return one real number.
    x, y : float or array_like of shape (d,)
        The two points (same shape).
    t : float
        Weight of ``x``, in [0, 1].

    Returns
    -------
    float
        The gap; ``0.0`` at ``t = 0`` and ``t = 1``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``t`` is not a real number.
    ValueError
        If ``x`` or ``y`` is not finite, they differ in shape, ``t`` is outside
        [0, 1], or ``f`` does not return one finite real number.

    See Also
    --------
    find_jensen_violation : search for a negative gap over sample points.
    is_convex : ``True`` when no negative gap is found.

    Examples
    --------
    For :math:`f(x) = x^2` the gap is :math:`t(1 - t)(x - y)^2 \ge 0`:

    >>> import normlib as nl
    >>> nl.jensen_gap(lambda x: x**2, -1.0, 3.0, 0.5)  # 0.25 * 16
    4.0

    For :math:`f(x) = x^3` on negative numbers it is negative (concave there):

    >>> nl.jensen_gap(lambda x: x**3, -2.0, 0.0, 0.5)  # 0.5*(-8) - (-1)
    -3.0

    A vector example, the Euclidean norm (every norm is convex):

    >>> import numpy as np
    >>> nl.jensen_gap(np.linalg.norm, [3.0, 0.0], [0.0, 4.0], 0.5)  # 0.5*3 + 0.5*4 - 2.5
    1.0
    """
    func = "jensen_gap"
    _check_callable(f, func)
    x = check_array(x, "x", func, ndim=(0, 1))
    y = check_array(y, "y", func, ndim=(0, 1))
    if x.shape != y.shape:
        raise ValueError(
            f"The 'x' and 'y' parameters of {func} must have the same shape; "
            f"got {x.shape} and {y.shape}."
        )
    t = check_scalar(t, "t", func, low=0.0, high=1.0)
    points = np.stack([x, y, t * x + (1.0 - t) * y]).reshape(3, -1)
    fx, fy, fz = _evaluate(f, points, func, vectorized=False, scalar_points=x.ndim == 0)
    return float(t * fx + (1.0 - t) * fy - fz)


def find_jensen_violation(f, xs, *, n_t=11, tol=1e-10, vectorized=False):
    r"""Search all pairs of sample points for a violation of Jensen's inequality.

    For every pair :math:`x_i, x_j` (:math:`i < j`) of the sample points and
    every :math:`t` of the grid :math:`t_k = k / (n_t + 1)`,
    :math:`k = 1, \dots, n_t` (interior points of (0, 1), symmetric, so the
    order of a pair does not matter), compute the Jensen gap

    .. math::

        g = t f(x_i) + (1 - t) f(x_j) - f\bigl(t x_i + (1 - t) x_j\bigr)

    and report the most negative one if it is below :math:`-\mathrm{tol}\cdot s`,
    with :math:`s = \max(1, |f(x_i)|, |f(x_j)|, |f(t x_i + (1-t) x_j)|)`. The
    scale :math:`s` makes ``tol`` absolute for values of order one and
    relative for large values, so that rounding errors in a convex ``f``
    (e.g. a linear function with large values) are not reported; a reported
    gap is always below ``-tol``.

    Parameters
    ----------
    f : callable
        Function of one point (a float when ``xs`` is 1-D, a row of ``xs``
        when it is 2-D) returning one real number. With ``vectorized=True``,
        it is called with many points at once (an array of shape (k,) or
        (k, d)) and must return an array of shape (k,).
    xs : array_like of shape (m,) or (m, d)
        Sample points, ``m >= 2``. Only points on segments between them are
        examined.
    n_t : int, default=11
        Number of weights ``t`` per pair (11 includes the midpoint ``t = 1/2``).
    tol : float, default=1e-10
        Tolerance for rounding errors (see above); ``tol >= 0``.
    vectorized : bool, default=False
        Whether ``f`` accepts a batch of points (faster for many points).

    Returns
    -------
    JensenViolation or None
        ``None`` when no violation is found; otherwise the tuple
        ``(x, y, t, gap)`` of the most negative gap found, with ``gap < -tol``
        (``x`` and ``y`` are floats for 1-D ``xs``, arrays otherwise).

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``n_t``/``tol`` have the wrong type.
    ValueError
        If ``xs`` is not a finite 1-D or 2-D array with at least two points,
        ``n_t < 1``, ``tol < 0``, or ``f`` does not return finite real numbers.

    See Also
    --------
    jensen_gap : the gap for one pair and one weight.
    is_convex : ``find_jensen_violation(...) is None``.

    Notes
    -----
    ``f`` is evaluated :math:`m + n_t\, m(m-1)/2` times. A violation is a
    proof of non-convexity (up to rounding); finding none is only evidence of
    convexity on the convex hull of ``xs``.

    Examples
    --------
    :math:`\sin` is concave on :math:`[0, \pi]`, so chords there lie below
    the graph:

    >>> import numpy as np
    >>> import normlib as nl
    >>> xs = np.linspace(0, 2 * np.pi, 9)
    >>> v = nl.find_jensen_violation(np.sin, xs)
    >>> v.gap < 0
    True
    >>> bool(np.isclose(v.gap, nl.jensen_gap(np.sin, v.x, v.y, v.t)))
    True
    >>> nl.find_jensen_violation(np.abs, np.linspace(-2, 2, 9)) is None
    True
    """
    vectorized = check_bool(vectorized, "vectorized", "find_jensen_violation")
    return _find_violation(f, xs, n_t, tol, vectorized, "find_jensen_violation")


def _find_violation(f, xs, n_t, tol, vectorized, func):
    """Body of find_jensen_violation; ``func`` names the public caller in messages."""
    _check_callable(f, func)
    xs = check_array(xs, "xs", func, ndim=(1, 2))
    if xs.shape[0] < 2:
        raise ValueError(
            f"The 'xs' parameter of {func} must hold at least 2 points; got {xs.shape[0]}."
        )
    n_t = check_scalar(n_t, "n_t", func, low=1, integer=True)
    tol = check_scalar(tol, "tol", func, low=0.0)
    scalar_points = xs.ndim == 1
    points = xs.reshape(xs.shape[0], -1)  # (m, d)
    ts = np.arange(1, n_t + 1) / (n_t + 1)
    values = _evaluate(f, points, func, vectorized=vectorized, scalar_points=scalar_points)

    worst = None  # (gap, i, j, t)
    for i in range(len(points) - 1):
        others = points[i + 1 :]  # (k, d)
        mids = ts[None, :, None] * points[i] + (1.0 - ts)[None, :, None] * others[:, None, :]
        f_mid = _evaluate(
            f,
            mids.reshape(-1, points.shape[1]),
            func,
            vectorized=vectorized,
            scalar_points=scalar_points,
        ).reshape(len(others), n_t)
        f_other = values[i + 1 :, None]
        gaps = ts * values[i] + (1.0 - ts) * f_other - f_mid
        # s = max(1, |f(x_i)|, |f(x_j)|, |f(mid)|): absolute tol near 1, relative above
        scale = np.maximum(
            np.maximum(1.0, abs(values[i])), np.maximum(np.abs(f_other), np.abs(f_mid))
        )
        violated = gaps < -tol * scale
        if violated.any():
            k, m = np.unravel_index(np.argmin(np.where(violated, gaps, np.inf)), gaps.shape)
            if worst is None or gaps[k, m] < worst[0]:
                worst = (float(gaps[k, m]), i, i + 1 + k, float(ts[m]))
    if worst is None:
        return None
    gap, i, j, t = worst
    if scalar_points:
        return JensenViolation(float(xs[i]), float(xs[j]), t, gap)
    return JensenViolation(np.array(xs[i]), np.array(xs[j]), t, gap)


def is_convex(f, xs, *, n_t=11, tol=1e-10, vectorized=False):
    r"""Numerical evidence that ``f`` is convex on the segments between sample points.

    Returns ``True`` when Jensen's inequality

    .. math::

        f\bigl(t x_i + (1 - t) x_j\bigr) \le t f(x_i) + (1 - t) f(x_j)

    holds (up to ``tol``) for every pair of sample points and every ``t`` of
    the grid of :func:`find_jensen_violation`. This is **evidence, not a
    proof**: a violation between the sample points, at a weight off the grid,
    or outside the convex hull of ``xs`` is missed. ``False``, on the other
    hand, comes with a concrete violation (see :func:`find_jensen_violation`)
    and is a proof up to rounding.

    Parameters
    ----------
    f : callable
        Function of one point returning one real number (see
        :func:`find_jensen_violation`).
    xs : array_like of shape (m,) or (m, d)
        Sample points, ``m >= 2``.
    n_t : int, default=11
        Number of weights per pair.
    tol : float, default=1e-10
        Rounding tolerance (see :func:`find_jensen_violation`).
    vectorized : bool, default=False
        Whether ``f`` accepts a batch of points.

    Returns
    -------
    bool
        ``True`` if no violation was found.

    Raises
    ------
    TypeError, ValueError
        As :func:`find_jensen_violation`.

    See Also
    --------
    find_jensen_violation : returns the violation itself.
    is_psd : the second-order test for twice differentiable functions.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> nl.is_convex(np.abs, np.linspace(-3, 3, 13))           # the V of L1
    True
    >>> nl.is_convex(np.square, np.linspace(-3, 3, 13))        # the U of L2
    True
    >>> nl.is_convex(lambda w: abs(w) + w**2, np.linspace(-3, 3, 13))  # convex + convex
    True
    >>> nl.is_convex(np.sin, np.linspace(0, 2 * np.pi, 13))
    False
    >>> nl.is_convex(lambda x: x**3, np.linspace(-1, 1, 13))
    False

    Evidence, not proof. :math:`f(x) = x^2 + \sin(24\pi x)` is not convex
    (:math:`f'' = 2 - (24\pi)^2 \sin(24\pi x)` is negative in places), but
    with integer samples every point examined is a multiple of 1/12, where
    the sine vanishes and :math:`f` agrees with :math:`x^2`:

    >>> wiggly = lambda x: x**2 + np.sin(24 * np.pi * x)
    >>> nl.is_convex(wiggly, np.arange(5.0))         # fooled
    True
    >>> nl.is_convex(wiggly, np.linspace(0, 4, 41))  # denser samples catch it
    False
    """
    vectorized = check_bool(vectorized, "vectorized", "is_convex")
    return _find_violation(f, xs, n_t, tol, vectorized, "is_convex") is None


# ---------------------------------------------------------------- subgradients


def abs_subdifferential(w):
    r"""Subdifferential of :math:`|w|`, elementwise, as an interval ``(lower, upper)``.

    .. math::

        \partial |w| =
        \begin{cases}
            \{\operatorname{sign}(w)\} & w \ne 0, \\
            [-1, 1] & w = 0.
        \end{cases}

    Every slope :math:`g` in the interval gives a line
    :math:`|v| \ge |w| + g (v - w)` below the V of :math:`|w|`: at the kink
    :math:`w = 0` every slope in :math:`[-1, 1]` does. The derivative does not
    exist there, which is why the source warns about gradient-based learning
    with L1.

    Parameters
    ----------
    w : float or array_like
        Points (any shape).

    Returns
    -------
    lower, upper : ndarray of the shape of ``w`` (floats for a scalar ``w``)
        Endpoints of the interval; ``lower == upper == sign(w)`` where
        ``w != 0``, and ``(-1, 1)`` where ``w == 0``.

    Raises
    ------
    ValueError
        If ``w`` contains NaN or inf or is empty.

    See Also
    --------
    l1_subdifferential : :math:`\lambda` times this, for the L1 penalty.
    l1_subgradient : one element of it, :math:`\lambda\,\mathrm{sign}(w)`
        (0 at 0, the subgradient of minimal norm).
    numpy.sign : the derivative where it exists.

    Examples
    --------
    >>> import normlib as nl
    >>> lower, upper = nl.abs_subdifferential([-2.0, 0.0, 3.0])
    >>> lower
    array([-1., -1.,  1.])
    >>> upper
    array([-1.,  1.,  1.])
    >>> nl.abs_subdifferential(0.0)
    (-1.0, 1.0)
    """
    w = check_array(w, "w", "abs_subdifferential", ndim=None)
    return _interval(w, 1.0)


def _interval(w, lam):
    sign = np.sign(w)
    lower = np.where(w == 0, -lam, lam * sign)
    upper = np.where(w == 0, lam, lam * sign)
    if w.ndim == 0:
        return float(lower), float(upper)
    return lower, upper


def l1_subdifferential(w, lam):
    r"""Subdifferential of the L1 penalty :math:`\lambda \|w\|_1`, coordinate by coordinate.

    .. math::

        \partial \bigl(\lambda \|w\|_1\bigr)_j =
        \begin{cases}
            \{\lambda \operatorname{sign}(w_j)\} & w_j \ne 0, \\
            [-\lambda, \lambda] & w_j = 0.
        \end{cases}

    The lasso optimality (KKT) condition reads
    :math:`0 \in \nabla \mathrm{SSE}(w) + \partial(\lambda\|w\|_1)`: a
    coefficient can stay exactly 0 as long as its SSE gradient lies in
    :math:`[-\lambda, \lambda]`.

    Parameters
    ----------
    w : float or array_like
        Coefficients (any shape).
    lam : float
        Penalty strength :math:`\lambda \ge 0`. scikit-learn's ``Lasso`` uses
        ``alpha = lam / (2 * n_samples)`` (see :func:`to_sklearn_alpha`).

    Returns
    -------
    lower, upper : ndarray of the shape of ``w`` (floats for a scalar ``w``)
        ``lam`` times :func:`abs_subdifferential`.

    Raises
    ------
    TypeError
        If ``lam`` is not a real number.
    ValueError
        If ``w`` is not finite or ``lam`` is negative, NaN or infinite.

    See Also
    --------
    abs_subdifferential : the case ``lam = 1``.
    l1_subgradient : the minimal-norm element, :math:`\lambda\,\mathrm{sign}(w)`.

    Examples
    --------
    >>> import normlib as nl
    >>> lower, upper = nl.l1_subdifferential([-2.0, 0.0, 3.0], lam=0.5)
    >>> lower
    array([-0.5, -0.5,  0.5])
    >>> upper
    array([-0.5,  0.5,  0.5])
    """
    func = "l1_subdifferential"
    w = check_array(w, "w", func, ndim=None)
    lam = check_scalar(lam, "lam", func, low=0.0)
    return _interval(w, lam)


# ---------------------------------------------------------------- second order


def is_psd(A, tol=1e-10):
    r"""Whether a symmetric matrix is positive semidefinite (all eigenvalues :math:`\ge 0`).

    .. math::

        A \succeq 0 \iff v^\top A v \ge 0 \ \text{for all } v
        \iff \lambda_{\min}(A) \ge 0.

    A twice differentiable function is convex exactly when its Hessian is
    positive semidefinite everywhere. Rounding makes a zero eigenvalue come
    out as about :math:`\pm 10^{-16} \max|\lambda|`, so the test is
    :math:`\lambda_{\min} \ge -\mathrm{tol} \cdot \max_i |\lambda_i|`
    (relative, hence independent of the scale of ``A``).

    Parameters
    ----------
    A : array_like of shape (n, n)
        Symmetric matrix (symmetric up to ``1e-10`` relative rounding).
    tol : float, default=1e-10
        Relative tolerance, ``tol >= 0``.

    Returns
    -------
    bool

    Raises
    ------
    ValueError
        If ``A`` is not a finite, square, symmetric 2-D array, or ``tol < 0``.

    See Also
    --------
    numpy.linalg.eigvalsh : the eigenvalues used here.
    sse_hessian : the Hessian :math:`2X^\top X` of the squared error.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> nl.is_psd([[2.0, 1.0], [1.0, 2.0]])    # eigenvalues 1 and 3
    True
    >>> nl.is_psd([[1.0, 2.0], [2.0, 1.0]])    # eigenvalues -1 and 3
    False
    >>> nl.is_psd(np.zeros((2, 2)))
    True
    """
    func = "is_psd"
    A = check_array(A, "A", func, ndim=2)
    tol = check_scalar(tol, "tol", func, low=0.0)
    if A.shape[0] != A.shape[1]:
        raise ValueError(
            f"The 'A' parameter of {func} must be a square matrix; got shape {A.shape}."
        )
    # divide by a power of two near max|A| (exact; the answer does not depend
    # on a positive factor): A + A.T and A - A.T then cannot overflow
    amax = float(np.abs(A).max())
    exponent = math.frexp(amax)[1] - 1 if amax > 0 else 0
    A = np.ldexp(A, -exponent)
    asymmetry = float(np.abs(A - A.T).max())
    if asymmetry > 1e-10 * np.abs(A).max():
        raise ValueError(
            f"The 'A' parameter of {func} must be symmetric; the largest |A - A.T| is "
            f"{math.ldexp(asymmetry, exponent):.3g}. Use (A + A.T) / 2, which has the same "
            f"quadratic form v.T @ A @ v."
        )
    eigenvalues = np.linalg.eigvalsh((A + A.T) / 2.0)
    return bool(eigenvalues[0] >= -tol * np.abs(eigenvalues).max())


def sse_hessian(X):
    r"""Hessian of the squared error :math:`\|y - Xw\|_2^2` with respect to ``w``.

    .. math::

        \nabla^2_w \|y - Xw\|_2^2 = 2 X^\top X.

    It does not depend on ``y`` or ``w``, and it is positive semidefinite,
    because :math:`v^\top (2X^\top X) v = 2\|Xv\|_2^2 \ge 0`: the squared
    error is convex in ``w`` for every data set, which is why lasso and ridge
    have global optima. It is positive *definite* (strictly convex SSE,
    unique least-squares solution) exactly when ``X`` has full column rank.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.

    Returns
    -------
    ndarray of shape (n_features, n_features)

    Raises
    ------
    ValueError
        If ``X`` is not a finite, non-empty 2-D array.

    See Also
    --------
    is_psd : check the eigenvalues.
    sse_gradient : the gradient :math:`-2X^\top(y - Xw)`.

    Examples
    --------
    >>> import normlib as nl
    >>> H = nl.sse_hessian([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    >>> H
    array([[ 6.,  6.],
           [ 6., 10.]])
    >>> nl.is_psd(H)
    True
    """
    X = check_array(X, "X", "sse_hessian", ndim=2)
    amax = float(np.abs(X).max())
    exponent = math.frexp(amax)[1] - 1 if amax > 0 else 0
    if exponent < 500:  # (2**500)**2 * n stays far below the largest float
        return 2.0 * (X.T @ X)
    # X^T X would overflow, and inf - inf in a sum is NaN: compute it for
    # X / 2**e and multiply back; entries beyond the float range become ±inf
    scaled = np.ldexp(X, -exponent)
    with np.errstate(over="ignore"):
        return np.ldexp(2.0 * (scaled.T @ scaled), 2 * exponent)


# ---------------------------------------------------------------- non-convex loss


def tiny_network_loss(w, x, y):
    r"""Squared-error loss of a one-hidden-unit network: a loss that is **not** convex.

    The network maps an input :math:`x` to :math:`\hat y = w_2 \tanh(w_1 x)`
    (``w = (w[0], w[1]) = (w_1, w_2)``), and the loss is

    .. math::

        L(w) = \sum_{i=1}^{n} \bigl(y_i - w_2 \tanh(w_1 x_i)\bigr)^2 .

    Why it is not convex: :math:`\tanh` is odd, so
    :math:`(-w_2)\tanh(-w_1 x) = w_2 \tanh(w_1 x)` and :math:`L(-w) = L(w)`.
    If :math:`w^\ast` fits the data well, :math:`-w^\ast` fits it exactly as
    well, but their midpoint :math:`0` predicts :math:`\hat y = 0` and has
    loss :math:`L(0) = \sum_i y_i^2`. Then

    .. math::

        L\Bigl(\tfrac12 w^\ast + \tfrac12 (-w^\ast)\Bigr) = \sum_i y_i^2
        > L(w^\ast) = \tfrac12 L(w^\ast) + \tfrac12 L(-w^\ast),

    which breaks Jensen's inequality: two separate minima with a hill between
    them. The source's claim that the losses used in deep learning are convex
    is false for every network with a hidden layer (this symmetry, and the
    permutation of hidden units, already break it).

    Parameters
    ----------
    w : array_like of shape (2,) or (m, 2)
        Weights ``(w_1, w_2)``; a 2-D array is a batch of ``m`` weight
        vectors (handy for contour plots).
    x, y : array_like of shape (n_samples,)
        Inputs and targets.

    Returns
    -------
    float or ndarray of shape (m,)
        The loss, one value per weight vector.

    Raises
    ------
    ValueError
        If an array is not finite, ``w`` does not have 2 columns, or ``x`` and
        ``y`` differ in length.

    See Also
    --------
    sse : the same loss for a linear model, which is convex.
    find_jensen_violation : finds the violation numerically.

    Examples
    --------
    Data made by the network itself with :math:`w^\ast = (1, 2)`:

    >>> import numpy as np
    >>> import normlib as nl
    >>> x = np.linspace(-2, 2, 9)
    >>> y = 2 * np.tanh(x)
    >>> w_star = np.array([1.0, 2.0])
    >>> nl.tiny_network_loss(w_star, x, y), nl.tiny_network_loss(-w_star, x, y)
    (0.0, 0.0)
    >>> nl.tiny_network_loss([0.0, 0.0], x, y) == float(np.sum(y**2))  # the midpoint
    True
    >>> gap = nl.jensen_gap(lambda w: nl.tiny_network_loss(w, x, y), w_star, -w_star, 0.5)
    >>> round(gap, 2), round(-float(np.sum(y**2)), 2)   # negative: not convex
    (-20.34, -20.34)
    """
    func = "tiny_network_loss"
    w = check_array(w, "w", func, ndim=(1, 2))
    x = check_array(x, "x", func, ndim=1)
    y = check_array(y, "y", func, ndim=1)
    if w.shape[-1] != 2:
        raise ValueError(
            f"The 'w' parameter of {func} must have shape (2,) or (m, 2); got {w.shape}."
        )
    if x.shape != y.shape:
        raise ValueError(
            f"The 'x' and 'y' parameters of {func} must have the same length; "
            f"got {x.shape[0]} and {y.shape[0]}."
        )
    weights = w.reshape(-1, 2)
    predictions = weights[:, 1:2] * np.tanh(weights[:, 0:1] * x)  # (m, n)
    losses = np.sum((y - predictions) ** 2, axis=1)
    return float(losses[0]) if w.ndim == 1 else losses
