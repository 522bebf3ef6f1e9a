r"""Normalization and feature scaling: unit-norm vectors, min-max scaling, z-scores.

Used by the chapter *Normalization*. Two different operations share the word:

* **normalizing a vector** divides it by its norm, so that it has length 1
  (:func:`normalize`, :func:`l1_normalize`, :func:`l2_normalize`); by default
  each *row* (sample) of ``X``, as ``sklearn.preprocessing.normalize`` does;
* **scaling a feature** maps each *column* to a common range
  (:func:`min_max_scale`, like ``MinMaxScaler``) or to mean 0 and standard
  deviation 1 (:func:`standardize`, like ``StandardScaler``).

Every function returns a new array and never modifies its input. Zero vectors
and constant columns, where the formula would divide by zero, are handled in
one documented way each: a zero vector stays zero, a constant column maps to
the lower end of the range (min-max) or to 0 (z-score). Only *exact* zeros and
constants are special: unlike scikit-learn, a vector of norm ``1e-300`` is
normalized like any other. Norms are computed without overflow or underflow
(:func:`normlib.l2_norm`), so rows of ``1e200`` normalize correctly where
scikit-learn returns zeros.
"""

import numpy as np

from ._validation import check_array, check_axis, check_finite, check_option, result_dtype
from .norms import _SAFE_MIN, _norm_last, _sum_of_squares

__all__ = ["l1_normalize", "l2_normalize", "min_max_scale", "normalize", "standardize"]

NORMS = {"l1": 1, "l2": 2, "max": np.inf}
_BLOCK = 2**16  # numbers per block of rows in _normalize_rows: 512 KiB, stays in cache


# ---------------------------------------------------------------- helpers


def _check_X(X, func, *, finite=True):
    return check_array(X, "X", func, ndim=(1, 2), finite=finite)


def _along_rows(X, axis, transform):
    """Apply ``transform``, which works row by row, to the vectors along ``axis``.

    ``axis=1``: the rows; ``axis=0``: the columns (the rows of ``X.T``).
    A 1-D ``X`` is one vector.
    """
    if X.ndim == 1:
        return transform(X[np.newaxis, :])[0]
    if axis == 0:
        return transform(X.T).T
    return transform(X)


def _check_reference(reference, X, axis, func):
    """Validate ``reference``: the same features as ``X`` (the same length along
    the other axis), any number of samples. ``None`` means ``X`` itself."""
    if reference is None:
        return None
    reference = check_array(reference, "reference", func, ndim=X.ndim)
    if X.ndim == 2 and reference.shape[1 - axis] != X.shape[1 - axis]:
        kind = "columns" if axis == 0 else "rows"
        raise ValueError(
            f"The 'reference' parameter of {func} must have as many {kind} as X "
            f"({X.shape[1 - axis]}); got {reference.shape[1 - axis]}."
        )
    return reference


def _vectors(A, axis):
    """The vectors along ``axis`` as the rows of a 2-D view (a 1-D array is one row)."""
    if A.ndim == 1:
        return A[np.newaxis, :]
    return A.T if axis == 0 else A


