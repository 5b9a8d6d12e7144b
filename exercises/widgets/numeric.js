// Numeric estimate: a number within a tolerance, read from the chart beside it.
// The expected value was computed by Python from the data when the widget was made.

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = exerciseStore(spec);
  const verdict = graded(spec, checkNumeric);
  const { field, input, value } = numberField(uid("number"), spec.unit);
  const check = () => submit(ui, model, saved, verdict, spec, value());
  input.addEventListener("keydown", (event) => { if (event.key === "Enter") check(); });

  const answerPart = h("div", { class: "cx-answer" }, [field]);
  if (spec.chart) {
    ui.body.classList.add("cx-with-chart");
    ui.body.append(chartFigure(spec.chart, seriesFrom(spec.table, spec.chart)), answerPart);
  } else {
    ui.body.append(answerPart);
  }
  ui.actions.append(button(actionLabel(spec, t("ui.check_answer")), check, true),
    button(t("ui.reset"), () => { input.value = ""; resetAll(ui, model, saved); input.focus(); }));

  const previous = saved.load();
  if (previous && typeof previous.answer === "number") {
    input.value = String(previous.answer);
    const outcome = verdict(spec, previous.answer);
    ui.announce(outcome.status, outcome.feedback);
  }
}

export default { render, check: checkNumeric };
