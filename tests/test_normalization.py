"""Tests for normlib.normalization: scikit-learn as the reference (normalize,
MinMaxScaler, StandardScaler), closed forms, overflow safety, properties
(hypothesis) and bad input."""

import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import preprocessing

import normlib as nl
from normlib import normalization

NORMS = ["l1", "l2", "max"]
P_OF = {"l1": 1, "l2": 2, "max": np.inf}

# Moderate magnitudes (or exact zero): rounding stays far below the tolerances.
moderate = st.one_of(st.just(0.0), st.floats(1e-3, 1e3), st.floats(-1e3, -1e-3))
matrices = arrays(
    np.float64,
    st.tuples(st.integers(1, 8), st.integers(1, 6)),
    elements=moderate,
)


def data_with_zero_rows(seed, shape=(20, 7)):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal(shape) * rng.uniform(0.1, 100, shape[1])
    X[[3, 11]] = 0.0
    return X


# ---------------------------------------------------------------- normalize vs scikit-learn


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("axis", [0, 1])
def test_normalize_matches_sklearn(norm, axis):
    X = data_with_zero_rows(0)
    if axis == 0:
        X = X.T.copy()  # zero columns instead of zero rows
    # reference: sklearn.preprocessing.normalize on dense input
    expected = preprocessing.normalize(X, norm=norm, axis=axis)
    assert_allclose(nl.normalize(X, norm=norm, axis=axis), expected, rtol=1e-14, atol=0)


def test_l1_and_l2_normalize_are_normalize():
    X = data_with_zero_rows(1)
    for axis in (0, 1):
        assert_array_equal(nl.l1_normalize(X, axis=axis), nl.normalize(X, "l1", axis=axis))
        assert_array_equal(nl.l2_normalize(X, axis=axis), nl.normalize(X, "l2", axis=axis))


@pytest.mark.parametrize("norm", NORMS)
def test_one_dimensional_input_is_one_vector(norm):
    rng = np.random.default_rng(2)
    x = rng.standard_normal(9)
    # reference: scikit-learn with the vector as a single row
    expected = preprocessing.normalize(x[np.newaxis, :], norm=norm)[0]
    for axis in (0, 1):
        assert_allclose(nl.normalize(x, norm=norm, axis=axis), expected, rtol=1e-14)


def test_normalize_closed_forms():
    # hand-computed: (3, 4) / 5, (3, 4) / 7, (3, 4) / 4
    assert_allclose(nl.l2_normalize([3, 4]), [0.6, 0.8], rtol=1e-15)
    assert_allclose(nl.l1_normalize([3, -4]), [3 / 7, -4 / 7], rtol=1e-15)
    assert_allclose(nl.normalize([3, -4], "max"), [0.75, -1.0], rtol=1e-15)


def test_zero_vectors_stay_zero():
    X = np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 2.0]])
    for norm in NORMS:
        result = nl.normalize(X, norm)
        assert_array_equal(result[0], 0.0)
    # hand-computed: (1, 2, 2) / 3
    assert_allclose(nl.l2_normalize(X)[1], [1 / 3, 2 / 3, 2 / 3], rtol=1e-15)


