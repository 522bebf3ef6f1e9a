"""How fast is ``normalize(X, "l2")`` next to ``sklearn.preprocessing.normalize``?

Target (issue 5): ``normalize(X, "l2")``, overflow-safe, ≤ 0.8 × scikit-learn's
on a 10 000 × 1 000 float64 matrix (80 MB) with some zero rows.

Both read X and write a new array of the same size, so the floor is one read
and one write of 80 MB. scikit-learn makes a copy of X, computes the row norms
with ``einsum`` (a second read), and divides the copy in place (a third pass);
normlib works in cache-sized blocks of rows (norms, then division while the
block is still in cache). The information rows compare with the floor itself,
``X.copy()``: allocate a new 80 MB array (the kernel maps its pages on first
write) and read and write every number once, with no arithmetic.

Run: ``python benchmarks/bench_normalize.py`` (``--quick`` for a smoke test).
"""

import numpy as np
from _harness import Bench
from sklearn.preprocessing import normalize as sk_normalize

import normlib as nl


def make_data(n_rows, n_cols, seed=0):
    """Standard normal rows; every 100th row is zero (they must stay zero)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_rows, n_cols))
    X[::100] = 0.0
    return X


def main():
    bench = Bench("normalize(X, 'l2') vs sklearn.preprocessing.normalize")
    n_rows, n_cols = (200, 50) if bench.quick else (10_000, 1_000)
    X = make_data(n_rows, n_cols)
    data = f"{n_rows} × {n_cols}, 1% zero rows"

    bench.row("normalize(X, 'l2') vs sklearn normalize", data,
              lambda: nl.normalize(X, "l2"), lambda: sk_normalize(X, "l2"), target=0.8)
    bench.row("normalize(X, 'l1') vs sklearn normalize", data,
              lambda: nl.normalize(X, "l1"), lambda: sk_normalize(X, "l1"))
    bench.row("normalize(X, 'l2') vs X.copy() (floor)", data,
              lambda: nl.normalize(X, "l2"), X.copy)
    bench.row("sklearn normalize vs X.copy() (floor)", data,
              lambda: sk_normalize(X, "l2"), X.copy)

    # The same numbers, so the times compare the same work.
    ours, theirs = nl.normalize(X, "l2"), sk_normalize(X, "l2")
    diff = float(np.abs(ours - theirs).max())
    bench.check("normalize == sklearn normalize to 1e-15", diff <= 1e-15, f"max diff {diff:.1e}")
    bench.check("zero rows stay zero", not ours[::100].any())
    # What the speed is not allowed to cost: rows of 1e200 overflow in scikit-learn.
    big = np.full((2, 3), 1e200)
    with np.errstate(over="ignore"):
        theirs_big = sk_normalize(big)
    bench.check(
        "normalize(rows of 1e200) has unit rows (scikit-learn gives zeros)",
        np.allclose(nl.l2_norm(nl.normalize(big), axis=1), 1.0, rtol=1e-15, atol=0),
        f"scikit-learn row norms: {np.linalg.norm(theirs_big, axis=1)}",
    )
    bench.finish()


if __name__ == "__main__":
    main()
