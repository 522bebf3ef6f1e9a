r"""Penalized linear regression: ridge, lasso and elastic net, solved and certified.

Used by the chapters *Regularization*, *Sparsity* and *Convexity*. Every model
minimizes the book's cost, the sum of squared errors plus a penalty:

.. math::

    \text{ridge: } \|y - Xw\|_2^2 + \tfrac{1}{2}\lambda\|w\|_2^2, \qquad
    \text{lasso: } \|y - Xw\|_2^2 + \lambda\|w\|_1,

    \text{elastic net: } \|y - Xw\|_2^2
        + \lambda\bigl(\rho\|w\|_1 + \tfrac{1}{2}(1-\rho)\|w\|_2^2\bigr).

The intercept is never penalized: with ``fit_intercept=True`` the solvers work
on the centred data :math:`X_c = X - \bar{x}`, :math:`y_c = y - \bar{y}` and
return ``intercept = y.mean() - X.mean(0) @ coef``.

How the solvers know they are done
----------------------------------
The iterative solvers stop on the **duality gap**, a certificate: for any
coefficients :math:`w` and any point :math:`\theta` of the dual problem, the gap
:math:`F(w) - D(\theta)` is an upper bound on :math:`F(w) - F(w^\star)`, how far
the cost is from its minimum, and it is 0 at the solution. A solver stops
when the gap is at most ``tol`` times :math:`\|y_c\|_2^2` (the cost of
:math:`w = 0`), so ``tol`` is a relative accuracy; when ``max_iter`` runs out
first, it warns with a :class:`ConvergenceWarning` naming the gap and returns
``converged=False``.

scikit-learn scales its costs differently; :func:`to_sklearn_alpha` converts
:math:`\lambda` to its ``alpha``: ``Ridge(alpha=lam / 2)``,
``Lasso(alpha=lam / (2 * n_samples))``,
``ElasticNet(alpha=lam / (2 * n_samples), l1_ratio=l1_ratio)``.
"""

import math
import numbers
import warnings
from dataclasses import dataclass
from functools import partial

import numpy as np

from ._validation import (
    check_array,
    check_bool,
    check_nonnegative,
    check_option,
    check_scalar,
    check_X_y,
)
from .penalties import _soft_threshold

__all__ = [
    "ConvergenceWarning",
    "FitResult",
    "elastic_net",
    "kkt_violation",
    "lambda_max",
    "lasso",
    "mean_squared_error",
    "ridge",
    "to_sklearn_alpha",
]

LASSO_METHODS = ("cd", "fista", "subgradient")
DEFAULT_MAX_ITER = 10_000


class ConvergenceWarning(UserWarning):
    """Warning: an iterative solver stopped before reaching its tolerance.

    The message names the duality gap reached and the tolerance it had to
    reach (and, from :func:`normlib.cross_validate`, the fold). The solution
    returned is then only approximate (``converged=False`` in the
    :class:`FitResult`).

    It is a :class:`UserWarning`, like scikit-learn's, but **not** a subclass
    of ``sklearn.exceptions.ConvergenceWarning``: normlib depends on numpy
    only, and importing ``sklearn.exceptions`` imports scikit-learn and SciPy
    (over a thousand modules, seconds on a busy machine) on every
    ``import normlib``. To silence (or turn into errors) the convergence
    warnings of both libraries, filter both classes, or their common base
    ``UserWarning``::

        import warnings
        from sklearn.exceptions import ConvergenceWarning as SklearnWarning
        for category in (nl.ConvergenceWarning, SklearnWarning):
            warnings.filterwarnings("ignore", category=category)

    See Also
    --------
    sklearn.exceptions.ConvergenceWarning : scikit-learn's equivalent.

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X, y = rng.standard_normal((20, 30)), rng.standard_normal(20)
    >>> with warnings.catch_warnings():
    ...     warnings.filterwarnings("ignore", category=nl.ConvergenceWarning)
    ...     fit = nl.lasso(X, y, lam=0.1, max_iter=1)
    >>> fit.converged
    False
    """


@dataclass(frozen=True, repr=False, eq=False)
class FitResult:
    r"""The result of a fit: coefficients, intercept and how the solver got there.

    Attributes
    ----------
    coef : ndarray of shape (n_features,)
        The coefficients :math:`w`.
    intercept : float
        The (unpenalized) intercept; 0.0 when ``fit_intercept=False``.
    n_iter : int
        Iterations performed (epochs for coordinate descent; 0 for a closed form).
    converged : bool
        Whether the duality gap reached the tolerance (always ``True`` for a
        closed form).
    objective : float
        The cost at ``coef`` (with the intercept, which is not penalized).
    gap : float
        The duality gap at ``coef``, an upper bound on ``objective`` minus the
        minimal cost; 0.0 for a closed form.
    objective_history : ndarray of shape (n_iter,)
        The cost after each iteration; empty for a closed form.
    coef_history : ndarray of shape (n_iter, n_features) or None
        The coefficients after each iteration, when the solver was called with
        ``record_coefs=True``; ``None`` otherwise.

    Examples
    --------
    >>> import normlib as nl
    >>> nl.ridge([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], [1.0, 2.0, 3.0], lam=0.0)
    FitResult(n_features=2, nonzeros=2, n_iter=0, converged=True, objective=0.000e+00)
    """

    coef: np.ndarray
    intercept: float
    n_iter: int
    converged: bool
    objective: float
    gap: float
    objective_history: np.ndarray
    coef_history: np.ndarray | None = None

    def predict(self, X):
        r"""Predictions of the fitted model: :math:`\hat y = Xw + b`.

        .. math::

            \hat y_i = \sum_{j=1}^{p} x_{ij} w_j + b

        Parameters
        ----------
        X : array_like of shape (n_samples, n_features)
            New data, in the same units (and with the same columns) as the
            data the model was fitted on.

        Returns
        -------
        ndarray of shape (n_samples,)
            ``X @ coef + intercept``.

        Raises
        ------
        ValueError
            If ``X`` is not a finite 2-D array of real numbers, or its number
            of columns differs from ``coef.size``.

        See Also
        --------
        mean_squared_error : how far the predictions are from the targets.
        sklearn.linear_model.Ridge.predict : scikit-learn's equivalent.

        Examples
        --------
        >>> import normlib as nl
        >>> fit = nl.ridge([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0], lam=0.0)
        >>> fit.predict([[3.0], [10.0]])
        array([ 7., 21.])
        """
        return _predict(self.coef, self.intercept, X)

    def __repr__(self):
        return (
            f"FitResult(n_features={self.coef.size}, "
            f"nonzeros={np.count_nonzero(self.coef)}, n_iter={self.n_iter}, "
            f"converged={self.converged}, objective={self.objective:.3e})"
        )


# ---------------------------------------------------------------- shared helpers


def _check_common(X, y, lam, func):
    """Validate the data and the penalty strength of a fit."""
    X, y = check_X_y(X, y, func)
    lam = check_scalar(lam, "lam", func, low=0.0)
    return X, y, lam


def _check_iteration_args(tol, max_iter, func):
    tol = check_scalar(tol, "tol", func, low=0.0)
    max_iter = check_scalar(max_iter, "max_iter", func, low=1, integer=True)
    return tol, max_iter


HUGE_PENALTY = 1e300  # a scaled penalty above this acts as infinite (see _Scaled)
TINY_LAM = 1e-6  # below this fraction of lambda_max, the gap also uses min SSE (see lasso)


def _exponent(amax):
    """The integer e with 2**e <= amax < 2**(e + 1); 0 for amax = 0."""
    return math.frexp(amax)[1] - 1 if amax > 0 else 0


def _max_abs(A):
    """max |A| without the temporary array np.abs(A) would allocate."""
    return max(float(A.max()), -float(A.min())) if A.size else 0.0


def _divide_by_power_of_two(A, exponent, *, own=False):
    """``A / 2**exponent``, exactly (only the exponents of the numbers change).

    ``own=True``: ``A`` is a private array, divided in place.
    """
    if exponent == 0:
        return A
    out = A if own else None
    if -1022 <= exponent <= 1022:  # 2**-exponent is a normal float: a plain product
        return np.multiply(A, 2.0**-exponent, out=out)
    return np.ldexp(A, -exponent, out=out)


