r"""How fast is ``nl.ridge`` next to scikit-learn's ``Ridge``?

Target (issue 5): ``ridge`` ≤ 1 × ``Ridge`` on 442 × 10 (diabetes), 500 × 2000
(p > n: the dual, kernel form) and 20 000 × 500 (n ≫ p: the primal form).

Both minimize the same cost up to a factor: normlib :math:`\|y - Xw\|^2 +
\tfrac12\lambda\|w\|^2`, scikit-learn :math:`\|y - Xw\|^2 + \alpha\|w\|^2`,
so ``alpha = λ / 2``; we use ``alpha = 1`` (λ = 2). Both centre X and y for
the intercept, then solve one linear system: normlib
:math:`(X^\top X + \tfrac{\lambda}{2}I)w = X^\top y` when n ≥ p, else
:math:`w = X^\top(XX^\top + \tfrac{\lambda}{2}I)^{-1}y`; scikit-learn's
``solver="auto"`` picks "cholesky", which makes the same primal/dual choice.

Run: ``python benchmarks/bench_ridge.py`` (``--quick`` for a smoke test).
"""

from _harness import Bench
from _problems import coef_agreement, describe, problems
from sklearn.datasets import make_regression
from sklearn.linear_model import Ridge

import normlib as nl

ALPHA = 1.0
LAM = 2 * ALPHA  # Ridge(alpha=lam / 2)


def main():
    bench = Bench("ridge vs sklearn Ridge (alpha = λ/2)")
    bench.note(f"λ = {LAM:g}, Ridge(alpha={ALPHA:g})")
    data = problems(bench.quick)
    tall = (2_000, 50) if bench.quick else (20_000, 500)
    data["tall"] = make_regression(*tall, n_informative=50, noise=1, random_state=0)
    model = Ridge(alpha=ALPHA)
    for name, (X, y) in data.items():
        bench.row(
            "ridge vs Ridge", f"{name} {describe(X)}",
            lambda X=X, y=y: nl.ridge(X, y, LAM), lambda X=X, y=y: model.fit(X, y),
            target=1.0,
        )
    for name, (X, y) in data.items():
        fit, reference = nl.ridge(X, y, LAM), Ridge(alpha=ALPHA).fit(X, y)
        agreement = coef_agreement(fit.coef, reference.coef_)
        intercept = abs(fit.intercept - reference.intercept_)
        bench.check(
            f"{name}: coef agrees with Ridge to 1e-9·max|w|, intercept to 1e-9·(1 + |b|)",
            agreement <= 1e-9 and intercept <= 1e-9 * (1 + abs(reference.intercept_)),
            f"max|Δw|/max|w| = {agreement:.1e}, |Δb| = {intercept:.1e}",
        )
    bench.finish()


if __name__ == "__main__":
    main()
