"""Tests for normlib._validation, the one place where user input is checked:
the conversions it performs, the arrays it returns, and its messages."""

import re

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from normlib._validation import (
    check_array,
    check_axis,
    check_bool,
    check_finite,
    check_option,
    check_scalar,
    check_X_y,
)


def raises(exception, message):
    """pytest.raises matching a literal piece of the error message."""
    return pytest.raises(exception, match=re.escape(message))


# ---------------------------------------------------------------- check_array: conversions


@pytest.mark.parametrize(
    "value",
    [
        [1, 2, 3],
        (1, 2, 3),
        np.array([1, 2, 3], dtype=np.int8),
        np.array([1, 2, 3], dtype=np.uint64),
    ],
)
def test_check_array_converts_integers_to_float64(value):
    array = check_array(value, "x", "f")
    assert array.dtype == np.float64
    assert_array_equal(array, [1.0, 2.0, 3.0])


def test_check_array_converts_booleans_and_float32():
    assert_array_equal(check_array([True, False], "x", "f"), [1.0, 0.0])
    array = check_array(np.array([0.5, 1.5], dtype=np.float32), "x", "f")
    assert array.dtype == np.float64
    assert_array_equal(array, [0.5, 1.5])  # exactly representable in both


def test_check_array_result_is_read_only_and_input_keeps_its_flags():
    x = np.arange(4.0)
    array = check_array(x, "x", "f")
    assert not array.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        array[0] = 10.0
    assert x.flags.writeable  # the caller's array is untouched
    x[0] = 7.0  # and still writeable by its owner
    assert x[0] == 7.0


def test_check_array_does_not_copy_float64_input():
    # a view, not a copy: validation costs no memory for the common case
    x = np.arange(6.0).reshape(2, 3)
    assert np.shares_memory(check_array(x, "X", "f"), x)


def test_check_array_accepts_read_only_input():
    x = np.arange(3.0)
    x.flags.writeable = False
    assert_array_equal(check_array(x, "x", "f"), x)


def test_check_array_ndim():
    assert check_array(5, "x", "f", ndim=0).shape == ()
    assert check_array(np.ones((2, 2, 2)), "x", "f", ndim=None).ndim == 3
    assert check_array([[1.0]], "x", "f", ndim=2).shape == (1, 1)
    with raises(
        ValueError, "The 'X' parameter of fit must be a 2-D array; got a 1-D array of shape (3,)."
    ):
        check_array([1, 2, 3], "X", "fit", ndim=2)
    with raises(ValueError, "The 'w' parameter of g must be a 0-D or 1-D array; got a 2-D array"):
        check_array([[1.0]], "w", "g", ndim=(0, 1))


def test_check_array_empty():
    with raises(ValueError, "The 'x' parameter of f must not be empty; got shape (0,)."):
        check_array([], "x", "f")
    assert check_array([], "x", "f", allow_empty=True).shape == (0,)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ([1.0, np.nan], "NaN"),
        ([1.0, np.inf], "inf"),
        ([-np.inf, 2.0], "inf"),
        ([np.inf, np.nan], "NaN"),
    ],
)
def test_check_array_non_finite(value, kind):
    with raises(ValueError, f"The 'x' parameter of f must contain only finite values; got {kind}."):
        check_array(value, "x", "f")


def test_check_array_finite_false_defers_the_check():
    array = check_array([1.0, np.nan], "x", "f", finite=False)
    assert np.isnan(array[1])  # passed through, for a caller that checks its result
    with raises(ValueError, "The 'x' parameter of f must contain only finite values; got NaN."):
        check_finite(array, "x", "f")


def test_check_array_refuses_values_that_are_not_real_numbers():
    with raises(
        ValueError, "The 'x' parameter of f must be an array of real numbers; got dtype complex128."
    ):
        check_array([1 + 1j], "x", "f")
    with raises(
        ValueError, "The 'x' parameter of f must be an array of real numbers; got dtype <U3."
    ):
        check_array(["abc"], "x", "f")
    with raises(
        ValueError, "The 'x' parameter of f must be an array of real numbers; got dtype object."
    ):
        check_array([None, 1.0], "x", "f")
    with raises(
        ValueError, "The 'x' parameter of f must be an array of real numbers; could not convert it"
    ):
        check_array([[1.0, 2.0], [3.0]], "x", "f")


