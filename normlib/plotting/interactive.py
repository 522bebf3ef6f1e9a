"""Interactive figures for the static book: frames and a slider, no kernel needed."""

import base64
import html
import io
import json

import matplotlib.pyplot as plt
import numpy as np

from .._validation import check_array, check_option, check_scalar

__all__ = ["SliderFigure", "slider_figure"]


_SLIDER_SCRIPT = """
(function () {
  var root = document.getElementById("%(id)s");
  var data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
  var input = root.querySelector("input[type=range]");
  var image = root.querySelector("img");
  var value = root.querySelector("output");
  var readout = root.querySelector(".normlib-slider-readout");
  function show(i) {
    image.src = "data:image/png;base64," + data.frames[i];
    value.textContent = data.labels[i];
    readout.textContent = data.readouts[i];
  }
  input.addEventListener("input", function () { show(Number(input.value)); });
  show(Number(input.value));
})();
"""


class SliderFigure:
    """A figure drawn for several parameter values, shown with a slider.

    The frames are PNG images embedded in the page together with a few lines
    of plain JavaScript, so the figure works in static HTML (the book), with
    no kernel and no network; Jupyter shows it too. Create it with
    :func:`slider_figure`.

    Attributes
    ----------
    values : ndarray
        The parameter value of each frame.
    readouts : list of str
        The text shown under each frame (e.g. the current coefficients).
    """

    _count = 0  # numbers the figures of a session, so that element ids are unique

    def __init__(self, frames, values, labels, readouts, label, alt):
        SliderFigure._count += 1
        self.id = f"normlib-slider-{SliderFigure._count}"
        self.frames = list(frames)
        self.values = np.asarray(values, dtype=float)
        self.labels = list(labels)
        self.readouts = list(readouts)
        self.label = label
        self.alt = alt

    def __repr__(self):
        return (
            f"SliderFigure({len(self.frames)} frames, {self.label} from "
            f"{self.labels[0]} to {self.labels[-1]})"
        )

    def _repr_html_(self):
        data = json.dumps(
            {"frames": self.frames, "labels": self.labels, "readouts": self.readouts}
        )
        start = len(self.frames) // 2
        return (
            f'<div class="normlib-slider" id="{self.id}">'
            f'<img alt="{html.escape(self.alt)}" style="max-width:100%;background:white" '
            f'src="data:image/png;base64,{self.frames[start]}">'
            f'<div><label for="{self.id}-input">{html.escape(self.label)} = '
            f"<output>{html.escape(self.labels[start])}</output></label><br>"
            f'<input type="range" id="{self.id}-input" min="0" '
            f'max="{len(self.frames) - 1}" step="1" value="{start}" style="width:100%"></div>'
            f'<pre class="normlib-slider-readout">{html.escape(self.readouts[start])}</pre>'
            f'<script type="application/json">{data}</script>'
            f"<script>{_SLIDER_SCRIPT % {'id': self.id}}</script>"
            "</div>"
        )


def _png_frame(fig, dpi):
    """The figure as a base64 PNG with a 64-colour palette (about 4x smaller)."""
    from PIL import Image  # Pillow comes with matplotlib

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    image = Image.open(buffer).convert("RGB").quantize(colors=64)
    buffer = io.BytesIO()
    image.save(buffer, format="png", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def slider_figure(
    draw,
    values,
    *,
    label="λ",
    alt,
    fmt="{:.3g}",
    ncols=1,
    figsize=(6.0, 4.0),
    dpi=72,
    layout="constrained",
):
    r"""Draw a figure for each value and return it with a slider, for static HTML.

    Parameters
    ----------
    draw : callable
        ``draw(value, ax)`` draws the figure for one value on ``ax`` (an array of
        ``ncols`` Axes when ``ncols > 1``) and returns the text to show under it
        (e.g. the coefficients), or None.
    values : array_like of shape (n_frames,)
        The parameter values, in slider order.
    label : str, default="λ"
        Name of the parameter, shown next to the slider.
    alt : str
        Alt text of the figure, for readers who cannot see it.
    fmt : str, default="{:.3g}"
        Format of the value shown next to the slider.
    ncols : int, default=1
        Number of panels side by side in each frame.
    figsize : tuple of float, default=(6.0, 4.0)
        Size of each frame in inches.
    layout : {"constrained", "compressed", None}, default="constrained"
        matplotlib layout engine of each frame; ``None`` (with ``draw`` calling
        ``fig.subplots_adjust``) renders about twice as fast.
    dpi : int, default=72
        Resolution of each frame. Frames are stored with a 64-colour palette;
        at the default a 6 x 4 inch frame takes about 10-20 kB.

    Returns
    -------
    SliderFigure
        Displays as the figure with a slider in Jupyter and in the built book.

    Examples
    --------
    >>> import numpy as np
    >>> import normlib as nl
    >>> def draw(t, ax):
    ...     z = np.linspace(-3, 3, 61)
    ...     ax.plot(z, nl.soft_threshold(z, t))
    ...     return f"S(2) = {nl.soft_threshold(2.0, t):.2f}"
    >>> fig = nl.plotting.slider_figure(draw, [0.5, 1.0, 1.5], label="t", alt="soft thresholding")
    >>> fig.readouts
    ['S(2) = 1.50', 'S(2) = 1.00', 'S(2) = 0.50']
    """
    values = check_array(values, "values", "slider_figure", ndim=1)
    ncols = check_scalar(ncols, "ncols", "slider_figure", low=1, integer=True)
    check_option(layout, "layout", "slider_figure", ("constrained", "compressed", None))
    if not callable(draw):
        raise TypeError("The 'draw' parameter of slider_figure must be a callable (value, ax).")
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("The 'alt' parameter of slider_figure must be a non-empty description.")
    frames, readouts = [], []
    for value in values:
        fig, ax = plt.subplots(1, ncols, figsize=figsize, layout=layout)
        text = draw(float(value), ax)
        frames.append(_png_frame(fig, dpi))
        plt.close(fig)
        readouts.append("" if text is None else str(text))
    labels = [fmt.format(value) for value in values]
    return SliderFigure(frames, values, labels, readouts, label, alt)
