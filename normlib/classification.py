r"""Penalized logistic regression: the book's L1 and L2 penalties on a classifier.

Used by the chapter *L1 and L2 beyond least squares*. The loss changes from the
sum of squared errors to the sum of **log-losses** (the negative log-likelihood
of a Bernoulli model); the penalties and their scaling stay the book's:

.. math::

    \text{L1: } \sum_{i=1}^n \ell(y_i, x_i^\top w + b) + \lambda\|w\|_1, \qquad
    \text{L2: } \sum_{i=1}^n \ell(y_i, x_i^\top w + b) + \tfrac12\lambda\|w\|_2^2,

    \ell(y, z) = \log\bigl(1 + e^{z}\bigr) - y z
              = -y\log\sigma(z) - (1 - y)\log\bigl(1 - \sigma(z)\bigr),
    \qquad y \in \{0, 1\},\ \sigma(z) = \frac{1}{1 + e^{-z}} .

The intercept :math:`b` is never penalized. scikit-learn's
``LogisticRegression`` minimizes :math:`C\sum_i \ell_i + \|w\|_1` (or
:math:`+ \tfrac12\|w\|_2^2`); dividing the book's cost by :math:`\lambda` gives
the same minimizer with :math:`C = 1/\lambda` for both penalties
(:func:`to_sklearn_C`). Unlike ``alpha`` for the lasso, ``C`` does not depend
on the number of samples, because neither cost divides the loss by :math:`n`.
"""

import warnings
from dataclasses import dataclass

import numpy as np

from ._validation import check_array, check_bool, check_option, check_scalar, check_X_y
from .models import (
    HUGE_PENALTY,
    ConvergenceWarning,
    _divide_by_power_of_two,
    _exponent,
    _kkt_violation,
    _max_abs,
)
from .penalties import _soft_threshold

__all__ = ["LogisticFit", "logistic_lambda_max", "logistic_regression", "to_sklearn_C"]

PENALTIES = ("l1", "l2")
MAX_INNER_EPOCHS = 200  # coordinate-descent epochs per Newton step (L1)
INNER_TOL_FACTOR = 0.1  # inner solves stop at this fraction of the outer KKT violation


@dataclass(frozen=True, repr=False, eq=False)
class LogisticFit:
    r"""The result of :func:`logistic_regression`, a binary classifier.

    Attributes
    ----------
    coef : ndarray of shape (n_features,)
        The coefficients :math:`w`.
    intercept : float
        The (unpenalized) intercept :math:`b`; 0.0 when ``fit_intercept=False``.
    classes : ndarray of shape (2,)
        The two labels, sorted; ``classes[1]`` is the class whose probability
        :math:`\sigma(x^\top w + b)` the model gives (scikit-learn's convention).
    n_iter : int
        Newton steps performed.
    converged : bool
        Whether the optimality (KKT) violation reached the tolerance.
    objective : float
        The cost at ``coef``: sum of log-losses plus the penalty.
    kkt : float
        The largest violation of the optimality conditions at ``coef``
        (0 at the exact solution; see :func:`logistic_regression`).
    objective_history : ndarray of shape (n_iter,)
        The cost after each Newton step.

    Examples
    --------
    >>> import normlib as nl
    >>> fit = nl.logistic_regression([[-2.0], [-1.0], [1.0], [2.0]], [0, 1, 0, 1], lam=1.0,
    ...                              penalty="l2")
    >>> fit.predict([[-3.0], [3.0]])
    array([0., 1.])
    """

    coef: np.ndarray
    intercept: float
    classes: np.ndarray
    n_iter: int
    converged: bool
    objective: float
    kkt: float
    objective_history: np.ndarray

    def __repr__(self):
        return (
            f"LogisticFit(n_features={self.coef.size}, "
            f"nonzeros={np.count_nonzero(self.coef)}, n_iter={self.n_iter}, "
            f"converged={self.converged}, objective={self.objective:.3e})"
        )

    def _X(self, X, func):
        X = check_array(X, "X", func, ndim=2)
        if X.shape[1] != self.coef.size:
            raise ValueError(
                f"The 'X' parameter of {func} must have {self.coef.size} columns (the "
                f"number of coefficients); got {X.shape[1]}."
            )
        return X

    def decision_function(self, X):
        r"""The scores :math:`z = Xw + b` (log-odds of ``classes[1]``)."""
        return self._X(X, "LogisticFit.decision_function") @ self.coef + self.intercept

    def predict_proba(self, X):
        r"""The probabilities :math:`\sigma(Xw + b)` of ``classes[1]``, shape (n_samples,)."""
        z = self._X(X, "LogisticFit.predict_proba") @ self.coef + self.intercept
        return _sigmoid(z)

    def predict(self, X):
        """The predicted labels: ``classes[1]`` where the score is positive, else ``classes[0]``."""
        z = self._X(X, "LogisticFit.predict") @ self.coef + self.intercept
        return np.where(z > 0, self.classes[1], self.classes[0])


