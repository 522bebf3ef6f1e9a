// accessible_book: a region that scrolls sideways (wide display math, a long
// inline formula or a figure on a phone) must be reachable by keyboard (WCAG
// 2.1.1; axe's scrollable-region-focusable). pydata-sphinx-theme does this for
// code, outputs and tables; this adds math and figures, after MathJax has
// typeset the page and on resize.
(function () {
  "use strict";
  function update() {
    document.querySelectorAll("div.math, span.math, div.cell_output figure").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      var focusableInside = box.querySelector("[tabindex='0'], a[href], button, input");
      if (scrolls && !focusableInside) {
        box.tabIndex = 0;
      } else if (!scrolls && box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }
  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  }
  function start() {
    var ready = window.MathJax && MathJax.startup && MathJax.startup.promise;
    (ready || Promise.resolve()).then(update);
    window.addEventListener("resize", later);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