class _Scaled:
    r"""The data of a fit, centred and divided by powers of two: what every solver works on.

    The solvers and their stopping rules involve :math:`\|y\|^2`,
    :math:`X^	op X` and :math:`X^	op y`, which overflow or underflow long
    before ``X`` and ``y`` do (:math:`\|y\|^2 = 0` for :math:`|y| pprox
    10^{-170}`, a tolerance of 0, a gap that "closes" at once). So the fits
    solve an equivalent problem on :math:`X' = X_c / 2^{e_x}` and
    :math:`y' = y_c / 2^{e_y}`, whose largest entries are in [1, 2): with
    :math:`w = 2^{e_y - e_x} w'`,

    .. math::

        \|y_c - X_c w\|^2 + l_1\|w\|_1 + 	frac12 l_2\|w\|^2
        = 4^{e_y}\Bigl(\|y' - X'w'\|^2 + rac{l_1}{2^{e_x + e_y}}\|w'\|_1
          + 	frac12\,rac{l_2}{4^{e_x}}\|w'\|^2\Bigr).

    Dividing by a power of two is exact, so on ordinary data nothing changes
    but the exponents, and a fit is **scale-equivariant**:
    ``lasso(s*X, t*y, s*t*lam).coef == t/s * lasso(X, y, lam).coef``. Scaled
    penalties above ``HUGE_PENALTY`` (the data are of order 1) are clipped to
    it: for the L1 part this changes nothing (every coefficient is 0 anyway);
    an L2 part that large gives coefficients below 1e-297 of the scaled ones.

    ``X`` is divided first by the power of two of its largest entry (so its
    mean cannot overflow), centred, and divided again (so that centring cannot
    leave tiny numbers); ``y`` likewise.
    """

    def __init__(self, X, y, fit_intercept):
        self.fit_intercept = fit_intercept
        self.X, self.x_mean, self.ex1, self.ex = self._scale(X, fit_intercept)
        Y, y_mean, self.ey1, self.ey = self._scale(y[:, np.newaxis], fit_intercept)
        self.y, self.y_mean = Y[:, 0], float(y_mean[0])

    @staticmethod
    def _scale(A, fit_intercept):
        e1 = _exponent(_max_abs(A))
        A1 = _divide_by_power_of_two(A, e1)
        if not fit_intercept:
            return A1, np.zeros(A.shape[1]), e1, e1
        mean = A1.mean(axis=0)
        A1 = np.subtract(A1, mean, out=A1 if e1 != 0 else None)  # a private copy either way
        e2 = _exponent(_max_abs(A1))
        return _divide_by_power_of_two(A1, e2, own=True), mean, e1, e1 + e2

    def l1(self, lam):
        """An L1 penalty strength in the units of the scaled problem."""
        with np.errstate(over="ignore", under="ignore"):
            return min(float(np.ldexp(lam, -(self.ex + self.ey))), HUGE_PENALTY)

    def l2(self, lam):
        """An L2 penalty strength in the units of the scaled problem."""
        with np.errstate(over="ignore", under="ignore"):
            return min(float(np.ldexp(lam, -2 * self.ex)), HUGE_PENALTY)

    def lr(self, lr):
        """A gradient step size in the units of the scaled problem."""
        with np.errstate(over="ignore", under="ignore"):
            return float(np.ldexp(lr, 2 * self.ex))

    def coef(self, w):
        """Coefficients in the units of the data (may overflow to ±inf, never NaN)."""
        with np.errstate(over="ignore", under="ignore"):
            return np.ldexp(w, self.ey - self.ex) + 0.0

    def cost(self, value):
        """A cost (objective, gap) in the units of the data (may overflow to inf)."""
        with np.errstate(over="ignore", under="ignore"):
            return float(np.ldexp(value, 2 * self.ey))

    def intercept(self, w):
        """``y.mean() - X.mean(0) @ coef`` for the scaled coefficients ``w``."""
        if not self.fit_intercept:
            return 0.0
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            shift = float(np.ldexp(self.x_mean @ w, (self.ey - self.ey1) - (self.ex - self.ex1)))
            return float(np.ldexp(self.y_mean - shift, self.ey1))

    def lam_max(self, rho=1.0):
        """:func:`lambda_max` in the units of the scaled problem."""
        return 2.0 * float(np.abs(self.X.T @ self.y).max()) / rho


def _centre(X, y, fit_intercept):
    """Centred copies of X and y (or X and y themselves) and their means.

    Used by :func:`normlib.lars_lasso_path`; the models of this module and the newer
    solvers use :class:`_Scaled` (centred and divided by powers of two).
    """
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), 0.0
    x_mean, y_mean = X.mean(axis=0), float(y.mean())
    return X - x_mean, y - y_mean, x_mean, y_mean


def _result(coef, x_mean, y_mean, **fields):
    """Build a FitResult; the intercept restores the means removed by centring.

    For solvers that work on :func:`_centre`'s data; see :func:`_scaled_result`.
    """
    intercept = float(y_mean - x_mean @ coef)
    return FitResult(coef=coef, intercept=intercept, **fields)


def _scaled_result(scaled, w, *, objective, gap, objective_history, **fields):
    """Build a FitResult from a fit of the scaled problem, in the units of the data."""
    with np.errstate(over="ignore", under="ignore"):
        history = np.ldexp(objective_history, 2 * scaled.ey)
    if fields.get("coef_history") is not None:
        fields["coef_history"] = scaled.coef(fields["coef_history"])
    return FitResult(
        coef=scaled.coef(w), intercept=scaled.intercept(w), objective=scaled.cost(objective),
        gap=scaled.cost(gap), objective_history=history, **fields,
    )


def _warn_not_converged(name, gap, tol_abs, n_iter, stacklevel):
    message = (
        f"{name} did not converge: duality gap {gap:.1e} > tol·‖y‖² = {tol_abs:.1e} "
        f"after {n_iter} iterations; increase max_iter or tol."
    )
    warnings.warn(ConvergenceWarning(message), stacklevel=stacklevel + 1)


def _sse_min_if_needed(data, l1, l2, lam_max=None):
    r"""The least-squares minimum SSE of the scaled data when the penalty is (almost) 0.

    It certifies the fits with :math:`\lambda = 0` and those with a
    negligible penalty (:func:`_nearly_least_squares`, see
    :func:`_duality_gap`); None (not computed: one extra least-squares solve)
    otherwise.
    """
    if _nearly_least_squares(data, l1, l2, lam_max):
        return _least_squares_sse(data.X, data.y)
    return None


def _nearly_least_squares(data, l1, l2, lam_max=None):
    """Whether the penalty is 0 or negligible: ``l1`` at most ``TINY_LAM`` of
    lambda_max, and ``l2`` at most ``TINY_LAM`` of the largest diagonal entry of
    ``2 X^T X`` (the curvature of the SSE), both in the scaled problem's units."""
    if l1 == 0 and l2 == 0:
        return True
    lam_max = data.lam_max() if lam_max is None else lam_max
    if l1 > TINY_LAM * lam_max:
        return False
    return l2 == 0 or l2 <= TINY_LAM * 2.0 * float(np.einsum("ij,ij->j", data.X, data.X).max())


def _least_squares_sse(X, y):
    """Smallest SSE over all w (one least-squares solve): the optimum when lam = 0."""
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    residual = y - X @ w
    return float(residual @ residual)


def _sse_lipschitz(X):
    r"""Lipschitz constant :math:`L = 2\sigma_{\max}(X)^2` of the SSE gradient."""
    small_gram = X.T @ X if X.shape[1] <= X.shape[0] else X @ X.T
    return 2.0 * float(np.linalg.eigvalsh(small_gram)[-1])


# ---------------------------------------------------------------- the duality gap


def _duality_gap(y, r, w, Xtr, l1, l2, sse_min=None):
    r"""Duality gap of :math:`F(w) = \|r\|^2 + l_1\|w\|_1 + \tfrac{1}{2} l_2\|w\|^2`.

    ``r = y - X @ w`` and ``Xtr = X.T @ r``. The elastic net is a lasso on the
    augmented data :math:`\tilde X = [X;\ \sqrt{l_2/2}\,I]`, :math:`\tilde y = [y;\ 0]`,
    whose residual :math:`\tilde r = [r;\ -\sqrt{l_2/2}\,w]` has
    :math:`\|\tilde r\|^2 = \|r\|^2 + \tfrac{1}{2}l_2\|w\|^2` and
    :math:`2\tilde X^\top\tilde r = 2X^\top r - l_2 w`; so one formula serves both.
    The dual of that lasso is

    .. math::

        D(\theta) = \|\tilde y\|^2 - \|\tilde y - \theta\|^2
        \quad\text{subject to}\quad \|2\tilde X^\top\theta\|_\infty \le l_1 .

    The dual point is the residual, **rescaled so that it is feasible**:
    :math:`\theta = s\,\tilde r` with :math:`s = \min(1,\ l_1 / \|2\tilde X^\top
    \tilde r\|_\infty)`. At the solution the KKT conditions give :math:`s = 1`
    and a zero gap. With :math:`l_1 = 0` this dual degenerates: for
    :math:`l_2 > 0` (ridge) we use the unconstrained dual of Dünner et al.
    (2016) (scikit-learn's "formulation B"); for :math:`l_1 = l_2 = 0` (least
    squares) the minimum ``sse_min`` is known from one least-squares solve.

    With :math:`l_1 > 0` and :math:`l_2 > 0` the smaller of the two gaps
    is returned: the elastic-net gap, and the ridge gap plus
    :math:`l_1\|w\|_1`, which is what certifies a negligible :math:`l_1`.

    ``sse_min`` (the least-squares minimum, or None) also gives a second
    certificate whenever it is known: the penalty is non-negative, so the
    minimal cost is at least ``sse_min`` and :math:`F(w) - \text{sse\_min}`
    bounds :math:`F(w) - F(w^\star)` too. It is the one that closes when
    :math:`\lambda` is tiny (below about :math:`10^{-12}\lambda_{\max}` the
    rescaled residual can no longer be dual feasible to the precision of the
    arithmetic, while the coefficients are already those of least squares);
    the smaller of the two gaps is returned.
    """
    return _gap_from(float(r @ r), float(y @ r), w, Xtr, l1, l2, sse_min)


def _gap_from(r_norm2, y_r, w, Xtr, l1, l2, sse_min=None):
    r""":func:`_duality_gap` from :math:`\|r\|^2` and :math:`y^\top r` instead of ``y`` and ``r``.

    The Gram form of a working-set problem knows these numbers without the
    residual (see :meth:`_GramProblem.gap`).
    """
    w_norm2 = float(w @ w)
    primal = r_norm2 + 0.5 * l2 * w_norm2 + l1 * float(np.abs(w).sum())
    if l2 > 0:
        # the ridge gap (l1 = 0) plus the L1 term: a bound too, as the minimal
        # cost is at least the minimal ridge cost; it is the one that closes
        # when l1 is negligible (and is the exact gap when l1 = 0)
        gap = 2.0 * r_norm2 + 0.5 * l2 * w_norm2 - 2.0 * y_r + (
            2.0 / l2
        ) * float(Xtr @ Xtr) + l1 * float(np.abs(w).sum())
    if l1 > 0:
        g_max = float(np.abs(2.0 * Xtr - l2 * w).max())
        s = min(1.0, l1 / g_max) if g_max > 0 else 1.0
        dual = 2.0 * s * y_r - s * s * (r_norm2 + 0.5 * l2 * w_norm2)
        gap = primal - dual if l2 == 0 else min(gap, primal - dual)
    elif l2 == 0:
        return max(primal - sse_min, 0.0)
    if sse_min is not None:
        gap = min(gap, max(primal - sse_min, 0.0))
    return gap