def _sigmoid(z):
    """The logistic function, computed without overflow for large |z|."""
    return np.exp(-np.logaddexp(0.0, -z))


def _labels(y, func):
    """The sorted two classes of ``y`` and ``y`` as 0/1 floats."""
    classes = np.unique(y)
    if classes.size != 2:
        raise ValueError(
            f"The 'y' parameter of {func} must contain exactly two classes; "
            f"got {classes.size} ({classes[:5].tolist()}{'...' if classes.size > 5 else ''})."
        )
    return classes, (y == classes[1]).astype(np.float64)


def _objective(X, y01, w, b, l1, l2):
    z = X @ w + b
    loss = float(np.sum(np.logaddexp(0.0, z) - y01 * z))
    return loss + l1 * float(np.abs(w).sum()) + 0.5 * l2 * float(w @ w)


def logistic_regression(
    X, y, lam, *, penalty="l1", fit_intercept=True, tol=1e-8, max_iter=100
):
    r"""Logistic regression with the book's L1 or L2 penalty.

    .. math::

        (\hat w, \hat b) = \operatorname*{arg\,min}_{w, b}\;
            \sum_{i=1}^n \Bigl[\log\bigl(1 + e^{z_i}\bigr) - y_i z_i\Bigr]
            + \begin{cases} \lambda\|w\|_1 & \texttt{penalty="l1"}\\
                            \tfrac12\lambda\|w\|_2^2 & \texttt{penalty="l2"}
              \end{cases},
        \qquad z_i = x_i^\top w + b,

    with :math:`y_i \in \{0, 1\}` (``1`` for ``classes[1]``). The cost is
    convex; with ``"l2"`` and :math:`\lambda > 0` strictly convex.

    Solver: **proximal Newton** (the method of glmnet and of Lee, Sun and
    Saunders 2014). At :math:`(w, b)` the log-loss is replaced by its
    second-order Taylor model, with gradient :math:`X^\top(p - y)` and Hessian
    :math:`X^\top D X`, :math:`p = \sigma(z)`, :math:`D = \mathrm{diag}(p(1-p))`
    (the weights of iteratively reweighted least squares). For ``"l2"`` the
    model plus penalty is minimized by one linear solve (Newton's method); for
    ``"l1"`` by coordinate descent, each update a soft thresholding as in
    :func:`normlib.lasso`. A backtracking line search on the true cost makes
    every step decrease it.

    Stopping rule: the optimality (KKT) conditions. With :math:`g = -\nabla`
    of the smooth part, they are :math:`g_j = \lambda\,\mathrm{sign}(w_j)` for
    :math:`w_j \ne 0`, :math:`|g_j| \le \lambda` for :math:`w_j = 0` (L1),
    :math:`g = 0` (L2) and :math:`\sum_i (p_i - y_i) = 0` (intercept). The
    solver stops when the largest violation is at most ``tol`` times
    :math:`\|X^\top(y - \bar y)\|_\infty` (the gradient's size at the start,
    :func:`logistic_lambda_max`). Both are measured for :math:`X / 2^e`, the
    design divided by the power of two that puts its largest entry in
    :math:`[1, 2)`, so the fit is **scale-equivariant** in ``X``:
    ``logistic_regression(s*X, y, s*lam).coef == logistic_regression(X, y, lam).coef / s``
    for ``"l1"`` (``s**2 * lam`` for ``"l2"``), from 1e-150 to 1e150; the labels
    ``y`` carry no scale.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Labels: numbers taking exactly two distinct values (e.g. 0/1 or -1/1).
    lam : float
        Penalty strength :math:`\lambda \ge 0`. With ``"l1"`` and
        :math:`\lambda \ge` :func:`logistic_lambda_max` every coefficient is 0.
        :math:`\lambda = 0` on separable data has no minimizer: the weights
        grow with every step while the gradient shrinks like :math:`e^{-\|w\|}`,
        so the solver stops with large weights, either where the gradient is
        below ``tol`` or at ``max_iter`` with a warning.
    penalty : {'l1', 'l2'}, default='l1'
        :math:`\lambda\|w\|_1` or :math:`\tfrac12\lambda\|w\|_2^2`.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.
    tol : float, default=1e-8
        Relative tolerance on the KKT violation (see above).
    max_iter : int, default=100
        Maximum number of Newton steps (each converges fast near the solution).

    Returns
    -------
    LogisticFit
        ``coef``, ``intercept``, ``classes``, ``n_iter``, ``converged``,
        ``objective``, ``kkt``, ``objective_history``, and the methods
        ``decision_function``, ``predict_proba``, ``predict``.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, ``y`` does not
        have exactly two classes, ``lam`` is negative or NaN, ``penalty`` is
        unknown, ``tol`` < 0 or ``max_iter`` < 1.

    Warns
    -----
    ConvergenceWarning
        If the KKT violation is still above the tolerance after ``max_iter``
        steps (the result then has ``converged=False``).

    See Also
    --------
    to_sklearn_C : the matching ``C`` of scikit-learn.
    normlib.lasso, normlib.ridge : the same penalties on the squared error.
    sklearn.linear_model.LogisticRegression : minimizes
        ``C * sum(log-loss) + ||w||_1`` (``l1_ratio=1``) or ``+ ||w||^2 / 2``
        (``l1_ratio=0``); the same solution with ``C = 1 / lam``.

    References
    ----------
    J. D. Lee, Y. Sun and M. A. Saunders, "Proximal Newton-type methods for
    minimizing composite functions", SIAM J. Optimization 24(3), 2014.
    J. Friedman, T. Hastie and R. Tibshirani, "Regularization paths for
    generalized linear models via coordinate descent", J. Stat. Software 33, 2010.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((200, 4))
    >>> y = (X @ np.array([2.0, -1.0, 0.0, 0.0]) + rng.logistic(size=200) > 0).astype(int)
    >>> fit = nl.logistic_regression(X, y, lam=20.0, penalty="l1")
    >>> np.round(fit.coef, 2)
    array([ 0.84, -0.41,  0.  ,  0.  ])
    >>> fit.converged
    True
    """
    func = "logistic_regression"
    X, y = check_X_y(X, y, func)
    lam = check_scalar(lam, "lam", func, low=0.0)
    penalty = check_option(penalty, "penalty", func, PENALTIES)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    tol = check_scalar(tol, "tol", func, low=0.0)
    max_iter = check_scalar(max_iter, "max_iter", func, low=1, integer=True)
    classes, y01 = _labels(y, func)
    # The fit is solved for X / 2**e (largest entry in [1, 2)) and w' = 2**e w, with
    # lam / 2**e (L1) or lam / 4**e (L2): the same cost, in units where neither X^T D X
    # nor the KKT test depends on the scale of X (issue 12). Exact: powers of two.
    e = _exponent(_max_abs(X))
    X = _divide_by_power_of_two(X, e)
    with np.errstate(over="ignore", under="ignore"):
        lam = min(float(np.ldexp(lam, -e if penalty == "l1" else -2 * e)), HUGE_PENALTY)
    l1, l2 = (lam, 0.0) if penalty == "l1" else (0.0, lam)

    p = X.shape[1]
    y_mean = float(y01.mean())
    scale = _gradient_scale(X, y01, fit_intercept)
    tol_abs = tol * (scale if scale > 0 else 1.0)
    w = np.zeros(p)
    b = float(np.log(y_mean / (1.0 - y_mean))) if fit_intercept else 0.0
    objective = _objective(X, y01, w, b, l1, l2)
    history = []
    n_iter = 0
    while True:
        prob = _sigmoid(X @ w + b)
        residual = prob - y01
        grad = X.T @ residual + l2 * w  # gradient of the smooth part
        violation_w = float(_kkt_violation(w, -grad, l1).max(initial=0.0))
        violation_b = abs(float(residual.sum())) if fit_intercept else 0.0
        violation = max(violation_w, violation_b)
        if violation <= tol_abs or n_iter >= max_iter:
            break
        weights = prob * (1.0 - prob)
        w, b, objective = _newton_step(X, y01, w, b, grad, residual, weights, l1, l2,
                                       fit_intercept, objective, violation)
        history.append(objective)
        n_iter += 1
    converged = violation <= tol_abs
    with np.errstate(over="ignore", under="ignore"):  # back to the units of X
        kkt = max(float(np.ldexp(violation_w, e)), violation_b)
        w = np.ldexp(w, -e)
    if not converged:
        warnings.warn(
            ConvergenceWarning(
                f"logistic_regression did not converge: KKT violation {violation:.1e} > "
                f"{tol_abs:.1e} (for X / 2**{e}) after {n_iter} Newton steps; increase "
                "max_iter or lam (with lam = 0 on separable data there is no minimizer)."
            ),
            stacklevel=2,
        )
    return LogisticFit(
        coef=w + 0.0, intercept=float(b), classes=classes, n_iter=n_iter,
        converged=converged, objective=objective, kkt=kkt,
        objective_history=np.asarray(history, dtype=float),
    )


