"""How much memory do normlib's scalers and solvers take next to scikit-learn's?

Targets (issue 12): the peak extra memory of ``min_max_scale``,
``standardize``, ``normalize``, ``lasso`` and ``elastic_net`` at most 1.5 ×
scikit-learn's (``MinMaxScaler``, ``StandardScaler``, ``normalize``,
``Lasso``, ``ElasticNet``) on the same 64 MB matrix, in the same process.
Issue 12 measured 5.0 × (min-max), 4.0 × (z-scores) and 3.25 × (the solvers)
on a 61 MB matrix.

How it is measured: :mod:`tracemalloc` (numpy reports its array buffers to
it), the peak of what one call allocates on top of what was allocated before
it, result included, after one warm-up call (:meth:`_harness.Bench.peak_memory`).
The floor of a scaler is one array of the size of X: its result. A solver
that centres X makes one centred copy (both libraries do; scikit-learn's
``Lasso`` also keeps X in Fortran order, which for a C-ordered X is a copy).

Run: ``python benchmarks/bench_memory.py`` (``--quick`` for a smoke test).
"""

import numpy as np
from _harness import Bench, format_bytes
from sklearn.linear_model import ElasticNet, Lasso
from sklearn.preprocessing import MinMaxScaler, StandardScaler
from sklearn.preprocessing import normalize as sk_normalize

import normlib as nl

TARGET = 1.5
TOL = 1e-8


def make_data(n, p, seed=0):
    """Standard normal features with offsets and a sparse linear target."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) + rng.uniform(-3, 3, p)
    y = X[:, :5] @ np.arange(1.0, 6.0) + rng.standard_normal(n)
    return X, y


def main():
    bench = Bench("peak memory of scalers and solvers vs scikit-learn (tracemalloc)")
    n, p = (400, 50) if bench.quick else (20_000, 400)
    X, y = make_data(n, p)
    data = f"{n} × {p} ({format_bytes(X.nbytes)})"
    lam = 0.05 * nl.lambda_max(X, y)
    alpha = nl.to_sklearn_alpha(lam, n, "l1")
    bench.note(f"X: {data}; lasso and elastic net at λ = 0.05·λ_max (alpha = {alpha:.4g}), "
               f"tol = {TOL:g}, elastic net l1_ratio = 0.5")

    bench.memory_row("min_max_scale vs MinMaxScaler", data,
                     lambda: nl.min_max_scale(X), lambda: MinMaxScaler().fit_transform(X),
                     target=TARGET)
    bench.memory_row("standardize vs StandardScaler", data,
                     lambda: nl.standardize(X), lambda: StandardScaler().fit_transform(X),
                     target=TARGET)
    bench.memory_row("normalize vs sklearn normalize", data,
                     lambda: nl.normalize(X), lambda: sk_normalize(X), target=TARGET)
    bench.memory_row("lasso vs Lasso", data,
                     lambda: nl.lasso(X, y, lam, tol=TOL),
                     lambda: Lasso(alpha=alpha, tol=TOL).fit(X, y), target=TARGET)
    bench.memory_row("elastic_net vs ElasticNet", data,
                     lambda: nl.elastic_net(X, y, lam, 0.5, tol=TOL),
                     lambda: ElasticNet(alpha=alpha, l1_ratio=0.5, tol=TOL).fit(X, y),
                     target=TARGET)
    bench.memory_row("min_max_scale vs X.copy() (floor)", data,
                     lambda: nl.min_max_scale(X), X.copy)

    # The same numbers, so the memory compares the same work.
    checks = {
        "min_max_scale": (nl.min_max_scale(X), MinMaxScaler().fit_transform(X)),
        "standardize": (nl.standardize(X), StandardScaler().fit_transform(X)),
        "normalize": (nl.normalize(X), sk_normalize(X)),
    }
    for name, (ours, theirs) in checks.items():
        diff = float(np.abs(ours - theirs).max())
        bench.check(f"{name} == scikit-learn to 1e-12", diff <= 1e-12, f"max diff {diff:.1e}")
    fit = nl.lasso(X, y, lam, tol=TOL)
    ref = Lasso(alpha=alpha, tol=TOL).fit(X, y)
    agreement = float(np.abs(fit.coef - ref.coef_).max() / np.abs(ref.coef_).max())
    bench.check("lasso coef agrees with Lasso to 1e-5·max|w|", agreement <= 1e-5,
                f"{agreement:.1e}")
    bench.finish()


if __name__ == "__main__":
    main()
