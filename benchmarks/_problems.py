"""The regression problems of the lasso, path and ridge benchmarks, and an independent gap.

Two problems, as issue 5 names them:

* ``diabetes``: scikit-learn's diabetes data, 442 samples × 10 features
  (n > p: scikit-learn's solvers can work on the 10 × 10 Gram matrix);
* ``wide``: ``make_regression(500, 2000, n_informative=20, noise=1,
  random_state=0)``, p > n with 20 true features: the case working sets
  are made for.

``--quick`` shrinks the wide problem to 100 × 300 (diabetes is small already).
"""

import numpy as np
from sklearn.datasets import load_diabetes, make_regression

# scikit-learn's alpha for each problem (the book's λ = 2 · n_samples · alpha),
# chosen so that the lasso keeps a handful of features: on diabetes 7 of 10, on
# the wide data exactly the 20 informative ones (measured: alpha from 0.25 to 10
# keeps 20, alpha = 0.15 keeps 24, alpha = 0.1 keeps 61).
LASSO_ALPHA = {"diabetes": 0.1, "wide": 1.0}


def problems(quick):
    """``{name: (X, y)}`` for the benchmarks."""
    X_d, y_d = load_diabetes(return_X_y=True)
    if quick:
        X_w, y_w = make_regression(100, 300, n_informative=10, noise=1, random_state=0)
    else:
        X_w, y_w = make_regression(500, 2000, n_informative=20, noise=1, random_state=0)
    return {"diabetes": (X_d, y_d), "wide": (X_w, y_w)}


def describe(X):
    return f"{X.shape[0]} × {X.shape[1]}"


def lasso_relative_gap(X, y, coef, lam):
    r"""Duality gap of the book's lasso cost at ``coef``, relative to :math:`\|y_c\|^2`.

    Computed here from the formula, independently of both libraries, on the
    centred data: with :math:`r = y_c - X_c w`, the dual point
    :math:`\theta = s r`, :math:`s = \min(1, \lambda / \|2X_c^\top r\|_\infty)`,

    .. math::

        \frac{\|r\|^2 + \lambda\|w\|_1 - (2s\,y_c^\top r - s^2\|r\|^2)}{\|y_c\|^2}.

    The denominator is the cost of :math:`w = 0`, so this number is the same
    whichever scaling of the cost one uses (scikit-learn's is ours / 2n).
    """
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    r = yc - Xc @ coef
    g_max = float(np.abs(2.0 * Xc.T @ r).max())
    s = min(1.0, lam / g_max) if g_max > 0 else 1.0
    primal = float(r @ r) + lam * float(np.abs(coef).sum())
    dual = 2.0 * s * float(yc @ r) - s * s * float(r @ r)
    return (primal - dual) / float(yc @ yc)


def coef_agreement(coef, reference):
    """``max |coef - reference| / max |reference|`` (0 when both are all zeros)."""
    scale = float(np.abs(reference).max())
    diff = float(np.abs(np.asarray(coef) - reference).max())
    return diff / scale if scale > 0 else diff
