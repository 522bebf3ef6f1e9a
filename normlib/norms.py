r"""Vector p-norms, the L0 count, distances and unit balls.

Used by the chapter *Norms* (and by every later chapter: a penalty, a
normalization and a distance are all norms). For a vector
:math:`x \in \mathbb{R}^n` and :math:`p \ge 1`,

.. math::

    \|x\|_p = \Bigl(\sum_{i=1}^{n} |x_i|^p\Bigr)^{1/p}, \qquad
    \|x\|_\infty = \max_i |x_i|,

so :math:`\|x\|_1` is the sum of absolute values (Manhattan length) and
:math:`\|x\|_2` the Euclidean length.

Two promises hold for every function here:

* **No spurious overflow or underflow.** ``sqrt(sum(x**2))`` returns ``inf``
  for ``[1e200] * 4`` and ``0.0`` for ``[1e-200] * 4``, whose norms ``2e200``
  and ``2e-200`` are ordinary floats. The norms below first try the fast
  formula and check that its intermediate sum is finite and far from the
  underflow range; only otherwise do they divide by :math:`\max_i |x_i|` first
  (Blue's idea, used by LAPACK's ``dnrm2``), which makes the largest term 1.
* **One read of the data in the common case.** A norm of a large vector is
  limited by how fast memory can be read, so the fast path reads ``x`` once:
  BLAS ``ddot`` for L2 (what ``np.linalg.norm`` does), BLAS ``dasum`` (or a
  small reused buffer) for L1. Even the NaN/inf check is folded into that
  read: NaN and inf propagate into the sum, so ``x`` is scanned for them only
  when the result is not finite.
"""

import functools

import numpy as np

from ._validation import (
    check_array,
    check_axis,
    check_finite,
    check_option,
    check_scalar,
    result_dtype,
)

__all__ = [
    "distance",
    "euclidean",
    "l0_count",
    "l1_norm",
    "l2_norm",
    "linf_norm",
    "lp_norm",
    "manhattan",
    "unit_ball",
]

_EPS = np.finfo(np.float64).eps
_TINY = np.finfo(np.float64).tiny  # smallest normal float, 2**-1022
# Squares smaller than _TINY lose digits (they are subnormal). If the sum of n
# squares is at least n * _TINY / _EPS, those losses are below eps**2 of the sum.
_SAFE_MIN = _TINY / _EPS
# Block length for the L1 fallback loop: 2**16 float64 = 512 KiB, in cache.
_BLOCK = 2**16


# ---------------------------------------------------------------- validation


def _check_p(p, func):
    """Validate the order of a norm: a real p >= 1 or np.inf."""
    value = check_scalar(p, "p", func, allow_inf=True)
    if value < 1:
        raise ValueError(
            f"The 'p' parameter of {func} must be >= 1 or np.inf; got {p!r}. "
            "For p < 1, ||x||_p is not a norm (the triangle inequality fails); "
            "use unit_ball(p) to draw its non-convex unit 'ball'."
        )
    return value


def _check_keepdims(keepdims, func):
    return check_option(keepdims, "keepdims", func, (False, True))


# ---------------------------------------------------------------- kernels
# Each kernel reduces the LAST axis of a float64 array and lets NaN and inf
# propagate (a NaN entry gives a NaN norm, an inf entry an inf norm) without
# warnings; the public functions decide what that means.


def _sum_of_squares(x):
    """The sum of x_i**2 along the last axis, reading x once (may overflow: checked by callers)."""
    with np.errstate(over="ignore", under="ignore"):
        if x.ndim == 1:
            return x @ x  # BLAS ddot
        if x.strides[-1] == x.itemsize:
            return np.vecdot(x, x)  # one BLAS dot per contiguous vector
        return np.einsum("...i,...i->...", x, x)  # strided vectors: einsum walks memory in order


def _scaled_l2(rows):
    """L2 norms of the rows of a 2-D array, each row divided by its max |x_i| first."""
    amax = np.max(np.abs(rows), axis=1)
    scale = np.where((amax > 0) & np.isfinite(amax), amax, 1.0)
    scaled = rows / scale[:, np.newaxis]  # largest entry 1: no overflow, no underflow that matters
    with np.errstate(over="ignore"):
        # inf when the true norm exceeds the largest float (there is no better answer)
        return np.sqrt(_sum_of_squares(scaled)) * scale


