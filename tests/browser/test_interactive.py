"""The interactive figures work in the static page: moving a slider changes the
figure and its readout, with no kernel, no network and no console error."""

import pytest

pytestmark = pytest.mark.browser

PAGE = "book/04a_move_lambda.html"


def test_page_has_two_sliders(recorder):
    page = recorder.goto(PAGE)
    assert page.locator(".normlib-slider").count() == 2


@pytest.mark.parametrize("index", [0, 1])
def test_moving_the_slider_changes_figure_and_readout(recorder, index):
    page = recorder.goto(PAGE)
    slider = page.locator(".normlib-slider").nth(index)
    slider.scroll_into_view_if_needed()
    image = slider.locator("img")
    readout = slider.locator(".normlib-slider-readout")
    value = slider.locator("output")
    before = (image.get_attribute("src"), readout.inner_text(), value.inner_text())
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    range_input = slider.locator("input[type=range]")
    range_input.focus()
    range_input.press("Home")  # first frame
    first = (image.get_attribute("src"), readout.inner_text(), value.inner_text())
    range_input.press("End")  # last frame
    last = (image.get_attribute("src"), readout.inner_text(), value.inner_text())

    assert first != before and last != before  # the page starts on a middle frame
    assert first[0] != last[0], "the figure did not change"
    assert first[1] != last[1], "the readout did not change"
    assert first[2] != last[2], "the λ label did not change"
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert recorder.console_errors == []
    assert recorder.external_requests == []
