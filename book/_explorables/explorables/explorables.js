/*
 * Explorables of the book "L1 and L2" (chapter "Move λ yourself").
 *
 * Each <div class="normlib-explorable" data-kind="…"> holds, as JSON, numbers that
 * normlib computed when the book was built (normlib/plotting/interactive.py). This
 * script turns it into real controls (<input type="range">, a checkbox) and an SVG
 * figure that is redrawn at every change. No framework, no network.
 *
 * The math section mirrors normlib, function for function (same names, camelCase),
 * so that the browser tests can compare it with normlib at the same inputs:
 *   softThreshold  normlib.soft_threshold        hardThreshold  normlib.hard_threshold
 *   ridge1         normlib.ridge with X = [[1]]  elasticNet2    normlib.elastic_net (2 features)
 *   interpolatePath normlib.interpolate_path     ridgePath      normlib.ridge_path (from one SVD)
 * Accessibility: every drag has a keyboard and a single-pointer alternative (a slider,
 * and a click that moves the point or the cursor there); sliders carry aria-valuetext;
 * a polite live region announces the result when a change is committed; nothing moves
 * by itself (no animation), so prefers-reduced-motion has nothing to stop.
 * Language: every word the script writes comes from STRINGS, in the language of the
 * page (<html lang>: "ko" is Korean, anything else English); numbers are formatted
 * the same way in every language (fmt, fmtLam, toFixed).
 */
