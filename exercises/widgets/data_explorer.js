// Data explorer: filter a table with controls and watch a table and a chart update;
// then answer questions from it (each checked like a single-choice or numeric one).

// Every matching row is listed (a question may name any of them) up to this many; past it
// the caption says how many are not shown and to narrow the filters.
const MAX_ROWS = 500;

function explorerControls(spec, onchange) {
  const { table } = spec;
  const col = (name) => table.columns.indexOf(name);
  const controls = h("div", { class: "cx-controls" });
  const tests = [];
  for (const filter of spec.filters) {
    const i = col(filter.column);
    const values = [...new Set(table.rows.map((r) => r[i]))].sort();
    const id = uid("filter");
    const select = h("select", { id, onchange },
      [h("option", { value: "", text: t("explorer.all") }), ...values.map((v, k) => h("option", { value: String(k), text: String(v) }))]);
    if (filter.default !== undefined) select.value = String(values.indexOf(filter.default));
    controls.append(h("div", { class: "cx-field" }, [h("label", { for: id, text: filter.label || filter.column }), " ", select]));
    tests.push((r) => select.value === "" || r[i] === values[Number(select.value)]);
  }
  if (spec.range) {
    const i = col(spec.range.column);
    const values = table.rows.map((r) => r[i]).filter((v) => typeof v === "number");
    const bounds = [Math.min(...values), Math.max(...values)];
    const [from, to] = ["from", "to"].map((end, k) => {
      const id = uid(`range-${end}`);
      const input = h("input", { type: "number", id, value: String(bounds[k]), min: bounds[0], max: bounds[1], step: 1,
        class: "cx-number", oninput: onchange });
      controls.append(h("div", { class: "cx-field" },
        [h("label", { for: id, text: t(end === "from" ? "explorer.range_from" : "explorer.range_to",
          { label: spec.range.label || spec.range.column }) }), " ", input]));
      return input;
    });
    tests.push((r) => {
      const low = from.value === "" ? -Infinity : Number(from.value);
      const high = to.value === "" ? Infinity : Number(to.value);
      return r[i] >= low && r[i] <= high;
    });
  }
  return { controls, rows: () => table.rows.filter((r) => tests.every((test) => test(r))) };
}

function dataTable(table, rows) {
  return h("table", { class: "cx-table" }, [
    h("caption", { text: rows.length > MAX_ROWS
      ? t("explorer.caption_some", { shown: MAX_ROWS, rows: rows.length })
      : t("explorer.caption_all", { rows: rows.length }) }),
    h("thead", {}, [h("tr", {}, table.columns.map((c) => h("th", { scope: "col", text: c })))]),
    h("tbody", {}, rows.slice(0, MAX_ROWS).map((r) => h("tr", {}, r.map((v) => h("td", { text: v === null ? "–" : fmt(v) }))))),
  ]);
}

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = exerciseStore(spec);
  const verdict = graded(spec, checkDataExplorer);
  const view = h("div", { class: "cx-explorer-view" });
  const count = h("p", { class: "cx-count", role: "status", "aria-live": "polite" });
  const explorer = explorerControls(spec, update);
  ui.body.append(explorer.controls, count, view);

  function update() {
    const rows = explorer.rows();
    count.textContent = t("explorer.count", { matching: rows.length, rows: spec.table.rows.length });
    view.replaceChildren(chartFigure(spec.chart, seriesFrom(spec.table, spec.chart, rows)),
      h("details", { class: "cx-rows" }, [h("summary", { text: t("explorer.matching_rows") }),
        h("div", { class: "cx-table-wrap", tabindex: "0", role: "region", "aria-label": t("explorer.matching_rows") }, [dataTable(spec.table, rows)])]));
  }

  const previous = saved.load();  // its shape checked: per question null, an option index or a number
  const answers = previous ? [...previous.answer] : spec.questions.map(() => null);
  const parts = spec.questions.map((q, n) => {
    const box = h("fieldset", { class: "cx-question" }, [h("legend", { text: t("explorer.question", { n: n + 1 }) }), h("div", { html: q.prompt_html })]);
    const region = statusRegion();
    let read;
    if (q.type === "single_choice") {
      const inputs = choiceInputs(box, q.options, "radio", q.order);
      read = () => inputs.findIndex((input) => input.checked);
      if (answers[n] !== null && inputs[answers[n]]) inputs[answers[n]].checked = true;
    } else {
      const field = numberField(uid("answer"), q.unit);
      box.append(field.field);
      read = field.value;
      field.input.addEventListener("keydown", (event) => { if (event.key === "Enter") answer(); });
      if (typeof answers[n] === "number") field.input.value = String(answers[n]);
    }
    const checkQuestion = graded(spec, QUESTION_CHECKS[q.type]);
    const show = () => { const r = checkQuestion(q, answers[n]); region.announce(r.status, r.feedback); return r; };
    function answer() {
      answers[n] = read();
      if (answers[n] === -1) answers[n] = null;
      if (show().status === "invalid") answers[n] = null;
      const overall = verdict(spec, answers);
      if (overall.status !== "invalid") submit(ui, model, saved, verdict, spec, [...answers]);
      else if (!saved.save([...answers], null)) ui.unsaved(null);
    }
    box.append(h("div", { class: "cx-actions" }, [button(actionLabel(spec, t("ui.check_answer")), answer, true)]), region.node);
    ui.body.append(box);
    return { show, has: () => answers[n] !== null };
  });
  ui.actions.append(button(t("explorer.reset"), () => {
    answers.fill(null);
    ui.root.querySelectorAll(".cx-question input").forEach((input) => { if (input.type === "radio") input.checked = false; else input.value = ""; });
    ui.root.querySelectorAll(".cx-question .cx-feedback").forEach((node) => { node.dataset.status = "none"; node.replaceChildren(); });
    resetAll(ui, model, saved);
  }));

  update();
  parts.forEach((part) => { if (part.has()) part.show(); });
  const overall = verdict(spec, answers);
  if (overall.status !== "invalid") ui.announce(overall.status, overall.feedback);
}

export default { render, check: checkDataExplorer };
