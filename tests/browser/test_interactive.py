"""The explorables of chapter 4a in the built page: the numbers they show equal
normlib's at the same inputs, they work by keyboard and by a single pointer, and
they load nothing from the network.

Each test sets the real controls (``<input type="range">``, a checkbox, clicks and
drags on the figure), reads the readouts (every number is in a ``data-value``
attribute, at full precision, next to its rounded text) and compares them with
normlib, computed here, at the inputs the page reports. Tolerances are stated at
each comparison: the page's closed forms against normlib's closed forms agree to
rounding error (1e-9 relative); against coordinate descent to its tolerance
(1e-6 relative); the rounded text to half a unit in its last digit.
"""

import json
import re

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes

import normlib as nl
from conftest import HTML, PageRecorder

pytestmark = pytest.mark.browser

PAGE = "book/04a_move_lambda.html"
KO_PAGE = f"ko/{PAGE}"  # the Korean edition (<html lang="ko">), same page
KINDS = ("regions", "paths", "thresholding")


@pytest.fixture
def page(recorder):
    page = recorder.goto(PAGE)
    page.wait_for_selector(".normlib-explorable[data-ready]")
    yield page
    assert recorder.console_errors == []
    assert recorder.external_requests == []
    assert recorder.failed_requests == []


def explorable(page, kind):
    root = page.locator(f".normlib-explorable[data-kind={kind}]")
    root.scroll_into_view_if_needed()
    return root


def page_data(root):
    return json.loads(root.locator("script[type='application/json']").text_content())


def set_range(root, name, value):
    """Set a slider as a user would (the browser snaps to its step); return the value it took."""
    slider = root.locator(f"input[data-control={name}]")
    return float(slider.evaluate(
        """(el, v) => {
            el.value = String(v);
            el.dispatchEvent(new Event("input", {bubbles: true}));
            el.dispatchEvent(new Event("change", {bubbles: true}));
            return el.value;
        }""",
        value,
    ))


def values(locator):
    """{data-name: float} of every [data-value] inside ``locator``."""
    return {
        item["name"]: (float(item["value"]), item["text"])
        for item in locator.locator("[data-value]").evaluate_all(
            "els => els.map(e => ({name: e.dataset.name, value: e.dataset.value,"
            " text: e.textContent}))"
        )
    }


def shown(text):
    """The number in a readout's text (the page writes minus as U+2212)."""
    return float(text.replace("\u2212", "-"))


# ---------------------------------------------------------------- the page


def test_three_explorables_replace_their_static_figures(page):
    roots = page.locator(".normlib-explorable")
    assert roots.count() == 3
    for kind in KINDS:
        root = explorable(page, kind)
        assert root.get_attribute("data-ready") == "true"
        assert root.locator(".normlib-explorable-nojs").count() == 0
        assert root.locator("svg[role=img][aria-label]").count() >= 1
        figure = page.locator(f"#{root.get_attribute('data-fallback')}")
        assert figure.count() == 1  # the static figure is still in the page (print, no JS) ...
        assert figure.is_hidden()  # ... but on screen the explorable replaces it
        assert figure.locator("img").get_attribute("alt")


def test_static_figures_show_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/{PAGE}")
    for name in ("regions", "paths", "thresholding"):
        figure = page.locator(f"#fig-move-lambda-{name}")
        assert figure.is_visible()
        assert figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator(".normlib-explorable-nojs").count() == 3
    context.close()


# ---------------------------------------------------------------- the plane


def plane_problem(root):
    """A data set with the page's X^T X and least-squares point: X = chol(G)^T, y = X w_ols."""
    data = page_data(root)
    gram = np.array(data["gram"])
    X = np.linalg.cholesky(gram).T  # X^T X = L L^T = G (numpy's Cholesky)
    return data, X


