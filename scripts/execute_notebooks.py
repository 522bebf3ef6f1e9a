"""Execute chapters in place so that their stored outputs are fresh.

Usage: ``python scripts/execute_notebooks.py book/*.ipynb`` (``make execute``).

nbval (``make notebooks``) later re-executes each chapter and compares the
outputs with the ones stored here, so run this after editing a chapter or
normlib and review the diff. Execution-time metadata is dropped and stream
chunks are merged, so that a re-run with unchanged outputs leaves the file
unchanged.

The kernels run with ``NORMLIB_FIGURE_LANGUAGES=ko``, as in the book's build: each
figure's output metadata then lists the English strings drawn in it
(``normlib.plotting.figure_texts``), which ``make translations`` collects into the
figures' catalog. The Korean rendering itself is dropped here: the book's build
makes it afresh, and the stored notebooks stay as light as the English figures.
"""

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def merge_streams(outputs):
    """Merge consecutive stdout (or stderr) chunks into one output, as nbval does
    before comparing, so that how the kernel happened to flush leaves no trace."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def keep_figure_texts(outputs):
    """Drop the figures' translated renderings from the outputs, keep their texts."""
    for output in outputs:
        extra = output.get("metadata", {}).get("image/png", {}).get("normlib")
        if extra:
            output["metadata"]["image/png"]["normlib"] = {"texts": extra.get("texts", [])}
    return outputs


def execute(path):
    os.environ["NORMLIB_FIGURE_LANGUAGES"] = "ko"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={
        "metadata": {"path": str(Path(path).parent)}
    }).execute()
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
        if cell.get("cell_type") == "code":
            cell.outputs = keep_figure_texts(merge_streams(cell.outputs))
    nbformat.write(nb, path)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"executing {name}")
        execute(name)
