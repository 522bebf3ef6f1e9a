r"""Explorables: continuous interactive figures for the static book (chapter *Move λ yourself*).

An explorable is a figure the reader changes with real controls (range inputs,
a checkbox, dragging a point or a cursor), redrawn in the page by plain
JavaScript with no kernel and no network. The split is:

- **normlib computes, at build time**, everything that is not a 2-D closed form:
  the exact lasso path's breakpoints (:func:`normlib.lars_lasso_path`), the one
  SVD of the ridge path, the Gram matrix of a 2-feature problem and its
  least-squares point. The functions below pack these numbers as JSON into the
  cell's HTML output (rounded to 10 significant digits, signs of singular
  vectors fixed, so the output is the same on every BLAS).
- **The page draws**: ``book/_explorables/explorables/explorables.js`` (one file,
  linted by ESLint) reads the JSON and redraws SVG on every control change. The
  few formulas it needs to stay continuous mirror normlib's and carry the same
  names (``softThreshold``, ``hardThreshold``, ``ridge1``, ``elasticNet2``,
  ``interpolatePath``, ``ridgePath``); the browser tests compare what the page
  shows with normlib at the same inputs.

The Sphinx extension ``book/_ext/explorables.py`` serves the script and its CSS
on the pages that contain an explorable. Without JavaScript (or in Jupyter,
which does not load the book's scripts) the explorable shows one line pointing
at the static figure above it, which is also what a printed page shows.
"""

import html
import json

import numpy as np

from .. import models, paths
from .._validation import check_array, check_scalar, check_X_y
from ._language import _check_language, _languages_from_environment, catalog

NOJS_TEXT = ("The interactive version of the figure above runs in the book's HTML pages "
             "(it needs JavaScript).")
LABELS = {
    "regions": "Lasso, ridge and elastic net in the plane",
    "paths": "Lasso and ridge coefficient paths",
    "thresholding": "Soft, hard and proportional shrinkage",
}
# The English strings of the explorables' HTML: figures.ko.po translates them
# (scripts/figure_catalog.py collects them; the script translates its own labels).
TEXTS = (*LABELS.values(), NOJS_TEXT)

__all__ = [
    "Explorable",
    "paths_explorable",
    "regions_explorable",
    "thresholding_explorable",
]

KINDS = ("regions", "paths", "thresholding")
_DIGITS = 10  # significant digits of the numbers stored in the page


