r"""Input validation shared by every public function of normlib.

Each public function validates its arguments once, at its entrance, with the
helpers below, and trusts them afterwards (the scikit-learn convention). Every
helper raises :class:`ValueError` (or :class:`TypeError` for a value of the
wrong kind) with a full sentence that names the function, the parameter, what
was expected and what was received, for example::

    The 'norm' parameter of normalize must be one of {'l1', 'l2', 'max'}; got 'l3'.

The helpers return new, validated values; they never modify what they are
given, and the arrays they return are read-only views or copies, so a solver
cannot modify a caller's array by accident.
"""

import math
import numbers

import numpy as np

__all__ = []  # private module: nothing is re-exported by normlib


def _describe(value):
    """Short, stable description of a received value for error messages."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def check_array(value, name, func, *, ndim=(1, 2), allow_empty=False, finite=True):
    """Return ``value`` as a read-only float64 array, or raise a clear error.

    Parameters
    ----------
    value : array_like
        Numbers: an ndarray, a list, a scalar. Integers and booleans are
        converted to float64. Complex numbers, strings and objects are refused.
    name : str
        Name of the parameter, used in the message.
    func : str
        Name of the public function, used in the message.
    ndim : int or tuple of int, default=(1, 2)
        Accepted numbers of dimensions; ``None`` accepts any.
    allow_empty : bool, default=False
        Whether an array with no elements is accepted.
    finite : bool, default=True
        Whether to check here that every value is finite. ``False`` is for a
        function that reads its data once anyway and checks the result: NaN and
        inf propagate into a sum, so such a function calls :func:`check_finite`
        only when its result is not finite, and a valid input is read once
        instead of twice (see :func:`normlib.l2_norm`).

    Returns
    -------
    ndarray of float64
        A read-only array; the caller's array is never modified.

    Raises
    ------
    ValueError
        If the values are not real numbers, contain NaN or inf, have the wrong
        number of dimensions, or are empty.
    """
    value = _plain_array_like(value, name, func)
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as exc:  # ragged nested lists
        raise ValueError(
            f"The '{name}' parameter of {func} must be an array of real numbers; "
            f"could not convert it ({exc})."
        ) from None
    if array.dtype.kind not in "biuf":
        raise ValueError(
            f"The '{name}' parameter of {func} must be an array of real numbers; "
            f"got dtype {array.dtype}."
        )
    array = array.astype(np.float64, copy=False)
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if array.ndim not in allowed:
            wanted = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(
                f"The '{name}' parameter of {func} must be a {wanted} array; "
                f"got a {array.ndim}-D array of shape {array.shape}."
            )
    if array.size == 0 and not allow_empty:
        raise ValueError(
            f"The '{name}' parameter of {func} must not be empty; got shape {array.shape}."
        )
    if finite:
        check_finite(array, name, func)
    view = array.view()
    view.flags.writeable = False
    return view


def _plain_array_like(value, name, func):
    """Refuse masked and sparse input clearly; turn pandas numeric data into floats.

    * A masked array would silently lose its mask in :func:`numpy.asarray`.
    * A scipy sparse matrix becomes a 0-D object array ("dtype object").
    * A pandas object with nullable dtypes (``Float64``, ``Int64``,
      ``boolean``) becomes an object array; like scikit-learn we convert it to
      float64 with ``pd.NA`` as NaN (which the finiteness check then reports).
      pandas is never imported here: it is recognized by its module name.
    """
    if isinstance(value, np.ma.MaskedArray):
        raise TypeError(
            f"The '{name}' parameter of {func} must not be a masked array: normlib "
            f"does not know what a masked value means for this computation. Pass "
            f"value.filled(...) or value.compressed() instead."
        )
    module = type(value).__module__ or ""
    if module.startswith("scipy.sparse") or hasattr(value, "tocsr"):
        raise TypeError(
            f"The '{name}' parameter of {func} must be a dense array: sparse input "
            f"is not supported. Pass value.toarray() instead."
        )
    if module.startswith("pandas") and hasattr(value, "to_numpy"):
        dtypes = getattr(value, "dtypes", None)
        dtypes = [value.dtype] if dtypes is None or not hasattr(dtypes, "__iter__") else dtypes
        if all(getattr(dtype, "kind", "O") in "biuf" for dtype in dtypes):
            return value.to_numpy(dtype=np.float64, na_value=np.nan)
    return value


def result_dtype(value):
    """float32 for a float32 array (normlib then returns float32, as scikit-learn's
    scalers do), float64 for anything else. The computation itself is in float64."""
    dtype = getattr(value, "dtype", None)
    return np.float32 if dtype == np.float32 else np.float64


def check_bool(value, name, func):
    """Return ``value`` as a bool if it is ``True``/``False`` (or a numpy bool).

    Anything else, including ``0``/``1``, strings and arrays, is refused:
    ``fit_intercept="no"`` must not quietly mean ``True``.

    Examples
    --------
    >>> check_bool("no", "fit_intercept", "lasso")
    Traceback (most recent call last):
    ...
    TypeError: The 'fit_intercept' parameter of lasso must be a bool (True or False); got 'no'.
    """
    if isinstance(value, bool | np.bool_):
        return bool(value)
    raise TypeError(
        f"The '{name}' parameter of {func} must be a bool (True or False); "
        f"got {_describe(value)}."
    )


def check_finite(array, name, func):
    """Raise a clear error if the float array ``array`` contains NaN or inf.

    Raises
    ------
    ValueError
        Naming the parameter and which of NaN or inf was found.

    Examples
    --------
    >>> check_finite(np.array([1.0, np.nan]), "x", "l2_norm")
    Traceback (most recent call last):
    ...
    ValueError: The 'x' parameter of l2_norm must contain only finite values; got NaN.
    """
    if not np.isfinite(array).all():
        kind = "NaN" if np.isnan(array).any() else "inf"
        raise ValueError(
            f"The '{name}' parameter of {func} must contain only finite values; "
            f"got {kind}."
        )


def check_X_y(X, y, func):
    """Validate a design matrix ``X`` (2-D) and a target ``y`` (1-D) together.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)

    Raises
    ------
    ValueError
        If either array is invalid (see :func:`check_array`) or their numbers
        of samples differ.
    """
    X = check_array(X, "X", func, ndim=2)
    y = check_array(y, "y", func, ndim=1)
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            f"The 'X' and 'y' parameters of {func} must have the same number of "
            f"samples; got {X.shape[0]} rows in X and {y.shape[0]} values in y."
        )
    return X, y


def check_scalar(
    value,
    name,
    func,
    *,
    low=None,
    high=None,
    low_inclusive=True,
    high_inclusive=True,
    integer=False,
    allow_inf=False,
):
    """Return ``value`` as a float (or int), checking its type and range.

    Parameters
    ----------
    value : object
        The value received.
    name, func : str
        Parameter and function names for the message.
    low, high : float or None
        Bounds of the accepted interval; ``None`` leaves that side open.
    low_inclusive, high_inclusive : bool, default=True
        Whether each bound itself is accepted.
    integer : bool, default=False
        Require an integer (booleans are refused).
    allow_inf : bool, default=False
        Accept ``np.inf`` (e.g. for the order of a norm).

    Raises
    ------
    TypeError
        If ``value`` is not a real number (or not an integer when required).
    ValueError
        If ``value`` is NaN, infinite (unless allowed) or outside the interval.
    """
    kind = "an integer" if integer else "a real number"
    wanted = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, wanted):
        raise TypeError(
            f"The '{name}' parameter of {func} must be {kind}; got {_describe(value)}."
        )
    bounds = []
    if low is not None:
        bounds.append((">=" if low_inclusive else ">") + f" {low:g}")
    if high is not None:
        bounds.append(("<=" if high_inclusive else "<") + f" {high:g}")
    rule = f"{kind}" + (" " + " and ".join(bounds) if bounds else "")
    if not integer:
        value = float(value)  # fractions.Fraction, numpy scalars: numpy's isnan needs a float
    if math.isnan(value) or (math.isinf(value) and not allow_inf):
        raise ValueError(
            f"The '{name}' parameter of {func} must be a finite {rule.removeprefix('a ')}; "
            f"got {value!r}."
        )
    too_low = low is not None and (value < low or (value == low and not low_inclusive))
    too_high = high is not None and (
        value > high or (value == high and not high_inclusive)
    )
    if too_low or too_high:
        raise ValueError(f"The '{name}' parameter of {func} must be {rule}; got {value!r}.")
    return int(value) if integer else float(value)


def check_option(value, name, func, options):
    """Return ``value`` if it is one of ``options``, else raise a clear error.

    Examples
    --------
    >>> check_option("l3", "norm", "normalize", ("l1", "l2", "max"))
    Traceback (most recent call last):
    ...
    ValueError: The 'norm' parameter of normalize must be one of {'l1', 'l2', 'max'}; got 'l3'.
    """
    if _unhashable(value) or not any(_same_option(value, option) for option in options):
        listed = ", ".join(repr(option) for option in options)
        raise ValueError(
            f"The '{name}' parameter of {func} must be one of {{{listed}}}; "
            f"got {_describe(value)}."
        )
    return value


def _same_option(value, option):
    """``value == option``, but a bool option is only matched by a bool (not by 0 or 1)."""
    if isinstance(option, bool) or isinstance(value, bool | np.bool_):
        return isinstance(value, bool | np.bool_) and bool(value) == option and (
            isinstance(option, bool)
        )
    return value == option


def _unhashable(value):
    """Whether comparing ``value`` with ``==`` may return an array."""
    return isinstance(value, np.ndarray | list | tuple | dict | set)


def check_axis(axis, ndim, func, *, allow_none=True):
    """Validate an ``axis`` argument for an array with ``ndim`` dimensions.

    Returns the axis as a non-negative int, or ``None``.
    """
    if axis is None and allow_none:
        return None
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        accepted = "None or an integer" if allow_none else "an integer"
        raise TypeError(
            f"The 'axis' parameter of {func} must be {accepted}; got {_describe(axis)}."
        )
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"The 'axis' parameter of {func} must be in [{-ndim}, {ndim - 1}] for a "
            f"{ndim}-D array; got {axis}."
        )
    return int(axis) % ndim


def check_nonnegative(value, name, func, *, ndim=None):
    """Return ``value`` as a read-only float64 array of finite values ``>= 0``.

    The array counterpart of ``check_scalar(value, name, func, low=0.0)``, for
    parameters such as a grid of penalty strengths.

    Raises
    ------
    ValueError
        If the values are not finite real numbers (see :func:`check_array`) or
        one of them is negative.

    Examples
    --------
    >>> check_nonnegative([1.0, -2.0], "lam", "to_sklearn_alpha")
    Traceback (most recent call last):
    ...
    ValueError: The 'lam' parameter of to_sklearn_alpha must contain only values >= 0; got -2.0.
    """
    array = check_array(value, name, func, ndim=ndim)
    if (array < 0).any():
        raise ValueError(
            f"The '{name}' parameter of {func} must contain only values >= 0; "
            f"got {float(array.min())!r}."
        )
    return array