def _row_blocks(A):
    """Blocks of about ``_BLOCK`` numbers of consecutive rows of the 2-D array ``A``."""
    step = max(1, _BLOCK // A.shape[1])
    return (A[start:start + step] for start in range(0, A.shape[0], step))


def _per_row_statistics(R, axis, statistics, column_statistics):
    """Statistics of each vector of ``R`` along ``axis`` (tuple of 1-D arrays).

    The columns of a 2-D ``R`` (``axis=0``) go to ``column_statistics(R)``,
    which reads ``R`` by blocks of consecutive rows (reading a few columns at
    a time would read all of memory for each). Otherwise ``statistics(rows)``
    runs on blocks of rows of ``_vectors(R, axis)`` and the results are
    concatenated. Either way the temporary arrays are the size of a block.
    """
    if R.ndim == 2 and axis == 0:
        return column_statistics(R)
    V = _vectors(R, axis)
    step = max(1, _BLOCK // V.shape[1])
    parts = [statistics(V[start:start + step]) for start in range(0, V.shape[0], step)]
    return tuple(np.concatenate(column) for column in zip(*parts, strict=True))


def _transform_in_blocks(X, axis, parameters, transform):
    """``transform(block, *params)`` on blocks of rows of ``X``, into one new array.

    ``parameters`` are per-vector arrays (one value per vector along ``axis``);
    each is given to ``transform`` shaped to broadcast against the block. The
    result is the only array of the size of ``X`` that is allocated: the
    temporaries of ``transform`` are the size of a block (scikit-learn's
    scalers also allocate one copy; issue 12 measured 4-5 before).
    """
    X2 = X[np.newaxis, :] if X.ndim == 1 else X
    out = np.empty(X2.shape)
    per_row = X.ndim == 2 and axis == 1  # one parameter per row of X, else per column
    step = max(1, _BLOCK // X2.shape[1])
    for start in range(0, X2.shape[0], step):
        rows = slice(start, start + step)
        shaped = [p[rows, np.newaxis] if per_row else p[np.newaxis, :] for p in parameters]
        out[rows] = transform(X2[rows], *shaped)
    return out[0] if X.ndim == 1 else out


def _power_of_two_scale(amax):
    """The largest power of two <= amax, elementwise (1 where amax is 0).

    Dividing by a power of two only changes the exponent, so it is exact,
    and afterwards the largest magnitude lies in [1, 2).
    """
    _, exponent = np.frexp(amax)  # amax = mantissa * 2**exponent, mantissa in [0.5, 1)
    return np.where(amax > 0, np.ldexp(1.0, exponent - 1), 1.0)


def _scaled_rows(X):
    """``X`` with each row divided (exactly) by a power of two near its max |x|."""
    amax = np.maximum(X.max(axis=1), -X.min(axis=1))
    return X / _power_of_two_scale(amax)[:, np.newaxis]


# ---------------------------------------------------------------- unit norm


def _fast_norms(X, p):
    """Row norms by the plain formulas: no scaling, so they may overflow or underflow."""
    if p == 2:
        return np.sqrt(_sum_of_squares(X))
    if p == 1:
        return np.abs(X).sum(axis=1)
    return np.maximum(X.max(axis=1), -X.min(axis=1))


def _unit_rows_scaled(X, p):
    """Normalize rows that are zero, tiny or huge: x / ||x|| = s x / ||s x|| for s > 0."""
    scaled = _scaled_rows(X)  # largest magnitude in [1, 2): no overflow or underflow
    norms = _norm_last(scaled, p)
    norms[norms == 0] = 1.0  # a zero row stays zero
    return scaled / norms[:, np.newaxis]


def _normalize_rows(X, p, func):
    """Divide each row by its p-norm; zero rows stay zero.

    Contiguous rows go in blocks of about ``_BLOCK`` numbers: a block's norms
    are computed and the block divided by them while it is still in the
    processor's cache, so ``X`` is read from memory once (scikit-learn copies
    ``X``, reads it for the norms, and divides the copy: three passes). The
    plain formulas are used first; the few rows whose norm comes out zero,
    near underflow, infinite or NaN are redone with scaling afterwards.
    """
    result = np.empty_like(X)
    norms = np.empty(X.shape[0])
    step = max(1, _BLOCK // X.shape[1]) if X.flags.c_contiguous else X.shape[0]
    with np.errstate(all="ignore"):  # rows with unusable norms are redone below
        for start in range(0, X.shape[0], step):
            rows = slice(start, start + step)
            norms[rows] = _fast_norms(X[rows], p)
            np.divide(X[rows], norms[rows, np.newaxis], out=result[rows])
    usable = np.isfinite(norms) & (norms >= np.sqrt(X.shape[1] * _SAFE_MIN))
    if not usable.all():
        suspect = np.flatnonzero(~usable)
        redo = X[suspect]
        check_finite(redo, "X", func)  # a NaN or inf in X gives a NaN or inf norm
        zero = ~redo.any(axis=1)  # exact zero rows stay zero: no need to rescale them
        result[suspect[zero]] = 0.0
        if not zero.all():
            result[suspect[~zero]] = _unit_rows_scaled(redo[~zero], p)
    return result


def _normalize(X, norm, axis, func):
    dtype = result_dtype(X)
    X = _check_X(X, func, finite=False)  # NaN/inf show up in the norms (checked there)
    norm = check_option(norm, "norm", func, tuple(NORMS))
    axis = check_axis(axis, 2, func, allow_none=False)
    p = NORMS[norm]
    result = _along_rows(X, axis, lambda rows: _normalize_rows(rows, p, func))
    return result.astype(dtype, copy=False)


def normalize(X, norm="l2", axis=1):
    r"""Scale each vector (row by default) to unit norm; zero vectors stay zero.

    .. math::

        \hat{x} = \frac{x}{\|x\|}, \qquad
        \|x\| \in \{\|x\|_1, \|x\|_2, \|x\|_\infty\}, \qquad
        \hat{x} = 0 \text{ if } x = 0

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features) or (n,)
        The data. A 1-D array is one vector (``axis`` then does not matter).
    norm : {'l1', 'l2', 'max'}, default='l2'
        The norm each vector is divided by.
    axis : {0, 1}, default=1
        ``1`` normalizes each row (sample), ``0`` each column (feature).

    Returns
    -------
    ndarray of the shape of X
        float32 for float32 input (as scikit-learn's), float64 otherwise; the
        arithmetic is done in float64. A new array; each nonzero vector has norm 1 (up to rounding).

    Raises
    ------
    ValueError
        If ``X`` is empty, not numeric, not finite or not 1-D/2-D, if ``norm``
        is not one of the three names, or if ``axis`` is out of range.

    See Also
    --------
    l1_normalize, l2_normalize, normlib.l2_norm
    sklearn.preprocessing.normalize : the same numbers on dense input, with
        two differences: scikit-learn computes the norm unscaled, so rows of
        ``1e200`` (L2) come back as zeros, and it leaves vectors whose norm is
        below ``10 * eps`` (about 2.2e-15) unscaled. Here only exact zero
        vectors stay as they are.
    sklearn.preprocessing.Normalizer : the same as a transformer.

    Notes
    -----
    A normalized vector keeps its direction and loses its length. With L2,
    the dot product of two normalized vectors is the cosine of their angle.
    The norm of each vector is computed without overflow or underflow (see
    :func:`normlib.l2_norm`); a vector whose norm exceeds the largest float is
    divided (exactly) by a power of two before it is normalized.

    Examples
    --------
    >>> normalize([[3, 4], [0, 0], [1, 0]])
    array([[0.6, 0.8],
           [0. , 0. ],
           [1. , 0. ]])
    >>> normalize([3, -1], norm="l1")
    array([ 0.75, -0.25])
    >>> normalize([[1e200, 1e200]])   # scikit-learn returns [[0., 0.]]
    array([[0.7071..., 0.7071...]])
    """
    return _normalize(X, norm, axis, "normalize")


def l1_normalize(X, axis=1):
    r"""Scale each vector to unit L1 norm (absolute values summing to 1).

    .. math::

        \hat{x} = \frac{x}{\sum_{i} |x_i|}

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features) or (n,)
        The data; 1-D is one vector.
    axis : {0, 1}, default=1
        ``1`` normalizes the rows, ``0`` the columns.

    Returns
    -------
    ndarray of the shape of X
        float32 for float32 input (as scikit-learn's), float64 otherwise; the
        arithmetic is done in float64. A new array; zero vectors stay zero.

    Raises
    ------
    ValueError
        See :func:`normalize`.

    See Also
    --------
    normalize, l2_normalize
    sklearn.preprocessing.normalize : ``normalize(X, norm="l1")``.

    Examples
    --------
    >>> l1_normalize([[1, 3], [2, -2]])
    array([[ 0.25,  0.75],
           [ 0.5 , -0.5 ]])
    """
    return _normalize(X, "l1", axis, "l1_normalize")


def l2_normalize(X, axis=1):
    r"""Scale each vector to unit L2 (Euclidean) length.

    .. math::

        \hat{x} = \frac{x}{\|x\|_2} = \frac{x}{\sqrt{\sum_i x_i^2}}

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features) or (n,)
        The data; 1-D is one vector.
    axis : {0, 1}, default=1
        ``1`` normalizes the rows, ``0`` the columns.

    Returns
    -------
    ndarray of the shape of X
        float32 for float32 input (as scikit-learn's), float64 otherwise; the
        arithmetic is done in float64. A new array; zero vectors stay zero.

    Raises
    ------
    ValueError
        See :func:`normalize`.

    See Also
    --------
    normalize, l1_normalize
    sklearn.preprocessing.normalize : ``normalize(X, norm="l2")``.

    Examples
    --------
    >>> l2_normalize([3, 4])
    array([0.6, 0.8])
    """
    return _normalize(X, "l2", axis, "l2_normalize")


# ---------------------------------------------------------------- feature scaling


def _check_feature_range(feature_range, func):
    values = check_array(feature_range, "feature_range", func, ndim=1)
    if values.shape != (2,) or not values[0] < values[1]:
        raise ValueError(
            f"The 'feature_range' parameter of {func} must be a pair (lower, upper) "
            f"with lower < upper; got {tuple(values.tolist())}."
        )
    return float(values[0]), float(values[1])


def _min_max_statistics(rows):
    """Per row: the power-of-two scale, the minimum and the span of row / scale."""
    high, low = rows.max(axis=1), rows.min(axis=1)
    # (x - min) / (max - min) does not change when the row is divided by a
    # constant: divide by a power of two (exact) so that max - min cannot overflow
    scale = _power_of_two_scale(np.maximum(high, -low))
    low, high = low / scale, high / scale  # the min and max of row / scale, exactly
    return scale, low, high - low


def _min_max_column_statistics(R):
    """:func:`_min_max_statistics` of each column of ``R`` (no temporary arrays)."""
    high, low = R.max(axis=0), R.min(axis=0)
    scale = _power_of_two_scale(np.maximum(high, -low))
    low, high = low / scale, high / scale
    return scale, low, high - low


def _min_max_block(X, scale, low, span, lower, upper, new_data):
    """Min-max scale a block of ``X`` with per-vector ``scale``, ``low``, ``span``."""
    constant = span == 0
    # new data far outside the reference's range can overflow here and below:
    # the true value is then beyond the float range too (handled at the end)
    with np.errstate(over="ignore", invalid="ignore"):
        t = X / scale
        t -= low
        # for X itself, t is in [0, 1], exactly 0 at the min and 1 at the max;
        # a constant vector: like scikit-learn, divide by 1 in the original units
        # (undo the scaling); X itself then gets t = 0, the lower end
        if constant.any():
            t /= np.where(constant, 1.0, span)
            t *= np.where(constant, scale, 1.0)
        else:
            t /= span
        if lower == 0.0 and upper == 1.0:
            scaled = t  # what the formula below gives for (0, 1), in one pass less
        else:
            # lower * (1 - t) + upper * t gives lower and upper exactly at t = 0
            # and 1 and does not overflow for t in [0, 1]
            scaled = lower * (1.0 - t)
            scaled += upper * t
    if not new_data:
        # rounding must not step outside the range; new data may fall outside it
        return np.clip(scaled, lower, upper, out=scaled)
    # new data: a result beyond the float range (inf, or NaN from inf - inf) is
    # -inf below the range (t < 0) and +inf above it (t > 1), its true sign
    beyond = ~np.isfinite(scaled)
    if beyond.any():
        scaled[beyond] = np.where(t[beyond] < 0, -np.inf, np.inf)
    return scaled


def min_max_scale(X, feature_range=(0, 1), axis=0, *, reference=None):
    r"""Scale each feature (column by default) linearly to ``feature_range``.

    .. math::

        x' = a + (b - a)\,\frac{x - \min x}{\max x - \min x}, \qquad
        (a, b) = \texttt{feature\_range}

    with the minimum and maximum taken over the column. A constant column
    (max = min) maps to :math:`a`.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features) or (n,)
        The data; 1-D is one feature.
    feature_range : tuple (lower, upper), default=(0, 1)
        Finite bounds with ``lower < upper``.
    axis : {0, 1}, default=0
        ``0`` scales each column (feature), ``1`` each row.
    reference : array_like, optional
        The data whose minimum and maximum define the scaling, by default ``X``
        itself. Pass the training split to scale new data (a test split) with
        the training statistics, as ``MinMaxScaler().fit(reference).transform(X)``
        does: fitting a scaler on data that includes the test split leaks
        information about it. Same features as ``X``, any number of samples.

    Returns
    -------
    ndarray of the shape of X
        float32 for float32 input (as scikit-learn's), float64 otherwise; the
        arithmetic is done in float64. A new array. Without ``reference`` its
        values lie in ``[lower, upper]`` and each non-constant column attains
        both bounds exactly; with a
        ``reference``, new data may fall outside the range (they are not
        clipped); beyond the float range they are ``-inf`` or ``inf``, never NaN.

    Raises
    ------
    ValueError
        If ``X`` is empty, not numeric, not finite or not 1-D/2-D, if
        ``feature_range`` is not a finite pair with lower < upper, if
        ``axis`` is out of range, or if ``reference`` is invalid or has other
        features than ``X``.

    See Also
    --------
    standardize, normalize
    sklearn.preprocessing.MinMaxScaler : ``MinMaxScaler(feature_range).fit_transform(X)``
        gives the same numbers (up to rounding), except that it treats a column
        whose range is below ``10 * eps`` as constant; here only an exactly
        constant column is, and tiny ranges are stretched like any other.
    sklearn.preprocessing.minmax_scale : the function form.

    Notes
    -----
    The scaled values depend on the two most extreme samples only, so one
    outlier squeezes all the others together; :func:`standardize` is less
    sensitive. Each column is first divided by a power of two near its largest
    magnitude (exact, and the result does not change) so that ``max - min``
    cannot overflow.

    Examples
    --------
    >>> min_max_scale([[1, 10], [2, 10], [3, 10]])   # the second column is constant
    array([[0. , 0. ],
           [0.5, 0. ],
           [1. , 0. ]])
    >>> min_max_scale([0, 5, 10], feature_range=(-1, 1))
    array([-1.,  0.,  1.])
    >>> min_max_scale([-5, 5, 20], reference=[0, 10])   # test data, training range [0, 10]
    array([-0.5,  0.5,  2. ])
    """
    func = "min_max_scale"
    dtype = result_dtype(X)
    X = _check_X(X, func)
    lower, upper = _check_feature_range(feature_range, func)
    axis = check_axis(axis, 2, func, allow_none=False)
    reference = _check_reference(reference, X, axis, func)
    new_data = reference is not None
    statistics = _per_row_statistics(
        reference if new_data else X, axis, _min_max_statistics, _min_max_column_statistics
    )
    result = _transform_in_blocks(
        X, axis, statistics,
        lambda block, scale, low, span: _min_max_block(
            block, scale, low, span, lower, upper, new_data
        ),
    )
    with np.errstate(over="ignore"):  # float32: beyond its range is ±inf
        return result.astype(dtype, copy=False)


def _standardize_statistics(rows):
    """Per row: the power-of-two scale, the mean, its correction and the standard
    deviation (population) of row / scale, and whether the row is constant."""
    # z-scores do not change when the row is divided by a constant: divide by a
    # power of two (exact) so that the sums of squares cannot overflow
    scale = _power_of_two_scale(np.maximum(rows.max(axis=1), -rows.min(axis=1)))
    residuals = rows / scale[:, np.newaxis]
    mean = residuals.mean(axis=1)
    residuals -= mean[:, np.newaxis]
    # the computed mean can be off by a rounding error as large as the spread
    # (the mean of 1 and 1 + eps rounds to 1); the mean of the residuals
    # corrects it (the corrected two-pass algorithm of Chan, Golub and LeVeque),
    # applied to the residuals, where it is representable
    correction = residuals.mean(axis=1)
    residuals -= correction[:, np.newaxis]
    std = np.sqrt(np.mean(residuals**2, axis=1))
    constant = rows.max(axis=1) == rows.min(axis=1)
    # a constant row has no spread to divide by: like scikit-learn, only centre it
    std[constant] = 1.0
    return scale, mean, correction, std, constant


def _standardize_column_statistics(R):
    """:func:`_standardize_statistics` of each column of ``R``, reading it by row blocks.

    Three passes (mean, its correction, the sum of squares) accumulate block
    sums, so no temporary array is larger than a block.
    """
    n = R.shape[0]
    high, low = R.max(axis=0), R.min(axis=0)
    scale = _power_of_two_scale(np.maximum(high, -low))
    mean = sum((block / scale).sum(axis=0) for block in _row_blocks(R)) / n
    correction = sum((block / scale - mean).sum(axis=0) for block in _row_blocks(R)) / n
    squares = np.zeros(R.shape[1])
    for block in _row_blocks(R):
        residuals = block / scale
        residuals -= mean
        residuals -= correction
        squares += np.einsum("ij,ij->j", residuals, residuals)
    std = np.sqrt(squares / n)
    constant = high == low
    std[constant] = 1.0
    return scale, mean, correction, std, constant


def _standardize_block(X, scale, mean, correction, std, constant, new_data):
    """z-scores of a block of ``X`` with per-vector statistics."""
    # new data far outside the reference's range: its z-scores overflow to
    # ±inf (their true value is beyond the float range), never NaN
    with np.errstate(over="ignore"):
        z = X / scale
        z -= mean
        z -= correction
        z /= std
    if new_data:
        # a constant vector is only centred, in the original units
        z *= np.where(constant, scale, 1.0)
    else:
        # X itself: its constant vectors become exactly 0, not rounding noise
        z *= ~constant
        z += 0.0  # no -0.0
    return z


def standardize(X, axis=0, *, reference=None):
    r"""Standardize each feature (column by default) to mean 0 and standard deviation 1.

    .. math::

        z = \frac{x - \bar{x}}{\sigma}, \qquad
        \bar{x} = \frac{1}{n}\sum_{i=1}^{n} x_i, \qquad
        \sigma = \sqrt{\frac{1}{n}\sum_{i=1}^{n} (x_i - \bar{x})^2}

    (the population standard deviation, ``ddof=0``). A constant column
    (σ = 0) maps to 0.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features) or (n,)
        The data; 1-D is one feature.
    axis : {0, 1}, default=0
        ``0`` standardizes each column (feature), ``1`` each row.
    reference : array_like, optional
        The data whose mean and standard deviation are used, by default ``X``
        itself. Pass the training split to standardize new data (a test split)
        with the training statistics, as
        ``StandardScaler().fit(reference).transform(X)`` does. Same features as
        ``X``, any number of samples. A feature that is constant in
        ``reference`` is only centred, as in scikit-learn.

    Returns
    -------
    ndarray of the shape of X
        float32 for float32 input (as scikit-learn's), float64 otherwise; the
        arithmetic is done in float64. A new array of z-scores.

    Raises
    ------
    ValueError
        If ``X`` is empty, not numeric, not finite or not 1-D/2-D, if
        ``axis`` is out of range, or if ``reference`` is invalid or has other
        features than ``X``.

    See Also
    --------
    min_max_scale, normalize
    sklearn.preprocessing.StandardScaler : ``StandardScaler().fit_transform(X)``
        gives the same numbers (up to rounding), except for columns whose
        variance is within rounding error of 0: scikit-learn treats them as
        constant and only centres them; here only an exactly constant column is
        constant, and any other is divided by its standard deviation.
    sklearn.preprocessing.scale : the function form.

    Notes
    -----
    Standardizing puts features measured in different units on one scale,
    which matters for the L1 and L2 penalties: they shrink every coefficient
    with the same λ, so without it the penalty depends on the units. Dividing
    a centred column by :math:`\sqrt{n}\,\sigma` instead gives it unit L2
    norm: ``standardize(X) == sqrt(n) * l2_normalize(X - X.mean(0), axis=0)``.

    Examples
    --------
    >>> standardize([[1, 5], [3, 5]])   # the second column is constant
    array([[-1.,  0.],
           [ 1.,  0.]])
    >>> standardize([[2, 7]], reference=[[1, 5], [3, 5]])   # a new sample
    array([[0., 2.]])
    """
    func = "standardize"
    dtype = result_dtype(X)
    X = _check_X(X, func)
    axis = check_axis(axis, 2, func, allow_none=False)
    reference = _check_reference(reference, X, axis, func)
    new_data = reference is not None
    statistics = _per_row_statistics(
        reference if new_data else X, axis, _standardize_statistics,
        _standardize_column_statistics,
    )
    result = _transform_in_blocks(
        X, axis, statistics,
        lambda block, *stats: _standardize_block(block, *stats, new_data),
    )
    with np.errstate(over="ignore"):  # float32: beyond its range is ±inf
        return result.astype(dtype, copy=False)