@pytest.mark.parametrize(
    ("lam", "w1", "w2", "rho"),
    [(60.0, None, None, 0.5), (0.0, None, None, 0.3), (150.0, None, None, 0.8),
     (40.0, 2.0, 0.3, 0.5), (90.0, -1.5, 2.5, 0.1), (300.0, 3.0, -1.0, 1.0)],
)
def test_plane_readouts_equal_normlib(page, lam, w1, w2, rho):
    root = explorable(page, "regions")
    data, X = plane_problem(root)
    lam = set_range(root, "lam", lam)
    rho = set_range(root, "rho", rho)
    w_ols = np.array([
        set_range(root, "w1", w1) if w1 is not None else data["w_ols"][0],
        set_range(root, "w2", w2) if w2 is not None else data["w_ols"][1],
    ])
    y = X @ w_ols  # then X^T y = G w_ols: the page's b
    expected = {
        # references: normlib's coordinate descent (tol 1e-14) and ridge's closed form
        "lasso": nl.lasso(X, y, lam, fit_intercept=False, tol=1e-14).coef,
        "ridge": nl.ridge(X, y, lam, fit_intercept=False).coef,
        "enet": nl.elastic_net(X, y, lam, rho, fit_intercept=False, tol=1e-14).coef,
    }
    scale = max(1.0, float(np.abs(w_ols).max()))
    for key, coef in expected.items():
        shown_values = values(root.locator(f"[data-readout={key}]"))
        got = np.array([shown_values["w1"][0], shown_values["w2"][0]])
        assert_allclose(got, coef, rtol=0, atol=1e-6 * scale, err_msg=key)
        assert [v == 0 for v in got] == [abs(c) < 1e-12 for c in coef], key  # exact zeros
        for name, c in zip(("w1", "w2"), coef, strict=True):
            assert abs(shown(shown_values[name][1]) - c) <= 0.0005 + 1e-9  # 3 decimals
        zeros = root.locator(f"[data-readout={key}]").text_content().split("zeros: ")[1]
        assert int(zeros) == 2 - nl.l0_count(coef)


def test_plane_click_and_drag_move_the_least_squares_point(page):
    root = explorable(page, "regions")
    data = page_data(root)
    view = data["view"]
    svg = root.locator("[data-panel=ridge] svg")
    box = svg.bounding_box()
    # a click in the middle of the plotting area (the single-pointer alternative)
    # the plotting area is 256 of the 300 viewBox units, from (34, 10)
    middle = (box["x"] + box["width"] * 162 / 300, box["y"] + box["height"] * 138 / 300)
    page.mouse.click(*middle)
    w1 = float(root.locator("input[data-control=w1]").input_value())
    w2 = float(root.locator("input[data-control=w2]").input_value())
    centre = ((view[0] + view[1]) / 2, (view[2] + view[3]) / 2)
    pixel = (view[1] - view[0]) / (box["width"] * 256 / 300)  # one CSS pixel in w units
    assert abs(w1 - centre[0]) <= 2 * pixel and abs(w2 - centre[1]) <= 2 * pixel
    # a drag to the right raises w1, keeps w2
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, middle[1], steps=5)
    page.mouse.up()
    w1_after = float(root.locator("input[data-control=w1]").input_value())
    assert w1_after > w1 + 10 * pixel
    assert abs(float(root.locator("input[data-control=w2]").input_value()) - w2) <= 2 * pixel
    assert "At λ" in root.locator(".nx-live").text_content()  # announced on release


# ---------------------------------------------------------------- the paths


@pytest.fixture(scope="module")
def diabetes_path():
    X, y = load_diabetes(return_X_y=True)
    return X, y, *nl.lars_lasso_path(X, y)


@pytest.mark.parametrize("position", [0, 250, 700, 1000, 1400, 2000])
def test_path_readouts_equal_normlib(page, diabetes_path, position):
    X, y, breaks, coefs = diabetes_path
    root = explorable(page, "paths")
    set_range(root, "lam", position)
    shown_values = values(root.locator("table"))
    lam = shown_values.pop("lam")[0]
    n_lasso = shown_values.pop("lasso-nonzero")[0]
    n_ridge = shown_values.pop("ridge-nonzero")[0]
    names = load_diabetes().feature_names
    lasso_shown = np.array([v[0] for v in values(root.locator("tbody td:nth-child(2)")).values()])
    ridge_shown = np.array([v[0] for v in values(root.locator("tbody td:nth-child(3)")).values()])
    assert len(lasso_shown) == len(ridge_shown) == len(names)
    # references: normlib's exact path at the page's λ (1e-9 relative), coordinate
    # descent (1e-6 relative) and the ridge path (1e-9 relative)
    exact = nl.interpolate_path(breaks, coefs, lam)
    scale = float(np.abs(coefs).max())
    assert_allclose(lasso_shown, exact, rtol=0, atol=1e-9 * scale)
    assert_allclose(lasso_shown, nl.lasso(X, y, lam, tol=1e-14).coef, rtol=0, atol=1e-6 * scale)
    _, (ridge,) = nl.ridge_path(X, y, lams=[lam])
    assert_allclose(ridge_shown, ridge, rtol=1e-9, atol=1e-9 * scale)
    assert n_lasso == nl.l0_count(exact) and n_ridge == nl.l0_count(ridge) == 10
    texts = root.locator("tbody td:nth-child(2)").all_text_contents()
    for text, w in zip(texts, exact, strict=True):
        assert abs(shown(text) - w) <= 0.005 + 1e-9  # 2 decimals