def _gradient_scale(X, y01, fit_intercept):
    r""":math:`\|X^\top(y - c)\|_\infty`: the gradient at :math:`w = 0` and the best intercept."""
    centre = y01.mean() if fit_intercept else 0.5
    return float(np.abs(X.T @ (y01 - centre)).max())


def _newton_step(X, y01, w, b, grad, residual, weights, l1, l2, fit_intercept, objective,
                 violation):
    """One proximal Newton step with backtracking; returns the new ``(w, b, objective)``."""
    p = w.size
    Xa = np.column_stack([X, np.ones(X.shape[0])]) if fit_intercept else X
    H = Xa.T @ (weights[:, None] * Xa)
    H[np.arange(p), np.arange(p)] += l2
    g = np.append(grad, residual.sum()) if fit_intercept else grad
    if l1 == 0.0:
        delta = -np.linalg.lstsq(H, g, rcond=None)[0]
    else:
        delta = _quadratic_l1_cd(H, g, w, l1, p, INNER_TOL_FACTOR * violation)
    dw = delta[:p]
    db = float(delta[p]) if fit_intercept else 0.0
    # predicted decrease of the model (Lee, Sun and Saunders 2014, eq. 2.5)
    decrease = float(g @ delta) + l1 * (np.abs(w + dw).sum() - np.abs(w).sum())
    # Armijo backtracking; `slack` lets through the changes that rounding of the
    # cost (about 1e-16 of it) hides near the solution, where the full Newton step
    # is right and the cost cannot tell it from the current point
    slack = 1e-13 * abs(objective)
    t = 1.0
    for _ in range(50):
        w_new, b_new = w + t * dw, b + t * db
        new = _objective(X, y01, w_new, b_new, l1, l2)
        if new <= objective + 1e-4 * t * decrease + slack or decrease >= 0:
            break
        t *= 0.5
    if new > objective + slack:  # no decrease found: keep the iterate
        return w, b, objective
    if l1 > 0:  # exact zeros stay exact after a partial step
        w_new = np.where(np.abs(w_new) < 1e-300, 0.0, w_new)
    return w_new, b_new, new