def test_check_finite_accepts_finite_extremes():
    # the largest float, the smallest subnormal and -0.0 are all finite
    check_finite(np.array([1.7976931348623157e308, 5e-324, -0.0]), "x", "f")


# ---------------------------------------------------------------- check_X_y


def test_check_X_y():
    X, y = check_X_y([[1, 2], [3, 4], [5, 6]], [1, 0, 1], "fit")
    assert X.shape == (3, 2) and y.shape == (3,)
    assert X.dtype == y.dtype == np.float64
    with raises(
        ValueError,
        "The 'X' and 'y' parameters of fit must have the same number of samples; "
        "got 3 rows in X and 2 values in y.",
    ):
        check_X_y(np.ones((3, 2)), np.ones(2), "fit")
    with raises(ValueError, "The 'y' parameter of fit must be a 1-D array; got a 2-D array"):
        check_X_y(np.ones((3, 2)), np.ones((3, 1)), "fit")
    with raises(ValueError, "The 'y' parameter of fit must contain only finite values; got NaN."):
        check_X_y(np.ones((2, 2)), [1.0, np.nan], "fit")


# ---------------------------------------------------------------- check_scalar


def test_check_scalar_returns_float_or_int():
    assert check_scalar(3, "lam", "f") == 3.0 and type(check_scalar(3, "lam", "f")) is float
    assert type(check_scalar(np.float32(0.5), "lam", "f")) is float
    assert type(check_scalar(np.int64(7), "k", "f", integer=True)) is int


@pytest.mark.parametrize("value", ["1", None, [1.0], True, np.array(1.0), 1 + 0j])
def test_check_scalar_type_errors(value):
    with pytest.raises(TypeError, match=r"The 'lam' parameter of f must be a real number; got "):
        check_scalar(value, "lam", "f")


def test_check_scalar_integer():
    with raises(TypeError, "The 'k' parameter of f must be an integer; got 2.0."):
        check_scalar(2.0, "k", "f", integer=True)
    with raises(TypeError, "The 'k' parameter of f must be an integer; got False."):
        check_scalar(False, "k", "f", integer=True)
    with raises(ValueError, "The 'k' parameter of f must be an integer >= 2; got 1."):
        check_scalar(1, "k", "f", low=2, integer=True)


def test_check_scalar_bounds_inclusive():
    assert check_scalar(0.0, "lam", "f", low=0.0) == 0.0
    assert check_scalar(1.0, "r", "f", low=0.0, high=1.0) == 1.0
    with raises(ValueError, "The 'lam' parameter of f must be a real number >= 0; got -0.5."):
        check_scalar(-0.5, "lam", "f", low=0.0)
    with raises(ValueError, "The 'r' parameter of f must be a real number >= 0 and <= 1; got 1.5."):
        check_scalar(1.5, "r", "f", low=0.0, high=1.0)


def test_check_scalar_bounds_exclusive():
    with raises(ValueError, "The 'lr' parameter of f must be a real number > 0; got 0."):
        check_scalar(0, "lr", "f", low=0, low_inclusive=False)
    with raises(ValueError, "The 't' parameter of f must be a real number < 1; got 1.0."):
        check_scalar(1.0, "t", "f", high=1, high_inclusive=False)
    assert check_scalar(0.999, "t", "f", high=1, high_inclusive=False) == 0.999