def _round(value):
    """Numbers (nested lists of floats) rounded to _DIGITS significant digits, for JSON."""
    if isinstance(value, dict):
        return {key: _round(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_round(item) for item in value]
    if isinstance(value, np.ndarray):
        return _round(value.tolist())
    if isinstance(value, float | np.floating):
        rounded = float(f"{float(value):.{_DIGITS}g}")
        return rounded + 0.0  # no negative zeros
    return value


class Explorable:
    """An interactive figure: the data normlib computed and the kind of drawing.

    Displays (``_repr_html_``) as a ``<div class="normlib-explorable">`` holding
    the data as JSON; the book's script turns it into controls and an SVG
    figure. Create it with :func:`regions_explorable`, :func:`paths_explorable`
    or :func:`thresholding_explorable`.

    Attributes
    ----------
    kind : {'regions', 'paths', 'thresholding'}
        Which drawing the page makes.
    data : dict
        The numbers the page needs (JSON-ready, already rounded).
    label : str
        A short accessible name of the figure.
    fallback : str or None
        The ``name`` of the static figure it replaces on screen (hidden by the
        script, kept for print and for readers without JavaScript).
    """

    def __init__(self, kind, data, label, fallback=None):
        if kind not in KINDS:
            raise ValueError(f"The 'kind' parameter of Explorable must be one of {KINDS}; "
                             f"got {kind!r}.")
        if not isinstance(label, str) or not label.strip():
            raise ValueError("The 'label' parameter of Explorable must be a non-empty string.")
        if fallback is not None and not isinstance(fallback, str):
            raise TypeError("The 'fallback' parameter of Explorable must be a str or None.")
        self.kind = kind
        self.data = _round(data)
        self.label = label
        self.fallback = fallback

    def __repr__(self):
        return f"Explorable({self.kind!r}, {self.label!r})"

    def to_json(self):
        """The data as the compact JSON string stored in the page."""
        # "</" cannot appear inside a <script> element: escape the slash
        return json.dumps(self.data, separators=(",", ":"), ensure_ascii=False).replace(
            "</", "<\\/"
        )

    def to_html(self, lang="en"):
        """The HTML of the explorable, its label and no-JavaScript line in ``lang``.

        Strings without a translation in ``figures.<lang>.po`` stay English; the
        explorables' script picks the language of its own labels from the page's
        ``<html lang>``.
        """
        _check_language(lang, "Explorable.to_html")
        messages = catalog(lang)
        label, nojs = (messages.get(text, text) for text in (self.label, NOJS_TEXT))
        fallback = (
            f' data-fallback="{html.escape(self.fallback)}"' if self.fallback else ""
        )
        return (
            f'<div class="normlib-explorable" data-kind="{self.kind}"'
            f' data-label="{html.escape(label)}"{fallback}>'
            f'<p class="normlib-explorable-nojs">{html.escape(nojs, quote=False)}</p>'
            f'<script type="application/json">{self.to_json()}</script>'
            "</div>"
        )

    def _repr_html_(self):
        languages = _languages_from_environment()
        if not languages:
            return self.to_html()
        # the book's kernels (NORMLIB_FIGURE_LANGUAGES): the other editions' HTML in the
        # output metadata, as for figures (normlib.plotting.figure_translations)
        texts = [self.label, NOJS_TEXT]
        messages = {lang: catalog(lang) for lang in languages}
        extra = {"texts": texts, "missing": {
            lang: [t for t in texts if t not in messages[lang]] for lang in languages}}
        extra.update({lang: self.to_html(lang) for lang in languages})
        return self.to_html(), {"normlib": extra}


# ---------------------------------------------------------------- the three explorables


def regions_explorable(
    X, y, *, lam=60.0, lam_max=None, l1_ratio=0.5, view=None, fallback=None
):
    r"""The diamond and the disc, continuous: drag the least-squares point, move :math:`\lambda`.

    For two features and no intercept the penalized solutions depend on the
    data only through :math:`G = X^\top X` and :math:`b = X^\top y = G\,\hat
    w_{\text{OLS}}`. The page keeps :math:`G` fixed, lets the reader move
    :math:`\hat w_{\text{OLS}}` (dragging it, clicking, or with two sliders)
    and :math:`\lambda`, and solves exactly, at every change, the lasso
    (:math:`\min \|y - Xw\|^2 + \lambda\|w\|_1`), ridge
    (:math:`+\tfrac12\lambda\|w\|_2^2`) and the elastic net with mix
    :math:`\rho` (:math:`+\lambda(\rho\|w\|_1 + \tfrac12(1-\rho)\|w\|_2^2)`):
    the 2-D problem has a finite set of candidate solutions (zero, one
    coordinate soft-thresholded, or both nonzero with a sign pattern), and the
    page keeps the one with the lowest cost (``elasticNet2`` in the script,
    compared with :func:`normlib.lasso`, :func:`normlib.ridge` and
    :func:`normlib.elastic_net` by the browser tests).

    Parameters
    ----------
    X : array_like of shape (n_samples, 2)
        Design matrix with two features.
    y : array_like of shape (n_samples,)
        Targets.
    lam : float, default=60.0
        Initial :math:`\lambda \ge 0`.
    lam_max : float, optional
        Largest :math:`\lambda` of the slider; ``None`` uses 1.5 times
        :func:`normlib.lambda_max` (no intercept).
    l1_ratio : float, default=0.5
        Initial elastic-net mix :math:`\rho \in [0, 1]`.
    view : tuple of 4 floats, optional
        ``(w1_min, w1_max, w2_min, w2_max)`` of the plane drawn (fixed: the
        axes never rescale); ``None`` takes a square around the origin and
        the least-squares point. The least-squares point can be moved anywhere
        in it.
    fallback : str, optional
        Name of the static figure this explorable replaces on screen.

    Returns
    -------
    Explorable

    Raises
    ------
    ValueError
        If ``X`` does not have two columns, ``X`` and ``y`` do not match,
        ``lam`` or ``lam_max`` is out of range, or ``view`` is not increasing.

    See Also
    --------
    normlib.plotting.plot_constraint_region : the static picture for one :math:`\lambda`.
    normlib.lasso, normlib.ridge, normlib.elastic_net

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    >>> e = plotting.regions_explorable(X, [1.0, 2.0, 3.0], lam=1.0)
    >>> e.data["gram"], e.data["w_ols"]
    ([[2.0, 1.0], [1.0, 2.0]], [1.0, 2.0])
    """
    func = "regions_explorable"
    X, y = check_X_y(X, y, func)
    if X.shape[1] != 2:
        raise ValueError(
            f"The 'X' parameter of {func} must have exactly 2 features (columns); "
            f"got {X.shape[1]}."
        )
    with np.errstate(over="ignore"):
        gram = X.T @ X
    if not np.isfinite(gram).all():  # the page's cost needs X^T X as numbers (issue 12)
        raise ValueError(
            f"The 'X' parameter of {func} is too large for the explorable: X^T X exceeds "
            f"the float range (largest |X| entry {float(np.abs(X).max()):.1e}); rescale X and y."
        )
    w_ols = models.ridge(X, y, 0.0, fit_intercept=False).coef  # λ = 0: least squares
    if lam_max is None:
        lam_max = 1.5 * models.lambda_max(X, y, fit_intercept=False)
    lam_max = check_scalar(lam_max, "lam_max", func, low=0.0, low_inclusive=False)
    lam = check_scalar(lam, "lam", func, low=0.0, high=lam_max)
    rho = check_scalar(l1_ratio, "l1_ratio", func, low=0.0, high=1.0)
    if view is None:
        reach = 1.6 * float(np.abs(w_ols).max()) + 0.5
        view = (-reach, reach, -reach, reach)
    view = check_array(view, "view", func, ndim=1)
    if view.shape != (4,) or not (view[0] < view[1] and view[2] < view[3]):
        raise ValueError(
            f"The 'view' parameter of {func} must be (w1_min, w1_max, w2_min, w2_max) "
            "with min < max."
        )
    data = {
        "gram": gram,
        "w_ols": w_ols,
        "lam": lam,
        "lam_max": lam_max,
        "l1_ratio": rho,
        "view": view,
    }
    return Explorable("regions", data, LABELS["regions"], fallback)


def _svd_signs_fixed(Xc):
    """Thin SVD of Xc with each right singular vector's largest entry positive (BLAS-proof)."""
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    flip = np.sign(Vt[np.arange(Vt.shape[0]), np.abs(Vt).argmax(axis=1)])
    flip[flip == 0] = 1.0
    return U * flip, s, Vt * flip[:, None]


def paths_explorable(
    X, y, *, feature_names=None, lam=None, lam_min_ratio=1e-4, fallback=None
):
    r"""Coefficient paths with a continuous :math:`\lambda` cursor: lasso exact, ridge from one SVD.

    The lasso path is piecewise linear in :math:`\lambda`;
    :func:`normlib.lars_lasso_path` computes its breakpoints, and the page
    interpolates linearly between them (``interpolatePath``, the same as
    :func:`normlib.interpolate_path`), which is exact. The ridge path is
    :math:`V\,\mathrm{diag}(s_i/(s_i^2 + \lambda/2))\,U^\top y_c` from one SVD
    of the centred data (``ridgePath``, the formula of
    :func:`normlib.ridge_path`). The readout lists every coefficient and the
    number of nonzeros at the cursor.

    Parameters
    ----------
    X : array_like of shape (n_samples, n_features)
        Design matrix (centred by the function: an intercept is fitted).
    y : array_like of shape (n_samples,)
        Targets.
    feature_names : sequence of str, optional
        Names shown in the readout; ``None`` numbers the features.
    lam : float, optional
        Initial cursor; ``None`` puts it at ``lambda_max / 10``.
    lam_min_ratio : float, default=1e-4
        Smallest :math:`\lambda` of the slider, relative to ``lambda_max``, in (0, 1).
    fallback : str, optional
        Name of the static figure this explorable replaces on screen.

    Returns
    -------
    Explorable

    Raises
    ------
    ValueError
        If ``X`` or ``y`` is invalid, the names do not match the features, or
        ``lam`` / ``lam_min_ratio`` is out of range.

    See Also
    --------
    normlib.lars_lasso_path, normlib.interpolate_path, normlib.ridge_path
    normlib.plotting.plot_coef_path : the static picture on a grid.

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import plotting
    >>> rng = np.random.default_rng(0)
    >>> X = rng.standard_normal((30, 3))
    >>> e = plotting.paths_explorable(X, X @ [1.0, -2.0, 0.0], feature_names=["a", "b", "c"])
    >>> len(e.data["lasso_lams"]) == len(e.data["lasso_coefs"]), e.data["names"]
    (True, ['a', 'b', 'c'])
    """
    func = "paths_explorable"
    X, y = check_X_y(X, y, func)
    p = X.shape[1]
    if feature_names is None:
        names = [f"w{j + 1}" for j in range(p)]
    else:
        names = [str(name) for name in feature_names]
        if len(names) != p:
            raise ValueError(
                f"The 'feature_names' parameter of {func} must have one name per feature "
                f"({p}); got {len(names)}."
            )
    ratio = check_scalar(
        lam_min_ratio, "lam_min_ratio", func, low=0.0, high=1.0,
        low_inclusive=False, high_inclusive=False,
    )
    breaks, coefs = paths.lars_lasso_path(X, y)
    lam_top = float(breaks[0])
    if lam is None:
        lam = lam_top / 10.0
    lam = check_scalar(lam, "lam", func, low=ratio * lam_top, high=lam_top)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    U, s, Vt = _svd_signs_fixed(Xc)
    data = {
        "names": names,
        "lam": lam,
        "lam_min": ratio * lam_top,
        "lam_max": lam_top,
        "lasso_lams": breaks,
        "lasso_coefs": coefs,
        "ridge_s": s,
        "ridge_vt": Vt,
        "ridge_uty": U.T @ yc,
    }
    return Explorable("paths", data, LABELS["paths"], fallback)


def thresholding_explorable(*, lam=2.0, z=1.5, lam_max=6.0, half_width=4.0, fallback=None):
    r"""Soft, hard and proportional shrinkage of one coefficient as :math:`\lambda` moves.

    One standardized feature (:math:`\|x\|_2 = 1`) with least-squares weight
    :math:`z = x^\top y`; the cost :math:`(z - w)^2 + \text{penalty}` is
    minimized by

    .. math::

        \text{lasso } (\lambda|w|):\; S_{\lambda/2}(z), \qquad
        \text{best subset } (\tfrac{\lambda^2}{4}\,[w \ne 0]):\; H_{\lambda/2}(z), \qquad
        \text{ridge } (\tfrac12\lambda w^2):\; \frac{z}{1 + \lambda/2},

    (:func:`normlib.soft_threshold`, :func:`normlib.hard_threshold`,
    :func:`normlib.ridge` with ``X = [[1]]``); the L0 strength is chosen so
    that both thresholds sit at :math:`\lambda/2`. The page draws the three
    curves against :math:`z` and marks the reader's :math:`z`.

    Parameters
    ----------
    lam : float, default=2.0
        Initial :math:`\lambda`, in ``[0, lam_max]``.
    z : float, default=1.5
        Initial least-squares value, in ``[-half_width, half_width]``.
    lam_max : float, default=6.0
        Largest :math:`\lambda` of the slider.
    half_width : float, default=4.0
        The plot shows :math:`z \in [-\text{half\_width}, \text{half\_width}]`.
    fallback : str, optional
        Name of the static figure this explorable replaces on screen.

    Returns
    -------
    Explorable

    Raises
    ------
    ValueError, TypeError
        If a number is out of range or not a number.

    See Also
    --------
    normlib.soft_threshold, normlib.hard_threshold, normlib.plotting.plot_shrinkage

    Examples
    --------
    >>> from normlib import plotting
    >>> plotting.thresholding_explorable(lam=1.0).data["lam"]
    1.0
    """
    func = "thresholding_explorable"
    lam_max = check_scalar(lam_max, "lam_max", func, low=0.0, low_inclusive=False)
    half_width = check_scalar(half_width, "half_width", func, low=0.0, low_inclusive=False)
    lam = check_scalar(lam, "lam", func, low=0.0, high=lam_max)
    z = check_scalar(z, "z", func, low=-half_width, high=half_width)
    data = {"lam": lam, "lam_max": lam_max, "z": z, "half_width": half_width}
    return Explorable("thresholding", data, LABELS["thresholding"], fallback)