def _kkt_violation(w, g, l1):
    r"""How far each coordinate is from optimal: the distance of ``g`` to :math:`l_1\partial|w_j|`.

    ``g`` is minus the gradient of the smooth part of the cost. The lasso KKT
    conditions are :math:`g_j = l_1\,\mathrm{sign}(w_j)` when :math:`w_j \ne 0`
    and :math:`|g_j| \le l_1` when :math:`w_j = 0`.
    """
    at_zero = np.maximum(np.abs(g) - l1, 0.0)
    return np.where(w != 0, np.abs(g - l1 * np.sign(w)), at_zero)


# ---------------------------------------------------------------- working sets


FIRST_WORKING_SET = 10  # size of the first working set (it then grows as needed)
INNER_TOL_FACTOR = 0.1  # inner solves stop at this fraction of the outer KKT violation
MAX_EXACT_SUPPORT = 200  # larger supports: the O(|S|^3) exact solve costs more than epochs
NEWTON_MIN_SUPPORT = 50  # elastic net: working sets beyond this go to _dual_newton


def _working_set_solver(
    X, y, l1, l2, w, tol_abs, max_iter, inner, record, sse_min=None, gram=None
):
    r"""Minimize :math:`\|y - Xw\|^2 + l_1\|w\|_1 + \tfrac{1}{2}l_2\|w\|^2` with working sets.

    The outer loop looks at all features, the inner loop only at a few:

    1. compute the residual, the gradient and the **duality gap** on all
       features; stop if the gap is small enough;
    2. pick a **working set**: the current nonzero coefficients plus the
       features that violate their optimality (KKT) condition the most;
    3. solve the problem restricted to the working set with ``inner``
       (coordinate descent or FISTA), on its small Gram matrix
       :math:`G = X_W^\top X_W`, to a tolerance tied to the outer violation
       (when the working set is every feature, coordinate descent goes on to
       the gap itself, computed in Gram form: :meth:`_GramProblem.gap`).

    At a lasso solution most coefficients are 0, so the working set is small and
    every inner step costs :math:`O(|W|)` instead of :math:`O(n_{\text{samples}})`;
    the outer gap on all features makes the answer exact anyway (the design of
    glmnet, celer and skglm). ``gram`` (a :class:`_GramCache` of ``X`` and
    ``y``) can be shared by the fits of a path.

    With an L2 part (the elastic net) and coordinate descent, once the working
    set would exceed ``NEWTON_MIN_SUPPORT`` features, the fit goes on with the
    Newton method on the dual (:func:`_dual_newton`), where that dual is well
    conditioned: a support of hundreds would cost coordinate descent hundreds
    of interpreted epochs. Returns ``(w, r, gap, n_iter, history)``.
    """
    gram = _GramCache(X, y) if gram is None else gram
    history = _History(record)
    tol_abs, size, n_iter = float(tol_abs), FIRST_WORKING_SET, 0
    newton = l2 > 0 and inner is _cd_inner
    support = np.flatnonzero(w)
    r = y - X[:, support] @ w[support]
    while True:
        Xtr = X.T @ r
        gap = _duality_gap(y, r, w, Xtr, l1, l2, sse_min)
        if gap <= tol_abs or n_iter >= max_iter:
            return w, r, gap, n_iter, history
        violation = _kkt_violation(w, 2.0 * Xtr - l2 * w, l1)
        size = max(size, 2 * np.count_nonzero(w))
        if newton and size > NEWTON_MIN_SUPPORT:
            # a large support: coordinate descent would need hundreds of interpreted
            # epochs; the Newton method on the dual needs a few dozen products with X_A
            newton = False  # once: if it stops early, coordinate descent goes on
            if _dual_well_conditioned(X, l2):
                w, r, n_newton = _dual_newton(
                    X, y, l1, l2, w, r, gap, gram, tol_abs, max_iter - n_iter, history, sse_min
                )
                n_iter += n_newton
                continue
        ws = _choose_working_set(w, violation, size)
        # a working set of every feature is the whole problem: its inner solve can
        # run to the gap itself, which saves the outer iterations of small problems
        whole = tol_abs if ws.size == w.size else None
        problem = _GramProblem(gram.gram(ws), gram.Xty[ws], gram.yy, l1, l2, whole, sse_min)
        w_ws, n_inner = inner(
            problem, w[ws], INNER_TOL_FACTOR * violation.max(), max_iter - n_iter,
            history.for_subset(ws, w.size),
        )
        w = np.zeros_like(w)
        w[ws] = w_ws
        support = ws[w_ws != 0]
        r = y - X[:, support] @ w[support]
        n_iter += n_inner


def _choose_working_set(w, violation, size):
    """Indices of the nonzero coefficients and of the (at most ``size``) worst KKT violators."""
    candidates = np.flatnonzero((w != 0) | (violation > 0))
    if candidates.size <= size:
        return candidates
    score = np.where(w[candidates] != 0, np.inf, violation[candidates])
    return np.sort(candidates[np.argpartition(score, -size)[-size:]])


class _GramCache:
    r"""The Gram matrix :math:`X_K^\top X_K` of every feature seen so far in a working set.

    Forming :math:`G = X_W^\top X_W` afresh at every outer iteration repeats
    work, as consecutive working sets (and the working sets of neighbouring
    :math:`\lambda` on a path) share most features. Here the inner products of
    a feature with the others are computed once, when it first enters a
    working set, and :math:`G` is read from the stored matrix. Also holds
    :math:`X^\top y` and :math:`\|y\|^2`.
    """

    MAX_FEATURES = 4096  # beyond that (128 MB), G is computed afresh each time

    def __init__(self, X, y):
        self.X, self.Xty, self.yy = X, X.T @ y, float(y @ y)
        self.slot = np.full(X.shape[1], -1)  # position of feature j in the matrix, or -1
        self.features = np.empty(0, dtype=np.intp)  # the features seen, in that order
        self.G = np.empty((0, 0))

    def gram(self, ws):
        new = ws[self.slot[ws] < 0]
        if self.features.size + new.size > self.MAX_FEATURES:
            return self.X[:, ws].T @ self.X[:, ws]
        if new.size:
            self._add(new)
        position = self.slot[ws]
        return self.G[position][:, position]

    def _add(self, new):
        old, total = self.features.size, self.features.size + new.size
        self.features = np.concatenate([self.features, new])
        self.slot[new] = np.arange(old, total)
        if total > self.G.shape[0]:  # grow the storage geometrically
            bigger = np.empty((max(total, 2 * self.G.shape[0]),) * 2)
            bigger[:old, :old] = self.G[:old, :old]
            self.G = bigger
        X_new = self.X[:, new]
        # (new, all seen)
        cross = X_new.T @ (X_new if old == 0 else self.X[:, self.features])
        self.G[old:total, :total] = cross
        self.G[:total, old:total] = cross.T


@dataclass
class _GramProblem:
    r"""The cost restricted to a working set, written with its Gram matrix.

    With :math:`G = X_W^\top X_W`, :math:`c = X_W^\top y` and :math:`\|y\|^2`,
    :math:`\|y - X_W w\|^2 = \|y\|^2 - 2c^\top w + w^\top G w`: nothing of size
    :math:`n_{\text{samples}}` is needed any more.
    """

    G: np.ndarray
    c: np.ndarray
    yy: float
    l1: float
    l2: float
    gap_tol: float | None = None  # set when the working set is every feature (see gap)
    sse_min: float | None = None

    def gap(self, w, q):
        r"""The duality gap of the whole problem, for a working set of every feature.

        With :math:`q = c - Gw = X^\top r`: :math:`\|r\|^2 = \|y\|^2 - c^\top w -
        w^\top q` and :math:`y^\top r = \|y\|^2 - c^\top w`, so
        :func:`_duality_gap` needs nothing of size :math:`n_{\text{samples}}`. Its
        round-off is of order :math:`\epsilon\|y\|^2` (cancellation when the SSE is
        much smaller than :math:`\|y\|^2`): it only decides when the inner loop
        stops; the outer loop certifies with the residual itself.
        """
        c_w = float(self.c @ w)
        return _gap_from(
            self.yy - c_w - float(w @ q), self.yy - c_w, w, q, self.l1, self.l2, self.sse_min
        )

    def objective(self, w, Gw):
        sse = self.yy - 2.0 * float(self.c @ w) + float(w @ Gw)
        return sse + self.l1 * float(np.abs(w).sum()) + 0.5 * self.l2 * float(w @ w)

    def max_violation(self, w, Gw):
        g = 2.0 * (self.c - Gw) - self.l2 * w  # minus the gradient of the smooth part
        return float(_kkt_violation(w, g, self.l1).max())


class _History:
    """Objective (and, if asked, coefficients) after each iteration."""

    def __init__(self, record_coefs):
        self.objectives = []
        self.coefs = [] if record_coefs else None

    def add(self, objective, coef):
        self.objectives.append(objective)
        if self.coefs is not None:
            self.coefs.append(np.array(coef, dtype=float))

    def for_subset(self, ws, n_features):
        """A recorder for a working-set solver: expands its coefficients to all features."""

        def add(objective, w_ws):
            if self.coefs is None:
                self.objectives.append(objective)
                return
            full = np.zeros(n_features)
            full[ws] = w_ws
            self.add(objective, full)

        return add

    def arrays(self, n_features):
        objectives = np.asarray(self.objectives, dtype=float)
        if self.coefs is None:
            return objectives, None
        return objectives, np.asarray(self.coefs, dtype=float).reshape(-1, n_features)