def test_check_scalar_nan_and_inf():
    with raises(ValueError, "The 'lam' parameter of f must be a finite real number >= 0; got nan."):
        check_scalar(np.nan, "lam", "f", low=0.0)
    with raises(ValueError, "The 'lam' parameter of f must be a finite real number; got inf."):
        check_scalar(np.inf, "lam", "f")
    assert check_scalar(np.inf, "p", "f", low=1, allow_inf=True) == np.inf
    with raises(ValueError, "The 'p' parameter of f must be a real number >= 1; got -inf."):
        check_scalar(-np.inf, "p", "f", low=1, allow_inf=True)
    with raises(ValueError, "The 'p' parameter of f must be a finite real number; got nan."):
        check_scalar(float("nan"), "p", "f", allow_inf=True)  # allow_inf never allows NaN


# ---------------------------------------------------------------- check_option


def test_check_option_accepts_listed_values():
    assert check_option("l2", "norm", "normalize", ("l1", "l2", "max")) == "l2"
    assert check_option(None, "penalty", "cost", ("l1", "l2", None)) is None


def test_check_option_message():
    with raises(
        ValueError,
        "The 'norm' parameter of normalize must be one of {'l1', 'l2', 'max'}; got 'l3'.",
    ):
        check_option("l3", "norm", "normalize", ("l1", "l2", "max"))
    with raises(
        ValueError, "The 'penalty' parameter of cost must be one of {'l1', None}; got 'L1'."
    ):
        check_option("L1", "penalty", "cost", ("l1", None))


@pytest.mark.parametrize("value", [["l1"], np.array(["l1"]), {"l1": 1}, ("l1",)])
def test_check_option_refuses_containers_cleanly(value):
    # an array compared with == would give an array, not a bool: refused up front
    with raises(ValueError, "The 'norm' parameter of normalize must be one of {'l1', 'l2'}; got "):
        check_option(value, "norm", "normalize", ("l1", "l2"))


def test_check_option_describes_long_values_briefly():
    with pytest.raises(ValueError, match=r"got an array of shape \(100,\)\.$"):
        check_option(np.zeros(100), "norm", "f", ("l1",))
    with pytest.raises(ValueError, match=r"got \[0, 1, 2, .*\.\.\.\.$"):
        check_option(list(range(100)), "norm", "f", ("l1",))


# ---------------------------------------------------------------- check_axis


def test_check_axis_normalizes_negative_axes():
    assert check_axis(None, 2, "f") is None
    assert check_axis(-1, 2, "f") == 1
    assert check_axis(-2, 2, "f") == 0
    assert check_axis(np.int64(1), 3, "f") == 1


def test_check_axis_out_of_range():
    with raises(ValueError, "The 'axis' parameter of f must be in [-2, 1] for a 2-D array; got 2."):
        check_axis(2, 2, "f")
    with raises(
        ValueError, "The 'axis' parameter of f must be in [-1, 0] for a 1-D array; got -2."
    ):
        check_axis(-2, 1, "f")


@pytest.mark.parametrize("axis", [1.0, True, "0", (0, 1)])
def test_check_axis_type(axis):
    with raises(TypeError, "The 'axis' parameter of f must be None or an integer; got "):
        check_axis(axis, 2, "f")


def test_check_axis_none_not_allowed():
    with raises(TypeError, "The 'axis' parameter of normalize must be an integer; got None."):
        check_axis(None, 2, "normalize", allow_none=False)


# ---------------------------------------------------------------- issue 12


def test_check_scalar_accepts_fractions_and_numpy_scalars():
    from fractions import Fraction

    # was: TypeError: ufunc 'isnan' not supported for the input types
    assert check_scalar(Fraction(1, 4), "lam", "lasso", low=0.0) == 0.25
    assert check_scalar(np.float32(0.5), "lam", "lasso") == 0.5
    with raises(ValueError, "'lam' parameter of lasso must be a real number >= 0"):
        check_scalar(Fraction(-1, 4), "lam", "lasso", low=0.0)
    with raises(TypeError, "'max_iter' parameter of lasso must be an integer"):
        check_scalar(Fraction(4, 1), "max_iter", "lasso", integer=True)


@pytest.mark.parametrize("value", [True, False, np.True_, np.False_])
def test_check_bool_accepts_bools(value):
    result = check_bool(value, "fit_intercept", "lasso")
    assert result is bool(value)


