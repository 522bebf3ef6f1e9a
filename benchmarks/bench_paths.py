"""How fast are ``lasso_path`` and ``cross_validate`` next to scikit-learn's path and CV?

Compared: ``lasso_path`` with ``sklearn.linear_model.lasso_path`` and
``cross_validate`` with ``LassoCV``. Targets (issue 5):

* ``lasso_path``, 100 λ, warm starts: ≤ 1 × ``sklearn.linear_model.lasso_path``
  on the wide data, ≤ 6 × on diabetes;
* ``cross_validate(..., k=5)``: ≤ 1 × ``LassoCV(cv=5)`` on the wide data
  (diabetes: information only).

Same work on both sides:

* the grid is normlib's default, 100 λ from ``lambda_max`` down to
  ``1e-3 · lambda_max``, mapped to scikit-learn's ``alphas = lams / (2n)``;
* the same accuracy as ``bench_lasso.py``: normlib ``tol=1e-8`` (relative gap),
  scikit-learn ``tol=1e-8`` (a relative gap of up to 2e-8, see there);
* ``sklearn.linear_model.lasso_path`` fits no intercept, so its timed call
  centres X and y first, as normlib does inside;
* ``LassoCV`` gets normlib's folds (``CVResult.folds``) as its ``cv`` splits.
  Each training set has n_train samples and normlib's λ weighs a *sum* of
  squared errors, so λ maps to ``alpha = λ / (2 n_train)``. With 442 samples the
  training sets have 353 or 354 samples, so one alpha grid matches the λ grid
  exactly only on the folds of the size used for the mapping (the check below
  compares those). ``LassoCV`` also refits the best alpha on all the data
  after the cross-validation: one more fit, included in its time.

Run: ``python benchmarks/bench_paths.py`` (``--quick`` for a smoke test).
"""

import numpy as np
from _harness import Bench
from _problems import describe, problems
from sklearn.linear_model import LassoCV, lasso_path

import normlib as nl

TOL = 1e-8
MAX_ITER = 100_000  # scikit-learn's default 1000 epochs is not enough at tol=1e-8
K = 5
PATH_TARGETS = {"diabetes": 6.0, "wide": 1.0}
CV_TARGETS = {"diabetes": None, "wide": 1.0}


def sk_path(X, y, alphas):
    """scikit-learn's lasso path on centred data (it fits no intercept itself)."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    return lasso_path(Xc, yc, alphas=alphas, tol=TOL, max_iter=MAX_ITER)


def cv_splits(folds, n):
    """normlib's test folds as scikit-learn (train, test) index pairs."""
    splits = []
    for test in folds:
        train = np.setdiff1d(np.arange(n), test)
        splits.append((train, test))
    return splits


def main():
    bench = Bench("lasso_path and cross_validate vs sklearn lasso_path and LassoCV")
    n_lams = 10 if bench.quick else 100
    bench.note(f"{n_lams} λ from lambda_max to 1e-3·lambda_max; tol={TOL:g} on both sides")
    results = {}
    for name, (X, y) in problems(bench.quick).items():
        n = X.shape[0]
        lams, _ = nl.lasso_path(X, y, n_lams=n_lams, tol=TOL)
        alphas = lams / (2 * n)
        bench.row(
            f"lasso_path {n_lams} λ vs lasso_path", f"{name} {describe(X)}",
            lambda X=X, y=y: nl.lasso_path(X, y, n_lams=n_lams, tol=TOL),
            lambda X=X, y=y, alphas=alphas: sk_path(X, y, alphas),
            target=PATH_TARGETS[name],
        )
        cv = nl.cross_validate(X, y, lams, k=K, tol=TOL)
        splits = cv_splits(cv.folds, n)
        n_train = max(train.size for train, _ in splits)
        cv_alphas = lams / (2 * n_train)
        model = LassoCV(alphas=cv_alphas, cv=splits, tol=TOL, max_iter=MAX_ITER)
        bench.row(
            f"cross_validate k={K} vs LassoCV(cv={K})", f"{name} {describe(X)}",
            lambda X=X, y=y, lams=lams: nl.cross_validate(X, y, lams, k=K, tol=TOL),
            lambda X=X, y=y, model=model: model.fit(X, y),
            target=CV_TARGETS[name],
        )
        results[name] = (X, y, alphas, cv, splits, n_train, model)

    for name, (X, y, alphas, cv, splits, n_train, model) in results.items():
        _, coefs = nl.lasso_path(X, y, n_lams=n_lams, tol=TOL)
        _, sk_coefs, _ = sk_path(X, y, alphas)
        scale = float(np.abs(sk_coefs).max())
        agreement = float(np.abs(coefs - sk_coefs.T).max()) / scale
        bench.check(
            f"{name}: lasso_path coefs agree with sklearn to 1e-5·max|w|",
            agreement <= 1e-5, f"max|Δw|/max|w| = {agreement:.1e}",
        )
        model.fit(X, y)
        same_size = [f for f, (train, _) in enumerate(splits) if train.size == n_train]
        errors = model.mse_path_.T[same_size]  # (folds, alphas), alphas in our order
        diff = float(np.abs(cv.fold_errors[same_size] - errors).max() / errors.max())
        bench.check(
            f"{name}: CV fold errors agree with LassoCV.mse_path_ to 1e-6 "
            f"(the {len(same_size)} folds with {n_train} training samples)",
            diff <= 1e-6, f"max rel. diff {diff:.1e}",
        )
        best_alpha = cv.best_lam / (2 * n_train)
        bench.note(
            f"{name}: best λ {cv.best_lam:.4g} (alpha {best_alpha:.4g}); "
            f"LassoCV alpha_ {model.alpha_:.4g}"
        )
    bench.finish()


if __name__ == "__main__":
    main()