# ---------------------------------------------------------------- coordinate descent


SMALL_WORKING_SET = 32  # up to this size, the coordinate loop runs on Python floats


def _cd_inner(problem, w, tol, max_epochs, record):
    r"""Coordinate descent on a working set, in its Gram form; returns ``(w, epochs)``.

    Coordinate :math:`j` minimizes the cost with the others fixed:

    .. math::

        w_j \leftarrow \frac{S_{l_1}\bigl(2 X_j^\top (r + X_j w_j)\bigr)}{2\|X_j\|^2 + l_2},
        \qquad X_j^\top r = q_j \text{ with } q = c - G w .

    ``q`` is kept up to date (one row of ``G`` per change). When an epoch has
    not changed which coefficients are nonzero nor their signs (on a working
    set of at most ``SMALL_WORKING_SET`` features: after every epoch), the KKT
    conditions on that support :math:`S` are a linear system,
    :math:`(2G_{SS} + l_2 I)\,w_S = 2c_S - l_1\,\mathrm{sign}(w_S)`; we solve it
    and keep the result if it has the same signs and does not raise the cost
    (it is then the exact minimizer on that support, reached in one step where
    coordinate descent would approach it geometrically).

    It stops when the largest KKT violation is at most ``tol``; on a working
    set of every feature (``problem.gap_tol`` set), when the duality gap of
    the whole problem is at most ``problem.gap_tol`` or an epoch no longer
    lowers the cost (a fixed point: only round-off is left).
    """
    G, l1, l2 = problem.G, problem.l1, problem.l2
    w = np.array(w, dtype=float)
    q = problem.c - G @ w
    diag = np.diag(G).copy()
    coords = np.flatnonzero(2.0 * diag + l2 > 0)  # an all-zero column keeps w_j = 0
    if not w.any():
        # from w = 0, the epochs visit the features in order of their correlation
        # with y, |X_j^T y| / ||X_j|| (the order in which LARS would let them in):
        # fewer features enter in the first epoch only to leave in the exact solves
        norms = np.sqrt(diag[coords])  # 0 for a zero column kept by l2 > 0: it goes last
        correlation = np.divide(
            np.abs(problem.c[coords]), norms, out=np.zeros(coords.size), where=norms > 0
        )
        coords = coords[np.argsort(-correlation, kind="stable")]
    # numpy calls on a handful of numbers cost more than the arithmetic: small
    # working sets run the loop on lists (the same operations, the same results)
    small = w.size <= SMALL_WORKING_SET
    if small:
        epoch, G_rows, diag, coords = _cd_epoch_floats, G.tolist(), diag.tolist(), coords.tolist()
    else:
        epoch, G_rows = _cd_epoch, G
    epochs, previous = 0, math.inf
    while epochs < max_epochs:
        epochs += 1
        signs = np.sign(w)
        w, q = epoch(G_rows, diag, coords, w, q, l1, l2)
        objective = problem.objective(w, problem.c - q)
        # on a small working set an exact solve costs about as much as an epoch: it is
        # tried after every epoch; on a larger one, once an epoch has kept the signs
        if (small or np.array_equal(np.sign(w), signs)) and (
            np.count_nonzero(w) <= MAX_EXACT_SUPPORT
        ):
            w, q, objective = _feature_sign_steps(problem, w, q, objective)
        Gw = problem.c - q
        record(objective, w)
        if problem.gap_tol is None:
            if problem.max_violation(w, Gw) <= tol:
                break
        elif objective >= previous or problem.gap(w, q) <= problem.gap_tol:
            break
        previous = objective
    return w, epochs


def _cd_epoch(G, diag, coords, w, q, l1, l2):
    """One pass of coordinate descent over ``coords``, updating ``w`` and ``q`` in place."""
    for j in coords:
        old = w[j]
        z = 2.0 * (q[j] + diag[j] * old)
        # soft thresholding S_l1(z) on one number (math is faster than numpy here);
        # "+ 0.0" turns -0.0 into 0.0
        new = math.copysign(max(abs(z) - l1, 0.0), z) / (2.0 * diag[j] + l2) + 0.0
        if new != old:
            q -= G[j] * (new - old)  # G is symmetric: row j is column j
            w[j] = new
    return w, q


def _cd_epoch_floats(G_rows, diag, coords, w, q, l1, l2):
    """:func:`_cd_epoch` on Python floats (``G_rows``, ``diag``, ``coords`` are lists)."""
    w_list, q_list = w.tolist(), q.tolist()
    for j in coords:
        old = w_list[j]
        z = 2.0 * (q_list[j] + diag[j] * old)
        new = math.copysign(max(abs(z) - l1, 0.0), z) / (2.0 * diag[j] + l2) + 0.0
        if new != old:
            step = new - old
            q_list = [q_k - g_k * step for q_k, g_k in zip(q_list, G_rows[j], strict=True)]
            w_list[j] = new
    return np.array(w_list), np.array(q_list)


def _feature_sign_steps(problem, w, q, objective):
    """Exact solves on the support of ``w`` until one keeps every coefficient.

    A step of :func:`_solve_on_support` that stops where a coefficient reaches 0
    is followed at once by the exact solve on the smaller support, and so on
    (the feature-sign search of Lee et al. 2007). ``objective`` is the cost of
    ``w``; returns ``(w, q, objective)``.
    """
    nonzero = np.count_nonzero(w)
    while nonzero:
        w, q, objective = _solve_on_support(problem, w, q, objective)
        nonzero, before = np.count_nonzero(w), nonzero
        if nonzero == before:
            break
    return w, q, objective


def _solve_on_support(problem, w, q, objective=None):
    r"""Jump towards the exact minimizer on the support of ``w``; returns ``(w, q, objective)``.

    With the support :math:`S` and the signs :math:`s` of ``w`` fixed, the
    cost is a quadratic whose minimizer solves
    :math:`(2G_{SS} + l_2 I)\,v = 2c_S - l_1 s`. Moving from :math:`w_S`
    towards :math:`v` lowers the cost as long as no sign changes, so we move
    all the way if the signs of :math:`v` agree with :math:`s`, and otherwise
    stop where the first coefficient reaches 0 and set it to 0 (the
    "feature-sign" step of Lee et al. 2007). Coordinate descent then goes on.
    ``objective`` is the cost of ``w`` (computed if None); the cost of the
    returned coefficients is returned with them.
    """
    if objective is None:
        objective = problem.objective(w, problem.c - q)
    support = w.nonzero()[0]
    if support.size == 0:
        return w, q, objective
    w_s = w[support]
    signs = np.sign(w_s)
    A = 2.0 * problem.G[support][:, support]  # 2 G_SS (+ l2 I)
    if problem.l2:
        A.flat[:: support.size + 1] += problem.l2
    try:
        v = np.linalg.solve(A, 2.0 * problem.c[support] - problem.l1 * signs)
    except np.linalg.LinAlgError:
        return w, q, objective
    flipped = (np.sign(v) != signs).nonzero()[0]
    step, candidate = 1.0, np.zeros(w.size)
    if flipped.size:
        # fraction of the way from w_s to v at which each flipped coefficient hits 0
        crossings = w_s[flipped] / (w_s[flipped] - v[flipped])
        first = int(crossings.argmin())
        step = float(crossings[first])
    candidate[support] = w_s + step * (v - w_s)
    if flipped.size:
        candidate[support[flipped[first]]] = 0.0
    G_candidate = problem.G @ candidate
    candidate_objective = problem.objective(candidate, G_candidate)
    if candidate_objective > objective:
        return w, q, objective  # a safeguard against round-off on a nearly singular G_SS
    return candidate, problem.c - G_candidate, candidate_objective


# ---------------------------------------------------------------- Newton on the dual


def _dual_well_conditioned(X, l2):
    r"""Whether the dual of :func:`_dual_newton` is smooth enough for Newton steps.

    Its Hessian :math:`2(I + cX_AX_A^\top)`, :math:`c = 2/l_2`, has a condition
    number of at least :math:`1 + 2\max_j\|X_j\|^2 / l_2`: with a weak L2
    part the dual is nearly as kinked as the lasso's, the conjugate gradients
    slow down and the line search takes short steps, and coordinate descent
    does better.
    """
    return 2.0 * float(np.einsum("ij,ij->j", X, X).max()) <= NEWTON_MAX_CONDITION * l2

NEWTON_MAX_CONDITION = 1e3  # see _dual_well_conditioned
NEWTON_MAX_STEPS = 30  # a Newton method that needs more is in trouble: back to epochs
ARMIJO = 1e-4  # sufficient decrease: phi must drop by this fraction of its linear model
MIN_STEP = 2.0**-30  # the line search gives up below this step


