"""The benchmark scripts run and print every row (``--quick``: tiny data, no timing asserted).

Timings are never asserted here: on a shared or slow machine they flake. What
is asserted is what `make bench` relies on: each script exits 0 (its
correctness checks, such as normlib agreeing with scikit-learn, passed) and
prints one PASS/MISS row for every target of issue 5, plus its header.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

# script -> the rows with a target, as (what, data prefix); from the target tables of
# issue 5 and issue 12 (memory, elastic net, correlated features)
TARGET_ROWS = {
    "bench_norms.py": [
        ("l2_norm vs x.sum()", "1-D"),
        ("l1_norm vs x.sum()", "1-D"),
    ],
    "bench_normalize.py": [
        ("normalize(X, 'l2') vs sklearn normalize", "200 × 50"),
    ],
    "bench_lasso.py": [
        ("lasso cd vs Lasso", "diabetes"),
        ("lasso cd vs Lasso", "wide"),
        ("lasso fista vs Lasso", "diabetes"),
        ("lasso fista vs Lasso", "wide"),
        ("lasso cd epochs vs Lasso (converges)", "correlated"),
    ],
    "bench_enet.py": [
        ("elastic_net vs ElasticNet, ~700 nonzeros", "wide"),
        ("elastic_net vs ElasticNet, issue-5 alpha", "wide"),
    ],
    "bench_memory.py": [
        ("min_max_scale vs MinMaxScaler", "400 × 50"),
        ("standardize vs StandardScaler", "400 × 50"),
        ("normalize vs sklearn normalize", "400 × 50"),
        ("lasso vs Lasso", "400 × 50"),
        ("elastic_net vs ElasticNet", "400 × 50"),
    ],
    "bench_paths.py": [
        ("lasso_path 10 λ vs lasso_path", "diabetes"),
        ("lasso_path 10 λ vs lasso_path", "wide"),
        ("cross_validate k=5 vs LassoCV(cv=5)", "wide"),
    ],
    "bench_ridge.py": [
        ("ridge vs Ridge", "diabetes"),
        ("ridge vs Ridge", "wide"),
        ("ridge vs Ridge", "tall"),
    ],
}

# | what | data | normlib | reference | ratio | target | status |
ROW = re.compile(
    r"^\| (?P<what>[^|]+) \| (?P<data>[^|]+) \| (?P<normlib>[^|]+) \| (?P<reference>[^|]+) "
    r"\| (?P<ratio>[0-9.]+) \| (?P<target>[^|]+) \| (?P<status>PASS|MISS|info) \|$"
)


def test_every_script_is_listed():
    # a new bench_*.py must come with its expected rows here
    assert sorted(p.name for p in BENCHMARKS.glob("bench_*.py")) == sorted(TARGET_ROWS)


@pytest.mark.parametrize("script", sorted(TARGET_ROWS))
def test_quick_run_prints_every_target_row(script):
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--quick"],
        capture_output=True, text=True, timeout=120, cwd=BENCHMARKS.parent,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    out = completed.stdout
    for field in ("machine:", "versions:", "threads:", "timing:"):
        assert any(line.startswith(field) for line in out.splitlines()), field
    rows = [m.groupdict() for m in map(ROW.match, out.splitlines()) if m]
    targeted = [r for r in rows if r["status"] in ("PASS", "MISS")]
    for what, data in TARGET_ROWS[script]:
        matches = [
            r for r in targeted
            if r["what"] == what and r["data"].startswith(data) and r["target"].startswith("≤")
        ]
        assert len(matches) == 1, f"{script}: no single PASS/MISS row for {what!r} on {data!r}"
    assert len(targeted) == len(TARGET_ROWS[script])  # and no unexpected targets
    assert "failed checks" in out.splitlines()[-1]
    assert " 0 failed checks" in out.splitlines()[-1]