def _quadratic_l1_cd(H, g, w, l1, p, tol):
    r"""Coordinate descent on the quadratic model plus the L1 penalty.

    It minimizes :math:`g^\top\delta + \tfrac12\delta^\top H\delta + l_1\|w + \delta_{:p}\|_1`
    over :math:`\delta`; coordinates ``p`` and beyond (the intercept) are not
    penalized. Each update sets :math:`v_j = w_j + \delta_j` to the
    soft-thresholded minimizer of the one-dimensional quadratic. Stops when the
    model's own KKT violation is at most ``tol`` (a fraction of the outer one,
    as in glmnet: no need to solve a model exactly far from the solution), or
    after ``MAX_INNER_EPOCHS`` epochs.
    """
    m = g.size
    w_full = np.zeros(m)
    w_full[:p] = w
    delta = np.zeros(m)
    Hdelta = np.zeros(m)
    diag = np.diag(H)
    pattern = None
    for _ in range(MAX_INNER_EPOCHS):
        for j in range(m):
            if diag[j] <= 0.0:
                continue
            r_j = g[j] + Hdelta[j] - diag[j] * delta[j]
            if j < p:
                v = _soft_threshold(diag[j] * w_full[j] - r_j, l1) / diag[j]
            else:
                v = w_full[j] - r_j / diag[j]
            step = v - w_full[j] - delta[j]
            if step != 0.0:
                delta[j] += step
                Hdelta += step * H[:, j]
        model_grad = g + Hdelta  # gradient of the quadratic model at w + delta
        v_all = w_full + delta
        violation = float(_kkt_violation(v_all[:p], -model_grad[:p], l1).max())
        if m > p:
            violation = max(violation, float(np.abs(model_grad[p:]).max()))
        if violation <= tol:
            break
        # once an epoch leaves the support and the signs unchanged, solve the
        # model on the support exactly (one small linear solve) and keep it if
        # it satisfies the model's KKT conditions (as normlib.lasso does)
        signs = np.sign(v_all[:p])
        new_pattern = signs.tobytes()
        if new_pattern == pattern:
            exact = _exact_on_support(H, g, w_full, l1, p, signs)
            if exact is not None:
                return exact - w_full
        pattern = new_pattern
    return delta