def test_linear_axis_draws_the_lasso_path_straight_between_breakpoints(page, diabetes_path):
    _, _, breaks, _ = diabetes_path
    root = explorable(page, "paths")
    line = root.locator("[data-panel=lasso] polyline").first
    log_points = len(line.get_attribute("points").split())
    root.locator("input[data-control=linear]").check()
    linear_points = line.get_attribute("points").split()
    assert len(linear_points) == breaks.size < log_points  # the breakpoints are enough
    root.locator("input[data-control=linear]").uncheck()
    assert len(line.get_attribute("points").split()) == log_points


def test_path_cursor_follows_a_click(page):
    root = explorable(page, "paths")
    svg = root.locator("[data-panel=ridge] svg")
    box = svg.bounding_box()
    before = values(root.locator("caption"))["lam"][0]
    page.mouse.click(box["x"] + box["width"] * 0.9, box["y"] + box["height"] * 0.5)
    after = values(root.locator("caption"))["lam"][0]
    assert after < before / 10  # right of the panel: small λ
    cursor_x = float(root.locator("[data-panel=ridge] .nx-cursor").get_attribute("x1"))
    assert abs(cursor_x - 0.9 * 460) < 3  # under the pointer (viewBox units)


# ---------------------------------------------------------------- thresholding


@pytest.mark.parametrize(
    ("lam", "z"), [(2.0, 1.5), (2.0, 0.9), (3.0, -2.2), (0.0, 1.3), (6.0, 4.0), (1.0, -0.5)]
)
def test_thresholding_readouts_equal_normlib(page, lam, z):
    root = explorable(page, "thresholding")
    lam = set_range(root, "lam", lam)
    z = set_range(root, "z", z)
    shown_values = values(root.locator("figcaption"))
    expected = {  # references: normlib (exact closed forms: 1e-12)
        "soft": nl.soft_threshold(z, lam / 2),
        "hard": nl.hard_threshold(z, lam / 2),
        "ridge": nl.ridge([[1.0]], [z], lam, fit_intercept=False).coef[0],
    }
    for key, value in expected.items():
        assert_allclose(shown_values[key][0], value, rtol=1e-12, atol=1e-12, err_msg=key)
        assert abs(shown(shown_values[key][1]) - value) <= 0.0005 + 1e-9


# ---------------------------------------------------------------- the script's math


def test_script_math_mirrors_normlib(page):
    """The page's closed forms (window.normlibExplorables) against normlib on random inputs."""
    rng = np.random.default_rng(0)
    js = "(args) => window.normlibExplorables[args[0]](...args.slice(1))"
    for _ in range(20):
        A = rng.standard_normal((6, 2)) * rng.uniform(0.3, 3.0, 2)
        w_ols = rng.uniform(-3, 3, 2)
        lam, rho = float(rng.uniform(0, 40)), float(rng.uniform(0, 1))
        y = A @ w_ols + 0.5 * rng.standard_normal(6)
        gram, b = (A.T @ A).tolist(), (A.T @ y).tolist()
        got = page.evaluate(js, ["elasticNet2", gram, b, lam, rho])
        want = nl.elastic_net(A, y, lam, rho, fit_intercept=False, tol=1e-14).coef
        assert_allclose(got, want, rtol=0, atol=1e-7 * max(1.0, np.abs(want).max()))
        z, t = float(rng.normal(scale=3)), float(rng.uniform(0, 3))
        soft = page.evaluate(js, ["softThreshold", z, t])
        assert soft == pytest.approx(nl.soft_threshold(z, t), abs=1e-15)
        assert page.evaluate(js, ["hardThreshold", z, t]) == nl.hard_threshold(z, t)
    X, y = load_diabetes(return_X_y=True)
    breaks, coefs = nl.lars_lasso_path(X, y)
    for lam in [3000.0, 1000.0, 300.0, 50.0, 10.5, 3.0, 0.5, 0.0]:
        got = page.evaluate(js, ["interpolatePath", breaks.tolist(), coefs.tolist(), lam])
        assert_allclose(got, nl.interpolate_path(breaks, coefs, lam), rtol=1e-12, atol=1e-9)