def _dual_newton(X, y, l1, l2, w, r, gap, gram, tol_abs, max_steps, history, sse_min=None):
    r"""The elastic net (:math:`l_2 > 0`) by a semismooth Newton method on its dual.

    With :math:`l_2 > 0` the dual of
    :math:`\min_w \|y - Xw\|^2 + l_1\|w\|_1 + \tfrac12 l_2\|w\|^2` is an
    unconstrained problem in :math:`n_{\text{samples}}` unknowns (the conjugate
    of the penalty is :math:`u \mapsto \|S_{l_1}(u)\|^2 / 2l_2`):

    .. math::

        \min_\theta\; \varphi(\theta) = \|\theta\|^2 - 2y^\top\theta
            + \frac{1}{2l_2}\bigl\|S_{l_1}(2X^\top\theta)\bigr\|^2,
        \qquad w(\theta) = S_{l_1}(2X^\top\theta) / l_2 .

    :math:`\varphi` is strongly convex and piecewise quadratic. Its gradient is
    :math:`2(\theta - r)` with :math:`r = y - Xw(\theta)`, and on the active set
    :math:`A = \{j : |2X_j^\top\theta| > l_1\}` (the support of :math:`w(\theta)`)
    its Hessian is :math:`2(I + cX_AX_A^\top)`, :math:`c = 2/l_2`; so a Newton
    step :math:`d` solves :math:`(I + cX_AX_A^\top)\,d = r - \theta`. We solve it
    by conjugate gradients (:func:`_newton_cg`), only as accurately as the
    gradient is small (an inexact Newton method: steps far from the solution
    need little accuracy, and the convergence stays superlinear), and a
    backtracking line search (:func:`_armijo_step`) makes the method converge
    from any start. Where coordinate descent changes one coefficient at a time
    (hundreds of interpreted epochs for a support of hundreds), each step here
    moves all of them with a few dozen matrix-vector products; at the solution
    :math:`\theta` is the residual.

    It starts from the residual ``r`` of the coefficients ``w`` so far (whose
    duality gap is ``gap``) and stops when the duality gap of :math:`w(\theta)`
    (:func:`_duality_gap`, the certificate of every fit) is at most
    ``tol_abs``, after ``max_steps`` steps, or when a step goes wrong (the line
    search finds no decrease, from round-off; ``NEWTON_MAX_STEPS`` steps). The
    caller then goes on with coordinate descent, from :math:`w(\theta)`, or
    from ``w`` if that was better. Each step counts as one iteration. Returns
    ``(w, r, steps)``.
    """
    start = (w, r, gap)
    theta = r
    u = 2.0 * (X.T @ theta)
    c, yy = 2.0 / l2, float(y @ y)
    steps = 0
    while True:
        w = _soft_threshold(u, l1) / l2
        active = np.flatnonzero(w)
        r = y - X @ w
        Xtr = X.T @ r
        if steps:  # the cost after each step, as the other solvers record it
            history.add(float(r @ r) + l1 * float(np.abs(w).sum()) + 0.5 * l2 * float(w @ w), w)
        gap = _duality_gap(y, r, w, Xtr, l1, l2, sse_min)
        if gap <= tol_abs or steps >= max_steps:
            return w, r, steps
        if steps >= NEWTON_MAX_STEPS:
            break
        g = r - theta  # minus half the gradient of phi
        if active.size**2 <= NEWTON_GRAM_FACTOR * X.shape[0]:
            # few active features for the number of samples: the exact step through
            # the |A| x |A| system (Woodbury), X_A^T X_A from the Gram cache
            K = c * gram.gram(active)
            K[np.diag_indices_from(K)] += 1.0
            z = np.zeros_like(w)
            z[active] = np.linalg.solve(K, Xtr[active] - 0.5 * u[active])  # X_A^T g
            d = g - c * (X @ z)
        else:
            rtol = min(NEWTON_CG_RTOL, math.sqrt(float(g @ g) / yy))
            d = _newton_cg(np.take(X, active, axis=1), g, c, rtol)
        v = 2.0 * (X.T @ d)
        t = _armijo_step(theta, u, d, v, y, l1, l2)
        if t == 0.0:
            break
        theta, u = theta + t * d, u + t * v
        steps += 1
    if gap > start[2]:  # worse than where it started: coordinate descent from there
        w, r = start[0], start[1]
    return w, r, steps


NEWTON_GRAM_FACTOR = 100  # |A|^2 <= this * n_samples: exact steps with the Gram matrix
NEWTON_CG_RTOL = 0.1  # Newton steps far from the solution need little accuracy
NEWTON_CG_MAX_ITER = 200


def _newton_cg(X_active, g, c, rtol):
    r"""Conjugate gradients on :math:`(I + cX_AX_A^\top)\,d = g`, from :math:`d = 0`.

    Matrix-free: each product is two passes over :math:`X_A`. It stops when
    the residual is below ``rtol`` times :math:`\|g\|`: an inexact Newton
    step, which is still a descent direction (every CG iterate from 0 is).
    The system is well conditioned (its eigenvalues are at least 1), so a few
    dozen iterations give several digits.
    """
    d = np.zeros_like(g)
    residual, direction = g.copy(), g.copy()
    rr = float(residual @ residual)
    stop = rtol * rtol * rr
    for _ in range(NEWTON_CG_MAX_ITER):
        H_direction = direction + c * (X_active @ (X_active.T @ direction))
        step = rr / float(direction @ H_direction)
        d += step * direction
        residual -= step * H_direction
        rr, rr_old = float(residual @ residual), rr
        if rr <= stop:
            break
        direction = residual + (rr / rr_old) * direction
    return d


def _armijo_step(theta, u, d, v, y, l1, l2):
    r"""The largest :math:`t \in \{1, 1/2, 1/4, \dots\}` with
    :math:`\varphi(\theta + td) - \varphi(\theta) \le 10^{-4}\,t\,\varphi'(0)`
    (:func:`_dual_newton`), or 0 if none is above ``MIN_STEP`` or :math:`d`
    is not a descent direction.

    ``u`` is :math:`2X^\top\theta` and ``v`` is :math:`2X^\top d`. The
    difference is summed term by term, so that it does not cancel between two
    large values of :math:`\varphi`: with :math:`s = S_{l_1}(u)` and
    :math:`s_t = S_{l_1}(u + tv)`,
    :math:`\varphi(\theta + td) - \varphi(\theta) = 2t(\theta - y)^\top d +
    t^2\|d\|^2 + (s_t - s)^\top(s_t + s) / 2l_2`.
    """
    s = _soft_threshold(u, l1)
    linear = 2.0 * float((theta - y) @ d)
    slope = linear + float(s @ v) / l2  # phi'(0)
    if not slope < 0.0:
        return 0.0
    dd = float(d @ d)
    t = 1.0
    while t >= MIN_STEP:
        s_t = _soft_threshold(u + t * v, l1)
        change = t * linear + t * t * dd + float((s_t - s) @ (s_t + s)) / (2.0 * l2)
        if change <= ARMIJO * t * slope:
            return t
        t *= 0.5
    return 0.0


# ---------------------------------------------------------------- FISTA

FISTA_CHECK_EVERY = 5  # iterations between two checks of the inner stopping rule
FISTA_STABLE_STEPS = 3  # steps with an unchanged support before the exact solve on it


def _fista_inner(problem, w, tol, max_iter, record, restart=True):
    r"""FISTA (Beck & Teboulle 2009) on a working set; returns ``(w, iterations)``.

    A proximal gradient step with step :math:`1/L` on the smooth part
    :math:`f(w) = w^\top G w - 2c^\top w` (the SSE up to a constant), whose
    gradient :math:`2(Gw - c)` is :math:`L`-Lipschitz with
    :math:`L = 2\sigma_{\max}(X_W)^2 = 2\lambda_{\max}(G)`:

    .. math::

        w_{k+1} = S_{l_1/L}\Bigl(z_k - \tfrac{1}{L}\nabla f(z_k)\Bigr), \quad
        t_{k+1} = \tfrac{1 + \sqrt{1 + 4t_k^2}}{2}, \quad
        z_{k+1} = w_{k+1} + \tfrac{t_k - 1}{t_{k+1}}(w_{k+1} - w_k).

    With ``restart``, the momentum is reset (:math:`t = 1`) whenever it points
    uphill, :math:`(z_k - w_{k+1})^\top(w_{k+1} - w_k) > 0` (O'Donoghue &
    Candès 2015), which restores fast linear convergence once the support is
    found. Once the support and signs stay the same between two checks, the
    exact solve on the support (:func:`_solve_on_support`, shared with
    coordinate descent) finishes the job in one step.
    """
    G, c, l1 = problem.G, problem.c, problem.l1
    L = 2.0 * float(np.linalg.eigvalsh(G)[-1])
    w = np.array(w, dtype=float)
    if L == 0:  # every column of the working set is zero: nothing to fit
        return w, 1
    z, t = w.copy(), 1.0
    iterations, signs, stable = 0, None, 0
    while iterations < max_iter:
        iterations += 1
        w_new = _soft_threshold(z - 2.0 * (G @ z - c) / L, l1 / L)
        if restart and (z - w_new) @ (w_new - w) > 0:
            z, t = w_new, 1.0
        else:
            t_new = (1.0 + math.sqrt(1.0 + 4.0 * t * t)) / 2.0
            z, t = w_new + ((t - 1.0) / t_new) * (w_new - w), t_new
        w = w_new
        Gw = G @ w
        # when the support and its signs have not changed for a few steps, the
        # proximal steps have found it: finish with the exact solve on it (as
        # coordinate descent does) instead of converging geometrically
        new_signs = np.sign(w)
        stable = stable + 1 if np.array_equal(new_signs, signs) else 0
        signs = new_signs
        if stable == FISTA_STABLE_STEPS and np.count_nonzero(w) <= MAX_EXACT_SUPPORT:
            w, q, _ = _solve_on_support(problem, w, c - Gw)
            Gw, z, t = c - q, w.copy(), 1.0
        record(problem.objective(w, Gw), w)
        if iterations % FISTA_CHECK_EVERY == 0 and problem.max_violation(w, Gw) <= tol:
            break
    return w, iterations


# ---------------------------------------------------------------- subgradient descent