def _exact_on_support(H, g, w_full, l1, p, signs):
    """The model's minimizer with the given signs, or None if it breaks them or the KKT."""
    m = g.size
    s = np.zeros(m)
    s[:p] = signs
    support = np.flatnonzero(s != 0)
    support = np.concatenate([support, np.arange(p, m)])  # the intercept is always free
    rhs = H[support] @ w_full - g[support] - l1 * s[support]
    try:
        v_s = np.linalg.solve(H[np.ix_(support, support)], rhs)
    except np.linalg.LinAlgError:
        return None
    v = np.zeros(m)
    v[support] = v_s
    if np.any(np.sign(v[:p]) != signs):
        return None
    model_grad = g + H @ (v - w_full)
    off = s[:p] == 0
    if np.any(np.abs(model_grad[:p][off]) > l1 * (1 + 1e-9)):
        return None
    return v


def logistic_lambda_max(X, y, *, fit_intercept=True):
    r"""Smallest :math:`\lambda` for which the L1-penalized logistic regression is all zeros.

    .. math::

        \lambda_{\max} = \bigl\|X^\top(y - \bar y)\bigr\|_\infty

    At :math:`w = 0` the best intercept predicts :math:`p_i = \bar y` for every
    sample, the gradient of the log-loss in :math:`w` is
    :math:`X^\top(\bar y - y)`, and :math:`w = 0` is optimal exactly when every
    entry fits in :math:`\lambda[-1, 1]`. (Without intercept,
    :math:`\bar y` is replaced by :math:`\sigma(0) = 1/2`.) The
    :math:`\|\cdot\|_\infty` is the dual norm of :math:`\|\cdot\|_1`
    (:func:`normlib.dual_norm`).

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
    y : array_like of shape (n_samples,)
        Labels with exactly two distinct values.
    fit_intercept : bool, default=True

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, or ``y`` does not
        have exactly two classes.

    See Also
    --------
    logistic_regression, normlib.lambda_max : the same for the lasso.
    sklearn.svm.l1_min_c : returns ``1 / lambda_max`` (the smallest ``C`` with
        a nonzero coefficient).

    Examples
    --------
    >>> import normlib as nl
    >>> nl.logistic_lambda_max([[1.0], [2.0], [3.0], [4.0]], [0, 0, 1, 1])  # |-.5 - 1 + 1.5 + 2|
    2.0
    """
    X, y = check_X_y(X, y, "logistic_lambda_max")
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "logistic_lambda_max")
    _, y01 = _labels(y, "logistic_lambda_max")
    e = _exponent(_max_abs(X))  # X / 2**e: X^T y cannot overflow (issue 12)
    with np.errstate(over="ignore"):  # beyond the float range: inf, the honest answer
        return float(np.ldexp(_gradient_scale(_divide_by_power_of_two(X, e), y01,
                                              fit_intercept), e))


def to_sklearn_C(lam):
    r"""Convert the book's :math:`\lambda` to scikit-learn's ``C`` for ``LogisticRegression``.

    .. math::

        C = \frac{1}{\lambda}

    scikit-learn minimizes :math:`C\sum_i \ell_i + \|w\|_1` (``l1_ratio=1``) or
    :math:`C\sum_i \ell_i + \tfrac12\|w\|_2^2` (``l1_ratio=0``). Dividing the
    book's cost :math:`\sum_i \ell_i + \lambda\|w\|_1` (or
    :math:`+\tfrac12\lambda\|w\|_2^2`) by :math:`\lambda > 0` changes its value
    but not its minimizer, and gives scikit-learn's cost with
    :math:`C = 1/\lambda`: the same for both penalties, and with no
    :math:`n` in it (neither cost averages the loss). :math:`\lambda = 0`
    gives ``C = inf`` (no penalty).

    Parameters
    ----------
    lam : float
        The book's penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    float
        scikit-learn's ``C`` (``inf`` for :math:`\lambda = 0`).

    Raises
    ------
    TypeError
        If ``lam`` is not a real number.
    ValueError
        If ``lam`` is negative, NaN or infinite.

    See Also
    --------
    logistic_regression
    normlib.to_sklearn_alpha : the conversion for ``Lasso``, ``Ridge``, ``ElasticNet``.
    sklearn.linear_model.LogisticRegression

    Examples
    --------
    >>> to_sklearn_C(4.0)
    0.25
    >>> to_sklearn_C(0.0)
    inf
    """
    lam = check_scalar(lam, "lam", "to_sklearn_C", low=0.0)
    return float(np.inf) if lam == 0.0 else 1.0 / lam
