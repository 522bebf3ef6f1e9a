"""Shared look of the book's figures: palette, line styles, axes on a white background.

In a Jupyter kernel (the book's chapters), importing this module also asks the
inline backend for 2x PNGs (``'retina'``): each figure is rendered at twice its
resolution and shown at its usual size, so it stays sharp on high-DPI screens
and phones. Outside a kernel (scripts, tests) nothing changes, and no global
``rcParams`` are touched.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

COLORS = ("#0072B2", "#D55E00", "#000000", "#CC79A7", "#009E73", "#E69F00", "#56B4E9")
LINESTYLES = ("-", "--", ":", "-.")
MARKERS = ("o", "s", "^", "D", "v")  # periods 7, 4, 5: the first 20 lines differ in style
GRAY = "#777777"


def inline_figures(scale=2):
    """Choose how a Jupyter kernel shows figures: 2x PNG (sharp; the default) or 1x.

    Same as ``%config InlineBackend.figure_formats = {'retina'}`` (``scale=2``) or
    ``{'png'}`` (``scale=1``). With ``scale=2`` the PNG has twice the pixels, and
    its output metadata gives the display width and height (myst-nb writes them on
    the ``<img>``). When the environment variable ``NORMLIB_FIGURE_LANGUAGES`` names
    languages (``ko``; the book sets it when it executes the chapters), each
    figure's output also carries its rendering in those languages
    (:func:`normlib.plotting.figure_translations`). Outside a kernel nothing
    changes. Returns whether it applied.

    Parameters
    ----------
    scale : {1, 2}
    """
    if scale not in (1, 2):
        raise ValueError(f"The 'scale' parameter of inline_figures must be 1 or 2; got {scale!r}.")
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # matplotlib without Jupyter
        return False
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):  # a terminal IPython or no IPython
        return False
    set_matplotlib_formats("retina" if scale == 2 else "png")
    from ._language import install_figure_hook

    install_figure_hook(shell, dpi_scale=scale)
    return True


inline_figures()


def _style(k):
    """Colour, line style and marker of the ``k``-th line of a figure."""
    return {
        "color": COLORS[k % len(COLORS)],
        "linestyle": LINESTYLES[k % len(LINESTYLES)],
        "marker": MARKERS[k % len(MARKERS)],
    }


def _axes(ax, func, figsize=(6.0, 4.5), layout="constrained"):
    """Return ``ax`` (validated) or the axes of a new figure, on a white background.

    ``layout="compressed"`` suits axes with a fixed aspect ratio (box adjusted).
    """
    if ax is None:
        fig = plt.figure(figsize=figsize, layout=layout, facecolor="white")
        ax = fig.add_subplot()
    elif not isinstance(ax, Axes):
        raise TypeError(
            f"The 'ax' parameter of {func} must be a matplotlib Axes or None; "
            f"got {type(ax).__name__}."
        )
    figure = ax.figure
    figure = getattr(figure, "figure", figure)  # the root figure of a subfigure
    if figure.get_facecolor()[3] < 1.0:  # transparent (Jupyter inline default)
        figure.set_facecolor("white")
    return ax


def _axis_cross(ax):
    """Thin gray lines through the origin."""
    ax.axhline(0.0, color=GRAY, linewidth=0.8, zorder=0)
    ax.axvline(0.0, color=GRAY, linewidth=0.8, zorder=0)


def _p_label(p):
    return r"$p = \infty$" if np.isinf(p) else f"$p = {p:g}$"