# ---------------------------------------------------------------- keyboard, targets, focus


@pytest.mark.parametrize("kind", KINDS)
def test_keyboard_moves_every_explorable(page, kind):
    root = explorable(page, kind)
    slider = root.locator("input[data-control=lam]")
    readouts = root.locator("[data-value]")
    slider.focus()
    slider.press("Home")
    first = (slider.get_attribute("aria-valuetext"), readouts.all_text_contents())
    slider.press("End")
    last = (slider.get_attribute("aria-valuetext"), readouts.all_text_contents())
    slider.press("ArrowLeft")
    nudged = slider.get_attribute("aria-valuetext")
    assert first[0] != last[0] != nudged and "λ" in first[0]
    assert first[1] != last[1], "the readouts did not change"
    assert root.locator("[aria-live=polite]").text_content()  # announced (change event)
    outline = slider.evaluate("el => parseFloat(getComputedStyle(el).outlineWidth)")
    assert outline >= 2, "no visible focus"


@pytest.mark.parametrize("kind", KINDS)
def test_controls_are_labelled_and_large_enough(page, kind):
    root = explorable(page, kind)
    for control in root.locator("input").all():
        box = control.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.5.8
        control_id = control.get_attribute("id")
        assert root.locator(f"label[for='{control_id}']").count() == 1


def test_narrow_screen_does_not_scroll_sideways(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site}/{PAGE}")
    page.wait_for_selector(".normlib-explorable[data-ready]")
    for root in page.locator(".normlib-explorable").all():
        box = root.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 0.5
    context.close()


# ---------------------------------------------------------------- axe-core on the explorables

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_explorables_have_no_axe_violations(browser, site, scheme, axe_source):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site}/{PAGE}")
    page.wait_for_selector(".normlib-explorable[data-ready]")
    page.add_script_tag(path=str(axe_source))
    # every rule, on the explorables only (the rest of the page is the a11y tests' job)
    result = page.evaluate(
        "() => axe.run({include: [['.normlib-explorable']]}, {resultTypes: ['violations']})"
    )
    context.close()
    assert len(result["passes"]) > 10  # the rules did run on the explorables
    problems = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]
    assert problems == []


# ---------------------------------------------------------------- the Korean edition
# The same page of the Korean edition: the script writes its words from STRINGS.ko
# (chosen from <html lang="ko">) and its numbers exactly as on the English page.

HANGUL = re.compile("[\uac00-\ud7a3]")
NUMBER = re.compile("[\u2212-]?[0-9]+(?:\\.[0-9]+)?")


def open_page(recorder, path):
    if path == KO_PAGE and not (HTML / KO_PAGE).exists():
        pytest.fail(f"no Korean edition ({HTML / KO_PAGE}): `make book` builds en + ko")
    page = recorder.goto(path)
    page.wait_for_selector(".normlib-explorable[data-ready]")
    return page


def check_clean(recorder):
    assert recorder.console_errors == []
    assert recorder.external_requests == []
    assert recorder.failed_requests == []


@pytest.fixture
def ko_page(recorder):
    page = open_page(recorder, KO_PAGE)
    yield page
    check_clean(recorder)


@pytest.fixture
def en_and_ko(browser, site):
    """The English and the Korean page, each in its own context."""
    recorders = [PageRecorder(browser, site) for _ in range(2)]
    try:
        yield [open_page(rec, path) for rec, path in zip(recorders, (PAGE, KO_PAGE), strict=True)]
        for rec in recorders:
            check_clean(rec)
    finally:
        for rec in recorders:
            rec.close()


KEPT_IN_KOREAN = {"lars", "svd"}  # names, the same in the Korean text


def english_words(page):
    """The words of the script's English dictionary (lower case), but for the kept names."""
    strings = page.evaluate("() => window.normlibExplorables.strings")
    words = {w.lower() for text in strings["en"].values()
             for w in re.findall("[A-Za-z]{2,}", re.sub(r"\{\w+\}", "", text))}
    return words - KEPT_IN_KOREAN


