"""Shared helpers of the benchmarks: the header, interleaved timing, the result rows.

Every ``bench_*.py`` script prints

1. a header: date, machine (cores, platform), Python/numpy/scipy/scikit-learn
   versions and the BLAS that actually runs (``threadpoolctl``), because a
   ratio means little without the BLAS and thread count behind it;
2. one row per measurement: what, data, normlib's time, the reference's time,
   their ratio, the target ratio and PASS/MISS (``info`` rows have no target);
3. check lines (``check ... ok`` / ``check ... FAIL``): the answers agree, so the
   times compare the same work.

Memory rows (:meth:`Bench.memory_row`) print the peak memory each side
allocates during one call (``tracemalloc``, same data, same process) instead
of times.

Timing: each function is first called once (warm-up, imports, caches), then
called ``number`` times per measurement, with ``number`` chosen so that one
measurement lasts about ``min_time`` seconds. Measurements alternate
(normlib, reference, normlib, reference, ...), so that a burst of load from
another process on this shared machine hits both sides, and the medians of
``repeat`` measurements are compared. ``--quick`` (used by the tests) runs on
tiny data with 2 measurements: it checks that the script works, not speed.
"""

import argparse
import datetime
import gc
import os
import platform
import statistics
import sys
import time

import numpy as np

__all__ = ["Bench", "format_bytes", "format_time"]

COLUMNS = ("what", "data", "normlib", "reference", "ratio", "target", "status")


def format_time(seconds):
    """A time with three significant digits in a readable unit."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def format_bytes(n_bytes):
    """A memory size with three significant digits (MB = 10**6 bytes)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n_bytes >= scale:
            return f"{n_bytes / scale:.3g} {unit}"
    return f"{n_bytes:.0f} B"


def _blas_summary():
    """One line per BLAS/OpenMP library loaded in this process (threadpoolctl)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return ["threadpoolctl not installed: BLAS configuration unknown"]
    lines = []
    for info in threadpool_info():
        lib = os.path.basename(info.get("filepath", "?"))
        arch = info.get("architecture") or "-"
        lines.append(
            f"{info.get('internal_api')} {info.get('version') or ''} ({lib}): "
            f"{info.get('num_threads')} threads, kernel {arch}"
        )
    return lines


def _numpy_build_summary():
    """numpy's BLAS name/version and SIMD extensions (from numpy.show_config)."""
    try:
        config = np.show_config(mode="dicts")
    except TypeError:  # numpy < 1.25
        return "numpy.show_config(mode='dicts') not available"
    blas = config.get("Build Dependencies", {}).get("blas", {})
    simd = config.get("SIMD Extensions", {}).get("found", [])
    return f"numpy BLAS {blas.get('name')} {blas.get('version')}; SIMD {', '.join(simd)}"