def test_large_matrix_spanning_several_blocks():
    # more numbers than one block of _normalize_rows, with the special rows
    # (zero, huge, tiny) spread over different blocks
    rng = np.random.default_rng(3)
    n_rows = 3 * normalization._BLOCK // 50 + 7
    X = rng.standard_normal((n_rows, 50))
    X[rng.choice(n_rows, 40, replace=False)] = 0.0
    X[-1] = 1e200
    X[n_rows // 2] = 1e-200
    for norm in NORMS:
        result = nl.normalize(X, norm)
        safe = np.abs(X).max(axis=1) < 1e100  # rows scikit-learn computes correctly
        safe &= np.abs(X).max(axis=1) > 1e-100
        expected = preprocessing.normalize(X[safe], norm=norm)  # reference
        assert_allclose(result[safe], expected, rtol=1e-14, atol=0)
        assert_array_equal(result[~X.any(axis=1)], 0.0)
        # hand-computed: a row of 50 equal entries c normalizes to 1/sqrt(50),
        # 1/50 or 1, whatever c is
        expected_row = {"l2": 1 / math.sqrt(50), "l1": 1 / 50, "max": 1.0}[norm]
        assert_allclose(result[[-1, n_rows // 2]], expected_row, rtol=1e-15)
    X[-2, 3] = np.nan  # in the last block
    with raises(
        ValueError, "The 'X' parameter of normalize must contain only finite values; got NaN."
    ):
        nl.normalize(X)


def test_integer_list_and_fortran_input():
    # hand-computed: (3, 4) / 5 and (6, 8) / 10
    assert_allclose(nl.l2_normalize([[3, 4], [6, 8]]), [[0.6, 0.8]] * 2, rtol=1e-15)
    X = np.asfortranarray(data_with_zero_rows(4))
    assert_allclose(nl.normalize(X), preprocessing.normalize(X), rtol=1e-14)


# ---------------------------------------------------------------- overflow and tiny norms


def test_rows_of_1e200_normalize_correctly():
    X = np.full((3, 4), 1e200)
    # hand-computed: each row has norm 2e200 (L2) or 4e200 (L1), so entries 1/2 and 1/4;
    # scikit-learn squares 1e200 to inf and returns zeros here
    assert_array_equal(nl.l2_normalize(X), 0.5)
    assert_array_equal(nl.l1_normalize(X), 0.25)
    assert_array_equal(nl.normalize(X, "max"), 1.0)


def test_rows_whose_norm_exceeds_the_largest_float():
    X = np.array([[1.5e308, -1.5e308], [3.0, 4.0]])
    # the norms sqrt(2) * 1.5e308 and 3e308 overflow; the unit vectors do not:
    # hand-computed (1, -1) / sqrt(2) and (1, -1) / 2
    assert_allclose(nl.l2_normalize(X)[0], [1 / math.sqrt(2), -1 / math.sqrt(2)], rtol=1e-15)
    assert_allclose(nl.l1_normalize(X)[0], [0.5, -0.5], rtol=1e-15)
    assert_allclose(nl.l2_normalize(X)[1], [0.6, 0.8], rtol=1e-15)  # the other row as usual
    assert_allclose(nl.l1_normalize(X.T, axis=0), nl.l1_normalize(X).T, rtol=1e-15)


def test_tiny_rows_are_normalized():
    # hand-computed: norm 2e-200, entries 1/2 (unscaled, the norm would underflow to 0)
    assert_array_equal(nl.l2_normalize([[1e-200] * 4]), 0.5)
    # a norm below scikit-learn's 10 * eps cut-off (it would leave this row as it is)
    assert_allclose(nl.l2_normalize([3e-17, 4e-17]), [0.6, 0.8], rtol=1e-15)
    # subnormal entries keep about 4 significant digits (3e-320 is 6072 * 2**-1074)
    assert_allclose(nl.l2_normalize([3e-320, 4e-320]), [0.6, 0.8], rtol=1e-3)


# ---------------------------------------------------------------- normalize: properties


@given(matrices, st.sampled_from(NORMS))
def test_nonzero_rows_get_unit_norm(X, norm):
    result = nl.normalize(X, norm)
    nonzero = X.any(axis=1)
    # reference: numpy's vector norms of the normalized rows
    norms = np.linalg.norm(result[nonzero], ord=P_OF[norm], axis=1)
    assert_allclose(norms, 1.0, rtol=1e-14)
    assert_array_equal(result[~nonzero], 0.0)


@given(matrices, st.sampled_from(NORMS))
def test_normalize_is_idempotent(X, norm):
    once = nl.normalize(X, norm)
    assert_allclose(nl.normalize(once, norm), once, rtol=1e-14, atol=0)


@given(matrices, st.sampled_from(NORMS))
def test_rows_and_transposed_columns_agree(X, norm):
    # scikit-learn's invariant: normalize(X) == normalize(X.T, axis=0).T
    assert_array_equal(nl.normalize(X, norm), nl.normalize(X.T, norm, axis=0).T)


@given(matrices, st.sampled_from(NORMS))
def test_normalize_keeps_directions(X, norm):
    result = nl.normalize(X, norm)
    # each row is a positive multiple of the original: same signs, proportional entries
    assert_array_equal(np.sign(result), np.sign(X))
    norms = nl.lp_norm(X, P_OF[norm], axis=1)
    nonzero = norms > 0
    assert_allclose(
        result[nonzero] * norms[nonzero, np.newaxis], X[nonzero], rtol=1e-13, atol=1e-300
    )


@given(
    arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 5)), elements=st.floats(1, 2)),
    st.integers(-1000, 1000),
    st.sampled_from(NORMS),
)
def test_normalize_is_scale_free_down_to_the_extremes(X, k, norm):
    # normalize(2**k X) == normalize(X) exactly in real arithmetic, for any k;
    # 2**k X is exact in floats for |k| <= 1000 with entries in [1, 2]
    assert_allclose(nl.normalize(np.ldexp(X, k), norm), nl.normalize(X, norm), rtol=1e-14)


# ---------------------------------------------------------------- min_max_scale


@pytest.mark.parametrize("feature_range", [(0, 1), (-1, 1), (2.5, 7)])
def test_min_max_scale_matches_sklearn(feature_range):
    rng = np.random.default_rng(5)
    X = rng.standard_normal((30, 4)) * [1, 10, 1e-3, 1e4] + [0, -5, 3, 1e5]
    # reference: MinMaxScaler(feature_range).fit_transform
    expected = preprocessing.MinMaxScaler(feature_range=feature_range).fit_transform(X)
    result = nl.min_max_scale(X, feature_range=feature_range)
    assert_allclose(result, expected, rtol=1e-12, atol=1e-12)
    # axis=1 scales each row: scikit-learn on the transpose
    expected_rows = preprocessing.MinMaxScaler(feature_range=feature_range).fit_transform(X.T).T
    assert_allclose(
        nl.min_max_scale(X, feature_range=feature_range, axis=1),
        expected_rows,
        rtol=1e-12,
        atol=1e-12,
    )


def test_min_max_scale_closed_forms():
    # hand-computed: (x - 0) / 10, and the constant column goes to the lower end
    X = np.array([[0.0, 7.0], [5.0, 7.0], [10.0, 7.0]])
    assert_array_equal(nl.min_max_scale(X), [[0, 0], [0.5, 0], [1, 0]])
    assert_array_equal(nl.min_max_scale(X, feature_range=(-1, 1)), [[-1, -1], [0, -1], [1, -1]])
    # a 1-D array is one feature
    assert_array_equal(nl.min_max_scale([2, 4, 3]), [0, 1, 0.5])
    # a single sample is constant everywhere
    assert_array_equal(nl.min_max_scale([[4.0, -2.0]], feature_range=(3, 9)), [[3, 3]])


@pytest.mark.parametrize("feature_range", [(-3, 0.1), (-0.1, 0.3), (0.1, 0.7)])
def test_min_max_scale_hits_both_ends_exactly(feature_range):
    # lower + (upper - lower) * 1 can miss upper by rounding: -3 + (0.1 + 3) is
    # 0.10000000000000009; the extremes must be exactly lower and upper
    lower, upper = feature_range
    result = nl.min_max_scale([[5.0], [-2.0], [1.0]], feature_range=feature_range)
    assert result[1, 0] == lower
    assert result[0, 0] == upper
    assert lower < result[2, 0] < upper


def test_min_max_scale_does_not_overflow():
    # max - min = 2e308 overflows; the scaled values are hand-computed 0, 1, 1/2
    assert_allclose(nl.min_max_scale([-1e308, 1e308, 0.0]), [0, 1, 0.5], rtol=1e-15)
    assert_allclose(nl.min_max_scale([1e-320, 3e-320, 2e-320]), [0, 1, 0.5], rtol=1e-3)


@given(matrices, st.floats(-1e3, 1e3), st.floats(1e-2, 1e3))
def test_min_max_output_in_range_with_extremes_attained(X, lower, width):
    upper = lower + width
    result = nl.min_max_scale(X, feature_range=(lower, upper))
    assert (result >= lower).all() and (result <= upper).all()
    constant = X.max(axis=0) == X.min(axis=0)
    assert_array_equal(result[:, constant], lower)
    # the column minimum maps exactly to lower, the maximum exactly to upper
    assert_array_equal(result.min(axis=0)[~constant], lower)
    assert_array_equal(result.max(axis=0)[~constant], upper)
    rows = np.arange(X.shape[1])
    assert_array_equal(result[X.argmax(axis=0), rows][~constant], upper)


@given(matrices)
def test_min_max_scale_is_monotone_per_column(X):
    result = nl.min_max_scale(X)
    order = np.argsort(X, axis=0, kind="stable")
    assert (np.diff(np.take_along_axis(result, order, axis=0), axis=0) >= 0).all()


# ---------------------------------------------------------------- standardize


def test_standardize_matches_sklearn():
    rng = np.random.default_rng(6)
    X = rng.standard_normal((40, 5)) * [1, 10, 1e-3, 1e4, 2] + [0, -5, 3, 1e5, 0]
    X[:, 4] = 2.5  # a constant column
    # reference: StandardScaler().fit_transform (population std, ddof=0)
    expected = preprocessing.StandardScaler().fit_transform(X)
    assert_allclose(nl.standardize(X), expected, rtol=1e-10, atol=1e-12)
    expected_rows = preprocessing.StandardScaler().fit_transform(X.T).T
    assert_allclose(nl.standardize(X, axis=1), expected_rows, rtol=1e-10, atol=1e-12)


def test_standardize_closed_forms():
    # hand-computed: mean 2, population std 1 for (1, 3) -> (-1, 1); with ddof=1 it
    # would be sqrt(2) and (-0.707, 0.707)
    assert_array_equal(nl.standardize([[1.0, 5.0], [3.0, 5.0]]), [[-1, 0], [1, 0]])
    # (0, 0, 3): mean 1, variance (1 + 1 + 4) / 3 = 2
    assert_allclose(nl.standardize([0, 0, 3]), np.array([-1, -1, 2]) / math.sqrt(2), rtol=1e-15)
    # constant values give exactly 0 (not rounding noise divided by itself)
    assert_array_equal(nl.standardize([0.1] * 7), 0.0)


def test_standardize_resolves_a_spread_of_one_rounding_unit():
    # 1 and 1 + eps: the true mean 1 + eps/2 is not a float (the computed mean
    # rounds to 1), yet the deviations are exactly -eps/2 and +eps/2, so the
    # z-scores are -1 and 1 (scikit-learn treats this column as constant)
    eps = np.finfo(float).eps
    assert_array_equal(nl.standardize([1.0, 1.0 + eps]), [-1.0, 1.0])


@given(
    arrays(np.float64, st.integers(2, 30), elements=st.integers(0, 1000)),
    st.floats(1.0, 1.4),
)
def test_standardize_data_spread_over_a_few_rounding_units(k, offset):
    # x = offset + k * ulp(offset) is exact (it stays below 2), and standardizing
    # x must give the z-scores of the integers k: only the spread matters
    x = offset + k * np.spacing(offset)
    if np.ptp(k) > 0:
        assert_allclose(nl.standardize(x), nl.standardize(k), rtol=1e-12, atol=1e-12)


def test_standardize_does_not_overflow():
    # the sum 1e308 + 1e308 overflows, the z-scores are hand-computed -1 and 1
    assert_allclose(nl.standardize([-1e308, 1e308]), [-1, 1], rtol=1e-15)
    assert_allclose(nl.standardize([1e308, 1e308, 1.7e308, 1.7e308]), [-1, -1, 1, 1], rtol=1e-13)


@given(matrices)
def test_standardized_columns_have_mean_zero_and_std_one(X):
    result = nl.standardize(X)
    constant = X.max(axis=0) == X.min(axis=0)
    assert_array_equal(result[:, constant], 0.0)
    assert_allclose(result.mean(axis=0), 0.0, atol=1e-12)
    assert_allclose(result.std(axis=0)[~constant], 1.0, rtol=1e-12)


integer_matrices = arrays(
    np.float64, st.tuples(st.integers(1, 8), st.integers(1, 6)), elements=st.integers(-1000, 1000)
)


@given(integer_matrices, st.integers(-(10**6), 10**6), st.integers(-1000, 1000))
def test_standardize_ignores_units_and_offsets(X, b, k):
    # z-scores are unchanged by x -> 2**k x + b; with integer data and an integer b
    # the shift is exact, and so is the power-of-two scaling, so only the
    # standardization's own rounding remains
    expected = nl.standardize(X)
    assert_allclose(nl.standardize(X + b), expected, rtol=1e-12, atol=1e-12)
    assert_allclose(nl.standardize(np.ldexp(X, k)), expected, rtol=1e-12, atol=1e-12)


@given(integer_matrices, st.integers(-(10**6), 10**6), st.integers(-1000, 1000))
def test_min_max_scale_ignores_units_and_offsets(X, b, k):
    expected = nl.min_max_scale(X)
    assert_allclose(nl.min_max_scale(X + b), expected, rtol=1e-12, atol=1e-12)
    assert_allclose(nl.min_max_scale(np.ldexp(X, k)), expected, rtol=1e-12, atol=1e-12)


def test_standardize_relates_to_l2_normalize():
    rng = np.random.default_rng(7)
    X = rng.standard_normal((25, 3))
    centred = X - X.mean(axis=0)
    # sigma = ||x - mean||_2 / sqrt(n), so z = sqrt(n) * (x - mean) / ||x - mean||_2
    expected = math.sqrt(25) * nl.l2_normalize(centred, axis=0)
    assert_allclose(nl.standardize(X), expected, rtol=1e-12, atol=1e-14)


# ---------------------------------------------------------------- bad input


def raises(exception, message):
    """pytest.raises matching a literal piece of the error message."""
    return pytest.raises(exception, match=re.escape(message))


CALLS = {
    "normalize": nl.normalize,
    "l1_normalize": nl.l1_normalize,
    "l2_normalize": nl.l2_normalize,
    "min_max_scale": nl.min_max_scale,
    "standardize": nl.standardize,
}


@pytest.mark.parametrize("name", list(CALLS))
def test_nan_is_refused(name):
    with raises(
        ValueError, f"The 'X' parameter of {name} must contain only finite values; got NaN."
    ):
        CALLS[name](np.array([[1.0, 2.0], [np.nan, 0.0]]))


@pytest.mark.parametrize("name", list(CALLS))
def test_inf_is_refused(name):
    with raises(
        ValueError, f"The 'X' parameter of {name} must contain only finite values; got inf."
    ):
        CALLS[name](np.array([[1.0, 2.0], [0.0, -np.inf]]))


@pytest.mark.parametrize("name", list(CALLS))
def test_empty_is_refused(name):
    with raises(ValueError, f"The 'X' parameter of {name} must not be empty; got shape (0, 3)."):
        CALLS[name](np.zeros((0, 3)))


@pytest.mark.parametrize("name", list(CALLS))
def test_wrong_ndim_is_refused(name):
    with raises(ValueError, f"The 'X' parameter of {name} must be a 1-D or 2-D array; got a 3-D"):
        CALLS[name](np.ones((2, 2, 2)))
    with raises(ValueError, "must be a 1-D or 2-D array; got a 0-D array"):
        CALLS[name](3.0)


@pytest.mark.parametrize("name", list(CALLS))
def test_non_numeric_is_refused(name):
    with raises(ValueError, f"The 'X' parameter of {name} must be an array of real numbers"):
        CALLS[name]([["a", "b"]])


@pytest.mark.parametrize("name", list(CALLS))
def test_bad_axis_is_refused(name):
    with raises(ValueError, f"The 'axis' parameter of {name} must be in [-2, 1]"):
        CALLS[name](np.ones((2, 2)), axis=2)
    with raises(TypeError, f"The 'axis' parameter of {name} must be an integer; got None."):
        CALLS[name](np.ones((2, 2)), axis=None)


def test_unknown_norm_is_refused():
    with raises(
        ValueError,
        "The 'norm' parameter of normalize must be one of {'l1', 'l2', 'max'}; got 'l3'.",
    ):
        nl.normalize([[1.0, 2.0]], norm="l3")
    with raises(ValueError, "must be one of {'l1', 'l2', 'max'}; got 2."):
        nl.normalize([[1.0, 2.0]], norm=2)


@pytest.mark.parametrize(
    ("feature_range", "shown"),
    [((1, 0), "(1.0, 0.0)"), ((2, 2), "(2.0, 2.0)"), ((0, 1, 2), "(0.0, 1.0, 2.0)")],
)
def test_bad_feature_range_is_refused(feature_range, shown):
    expected = (
        "The 'feature_range' parameter of min_max_scale must be a pair (lower, upper) "
        f"with lower < upper; got {shown}."
    )
    with raises(ValueError, expected):
        nl.min_max_scale([[1.0], [2.0]], feature_range=feature_range)


def test_non_finite_feature_range_is_refused():
    with raises(
        ValueError,
        "The 'feature_range' parameter of min_max_scale must contain only finite values; got inf.",
    ):
        nl.min_max_scale([[1.0], [2.0]], feature_range=(0, np.inf))


# ---------------------------------------------------------------- inputs are not modified


@pytest.mark.parametrize("name", list(CALLS))
def test_input_not_modified_and_read_only_accepted(name):
    X = data_with_zero_rows(8)
    X[5] = 1e200  # also the scaled path
    copy = X.copy()
    result = CALLS[name](X)
    assert_array_equal(X, copy)
    assert result is not X and not np.shares_memory(result, X)
    assert result.flags.writeable
    X.flags.writeable = False
    CALLS[name](X)
    CALLS[name](X[:, 0])  # a strided 1-D view
    CALLS[name](X, axis=0)
    assert_array_equal(X, copy)


def test_one_dimensional_result_is_new():
    x = np.array([3.0, 4.0])
    result = nl.l2_normalize(x)
    result[0] = 99.0
    assert x[0] == 3.0


# ---------------------------------------------- reference: fit on train, apply to test


def _train_test(seed):
    rng = np.random.default_rng(seed)
    scales = rng.uniform(0.1, 100, 5)
    train = rng.standard_normal((30, 5)) * scales + 3
    test = rng.standard_normal((12, 5)) * scales * 2 + 3  # wider: falls outside the train range
    return train, test


@pytest.mark.parametrize("feature_range", [(0, 1), (-1, 1)])
def test_min_max_scale_with_reference_matches_sklearn_fit_transform(feature_range):
    train, test = _train_test(0)
    scaler = preprocessing.MinMaxScaler(feature_range=feature_range).fit(train)
    result = nl.min_max_scale(test, feature_range=feature_range, reference=train)
    assert_allclose(result, scaler.transform(test), rtol=1e-12, atol=1e-12)
    assert result.min() < feature_range[0] and result.max() > feature_range[1]  # not clipped
    # per row (axis=1): the reference is the transposed problem
    assert_allclose(
        nl.min_max_scale(test.T, feature_range=feature_range, axis=1, reference=train.T),
        result.T,
        rtol=1e-12,
        atol=1e-12,
    )


def test_standardize_with_reference_matches_sklearn_fit_transform():
    train, test = _train_test(1)
    expected = preprocessing.StandardScaler().fit(train).transform(test)
    assert_allclose(nl.standardize(test, reference=train), expected, rtol=1e-12, atol=1e-12)
    assert_allclose(
        nl.standardize(test.T, axis=1, reference=train.T), expected.T, rtol=1e-12, atol=1e-12
    )


def test_reference_constant_feature_is_centred_like_sklearn():
    # StandardScaler sets scale_ = 1 for a constant feature: transform only centres it;
    # MinMaxScaler maps it to the lower end (x - min) / 1 + lower.
    train = np.array([[1.0, 5.0], [3.0, 5.0]])
    test = np.array([[2.0, 7.0], [0.0, 4.0]])
    assert_allclose(
        nl.standardize(test, reference=train),
        preprocessing.StandardScaler().fit(train).transform(test),
        rtol=1e-15,
    )
    assert_allclose(
        nl.min_max_scale(test, reference=train),
        preprocessing.MinMaxScaler().fit(train).transform(test),
        rtol=1e-15,
    )


@given(matrices)
def test_reference_equal_to_X_changes_nothing(X):
    assert_allclose(nl.standardize(X, reference=X), nl.standardize(X), rtol=1e-12, atol=1e-12)
    assert_allclose(nl.min_max_scale(X, reference=X), nl.min_max_scale(X), rtol=1e-12, atol=1e-12)


def test_reference_with_other_features_is_refused():
    message = "The 'reference' parameter of standardize must have as many columns as X (3); got 2."
    with raises(ValueError, message):
        nl.standardize(np.ones((4, 3)), reference=np.ones((5, 2)))
    with raises(ValueError, "The 'reference' parameter of min_max_scale must be a 2-D array"):
        nl.min_max_scale(np.ones((4, 3)), reference=np.ones(3))
    with raises(ValueError, "'reference' parameter of min_max_scale must contain only finite"):
        nl.min_max_scale(np.ones((4, 3)), reference=np.full((2, 3), np.nan))


def test_reference_is_not_mutated():
    train, test = _train_test(2)
    before_train, before_test = train.copy(), test.copy()
    nl.standardize(test, reference=train)
    nl.min_max_scale(test, reference=train)
    assert_array_equal(train, before_train)
    assert_array_equal(test, before_test)


# ---------------------------------------------------------------- issue 12


def test_min_max_scale_of_new_data_beyond_the_float_range_is_signed_inf():
    # was: NaN. (1 - 0) / (5e-324 - 0) = 2e323 exceeds the largest float: +inf;
    # below the reference's range the value is -inf.
    result = nl.min_max_scale([[1.0], [2.0], [-1.0], [0.0]], reference=[[5e-324], [0.0]])
    assert_array_equal(result, [[np.inf], [np.inf], [-np.inf], [0.0]])
    # a range [1e300, 1.5e300]: lower * (1 - t) + upper * t would be -inf + inf
    result = nl.min_max_scale(
        [[1e300], [-1e300]], feature_range=(1e300, 1.5e300), reference=[[1.0], [0.0]]
    )
    assert_array_equal(result, [[np.inf], [-np.inf]])


def test_standardize_of_new_data_beyond_the_float_range_is_signed_inf():
    result = nl.standardize([[1e300], [-1e300], [1e-300]], reference=[[5e-324], [0.0]])
    assert_array_equal(result[:2], [[np.inf], [-np.inf]])
    assert np.isfinite(result[2, 0])


@pytest.mark.parametrize(
    "func",
    [
        nl.standardize,
        nl.min_max_scale,
        lambda X: nl.normalize(X, "l2"),
        lambda X: nl.normalize(X, "l1"),
        nl.l2_normalize,
    ],
)
def test_float32_in_float32_out(func):
    # scikit-learn's normalize and scalers keep float32 (reference:
    # sklearn.preprocessing.StandardScaler().fit_transform(X32).dtype)
    rng = np.random.default_rng(0)
    X = rng.standard_normal((6, 3))
    result = func(X.astype(np.float32))
    assert result.dtype == np.float32
    assert preprocessing.StandardScaler().fit_transform(X.astype(np.float32)).dtype == np.float32
    assert_allclose(result, func(X), rtol=1e-6, atol=1e-6)  # float32 precision
    assert func(X).dtype == np.float64
    assert func(X.astype(np.int64)).dtype == np.float64


def test_masked_and_sparse_input_is_refused_clearly():
    from scipy import sparse

    masked = np.ma.masked_array([[1.0, 2.0], [3.0, 4.0]], mask=[[0, 1], [0, 0]])
    with pytest.raises(TypeError, match=r"'X' parameter of standardize must not be a masked"):
        nl.standardize(masked)
    with pytest.raises(TypeError, match=r"'X' parameter of normalize must be a dense .*sparse"):
        nl.normalize(sparse.csr_matrix(np.eye(3)))
