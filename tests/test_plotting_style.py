"""High-DPI figures: normlib.plotting asks a Jupyter kernel for 2x PNGs, and
nothing else (no kernel: no change; never a global rcParams change)."""

import base64
import io

import matplotlib
import matplotlib.pyplot as plt
import pytest
from PIL import Image

from normlib.plotting import _style


def test_no_kernel_no_change():
    before = dict(matplotlib.rcParams)
    assert _style.inline_figures() is False  # pytest is not a Jupyter kernel
    assert dict(matplotlib.rcParams) == before


def test_kernel_gets_retina_png(monkeypatch):
    IPython = pytest.importorskip("IPython")
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    monkeypatch.setattr(shell, "kernel", object(), raising=False)  # what ipykernel's shell has
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    try:
        before = dict(matplotlib.rcParams)
        assert _style.inline_figures() is True
        assert dict(matplotlib.rcParams) == before
        fig = plt.figure(figsize=(4, 3), dpi=100, facecolor="white")
        fig.add_subplot().plot([0, 1], [0, 1])
        data, metadata = shell.display_formatter.format(fig)
        png = Image.open(io.BytesIO(base64.b64decode(data["image/png"])))
        shown = metadata["image/png"]
        # 'retina' renders at twice the figure's dpi and reports the 1x size to show it at
        # (IPython.core.pylabtools.retina_figure); bbox_inches='tight' trims a few pixels.
        assert png.size[0] == pytest.approx(2 * shown["width"], abs=1)
        assert png.size[1] == pytest.approx(2 * shown["height"], abs=1)
        assert 300 < shown["width"] <= 400  # about 4 in at 100 dpi, trimmed
        plt.close(fig)
    finally:
        InteractiveShell.clear_instance()