def _l2_last(x):
    """Overflow/underflow-safe L2 norm along the last axis."""
    n = x.shape[-1]
    squares = _sum_of_squares(x)
    if x.ndim == 1:
        if np.isfinite(squares) and squares >= n * _SAFE_MIN:
            return np.sqrt(squares)
        return _scaled_l2(x[np.newaxis, :])[0]
    norms = np.sqrt(squares)
    risky = ~(np.isfinite(squares) & (squares >= n * _SAFE_MIN))
    if risky.any():
        norms[risky] = _scaled_l2(x[risky])
    return norms


@functools.cache
def _blas_dasum():
    """SciPy's BLAS ``dasum`` (sum of absolute values in one pass), or None."""
    try:
        from scipy.linalg.blas import dasum
    except ImportError:  # scipy is optional: fall back to numpy
        return None
    return dasum


def _sum_abs(x):
    """Sum of |x_i| of a 1-D array without allocating a full-size |x|."""
    with np.errstate(over="ignore"):  # a sum of |x_i| only overflows if the norm does
        if x.size <= _BLOCK:
            return np.abs(x).sum()
        dasum = _blas_dasum()
        if dasum is not None and x.size < 2**31:
            return dasum(x)
        # numpy only: |x| block by block into one small buffer that stays in cache
        buffer = np.empty(_BLOCK)
        total = 0.0
        for start in range(0, x.size, _BLOCK):
            block = x[start : start + _BLOCK]
            part = buffer[: block.size]
            np.abs(block, out=part)
            total += part.sum()
        return total


def _l1_last(x):
    """L1 norm along the last axis (partial sums of |x_i| never exceed the total)."""
    if x.ndim == 1:
        return _sum_abs(x)
    with np.errstate(over="ignore"):
        return np.abs(x).sum(axis=-1)


def _linf_last(x):
    """Max norm along the last axis, without an |x| temporary; + 0.0 turns -0.0 into 0.0."""
    return np.maximum(x.max(axis=-1), -x.min(axis=-1)) + 0.0


def _lp_last(x, p):
    """(sum |x_i|**p)**(1/p) along the last axis for any finite p > 0, scaled by max |x_i|."""
    magnitudes = np.abs(x)
    amax = np.max(magnitudes, axis=-1, keepdims=True)
    scale = np.where((amax > 0) & np.isfinite(amax), amax, 1.0)
    with np.errstate(over="ignore", under="ignore"):
        # each term is at most 1 after scaling, so the sum lies in [1, n]
        powered = np.sum((magnitudes / scale) ** p, axis=-1)
        return powered ** (1.0 / p) * scale[..., 0]


def _norm_last(x, p):
    """The p-norm (p > 0 or inf) along the last axis of a float64 array."""
    if p == 2:
        return _l2_last(x)
    if p == 1:
        return _l1_last(x)
    if p == np.inf:
        return _linf_last(x)
    return _lp_last(x, p)


def _norm(x, p, axis, keepdims, func):
    """Validate, reduce ``axis`` (all entries when None), shape the result like numpy."""
    dtype = result_dtype(x)
    x = check_array(x, "x", func, ndim=None, finite=False)
    p = _check_p(p, func)
    axis = check_axis(axis, x.ndim, func)
    keepdims = _check_keepdims(keepdims, func)
    last = x.reshape(-1) if axis is None else np.moveaxis(x, axis, -1)
    result = _norm_last(last, p)
    if not np.isfinite(result).all():
        # NaN or inf in x propagated into the result; if x is finite, the true
        # norm is larger than the largest float and inf is the right answer.
        check_finite(x, "x", func)
    return _shape(result, x.ndim, axis, keepdims, dtype)


def _shape(result, ndim, axis, keepdims, dtype=np.float64):
    """Give a reduction the shape numpy gives it (a Python float when 0-D).

    An array result has the given ``dtype`` (float32 for float32 input, as
    numpy and scikit-learn return; the sums themselves are done in float64).
    """
    if keepdims:
        if axis is None:
            return _as(np.reshape(result, (1,) * ndim), dtype)
        return _as(np.expand_dims(result, axis), dtype)
    if np.ndim(result) == 0:
        return float(result)
    return _as(result, dtype)


def _as(array, dtype):
    """``array`` as ``dtype``; values beyond float32's range become ±inf (their true value)."""
    with np.errstate(over="ignore"):
        return np.asarray(array).astype(dtype, copy=False)


