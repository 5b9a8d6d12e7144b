// Charts as plain SVG drawn here (no chart library, no network). Each chart has an
// accessible name and description, and its data as a table in a <details>.

const SVG_NS = "http://www.w3.org/2000/svg";

function s(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children) node.append(child);
  return node;
}

// Rows of a {columns, rows} table -> x values and one series per `series` value
// (summing y where several rows share an x).
function seriesFrom(table, chart, rows = table.rows) {
  const col = (name) => table.columns.indexOf(name);
  const [xi, yi, si] = [col(chart.x), col(chart.y), chart.series ? col(chart.series) : -1];
  const xs = [...new Set(rows.map((r) => r[xi]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const names = si < 0 ? [chart.y_label || chart.y] : [...new Set(rows.map((r) => r[si]))];
  const series = names.map((name) => {
    const values = xs.map(() => null);
    for (const r of rows) {
      if (si >= 0 && r[si] !== name) continue;
      if (r[yi] === null || r[yi] === undefined) continue;
      const at = xs.indexOf(r[xi]);
      values[at] = (values[at] ?? 0) + r[yi];
    }
    return { name: String(name), values };
  });
  return { xs, series };
}

// Numbers with up to 2 decimals; thousands are grouped from 10,000 up (so years stay 2005).
const fmt = (v) => (typeof v === "number"
  ? v.toLocaleString("en-US", { maximumFractionDigits: 2, useGrouping: Math.abs(v) >= 10000 }) : String(v));

function niceStep(span) {
  const raw = span / 5 || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= raw);
}

// A time axis keeps the gaps between its values: numbers (years, editions) and ISO dates
// ("2016", "2016-11", "2016-11-05") sit on a linear scale, so 1994 -> 2005 is eleven
// times as wide as 2005 -> 2006. Any other x (names, ids) gets one band each.
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function timeValue(x) {
  if (typeof x === "number" && Number.isFinite(x)) return x;
  const m = typeof x === "string" ? ISO_DATE.exec(x) : null;
  return m ? Number(m[1]) + (Number(m[2] || 1) - 1 + (Number(m[3] || 1) - 1) / 31) / 12 : null;
}

// -> {time, band, at(i), ticks: [[position, label], ...]}; `band` is the room for one x's bars.
function xScale(xs, left, width) {
  const values = xs.map(timeValue);
  const n = xs.length;
  if (!n || values.some((v) => v === null)) {
    const band = width / Math.max(n, 1);
    const every = Math.max(1, Math.ceil(n / 6));
    const at = (i) => left + band * (i + 0.5);
    return { time: false, band, at, ticks: xs.flatMap((x, i) => (i % every === 0 || i === n - 1 ? [[at(i), fmt(x)]] : [])) };
  }
  const gaps = values.slice(1).map((v, i) => v - values[i]);
  const gap = gaps.length ? Math.min(...gaps) : 1;
  const lo = values[0] - gap / 2, hi = values[n - 1] + gap / 2;
  const unit = width / (hi - lo);
  const pos = (v) => left + (v - lo) * unit;
  const at = (i) => pos(values[i]);
  let ticks;
  if (n <= 8) {  // few values: label each one that has room
    const room = 8 * Math.max(...xs.map((x) => fmt(x).length));
    ticks = [];
    xs.forEach((x, i) => { if (!ticks.length || at(i) - ticks[ticks.length - 1][0] >= room) ticks.push([at(i), fmt(x)]); });
  } else {  // many: round years, evenly spaced
    const step = Math.max(1, Math.ceil(niceStep(values[n - 1] - values[0])));
    ticks = [];
    for (let v = Math.ceil(values[0] / step) * step; v <= values[n - 1]; v += step) ticks.push([pos(v), fmt(v)]);
  }
  return { time: true, band: gap * unit, at, ticks };
}

function chartFigure(chart, data) {
  const W = 480, H = 280, L = 64, R = 12, T = 12, B = 48;
  const titleId = uid("chart-title");
  const descId = uid("chart-desc");
  const all = data.series.flatMap((d) => d.values).filter((v) => v !== null);
  const top = Math.max(0, ...all), bottom = Math.min(0, ...all);
  const step = niceStep(top - bottom);
  const y0 = Math.floor(bottom / step) * step, y1 = Math.ceil(top / step) * step || step;
  const n = data.xs.length;
  const scale = xScale(data.xs, L, W - L - R);
  const band = scale.band;
  const px = scale.at;
  const py = (v) => T + (H - T - B) * (1 - (v - y0) / (y1 - y0));

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": titleId, "aria-describedby": descId,
    class: "cx-chart-svg", preserveAspectRatio: "xMidYMid meet", "data-x-scale": scale.time ? "time" : "band" });
  const range = n ? t("chart.range", { first: fmt(data.xs[0]), last: fmt(data.xs[n - 1]) }) : t("chart.no_data");
  svg.append(s("title", { id: titleId, text: chart.title }),
    s("desc", { id: descId, text: t(chart.kind === "bar" ? "chart.desc_bar" : "chart.desc_line",
      { y: chart.y_label || chart.y, x: chart.x_label || chart.x, range, series: data.series.length }) }));

  for (let v = y0; v <= y1 + step / 2; v += step) {
    svg.append(s("line", { x1: L, x2: W - R, y1: py(v), y2: py(v), class: "cx-grid" }),
      s("text", { x: L - 6, y: py(v) + 4, "text-anchor": "end", class: "cx-tick", text: fmt(Math.round(v * 1e6) / 1e6) }));
  }
  for (const [x, label] of scale.ticks) {
    if (scale.time) svg.append(s("line", { x1: x, x2: x, y1: H - B, y2: H - B + 5, class: "cx-axis" }));
    svg.append(s("text", { x, y: H - B + 18, "text-anchor": "middle", class: "cx-tick", text: label }));
  }
  svg.append(s("line", { x1: L, x2: W - R, y1: py(Math.max(0, y0)), y2: py(Math.max(0, y0)), class: "cx-axis" }),
    s("text", { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle", class: "cx-axis-label", text: chart.x_label || chart.x }));

  data.series.forEach((d, k) => {
    const cls = `cx-s${k % 5}`;
    if (chart.kind === "bar") {
      const w = (band * 0.8) / data.series.length;
      d.values.forEach((v, i) => {
        if (v === null) return;
        const x = px(i) - band * 0.4 + w * k;
        svg.append(s("rect", { x, y: Math.min(py(v), py(0)), width: Math.max(w - 1, 1), height: Math.abs(py(0) - py(v)), class: `cx-bar ${cls}`, "data-x": String(data.xs[i]) }));
      });
    } else {
      const points = d.values.map((v, i) => (v === null ? null : `${px(i)},${py(v)}`)).filter(Boolean);
      svg.append(s("polyline", { points: points.join(" "), class: `cx-line ${cls}`, "stroke-dasharray": ["", "6 3", "2 3", "8 3 2 3", "1 1"][k % 5] }));
      d.values.forEach((v, i) => { if (v !== null) svg.append(s("circle", { cx: px(i), cy: py(v), r: 2.5, class: `cx-dot ${cls}`, "data-x": String(data.xs[i]) })); });
    }
  });

  const legend = data.series.length > 1
    ? h("ul", { class: "cx-legend" }, data.series.map((d, k) => h("li", {}, [h("span", { class: `cx-key cx-s${k % 5}`, "aria-hidden": "true" }), d.name])))
    : "";
  const yLabel = h("p", { class: "cx-chart-ylabel", text: chart.y_label || chart.y });
  const table = h("table", { class: "cx-table" }, [
    h("caption", { text: chart.title }),
    h("thead", {}, [h("tr", {}, [h("th", { scope: "col", text: chart.x_label || chart.x }),
      ...data.series.map((d) => h("th", { scope: "col", text: d.name }))])]),
    h("tbody", {}, data.xs.map((x, i) => h("tr", {}, [h("th", { scope: "row", text: fmt(x) }),
      ...data.series.map((d) => h("td", { text: d.values[i] === null ? "–" : fmt(d.values[i]) }))]))),
  ]);
  return h("figure", { class: "cx-chart" }, [
    h("figcaption", { class: "cx-chart-title", text: chart.title }), yLabel, svg, legend,
    h("details", { class: "cx-chart-data" }, [h("summary", { text: t("chart.data_table") }), h("div", { class: "cx-table-wrap" }, [table])]),
  ]);
}
