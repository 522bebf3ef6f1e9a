r"""normlib: every formula of the course *L1 and L2: norms, normalization and regularization*, once.

Import it as ``import normlib as nl``. The public functions live in one module
per topic, in the order the book teaches them:

==================  ==========================================  ================
module              what it holds                               chapter
==================  ==========================================  ================
``norms``           p-norms, L0 count, distances, unit balls    Norms
``normalization``   L1/L2/max normalization, min-max, z-score   Normalization
``penalties``       penalties, (sub)gradients, SSE, cost, prox  Regularization
``models``          ridge, lasso, elastic net, lambda_max       Regularization
``paths``           regularization paths, cross-validation      Sparsity
``convexity``       Jensen checks, subdifferentials             Convexity
``optimizers``      gradient descent, Adam; L2 vs weight decay  Summary
``stats``           bias-variance, ridge SVD/df, priors, Cp/IC  Statistical view
``selection``       best subset, thresholds, relaxed/adaptive   Selecting features
                    lasso, stability selection
``classification``  L1/L2-penalized logistic regression         Beyond least squares
``structured``      dual/matrix norms, group lasso              Beyond least squares
``deep``            early stopping, dropout, batch/layer norm   Beyond least squares
``plotting``        the book's figures (imports matplotlib)     every chapter
==================  ==========================================  ================

Everything except ``plotting`` is re-exported here, so ``nl.l2_norm`` and
``nl.lasso`` work directly. ``nl.plotting`` is imported on first use, so that
``import normlib`` never imports matplotlib.

Conventions (stated once, used everywhere): costs are the sum of squared
errors plus a penalty of strength ``lam`` (the book's :math:`\lambda`),

.. math::

    \mathrm{Cost}(w) = \sum_{i=1}^{n} (y_i - x_i^\top w)^2
        + \lambda \|w\|_1 \quad\text{(L1)}, \qquad
        + \tfrac{1}{2}\lambda \|w\|_2^2 \quad\text{(L2)},

and :func:`to_sklearn_alpha` converts ``lam`` to scikit-learn's ``alpha``.
"""

from . import (
    classification,
    convexity,
    deep,
    models,
    normalization,
    norms,
    optimizers,
    paths,
    penalties,
    selection,
    stats,
    structured,
)
from .classification import *  # noqa: F403
from .convexity import *  # noqa: F403
from .deep import *  # noqa: F403
from .models import *  # noqa: F403
from .normalization import *  # noqa: F403
from .norms import *  # noqa: F403
from .optimizers import *  # noqa: F403
from .paths import *  # noqa: F403
from .penalties import *  # noqa: F403
from .selection import *  # noqa: F403
from .stats import *  # noqa: F403
from .structured import *  # noqa: F403

__version__ = "0.1.0"

__all__ = [
    *norms.__all__,
    *normalization.__all__,
    *penalties.__all__,
    *models.__all__,
    *paths.__all__,
    *convexity.__all__,
    *optimizers.__all__,
    *stats.__all__,
    *selection.__all__,
    *classification.__all__,
    *structured.__all__,
    *deep.__all__,
]


def __getattr__(name):
    # Import the plotting module (and so matplotlib) only when it is used.
    if name == "plotting":
        import importlib

        return importlib.import_module(".plotting", __name__)
    raise AttributeError(f"module 'normlib' has no attribute {name!r}")


def _book_figures():
    # When the book executes a chapter (NORMLIB_FIGURE_LANGUAGES is set, see the Makefile),
    # every figure of the kernel carries its translations, also in chapters that draw with
    # plain matplotlib and never touch nl.plotting: set the inline hook up on import.
    import os

    if os.environ.get("NORMLIB_FIGURE_LANGUAGES", "").strip():
        import importlib

        importlib.import_module(".plotting", __name__)


_book_figures()