# ---------------------------------------------------------------- norms


def lp_norm(x, p=2, axis=None, keepdims=False):
    r"""The p-norm :math:`\|x\|_p` of a vector (entrywise for arrays), p ≥ 1 or inf.

    .. math::

        \|x\|_p = \Bigl(\sum_{i=1}^{n} |x_i|^p\Bigr)^{1/p} \quad (1 \le p < \infty),
        \qquad \|x\|_\infty = \max_{i} |x_i|

    Parameters
    ----------
    x : array_like
        Real numbers of any shape; integers, booleans and lists are converted
        to float64.
    p : float, default=2
        Order of the norm, ``p >= 1`` or ``np.inf``.
    axis : int or None, default=None
        Axis along which to take the norm of each vector. ``None`` takes the
        norm of all entries (the flattened array).
    keepdims : bool, default=False
        Keep the reduced axis (axes) with length 1, as numpy does.

    Returns
    -------
    float or ndarray
        A float when ``axis=None`` (and ``keepdims=False``), else an array of
        norms with the reduced axis removed (float32 for float32 input, as
        numpy's; the sums are done in float64). ``inf`` only when the true norm
        exceeds the largest float (about 1.8e308).

    Raises
    ------
    ValueError
        If ``x`` is empty, not numeric or contains NaN or inf; if ``p < 1``
        (not a norm) or NaN; if ``axis`` is out of range.
    TypeError
        If ``p`` is not a real number or ``axis`` not an integer.

    See Also
    --------
    l1_norm, l2_norm, linf_norm, distance
    numpy.linalg.norm : ``np.linalg.norm(x, ord=p, axis=axis)`` gives the same
        numbers for vectors, but computes ``sqrt(x @ x)`` unscaled (``inf`` for
        ``[1e200] * 4``, ``0.0`` for ``[1e-200] * 4``), and for a 2-D ``x`` with
        ``axis=None`` returns a *matrix* norm (``ord=1``: largest column sum)
        where this function flattens (for p = 2 both give the Frobenius norm).
    scipy.linalg.norm : like numpy's, with BLAS ``nrm2`` (scaled) for 1-D L2.
    sklearn.utils.extmath.row_norms : L2 norms of the rows, unscaled.

    Notes
    -----
    For p < 1 the formula still defines a number, but not a norm: the
    triangle inequality fails, e.g. with p = 1/2,
    :math:`\|(1,0) + (0,1)\|_{1/2} = 4 > 2 = \|(1,0)\|_{1/2} + \|(0,1)\|_{1/2}`,
    and its unit "ball" is not convex (:func:`unit_ball` draws it).

    Large and tiny entries: the sum :math:`\sum |x_i|^p` can overflow or
    underflow long before the norm does. Dividing by
    :math:`m = \max_i |x_i|` first,
    :math:`\|x\|_p = m\,\|x/m\|_p`, makes the largest term exactly 1. For
    p = 2 the unscaled ``sqrt(x @ x)`` is used whenever ``x @ x`` is finite
    and at least :math:`n \cdot 2^{-970}`, where it is accurate, so the common
    case costs one read of ``x`` like ``np.linalg.norm``.

    Examples
    --------
    >>> lp_norm([3, 4])                      # the 3-4-5 triangle
    5.0
    >>> lp_norm([3, -4], p=1), lp_norm([3, -4], p=np.inf)
    (7.0, 4.0)
    >>> lp_norm([[3, 4], [6, 8]], axis=1)    # one norm per row
    array([ 5., 10.])
    >>> lp_norm([1e200] * 4)                 # sqrt(x @ x) would give inf
    2e+200
    """
    return _norm(x, p, axis, keepdims, "lp_norm")