def _subgradient(X, y, lam, tol_abs, max_iter, lr, record, sse_min=None):
    r"""Subgradient descent with step :math:`\eta_k = \text{lr}/\sqrt{k+1}`; keeps the best iterate.

    The cost does not decrease at every step, so we keep the iterate with the
    lowest cost, and the largest dual value seen: their difference is a valid
    duality gap for the returned coefficients. Returns
    ``(best_w, best_r, gap, iterations, history)``.
    """
    w, r, Xtr = np.zeros(X.shape[1]), y, X.T @ y
    history = _History(record)
    best_objective = float(y @ y)
    best = (w, r)
    best_dual = best_objective - _duality_gap(y, r, w, Xtr, lam, 0.0, sse_min)
    for k in range(max_iter):
        if best_objective - best_dual <= tol_abs:
            break
        w = w - lr / math.sqrt(k + 1) * (-2.0 * Xtr + lam * np.sign(w))
        r = y - X @ w
        Xtr = X.T @ r
        objective = float(r @ r) + lam * float(np.abs(w).sum())
        history.add(objective, w)
        best_dual = max(best_dual, objective - _duality_gap(y, r, w, Xtr, lam, 0.0, sse_min))
        if objective < best_objective:
            best_objective, best = objective, (w, r)
    gap = best_objective - best_dual
    return best[0], best[1], gap, len(history.objectives), history


# ---------------------------------------------------------------- public models


def ridge(X, y, lam, *, fit_intercept=True):
    r"""Ridge regression in closed form: minimize :math:`\|y - Xw\|^2 + \tfrac{1}{2}\lambda\|w\|^2`.

    .. math::

        \hat w = \bigl(X_c^\top X_c + \tfrac{\lambda}{2} I\bigr)^{-1} X_c^\top y_c
               = X_c^\top\bigl(X_c X_c^\top + \tfrac{\lambda}{2} I\bigr)^{-1} y_c

    The first (primal) form solves a :math:`p \times p` system and is used when
    :math:`n \ge p`; the second (dual, or kernel) form solves an
    :math:`n \times n` system and is used when :math:`p > n`. Both are the same
    vector (push-through identity). With :math:`\lambda = 0` the problem is
    least squares, and the minimum-norm solution is returned
    (:func:`numpy.linalg.lstsq`).

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (by centring ``X`` and ``y``).

    Returns
    -------
    FitResult
        ``coef`` (float64), ``intercept``, ``objective`` (the cost above); ``n_iter=0``,
        ``gap=0.0``, ``converged=True`` and an empty ``objective_history``.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, or ``lam`` is
        negative or NaN.

    See Also
    --------
    lasso, elastic_net, normlib.ridge_path
    sklearn.linear_model.Ridge : the same model with ``alpha = lam / 2``.

    Examples
    --------
    >>> import normlib as nl
    >>> X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
    >>> y = [1.0, 2.0, 3.0, 3.5]
    >>> fit = nl.ridge(X, y, lam=1.0)
    >>> fit.coef
    array([0.6, 1.1])
    >>> round(fit.intercept, 4)
    0.95
    """
    X, y, lam = _check_common(X, y, lam, "ridge")
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "ridge")
    data = _Scaled(X, y, fit_intercept)
    l2 = data.l2(lam)
    coef = _ridge_coef(data.X, data.y, l2)
    residual = data.y - data.X @ coef
    objective = float(residual @ residual) + 0.5 * l2 * float(coef @ coef)
    return _scaled_result(
        data, coef, n_iter=0, converged=True, objective=objective,
        gap=0.0, objective_history=np.empty(0),
    )


def _ridge_coef(X, y, lam):
    """Ridge coefficients: primal solve (n >= p), dual solve (p > n), lstsq (lam = 0).

    A rank-deficient ``X`` with a ``lam`` too small to lift the zero
    eigenvalues above round-off makes the system numerically singular; then
    the SVD formula of :func:`_ridge_svd_coefs` answers (as
    :func:`normlib.ridge_path` always does).
    """
    n, p = X.shape
    if lam == 0:
        return np.linalg.lstsq(X, y, rcond=None)[0]
    try:
        if n >= p:
            return np.linalg.solve(X.T @ X + 0.5 * lam * np.eye(p), X.T @ y)
        return X.T @ np.linalg.solve(X @ X.T + 0.5 * lam * np.eye(n), y)
    except np.linalg.LinAlgError:
        return _ridge_svd_coefs(X, y, np.array([lam]))[0][0]


def _ridge_svd_coefs(Xc, yc, lams):
    r"""Ridge coefficients for every lam from one SVD :math:`X_c = U\,\mathrm{diag}(s)\,V^\top`.

    Returns ``(coefs, s)``: coefficients of shape (n_lams, n_features) and the
    singular values kept (private helper shared with :mod:`normlib.paths`).
    """
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    # singular values below numpy.linalg.lstsq's cut-off count as 0 (lam = 0 is then
    # the minimum-norm least-squares solution, as in normlib.ridge)
    keep = s > np.finfo(float).eps * max(Xc.shape) * (s[0] if s.size else 0.0)
    s, U, Vt = s[keep], U[:, keep], Vt[keep]
    factors = s / (s**2 + 0.5 * lams[:, None])  # (n_lams, rank): s / (s^2 + lam/2)
    return (factors * (U.T @ yc)) @ Vt, s


def lasso(
    X,
    y,
    lam,
    *,
    fit_intercept=True,
    method="cd",
    tol=1e-10,
    max_iter=DEFAULT_MAX_ITER,
    lr=None,
    record_coefs=False,
    restart=True,
):
    r"""Lasso regression: minimize :math:`\|y - Xw\|_2^2 + \lambda\|w\|_1`.

    .. math::

        \hat w = \operatorname*{arg\,min}_w \; \|y_c - X_c w\|_2^2 + \lambda\|w\|_1

    Three solvers, from fastest to the one kept for teaching:

    * ``"cd"``: coordinate descent with **working sets**. Updating one
      coefficient with the others fixed is a 1-D lasso, solved exactly by soft
      thresholding, :math:`w_j \leftarrow S_{\lambda}\bigl(2X_j^\top(r +
      X_jw_j)\bigr) / (2\|X_j\|^2)`. The working-set idea: most coefficients
      of a lasso solution are 0, so an outer loop computes the duality gap and
      the optimality (KKT) violation of every feature and picks a small
      working set (the nonzero coefficients and the worst violators); an inner
      loop runs coordinate descent on that set only, using its Gram matrix
      :math:`X_W^\top X_W`, so that an update costs :math:`O(|W|)`. Once an
      epoch leaves the support and the signs unchanged (on a working set of
      at most 32 features: after every epoch), linear solves on the support
      finish the job exactly. The outer duality gap, computed on all
      features, certifies the answer (glmnet, celer and skglm work this
      way).
    * ``"fista"``: accelerated proximal gradient (Beck & Teboulle 2009): a
      gradient step :math:`1/L` with :math:`L = 2\sigma_{\max}(X)^2`, then soft
      thresholding, with momentum and adaptive restart; run inside the same
      working-set loop (so :math:`L` is that of the working set's columns).
    * ``"subgradient"``: plain subgradient descent on all features,
      :math:`w \leftarrow w - \eta_k\bigl(-2X^\top(y - Xw) +
      \lambda\,\mathrm{sign}(w)\bigr)` with :math:`\eta_k =
      \text{lr}/\sqrt{k+1}`, keeping the best iterate. Coefficients that
      should be 0 hover around 0 but never land on it, and the cost converges
      slowly (its error decreases like :math:`1/\sqrt{k}`): with the default
      ``tol`` it runs ``max_iter`` iterations and warns. The chapters pass a
      ``tol`` and ``max_iter`` suited to a demonstration.

    All three stop when the duality gap is at most ``tol`` :math:`\cdot
    \|y_c\|_2^2` (see :mod:`normlib.models`). They work on ``X`` and ``y``
    divided by powers of two (exactly), so the fit does not depend on the
    units: ``lasso(s * X, t * y, s * t * lam).coef == t / s * lasso(X, y,
    lam).coef`` from :math:`10^{-150}` to :math:`10^{150}` and beyond, and a
    tiny ``y`` cannot make the tolerance underflow to 0. The gap's dual point is the
    residual rescaled to be dual feasible: :math:`\theta = s\,r` with
    :math:`s = \min\bigl(1, \lambda/\|2X_c^\top r\|_\infty\bigr)`.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0`. With :math:`\lambda \ge`
        :func:`lambda_max` every coefficient is 0. :math:`\lambda = 0` is least
        squares (the gap then uses the least-squares minimum, one extra solve).
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (by centring ``X`` and ``y``).
    method : {'cd', 'fista', 'subgradient'}, default='cd'
        The solver (see above).
    tol : float, default=1e-10
        Relative tolerance on the duality gap. The gap bounds the error of the
        cost; the error of the coefficients is about its square root. ``"cd"``
        ends with an exact solve on the support, so with the default its
        coefficients agree with a tightly converged scikit-learn ``Lasso`` to
        about 1e-5 of the largest one; ``"fista"`` needs ``tol=1e-12`` for
        that. (scikit-learn's coordinate descent stops when the gap of half our
        cost is below ``tol * ||y_c||^2``: its ``tol`` is twice ours.)
    max_iter : int, default=10000
        Maximum number of epochs (``"cd"``: passes over the working set) or
        iterations (``"fista"``, ``"subgradient"``).
    lr : float or None, default=None
        Base step of ``"subgradient"``; ``None`` means :math:`1/L`,
        :math:`L = 2\sigma_{\max}(X_c)^2`. Ignored by the other methods.
    record_coefs : bool, default=False
        Also store the coefficients after every iteration in ``coef_history``.
    restart : bool, default=True
        ``"fista"`` only: reset the momentum when it points uphill (adaptive
        restart); ``False`` gives the plain algorithm of Beck & Teboulle.

    Returns
    -------
    FitResult
        ``coef`` (float64 whatever the dtype of ``X``; exact zeros for
        ``"cd"`` and ``"fista"``), ``intercept``,
        ``n_iter``, ``converged``, ``objective``, ``gap``,
        ``objective_history`` (one value per epoch or iteration) and
        ``coef_history``.

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, ``lam`` is negative
        or NaN, ``method`` is unknown, ``tol`` < 0, ``max_iter`` < 1 or ``lr`` ≤ 0.
    TypeError
        If ``X`` or ``y`` is a masked array or a sparse matrix, or a boolean
        option (``fit_intercept``, ``record_coefs``, ``restart``) is not a bool.

    Warns
    -----
    ConvergenceWarning
        If the gap is still above ``tol`` :math:`\cdot\|y_c\|^2` after
        ``max_iter`` iterations (the result then has ``converged=False``).

    See Also
    --------
    ridge, elastic_net, lambda_max, normlib.lasso_path, normlib.soft_threshold
    sklearn.linear_model.Lasso : minimizes ``||y - Xw||^2 / (2n) + alpha * ||w||_1``;
        the same solution with ``alpha = lam / (2 * n_samples)``.

    References
    ----------
    A. Beck and M. Teboulle, "A fast iterative shrinkage-thresholding algorithm
    for linear inverse problems", SIAM J. Imaging Sciences 2(1), 2009.
    M. Massias, A. Gramfort and J. Salmon, "Celer: a fast solver for the Lasso
    with dual extrapolation", ICML 2018.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 5))
    >>> y = X @ np.array([3.0, 0.0, -2.0, 0.0, 0.0]) + 0.1 * rng.standard_normal(50)
    >>> fit = nl.lasso(X, y, lam=10.0)
    >>> np.round(fit.coef, 2)
    array([ 2.83,  0.  , -1.9 ,  0.  ,  0.  ])
    >>> fit.converged
    True
    """
    X, y, lam = _check_common(X, y, lam, "lasso")
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "lasso")
    method = check_option(method, "method", "lasso", LASSO_METHODS)
    tol, max_iter = _check_iteration_args(tol, max_iter, "lasso")
    if lr is not None:
        lr = check_scalar(lr, "lr", "lasso", low=0.0, low_inclusive=False)
    record_coefs = check_bool(record_coefs, "record_coefs", "lasso")
    restart = check_bool(restart, "restart", "lasso")
    data = _Scaled(X, y, fit_intercept)
    Xs, ys, l1 = data.X, data.y, data.l1(lam)
    tol_abs = tol * float(ys @ ys)
    sse_min = _sse_min_if_needed(data, l1, 0.0)
    if method == "subgradient":
        if lr is None:
            L = _sse_lipschitz(Xs)
            lr = 1.0 / L if L > 0 else 1.0
        else:
            lr = data.lr(lr)
        coef, r, gap, n_iter, history = _subgradient(Xs, ys, l1, tol_abs, max_iter, lr,
                                                     record_coefs, sse_min)
    else:
        inner = _cd_inner if method == "cd" else partial(_fista_inner, restart=restart)
        coef, r, gap, n_iter, history = _working_set_solver(
            Xs, ys, l1, 0.0, np.zeros(X.shape[1]), tol_abs, max_iter, inner, record_coefs,
            sse_min,
        )
    converged = bool(gap <= tol_abs)
    if not converged:
        _warn_not_converged(
            f"lasso ({method})", data.cost(gap), data.cost(tol_abs), n_iter, stacklevel=2
        )
    objectives, coefs = history.arrays(X.shape[1])
    objective = float(r @ r) + l1 * float(np.abs(coef).sum())
    return _scaled_result(
        data, coef, n_iter=n_iter, converged=converged, objective=objective,
        gap=float(gap), objective_history=objectives, coef_history=coefs,
    )


