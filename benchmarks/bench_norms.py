"""How fast are normlib's vector norms? ``l2_norm`` and ``l1_norm`` on 10⁷ numbers.

Targets (issue 5), ratios of medians:

* ``l2_norm`` (overflow/underflow-safe) ≤ 1.2 × ``x.sum()``
* ``l1_norm`` ≤ 1.5 × ``x.sum()``

``x.sum()`` stands for the physical floor: a norm of 10⁷ float64 must read
80 MB once, and a plain sum does nothing more than that read (numpy's pairwise
summation is vectorized, so it runs at memory bandwidth). The other rows are
information: ``np.linalg.norm`` (``sqrt(x @ x)``, fast but unsafe: it gives
``inf`` for ``[1e200] * 10``), SciPy's BLAS ``dnrm2`` (scaled, safe), BLAS
``dasum`` (one pass) and ``np.linalg.norm(x, 1)`` (builds ``abs(x)`` first).

Run: ``python benchmarks/bench_norms.py`` (``--quick`` for a smoke test).
"""

import numpy as np
from _harness import Bench
from scipy.linalg.blas import dasum, dnrm2

import normlib as nl


def main():
    bench = Bench("norms: l2_norm, l1_norm vs x.sum(), np.linalg.norm, BLAS dnrm2/dasum")
    n = 10_000 if bench.quick else 10_000_000
    rng = np.random.default_rng(0)
    x = rng.standard_normal(n)
    data = f"1-D, n = {n:.0e}".replace("e+0", "e").replace("1e", "10^")

    bench.row("l2_norm vs x.sum()", data, lambda: nl.l2_norm(x), x.sum, target=1.2)
    bench.row("l2_norm vs np.linalg.norm", data, lambda: nl.l2_norm(x),
              lambda: np.linalg.norm(x))
    bench.row("l2_norm vs BLAS dnrm2", data, lambda: nl.l2_norm(x), lambda: dnrm2(x))
    bench.row("np.linalg.norm vs x.sum()", data, lambda: np.linalg.norm(x), x.sum)
    bench.row("l1_norm vs x.sum()", data, lambda: nl.l1_norm(x), x.sum, target=1.5)
    bench.row("l1_norm vs np.linalg.norm(x, 1)", data, lambda: nl.l1_norm(x),
              lambda: np.linalg.norm(x, 1))
    bench.row("l1_norm vs BLAS dasum", data, lambda: nl.l1_norm(x), lambda: dasum(x))
    bench.row("np.linalg.norm(x, 1) vs x.sum()", data, lambda: np.linalg.norm(x, 1), x.sum)

    # The same numbers, so the times compare the same work.
    rel_l2 = abs(nl.l2_norm(x) - np.linalg.norm(x)) / np.linalg.norm(x)
    rel_l1 = abs(nl.l1_norm(x) - np.abs(x).sum()) / np.abs(x).sum()
    bench.check("l2_norm(x) == np.linalg.norm(x) to 1e-12", rel_l2 <= 1e-12,
                f"rel. diff {rel_l2:.1e}")
    bench.check("l1_norm(x) == abs(x).sum() to 1e-12", rel_l1 <= 1e-12,
                f"rel. diff {rel_l1:.1e}")
    # ... and what the speed is not allowed to cost: safety at the extremes.
    with np.errstate(over="ignore", under="ignore"):
        big, tiny = np.linalg.norm([1e200] * 10), np.linalg.norm([1e-200] * 10)
    expected_big, expected_tiny = np.sqrt(10) * 1e200, np.sqrt(10) * 1e-200
    bench.check(
        "l2_norm([1e200]*10) == sqrt(10)*1e200 (np.linalg.norm gives inf)",
        np.isclose(nl.l2_norm([1e200] * 10), expected_big, rtol=1e-15, atol=0),
        f"np.linalg.norm: {big}",
    )
    bench.check(
        "l2_norm([1e-200]*10) == sqrt(10)*1e-200 (np.linalg.norm gives 0.0)",
        np.isclose(nl.l2_norm([1e-200] * 10), expected_tiny, rtol=1e-15, atol=0),
        f"np.linalg.norm: {tiny}",
    )
    bench.finish()


if __name__ == "__main__":
    main()