def l1_norm(x, axis=None, keepdims=False):
    r"""The L1 (Manhattan, taxicab) norm :math:`\|x\|_1 = \sum_i |x_i|`.

    .. math::

        \|x\|_1 = \sum_{i=1}^{n} |x_i|

    Parameters
    ----------
    x : array_like
        Real numbers of any shape.
    axis : int or None, default=None
        Axis of the vectors; ``None`` sums over all entries.
    keepdims : bool, default=False
        Keep the reduced axis with length 1.

    Returns
    -------
    float or ndarray
        The norm(s).

    Raises
    ------
    ValueError
        If ``x`` is empty, not numeric or not finite, or ``axis`` is out of range.

    See Also
    --------
    lp_norm, l2_norm, manhattan
    numpy.linalg.norm : ``np.linalg.norm(x, 1)``, same numbers for a vector;
        it allocates ``abs(x)``, about six times slower on large vectors.
    scipy.linalg.blas.dasum : the BLAS kernel used here for large 1-D input.

    Notes
    -----
    A large 1-D ``x`` is summed by BLAS ``dasum`` (one pass, no temporary)
    when SciPy is installed, else in cache-sized blocks; the result can then
    differ from ``np.abs(x).sum()`` in the last digits (another summation
    order).

    Examples
    --------
    >>> l1_norm([3, -4])
    7.0
    >>> l1_norm([[1, -2], [3, 4]], axis=0)   # one norm per column
    array([4., 6.])
    """
    return _norm(x, 1, axis, keepdims, "l1_norm")


def l2_norm(x, axis=None, keepdims=False):
    r"""The L2 (Euclidean) norm :math:`\|x\|_2`, safe from overflow and underflow.

    .. math::

        \|x\|_2 = \sqrt{\sum_{i=1}^{n} x_i^2}
                = m \sqrt{\sum_{i=1}^{n} (x_i / m)^2}, \qquad m = \max_i |x_i|

    Parameters
    ----------
    x : array_like
        Real numbers of any shape.
    axis : int or None, default=None
        Axis of the vectors; ``None`` uses all entries (Frobenius norm of a matrix).
    keepdims : bool, default=False
        Keep the reduced axis with length 1.

    Returns
    -------
    float or ndarray
        The norm(s); ``inf`` only if the true norm exceeds the largest float.

    Raises
    ------
    ValueError
        If ``x`` is empty, not numeric or not finite, or ``axis`` is out of range.

    See Also
    --------
    lp_norm, l1_norm, euclidean, normlib.l2_normalize
    numpy.linalg.norm : ``np.linalg.norm(x)`` is ``sqrt(x @ x)``: same speed and
        numbers, but ``inf`` for ``[1e200] * 4`` and ``0.0`` for ``[1e-200] * 4``.
    scipy.linalg.blas.dnrm2 : BLAS's scaled L2 norm of a 1-D array (safe, slower).
    sklearn.utils.extmath.row_norms : row norms as ``sqrt(einsum(...))``, unscaled.

    Notes
    -----
    The fast formula ``sqrt(x @ x)`` is used when ``x @ x`` is finite and at
    least :math:`n \cdot 2^{-970}` (then the squares that underflowed change
    it by less than :math:`\varepsilon^2`); otherwise the vector is divided by
    its largest magnitude first (Blue 1978; LAPACK ``dnrm2``).

    Examples
    --------
    >>> l2_norm([3, 4])
    5.0
    >>> l2_norm([1e200] * 4), l2_norm([1e-200] * 4)   # no overflow, no underflow
    (2e+200, 2e-200)
    >>> l2_norm([[3, 4], [0, 0]], axis=1, keepdims=True)
    array([[5.],
           [0.]])
    """
    return _norm(x, 2, axis, keepdims, "l2_norm")


def linf_norm(x, axis=None, keepdims=False):
    r"""The max (L-infinity, Chebyshev) norm :math:`\|x\|_\infty = \max_i |x_i|`.

    .. math::

        \|x\|_\infty = \max_{i} |x_i| = \lim_{p \to \infty} \|x\|_p

    Parameters
    ----------
    x : array_like
        Real numbers of any shape.
    axis : int or None, default=None
        Axis of the vectors; ``None`` uses all entries.
    keepdims : bool, default=False
        Keep the reduced axis with length 1.

    Returns
    -------
    float or ndarray
        The norm(s).

    Raises
    ------
    ValueError
        If ``x`` is empty, not numeric or not finite, or ``axis`` is out of range.

    See Also
    --------
    lp_norm, l1_norm, l2_norm
    numpy.linalg.norm : ``np.linalg.norm(x, np.inf)`` for a vector (for a
        matrix with ``axis=None`` numpy returns the largest *row sum* instead).
    scipy.spatial.distance.chebyshev : the max-norm distance of two vectors.

    Examples
    --------
    >>> linf_norm([3, -4, 1])
    4.0
    """
    return _norm(x, np.inf, axis, keepdims, "linf_norm")