(function () {
  "use strict";

  // ------------------------------------------------------------------ words (one dictionary per language)

  // {name} is a placeholder, filled by t(key, {name: …}) (or by appendT, which also takes
  // elements). Math symbols (λ, ρ, w₁, z, t) are the same in every language.
  const STRINGS = {
    en: {
      figure: "interactive figure",
      lamStrength: "λ (penalty strength)",
      // 1. regions in the plane
      olsW1: "least-squares w₁",
      olsW2: "least-squares w₂",
      enetMix: "elastic-net mix ρ (L1 share)",
      regionsHint: "Drag the hollow least-squares point, or click anywhere in a panel to move it there; " +
        "the sliders do the same from the keyboard.",
      lassoTitle: "Lasso (L1)",
      ridgeTitle: "Ridge (L2)",
      enetTitle: "Elastic net",
      lassoRegion: "L1 diamond",
      ridgeRegion: "L2 disc",
      enetRegion: "elastic-net region",
      regionsPanelLabel: "{title}: loss contours, the {region} and the solution",
      zeros: "zeros: {n}",
      lassoName: "lasso",
      ridgeName: "ridge",
      enetName: "elastic net",
      regionsSay: "{name} w = ({w1}, {w2})",
      regionsLive: "At λ = {lam}: {lasso}, {ridge}, {enet}.",
      // 2. coefficient paths
      lamRight: "λ (right: smaller)",
      linearAxis: "linear λ axis (the lasso path is then straight between breakpoints)",
      pathsHint: "Drag across a panel, or click in it, to move the λ cursor; the slider does the same " +
        "from the keyboard.",
      lassoPathTitle: "Lasso path (exact, from the LARS breakpoints)",
      ridgePathTitle: "Ridge path (one SVD)",
      pathsPanelLabel: "{title}: the {p} coefficients against λ, with the cursor",
      featureHead: "feature",
      lassoHead: "lasso w",
      ridgeHead: "ridge w",
      pathsCaption: "At λ = {lam}: lasso keeps {kept} of {p} features, ridge {ridgeKept} of {p}.",
      pathsValuetext: "λ = {lam}, lasso keeps {kept} of {p}",
      pathsLive: "At λ = {lam} the lasso keeps {kept} of {p} features, ridge {ridgeKept} of {p}.",
      // 3. thresholding in 1-D
      olsZ: "least-squares value z",
      thresholdingHint: "Drag across the plot, or click in it, to move z; the sliders do the same from " +
        "the keyboard.",
      thresholdingLabel: "The shrunken weight against the least-squares value z, for soft, hard and " +
        "proportional shrinkage, with the dead zone and the current z marked",
      softCurve: "soft (lasso)",
      hardCurve: "hard (best subset)",
      ridgeCurve: "proportional (ridge)",
      thresholdingValuetext: "λ = {lam}, threshold {t}",
      thresholdingLive: "z = {z}, threshold {t}: soft {soft}, hard {hard}, ridge {ridge}.",
    },
    ko: {
      figure: "대화형 그림",
      lamStrength: "λ (규제 강도)",
      // 1. regions in the plane
      olsW1: "최소제곱 w₁",
      olsW2: "최소제곱 w₂",
      enetMix: "엘라스틱넷 혼합 비율 ρ (L1 비중)",
      regionsHint: "속이 빈 최소제곱점을 끌거나 패널의 아무 곳이나 클릭하면 점이 그곳으로 옮겨집니다. " +
        "키보드로는 슬라이더로 같은 일을 할 수 있습니다.",
      lassoTitle: "라쏘 (L1)",
      ridgeTitle: "릿지 (L2)",
      enetTitle: "엘라스틱넷",
      lassoRegion: "L1 마름모",
      ridgeRegion: "L2 원판",
      enetRegion: "엘라스틱넷 영역",
      regionsPanelLabel: "{title}: 손실 등고선, {region}, 해",
      zeros: "0인 가중치 수: {n}",
      lassoName: "라쏘",
      ridgeName: "릿지",
      enetName: "엘라스틱넷",
      regionsSay: "{name} w = ({w1}, {w2})",
      regionsLive: "λ = {lam}에서 {lasso}, {ridge}, {enet}입니다.",
      // 2. coefficient paths
      lamRight: "λ (오른쪽일수록 작음)",
      linearAxis: "선형 λ 축 (라쏘 경로가 꺾임점 사이에서 직선으로 보임)",
      pathsHint: "패널 위에서 끌거나 패널 안을 클릭하면 λ 커서가 움직입니다. " +
        "키보드로는 슬라이더로 같은 일을 할 수 있습니다.",
      lassoPathTitle: "라쏘 경로 (LARS 꺾임점으로 구한 정확한 경로)",
      ridgePathTitle: "릿지 경로 (SVD 한 번)",
      pathsPanelLabel: "{title}: λ에 따른 계수 {p}개와 커서",
      featureHead: "특성",
      lassoHead: "라쏘 w",
      ridgeHead: "릿지 w",
      pathsCaption: "λ = {lam}에서 라쏘는 특성 {p}개 중 {kept}개, 릿지는 {p}개 중 {ridgeKept}개를 남깁니다.",
      pathsValuetext: "λ = {lam}, 라쏘는 {p}개 중 {kept}개 유지",
      pathsLive: "λ = {lam}에서 라쏘는 특성 {p}개 중 {kept}개, 릿지는 {p}개 중 {ridgeKept}개를 남깁니다.",
      // 3. thresholding in 1-D
      olsZ: "최소제곱 값 z",
      thresholdingHint: "그림 위에서 끌거나 그림 안을 클릭하면 z가 움직입니다. " +
        "키보드로는 슬라이더로 같은 일을 할 수 있습니다.",
      thresholdingLabel: "최소제곱 값 z에 따른 축소된 가중치: 소프트 임계값, 하드 임계값, 비례 축소의 " +
        "세 곡선과 불감대, 현재 z 표시",
      softCurve: "소프트 (라쏘)",
      hardCurve: "하드 (최적 부분집합)",
      ridgeCurve: "비례 축소 (릿지)",
      thresholdingValuetext: "λ = {lam}, 임계값 {t}",
      thresholdingLive: "z = {z}, 임계값 {t}에서 소프트 {soft}, 하드 {hard}, 릿지 {ridge}입니다.",
    },
  };

  // The page's language, once: <html lang="ko"> (or "ko-KR") is Korean, anything else English.
  const LANG = (document.documentElement.lang || "").toLowerCase().split("-")[0] === "ko" ? "ko" : "en";

  /** The parts of STRINGS[LANG][key] with every {name} replaced by params[name] (any value). */
  function parts(key, params) {
    const template = Object.prototype.hasOwnProperty.call(STRINGS[LANG], key)
      ? STRINGS[LANG][key] : STRINGS.en[key];
    if (template === undefined) {
      throw new Error(`explorables: no string "${key}"`);
    }
    const out = [];
    let last = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      if (!params || !Object.prototype.hasOwnProperty.call(params, match[1])) {
        throw new Error(`explorables: string "${key}" needs {${match[1]}}`);
      }
      out.push(template.slice(last, match.index), params[match[1]]);
      last = match.index + match[0].length;
    }
    out.push(template.slice(last));
    return out;
  }

  /** The string `key` in the page's language, placeholders filled from params. */
  function t(key, params) {
    return parts(key, params).join("");
  }

  /** Append the string `key` to parent: text as text nodes, placeholders that are nodes as nodes. */
  function appendT(parent, key, params) {
    let text = "";
    for (const part of parts(key, params)) {
      if (typeof part === "object" && part !== null) {
        if (text) {
          parent.append(text);
        }
        text = "";
        parent.append(part);
      } else {
        text += String(part);
      }
    }
    if (text) {
      parent.append(text);
    }
  }

  // ------------------------------------------------------------------ math (mirrors normlib)

  /** sign(z) max(|z| - t, 0): normlib.soft_threshold. */
  function softThreshold(z, t) {
    const excess = Math.abs(z) - t;
    return excess > 0 ? Math.sign(z) * excess : 0;
  }

  /** z if |z| > t else 0: normlib.hard_threshold. */
  function hardThreshold(z, t) {
    return Math.abs(z) > t ? z : 0;
  }

  /** argmin (z - w)^2 + lam w^2 / 2 = z / (1 + lam / 2): normlib.ridge(X=[[1]], y=[z], lam). */
  function ridge1(z, lam) {
    return z / (1 + lam / 2);
  }

  /**
   * Elastic net with two features and no intercept, exactly: normlib.elastic_net.
   * Cost (up to a constant): w'Gw - 2b'w + lam (rho |w|_1 + (1 - rho) |w|^2 / 2), with
   * G = X'X and b = X'y. The minimizer is one of: 0; one coordinate soft-thresholded;
   * both nonzero with a sign pattern s, where (G + lam (1 - rho) / 2 I) w = b - lam rho s / 2.
   * Every candidate is a real point, so the one of lowest cost is the solution.
   */
  function elasticNet2(gram, b, lam, rho) {
    const l2 = (lam * (1 - rho)) / 2;
    const t = (lam * rho) / 2;
    const a11 = gram[0][0] + l2;
    const a12 = gram[0][1];
    const a22 = gram[1][1] + l2;
    const det = a11 * a22 - a12 * a12;
    const cost = (w) =>
      a11 * w[0] * w[0] + 2 * a12 * w[0] * w[1] + a22 * w[1] * w[1] -
      2 * (b[0] * w[0] + b[1] * w[1]) + 2 * t * (Math.abs(w[0]) + Math.abs(w[1]));
    const candidates = [
      [0, 0],
      [softThreshold(b[0], t) / a11, 0],
      [0, softThreshold(b[1], t) / a22],
    ];
    if (det > 0) {
      for (const s1 of [-1, 1]) {
        for (const s2 of [-1, 1]) {
          const r1 = b[0] - t * s1;
          const r2 = b[1] - t * s2;
          candidates.push([(a22 * r1 - a12 * r2) / det, (a11 * r2 - a12 * r1) / det]);
        }
      }
    }
    let best = candidates[0];
    let bestCost = cost(best);
    for (const w of candidates) {
      const c = cost(w);
      if (c < bestCost) {
        best = w;
        bestCost = c;
      }
    }
    return [best[0] + 0, best[1] + 0];
  }

  /** Lasso path at lam by linear interpolation between breakpoints: normlib.interpolate_path. */
  function interpolatePath(lams, coefs, lam) {
    const last = lams.length - 1;
    if (lam >= lams[0]) {
      return coefs[0].slice();
    }
    if (lam <= lams[last]) {
      return coefs[last].slice();
    }
    let lo = 0;
    let hi = last; // lams[lo] > lam > lams[hi] (decreasing)
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (lams[mid] >= lam) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    const f = (lam - lams[hi]) / (lams[lo] - lams[hi]);
    return coefs[lo].map((w, j) => f * w + (1 - f) * coefs[hi][j]);
  }

  /** Ridge solution V diag(s / (s^2 + lam / 2)) U'y_c from one SVD: normlib.ridge_path. */
  function ridgePath(s, vt, uty, lam) {
    const p = vt[0].length;
    const w = new Array(p).fill(0);
    for (let i = 0; i < s.length; i += 1) {
      const factor = (s[i] / (s[i] * s[i] + lam / 2)) * uty[i];
      for (let j = 0; j < p; j += 1) {
        w[j] += factor * vt[i][j];
      }
    }
    return w;
  }

  /** Number of nonzero entries: normlib.l0_count. */
  function countNonzero(w) {
    return w.filter((x) => x !== 0).length;
  }

  // ------------------------------------------------------------------ drawing helpers

  const SVGNS = "http://www.w3.org/2000/svg";
  let counter = 0;

  function svgEl(tag, attrs, parent) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      node.setAttribute(key, value);
    }
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function htmlEl(tag, attrs, parent, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      node.setAttribute(key, value);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  /** x with d decimals, never "-0.000"; the minus sign is U+2212 for screen readers. */
  function fmt(x, d) {
    const text = Math.abs(x).toFixed(d);
    return x < 0 && Number(text) !== 0 ? "\u2212" + text : text;
  }

  /** Significant-figure format for λ. */
  function fmtLam(lam) {
    if (lam >= 100) {
      return lam.toFixed(0);
    }
    if (lam >= 10) {
      return lam.toFixed(1);
    }
    return lam.toFixed(lam >= 1 ? 2 : 3);
  }

  function linear(d0, d1, r0, r1) {
    const k = (r1 - r0) / (d1 - d0);
    const f = (v) => r0 + (v - d0) * k;
    f.invert = (px) => d0 + (px - r0) / k;
    f.k = k;
    return f;
  }

  /** A labelled range input with its <output>; returns {input, output}. */
  function slider(parent, options) {
    counter += 1;
    const id = `normlib-x-${counter}`;
    const row = htmlEl("div", { class: "nx-control" }, parent);
    htmlEl("label", { for: id }, row, options.label);
    const input = htmlEl("input", {
      type: "range",
      id,
      min: String(options.min),
      max: String(options.max),
      step: String(options.step),
      "data-control": options.name,
    }, row);
    input.value = String(options.value);
    const output = htmlEl("output", { for: id, "aria-hidden": "true" }, row);
    return { input, output };
  }

  /** The point of an SVG element under a pointer event, in its viewBox coordinates. */
  function svgPoint(svg, event) {
    const point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  /**
   * Dragging with one pointer: pressing anywhere on `target` calls move(point) (a click
   * alone is the single-pointer alternative), moving while pressed keeps calling it, and
   * releasing calls done() (where the live region is updated).
   */
  function draggable(svg, target, move, done) {
    let active = false;
    target.addEventListener("pointerdown", (event) => {
      active = true;
      target.setPointerCapture(event.pointerId);
      move(svgPoint(svg, event));
      event.preventDefault();
    });
    target.addEventListener("pointermove", (event) => {
      if (active) {
        move(svgPoint(svg, event));
      }
    });
    const stop = () => {
      if (active) {
        active = false;
        done();
      }
    };
    target.addEventListener("pointerup", stop);
    target.addEventListener("pointercancel", stop);
  }

  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

  // Okabe–Ito colours (colour-blind safe), then two more dark ones; line styles differ too.
  const COLOURS = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#7a5c00",
    "#56B4E9", "#000000", "#8c6d31", "#6a3d9a", "#b2182b",
  ];
  const DASHES = ["", "6 3", "2 2", "8 3 2 3", "", "6 3", "2 2", "8 3 2 3", "", "4 4"];

  function valueSpan(parent, value, digits, name) {
    return htmlEl("span", { "data-value": String(value), "data-name": name }, parent,
      fmt(value, digits));
  }

  // ------------------------------------------------------------------ 1. regions in the plane

  /** Radius of {rho |w|_1 + (1 - rho) |w|^2 / 2 = c} in the direction theta. */
  function regionRadius(theta, rho, c) {
    const a = Math.abs(Math.cos(theta)) + Math.abs(Math.sin(theta));
    if (rho >= 1) {
      return c / a;
    }
    const q = 1 - rho;
    return (-rho * a + Math.sqrt(rho * rho * a * a + 2 * q * c)) / q;
  }

  function penaltyLevel(w, rho) {
    const l1 = Math.abs(w[0]) + Math.abs(w[1]);
    const l2 = w[0] * w[0] + w[1] * w[1];
    return rho * l1 + ((1 - rho) * l2) / 2;
  }

  function symmetricEigen(g) {
    // eigenvalues and the angle of the first eigenvector of a symmetric 2x2 matrix
    const mean = (g[0][0] + g[1][1]) / 2;
    const diff = (g[0][0] - g[1][1]) / 2;
    const radius = Math.hypot(diff, g[0][1]);
    return { big: mean + radius, small: mean - radius, angle: 0.5 * Math.atan2(2 * g[0][1], 2 * diff) };
  }

  function buildRegions(root, data) {
    const gram = data.gram;
    const state = { lam: data.lam, wOls: data.w_ols.slice(), rho: data.l1_ratio };
    const eig = symmetricEigen(gram);
    const view = data.view;
    const size = 300;
    const pad = { left: 34, right: 10, top: 10, bottom: 34 };
    const sx = linear(view[0], view[1], pad.left, size - pad.right);
    const sy = linear(view[2], view[3], size - pad.bottom, pad.top);
    const w0 = data.w_ols;
    const levelRef = w0[0] * (gram[0][0] * w0[0] + gram[0][1] * w0[1]) +
      w0[1] * (gram[0][1] * w0[0] + gram[1][1] * w0[1]); // contour through the origin

    const controls = htmlEl("div", { class: "nx-controls" }, root);
    const lamCtl = slider(controls, {
      name: "lam", label: t("lamStrength"), min: 0, max: data.lam_max,
      step: data.lam_max / 1000, value: state.lam,
    });
    const stepW = (view[1] - view[0]) / 500;
    const w1Ctl = slider(controls, {
      name: "w1", label: t("olsW1"), min: view[0], max: view[1], step: stepW,
      value: state.wOls[0],
    });
    const w2Ctl = slider(controls, {
      name: "w2", label: t("olsW2"), min: view[2], max: view[3], step: stepW,
      value: state.wOls[1],
    });
    const rhoCtl = slider(controls, {
      name: "rho", label: t("enetMix"), min: 0, max: 1, step: 0.01,
      value: state.rho,
    });
    htmlEl("p", { class: "nx-hint" }, root, t("regionsHint"));

    const panelsBox = htmlEl("div", { class: "nx-panels" }, root);
    const kinds = [
      { key: "lasso", title: t("lassoTitle"), region: t("lassoRegion") },
      { key: "ridge", title: t("ridgeTitle"), region: t("ridgeRegion") },
      { key: "enet", title: t("enetTitle"), region: t("enetRegion") },
    ];
    const panels = kinds.map((kind) => {
      const box = htmlEl("figure", { class: "nx-panel", "data-panel": kind.key }, panelsBox);
      const svg = svgEl("svg", {
        viewBox: `0 0 ${size} ${size}`, role: "img",
        "aria-label": t("regionsPanelLabel", { title: kind.title, region: kind.region }),
      }, box);
      svgEl("rect", { x: 0, y: 0, width: size, height: size, class: "nx-bg" }, svg);
      svgEl("line", { x1: sx(view[0]), x2: sx(view[1]), y1: sy(0), y2: sy(0), class: "nx-axis" }, svg);
      svgEl("line", { x1: sx(0), x2: sx(0), y1: sy(view[2]), y2: sy(view[3]), class: "nx-axis" }, svg);
      for (let v = Math.ceil(view[0]); v <= view[1]; v += 1) {
        svgEl("text", { x: sx(v), y: size - 18, class: "nx-tick", "text-anchor": "middle" }, svg)
          .textContent = String(v).replace("-", "\u2212");
      }
      for (let v = Math.ceil(view[2]); v <= view[3]; v += 1) {
        svgEl("text", { x: 26, y: sy(v) + 4, class: "nx-tick", "text-anchor": "end" }, svg)
          .textContent = String(v).replace("-", "\u2212");
      }
      svgEl("text", { x: size - 12, y: size - 4, class: "nx-label", "text-anchor": "end" }, svg)
        .textContent = "w₁";
      svgEl("text", { x: 4, y: 14, class: "nx-label" }, svg).textContent = "w₂";
      const region = svgEl("polygon", { class: "nx-region" }, svg);
      const contours = [0.04, 0.16, 0.36, 0.64].map((f) => ({
        f, node: svgEl("ellipse", { class: "nx-contour" }, svg),
      }));
      const touching = svgEl("ellipse", { class: "nx-contour nx-touching" }, svg);
      const link = svgEl("line", { class: "nx-link" }, svg);
      const solution = svgEl("circle", { r: 6, class: "nx-solution" }, svg);
      const ols = svgEl("circle", { r: 7, class: "nx-ols" }, svg);
      const handle = svgEl("circle", { r: 16, class: "nx-handle" }, svg);
      const caption = htmlEl("figcaption", {}, box);
      htmlEl("strong", {}, caption, kind.title + ": ");
      const readout = htmlEl("span", { class: "nx-readout", "data-readout": kind.key }, caption);
      const move = (point) => {
        state.wOls = [
          clamp(sx.invert(point.x), view[0], view[1]),
          clamp(sy.invert(point.y), view[2], view[3]),
        ];
        w1Ctl.input.value = String(state.wOls[0]);
        w2Ctl.input.value = String(state.wOls[1]);
        update();
      };
      draggable(svg, svg, move, announce);
      return { kind, svg, region, contours, touching, link, solution, ols, handle, readout };
    });
    const live = htmlEl("p", { class: "nx-live", "aria-live": "polite" }, root);

    function ellipse(node, centre, level) {
      const cx = sx(centre[0]);
      const cy = sy(centre[1]);
      const rx = Math.sqrt(Math.max(level, 0) / eig.big) * sx.k;
      const ry = Math.sqrt(Math.max(level, 0) / Math.max(eig.small, 1e-300)) * sx.k;
      node.setAttribute("cx", cx);
      node.setAttribute("cy", cy);
      node.setAttribute("rx", rx);
      node.setAttribute("ry", ry);
      node.setAttribute("transform", `rotate(${(-eig.angle * 180) / Math.PI} ${cx} ${cy})`);
    }

    function solutions() {
      const b = [
        gram[0][0] * state.wOls[0] + gram[0][1] * state.wOls[1],
        gram[0][1] * state.wOls[0] + gram[1][1] * state.wOls[1],
      ];
      return {
        lasso: { w: elasticNet2(gram, b, state.lam, 1), rho: 1 },
        ridge: { w: elasticNet2(gram, b, state.lam, 0), rho: 0 },
        enet: { w: elasticNet2(gram, b, state.lam, state.rho), rho: state.rho },
      };
    }

    function update() {
      const sols = solutions();
      for (const panel of panels) {
        const { w, rho } = sols[panel.kind.key];
        const c = penaltyLevel(w, rho);
        const points = [];
        for (let i = 0; i < 240; i += 1) {
          const theta = (i * Math.PI) / 120;
          const r = c > 0 ? regionRadius(theta, rho, c) : 0;
          points.push(`${sx(r * Math.cos(theta)).toFixed(2)},${sy(r * Math.sin(theta)).toFixed(2)}`);
        }
        panel.region.setAttribute("points", points.join(" "));
        for (const contour of panel.contours) {
          ellipse(contour.node, state.wOls, contour.f * levelRef);
        }
        const d = [w[0] - state.wOls[0], w[1] - state.wOls[1]];
        const level = d[0] * (gram[0][0] * d[0] + gram[0][1] * d[1]) +
          d[1] * (gram[0][1] * d[0] + gram[1][1] * d[1]);
        ellipse(panel.touching, state.wOls, level);
        for (const node of [panel.ols, panel.handle]) {
          node.setAttribute("cx", sx(state.wOls[0]));
          node.setAttribute("cy", sy(state.wOls[1]));
        }
        panel.link.setAttribute("x1", sx(state.wOls[0]));
        panel.link.setAttribute("y1", sy(state.wOls[1]));
        panel.link.setAttribute("x2", sx(w[0]));
        panel.link.setAttribute("y2", sy(w[1]));
        panel.solution.setAttribute("cx", sx(w[0]));
        panel.solution.setAttribute("cy", sy(w[1]));
        panel.readout.replaceChildren();
        panel.readout.append("w = (");
        valueSpan(panel.readout, w[0], 3, "w1");
        panel.readout.append(", ");
        valueSpan(panel.readout, w[1], 3, "w2");
        panel.readout.append(`), ${t("zeros", { n: 2 - countNonzero(w) })}`);
      }
      lamCtl.output.textContent = fmtLam(state.lam);
      lamCtl.output.setAttribute("data-value", String(state.lam));
      lamCtl.input.setAttribute("aria-valuetext", `λ = ${fmtLam(state.lam)}`);
      w1Ctl.output.textContent = fmt(state.wOls[0], 2);
      w1Ctl.input.setAttribute("aria-valuetext", `w₁ = ${fmt(state.wOls[0], 2)}`);
      w2Ctl.output.textContent = fmt(state.wOls[1], 2);
      w2Ctl.input.setAttribute("aria-valuetext", `w₂ = ${fmt(state.wOls[1], 2)}`);
      rhoCtl.output.textContent = state.rho.toFixed(2);
      rhoCtl.input.setAttribute("aria-valuetext", `ρ = ${state.rho.toFixed(2)}`);
      return sols;
    }

    function announce() {
      const sols = solutions();
      const say = (name, w) => t("regionsSay", { name: t(name), w1: fmt(w[0], 2), w2: fmt(w[1], 2) });
      live.textContent = t("regionsLive", {
        lam: fmtLam(state.lam), lasso: say("lassoName", sols.lasso.w),
        ridge: say("ridgeName", sols.ridge.w), enet: say("enetName", sols.enet.w),
      });
    }

    lamCtl.input.addEventListener("input", () => {
      state.lam = Number(lamCtl.input.value);
      update();
    });
    w1Ctl.input.addEventListener("input", () => {
      state.wOls[0] = Number(w1Ctl.input.value);
      update();
    });
    w2Ctl.input.addEventListener("input", () => {
      state.wOls[1] = Number(w2Ctl.input.value);
      update();
    });
    rhoCtl.input.addEventListener("input", () => {
      state.rho = Number(rhoCtl.input.value);
      update();
    });
    for (const ctl of [lamCtl, w1Ctl, w2Ctl, rhoCtl]) {
      ctl.input.addEventListener("change", announce);
    }
    update();
    announce();
  }

  // ------------------------------------------------------------------ 2. coefficient paths

  function buildPaths(root, data) {
    const names = data.names;
    const p = names.length;
    const state = { lam: data.lam, linear: false };
    const steps = 2000;
    const logRatio = Math.log(data.lam_min / data.lam_max);
    const lamOf = (pos) => data.lam_max * Math.exp((logRatio * pos) / steps);
    const posOf = (lam) => Math.round((Math.log(lam / data.lam_max) / logRatio) * steps);
    const lasso = (lam) => interpolatePath(data.lasso_lams, data.lasso_coefs, lam);
    const ridge = (lam) => ridgePath(data.ridge_s, data.ridge_vt, data.ridge_uty, lam);

    const controls = htmlEl("div", { class: "nx-controls" }, root);
    const lamCtl = slider(controls, {
      name: "lam", label: t("lamRight"), min: 0, max: steps, step: 1,
      value: posOf(state.lam),
    });
    counter += 1;
    const boxId = `normlib-x-${counter}`;
    const toggleRow = htmlEl("div", { class: "nx-control nx-check" }, controls);
    const toggle = htmlEl("input", { type: "checkbox", id: boxId, "data-control": "linear" },
      toggleRow);
    htmlEl("label", { for: boxId }, toggleRow, t("linearAxis"));
    htmlEl("p", { class: "nx-hint" }, root, t("pathsHint"));

    const width = 460;
    const height = 290;
    const pad = { left: 60, right: 14, top: 12, bottom: 40 };
    const grid = [];
    for (let i = 0; i <= 240; i += 1) {
      grid.push(lamOf((i * steps) / 240));
    }
    const range = (f) => {
      let lo = 0;
      let hi = 0;
      for (const lam of grid) {
        for (const w of f(lam)) {
          lo = Math.min(lo, w);
          hi = Math.max(hi, w);
        }
      }
      const margin = 0.05 * (hi - lo || 1);
      return [lo - margin, hi + margin];
    };
    const panelsBox = htmlEl("div", { class: "nx-panels nx-wide" }, root);
    const panels = [
      { key: "lasso", title: t("lassoPathTitle"), f: lasso },
      { key: "ridge", title: t("ridgePathTitle"), f: ridge },
    ].map((kind) => {
      const box = htmlEl("figure", { class: "nx-panel", "data-panel": kind.key }, panelsBox);
      const svg = svgEl("svg", {
        viewBox: `0 0 ${width} ${height}`, role: "img",
        "aria-label": t("pathsPanelLabel", { title: kind.title, p }),
      }, box);
      svgEl("rect", { x: 0, y: 0, width, height, class: "nx-bg" }, svg);
      const yr = range(kind.f);
      const sy = linear(yr[0], yr[1], height - pad.bottom, pad.top);
      svgEl("line", { x1: pad.left, x2: width - pad.right, y1: sy(0), y2: sy(0), class: "nx-axis" }, svg);
      const ticksY = svgEl("g", {}, svg);
      const stepY = niceStep(yr[1] - yr[0]);
      for (let v = Math.ceil(yr[0] / stepY) * stepY; v <= yr[1]; v += stepY) {
        svgEl("text", { x: pad.left - 6, y: sy(v) + 4, class: "nx-tick", "text-anchor": "end" }, ticksY)
          .textContent = fmt(v, 0);
      }
      const ticksX = svgEl("g", {}, svg);
      svgEl("text", { x: width - pad.right, y: height - 4, class: "nx-label", "text-anchor": "end" }, svg)
        .textContent = "λ";
      const lines = names.map((name, j) => svgEl("polyline", {
        class: "nx-path", stroke: COLOURS[j % COLOURS.length], "stroke-dasharray": DASHES[j % DASHES.length],
      }, svg));
      const cursor = svgEl("line", { class: "nx-cursor", y1: pad.top, y2: height - pad.bottom }, svg);
      const markers = names.map((name, j) => svgEl("circle", {
        r: 3.5, class: "nx-marker", fill: COLOURS[j % COLOURS.length],
      }, svg));
      htmlEl("figcaption", {}, box, kind.title);
      const panel = { kind, svg, sy, lines, cursor, markers, ticksX };
      draggable(svg, svg, (point) => {
        const lam = clamp(xScale().invert(point.x), 0, data.lam_max);
        const pos = clamp(posOf(Math.max(lam, data.lam_min)), 0, steps);
        lamCtl.input.value = String(pos);
        state.lam = lamOf(pos);
        update();
      }, announce);
      return panel;
    });

    const table = htmlEl("table", { class: "nx-table" }, root);
    const caption = htmlEl("caption", {}, table);
    const head = htmlEl("tr", {}, htmlEl("thead", {}, table));
    for (const key of ["featureHead", "lassoHead", "ridgeHead"]) {
      htmlEl("th", { scope: "col" }, head, t(key));
    }
    const body = htmlEl("tbody", {}, table);
    const cells = names.map((name, j) => {
      const row = htmlEl("tr", {}, body);
      const th = htmlEl("th", { scope: "row" }, row);
      const swatch = htmlEl("span", { class: "nx-swatch", "aria-hidden": "true" }, th);
      swatch.style.background = COLOURS[j % COLOURS.length];
      th.append(name);
      return { lasso: htmlEl("td", {}, row), ridge: htmlEl("td", {}, row) };
    });
    const live = htmlEl("p", { class: "nx-live", "aria-live": "polite" }, root);

    function niceStep(span) {
      const raw = span / 5;
      const power = Math.pow(10, Math.floor(Math.log10(raw)));
      const unit = raw / power;
      return (unit < 1.5 ? 1 : unit < 3.5 ? 2 : 5) * power;
    }

    function xScale() {
      const left = pad.left;
      const right = width - pad.right;
      if (state.linear) {
        return linear(data.lam_max, 0, left, right);
      }
      const log = linear(Math.log(data.lam_max), Math.log(data.lam_min), left, right);
      const f = (lam) => log(Math.log(Math.max(lam, data.lam_min)));
      f.invert = (px) => Math.exp(log.invert(px));
      return f;
    }

    function drawPaths() {
      const sx = xScale();
      let lams;
      if (state.linear) {
        // straight segments: the breakpoints are enough for the lasso; ridge needs a grid
        lams = [];
        for (let i = 0; i <= 240; i += 1) {
          lams.push(data.lam_max * (1 - i / 240));
        }
      } else {
        lams = grid.slice();
      }
      for (const panel of panels) {
        let xs = lams;
        if (panel.kind.key === "lasso") {
          const inside = data.lasso_lams.filter((l) => l <= data.lam_max && (state.linear || l >= data.lam_min));
          xs = state.linear ? inside.concat([0]) : lams.concat(inside);
          xs = Array.from(new Set(xs)).sort((a, b) => b - a);
        }
        const coefs = xs.map((lam) => panel.kind.f(lam));
        panel.lines.forEach((line, j) => {
          line.setAttribute("points", xs.map((lam, i) =>
            `${sx(lam).toFixed(2)},${panel.sy(coefs[i][j]).toFixed(2)}`).join(" "));
        });
        panel.ticksX.replaceChildren();
        const ticks = state.linear
          ? [0, 0.25, 0.5, 0.75, 1].map((f) => f * data.lam_max)
          : decades();
        for (const lam of ticks) {
          svgEl("text", { x: sx(lam), y: height - pad.bottom + 16, class: "nx-tick", "text-anchor": "middle" },
            panel.ticksX).textContent = lam >= 1 || lam === 0 ? lam.toFixed(0) : String(lam);
        }
      }
    }

    function decades() {
      const out = [];
      for (let e = Math.ceil(Math.log10(data.lam_min)); e <= Math.log10(data.lam_max); e += 1) {
        out.push(Math.pow(10, e));
      }
      return out;
    }

    function update() {
      const sx = xScale();
      const values = { lasso: lasso(state.lam), ridge: ridge(state.lam) };
      for (const panel of panels) {
        const x = sx(state.lam);
        panel.cursor.setAttribute("x1", x);
        panel.cursor.setAttribute("x2", x);
        const w = values[panel.kind.key];
        panel.markers.forEach((marker, j) => {
          marker.setAttribute("cx", x);
          marker.setAttribute("cy", panel.sy(w[j]));
        });
      }
      cells.forEach((cell, j) => {
        for (const key of ["lasso", "ridge"]) {
          cell[key].replaceChildren();
          valueSpan(cell[key], values[key][j], 2, names[j]);
        }
      });
      const kept = countNonzero(values.lasso);
      const ridgeKept = countNonzero(values.ridge);
      caption.replaceChildren();
      appendT(caption, "pathsCaption", {
        lam: htmlEl("span", { "data-value": String(state.lam), "data-name": "lam" }, null, fmtLam(state.lam)),
        kept: htmlEl("span", { "data-value": String(kept), "data-name": "lasso-nonzero" }, null, String(kept)),
        ridgeKept: htmlEl("span", { "data-value": String(ridgeKept), "data-name": "ridge-nonzero" }, null,
          String(ridgeKept)),
        p,
      });
      lamCtl.output.textContent = fmtLam(state.lam);
      lamCtl.output.setAttribute("data-value", String(state.lam));
      lamCtl.input.setAttribute("aria-valuetext", t("pathsValuetext", { lam: fmtLam(state.lam), kept, p }));
      return values;
    }

    function announce() {
      live.textContent = t("pathsLive", {
        lam: fmtLam(state.lam), kept: countNonzero(lasso(state.lam)),
        ridgeKept: countNonzero(ridge(state.lam)), p,
      });
    }

    lamCtl.input.addEventListener("input", () => {
      state.lam = lamOf(Number(lamCtl.input.value));
      update();
    });
    lamCtl.input.addEventListener("change", announce);
    toggle.addEventListener("change", () => {
      state.linear = toggle.checked;
      drawPaths();
      update();
    });
    state.lam = lamOf(posOf(state.lam));
    drawPaths();
    update();
    announce();
  }

  // ------------------------------------------------------------------ 3. thresholding in 1-D

  function buildThresholding(root, data) {
    const state = { lam: data.lam, z: data.z };
    const hw = data.half_width;
    const controls = htmlEl("div", { class: "nx-controls" }, root);
    const lamCtl = slider(controls, {
      name: "lam", label: t("lamStrength"), min: 0, max: data.lam_max, step: 0.01,
      value: state.lam,
    });
    const zCtl = slider(controls, {
      name: "z", label: t("olsZ"), min: -hw, max: hw, step: 0.01, value: state.z,
    });
    htmlEl("p", { class: "nx-hint" }, root, t("thresholdingHint"));
    const width = 460;
    const height = 340;
    const pad = { left: 40, right: 12, top: 12, bottom: 34 };
    const sx = linear(-hw, hw, pad.left, width - pad.right);
    const sy = linear(-hw, hw, height - pad.bottom, pad.top);
    const box = htmlEl("figure", { class: "nx-panel nx-single", "data-panel": "thresholding" }, root);
    const svg = svgEl("svg", {
      viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": t("thresholdingLabel"),
    }, box);
    svgEl("rect", { x: 0, y: 0, width, height, class: "nx-bg" }, svg);
    const zone = svgEl("rect", { class: "nx-zone", y: pad.top, height: height - pad.top - pad.bottom }, svg);
    svgEl("line", { x1: sx(-hw), x2: sx(hw), y1: sy(0), y2: sy(0), class: "nx-axis" }, svg);
    svgEl("line", { x1: sx(0), x2: sx(0), y1: sy(-hw), y2: sy(hw), class: "nx-axis" }, svg);
    for (let v = -Math.floor(hw); v <= hw; v += 1) {
      svgEl("text", { x: sx(v), y: height - 14, class: "nx-tick", "text-anchor": "middle" }, svg)
        .textContent = String(v).replace("-", "\u2212");
      if (v !== 0) {
        svgEl("text", { x: pad.left - 6, y: sy(v) + 4, class: "nx-tick", "text-anchor": "end" }, svg)
          .textContent = String(v).replace("-", "\u2212");
      }
    }
    svgEl("text", { x: width - pad.right, y: height - 2, class: "nx-label", "text-anchor": "end" }, svg)
      .textContent = "z";
    svgEl("text", { x: 4, y: 12, class: "nx-label" }, svg).textContent = "ŵ";
    svgEl("line", { x1: sx(-hw), y1: sy(-hw), x2: sx(hw), y2: sy(hw), class: "nx-identity" }, svg);
    const curves = [
      // the colours of the static figure (plot_shrinkage): L1 blue, L2 vermillion
      { key: "soft", label: t("softCurve"), colour: COLOURS[0], dash: "" },
      { key: "hard", label: t("hardCurve"), colour: COLOURS[2], dash: "8 3 2 3" },
      { key: "ridge", label: t("ridgeCurve"), colour: COLOURS[1], dash: "7 4" },
    ];
    const f = {
      soft: (z) => softThreshold(z, state.lam / 2),
      hard: (z) => hardThreshold(z, state.lam / 2),
      ridge: (z) => ridge1(z, state.lam),
    };
    const zCursor = svgEl("line", { class: "nx-cursor", y1: pad.top, y2: height - pad.bottom }, svg);
    for (const curve of curves) {
      curve.node = svgEl("path", {
        class: "nx-path", stroke: curve.colour, "stroke-dasharray": curve.dash,
      }, svg);
      curve.marker = svgEl("circle", { r: 5, class: "nx-marker", fill: curve.colour }, svg);
    }
    const legend = htmlEl("figcaption", { class: "nx-legend" }, box);
    const readouts = {};
    for (const curve of curves) {
      const item = htmlEl("span", { class: "nx-legend-item" }, legend);
      const sample = svgEl("svg", { width: 28, height: 10, "aria-hidden": "true" }, item);
      svgEl("line", {
        x1: 0, y1: 5, x2: 28, y2: 5, stroke: curve.colour, "stroke-width": 3,
        "stroke-dasharray": curve.dash,
      }, sample);
      item.append(` ${curve.label} = `);
      readouts[curve.key] = htmlEl("span", { "data-readout": curve.key }, item);
    }
    const live = htmlEl("p", { class: "nx-live", "aria-live": "polite" }, root);
    draggable(svg, svg, (point) => {
      state.z = Math.round(clamp(sx.invert(point.x), -hw, hw) * 100) / 100;
      zCtl.input.value = String(state.z);
      update();
    }, announce);

    function update() {
      const thr = state.lam / 2;
      zone.setAttribute("x", sx(-thr));
      zone.setAttribute("width", sx(thr) - sx(-thr));
      const m = (x, y) => `${sx(x).toFixed(2)},${sy(clamp(y, -hw, hw)).toFixed(2)}`;
      curves[0].node.setAttribute("d", `M${m(-hw, f.soft(-hw))}L${m(-thr, 0)}L${m(thr, 0)}L${m(hw, f.soft(hw))}`);
      const tt = Math.min(thr, hw);
      curves[1].node.setAttribute("d",
        `M${m(-hw, -hw)}L${m(-tt, -tt)}M${m(-tt, 0)}L${m(tt, 0)}M${m(tt, tt)}L${m(hw, hw)}`);
      curves[2].node.setAttribute("d", `M${m(-hw, f.ridge(-hw))}L${m(hw, f.ridge(hw))}`);
      zCursor.setAttribute("x1", sx(state.z));
      zCursor.setAttribute("x2", sx(state.z));
      const values = {};
      for (const curve of curves) {
        const value = f[curve.key](state.z);
        values[curve.key] = value;
        curve.marker.setAttribute("cx", sx(state.z));
        curve.marker.setAttribute("cy", sy(value));
        readouts[curve.key].replaceChildren();
        valueSpan(readouts[curve.key], value, 3, curve.key);
      }
      lamCtl.output.textContent = `${state.lam.toFixed(2)} (t = ${thr.toFixed(2)})`;
      lamCtl.output.setAttribute("data-value", String(state.lam));
      lamCtl.input.setAttribute("aria-valuetext",
        t("thresholdingValuetext", { lam: state.lam.toFixed(2), t: thr.toFixed(2) }));
      zCtl.output.textContent = fmt(state.z, 2);
      zCtl.output.setAttribute("data-value", String(state.z));
      zCtl.input.setAttribute("aria-valuetext", `z = ${fmt(state.z, 2)}`);
      return values;
    }

    function announce() {
      const thr = state.lam / 2;
      live.textContent = t("thresholdingLive", {
        z: fmt(state.z, 2), t: thr.toFixed(2), soft: fmt(f.soft(state.z), 2),
        hard: fmt(f.hard(state.z), 2), ridge: fmt(f.ridge(state.z), 2),
      });
    }

    lamCtl.input.addEventListener("input", () => {
      state.lam = Number(lamCtl.input.value);
      update();
    });
    zCtl.input.addEventListener("input", () => {
      state.z = Number(zCtl.input.value);
      update();
    });
    lamCtl.input.addEventListener("change", announce);
    zCtl.input.addEventListener("change", announce);
    update();
    announce();
  }

  // ------------------------------------------------------------------ start

  const BUILDERS = { regions: buildRegions, paths: buildPaths, thresholding: buildThresholding };

  function init(root) {
    if (root.dataset.ready) {
      return;
    }
    const data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
    const build = BUILDERS[root.dataset.kind];
    if (!build) {
      return;
    }
    root.dataset.ready = "true";
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", root.dataset.label || t("figure"));
    const nojs = root.querySelector(".normlib-explorable-nojs");
    if (nojs) {
      nojs.remove();
    }
    const fallback = root.dataset.fallback && document.getElementById(root.dataset.fallback);
    if (fallback) {
      fallback.classList.add("normlib-explorable-replaced"); // still printed (see the CSS)
    }
    build(root, data);
  }

  function initAll() {
    document.querySelectorAll(".normlib-explorable").forEach(init);
  }

  window.normlibExplorables = {
    softThreshold, hardThreshold, ridge1, elasticNet2, interpolatePath, ridgePath,
    countNonzero, initAll,
    language: LANG, strings: STRINGS, // the words, for the tests (English and Korean pages)
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
}());
