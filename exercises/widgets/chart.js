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

function chartFigure(chart, data) {
  const W = 480, H = 280, L = 64, R = 12, T = 12, B = 48;
  const titleId = uid("chart-title");
  const descId = uid("chart-desc");
  const all = data.series.flatMap((d) => d.values).filter((v) => v !== null);
  const top = Math.max(0, ...all), bottom = Math.min(0, ...all);
  const step = niceStep(top - bottom);
  const y0 = Math.floor(bottom / step) * step, y1 = Math.ceil(top / step) * step || step;
  const n = data.xs.length;
  const band = (W - L - R) / Math.max(n, 1);
  const px = (i) => L + band * (i + 0.5);
  const py = (v) => T + (H - T - B) * (1 - (v - y0) / (y1 - y0));

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": titleId, "aria-describedby": descId,
    class: "cx-chart-svg", preserveAspectRatio: "xMidYMid meet" });
  const range = n ? `${fmt(data.xs[0])} to ${fmt(data.xs[n - 1])}` : "no data";
  svg.append(s("title", { id: titleId, text: chart.title }),
    s("desc", { id: descId, text: `${chart.kind === "bar" ? "Bar" : "Line"} chart of ${chart.y_label || chart.y} by ${chart.x_label || chart.x}, ${range}; ${data.series.length} series. The data are in the table below.` }));

  for (let v = y0; v <= y1 + step / 2; v += step) {
    svg.append(s("line", { x1: L, x2: W - R, y1: py(v), y2: py(v), class: "cx-grid" }),
      s("text", { x: L - 6, y: py(v) + 4, "text-anchor": "end", class: "cx-tick", text: fmt(Math.round(v * 1e6) / 1e6) }));
  }
  const every = Math.max(1, Math.ceil(n / 6));
  data.xs.forEach((x, i) => {
    if (i % every === 0 || i === n - 1) {
      svg.append(s("text", { x: px(i), y: H - B + 18, "text-anchor": "middle", class: "cx-tick", text: fmt(x) }));
    }
  });
  svg.append(s("line", { x1: L, x2: W - R, y1: py(Math.max(0, y0)), y2: py(Math.max(0, y0)), class: "cx-axis" }),
    s("text", { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle", class: "cx-axis-label", text: chart.x_label || chart.x }));

  data.series.forEach((d, k) => {
    const cls = `cx-s${k % 5}`;
    if (chart.kind === "bar") {
      const w = (band * 0.8) / data.series.length;
      d.values.forEach((v, i) => {
        if (v === null) return;
        const x = px(i) - band * 0.4 + w * k;
        svg.append(s("rect", { x, y: Math.min(py(v), py(0)), width: Math.max(w - 1, 1), height: Math.abs(py(0) - py(v)), class: `cx-bar ${cls}` }));
      });
    } else {
      const points = d.values.map((v, i) => (v === null ? null : `${px(i)},${py(v)}`)).filter(Boolean);
      svg.append(s("polyline", { points: points.join(" "), class: `cx-line ${cls}`, "stroke-dasharray": ["", "6 3", "2 3", "8 3 2 3", "1 1"][k % 5] }));
      d.values.forEach((v, i) => { if (v !== null) svg.append(s("circle", { cx: px(i), cy: py(v), r: 2.5, class: `cx-dot ${cls}` })); });
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
    h("details", { class: "cx-chart-data" }, [h("summary", { text: "Chart data as a table" }), h("div", { class: "cx-table-wrap" }, [table])]),
  ]);
}