def l0_count(x, axis=None, keepdims=False):
    r"""The number of nonzero entries, often called the "L0 norm" (it is not a norm).

    .. math::

        \|x\|_0 = \#\{i : x_i \ne 0\} = \lim_{p \to 0^+} \sum_{i=1}^{n} |x_i|^p

    Parameters
    ----------
    x : array_like
        Real numbers of any shape.
    axis : int or None, default=None
        Axis of the vectors; ``None`` counts over all entries.
    keepdims : bool, default=False
        Keep the reduced axis with length 1.

    Returns
    -------
    int or ndarray of int
        The count(s).

    Raises
    ------
    ValueError
        If ``x`` is empty, not numeric or not finite, or ``axis`` is out of range.

    See Also
    --------
    numpy.count_nonzero : the same count (this function adds the validation).
    numpy.linalg.norm : ``np.linalg.norm(x, 0)`` returns the same count as a float.

    Notes
    -----
    A norm must be absolutely homogeneous, :math:`\|a x\| = |a|\,\|x\|`. The
    count is not: :math:`\|2x\|_0 = \|x\|_0`. (It does satisfy the triangle
    inequality: :math:`\|x - y\|_0` is the Hamming distance, a metric.) It is
    what sparsity means: the lasso's L1 penalty is the convex stand-in for
    penalizing the count of nonzero coefficients, which is combinatorial.
    Only exact zeros count as zero: ``1e-300`` is nonzero.

    Examples
    --------
    >>> l0_count([0.0, 3.0, 0.0, -1.5])
    2
    >>> l0_count([0.0, 6.0, 0.0, -3.0]) == l0_count([0.0, 3.0, 0.0, -1.5])  # not homogeneous
    True
    """
    func = "l0_count"
    x = check_array(x, "x", func, ndim=None)
    axis = check_axis(axis, x.ndim, func)
    keepdims = _check_keepdims(keepdims, func)
    counts = np.count_nonzero(x, axis=axis, keepdims=keepdims)
    return int(counts) if np.ndim(counts) == 0 and not keepdims else counts


# ---------------------------------------------------------------- distances


def _distance(a, b, p, func):
    dtype = np.float32 if result_dtype(a) == result_dtype(b) == np.float32 else np.float64
    a = check_array(a, "a", func, ndim=(1, 2))
    b = check_array(b, "b", func, ndim=(1, 2))
    if a.shape != b.shape:
        raise ValueError(
            f"The 'a' and 'b' parameters of {func} must have the same shape; "
            f"got {a.shape} and {b.shape}."
        )
    p = _check_p(p, func)
    with np.errstate(over="ignore"):
        # a - b overflows only when the distance exceeds the largest float
        difference = a - b
    result = _norm_last(difference, p)
    return float(result) if np.ndim(result) == 0 else _as(result, dtype)


def distance(a, b, p=2):
    r"""The p-norm distance :math:`\|a - b\|_p` along the last axis.

    .. math::

        d_p(a, b) = \|a - b\|_p = \Bigl(\sum_{i=1}^{n} |a_i - b_i|^p\Bigr)^{1/p}

    Parameters
    ----------
    a, b : array_like of shape (n,) or (m, n)
        Points; the same shape. Two 2-D arrays give one distance per row.
    p : float, default=2
        Order of the norm, ``p >= 1`` or ``np.inf``.

    Returns
    -------
    float or ndarray of shape (m,)
        The distance, or one distance per pair of rows.

    Raises
    ------
    ValueError
        If ``a`` or ``b`` is empty, not finite or not 1-D/2-D, if their shapes
        differ, or if ``p < 1``.

    See Also
    --------
    manhattan, euclidean, lp_norm
    scipy.spatial.distance.minkowski : ``minkowski(a, b, p)`` for two 1-D points.
    sklearn.metrics.pairwise.paired_distances : one distance per pair of rows
        (``metric="euclidean"`` or ``"manhattan"``).
    sklearn.metrics.pairwise_distances : all pairs of rows (an (m, m) matrix).

    Examples
    --------
    >>> distance([0, 0], [3, 4])
    5.0
    >>> distance([0, 0], [3, 4], p=1), distance([0, 0], [3, 4], p=np.inf)
    (7.0, 4.0)
    >>> distance([[0, 0], [1, 1]], [[3, 4], [1, 2]])  # row by row
    array([5., 1.])
    """
    return _distance(a, b, p, "distance")


