"""Tests for normlib.plotting.interactive (issue 10): the data the explorables of
chapter 4a carry into the page. What the page *shows* is compared with normlib in
tests/browser/test_interactive.py; here, that the data are right and stable."""

import json

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes

import normlib as nl
from normlib import plotting


def plane_data(seed=0, n=30):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, 2))
    return X, X @ np.array([1.0, 2.0]) + 0.3 * rng.standard_normal(n)


def test_regions_data_are_the_gram_matrix_and_least_squares_point():
    X, y = plane_data()
    e = plotting.regions_explorable(X, y, lam=10.0, l1_ratio=0.25)
    assert e.kind == "regions"
    assert_allclose(e.data["gram"], X.T @ X, rtol=1e-9)  # reference: numpy
    assert_allclose(e.data["w_ols"], np.linalg.lstsq(X, y, rcond=None)[0], rtol=1e-9)
    assert e.data["lam"] == 10.0 and e.data["l1_ratio"] == 0.25
    # default slider end: 1.5 lambda_max (no intercept), so every lasso zero pattern is reachable
    assert_allclose(e.data["lam_max"], 1.5 * nl.lambda_max(X, y, fit_intercept=False), rtol=1e-9)
    v = e.data["view"]
    assert v[0] < min(0, *e.data["w_ols"]) and v[1] > max(0, *e.data["w_ols"])


def test_paths_data_reproduce_normlib_paths():
    X, y = load_diabetes(return_X_y=True)
    e = plotting.paths_explorable(X, y, feature_names=load_diabetes().feature_names)
    d = e.data
    breaks, coefs = nl.lars_lasso_path(X, y)
    assert_allclose(d["lasso_lams"], breaks, rtol=1e-9)
    assert_allclose(d["lasso_coefs"], coefs, rtol=1e-9, atol=1e-9)
    # the stored SVD gives ridge_path's coefficients (formula of normlib.ridge_path)
    lams = np.array([0.5, 10.0, 1e3])
    s, vt, uty = (np.array(d[k]) for k in ("ridge_s", "ridge_vt", "ridge_uty"))
    from_page = ((s / (s**2 + lams[:, None] / 2)) * uty) @ vt
    _, reference = nl.ridge_path(X, y, lams=lams)
    assert_allclose(from_page, reference, rtol=1e-7, atol=1e-7)
    assert d["lam_max"] == pytest.approx(nl.lambda_max(X, y), rel=1e-9)
    assert d["lam"] == pytest.approx(d["lam_max"] / 10, rel=1e-9)


def test_paths_data_are_the_same_when_singular_vectors_flip_sign():
    # LAPACK may return -u, -v for a singular pair; the page's data must not depend on it
    X, _ = load_diabetes(return_X_y=True)
    Xc = X - X.mean(axis=0)
    U, _, Vt = plotting.interactive._svd_signs_fixed(Xc)
    U2, _, Vt2 = plotting.interactive._svd_signs_fixed(-Xc)  # flips every pair
    assert_allclose(Vt2, Vt, atol=1e-9)
    assert_allclose(U2, -U, atol=1e-9)
    rows = np.arange(Vt.shape[0])
    assert (Vt[rows, np.abs(Vt).argmax(axis=1)] > 0).all()


def test_thresholding_data():
    e = plotting.thresholding_explorable(lam=1.0, z=-2.0)
    assert e.data == {"lam": 1.0, "lam_max": 6.0, "z": -2.0, "half_width": 4.0}


def test_html_holds_the_json_and_nothing_to_fetch():
    X, y = plane_data(1)
    e = plotting.regions_explorable(X, y, fallback="fig-x")
    page = e._repr_html_()
    assert page.startswith('<div class="normlib-explorable" data-kind="regions"')
    assert 'data-fallback="fig-x"' in page
    assert "http://" not in page and "https://" not in page and "<script>" not in page
    start = page.index('<script type="application/json">') + len('<script type="application/json">')
    assert json.loads(page[start:page.index("</script>", start)]) == e.data
    assert repr(e) == "Explorable('regions', 'Lasso, ridge and elastic net in the plane')"


def test_json_is_rounded_and_escaped():
    e = plotting.Explorable("thresholding", {"a": 1 / 3, "b": -0.0, "s": "</script>"}, "x")
    assert e.data["a"] == 0.3333333333 and str(e.data["b"]) == "0.0"
    assert "</" not in e.to_json()
    assert json.loads(e.to_json())["s"] == "</script>"


def test_bad_input_is_refused():
    X, y = plane_data()
    with pytest.raises(ValueError, match="'X' parameter of regions_explorable must have exactly 2"):
        plotting.regions_explorable(np.ones((5, 3)), np.ones(5))
    with pytest.raises(ValueError, match="'lam' parameter of regions_explorable"):
        plotting.regions_explorable(X, y, lam=-1.0)
    with pytest.raises(ValueError, match="'l1_ratio' parameter of regions_explorable"):
        plotting.regions_explorable(X, y, l1_ratio=1.5)
    with pytest.raises(ValueError, match="'view' parameter of regions_explorable"):
        plotting.regions_explorable(X, y, view=(1.0, 0.0, 0.0, 1.0))
    with pytest.raises(ValueError, match="'feature_names' parameter of paths_explorable"):
        plotting.paths_explorable(X, y, feature_names=["a"])
    with pytest.raises(ValueError, match="'lam_min_ratio' parameter of paths_explorable"):
        plotting.paths_explorable(X, y, lam_min_ratio=0.0)
    with pytest.raises(ValueError, match="'z' parameter of thresholding_explorable"):
        plotting.thresholding_explorable(z=10.0)
    with pytest.raises(TypeError, match="'lam' parameter of thresholding_explorable"):
        plotting.thresholding_explorable(lam="2")
    with pytest.raises(ValueError, match="'kind' parameter of Explorable"):
        plotting.Explorable("movie", {}, "x")
    with pytest.raises(ValueError, match="'label' parameter of Explorable"):
        plotting.Explorable("paths", {}, " ")


def test_inputs_are_not_mutated():
    X, y = plane_data(2)
    X0, y0 = X.copy(), y.copy()
    plotting.regions_explorable(X, y)
    plotting.paths_explorable(X, y)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)


def test_regions_refuses_a_design_whose_gram_matrix_overflows():
    # the page draws the cost from X^T X: entries ~ 1e400 are not numbers JSON can carry
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]) * 1e200
    with pytest.raises(ValueError, match="'X' parameter of regions_explorable is too large"):
        plotting.regions_explorable(X, [1.0, 2.0, 3.0], lam=1.0)


def test_fractions_are_accepted_as_scalars():
    # issue 12's habit: a Fraction is the float it equals
    from fractions import Fraction

    e = plotting.thresholding_explorable(lam=Fraction(2), z=Fraction(3, 2), lam_max=Fraction(6))
    assert e.data == plotting.thresholding_explorable(lam=2.0, z=1.5, lam_max=6.0).data
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    e = plotting.regions_explorable(X, [1.0, 2.0, 3.0], lam=Fraction(1), l1_ratio=Fraction(1, 4))
    assert e.data["lam"] == 1.0 and e.data["l1_ratio"] == 0.25