def texts(root):
    """What a reader sees or hears in the explorable: its visible text, the SVGs' names, the
    sliders' value texts and the live region (not the group's own label: that one comes from
    normlib's figure catalog)."""
    return [root.inner_text(), root.locator(".nx-live").text_content(),
            *[el.get_attribute("aria-label") for el in root.locator("svg[aria-label]").all()],
            *[el.get_attribute("aria-valuetext") or "" for el in root.locator("input").all()]]


def test_korean_page_chooses_korean(ko_page):
    assert ko_page.locator("html").get_attribute("lang") == "ko"
    assert ko_page.evaluate("() => window.normlibExplorables.language") == "ko"
    assert ko_page.locator(".normlib-explorable[data-ready]").count() == 3


@pytest.mark.parametrize("kind", KINDS)
def test_korean_explorables_speak_korean(ko_page, kind):
    root = explorable(ko_page, kind)
    # every label, panel title and legend, table heading, hint, SVG name and announcement
    worded = root.locator("label, figcaption, th[scope=col], caption, .nx-hint, .nx-live")
    assert worded.count() >= 4
    for text in worded.all_text_contents():
        assert HANGUL.search(text), f"no Korean in {text!r}"
    for svg in root.locator("svg[role=img]").all():
        assert HANGUL.search(svg.get_attribute("aria-label"))
    assert HANGUL.search(root.locator(".nx-live").text_content())  # announced at load
    # and no English word of the script's dictionary anywhere
    english = english_words(ko_page)
    assert len(english) > 50  # the check has words to look for
    for text in texts(root):
        found = {w for w in re.findall("[A-Za-z]{2,}", text) if w.lower() in english}
        assert not found, f"English in the Korean {kind} explorable: {sorted(found)} in {text!r}"


SETTINGS = {  # control values set on both pages, one list per round of comparison
    "regions": [[("lam", 150.0), ("rho", 0.8), ("w1", -1.5), ("w2", 2.5)],
                [("lam", 40.0), ("rho", 0.5), ("w1", 2.0), ("w2", 0.3)]],
    "paths": [[("lam", 0)], [("lam", 700), ("linear", True)], [("lam", 2000)]],
    "thresholding": [[("lam", 3.0), ("z", -2.2)], [("lam", 2.0), ("z", 0.9)]],
}


def numbers(root):
    """Everything numeric the explorable shows, in a language-independent form."""
    readouts = root.locator("[data-value]").evaluate_all(
        "els => els.map(e => [e.dataset.name || e.tagName, e.dataset.value, e.textContent])"
    )
    valuetexts = [el.get_attribute("aria-valuetext") or "" for el in root.locator("input").all()]
    # the announcement and the value texts: the same numbers (the order may differ)
    announced = [sorted(NUMBER.findall(text))
                 for text in [root.locator(".nx-live").text_content(), *valuetexts]]
    # the drawing itself, all but the SVGs' own names
    drawings = [svg.inner_html() for svg in root.locator("svg[role=img]").all()]
    outputs = root.locator("output").all_text_contents()
    return {"readouts": readouts, "announced": announced, "outputs": outputs, "drawings": drawings}


@pytest.mark.parametrize("kind", KINDS)
def test_korean_readouts_equal_the_english_ones(en_and_ko, kind):
    en_root, ko_root = (explorable(page, kind) for page in en_and_ko)
    assert numbers(ko_root) == numbers(en_root)  # at load
    for settings in SETTINGS[kind]:
        for root in (en_root, ko_root):
            for name, value in settings:
                if name == "linear":
                    root.locator("input[data-control=linear]").set_checked(value)
                else:
                    set_range(root, name, value)
        en, ko = numbers(en_root), numbers(ko_root)
        assert len(en["readouts"]) >= 3 and any(en["announced"])
        assert ko == en, settings


def test_korean_explorables_have_no_axe_violations(browser, site, axe_source):
    recorder = PageRecorder(browser, site, {"width": 1280, "height": 900})
    try:
        page = open_page(recorder, KO_PAGE)
        page.add_script_tag(path=str(axe_source))
        result = page.evaluate(
            "() => axe.run({include: [['.normlib-explorable']]}, {resultTypes: ['violations']})"
        )
    finally:
        recorder.close()
    assert len(result["passes"]) > 10
    problems = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]
    assert problems == []
