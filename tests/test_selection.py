"""Tests for normlib.selection: brute force, closed forms, scikit-learn references,
KKT conditions, properties (hypothesis) and bad input."""

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.linear_model import Lasso, LinearRegression

import normlib as nl

finite = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)
vectors = arrays(np.float64, st.integers(1, 12), elements=finite)
thresholds = st.floats(min_value=0.0, max_value=100.0)


def make_data(seed, n=40, p=6, coef=(3.0, 0.0, -2.0, 0.0, 1.0, 0.0), noise=0.5):
    """A small regression problem with an offset and columns that are not centred."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-2, 2, p)
    w = np.zeros(p)
    w[: len(coef)] = coef[:p]
    y = X @ w + 1.5 + noise * rng.standard_normal(n)
    return X, y


def orthonormal(seed, n=30, p=6):
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((n, p)))  # QᵀQ = I
    y = Q @ rng.uniform(-4, 4, p) + 0.3 * rng.standard_normal(n)
    return Q, y


def brute_force_1d(z, penalty, grid):
    """argmin over a fine grid of (w - z)^2 + penalty(w): an independent reference."""
    costs = (grid - z) ** 2 + np.array([penalty(w) for w in grid])
    return grid[np.argmin(costs)]


# ---------------------------------------------------------------- hard threshold


def test_hard_threshold_values():
    # reference: the definition z·1[|z| > t], written out by hand
    assert_array_equal(nl.hard_threshold([-3.0, -1.0, -0.5, 0.0, 1.0, 1.5], 1.0),
                       [-3.0, 0.0, 0.0, 0.0, 0.0, 1.5])
    assert nl.hard_threshold(2.5, 1.0) == 2.5
    assert isinstance(nl.hard_threshold(2.5, 1.0), float)


@pytest.mark.parametrize("z", [-2.3, -0.9, 0.4, 1.1, 2.0])
def test_hard_threshold_minimizes_the_l0_cost(z):
    # reference: brute-force minimization of (w - z)^2 + t^2·1[w != 0] on a grid containing z
    t = 1.0
    grid = np.sort(np.append(np.linspace(-3, 3, 6001), z))
    expected = brute_force_1d(z, lambda w: t**2 * (w != 0), grid)
    assert_allclose(nl.hard_threshold(z, t), expected, atol=1e-12)


@given(vectors, thresholds)
def test_hard_threshold_keeps_or_kills(z, t):
    out = nl.hard_threshold(z, t)
    kept = out != 0
    assert_array_equal(out[kept], z[kept])  # never shrinks
    assert np.all(np.abs(z[~kept]) <= t) and np.all(np.abs(z[kept]) > t)
    assert not np.any(np.signbit(out) & (out == 0))  # no negative zeros


@given(vectors, thresholds)
def test_hard_threshold_is_odd_and_does_not_mutate(z, t):
    before = z.copy()
    assert_array_equal(nl.hard_threshold(-z, t), -nl.hard_threshold(z, t) + 0.0)
    assert_array_equal(z, before)


def test_hard_threshold_bad_input():
    with pytest.raises(ValueError, match="'t' parameter of hard_threshold"):
        nl.hard_threshold([1.0], -1.0)
    with pytest.raises(TypeError, match="'t' parameter of hard_threshold"):
        nl.hard_threshold([1.0], "1")
    with pytest.raises(ValueError, match=r"'z' parameter of hard_threshold.*NaN"):
        nl.hard_threshold([np.nan], 1.0)
    with pytest.raises(ValueError, match=r"'z' parameter of hard_threshold.*empty"):
        nl.hard_threshold([], 1.0)


# ---------------------------------------------------------------- MCP


def test_mcp_penalty_closed_form():
    # reference: the piecewise formula by hand, lam = 1, gamma = 3 (knot gamma·lam/2 = 1.5):
    # 0.5 -> 0.5 - 0.25/3; 1.5 -> 1.5 - 2.25/3 = 0.75; 3 and 10 -> gamma·lam²/4 = 0.75
    value = nl.mcp_penalty([0.0, 0.5, -1.5, 3.0, 10.0], 1.0, 3.0)
    assert_allclose(value, (0.5 - 0.25 / 3) + 0.75 + 0.75 + 0.75, rtol=1e-14)


@given(st.floats(min_value=-50, max_value=50), st.floats(min_value=0.01, max_value=10),
       st.floats(min_value=1.01, max_value=50))
def test_mcp_penalty_between_zero_and_l1(w, lam, gamma):
    value = nl.mcp_penalty(w, lam, gamma)
    assert -1e-12 <= value <= nl.l1_penalty(w, lam) + 1e-9  # below the lasso's penalty
    assert value <= gamma * lam**2 / 4 + 1e-9  # and flat beyond the knot


@pytest.mark.parametrize("z", [-5.0, -2.0, -0.7, 0.3, 0.9, 1.2, 2.4, 6.0])
@pytest.mark.parametrize("gamma", [1.5, 3.0])
def test_mcp_threshold_minimizes_the_mcp_cost(z, gamma):
    # reference: brute-force minimization of (w - z)^2 + MCP(w) on a fine grid
    lam = 2.0
    grid = np.linspace(-8, 8, 16001)
    expected = brute_force_1d(z, lambda w: nl.mcp_penalty(w, lam, gamma), grid)
    assert_allclose(nl.mcp_threshold(z, lam, gamma), expected, atol=2e-3)


@given(vectors, st.floats(min_value=0.0, max_value=20.0))
def test_mcp_threshold_between_soft_and_identity(z, lam):
    out = nl.mcp_threshold(z, lam, 3.0)
    soft = nl.soft_threshold(z, lam / 2)
    # same zeros as the lasso; |soft| <= |mcp| <= |z|, same sign
    assert_array_equal(out == 0, soft == 0)
    assert np.all(np.abs(soft) <= np.abs(out) + 1e-9)
    assert np.all(np.abs(out) <= np.abs(z) + 1e-9)
    assert np.all(out * z >= 0)


def test_mcp_threshold_limits():
    z = np.linspace(-5, 5, 101)
    # gamma -> infinity: soft thresholding at lam/2
    assert_allclose(nl.mcp_threshold(z, 2.0, 1e9), nl.soft_threshold(z, 1.0), atol=1e-8)
    # beyond gamma·lam/2 the identity (no bias)
    big = np.abs(z) > 3.0
    assert_array_equal(nl.mcp_threshold(z, 2.0, 3.0)[big], z[big])


def test_mcp_bad_input():
    with pytest.raises(ValueError, match=r"'gamma' parameter of mcp_threshold must be .* > 1"):
        nl.mcp_threshold([1.0], 1.0, 1.0)
    with pytest.raises(ValueError, match="'lam' parameter of mcp_penalty"):
        nl.mcp_penalty([1.0], -1.0)
    with pytest.raises(TypeError, match="'gamma' parameter of mcp_penalty"):
        nl.mcp_penalty([1.0], 1.0, None)


# ---------------------------------------------------------------- best subset


def brute_force_best(X, y, k):
    """Every subset of size k fitted by LinearRegression; the smallest SSE wins."""
    best, best_sse = None, np.inf
    for subset in itertools.combinations(range(X.shape[1]), k):
        cols = X[:, list(subset)]
        model = LinearRegression().fit(cols, y)
        sse = float(np.sum((y - model.predict(cols)) ** 2))
        if sse < best_sse - 1e-9:
            best, best_sse = subset, sse
    return best, best_sse


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_best_subset_matches_brute_force(seed, k):
    X, y = make_data(seed, n=30, p=7, noise=2.0)
    fit = nl.best_subset(X, y, k)
    subset, sse = brute_force_best(X, y, k)
    assert_array_equal(fit.support, subset)
    assert_allclose(fit.sse, sse, rtol=1e-10)
    # coefficients and intercept: LinearRegression on the support
    ref = LinearRegression().fit(X[:, list(subset)], y)
    assert_allclose(fit.coef[list(subset)], ref.coef_, rtol=1e-8)
    assert_allclose(fit.intercept, ref.intercept_, rtol=1e-8)
    assert np.count_nonzero(fit.coef) <= k


def test_best_subset_sse_path_and_counts():
    X, y = make_data(3, p=6)
    fit = nl.best_subset(X, y, 6)
    assert fit.n_fits == 2**6  # every subset once
    assert np.all(np.diff(fit.sse_path) <= 1e-9)  # more features never fit worse
    assert_allclose(fit.sse_path[0], np.sum((y - y.mean()) ** 2))
    full = LinearRegression().fit(X, y)  # reference: all features
    assert_allclose(fit.sse_path[-1], np.sum((y - full.predict(X)) ** 2), rtol=1e-10)


def test_best_subset_orthonormal_is_hard_thresholding():
    # closed form (ESL Table 3.4): keep the k largest |z_j|, z = Qᵀy, coefficients z_j
    Q, y = orthonormal(0)
    z = Q.T @ y
    for k in range(7):
        fit = nl.best_subset(Q, y, k, fit_intercept=False)
        top = np.sort(np.argsort(-np.abs(z))[:k])
        assert_array_equal(fit.support, top)
        t = np.sort(np.abs(z))[::-1][k] if k < 6 else 0.0  # threshold between kept and killed
        assert_allclose(fit.coef, nl.hard_threshold(z, t), atol=1e-12)


def test_best_subset_does_not_mutate_and_bad_input():
    X, y = make_data(4)
    X0, y0 = X.copy(), y.copy()
    nl.best_subset(X, y, 2)
    assert_array_equal(X, X0)
    assert_array_equal(y, y0)
    with pytest.raises(ValueError, match="at most 20 columns"):
        nl.best_subset(np.ones((5, 21)), np.ones(5), 1)
    with pytest.raises(ValueError, match="'k' parameter of best_subset"):
        nl.best_subset(X, y, 7)
    with pytest.raises(TypeError, match="'k' parameter of best_subset must be an integer"):
        nl.best_subset(X, y, 1.5)
    with pytest.raises(ValueError, match="same number of samples"):
        nl.best_subset(X, y[:-1], 1)


# ---------------------------------------------------------------- forward stepwise


def greedy_reference(X, y, k):
    """Forward stepwise written out with LinearRegression: an independent implementation."""
    order = []
    for _ in range(k):
        scores = {}
        for j in range(X.shape[1]):
            if j not in order:
                cols = X[:, [*order, j]]
                pred = LinearRegression().fit(cols, y).predict(cols)
                scores[j] = float(np.sum((y - pred) ** 2))
        order.append(min(scores, key=scores.get))
    return order


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_forward_stepwise_matches_greedy_reference(seed):
    X, y = make_data(seed, n=30, p=8, noise=2.0)
    fit = nl.forward_stepwise(X, y, 5)
    assert_array_equal(fit.order, greedy_reference(X, y, 5))
    assert_array_equal(fit.support, np.sort(fit.order))
    ref = LinearRegression().fit(X[:, fit.order], y)
    assert_allclose(fit.coef[fit.order], ref.coef_, rtol=1e-8)
    assert_allclose(fit.intercept, ref.intercept_, rtol=1e-8)


@pytest.mark.parametrize("seed", [0, 5])
def test_forward_stepwise_never_beats_best_subset(seed):
    X, y = make_data(seed, p=7, noise=3.0)
    best = nl.best_subset(X, y, 7).sse_path
    forward = nl.forward_stepwise(X, y, 7)
    assert np.all(forward.sse_path >= best - 1e-8)
    assert_allclose(forward.sse_path[[0, 1, 7]], best[[0, 1, 7]], rtol=1e-10)  # equal at 0, 1, p
    assert np.all(np.diff(forward.sse_path) <= 1e-9)
    assert forward.n_fits == 7 + 6 + 5 + 4 + 3 + 2 + 1


def test_forward_stepwise_orthonormal_adds_by_size():
    # closed form: with QᵀQ = I adding j lowers the SSE by z_j², so the order is that of |z|
    Q, y = orthonormal(1)
    z = Q.T @ y
    assert_array_equal(nl.forward_stepwise(Q, y, 6, fit_intercept=False).order,
                       np.argsort(-np.abs(z)))


def test_forward_stepwise_works_for_p_above_n_and_bad_input():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((15, 40))
    y = 2 * X[:, 3] + 0.1 * rng.standard_normal(15)
    assert nl.forward_stepwise(X, y, 1).order[0] == 3
    with pytest.raises(ValueError, match="'k' parameter of forward_stepwise"):
        nl.forward_stepwise(X, y, -1)


# ---------------------------------------------------------------- relaxed lasso


def test_relaxed_lasso_phi_zero_is_least_squares_on_the_support():
    X, y = make_data(0, noise=1.0)
    lam = 30.0
    support = np.flatnonzero(nl.lasso(X, y, lam).coef)
    fit = nl.relaxed_lasso(X, y, lam)
    ref = LinearRegression().fit(X[:, support], y)  # reference: scikit-learn on the support
    assert_allclose(fit.coef[support], ref.coef_, rtol=1e-8)
    assert_allclose(fit.intercept, ref.intercept_, rtol=1e-8)
    assert_array_equal(np.flatnonzero(fit.coef), support)


def test_relaxed_lasso_phi_one_is_the_lasso_and_phi_between_matches_sklearn():
    X, y = make_data(1, noise=1.0)
    lam = 30.0
    assert_allclose(nl.relaxed_lasso(X, y, lam, phi=1.0).coef, nl.lasso(X, y, lam).coef,
                    atol=1e-7)
    support = np.flatnonzero(nl.lasso(X, y, lam).coef)
    n = X.shape[0]
    ref = Lasso(alpha=0.5 * lam / (2 * n), tol=1e-12, max_iter=10**6).fit(X[:, support], y)
    fit = nl.relaxed_lasso(X, y, lam, phi=0.5)
    assert_allclose(fit.coef[support], ref.coef_, atol=1e-5)


@given(st.floats(min_value=1.0, max_value=200.0))
def test_relaxed_lasso_properties(lam):
    X, y = make_data(2, noise=1.0)
    lasso_fit = nl.lasso(X, y, lam)
    fit = nl.relaxed_lasso(X, y, lam)
    # never a larger support, and on its support least squares: SSE no larger than the lasso's
    assert set(np.flatnonzero(fit.coef)) <= set(np.flatnonzero(lasso_fit.coef))
    sse = nl.sse(X, y - fit.intercept, fit.coef)
    assert sse <= nl.sse(X, y - lasso_fit.intercept, lasso_fit.coef) + 1e-8


def test_relaxed_lasso_empty_support_and_bad_input():
    X, y = make_data(3)
    fit = nl.relaxed_lasso(X, y, 10 * nl.lambda_max(X, y))
    assert_array_equal(fit.coef, 0.0)
    assert_allclose(fit.intercept, y.mean())
    with pytest.raises(ValueError, match="'phi' parameter of relaxed_lasso"):
        nl.relaxed_lasso(X, y, 1.0, phi=1.5)
    with pytest.raises(ValueError, match="'lam' parameter of relaxed_lasso"):
        nl.relaxed_lasso(X, y, -1.0)


# ---------------------------------------------------------------- adaptive lasso


@pytest.mark.parametrize("gamma", [0.5, 1.0, 2.0])
def test_adaptive_lasso_matches_sklearn_on_rescaled_columns(gamma):
    # reference: Zou's algorithm with scikit-learn's Lasso on X·|w_ols|^gamma
    X, y = make_data(0, noise=1.0)
    lam = 20.0
    w_ols = LinearRegression().fit(X, y).coef_
    scale = np.abs(w_ols) ** gamma
    n = X.shape[0]
    ref = Lasso(alpha=lam / (2 * n), tol=1e-12, max_iter=10**6).fit(X * scale, y)
    fit = nl.adaptive_lasso(X, y, lam, gamma=gamma)
    assert_allclose(fit.coef, ref.coef_ * scale, atol=1e-5)
    assert_allclose(fit.intercept, ref.intercept_, atol=1e-5)


@pytest.mark.parametrize("lam", [5.0, 50.0])
def test_adaptive_lasso_satisfies_weighted_kkt(lam):
    # reference: KKT of SSE + lam Σ v_j|w_j|: 2x_jᵀr = lam v_j sign(w_j) on the support,
    # |2x_jᵀr| <= lam v_j off it (centred data, since the intercept is not penalized)
    X, y = make_data(1, noise=1.0)
    init = nl.ridge(X, y, 1.0).coef
    fit = nl.adaptive_lasso(X, y, lam, init_coef=init)
    v = 1.0 / np.abs(init)
    Xc = X - X.mean(0)
    r = y - y.mean() - Xc @ fit.coef
    g = 2 * Xc.T @ r
    on = fit.coef != 0
    assert_allclose(g[on], lam * v[on] * np.sign(fit.coef[on]), rtol=1e-5, atol=1e-6)
    assert np.all(np.abs(g[~on]) <= lam * v[~on] * (1 + 1e-6))
    assert_allclose(fit.objective, r @ r + lam * np.sum(v * np.abs(fit.coef)), rtol=1e-10)


def test_adaptive_lasso_zero_initial_weight_stays_zero_and_bad_input():
    X, y = make_data(2)
    init = np.array([1.0, 0.0, -1.0, 0.0, 1.0, 1.0])
    fit = nl.adaptive_lasso(X, y, 1.0, init_coef=init)
    assert fit.coef[1] == 0 and fit.coef[3] == 0
    all_zero = nl.adaptive_lasso(X, y, 1.0, init_coef=np.zeros(6))
    assert_array_equal(all_zero.coef, 0.0)
    with pytest.raises(ValueError, match="'init_coef' parameter of adaptive_lasso must be given"):
        nl.adaptive_lasso(np.ones((4, 6)), np.ones(4), 1.0)
    with pytest.raises(ValueError, match="one value per column"):
        nl.adaptive_lasso(X, y, 1.0, init_coef=np.ones(3))
    with pytest.raises(ValueError, match="'gamma' parameter of adaptive_lasso"):
        nl.adaptive_lasso(X, y, 1.0, gamma=0.0)
    X0 = X.copy()
    nl.adaptive_lasso(X, y, 1.0)
    assert_array_equal(X, X0)


# ---------------------------------------------------------------- irrepresentable condition


def design_with_covariance(cov, n=200, seed=0):
    """Centred columns with XᵀX = n·cov exactly (orthonormal columns times a Cholesky factor)."""
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((n, cov.shape[0]))
    A -= A.mean(0)
    Q, _ = np.linalg.qr(A)
    return np.sqrt(n) * Q @ np.linalg.cholesky(cov).T


def test_irrepresentable_zhao_yu_counterexample():
    # closed form: x3 has covariance 2/3 with x1 and x2 (which are uncorrelated), so
    # mu = |(2/3, 2/3) (I)^{-1} (1, 1)| = 4/3 > 1 (Zhao & Yu 2006, Section 2 example)
    cov = np.array([[1, 0, 2 / 3], [0, 1, 2 / 3], [2 / 3, 2 / 3, 1]])
    X = design_with_covariance(cov)
    assert_allclose(nl.irrepresentable_condition(X, [0, 1], [1, 1]), 4 / 3, rtol=1e-10)
    assert_allclose(nl.irrepresentable_condition(X, [0, 1], [1, -1]), 0.0, atol=1e-10)


def test_irrepresentable_against_lstsq_and_orthogonal():
    X, _ = make_data(0, p=6)
    S, s = [0, 2, 4], np.array([1.0, -1.0, 1.0])
    Xc = X - X.mean(0)
    # reference: the formula with explicit inverses
    G = Xc[:, S].T @ Xc[:, S]
    rest = [1, 3, 5]
    expected = np.abs(Xc[:, rest].T @ Xc[:, S] @ np.linalg.inv(G) @ s).max()
    assert_allclose(nl.irrepresentable_condition(X, S, s), expected, rtol=1e-10)
    Q, _ = orthonormal(0)
    assert nl.irrepresentable_condition(Q, [1, 2], [1, 1], fit_intercept=False) < 1e-12


def test_irrepresentable_bad_input():
    X, _ = make_data(0, p=4)
    with pytest.raises(ValueError, match="distinct indices"):
        nl.irrepresentable_condition(X, [0, 0], [1, 1])
    with pytest.raises(ValueError, match="distinct indices"):
        nl.irrepresentable_condition(X, [0, 1, 2, 3], [1, 1, 1, 1])
    with pytest.raises(ValueError, match="distinct indices"):
        nl.irrepresentable_condition(X, [5], [1])
    with pytest.raises(ValueError, match="'signs' parameter"):
        nl.irrepresentable_condition(X, [0, 1], [1, 0.5])
    with pytest.raises(TypeError, match="integer indices"):
        nl.irrepresentable_condition(X, [0.0, 1.0], [1, 1])
    with pytest.raises(ValueError, match="non-empty"):
        nl.irrepresentable_condition(X, [], [])
    X_dup = np.column_stack([X[:, 0], X[:, 0], X[:, 1]])
    with pytest.raises(ValueError, match="full column rank"):
        nl.irrepresentable_condition(X_dup, [0, 1], [1, 1])


# ---------------------------------------------------------------- stability selection


def test_stability_selection_matches_sklearn_on_the_same_subsamples():
    X, y = make_data(0, n=40, noise=2.0)
    lams = np.array([80.0, 20.0, 5.0])
    _, probs = nl.stability_selection(X, y, lams, n_resamples=10, seed=3)
    # reference: the documented subsampling rule, refitted with scikit-learn's Lasso
    rng = np.random.default_rng(3)
    counts = np.zeros((3, 6))
    for _ in range(10):
        rows = rng.choice(40, 20, replace=False)
        for k, lam in enumerate(lams):
            ref = Lasso(alpha=lam / (2 * 20), tol=1e-12, max_iter=10**6).fit(X[rows], y[rows])
            counts[k] += np.abs(ref.coef_) > 1e-8
    assert_allclose(probs, counts / 10)


def test_stability_selection_q_is_the_average_union_size():
    X, y = make_data(0, n=40, noise=2.0)
    lams = np.array([80.0, 20.0, 5.0])
    _, probs, q = nl.stability_selection(X, y, lams, n_resamples=10, seed=3, return_q=True)
    # reference: the same subsamples refitted with scikit-learn, union over the grid
    rng = np.random.default_rng(3)
    sizes = []
    for _ in range(10):
        rows = rng.choice(40, 20, replace=False)
        union = set()
        for lam in lams:
            ref = Lasso(alpha=lam / (2 * 20), tol=1e-12, max_iter=10**6).fit(X[rows], y[rows])
            union |= set(np.flatnonzero(np.abs(ref.coef_) > 1e-8))
        sizes.append(len(union))
    assert q == pytest.approx(np.mean(sizes))
    assert q >= probs.sum(axis=1).max() - 1e-12  # a union is at least as large as each part
    _, probs_one, q_one = nl.stability_selection(X, y, [20.0], n_resamples=10, seed=3,
                                                  return_q=True)
    assert q_one == pytest.approx(probs_one.sum())  # one λ: the union is the selection


def test_stability_selection_full_sample_is_the_lasso_support():
    X, y = make_data(1)
    lams = np.array([50.0, 10.0])
    _, probs = nl.stability_selection(X, y, lams, n_resamples=3, sample_fraction=1.0)
    _, coefs = nl.lasso_path(X, y, lams=lams)
    assert_array_equal(probs, (coefs != 0).astype(float))


@given(st.integers(1, 8), st.integers(0, 1000))
def test_stability_selection_probabilities_are_fractions(B, seed):
    X, y = make_data(2, n=20, p=4)
    lams_in = np.array([30.0, 3.0])
    lams, probs = nl.stability_selection(X, y, lams_in, n_resamples=B, seed=seed)
    assert probs.shape == (2, 4)
    assert np.all((probs >= 0) & (probs <= 1))
    assert_allclose(probs * B, np.round(probs * B), atol=1e-12)
    assert_array_equal(lams, lams_in)


def test_stability_selection_bad_input():
    X, y = make_data(0)
    with pytest.raises(ValueError, match="'sample_fraction' parameter"):
        nl.stability_selection(X, y, [1.0], sample_fraction=0.0)
    with pytest.raises(ValueError, match="at least 2 rows"):
        nl.stability_selection(X, y, [1.0], sample_fraction=0.01)
    with pytest.raises(ValueError, match="'n_resamples' parameter"):
        nl.stability_selection(X, y, [1.0], n_resamples=0)
    with pytest.raises(ValueError, match="'lams' parameter of stability_selection"):
        nl.stability_selection(X, y, [-1.0])
    with pytest.raises(TypeError, match="'seed' parameter"):
        nl.stability_selection(X, y, [1.0], seed=0.5)


def test_stability_error_bound():
    # reference: Meinshausen & Bühlmann (2010), Theorem 1, q²/((2π − 1)p) by hand
    assert nl.stability_error_bound(5, 100, 0.75) == pytest.approx(0.5)
    assert nl.stability_error_bound(10, 1000, 0.9) == pytest.approx(100 / (0.8 * 1000))
    with pytest.raises(ValueError, match="'threshold' parameter"):
        nl.stability_error_bound(5, 100, 0.5)
    with pytest.raises(ValueError, match="'q' parameter"):
        nl.stability_error_bound(101, 100, 0.9)


# ------------------------------------------- issue 12's input habits (booleans, Fractions, scale)


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
@pytest.mark.parametrize(
    "call",
    [
        lambda X, y, b: nl.best_subset(X, y, 2, fit_intercept=b),
        lambda X, y, b: nl.forward_stepwise(X, y, 2, fit_intercept=b),
        lambda X, y, b: nl.relaxed_lasso(X, y, 5.0, fit_intercept=b),
        lambda X, y, b: nl.adaptive_lasso(X, y, 5.0, fit_intercept=b),
        lambda X, y, b: nl.irrepresentable_condition(X, [0], [1], fit_intercept=b),
        lambda X, y, b: nl.stability_selection(X, y, [5.0], n_resamples=2, fit_intercept=b),
    ],
)
def test_fit_intercept_must_be_a_bool(call, bad):
    X, y = make_data(0)
    with pytest.raises(TypeError, match=r"'fit_intercept' parameter of .* must be a bool"):
        call(X, y, bad)


@pytest.mark.parametrize("bad", ["no", np.array([True, False])])
def test_return_q_must_be_a_bool(bad):
    X, y = make_data(0)
    with pytest.raises(TypeError, match="'return_q' parameter of stability_selection must be"):
        nl.stability_selection(X, y, [5.0], n_resamples=2, return_q=bad)


def test_fractions_are_accepted_as_scalars():
    from fractions import Fraction

    X, y = make_data(0)
    assert_array_equal(nl.mcp_penalty([1.0, 5.0], Fraction(1), Fraction(3)),
                       nl.mcp_penalty([1.0, 5.0], 1.0, 3.0))
    assert_array_equal(nl.mcp_threshold([1.0, 5.0], Fraction(1), Fraction(3)),
                       nl.mcp_threshold([1.0, 5.0], 1.0, 3.0))
    assert_array_equal(
        nl.relaxed_lasso(X, y, Fraction(20), phi=Fraction(1, 2)).coef,
        nl.relaxed_lasso(X, y, 20.0, phi=0.5).coef,
    )
    assert_array_equal(nl.adaptive_lasso(X, y, Fraction(20), gamma=Fraction(2)).coef,
                       nl.adaptive_lasso(X, y, 20.0, gamma=2.0).coef)
    assert_array_equal(
        nl.stability_selection(X, y, [20.0], n_resamples=3, sample_fraction=Fraction(1, 2))[1],
        nl.stability_selection(X, y, [20.0], n_resamples=3, sample_fraction=0.5)[1],
    )
    assert nl.stability_error_bound(Fraction(2), 6, Fraction(3, 4)) == nl.stability_error_bound(
        2.0, 6, 0.75
    )


def test_mcp_penalty_and_threshold_at_huge_values():
    # beyond the knot gamma lam / 2 the penalty is the constant gamma lam^2 / 4 (Zhang 2010);
    # lam a - a^2 / gamma used to overflow in a^2 (a warning, or inf - inf = NaN)
    assert nl.mcp_penalty([1e200], lam=1e150, gamma=3.0) == pytest.approx(3.0 / 4.0 * 1e300)
    assert nl.mcp_penalty([1e300], lam=1e300, gamma=3.0) == np.inf  # 3/4 1e600: beyond
    assert nl.mcp_penalty([1e160], lam=1e300, gamma=3.0) == pytest.approx(
        1e160 * (1e300 - 1e160 / 3.0), rel=1e-12
    )
    z = np.array([0.4, 1.0, 4.0], dtype=np.float32)
    assert nl.mcp_threshold(z, 1.0).dtype == np.float32  # float32 in, float32 out
    assert_allclose(nl.mcp_threshold(z, 1.0), [0.0, 0.75, 4.0], rtol=1e-6)  # the doctest


def test_irrepresentable_condition_ignores_the_scale_of_X():
    X, _ = make_data(0)
    base = nl.irrepresentable_condition(X, [0, 2], [1, -1])
    for scale in (1e-300, 1e300, 1.7e308 / np.abs(X).max()):
        assert nl.irrepresentable_condition(scale * X, [0, 2], [1, -1]) == pytest.approx(
            base, rel=1e-9
        )


def test_relaxed_and_adaptive_lasso_with_no_feature_left_at_1e300():
    # nothing selected: the fit is the intercept alone, y's mean, with cost 0 for a
    # constant y (was: an overflow in r @ r of the unscaled y)
    X, _ = make_data(0)
    y = np.full(X.shape[0], 1e300)
    fit = nl.relaxed_lasso(X, y, 1.0)
    assert not fit.coef.any() and fit.intercept == pytest.approx(1e300) and fit.objective == 0
    fit = nl.adaptive_lasso(X, y, 1.0, init_coef=np.zeros(X.shape[1]))
    assert not fit.coef.any() and fit.intercept == pytest.approx(1e300) and fit.objective == 0
