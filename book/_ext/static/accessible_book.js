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
      // (a figure's caption has a permalink, but it is hidden until hovered)
      var focusableInside = box.querySelector(
        "[tabindex='0'], a[href]:not(.headerlink), button, input"
      );
      if (scrolls && !focusableInside) {
        box.tabIndex = 0;
      } else if (!scrolls && box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }
  // Search results quote the pages' HTML, where math is still TeX source
  // ("\(\lambda \operatorname{sign}(w)\)"): show it as text ("λ sign(w)"), as
  // the search index's titles are (tex_to_text in accessible_book.py).
  var TEX_WORDS = {
    alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε",
    eta: "η", theta: "θ", lambda: "λ", mu: "μ", pi: "π", rho: "ρ", sigma: "σ",
    tau: "τ", phi: "φ", xi: "ξ", omega: "ω", Delta: "Δ", Sigma: "Σ", nabla: "∇",
    partial: "∂", infty: "∞", cdot: "·", times: "×", le: "≤", leq: "≤", ge: "≥",
    geq: "≥", ne: "≠", neq: "≠", approx: "≈", to: "→", in: "∈", sum: "∑",
    lvert: "|", rvert: "|", lVert: "‖", rVert: "‖", "|": "‖", ell: "ℓ"
  };
  function mathToText(tex) {
    return tex
      .replace(/\\(?:operatorname|mathrm|mathbf|mathit|text|textit|textbf|emph)\s*\{([^{}]*)\}/g, "$1")
      .replace(/\\([A-Za-z]+|\|)/g, function (m, word) {
        return Object.prototype.hasOwnProperty.call(TEX_WORDS, word) ? TEX_WORDS[word] : word;
      })
      .replace(/[{}]/g, "")
      .trim();
  }
  function texToText(text) {  // only what is inside math delimiters changes
    return text.replace(/\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]|\$\$([\s\S]*?)\$\$/g, function (m, a, b, c) {
      return mathToText(a || b || c || "");
    });
  }
  window.accessibleBookTexToText = texToText;
  if (typeof Search !== "undefined" && typeof Search.htmlToText === "function") {
    var htmlToText = Search.htmlToText;
    Search.htmlToText = function () {
      return texToText(htmlToText.apply(this, arguments));
    };
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
