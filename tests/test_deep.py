"""Tests for normlib.deep: dropout's expected loss by exact enumeration of the masks,
the dropout ridge against scikit-learn's Ridge, early stopping against ridge, and the
normalization layers against scikit-learn's StandardScaler; properties and bad input."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

import normlib as nl

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
batches = arrays(np.float64, st.tuples(st.integers(2, 8), st.integers(2, 6)), elements=finite)


# ---------------------------------------------------------------- dropout


def test_dropout_penalty_is_the_exact_expected_extra_loss():
    # reference: enumerate all 2^(n p) dropout masks of a 3 x 2 problem and average
    # the SSE with its exact probability (keep probability 1 - rate, scale 1 / (1 - rate))
    X = np.array([[1.0, -2.0], [0.5, 3.0], [-1.0, 1.0]])
    y = np.array([1.0, 2.0, -1.0])
    w = np.array([0.7, -0.3])
    rate = 0.3
    expected = 0.0
    for bits in itertools.product([0, 1], repeat=X.size):
        mask = np.array(bits, dtype=float).reshape(X.shape)
        prob = np.prod(np.where(mask == 1, 1 - rate, rate))
        expected += prob * np.sum((y - (X * mask / (1 - rate)) @ w) ** 2)
    sse = np.sum((y - X @ w) ** 2)
    assert_allclose(sse + nl.dropout_penalty(X, w, rate), expected, rtol=1e-12)


def test_dropout_ridge_matches_scikit_learn_ridge_on_rescaled_columns():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((50, 4)) * [1.0, 3.0, 0.5, 2.0] + 1.0
    y = X @ np.array([1.0, -0.5, 2.0, 0.0]) + rng.standard_normal(50)
    rate = 0.2
    coef, intercept = nl.dropout_ridge(X, y, rate)
    # Gamma = rate/(1-rate) diag(||X_j||^2) with the raw columns: substitute u_j = ||X_j|| w_j,
    # a plain Ridge(alpha = rate / (1 - rate)) on the columns X_j / ||X_j||
    norms = np.linalg.norm(X, axis=0)
    ref = Ridge(alpha=rate / (1 - rate), solver="svd").fit(X / norms, y)
    assert_allclose(coef, ref.coef_ / norms, rtol=1e-9)
    assert_allclose(intercept, ref.intercept_, rtol=1e-9)


def test_dropout_ridge_with_standardized_columns_is_the_book_ridge():
    rng = np.random.default_rng(1)
    X = nl.standardize(rng.standard_normal((40, 3)))  # ||X_j||^2 = n
    y = X @ np.array([1.0, 2.0, -1.0]) + rng.standard_normal(40)
    rate = 0.5
    coef, _ = nl.dropout_ridge(X, y, rate)
    # 0.5 * lam = n * rate / (1 - rate)
    lam = 2 * 40 * rate / (1 - rate)
    assert_allclose(coef, nl.ridge(X, y, lam).coef, rtol=1e-10)


def test_dropout_rate_zero_is_least_squares():
    rng = np.random.default_rng(2)
    X = rng.standard_normal((30, 3))
    y = rng.standard_normal(30)
    coef, _ = nl.dropout_ridge(X, y, 0.0)
    assert_allclose(coef, nl.ridge(X, y, 0.0).coef, rtol=1e-10)
    assert nl.dropout_penalty(X, coef, 0.0) == 0.0


@pytest.mark.parametrize(
    ("func", "args", "error", "match"),
    [
        ("dropout_penalty", ([[1.0, 2.0]], [1.0], 0.5), ValueError, "must match"),
        ("dropout_penalty", ([[1.0]], [1.0], 1.0), ValueError, "'rate' parameter"),
        ("dropout_ridge", ([[1.0], [2.0]], [1.0, 2.0], -0.1), ValueError, "'rate' parameter"),
        ("dropout_ridge", ([[1.0], [2.0]], [1.0, 2.0], "0.1"), TypeError, "'rate' parameter"),
        ("dropout_ridge", ([[1.0], [2.0]], [1.0], 0.1), ValueError, "same number of samples"),
    ],
)
def test_dropout_bad_input(func, args, error, match):
    with pytest.raises(error, match=match):
        getattr(nl, func)(*args)


# ---------------------------------------------------------------- early stopping


def test_early_stopping_resembles_ridge_on_diabetes():
    X, y = load_diabetes(return_X_y=True)
    Xc, yc = X - X.mean(0), y - y.mean()
    lr, n_steps = 0.2, 200
    path = nl.gradient_descent(lambda w: nl.sse_gradient(Xc, yc, w), np.zeros(10), lr, n_steps)
    lam = nl.early_stopping_lambda(lr, n_steps)
    assert lam == 1 / (lr * n_steps)
    ridge = nl.ridge(X, y, lam).coef
    ols = nl.ridge(X, y, 0.0).coef
    # the stopped iterate is far closer to ridge at 1/(lr t) than to least squares,
    # and closer than ridge at ten times or a tenth of that lam
    gap = np.linalg.norm(path[-1] - ridge)
    assert gap < 0.25 * np.linalg.norm(path[-1] - ols)
    for other in (lam * 10, lam / 10):
        assert gap < np.linalg.norm(path[-1] - nl.ridge(X, y, other).coef)


def test_early_stopping_lambda_bad_input():
    with pytest.raises(ValueError, match="'lr' parameter of early_stopping_lambda"):
        nl.early_stopping_lambda(0.0, 10)
    with pytest.raises(ValueError, match="'n_steps' parameter of early_stopping_lambda"):
        nl.early_stopping_lambda(0.1, 0)
    with pytest.raises(TypeError, match="'n_steps' parameter of early_stopping_lambda"):
        nl.early_stopping_lambda(0.1, 1.5)


# ---------------------------------------------------------------- normalization layers


def test_batch_norm_is_standard_scaler_and_layer_norm_its_transpose():
    Z = np.random.default_rng(3).standard_normal((16, 5)) * 4 + 2
    # scikit-learn's StandardScaler uses the biased variance, as batch norm does
    assert_allclose(nl.batch_norm(Z, eps=0.0), StandardScaler().fit_transform(Z), rtol=1e-12)
    assert_allclose(nl.layer_norm(Z, eps=0.0), StandardScaler().fit_transform(Z.T).T,
                    rtol=1e-12)
    assert_allclose(nl.batch_norm(Z, eps=0.0), nl.standardize(Z), rtol=1e-12)


def test_eps_gamma_beta():
    Z = np.array([[1.0, 2.0], [3.0, 6.0]])
    # column 0: mean 2, variance 1; with eps = 3 the denominator is 2
    out = nl.batch_norm(Z, gamma=2.0, beta=1.0, eps=3.0)
    assert_allclose(out[:, 0], 2.0 * np.array([-1.0, 1.0]) / 2.0 + 1.0)
    # a constant row with eps = 0 maps to beta, not NaN
    assert_array_equal(nl.layer_norm([[5.0, 5.0]], beta=0.5, eps=0.0), [[0.5, 0.5]])


@given(batches, st.floats(0.01, 100.0))
def test_property_normalization_layers_ignore_the_scale(Z, a):
    # with eps = 0 both layers are invariant to a positive rescaling of their input,
    # which is why weight decay before them does not shrink the function
    scale = np.ptp(Z, axis=0).min()
    if scale > 1e-3:
        assert_allclose(nl.batch_norm(a * Z, eps=0.0), nl.batch_norm(Z, eps=0.0),
                        atol=1e-6)
    if np.ptp(Z, axis=1).min() > 1e-3:
        assert_allclose(nl.layer_norm(a * Z, eps=0.0), nl.layer_norm(Z, eps=0.0), atol=1e-6)


def test_batch_norm_depends_on_the_batch_layer_norm_does_not():
    rng = np.random.default_rng(4)
    Z = rng.standard_normal((8, 4))
    other = rng.standard_normal((8, 4))
    batch_a = nl.batch_norm(Z)[0]
    batch_b = nl.batch_norm(np.vstack([Z[:1], other[1:]]))[0]
    assert not np.allclose(batch_a, batch_b)  # same sample, other batch: another output
    assert_allclose(nl.layer_norm(Z)[0], nl.layer_norm(np.vstack([Z[:1], other[1:]]))[0])


def test_normalization_layers_bad_input_and_no_mutation():
    Z = np.array([[1.0, 2.0], [3.0, 4.0]])
    nl.batch_norm(Z)
    assert_array_equal(Z, [[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(ValueError, match="'Z' parameter of batch_norm"):
        nl.batch_norm([1.0, 2.0])
    with pytest.raises(ValueError, match="'eps' parameter of layer_norm"):
        nl.layer_norm(Z, eps=-1.0)
    with pytest.raises(TypeError, match="'gamma' parameter of layer_norm"):
        nl.layer_norm(Z, gamma="1")


# ------------------------------------------- issue 12's input habits (booleans, Fractions, scale)


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
def test_fit_intercept_must_be_a_bool(bad):
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((20, 3)), rng.standard_normal(20)
    match = "'fit_intercept' parameter of dropout_ridge must be a bool"
    with pytest.raises(TypeError, match=match):
        nl.dropout_ridge(X, y, 0.5, fit_intercept=bad)


def test_fractions_are_accepted_as_scalars():
    from fractions import Fraction

    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((20, 3)), rng.standard_normal(20)
    assert nl.early_stopping_lambda(Fraction(1, 10), 10) == nl.early_stopping_lambda(0.1, 10)
    assert nl.dropout_penalty(X, [1.0, 2.0, 3.0], Fraction(1, 2)) == nl.dropout_penalty(
        X, [1.0, 2.0, 3.0], 0.5
    )
    for a, b in zip(nl.dropout_ridge(X, y, Fraction(1, 4)), nl.dropout_ridge(X, y, 0.25),
                    strict=True):
        assert_array_equal(a, b)
    for norm in (nl.batch_norm, nl.layer_norm):
        assert_array_equal(
            norm(X, gamma=Fraction(2), beta=Fraction(1, 2), eps=Fraction(1, 10**5)),
            norm(X, gamma=2.0, beta=0.5, eps=1e-5),
        )


def test_dropout_ridge_with_an_all_zero_column():
    # a zero column has no energy (no penalty) and explains nothing: its coefficient is
    # 0 and the others are those of the fit without it (Gamma is diagonal); was
    # LinAlgError: Singular matrix
    rng = np.random.default_rng(0)
    X = rng.standard_normal((30, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + rng.standard_normal(30)
    coef, intercept = nl.dropout_ridge(np.column_stack([X, np.zeros(30)]), y, 0.3)
    ref_coef, ref_intercept = nl.dropout_ridge(X, y, 0.3)
    assert coef[3] == 0.0
    assert_allclose(coef[:3], ref_coef, rtol=1e-12)
    assert intercept == pytest.approx(ref_intercept, rel=1e-12)


def test_normalization_layers_keep_float32():
    Z = np.random.default_rng(0).standard_normal((6, 3)).astype(np.float32)
    for layer in (nl.batch_norm, nl.layer_norm):
        out = layer(Z)
        assert out.dtype == np.float32
        assert_allclose(out, layer(Z.astype(float)), rtol=1e-5, atol=1e-6)
        assert layer(Z.astype(float)).dtype == np.float64


def test_dropout_penalty_near_the_float_range_edges():
    # the value rate/(1-rate) sum ||X_j||^2 w_j^2 is a float though X^2 or w^2 is not
    X, w = np.array([[1.0, 2.0], [1.0, 0.0]]), np.array([3.0, 1.0])  # the doctest: 22
    assert nl.dropout_penalty(1e200 * X, 1e-200 * w, 0.5) == pytest.approx(22.0, rel=1e-12)
    assert nl.dropout_penalty(1e-200 * X, 1e200 * w, 0.5) == pytest.approx(22.0, rel=1e-12)
    assert nl.dropout_penalty(1e200 * X, w, 0.5) == np.inf  # 22e400: beyond the range