def manhattan(a, b):
    r"""The Manhattan (taxicab, L1) distance :math:`\|a - b\|_1`.

    .. math::

        d_1(a, b) = \sum_{i=1}^{n} |a_i - b_i|

    On a city grid it is the length of every shortest path along the streets,
    however many turns it takes (the Euclidean distance is the straight line).

    Parameters
    ----------
    a, b : array_like of shape (n,) or (m, n)
        Points of the same shape.

    Returns
    -------
    float or ndarray of shape (m,)
        The distance(s).

    Raises
    ------
    ValueError
        See :func:`distance`.

    See Also
    --------
    distance, euclidean
    scipy.spatial.distance.cityblock : the same for two 1-D points.
    sklearn.metrics.pairwise.manhattan_distances : all pairs of rows.

    Examples
    --------
    >>> manhattan([0, 0], [6, 6])   # 12 blocks, whatever the staircase
    12.0
    """
    return _distance(a, b, 1, "manhattan")


def euclidean(a, b):
    r"""The Euclidean (straight-line, L2) distance :math:`\|a - b\|_2`.

    .. math::

        d_2(a, b) = \sqrt{\sum_{i=1}^{n} (a_i - b_i)^2}

    Parameters
    ----------
    a, b : array_like of shape (n,) or (m, n)
        Points of the same shape.

    Returns
    -------
    float or ndarray of shape (m,)
        The distance(s), computed without overflow or underflow.

    Raises
    ------
    ValueError
        See :func:`distance`.

    See Also
    --------
    distance, manhattan
    scipy.spatial.distance.euclidean : the same for two 1-D points.
    sklearn.metrics.pairwise.euclidean_distances : all pairs of rows, via
        :math:`\|a\|^2 - 2a^\top b + \|b\|^2` (fast, less accurate for close points).

    Examples
    --------
    >>> euclidean([0, 0], [6, 6])   # the diagonal: 6 * sqrt(2)
    8.485...
    """
    return _distance(a, b, 2, "euclidean")


# ---------------------------------------------------------------- unit balls


def unit_ball(p, n=400):
    r"""Points of the 2-D unit sphere :math:`\{x : \|x\|_p = 1\}`, for plotting.

    The point at angle :math:`\theta_k = 2\pi k / n` is the direction
    :math:`u_k = (\cos\theta_k, \sin\theta_k)` scaled to length 1:

    .. math::

        x_k = \frac{u_k}{\|u_k\|_p}, \qquad k = 0, \dots, n - 1

    Parameters
    ----------
    p : float
        Any ``p > 0`` or ``np.inf``. For ``p < 1`` the formula is a quasi-norm,
        not a norm, and the "ball" is not convex (a four-pointed star).
    n : int, default=400
        Number of points.

    Returns
    -------
    ndarray of shape (n, 2)
        The points, counter-clockwise from (1, 0). Close the curve for a
        plot by appending the first point.

    Raises
    ------
    ValueError
        If ``p <= 0`` or NaN, or ``n < 1``.
    TypeError
        If ``p`` is not a real number or ``n`` not an integer.

    See Also
    --------
    lp_norm, normlib.plotting.plot_unit_balls

    Notes
    -----
    The unit ball is a diamond for p = 1, a circle for p = 2 and a square for
    p = inf; as p grows it moves from the diamond out to the square. It is
    convex exactly when p ≥ 1, which is why p < 1 is not a norm: the segment
    between (1, 0) and (0, 1) leaves the p = 1/2 ball. For very small p
    (below about 0.002) the points away from the axes underflow to 0.

    Examples
    --------
    >>> unit_ball(1, n=8)[:3]   # 0°, 45° (on the diamond's edge), 90°
    array([[1. , 0. ],
           [0.5, 0.5],
           [0. , 1. ]])
    >>> unit_ball(np.inf, n=8)[1]   # the corner of the square
    array([1., 1.])
    """
    func = "unit_ball"
    p = check_scalar(p, "p", func, low=0.0, low_inclusive=False, allow_inf=True)
    n = check_scalar(n, "n", func, low=1, integer=True)
    theta = 2.0 * np.pi * np.arange(n) / n
    directions = np.column_stack([np.cos(theta), np.sin(theta)])
    # cos(pi/2) is 6e-17, not 0: round such noise away so the axes are hit exactly
    directions[np.abs(directions) < 1e-15] = 0.0
    return directions / _norm_last(directions, p)[:, np.newaxis]