def elastic_net(
    X,
    y,
    lam,
    l1_ratio,
    *,
    fit_intercept=True,
    tol=1e-10,
    max_iter=DEFAULT_MAX_ITER,
    record_coefs=False,
):
    r"""Elastic net: minimize the SSE plus a mix of the L1 and L2 penalties.

    .. math::

        \hat w = \operatorname*{arg\,min}_w \; \|y_c - X_c w\|_2^2
            + \lambda\Bigl(\rho\|w\|_1 + \tfrac{1}{2}(1-\rho)\|w\|_2^2\Bigr),
        \qquad \rho = \texttt{l1\_ratio}

    Solved by the working-set coordinate descent of :func:`lasso`; the
    coordinate update becomes :math:`w_j \leftarrow S_{\lambda\rho}(2X_j^\top(r
    + X_jw_j)) / (2\|X_j\|^2 + \lambda(1-\rho))`. When the support grows large
    (more than a few dozen nonzeros) and the L2 part is not negligible, the fit
    finishes with a semismooth Newton method on the dual, a smooth problem in
    ``n_samples`` unknowns when :math:`\rho < 1` (each Newton step counts as one
    iteration in ``n_iter``). It stops on the duality gap
    of scikit-learn's ``ElasticNet`` (the lasso gap of the augmented data
    :math:`[X; \sqrt{\lambda(1-\rho)/2}\,I]`, :math:`[y; 0]`), relative to
    :math:`\|y_c\|^2`.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    l1_ratio : float
        :math:`\rho \in [0, 1]`: 1 is the lasso, 0 is ridge.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept (by centring ``X`` and ``y``).
    tol : float, default=1e-10
        Relative tolerance on the duality gap.
    max_iter : int, default=10000
        Maximum number of coordinate-descent epochs.
    record_coefs : bool, default=False
        Also store the coefficients after every epoch in ``coef_history``.

    Returns
    -------
    FitResult
        As :func:`lasso` (``coef`` is float64 whatever the dtype of ``X``).

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, ``lam`` is negative
        or NaN, ``l1_ratio`` is outside :math:`[0, 1]`, ``tol`` < 0 or ``max_iter`` < 1.

    Warns
    -----
    ConvergenceWarning
        If the gap is still above the tolerance after ``max_iter`` epochs.

    See Also
    --------
    lasso, ridge, normlib.elastic_net_path, normlib.elastic_net_penalty
    sklearn.linear_model.ElasticNet : the same model with
        ``alpha = lam / (2 * n_samples)`` and the same ``l1_ratio``.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((50, 4))
    >>> y = X @ np.array([2.0, 0.0, -1.0, 0.0]) + 0.1 * rng.standard_normal(50)
    >>> fit = nl.elastic_net(X, y, lam=20.0, l1_ratio=0.5)
    >>> np.round(fit.coef, 2)
    array([ 1.66,  0.  , -0.79,  0.  ])
    """
    X, y, lam = _check_common(X, y, lam, "elastic_net")
    rho = check_scalar(l1_ratio, "l1_ratio", "elastic_net", low=0.0, high=1.0)
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "elastic_net")
    tol, max_iter = _check_iteration_args(tol, max_iter, "elastic_net")
    record_coefs = check_bool(record_coefs, "record_coefs", "elastic_net")
    data = _Scaled(X, y, fit_intercept)
    Xs, ys = data.X, data.y
    tol_abs = tol * float(ys @ ys)
    l1, l2 = data.l1(lam * rho), data.l2(lam * (1.0 - rho))
    sse_min = _sse_min_if_needed(data, l1, l2)
    coef, r, gap, n_iter, history = _working_set_solver(
        Xs, ys, l1, l2, np.zeros(X.shape[1]), tol_abs, max_iter, _cd_inner, record_coefs,
        sse_min,
    )
    converged = bool(gap <= tol_abs)
    if not converged:
        _warn_not_converged(
            "elastic_net (cd)", data.cost(gap), data.cost(tol_abs), n_iter, stacklevel=2
        )
    objectives, coefs = history.arrays(X.shape[1])
    objective = float(r @ r) + l1 * float(np.abs(coef).sum()) + 0.5 * l2 * float(coef @ coef)
    return _scaled_result(
        data, coef, n_iter=n_iter, converged=converged, objective=objective,
        gap=float(gap), objective_history=objectives, coef_history=coefs,
    )


def lambda_max(X, y, *, fit_intercept=True, l1_ratio=1.0):
    r"""Smallest :math:`\lambda` for which the lasso (elastic net) solution is all zeros.

    .. math::

        \lambda_{\max} = \frac{2\,\|X_c^\top y_c\|_\infty}{\rho}

    At :math:`w = 0` the KKT condition of the lasso reads
    :math:`|2X_j^\top y_c| \le \lambda` for every feature :math:`j` (the
    gradient of the SSE must fit inside :math:`\lambda` times the
    subdifferential :math:`[-1, 1]` of :math:`|w_j|`); the L2 part of the
    elastic net has zero gradient at 0, so only :math:`\lambda\rho` counts.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    fit_intercept : bool, default=True
        Centre ``X`` and ``y`` first (as the models do).
    l1_ratio : float, default=1.0
        :math:`\rho \in (0, 1]`; 1 for the lasso.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, their lengths differ, or ``l1_ratio`` is
        not in :math:`(0, 1]`.

    See Also
    --------
    lasso, normlib.lasso_path
    sklearn.linear_model.lasso_path : its largest ``alpha`` is
        ``lambda_max / (2 * n_samples)``.

    Examples
    --------
    >>> import normlib as nl
    >>> X = [[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]]
    >>> y = [3.0, 1.0, -4.0]
    >>> nl.lambda_max(X, y)
    14.0
    """
    X, y = check_X_y(X, y, "lambda_max")
    fit_intercept = check_bool(fit_intercept, "fit_intercept", "lambda_max")
    rho = check_scalar(
        l1_ratio, "l1_ratio", "lambda_max", low=0.0, high=1.0, low_inclusive=False
    )
    data = _Scaled(X, y, fit_intercept)
    with np.errstate(over="ignore"):  # beyond the float range: inf, the honest answer
        return float(np.ldexp(data.lam_max(rho), data.ex + data.ey))