def _processor():
    """The processor's model name (from /proc/cpuinfo on Linux), else platform's guess."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "processor unknown"


def _versions():
    import scipy
    import sklearn

    import normlib

    return (
        f"Python {platform.python_version()}, numpy {np.__version__}, "
        f"scipy {scipy.__version__}, scikit-learn {sklearn.__version__}, "
        f"normlib {normlib.__version__}"
    )


class Bench:
    """One benchmark script: parses ``--quick``, prints the header, times and prints rows."""

    def __init__(self, title, description=None):
        parser = argparse.ArgumentParser(description=description or title)
        parser.add_argument(
            "--quick", action="store_true",
            help="tiny data and 2 repetitions: checks that the script runs (used by the tests)",
        )
        parser.add_argument(
            "--repeat", type=int, default=None,
            help="measurements per side (default 15, or 2 with --quick)",
        )
        parser.add_argument(
            "--threads", type=int, default=None,
            help="limit the BLAS/OpenMP thread pools of both sides to this many threads "
            "(threadpoolctl); default: the libraries' own choice (all cores)",
        )
        args = parser.parse_args()
        self._limits = None
        if args.threads is not None:
            # load every thread pool first (SciPy's OpenBLAS, scikit-learn's OpenMP), so
            # that the limit reaches them all; the object is kept: the limit stays in force
            import scipy.linalg  # noqa: F401
            import sklearn.linear_model  # noqa: F401
            from threadpoolctl import threadpool_limits

            self._limits = threadpool_limits(limits=args.threads)
        self.quick = args.quick
        self.repeat = args.repeat or (2 if self.quick else 15)
        self.min_time = 0.0 if self.quick else 0.05
        self.title = title
        self.statuses = []
        self.checks_failed = 0
        self._header()

    # ------------------------------------------------------------ header

    def _header(self):
        mode = "QUICK (tiny sizes, timings meaningless)" if self.quick else "full sizes"
        print(f"# {self.title} — {mode}")
        print(f"date:     {datetime.date.today().isoformat()}")
        print(
            f"machine:  {os.cpu_count()} cores, {_processor()}, {platform.platform()}"
        )
        if hasattr(os, "getloadavg"):  # other programs running now skew the times
            print("load:     average over 1, 5, 15 min: " + ", ".join(
                f"{load:.2f}" for load in os.getloadavg()))
        print(f"versions: {_versions()}")
        print(f"build:    {_numpy_build_summary()}")
        for line in _blas_summary():
            print(f"threads:  {line}")
        for name in ("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
            if name in os.environ:
                print(f"env:      {name}={os.environ[name]}")
        print(
            f"timing:   medians of {self.repeat} interleaved measurements per side, "
            f"each >= {self.min_time:g} s of repeated calls"
        )
        print()
        print("| " + " | ".join(COLUMNS) + " |")
        print("|" + "---|" * len(COLUMNS))
        sys.stdout.flush()

    # ------------------------------------------------------------ timing

    def _calls_per_measurement(self, func):
        """Call ``func`` once (warm-up) and return how many calls fill ``min_time``."""
        start = time.perf_counter()
        func()
        once = time.perf_counter() - start
        if once >= self.min_time or self.min_time == 0:
            return 1
        return max(1, int(np.ceil(self.min_time / max(once, 1e-7))))

    @staticmethod
    def _measure(func, number):
        start = time.perf_counter()
        for _ in range(number):
            func()
        return (time.perf_counter() - start) / number

    def time_pair(self, normlib_func, reference_func):
        """Median seconds per call of both functions, measured alternately."""
        n_normlib = self._calls_per_measurement(normlib_func)
        n_reference = self._calls_per_measurement(reference_func)
        normlib_times, reference_times = [], []
        gc_was_enabled = gc.isenabled()
        gc.disable()  # as timeit does: a collection would land on one side at random
        try:
            for _ in range(self.repeat):
                normlib_times.append(self._measure(normlib_func, n_normlib))
                reference_times.append(self._measure(reference_func, n_reference))
        finally:
            if gc_was_enabled:
                gc.enable()
        return statistics.median(normlib_times), statistics.median(reference_times)

    # ------------------------------------------------------------ output

    def row(self, what, data, normlib_func, reference_func, target=None):
        """Time both functions and print one row; ``target`` is the largest passing ratio."""
        t_normlib, t_reference = self.time_pair(normlib_func, reference_func)
        ratio = t_normlib / t_reference
        if target is None:
            target_text, status = "(info)", "info"
        else:
            target_text = f"≤ {target:g}"
            status = "PASS" if ratio <= target else "MISS"
            self.statuses.append(status)
        cells = (
            what, data, format_time(t_normlib), format_time(t_reference),
            f"{ratio:.2f}", target_text, status,
        )
        print("| " + " | ".join(cells) + " |")
        sys.stdout.flush()
        return ratio

    @staticmethod
    def peak_memory(func):
        """Peak memory (bytes) that ``func()`` allocates beyond what was allocated before.

        Measured with :mod:`tracemalloc`, which sees numpy's array buffers as
        well as Python objects; the result of ``func`` counts (it is memory the
        caller gets). Called once before, so that imports and caches do not count.
        """
        import tracemalloc

        func()
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            result = func()
            peak = tracemalloc.get_traced_memory()[1] - before
        finally:
            tracemalloc.stop()
        del result
        return peak

    def memory_row(self, what, data, normlib_func, reference_func, target=None):
        """Measure the peak extra memory of both functions and print one row."""
        m_normlib = self.peak_memory(normlib_func)
        m_reference = self.peak_memory(reference_func)
        ratio = m_normlib / m_reference
        if target is None:
            target_text, status = "(info)", "info"
        else:
            target_text = f"≤ {target:g}"
            status = "PASS" if ratio <= target else "MISS"
            self.statuses.append(status)
        cells = (
            what, data, format_bytes(m_normlib), format_bytes(m_reference),
            f"{ratio:.2f}", target_text, status,
        )
        print("| " + " | ".join(cells) + " |")
        sys.stdout.flush()
        return ratio

    def outcome_row(self, what, data, normlib_text, reference_text, ratio, ok, target):
        """A row whose status is decided by the caller (``ok``), e.g. convergence."""
        status = "PASS" if ok else "MISS"
        self.statuses.append(status)
        cells = (what, data, normlib_text, reference_text, f"{ratio:.2f}", target, status)
        print("| " + " | ".join(cells) + " |")
        sys.stdout.flush()

    def check(self, what, ok, detail=""):
        """Print a correctness check; a FAIL makes the script exit with status 1."""
        if not ok:
            self.checks_failed += 1
        print(f"check: {what}: {'ok' if ok else 'FAIL'}{' (' + detail + ')' if detail else ''}")
        sys.stdout.flush()

    def note(self, text):
        """A line of explanation (parameters chosen, conventions), printed as is."""
        print(f"note: {text}")
        sys.stdout.flush()

    def finish(self):
        """Print the summary line and exit (status 1 only if a correctness check failed)."""
        passed = self.statuses.count("PASS")
        missed = self.statuses.count("MISS")
        print(
            f"summary: {self.title}: {passed} PASS, {missed} MISS, "
            f"{self.checks_failed} failed checks"
        )
        sys.exit(1 if self.checks_failed else 0)