@pytest.mark.parametrize(
    "value", ["no", "", 0, 1, 1.0, None, np.array([1, 0]), np.array(True), [True]]
)
def test_check_bool_refuses_everything_else(value):
    with raises(TypeError, "The 'fit_intercept' parameter of lasso must be a bool (True or False)"):
        check_bool(value, "fit_intercept", "lasso")


def test_check_option_does_not_take_0_and_1_for_booleans():
    assert check_option(True, "keepdims", "l2_norm", (False, True)) is True
    for value in (0, 1, 0.0):
        with raises(ValueError, "'keepdims' parameter of l2_norm must be one of {False, True}"):
            check_option(value, "keepdims", "l2_norm", (False, True))
    assert check_option(1, "p", "f", (1, 2)) == 1  # integers still match integers


def test_masked_arrays_are_refused():
    masked = np.ma.masked_array([1.0, 2.0], mask=[0, 1])
    with raises(TypeError, "The 'X' parameter of lasso must not be a masked array"):
        check_array(masked, "X", "lasso")


def test_sparse_matrices_are_refused_as_sparse_not_as_dtype_object():
    from scipy import sparse

    for matrix in (sparse.csr_matrix(np.eye(2)), sparse.csr_array(np.eye(2))):
        with raises(TypeError, "The 'X' parameter of lasso must be a dense array: sparse input"):
            check_array(matrix, "X", "lasso")


class FakeNullableFrame:
    """Mimics a pandas DataFrame with nullable Float64 columns (pandas is not
    installed): np.asarray gives dtype object, to_numpy(dtype, na_value) floats."""

    __module__ = "pandas.core.frame"

    def __init__(self, values):
        self.values = values
        self.dtypes = [type("Float64Dtype", (), {"kind": "f"})()] * len(values[0])

    def __array__(self, dtype=None, copy=None):
        return np.array(self.values, dtype=object)

    def to_numpy(self, dtype=None, na_value=None):
        return np.array(
            [[na_value if v is None else v for v in row] for row in self.values], dtype=dtype
        )


def test_pandas_nullable_frames_are_converted_like_scikit_learn():
    frame = FakeNullableFrame([[1.0, 2.0], [3.0, 4.0]])
    assert np.asarray(frame).dtype == object  # what used to be refused as "dtype object"
    assert_array_equal(check_array(frame, "X", "lasso"), [[1.0, 2.0], [3.0, 4.0]])
    with raises(ValueError, "The 'X' parameter of lasso must contain only finite values; got NaN."):
        check_array(FakeNullableFrame([[1.0, None], [3.0, 4.0]]), "X", "lasso")


def test_real_pandas_nullable_input_is_accepted_like_scikit_learn():
    # reference: scikit-learn's StandardScaler on the same DataFrame
    pd = pytest.importorskip("pandas")
    from sklearn.preprocessing import StandardScaler

    import normlib as nl

    frame = pd.DataFrame({
        "a": pd.array([1.0, 2.0, 4.0], dtype="Float64"),
        "b": pd.array([1, 0, 3], dtype="Int64"),
    })
    assert np.asarray(frame).dtype == object  # what used to be refused
    np.testing.assert_allclose(
        nl.standardize(frame), StandardScaler().fit_transform(frame), rtol=1e-12
    )
    target = pd.Series(pd.array([1.0, 2.0, 3.5], dtype="Float64"))
    np.testing.assert_array_equal(
        nl.lasso(frame, target, 0.1).coef,
        nl.lasso(frame.to_numpy(dtype=float), target.to_numpy(dtype=float), 0.1).coef,
    )
    frame.iloc[0, 0] = pd.NA
    with raises(ValueError, "The 'X' parameter of standardize must contain only finite values"):
        nl.standardize(frame)
    with raises(ValueError, "must be an array of real numbers; got dtype object"):
        nl.standardize(pd.DataFrame({"s": ["x", "y"]}))