def to_sklearn_alpha(lam, n_samples, penalty):
    r"""Convert the book's :math:`\lambda` to scikit-learn's ``alpha``.

    .. math::

        \alpha_{\text{Lasso}} = \alpha_{\text{ElasticNet}} = \frac{\lambda}{2n},
        \qquad \alpha_{\text{Ridge}} = \frac{\lambda}{2}

    ``Lasso`` minimizes :math:`\frac{1}{2n}\|y - Xw\|^2 + \alpha\|w\|_1`:
    multiplying the book's cost by :math:`\frac{1}{2n}` gives
    :math:`\alpha = \lambda / 2n` (same for ``ElasticNet``, whose L2 term
    :math:`\tfrac{1}{2}\alpha(1-\rho)\|w\|^2` matches too). ``Ridge`` minimizes
    :math:`\|y - Xw\|^2 + \alpha\|w\|^2`, so :math:`\alpha = \lambda/2`.

    Parameters
    ----------
    lam : float or array_like of float
        The book's penalty strength :math:`\lambda \ge 0`, or an array of them
        (a grid of :math:`\lambda` for a path or a cross-validation).
    n_samples : int
        Number of training samples :math:`n \ge 1` (used by ``'l1'`` and ``'elasticnet'``).
    penalty : {'l1', 'l2', 'elasticnet'}
        The model: ``Lasso``, ``Ridge`` or ``ElasticNet``.

    Returns
    -------
    float or ndarray
        scikit-learn's ``alpha``: a float for a scalar ``lam``, an array of the
        same shape for an array ``lam``.

    Raises
    ------
    ValueError
        If ``lam`` is (or contains) a negative, NaN or infinite value,
        ``n_samples`` < 1, or ``penalty`` is unknown.
    TypeError
        If ``lam`` is neither a real number nor an array of real numbers, or
        ``n_samples`` is not an integer.

    See Also
    --------
    sklearn.linear_model.Lasso, sklearn.linear_model.Ridge, sklearn.linear_model.ElasticNet

    Examples
    --------
    >>> to_sklearn_alpha(10.0, 100, "l1")
    0.05
    >>> to_sklearn_alpha(10.0, 100, "l2")
    5.0
    >>> to_sklearn_alpha([10.0, 1.0], 100, "l1")
    array([0.05 , 0.005])
    """
    if isinstance(lam, numbers.Real):
        lam = check_scalar(lam, "lam", "to_sklearn_alpha", low=0.0)
    else:
        lam = check_nonnegative(lam, "lam", "to_sklearn_alpha")
    n = check_scalar(n_samples, "n_samples", "to_sklearn_alpha", low=1, integer=True)
    penalty = check_option(penalty, "penalty", "to_sklearn_alpha", ("l1", "l2", "elasticnet"))
    return lam / 2.0 if penalty == "l2" else lam / (2.0 * n)


# ---------------------------------------------------------------- using a fit


def _predict(coef, intercept, X):
    """``X @ coef + intercept`` after checking ``X`` (FitResult.predict)."""
    X = check_array(X, "X", "FitResult.predict", ndim=2)
    if X.shape[1] != coef.size:
        raise ValueError(
            f"The 'X' parameter of FitResult.predict must have {coef.size} columns "
            f"(one per coefficient); got {X.shape[1]}."
        )
    return X @ coef + intercept


def mean_squared_error(y, y_pred):
    r"""Mean squared error of predictions: the SSE divided by the number of samples.

    .. math::

        \mathrm{MSE}(y, \hat y) = \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat y_i)^2
        = \frac{1}{n}\,\|y - \hat y\|_2^2

    The chapters measure training and test error with it:
    ``nl.mean_squared_error(y_test, fit.predict(X_test))``. Unlike the SSE
    (:func:`sse`, the book's loss), it does not grow with :math:`n`, so errors
    on sets of different sizes can be compared.

    Parameters
    ----------
    y : array_like of shape (n_samples,)
        True targets.
    y_pred : array_like of shape (n_samples,)
        Predictions, for example from :meth:`FitResult.predict`.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If either argument is not a finite, non-empty 1-D array of real
        numbers, or their lengths differ.

    See Also
    --------
    normlib.sse : the sum of squared errors :math:`\|y - Xw\|_2^2`.
    sklearn.metrics.mean_squared_error : the same number.

    Examples
    --------
    >>> import normlib as nl
    >>> nl.mean_squared_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])
    0.375
    """
    y = check_array(y, "y", "mean_squared_error", ndim=1)
    y_pred = check_array(y_pred, "y_pred", "mean_squared_error", ndim=1)
    if y.shape != y_pred.shape:
        raise ValueError(
            "The 'y' and 'y_pred' parameters of mean_squared_error must have the same "
            f"length; got {y.size} and {y_pred.size}."
        )
    residual = y - y_pred
    return float(residual @ residual) / y.size


def kkt_violation(X, y, coef, lam, penalty="l1", *, l1_ratio=0.5, fit_intercept=True):
    r"""How far each coefficient is from satisfying the optimality (KKT) conditions.

    With :math:`c = 2X_c^\top(y_c - X_c w)`, minus the gradient of the SSE
    (on centred data when ``fit_intercept=True``, which is the condition for
    :math:`w` when the intercept is the optimal one, as every fit returns),
    :math:`w` minimizes the cost exactly when :math:`0` is in its
    subdifferential. For the lasso that is

    .. math::

        c_j = \lambda\,\mathrm{sign}(w_j) \ \text{ if } w_j \ne 0, \qquad
        |c_j| \le \lambda \ \text{ if } w_j = 0,

    and the violation of coordinate :math:`j` is the distance from :math:`c_j`
    to the set :math:`\lambda\,\partial|w_j|` (the point
    :math:`\lambda\,\mathrm{sign}(w_j)`, or the box :math:`[-\lambda, \lambda]`
    at :math:`w_j = 0`):

    .. math::

        v_j = \begin{cases}
            |c_j - \lambda\,\mathrm{sign}(w_j)| & w_j \ne 0, \\
            \max(|c_j| - \lambda,\ 0) & w_j = 0.
        \end{cases}

    For ridge (``'l2'``, cost :math:`\mathrm{SSE} + \tfrac12\lambda\|w\|_2^2`)
    the cost is differentiable and :math:`v_j = |c_j - \lambda w_j|`, the size
    of the gradient. For the elastic net (``'elasticnet'``, :math:`\rho` =
    ``l1_ratio``) :math:`c_j - \lambda(1-\rho)w_j` is compared with the box
    of :math:`\lambda\rho\,\partial|w_j|`. All :math:`v_j` are 0 exactly at a
    minimizer; :math:`\max_j v_j` is in the units of the gradient, so compare it
    with :math:`\lambda` or with :math:`\|2X_c^\top y_c\|_\infty`.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix.
    y : array_like of shape (n_samples,)
        Targets.
    coef : array_like of shape (n_features,)
        The coefficients :math:`w` to check (for example ``fit.coef``).
    lam : float
        Penalty strength :math:`\lambda \ge 0`.
    penalty : {'l1', 'l2', 'elasticnet'}, default='l1'
        The model: lasso, ridge or elastic net.
    l1_ratio : float, default=0.5
        :math:`\rho \in [0, 1]`, used by ``'elasticnet'`` only.
    fit_intercept : bool, default=True
        Centre ``X`` and ``y`` first, as the fits do.

    Returns
    -------
    ndarray of shape (n_features,)
        The violation :math:`v_j \ge 0` of each coefficient.

    Raises
    ------
    ValueError
        If ``X``, ``y`` or ``coef`` is invalid or their shapes do not match,
        ``lam`` is negative or NaN, ``penalty`` is unknown, or ``l1_ratio`` is
        not in :math:`[0, 1]`.

    See Also
    --------
    lasso, lambda_max
    sklearn.linear_model.Lasso : its ``dual_gap_`` certifies optimality in
        another way (the duality gap, which ``lasso`` reports as ``gap``).

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> X = np.eye(3)                                  # orthonormal columns
    >>> y = np.array([3.0, -0.5, 1.5])
    >>> w = nl.soft_threshold(y, 1.0)                  # the lasso solution at lam = 2
    >>> nl.kkt_violation(X, y, w, 2.0, fit_intercept=False)
    array([0., 0., 0.])
    >>> nl.kkt_violation(X, y, np.zeros(3), 2.0, fit_intercept=False)
    array([4., 0., 1.])
    """
    func = "kkt_violation"
    X, y = check_X_y(X, y, func)
    coef = check_array(coef, "coef", func, ndim=1)
    if coef.size != X.shape[1]:
        raise ValueError(
            f"The 'coef' parameter of {func} must have one value per column of X "
            f"({X.shape[1]}); got {coef.size}."
        )
    lam = check_scalar(lam, "lam", func, low=0.0)
    penalty = check_option(penalty, "penalty", func, ("l1", "l2", "elasticnet"))
    rho = check_scalar(l1_ratio, "l1_ratio", func, low=0.0, high=1.0)
    rho = {"l1": 1.0, "l2": 0.0, "elasticnet": rho}[penalty]
    fit_intercept = check_bool(fit_intercept, "fit_intercept", func)
    if fit_intercept:  # the optimal intercept for coef: work on centred data
        X, y = X - X.mean(axis=0), y - y.mean()
    c = 2.0 * X.T @ (y - X @ coef) - lam * (1.0 - rho) * coef
    return _kkt_violation(coef, c, lam * rho)
