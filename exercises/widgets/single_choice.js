// Single choice: one correct option, feedback for every option.

function render({ model, el }) {
  const spec = model.get("spec");
  const ui = frame(el, spec);
  const saved = store(spec.ref);
  const inputs = choiceInputs(ui.body, spec.options, "radio");
  ui.body.setAttribute("role", "radiogroup");
  ui.body.setAttribute("aria-labelledby", ui.promptId);

  const chosen = () => inputs.findIndex((input) => input.checked);
  ui.actions.append(
    button("Check answer", () => submit(ui, model, saved, checkSingleChoice, spec, chosen()), true),
    button("Reset", () => {
      inputs.forEach((input) => { input.checked = false; });
      resetAll(ui, model, saved);
      inputs[0].focus();
    }),
  );

  const previous = saved.load();
  if (previous && isIndex(previous.answer, inputs.length)) {
    inputs[previous.answer].checked = true;
    const outcome = checkSingleChoice(spec, previous.answer);
    ui.announce(outcome.status, outcome.feedback);
  }
}

export default { render, check: checkSingleChoice };
