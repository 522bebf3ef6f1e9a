r"""The book's figures, drawn with matplotlib from normlib's own formulas.

A small package, one module per chapter (``norms``, ``regularization``,
``sparsity``, ``convexity``, ``interactive``, ``stats``, ``selection``, ``beyond``) plus
``_style``
(palette, axes);
every public name is re-exported here, so ``nl.plotting.plot_unit_balls`` works.
This is the only part of normlib that imports matplotlib; ``import normlib``
does not load it (``nl.plotting`` is imported on first use). Every helper

- takes an optional ``ax`` (a matplotlib ``Axes``) and draws on it, or creates
  a new figure when ``ax`` is ``None``, and returns the ``Axes``;
- never calls ``plt.show()`` and never changes global ``rcParams``;
- computes every value with normlib (``unit_ball``, ``soft_threshold``,
  ``l1_penalty``, ``lasso``, ``sse`` ...), so a figure shows exactly what
  the library computes;
- labels its axes, sets a title and a legend.

========================================  =====================================
helper                                    chapter
========================================  =====================================
:func:`plot_unit_balls`                   Norms
:func:`plot_manhattan_vs_euclidean`       Norms
:func:`plot_penalties`                    Regularization, Convexity
:func:`plot_penalty_gradients`            Regularization
:func:`plot_shrinkage`                    Sparsity
:func:`plot_constraint_region`            Sparsity
:func:`plot_coef_path`                    Regularization, Sparsity
:func:`plot_cv_curve`                     Regularization
:func:`plot_jensen`                       Convexity
:func:`regions_explorable`                Move λ yourself (explorable)
:func:`paths_explorable`                  Move λ yourself (explorable)
:func:`thresholding_explorable`           Move λ yourself (explorable)
:func:`plot_bias_variance`                Statistical view
:func:`plot_shrinkage_factors`            Statistical view
:func:`plot_priors`                       Statistical view
:func:`plot_information_criteria`         Statistical view
:func:`plot_thresholding_rules`           Selecting features
:func:`plot_selection_penalties`          Selecting features
:func:`plot_subset_sizes`                 Selecting features
:func:`plot_coef_comparison`              Selecting features
:func:`plot_stability_path`               Selecting features
:func:`plot_sparse_path`                  Beyond least squares
:func:`plot_early_stopping`               Beyond least squares
:func:`plot_dual_norm`                    Beyond least squares
========================================  =====================================

Colours and dark mode. Figures are drawn on an **opaque white background**:
a figure created here has a white face colour, and a figure passed in
through ``ax`` whose face colour is transparent (the Jupyter inline
backend's default) is given an opaque white one. Black text and dark lines
then stay readable when the book is shown with a dark theme, where a
transparent figure would put black labels on a dark page. Lines use the
Okabe–Ito colour-blind-safe palette *and* differ in line style and marker,
so that every figure also reads in grayscale.

Explorables (``interactive``). :func:`regions_explorable`,
:func:`paths_explorable` and :func:`thresholding_explorable` pack the numbers
normlib computes (the exact lasso path, one SVD, a Gram matrix) as JSON into
the page; the book's script ``book/_explorables/explorables/explorables.js``
draws them with real controls, continuously, with no kernel and no network.
"""

from ._language import LANGUAGES, figure_texts, figure_translations, translate_figure, with_language
from ._style import inline_figures
from .beyond import *  # noqa: F403
from .beyond import __all__ as _beyond
from .convexity import *  # noqa: F403
from .convexity import __all__ as _convexity
from .interactive import *  # noqa: F403
from .interactive import __all__ as _interactive
from .norms import *  # noqa: F403
from .norms import __all__ as _norms
from .regularization import *  # noqa: F403
from .regularization import __all__ as _regularization
from .selection import *  # noqa: F403
from .selection import __all__ as _selection
from .sparsity import *  # noqa: F403
from .sparsity import __all__ as _sparsity
from .stats import *  # noqa: F403
from .stats import __all__ as _stats

# Every plot_* helper takes lang="en"/"ko": the text drawn in the figure, translated.
for _name in [*_norms, *_regularization, *_sparsity, *_convexity, *_stats, *_selection, *_beyond]:
    if _name.startswith("plot_"):
        globals()[_name] = with_language(globals()[_name])
del _name

__all__ = [
    "LANGUAGES",
    "figure_texts",
    "figure_translations",
    "inline_figures",
    "translate_figure",
    *_norms,
    *_regularization,
    *_sparsity,
    *_convexity,
    *_interactive,
    *_stats,
    *_selection,
    *_beyond,
]
